/**
 * The peers of an account and the median of their raw measure values, chosen as QbrReviewDataLoader.readPeers does:
 * the other accounts with the same segment, in Id order, at most as many as the query-row budget of the org allows.
 */
import type { HealthModel } from 'c/healthEngine';
import type { MeasureValues, QbrPeerMedian } from 'c/qbrEngine';
import { medianOfSorted } from './stats';

/** Account field of the package's customer segment. */
export const SEGMENT_FIELD = 'Segment__c';
/** Standard Account field that is the segment when no other segment field has a value. */
export const INDUSTRY_FIELD = 'Industry';
/** Maximum number of peer accounts the benchmark reads, as QbrReviewStats.MAX_PEERS. */
export const MAX_PEERS = 2000;
/** Query rows of the benchmark, as QbrReviewStats.PEER_ROW_BUDGET: one per peer, its snapshot and each measure. */
export const PEER_ROW_BUDGET = 30000;

/** The segment of an account: the field that contains it, and its value. */
export interface Segment {
  field: string;
  value: string;
}

/** An account that can be a peer, with its raw measure values on the review's as-of date. */
export interface PeerCandidate {
  accountId: string;
  /** Account fields that segment criteria test, as in AccountSignals. */
  attributes: Record<string, string>;
  /** Raw value per measure; null when the account is not scored, which leaves it out of the medians. */
  values: MeasureValues | null;
}

/** Medians of the peers of one account. */
export interface PeerBenchmarkResult {
  /** One median per measure that a peer has a value for: the account's measures first, the others by name. */
  medians: QbrPeerMedian[];
  /** Peers with values that the medians were computed over. */
  peerCount: number;
}

/**
 * Returns the segment of an account: the first of these fields with a value, the segment fields of the active models
 * in model order, then Segment__c, then Industry.
 * @param attributes Account fields as in AccountSignals.
 * @param models Active health models.
 * @returns The field and value; null when none of the fields has a value.
 */
export function segmentOf(attributes: Record<string, string>, models: readonly HealthModel[]): Segment | null {
  const fields: string[] = [];
  for (const field of [...models.map((model) => model.segment?.field ?? ''), SEGMENT_FIELD, INDUSTRY_FIELD]) {
    if (field.trim() !== '' && !fields.includes(field.trim())) {
      fields.push(field.trim());
    }
  }
  for (const field of fields) {
    const value = attributes[field];
    if (value !== undefined && value.trim() !== '') {
      return { field, value };
    }
  }
  return null;
}

/**
 * Returns how many peers fit the row budget of the org: each costs one account row, one snapshot row and one row
 * per measure, as QbrReviewStats.maxPeers with the full budget. 1,666 for 16 measures.
 * @param measureCount Measures of the account; 0 counts as 1.
 */
export function maxPeersFor(measureCount: number): number {
  const rowsPerPeer = Math.max(measureCount, 1) + 2;
  return Math.min(MAX_PEERS, Math.floor(PEER_ROW_BUDGET / rowsPerPeer));
}

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/** Inserts a number into an ascending list, keeping the order. */
function insertSorted(sorted: number[], value: number): void {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  sorted.splice(low, 0, value);
}

/** Removes one occurrence of a number from an ascending list. */
function removeSorted(sorted: number[], value: number): void {
  const index = sorted.indexOf(value);
  if (index >= 0) {
    sorted.splice(index, 1);
  }
}

/**
 * The first peers of a segment: the first `maxPeers` accounts in Id order, and the one after them, which replaces an
 * account of the first ones when that account is the one benchmarked.
 */
interface PeerWindow {
  firstById: Map<string, PeerCandidate>;
  next: PeerCandidate | null;
  /** Values of the scored accounts among the first ones, ascending, per measure. */
  sortedValues: Map<string, number[]>;
  scoredCount: number;
}

/**
 * Peer medians for many accounts of one portfolio. The accounts of each segment are sorted once, and the medians of
 * one account start from the sorted values of its segment, so benchmarking every account stays close to linear.
 */
export class PeerBenchmark {
  private readonly groups = new Map<string, PeerCandidate[]>();
  private readonly windows = new Map<string, PeerWindow>();

  /**
   * @param candidates Every account of the portfolio, scored or not, because unscored accounts take places in the
   *   Id order as they do in the org.
   * @param models Active health models, for the segment fields.
   */
  constructor(
    candidates: readonly PeerCandidate[],
    private readonly models: readonly HealthModel[]
  ) {
    for (const candidate of candidates) {
      const segment = segmentOf(candidate.attributes, models);
      if (segment === null) {
        continue;
      }
      const key = groupKey(segment);
      const group = this.groups.get(key) ?? [];
      group.push(candidate);
      this.groups.set(key, group);
    }
    for (const group of this.groups.values()) {
      group.sort((left, right) => compareText(left.accountId, right.accountId));
    }
  }

  /**
   * Computes the medians of one account's peers.
   * @param accountId Id of the account.
   * @param attributes Its fields as in AccountSignals.
   * @param measureOrder Its measures in model order; the medians list them first.
   * @returns No medians and no peers when the account has no segment or no measures.
   */
  benchmark(
    accountId: string,
    attributes: Record<string, string>,
    measureOrder: readonly string[]
  ): PeerBenchmarkResult {
    const segment = segmentOf(attributes, this.models);
    if (segment === null || measureOrder.length === 0) {
      return { medians: [], peerCount: 0 };
    }
    const window = this.windowOf(groupKey(segment), maxPeersFor(measureOrder.length));
    if (window === null) {
      return { medians: [], peerCount: 0 };
    }
    const self = window.firstById.get(accountId) ?? null;
    const replacement = self === null ? null : window.next;
    const valuesByMeasure = new Map<string, number[]>();
    for (const [measure, sorted] of window.sortedValues) {
      let values = sorted;
      if (self !== null) {
        values = [...sorted];
        const own = self?.values?.[measure];
        if (own !== undefined && own !== null) {
          removeSorted(values, own);
        }
        const added = replacement?.values?.[measure];
        if (added !== undefined && added !== null) {
          insertSorted(values, added);
        }
      }
      valuesByMeasure.set(measure, values);
    }
    // Measures only the replacement has a value for.
    for (const [measure, added] of Object.entries(replacement?.values ?? {})) {
      if (added !== null && !valuesByMeasure.has(measure)) {
        valuesByMeasure.set(measure, [added]);
      }
    }
    let peerCount = window.scoredCount;
    if (self?.values) {
      peerCount--;
    }
    if (replacement?.values) {
      peerCount++;
    }
    return { medians: mediansInOrder(valuesByMeasure, measureOrder), peerCount };
  }

  private windowOf(key: string, maxPeers: number): PeerWindow | null {
    const group = this.groups.get(key);
    if (group === undefined) {
      return null;
    }
    const cacheKey = `${key}\u0000${maxPeers}`;
    let window = this.windows.get(cacheKey);
    if (window === undefined) {
      const first = group.slice(0, maxPeers);
      const sortedValues = new Map<string, number[]>();
      let scoredCount = 0;
      for (const candidate of first) {
        if (candidate.values === null) {
          continue;
        }
        scoredCount++;
        for (const [measure, value] of Object.entries(candidate.values)) {
          if (value !== null) {
            const list = sortedValues.get(measure) ?? [];
            list.push(value);
            sortedValues.set(measure, list);
          }
        }
      }
      for (const list of sortedValues.values()) {
        list.sort((left, right) => left - right);
      }
      window = {
        firstById: new Map(first.map((candidate) => [candidate.accountId, candidate])),
        next: group[maxPeers] ?? null,
        sortedValues,
        scoredCount
      };
      this.windows.set(cacheKey, window);
    }
    return window;
  }
}

/**
 * SOQL compares text without regard to letter case, so `enterprise` and `Enterprise` are the same segment, as in the
 * org's peer query.
 */
function groupKey(segment: Segment): string {
  return `${segment.field}\u0000${segment.value.toLowerCase()}`;
}

function mediansInOrder(valuesByMeasure: Map<string, number[]>, measureOrder: readonly string[]): QbrPeerMedian[] {
  const ordered = measureOrder.filter((measure, index) => measureOrder.indexOf(measure) === index);
  const others = [...valuesByMeasure.keys()].filter((measure) => !ordered.includes(measure)).sort(compareText);
  const medians: QbrPeerMedian[] = [];
  for (const measure of [...ordered, ...others]) {
    const values = valuesByMeasure.get(measure) ?? [];
    const median = medianOfSorted(values);
    if (median !== null) {
      medians.push({ measure, median, peerCount: values.length });
    }
  }
  return medians;
}
