/**
 * Counts of a review period from an account's facts, with the rules of QbrReviewStats and QbrReviewDataLoader: usage
 * per month, Case counts with the median resolution time, the feedback responses of the period, and medians.
 */
import { daysBetween, roundTo } from 'c/healthEngine';
import type { CaseFact, FeedbackFact, UsageDay } from 'c/healthEngine';
import type { QbrCaseStats, QbrUsagePoint } from 'c/qbrEngine';

/** Decimal places of the median resolution time, as CaseStats.medianResolutionDays has them. */
const RESOLUTION_DAYS_PLACES = 1;

function isWithin(date: string, first: string, last: string): boolean {
  return date >= first && date <= last;
}

/**
 * Summarises each month of the period that has usage: the highest number of active users on one day and the logins.
 * @param usage Daily usage of the account, both sources summed per day; null when the export has no usage source.
 * @param first First day of the period.
 * @param last Last day counted, the review's as-of date.
 * @returns One point per month with usage, oldest first, the month as `YYYY-MM`; empty without usage.
 */
export function monthlyUsage(usage: readonly UsageDay[] | null, first: string, last: string): QbrUsagePoint[] {
  const byMonth = new Map<string, { activeUsers: number; logins: number }>();
  for (const day of usage ?? []) {
    if (!isWithin(day.date, first, last)) {
      continue;
    }
    const month = day.date.slice(0, 7);
    const point = byMonth.get(month) ?? { activeUsers: 0, logins: 0 };
    point.activeUsers = Math.max(point.activeUsers, day.activeUsers);
    point.logins += day.logins;
    byMonth.set(month, point);
  }
  return [...byMonth.entries()]
    .sort(([left], [right]) => (left < right ? -1 : 1))
    .map(([month, point]) => ({ month, activeUsers: point.activeUsers, logins: point.logins }));
}

/**
 * Returns the median: the middle value, or the mean of the two middle values when the count is even.
 * @param values Numbers in any order; the list is not changed.
 * @returns The median, or null for an empty list.
 */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((left, right) => left - right);
  return medianOfSorted(sorted);
}

/** Returns the median of numbers sorted ascending, or null for an empty list. */
export function medianOfSorted(sorted: readonly number[]): number | null {
  if (sorted.length === 0) {
    return null;
  }
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) {
    return sorted[middle];
  }
  // Apex halves the exact Decimal sum; rounding to 6 places removes the binary error of the sum of two 4-place values.
  return roundTo((sorted[middle - 1] + sorted[middle]) / 2, 6);
}

/**
 * Counts the Cases of a period as the QBR builder shows them:
 * - opened: created from the first day to the last;
 * - resolved: closed in that time, with the median days from creation to closing (to 1 decimal place);
 * - openAtEnd: created by the last day and not closed by then, and highPriorityOpen, those of a high priority.
 * The export contains days, not times, so resolution times are whole days.
 * @param cases Cases of the account; null when the export has no Case.csv.
 * @param first First day of the period.
 * @param last Last day counted, the review's as-of date.
 * @returns The counts; null when `cases` is null.
 */
export function caseStatsOf(cases: readonly CaseFact[] | null, first: string, last: string): QbrCaseStats | null {
  if (cases === null) {
    return null;
  }
  const stats: QbrCaseStats = { opened: 0, resolved: 0, openAtEnd: 0, highPriorityOpen: 0, medianResolutionDays: null };
  const resolutionDays: number[] = [];
  for (const fact of cases) {
    if (isWithin(fact.createdDate, first, last)) {
      stats.opened = (stats.opened as number) + 1;
    }
    if (fact.closedDate !== null && isWithin(fact.closedDate, first, last)) {
      stats.resolved = (stats.resolved as number) + 1;
      resolutionDays.push(Math.max(0, daysBetween(fact.createdDate, fact.closedDate)));
    }
    const isOpenAtEnd = fact.createdDate <= last && (fact.closedDate === null || fact.closedDate > last);
    if (isOpenAtEnd) {
      stats.openAtEnd = (stats.openAtEnd as number) + 1;
      if (fact.isHighPriority) {
        stats.highPriorityOpen = (stats.highPriorityOpen as number) + 1;
      }
    }
  }
  const median = medianOf(resolutionDays);
  stats.medianResolutionDays = median === null ? null : roundTo(median, RESOLUTION_DAYS_PLACES);
  return stats;
}

/**
 * Counts the feedback responses of the account from the first day to the last.
 * @param feedback Responses of the account; null when the export has no Feedback__c.csv.
 * @returns The count; null when `feedback` is null.
 */
export function feedbackCountOf(feedback: readonly FeedbackFact[] | null, first: string, last: string): number | null {
  return feedback === null ? null : feedback.filter((answer) => isWithin(answer.date, first, last)).length;
}
