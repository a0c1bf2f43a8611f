import { parseBoolean, parseDate, parseDateTime, parseDateTimeDay, parseDay, parseNumber } from '../values';

describe('parseDateTimeDay', () => {
  it.each([
    ['2024-07-11T21:22:07.000+0000', '2024-07-11'],
    ['2024-07-11T21:22:07Z', '2024-07-11'],
    ['2024-07-11T21:22:07.000Z', '2024-07-11'],
    ['2024-07-11 21:22:07', '2024-07-11'],
    ['2024-07-11T21:22:07.000+00:00', '2024-07-11']
  ])('reads %s', (text, day) => {
    expect(parseDateTimeDay(text)).toBe(day);
  });

  it.each([
    ['2024-07-11T20:00:00.000-0700', '2024-07-12'],
    ['2024-07-11T01:30:00.000+0200', '2024-07-10'],
    ['2024-12-31T23:30:00-01:00', '2025-01-01'],
    ['2024-03-01T00:15:00.000+0100', '2024-02-29']
  ])('takes the UTC day of %s', (text, day) => {
    expect(parseDateTimeDay(text)).toBe(day);
  });

  it.each([
    '2024-13-40T10:00:00Z',
    '2023-02-29T10:00:00Z',
    '2024-07-11T24:00:00Z',
    '2024-07-11T10:60:00Z',
    '2024-07-11',
    '11/07/2024 10:00',
    '2024-07-11T10:00:00+2500',
    ''
  ])('rejects %s', (text) => {
    expect(parseDateTimeDay(text)).toBeUndefined();
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2024-07-11T21:22:07.000+0000', '2024-07-11T21:22:07.000Z'],
    ['2024-07-11T21:22:07Z', '2024-07-11T21:22:07.000Z'],
    ['2024-07-11 21:22:07', '2024-07-11T21:22:07.000Z'],
    ['2024-07-11T21:22:07.5+0000', '2024-07-11T21:22:07.500Z'],
    ['2024-07-11T21:22:07.570Z', '2024-07-11T21:22:07.570Z'],
    ['2024-07-11T21:22:07.123456789Z', '2024-07-11T21:22:07.123Z'],
    ['2024-07-11T01:30:00.000+0200', '2024-07-10T23:30:00.000Z'],
    ['2024-12-31T23:30:00-01:00', '2025-01-01T00:30:00.000Z']
  ])('reads %s in UTC', (text, moment) => {
    expect(parseDateTime(text)).toBe(moment);
  });

  it.each(['2024-13-40T10:00:00Z', '2024-07-11T24:00:00Z', '2024-07-11', '2024-07-11T10:00:00+2500', ''])(
    'rejects %s',
    (text) => {
      expect(parseDateTime(text)).toBeUndefined();
    }
  );
});

describe('parseDate', () => {
  it('reads a calendar date', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
  });

  it.each(['2023-02-29', '2024-04-31', '2024-00-10', '2024-7-11', '2024/07/11', '2024-07-1x'])('rejects %s', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it('gives the same answer from its cache', () => {
    expect(parseDate('1900-02-29')).toBeUndefined();
    expect(parseDate('1900-02-29')).toBeUndefined();
    expect(parseDate('2000-02-29')).toBe('2000-02-29');
  });
});

describe('parseDay', () => {
  it('accepts a date or a date-time', () => {
    expect(parseDay('2024-07-11')).toBe('2024-07-11');
    expect(parseDay('2024-07-11T23:00:00.000-0200')).toBe('2024-07-12');
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['1', true],
    ['false', false],
    ['FALSE', false],
    ['0', false],
    ['', false]
  ])('reads %p', (text, value) => {
    expect(parseBoolean(text)).toBe(value);
  });

  it.each(['yes', 'no', '2', 'checked'])('rejects %p', (text) => {
    expect(parseBoolean(text)).toBeUndefined();
  });
});

describe('parseNumber', () => {
  it.each([
    ['42', 42],
    ['0', 0],
    ['-3.5', -3.5],
    ['120000.50', 120000.5],
    ['.5', 0.5],
    ['1.2E3', 1200],
    [' 7 ', 7],
    ['1234567890123456789', 1234567890123456789]
  ])('reads %p', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('reads blank as null', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('  ')).toBeNull();
  });

  it.each(['abc', '1,234', '$12', '0x10', 'Infinity', '1e', '12-'])('rejects %p', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});
