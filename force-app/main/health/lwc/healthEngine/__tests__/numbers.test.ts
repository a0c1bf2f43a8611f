import { daysBetween, formatIsoDate, parseIsoDate } from '../dates';
import { compareText, formatNumber, roundTo } from '../numbers';

describe('roundTo', () => {
  it('rounds half away from zero', () => {
    const table: [number, number, number][] = [
      [1.005, 2, 1.01],
      [2.675, 2, 2.68],
      [60.625, 2, 60.63],
      [-60.625, 2, -60.63],
      [2.5, 0, 3],
      [-2.5, 0, -3],
      [0.125, 2, 0.13],
      [1.2344999, 4, 1.2345],
      [83.33333333, 2, 83.33],
      [0.1 + 0.2, 2, 0.3]
    ];

    for (const [value, places, expected] of table) {
      expect(roundTo(value, places)).toBe(expected);
    }
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });

  it('rejects bad input', () => {
    expect(() => roundTo(Number.POSITIVE_INFINITY, 2)).toThrow('only finite numbers');
    expect(() => roundTo(1, 1.5)).toThrow('whole number of places');
  });
});

describe('formatNumber', () => {
  it('drops trailing zeros', () => {
    expect(formatNumber(20)).toBe('20');
    expect(formatNumber(12.5)).toBe('12.5');
    expect(formatNumber(-3.333)).toBe('-3.33');
    expect(formatNumber(0.004)).toBe('0');
    expect(formatNumber(100.005)).toBe('100.01');
  });
});

describe('compareText', () => {
  it('orders by code units', () => {
    expect(['b', 'B', 'a', 'Alpha'].sort(compareText)).toEqual(['Alpha', 'B', 'a', 'b']);
  });
});

describe('parseIsoDate', () => {
  it('counts days from 1970', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(parseIsoDate('1969-12-31')).toBe(-1);
    expect(parseIsoDate('2000-03-01')).toBe(11017);
    expect(parseIsoDate('2025-06-30')).toBe(20269);
  });

  it('matches the UTC calendar', () => {
    for (let day = -719162; day <= 2932896; day += 997) {
      const iso = new Date(day * 86400000).toISOString().slice(0, 10);
      expect(parseIsoDate(iso)).toBe(day);
    }
  });

  it('rejects malformed dates', () => {
    for (const text of ['2025-6-30', '2025-02-29', '2024-13-01', '2025-06-31', '20250630', '2025-06-30T00:00', '']) {
      expect(() => parseIsoDate(text, 'renewalDate')).toThrow('renewalDate');
    }
  });

  it('accepts leap days', () => {
    expect(parseIsoDate('2024-02-29') + 1).toBe(parseIsoDate('2024-03-01'));
    expect(() => parseIsoDate('1900-02-29')).toThrow('not a calendar date');
  });
});

describe('formatIsoDate', () => {
  it('inverts parseIsoDate', () => {
    for (const text of ['0001-01-01', '1969-12-31', '2024-02-29', '2025-06-30', '9999-12-31']) {
      expect(formatIsoDate(parseIsoDate(text))).toBe(text);
    }
  });
});

describe('daysBetween', () => {
  it('is signed', () => {
    expect(daysBetween('2025-06-30', '2025-09-28')).toBe(90);
    expect(daysBetween('2025-06-30', '2025-06-20')).toBe(-10);
  });
});
