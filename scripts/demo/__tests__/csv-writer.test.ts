import { parse } from 'csv-parse/sync';

import { BYTE_ORDER_MARK, formatCsv, formatCsvField } from '../csv-writer';

describe('formatCsvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['', '']
  ])('quotes %j only when needed', (value, expected) => {
    expect(formatCsvField(value)).toBe(expected);
  });

  it('writes booleans, numbers and null', () => {
    expect(formatCsvField(true)).toBe('true');
    expect(formatCsvField(false)).toBe('false');
    expect(formatCsvField(12000)).toBe('12000');
    expect(formatCsvField(0.5)).toBe('0.5');
    expect(formatCsvField(null)).toBe('');
  });

  it('rejects a number that is not finite', () => {
    expect(() => formatCsvField(Number.NaN)).toThrow('not a finite number');
  });
});

describe('formatCsv', () => {
  it('starts with a BOM and ends rows with CRLF', () => {
    const text = formatCsv(['Id', 'Name'], [['1', 'Acme']]);

    expect(text.startsWith(BYTE_ORDER_MARK)).toBe(true);
    expect(text).toBe(`${BYTE_ORDER_MARK}Id,Name\r\n1,Acme\r\n`);
  });

  it('round-trips through a CSV parser', () => {
    const rows = [
      ['1', 'Line one\nline "two", with comma', true, 3],
      ['2', null, false, 0.25]
    ];

    const parsed: string[][] = parse(formatCsv(['Id', 'Text', 'Flag', 'Number'], rows), { bom: true });

    expect(parsed).toEqual([
      ['Id', 'Text', 'Flag', 'Number'],
      ['1', 'Line one\nline "two", with comma', 'true', '3'],
      ['2', '', 'false', '0.25']
    ]);
  });

  it('rejects a row with the wrong field count', () => {
    expect(() => formatCsv(['Id', 'Name'], [['1']])).toThrow('CSV row 1 has 1 fields but the header has 2');
  });
});
