import { parseIsoDate } from 'c/healthEngine';
import { TREND_MONTHS } from './constants';

/**
 * Returns the first day of the month of an ISO date.
 * @param date ISO date.
 * @throws Error when the date is not an ISO date.
 */
export function monthStart(date: string): string {
  parseIsoDate(date, 'date');
  return `${date.slice(0, 7)}-01`;
}

/**
 * Moves a month forward or back.
 * @param month ISO date; only its year and month count.
 * @param count Months to add, negative to go back.
 * @returns ISO date of the first day of the resulting month.
 * @throws Error when the month is not an ISO date.
 */
export function addMonths(month: string, count: number): string {
  parseIsoDate(month, 'month');
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  const year = Math.floor(index / 12);
  const monthNumber = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(monthNumber).padStart(2, '0')}-01`;
}

/**
 * Lists the TREND_MONTHS months that end with `month`, oldest first, as the first day of each month.
 * @param month ISO date of the latest month.
 */
export function trendMonths(month: string): string[] {
  const months: string[] = [];
  for (let offset = TREND_MONTHS - 1; offset >= 0; offset--) {
    months.push(addMonths(month, -offset));
  }
  return months;
}
