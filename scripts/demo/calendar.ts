/**
 * Calendar arithmetic on whole days counted from 1970-01-01 (UTC) and on epoch seconds. Everything goes through
 * `Date.UTC` and the `getUTC*` accessors, so the output never depends on the machine's time zone or locale.
 */

import type { Random } from './random';

export const SECONDS_PER_DAY = 86400;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a `YYYY-MM-DD` date into a day number (days since 1970-01-01).
 * @throws Error when the text is not a valid calendar date
 */
export function parseIsoDate(text: string): number {
  const match = ISO_DATE.exec(text);
  if (!match) {
    throw new Error(`Date "${text}" is not in YYYY-MM-DD format; write it like 2026-11-30.`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const dayOfMonth = Number(match[3]);
  const milliseconds = Date.UTC(year, month - 1, dayOfMonth);
  const date = new Date(milliseconds);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dayOfMonth) {
    throw new Error(`Date "${text}" does not exist in the calendar; check the month and day.`);
  }
  return milliseconds / (SECONDS_PER_DAY * 1000);
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatIsoDate(day: number): string {
  return new Date(day * SECONDS_PER_DAY * 1000).toISOString().slice(0, 10);
}

/** Formats epoch seconds the way Data Loader writes a date-time: `2026-11-30T14:03:11.000+0000`. */
export function formatDateTime(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace('Z', '+0000');
}

/** Returns the day of the week of a day number: 0 for Sunday through 6 for Saturday. */
export function dayOfWeek(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

/** Returns the day number of the UTC date that contains the given epoch second. */
export function dayOfEpochSeconds(epochSeconds: number): number {
  return Math.floor(epochSeconds / SECONDS_PER_DAY);
}

/** Returns the month (1-12) of a day number. */
export function monthOf(day: number): number {
  return new Date(day * SECONDS_PER_DAY * 1000).getUTCMonth() + 1;
}

/** Returns the year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * SECONDS_PER_DAY * 1000).getUTCFullYear();
}

/**
 * Adds calendar months to a day number. A day of the month that the target month lacks becomes that month's last day,
 * as contract end dates do (2026-01-31 plus one month is 2026-02-28).
 */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * SECONDS_PER_DAY * 1000);
  const targetMonthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
  const targetMonth = new Date(targetMonthStart);
  const lastDayOfMonth = new Date(
    Date.UTC(targetMonth.getUTCFullYear(), targetMonth.getUTCMonth() + 1, 0)
  ).getUTCDate();
  const dayOfMonth = Math.min(date.getUTCDate(), lastDayOfMonth);
  return Date.UTC(targetMonth.getUTCFullYear(), targetMonth.getUTCMonth(), dayOfMonth) / (SECONDS_PER_DAY * 1000);
}

/**
 * Returns a moment during the business hours of a local day as epoch seconds: between 07:30 and 18:00 local time,
 * most often around midday.
 * @param utcOffsetHours offset of the local time from UTC, for example -5 for New York in winter
 */
export function businessMoment(random: Random, day: number, utcOffsetHours: number): number {
  const localSeconds = Math.floor(27000 + ((random.next() + random.next()) / 2) * 37800);
  return day * SECONDS_PER_DAY + localSeconds - utcOffsetHours * 3600;
}

/** Returns the day itself when it is Monday to Friday, otherwise the Friday before it. */
export function workdayOnOrBefore(day: number): number {
  const weekday = dayOfWeek(day);
  if (weekday === 0) {
    return day - 2;
  }
  return weekday === 6 ? day - 1 : day;
}
