/**
 * Parsers for the value formats of Salesforce CSV exports. Each returns the parsed value, or `undefined` when the
 * text is not valid, so the caller can report the row with its line and column.
 */

/** Example shown to the user when a date-time is invalid. */
export const DATE_TIME_EXAMPLE = '2024-07-11T21:22:07.000+0000';
/** Example shown to the user when a date is invalid. */
export const DATE_EXAMPLE = '2024-07-11';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Usage files repeat the same few hundred dates millions of times, so validated dates are cached.
const dateCache = new Map<string, boolean>();
const DATE_CACHE_LIMIT = 100_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

function twoDigits(text: string, index: number): number {
  const tens = digit(text, index);
  const ones = digit(text, index + 1);
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

/** True when `text` starts with a valid calendar date `YYYY-MM-DD`. */
function startsWithValidDate(text: string): boolean {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const century = twoDigits(text, 0);
  const yearInCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (century < 0 || yearInCentury < 0 || month < 1 || month > 12 || day < 1) return false;
  const year = century * 100 + yearInCentury;
  if (month === 2 && day === 29) return isLeapYear(year);
  return day <= DAYS_IN_MONTH[month - 1];
}

/** Parses an ISO date `YYYY-MM-DD`; returns it unchanged when valid. */
export function parseDate(text: string): string | undefined {
  if (text.length !== 10) return undefined;
  let valid = dateCache.get(text);
  if (valid === undefined) {
    valid = startsWithValidDate(text);
    if (dateCache.size >= DATE_CACHE_LIMIT) dateCache.clear();
    dateCache.set(text, valid);
  }
  return valid ? text : undefined;
}

const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** Minutes east of UTC of a zone such as `+0200`, `-05:00`; undefined when the hours or minutes are out of range. */
function zoneOffsetMinutes(zone: string): number | undefined {
  const sign = zone.charCodeAt(0) === 45 ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetHours = Number(digits.slice(0, 2));
  const offsetMinutes = Number(digits.slice(2, 4));
  if (offsetHours > 14 || offsetMinutes > 59) return undefined;
  return sign * (offsetHours * 60 + offsetMinutes);
}

/** Milliseconds since the epoch of a Salesforce date-time, or undefined when the text is not a valid one. */
function parseDateTimeMillis(text: string): number | undefined {
  const match = DATE_TIME_PATTERN.exec(text);
  if (match === null || !startsWithValidDate(text)) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const milliseconds = match[4] === undefined ? 0 : Number(match[4].slice(0, 3).padEnd(3, '0'));

  const zone = match[5];
  const offset = zone === undefined || zone === 'Z' ? 0 : zoneOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  const localMs = Date.UTC(
    Number(text.slice(0, 4)),
    Number(text.slice(5, 7)) - 1,
    Number(text.slice(8, 10)),
    hour,
    minute,
    second,
    milliseconds
  );
  return localMs - offset * 60_000;
}

/**
 * Parses a Salesforce date-time and returns the ISO date of its UTC day. Accepts `2024-07-11T21:22:07.000+0000`,
 * `…Z`, `….000Z`, an offset with a colon, and `2024-07-11 21:22:07`. A value without a zone is taken as UTC,
 * because Salesforce stores date-times in UTC and its API returns them so.
 */
export function parseDateTimeDay(text: string): string | undefined {
  const match = DATE_TIME_PATTERN.exec(text);
  if (match === null || !startsWithValidDate(text)) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;

  const zone = match[5];
  if (zone === undefined || zone === 'Z') return text.slice(0, 10);
  const offset = zoneOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  if (offset === 0) return text.slice(0, 10);

  const localMs = Date.UTC(
    Number(text.slice(0, 4)),
    Number(text.slice(5, 7)) - 1,
    Number(text.slice(8, 10)),
    hour,
    minute
  );
  return new Date(localMs - offset * 60_000).toISOString().slice(0, 10);
}

/**
 * Parses a Salesforce date-time (the forms `parseDateTimeDay` accepts) and returns it in UTC as
 * `2024-07-11T21:22:07.000Z`.
 */
export function parseDateTime(text: string): string | undefined {
  const millis = parseDateTimeMillis(text);
  return millis === undefined ? undefined : new Date(millis).toISOString();
}

/**
 * Parses a date column that may also hold a date-time (a Date field exported as such, or a Date/Time field used as
 * a date) and returns the ISO date, taking the UTC day of a date-time.
 */
export function parseDay(text: string): string | undefined {
  return text.length === 10 ? parseDate(text) : parseDateTimeDay(text);
}

/**
 * Parses a Salesforce checkbox: `true`/`false`, `1`/`0` in any letter case; blank is false.
 * Returns undefined for any other text.
 */
export function parseBoolean(text: string): boolean | undefined {
  switch (text) {
    case '':
    case 'false':
    case '0':
    case 'FALSE':
      return false;
    case 'true':
    case '1':
    case 'TRUE':
      return true;
    default: {
      const lower = text.trim().toLowerCase();
      if (lower === 'true' || lower === '1') return true;
      if (lower === 'false' || lower === '0' || lower === '') return false;
      return undefined;
    }
  }
}

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a plain decimal such as `12`, `-3.5` or `1.2E3`. Returns null for a blank value and undefined for text that
 * is not a plain decimal. Thousands separators, currency symbols and hexadecimal are rejected on purpose, because
 * separators and symbols depend on the writer's locale and no Salesforce export writes hexadecimal.
 */
export function parseNumber(text: string): number | null | undefined {
  const trimmed = text.trim();
  const length = trimmed.length;
  if (length === 0) return null;
  // Counts in usage files are short whole numbers; summing digits skips the regular expression for them.
  if (length <= 15) {
    let value = 0;
    let index = 0;
    for (; index < length; index++) {
      const code = trimmed.charCodeAt(index) - 48;
      if (code < 0 || code > 9) break;
      value = value * 10 + code;
    }
    if (index === length) return value;
  }
  return NUMBER_PATTERN.test(trimmed) ? Number(trimmed) : undefined;
}
