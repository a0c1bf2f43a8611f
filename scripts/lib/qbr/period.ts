/**
 * The quarter a business review covers, read against the last day of an export's data: the quarter's first and last
 * day, and the day its numbers are read for, as QbrBuilderService does with today's date in the org.
 */
import { periodOfQuarter, quarterOf } from 'c/qbrEngine';

/** Form of a quarter in messages. */
export const QUARTER_FORM = 'YYYY-Qn, for example 2026-Q4';

/** A quarter and the day its numbers are read for. */
export interface ReviewPeriod {
  /** Quarter as `2026-Q4`. */
  quarter: string;
  periodStart: string;
  periodEnd: string;
  /** The quarter's last day, or the last day of the data when the quarter has not ended by then. */
  asOf: string;
}

/** The quarter is invalid or has no data; the message names the value and what to choose instead. */
export class QbrPeriodError extends Error {}

const QUARTER_PATTERN = /^([1-9]\d{3})-[Qq]([1-4])$/;

/**
 * Parses a quarter typed by a user, such as `2026-Q4` or `2026-q4`; spaces around it are ignored.
 * @returns The quarter in the form `2026-Q4`.
 * @throws QbrPeriodError when the text is not a quarter of a year from 1000 to 9999.
 */
export function parseQuarter(text: string): string {
  const match = QUARTER_PATTERN.exec(text.trim());
  if (match === null) {
    throw new QbrPeriodError(`Quarter "${text.trim()}" is not valid. Use the form ${QUARTER_FORM}.`);
  }
  return `${match[1]}-Q${match[2]}`;
}

/**
 * Returns the period of a review. The numbers are read as of the quarter's last day, or as of `dataAsOf` when the
 * quarter runs on past it, because the data contains nothing later.
 * @param quarter Quarter as `2026-Q4`.
 * @param dataAsOf Last day of the data, ISO `YYYY-MM-DD`: the scoring date of the export.
 * @throws QbrPeriodError when the quarter is not in that form or starts after `dataAsOf`.
 */
export function reviewPeriodOf(quarter: string, dataAsOf: string): ReviewPeriod {
  const normalized = parseQuarter(quarter);
  const { start, end } = periodOfQuarter(normalized);
  if (start > dataAsOf) {
    throw new QbrPeriodError(
      `Quarter ${normalized} has not started by ${dataAsOf}, the as-of date of the data, so it has no data to ` +
        `review. Choose the current quarter, ${quarterOf(dataAsOf)}, or an earlier one.`
    );
  }
  return { quarter: normalized, periodStart: start, periodEnd: end, asOf: end < dataAsOf ? end : dataAsOf };
}
