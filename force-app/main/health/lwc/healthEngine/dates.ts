/**
 * Calendar dates as whole UTC day numbers. The engine never reads the local time zone or the clock: every date is an
 * ISO `YYYY-MM-DD` string that becomes the number of days since 1970-01-01, so date arithmetic is integer arithmetic
 * and matches Apex `Date.daysBetween`.
 */

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Returns true when `year` is a leap year of the proleptic Gregorian calendar. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads `length` decimal digits from `start`, or returns -1 when any of them is not a digit. */
function readNumber(text: string, start: number, length: number): number {
  let result = 0;
  for (let index = start; index < start + length; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) {
      return -1;
    }
    result = result * 10 + digit;
  }
  return result;
}

/**
 * Parses an ISO date `YYYY-MM-DD` (years 0001 to 9999) into its day number, the count of days since 1970-01-01.
 * Parsing is done by hand because it runs once per usage row, and because `Date.parse` treats some malformed strings
 * leniently depending on the runtime.
 * @param value ISO date text.
 * @param fieldName Name of the value for the error message, for example `usage[3].date of account 001A`.
 * @returns Day number; negative before 1970.
 * @throws Error when the text is not a valid calendar date in that exact form.
 */
export function parseIsoDate(value: string, fieldName = 'date'): number {
  const day = tryParseIsoDate(value);
  if (!Number.isNaN(day)) {
    return day;
  }
  const hasForm = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (hasForm) {
    throw new Error(`${fieldName} ${JSON.stringify(value)} is not a calendar date; check the month and the day.`);
  }
  throw new Error(
    `${fieldName} ${JSON.stringify(value)} is not a date in the form YYYY-MM-DD; write it like 2025-06-30.`
  );
}

/**
 * Parses an ISO date `YYYY-MM-DD` like {@link parseIsoDate}, but returns NaN instead of throwing, so hot loops build
 * an error message only when a date is bad.
 * @param value ISO date text.
 * @returns Day number, or NaN when the text is not a valid date in that exact form.
 */
export function tryParseIsoDate(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    return Number.NaN;
  }
  const year = readNumber(value, 0, 4);
  const month = readNumber(value, 5, 2);
  const day = readNumber(value, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return Number.NaN;
  }
  return dayNumber(year, month, day);
}

/** Counts the days from 1970-01-01 to the given Gregorian date (negative before 1970). */
function dayNumber(year: number, month: number, day: number): number {
  const priorYears = year - 1;
  const leapDays = Math.floor(priorYears / 4) - Math.floor(priorYears / 100) + Math.floor(priorYears / 400);
  const leapDayThisYear = month > 2 && isLeapYear(year) ? 1 : 0;
  // 719162 is the day number of 1970-01-01 counted from 0001-01-01.
  return priorYears * 365 + leapDays + DAYS_BEFORE_MONTH[month - 1] + leapDayThisYear + day - 1 - 719162;
}

/**
 * Formats a day number as an ISO date `YYYY-MM-DD`; the inverse of {@link parseIsoDate}.
 * @param days Days since 1970-01-01.
 * @returns ISO date text.
 */
export function formatIsoDate(days: number): string {
  // Date is used only as a calendar converter on an explicit UTC instant, never for the current time.
  const date = new Date(days * 86400000);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/**
 * Returns the number of whole days from `from` to `to` (negative when `to` is earlier), like Apex
 * `from.daysBetween(to)`.
 * @param from ISO date.
 * @param to ISO date.
 */
export function daysBetween(from: string, to: string): number {
  return parseIsoDate(to) - parseIsoDate(from);
}
