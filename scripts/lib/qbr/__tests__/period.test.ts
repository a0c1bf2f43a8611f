import { QbrPeriodError, parseQuarter, reviewPeriodOf } from '..';

describe('parseQuarter', () => {
  it.each([
    ['2026-Q4', '2026-Q4'],
    ['2026-q1', '2026-Q1'],
    [' 2025-Q3 ', '2025-Q3']
  ])('reads %j', (text, expected) => {
    expect(parseQuarter(text)).toBe(expected);
  });

  it.each(['2026-Q5', '2026-Q0', '0999-Q1', '2026Q4', '26-Q4', ''])('rejects %j', (text) => {
    expect(() => parseQuarter(text)).toThrow(QbrPeriodError);
  });

  it('names the expected form', () => {
    expect(() => parseQuarter('2026-Q5')).toThrow(
      'Quarter "2026-Q5" is not valid. Use the form YYYY-Qn, for example 2026-Q4.'
    );
  });
});

describe('reviewPeriodOf', () => {
  it('stops the current quarter at the last day of the data', () => {
    expect(reviewPeriodOf('2026-Q4', '2026-11-30')).toEqual({
      quarter: '2026-Q4',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      asOf: '2026-11-30'
    });
  });

  it('reads a past quarter to its last day', () => {
    expect(reviewPeriodOf('2026-q2', '2026-11-30')).toEqual({
      quarter: '2026-Q2',
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      asOf: '2026-06-30'
    });
  });

  it('accepts a quarter that starts on the last day of the data', () => {
    expect(reviewPeriodOf('2027-Q1', '2027-01-01').asOf).toBe('2027-01-01');
  });

  it('rejects a quarter that starts later', () => {
    expect(() => reviewPeriodOf('2027-Q1', '2026-12-31')).toThrow(
      'Quarter 2027-Q1 has not started by 2026-12-31, the as-of date of the data, so it has no data to review. ' +
        'Choose the current quarter, 2026-Q4, or an earlier one.'
    );
  });
});
