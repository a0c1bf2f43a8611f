import { parseIsoDate } from 'c/healthEngine';

const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;
const QUARTER_END_DAYS = ['03-31', '06-30', '09-30', '12-31'];

/** First and last day of a quarter, ISO `YYYY-MM-DD`, both included. */
export interface QuarterPeriod {
  start: string;
  end: string;
}

function parseQuarter(quarter: string): { year: number; index: number } {
  const match = typeof quarter === 'string' ? QUARTER_PATTERN.exec(quarter) : null;
  if (match === null || Number(match[1]) < 1) {
    throw new Error(`Quarter ${JSON.stringify(quarter)} is invalid: write it as YYYY-Qn, like 2026-Q4.`);
  }
  return { year: Number(match[1]), index: Number(match[2]) };
}

function formatQuarter(year: number, index: number): string {
  return `${String(year).padStart(4, '0')}-Q${index}`;
}

/**
 * Returns the calendar quarter of a date, like `2026-Q4` for 2026-11-15.
 * @param date ISO date `YYYY-MM-DD`.
 * @throws Error when the date is not a valid ISO date.
 */
export function quarterOf(date: string): string {
  parseIsoDate(date, 'Quarter date');
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * Returns the first and last day of a calendar quarter: `2026-Q4` gives 2026-10-01 to 2026-12-31.
 * @param quarter Quarter as `YYYY-Qn`.
 * @throws Error when the quarter is not in that form.
 */
export function periodOfQuarter(quarter: string): QuarterPeriod {
  const { year, index } = parseQuarter(quarter);
  const yearText = String(year).padStart(4, '0');
  const startMonth = String((index - 1) * 3 + 1).padStart(2, '0');
  return { start: `${yearText}-${startMonth}-01`, end: `${yearText}-${QUARTER_END_DAYS[index - 1]}` };
}

/**
 * Returns the quarter before the given one: `2026-Q1` gives `2025-Q4`.
 * @param quarter Quarter as `YYYY-Qn`.
 * @throws Error when the quarter is not in that form or is the first quarter of year 1.
 */
export function previousQuarter(quarter: string): string {
  const { year, index } = parseQuarter(quarter);
  if (index > 1) {
    return formatQuarter(year, index - 1);
  }
  if (year <= 1) {
    throw new Error(`Quarter ${quarter} has no previous quarter: use a quarter from 0001-Q2 on.`);
  }
  return formatQuarter(year - 1, 4);
}

/**
 * Lists the quarter of `asOf` and the quarters before it, newest first, for the quarter picker.
 * @param asOf ISO date.
 * @param count Number of quarters, a whole number of at least 1.
 * @throws Error when the date is invalid or the count is not a whole number of at least 1.
 */
export function recentQuarters(asOf: string, count: number): string[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`Quarter count ${count} is invalid: use a whole number of at least 1.`);
  }
  const quarters = [quarterOf(asOf)];
  while (quarters.length < count) {
    quarters.push(previousQuarter(quarters[quarters.length - 1]));
  }
  return quarters;
}

/**
 * Returns the quarter as it appears in file names, in lower case: `2026-Q4` gives `2026-q4`.
 * @param quarter Quarter as `YYYY-Qn`.
 * @throws Error when the quarter is not in that form.
 */
export function quarterSlug(quarter: string): string {
  parseQuarter(quarter);
  return quarter.toLowerCase();
}
