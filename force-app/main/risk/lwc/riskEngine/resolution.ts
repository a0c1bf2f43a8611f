import { formatNumber } from 'c/healthEngine';
import type { BandedScorePoint, ResolutionCriteria, RiskRule } from './types';

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

type ResolutionFields = Pick<RiskRule, 'resolutionMinScore' | 'resolutionSnapshots' | 'resolutionNoOpenHighPriority'>;

/**
 * Returns the resolution criteria of a rule, as a risk stores them.
 * @param rule Rule with its resolution fields.
 */
export function resolutionCriteriaOf(rule: ResolutionFields): ResolutionCriteria {
  return {
    minScore: rule.resolutionMinScore,
    snapshots: rule.resolutionSnapshots,
    noOpenHighPriority: rule.resolutionNoOpenHighPriority
  };
}

/**
 * Builds the plain sentence of a rule's resolution criteria, for example "Score at least 75 for 2 snapshots and no
 * open high-priority Case". A rule without a criterion, which `validateRiskRule` rejects, gets a sentence that states
 * this. The text fits the 255 characters of Risk__c.ResolutionCriteria__c.
 * @param rule Rule with its resolution fields.
 */
export function describeResolution(rule: ResolutionFields): string {
  const parts: string[] = [];
  if (rule.resolutionMinScore !== null) {
    const snapshots = rule.resolutionSnapshots ?? 1;
    parts.push(
      `Score at least ${formatNumber(rule.resolutionMinScore)} for ${snapshots} ${snapshots === 1 ? 'snapshot' : 'snapshots'}`
    );
  }
  if (rule.resolutionNoOpenHighPriority) {
    parts.push(parts.length === 0 ? 'No open high-priority Case' : 'no open high-priority Case');
  }
  if (parts.length === 0) {
    return 'No measurable criterion is set; the owner decides when the risk is resolved';
  }
  return parts.join(' and ');
}

/**
 * Tells whether an open risk meets its resolution criteria, so its closure can be proposed. The score criterion
 * needs the latest `snapshots` points of the history (1 when null) to score at least `minScore`, none of them
 * Insufficient. The Case criterion needs a known count of 0 open high-priority Cases. Unknown data never resolves a
 * risk, and criteria without any condition never count as met.
 * @param criteria Resolution criteria of the risk.
 * @param history Scores with bands, in any order; the latest points are read.
 * @param openHighPriorityCases Open high-priority Cases of the account now; null when unknown.
 * @returns True when every criterion that is set is met.
 */
export function meetsResolution(
  criteria: ResolutionCriteria,
  history: BandedScorePoint[],
  openHighPriorityCases: number | null
): boolean {
  if (criteria.minScore === null && !criteria.noOpenHighPriority) {
    return false;
  }
  if (criteria.noOpenHighPriority && openHighPriorityCases !== 0) {
    return false;
  }
  if (criteria.minScore === null) {
    return true;
  }
  const needed = Math.max(1, criteria.snapshots ?? 1);
  if (history.length < needed) {
    return false;
  }
  // Sorting by the ISO text orders by date, and the stable sort keeps the given order within a day.
  const latest = [...history].sort((left, right) => compareText(left.asOf, right.asOf));
  const minScore = criteria.minScore;
  return latest
    .slice(latest.length - needed)
    .every((point) => point.band !== 'Insufficient' && point.score >= minScore);
}
