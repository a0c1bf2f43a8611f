import { formatNumber, roundTo } from 'c/healthEngine';
import { formatWithUnit } from './sections';
import type { Direction } from 'c/healthEngine';
import type { Benchmark, BenchmarkMeasure, BenchmarkRow, MeasureValues, QbrPeerMedian } from './types';

/** A benchmark insight needs at least this many peers, so that one unusual account cannot make the median. */
export const BENCHMARK_MIN_PEERS = 3;

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Returns the median of the finite numbers in a list: the middle value of an odd count, the mean of the two middle
 * values of an even count, null when there is none. Nulls and non-finite values are ignored.
 */
export function medianOf(values: (number | null | undefined)[]): number | null {
  const sorted = values.filter(isNumber).sort((left, right) => left - right);
  if (sorted.length === 0) {
    return null;
  }
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Size of the gap relative to the median, used only to rank measures against each other; it never appears in text,
 * because a share of a median that is negative, near 0 or itself a percentage does not read as a real quantity.
 * Null when the median is 0 and no relative gap exists.
 */
function relativeGap(row: BenchmarkRow): number | null {
  if (row.favourableGap === null || row.median === null || row.median === 0) {
    return null;
  }
  return roundTo((Math.abs(row.favourableGap) / Math.abs(row.median)) * 100, 0);
}

/**
 * Formats the absolute difference between the account and the median in the measure's unit. For a `%` measure the
 * difference is in percentage points, because 45% against 50% is 5 points apart, not 5% of anything.
 */
function formatDifference(difference: number, unit: string | null): string {
  if (unit === '%') {
    return `${formatNumber(difference)} ${difference === 1 ? 'percentage point' : 'percentage points'}`;
  }
  return formatWithUnit(difference, unit);
}

/**
 * Describes one row in the measure's own terms, like
 * `Logins is 120 against a peer median of 90 (30 higher, where higher is better)`.
 */
export function describeBenchmarkRow(row: BenchmarkRow): string {
  if (row.value === null || row.median === null) {
    return `${row.label} has no value to compare`;
  }
  const value = formatWithUnit(row.value, row.unit);
  const median = formatWithUnit(row.median, row.unit);
  const better = row.direction === 'LowerIsBetter' ? 'lower' : 'higher';
  const gap = roundTo(row.value - row.median, 2);
  if (gap === 0) {
    return `${row.label} is ${value}, equal to the peer median`;
  }
  const side = gap > 0 ? 'higher' : 'lower';
  const difference = formatDifference(Math.abs(gap), row.unit);
  return `${row.label} is ${value} against a peer median of ${median} (${difference} ${side}, where ${better} is better)`;
}

/**
 * Writes the insight sentence: the measure with the largest favourable gap and the one with the largest unfavourable
 * gap. The ranking divides each gap by the absolute median, so a measure counted in thousands does not outrank one
 * counted in single digits; the sentence itself gives the account's value, the peer median and the absolute
 * difference in the measure's unit, with no percentage of the median. Measures with fewer than 3 peers or a median of
 * 0 are not ranked. Ties keep the measure listed first.
 */
function insightOf(
  rows: BenchmarkRow[],
  peerCount: number
): Pick<Benchmark, 'insight' | 'aheadMeasure' | 'behindMeasure'> {
  const none = { insight: null, aheadMeasure: null, behindMeasure: null };
  if (peerCount < BENCHMARK_MIN_PEERS) {
    return none;
  }

  let best: { row: BenchmarkRow; rank: number } | null = null;
  let worst: { row: BenchmarkRow; rank: number } | null = null;
  let ranked = 0;
  for (const row of rows) {
    const rank = relativeGap(row);
    if (row.peerCount < BENCHMARK_MIN_PEERS || rank === null) {
      continue;
    }
    ranked++;
    const gap = row.favourableGap as number;
    if (gap > 0 && (best === null || rank > best.rank)) {
      best = { row, rank };
    } else if (gap < 0 && (worst === null || rank > worst.rank)) {
      worst = { row, rank };
    }
  }
  if (ranked === 0) {
    return none;
  }

  const peers = `the median of ${peerCount} peer accounts in the same segment`;
  if (best === null && worst === null) {
    return { ...none, insight: `In line with ${peers} on every compared measure.` };
  }
  const parts = [`Compared with ${peers}.`];
  if (best !== null) {
    parts.push(`Ahead: ${describeBenchmarkRow(best.row)}.`);
  }
  if (worst !== null) {
    parts.push(`Behind: ${describeBenchmarkRow(worst.row)}.`);
  }
  return {
    insight: parts.join(' '),
    aheadMeasure: best?.row.measure ?? null,
    behindMeasure: worst?.row.measure ?? null
  };
}

/**
 * Compares an account with peer medians that were already computed (by Apex, from the same segment). This is the
 * second half of {@link benchmarkOf}, for callers that receive medians instead of the peers' values.
 * @param accountValues The account's raw value per measure name.
 * @param medians Median and peer count per measure name.
 * @param peerCount Number of peer accounts compared; no insight below 3.
 * @param measures Measures to compare, in display order; a measure without a direction counts as HigherIsBetter.
 */
export function benchmarkFromMedians(
  accountValues: MeasureValues,
  medians: QbrPeerMedian[],
  peerCount: number,
  measures: BenchmarkMeasure[]
): Benchmark {
  const byMeasure = new Map(medians.map((median) => [median.measure, median]));
  const rows = measures.map((measure): BenchmarkRow => {
    const direction: Direction = measure.direction ?? 'HigherIsBetter';
    const peer = byMeasure.get(measure.name);
    const value = isNumber(accountValues[measure.name]) ? (accountValues[measure.name] as number) : null;
    const median = peer !== undefined && isNumber(peer.median) ? peer.median : null;
    const gap = value !== null && median !== null ? value - median : null;
    let favourableGap: number | null = null;
    if (gap !== null) {
      favourableGap = direction === 'LowerIsBetter' ? 0 - gap : gap;
    }
    return {
      measure: measure.name,
      label: measure.label,
      direction,
      unit: measure.unit ?? null,
      value,
      median,
      peerCount: peer?.peerCount ?? 0,
      gap,
      favourableGap
    };
  });
  return { rows, peerCount, ...insightOf(rows, peerCount) };
}

/**
 * Compares one account with the median of its peers (accounts of the same segment) on each measure. The median of a
 * measure uses only the peers with a value for it. The direction comes from the health model's measure definition
 * when the caller passes it; without one, a higher value counts as better. The insight sentence names the largest
 * favourable and unfavourable gap (ranked relative to the median, written as absolute numbers); there is none with
 * fewer than 3 peers.
 * @param accountValues The account's raw value per measure name.
 * @param peers Raw values of each peer account, the account itself excluded.
 * @param measures Measures to compare, in display order.
 * @returns One row per measure, the peer count and the insight sentence or null.
 */
export function benchmarkOf(
  accountValues: MeasureValues,
  peers: MeasureValues[],
  measures: BenchmarkMeasure[]
): Benchmark {
  const medians = measures.map((measure): QbrPeerMedian => {
    const values = peers.map((peer) => peer[measure.name]).filter(isNumber);
    return { measure: measure.name, median: medianOf(values), peerCount: values.length };
  });
  return benchmarkFromMedians(accountValues, medians, peers.length, measures);
}
