import { roundTo } from 'c/healthEngine';
import { PRIORITY_FLAG_COUNT, TREND_DEAD_BAND, TREND_MONTHS } from './constants';
import { monthStart, trendMonths } from './months';
import { BARRIER_ACTIONS } from './barriers';
import { compareText, isNumber } from './text';
import { ALL_SEGMENT } from './types';
import type { AdoptionFactRow, AdoptionTrendResult, SegmentType, UnderusedCandidate, UnderusedFeature } from './types';

/**
 * Computes a feature's adoption: active / entitled × 100, rounded half away from zero to 1 decimal. The result is not
 * capped, so over 100 means more active users than entitled ones.
 * @param active Active users in the month.
 * @param entitled Entitled users in the month.
 * @returns The percent, or null when either count is null or entitled is 0 or less.
 */
export function adoptionPercent(active: number | null, entitled: number | null): number | null {
  if (!isNumber(active) || !isNumber(entitled) || entitled <= 0) {
    return null;
  }
  return roundTo((active / entitled) * 100, 1);
}

/**
 * Fits the trend of a feature's monthly adoption. Only the last TREND_MONTHS (3) percents count, oldest first. Each
 * gets its index in that window as x (0, 1, 2), so a missing month (null) leaves a gap instead of shifting the
 * others. The slope is the ordinary least-squares slope of percent against index over the points that are not null,
 * in percentage points per month, rounded half away from zero to 2 decimals. The rounded slope gives the trend:
 * above TREND_DEAD_BAND (2) Improving, below its negative Declining, else Stable (so exactly 2.0 is Stable).
 * @param percents Monthly adoption percents, oldest first; null for a month without data.
 * @returns Insufficient with a null slope when fewer than 2 of the last TREND_MONTHS percents are known.
 */
export function adoptionTrend(percents: (number | null)[]): AdoptionTrendResult {
  const window = percents.slice(Math.max(0, percents.length - TREND_MONTHS));
  const xs: number[] = [];
  const ys: number[] = [];
  window.forEach((percent, index) => {
    if (isNumber(percent)) {
      xs.push(index);
      ys.push(percent);
    }
  });
  if (xs.length < 2) {
    return { trend: 'Insufficient', slope: null };
  }

  // The health engine's fitTrend fits a score per day over a model's window and keeps its slope helper private, so
  // this fit over month indices is written out here.
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < xs.length; i++) {
    covariance += (xs[i] - meanX) * (ys[i] - meanY);
    variance += (xs[i] - meanX) * (xs[i] - meanX);
  }
  // The indices are distinct, so two points always give a positive variance.
  const slope = roundTo(covariance / variance, 2);

  if (slope > TREND_DEAD_BAND) {
    return { trend: 'Improving', slope };
  }
  if (slope < -TREND_DEAD_BAND) {
    return { trend: 'Declining', slope };
  }
  return { trend: 'Stable', slope };
}

/**
 * Collects the adoption percents of one feature and segment over the TREND_MONTHS months ending with `month`, oldest
 * first, with null for a month without a fact, ready for `adoptionTrend`. When two facts share a month, the first in
 * input order counts.
 * @param facts Adoption facts of one account.
 * @param featureKey Feature key.
 * @param segmentType Segment type.
 * @param segment Segment name.
 * @param month ISO date of the latest month.
 */
export function percentSeries(
  facts: AdoptionFactRow[],
  featureKey: string,
  segmentType: SegmentType,
  segment: string,
  month: string
): (number | null)[] {
  const months = trendMonths(month);
  const byMonth = new Map<string, number | null>();
  for (const fact of facts) {
    if (fact.featureKey !== featureKey || fact.segmentType !== segmentType || fact.segment !== segment) {
      continue;
    }
    const key = monthStart(fact.month);
    if (!byMonth.has(key)) {
      byMonth.set(key, fact.adoptionPercent);
    }
  }
  return months.map((key) => byMonth.get(key) ?? null);
}

/**
 * Builds the UniqueKey__c of a FeatureUsage__c or AdoptionFact__c record:
 * `accountId|featureKey|segmentType|segment|yyyy-MM`.
 * @param accountId Account id.
 * @param featureKey Feature key.
 * @param segmentType Segment type.
 * @param segment Segment name; `All` for the whole account.
 * @param month ISO date in the month.
 * @throws Error when the month is not an ISO date.
 */
export function adoptionUniqueKey(
  accountId: string,
  featureKey: string,
  segmentType: SegmentType,
  segment: string,
  month: string
): string {
  return [accountId, featureKey, segmentType, segment, monthStart(month).slice(0, 7)].join('|');
}

function compareUnderused(left: UnderusedFeature, right: UnderusedFeature): number {
  return right.priority - left.priority || compareText(left.featureKey, right.featureKey);
}

/**
 * Ranks the under-used features of an account in its latest month.
 * - Only rows of segment type All count, and of those only the latest month among them, which is the month the
 *   scorecard shows. A feature without a row in that month is not judged, because its data is out of date. When a
 *   feature has two rows in that month, the first in input order counts.
 * - A feature is under-used when its percent is known and below its target (a percent equal to the target is not).
 * - priority = valueRank × (target − percent), rounded half away from zero to 1 decimal.
 * - Sorted by priority descending, then by feature key; the first PRIORITY_FLAG_COUNT (3) are flagged.
 * - action: the feature's enablement action; when it has none, the default action of its first barrier
 *   (`BARRIER_ACTIONS`); null when it has neither.
 * @param rows One row per feature and segment, with the feature's target, value rank, action and barriers.
 * @returns Every under-used feature, highest priority first; empty when no row is of segment type All.
 */
export function underusedFeatures(rows: UnderusedCandidate[]): UnderusedFeature[] {
  const accountRows = rows.filter((row) => row.segmentType === ALL_SEGMENT);
  if (accountRows.length === 0) {
    return [];
  }
  const latestMonth = accountRows
    .map((row) => monthStart(row.month))
    .reduce((max, month) => (month > max ? month : max));

  const seen = new Set<string>();
  const underused: UnderusedFeature[] = [];
  for (const row of accountRows) {
    if (monthStart(row.month) !== latestMonth || seen.has(row.featureKey)) {
      continue;
    }
    seen.add(row.featureKey);
    if (!isNumber(row.percent) || row.percent >= row.target) {
      continue;
    }
    const enablementAction = row.enablementAction?.trim() ?? '';
    let action: string | null = enablementAction === '' ? null : enablementAction;
    if (action === null && row.barriers.length > 0) {
      action = BARRIER_ACTIONS[row.barriers[0]];
    }
    underused.push({
      featureKey: row.featureKey,
      month: latestMonth,
      percent: row.percent,
      target: row.target,
      valueRank: row.valueRank,
      priority: roundTo(row.valueRank * (row.target - row.percent), 1),
      isFlagged: false,
      action
    });
  }

  underused.sort(compareUnderused);
  return underused.map((feature, index) => ({ ...feature, isFlagged: index < PRIORITY_FLAG_COUNT }));
}
