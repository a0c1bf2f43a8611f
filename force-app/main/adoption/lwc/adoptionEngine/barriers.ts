import { parseIsoDate, roundTo } from 'c/healthEngine';
import {
  ACCESS_ASSIGNED_SHARE,
  AWARENESS_NEW_DAYS,
  RELEVANCE_PEER_RATIO,
  TRAINING_UNTRIED_SHARE,
  TREND_MONTHS,
  UX_RETAINED_SHARE
} from './constants';
import { monthStart } from './months';
import { isNumber, percentText, plural, shareText, thresholdOf } from './text';
import { ALL_SEGMENT } from './types';
import type { AdoptionFactRow, Barrier, BarrierFinding, BarrierInput, SegmentType } from './types';

/** Default action per barrier; a playbook starts with it and the CSM may rewrite it. */
export const BARRIER_ACTIONS: Readonly<Record<Barrier, string>> = {
  Access: 'Assign the license or permission set to the entitled users who do not have it yet.',
  Awareness: 'Announce the feature to the segment with a short demo and a link to where it lives in the app.',
  Training: 'Run a hands-on training session for the assigned users who have never used the feature.',
  UX: 'Interview users who stopped using the feature and simplify the page or process they struggle with.',
  Relevance: "Review the segment's use cases with its leader and map the feature to a task they do every week."
};

/**
 * Writes "few of many" with the verb agreeing with the count and the share in brackets: `None of the 3 users (0%)
 * are active`, `The 1 user (0%) is not active`, `Only 1 of 3 users (33.3%) is active`, `Only 2 of 3 users (66.7%)
 * are active`. The qualifier follows the noun: `users who tried it`.
 */
function fewOf(part: number, whole: number, noun: string, qualifier: string, complement: string): string {
  const subject = `${whole === 1 ? noun : `${noun}s`}${qualifier}`;
  const share = shareText(part, whole);
  if (part === 0) {
    return whole === 1
      ? `The 1 ${subject} (${share}) is not ${complement}`
      : `None of the ${whole} ${subject} (${share}) are ${complement}`;
  }
  return `Only ${part} of ${whole} ${subject} (${share}) ${part === 1 ? 'is' : 'are'} ${complement}`;
}

function accessEvidence(input: BarrierInput): string | null {
  const { entitled, assigned } = input;
  if (!isNumber(entitled) || !isNumber(assigned) || entitled <= 0) {
    return null;
  }
  if (assigned >= thresholdOf(ACCESS_ASSIGNED_SHARE, entitled)) {
    return null;
  }
  return (
    `${fewOf(assigned, entitled, 'entitled user', '', 'assigned the feature')}; at least ` +
    `${percentText(ACCESS_ASSIGNED_SHARE * 100)} should be.`
  );
}

function awarenessEvidence(input: BarrierInput, asOfDay: number): string | null {
  if (input.availableSince === null) {
    return null;
  }
  const ageDays = asOfDay - parseIsoDate(input.availableSince, 'availableSince');
  if (ageDays < 0 || ageDays > AWARENESS_NEW_DAYS) {
    return null;
  }
  const { percent, target } = input;
  const since = `The feature is new: available since ${input.availableSince} (${plural(ageDays, 'day')})`;
  if (!isNumber(percent)) {
    return `${since}, and its adoption is not measured yet.`;
  }
  if (percent >= target) {
    return null;
  }
  return `${since}, and adoption is ${percentText(percent)} against a target of ${percentText(target)}.`;
}

function trainingEvidence(input: BarrierInput): string | null {
  const { assigned, tried } = input;
  if (!isNumber(assigned) || !isNumber(tried) || assigned <= 0) {
    return null;
  }
  const untried = assigned - tried;
  if (untried < thresholdOf(TRAINING_UNTRIED_SHARE, assigned)) {
    return null;
  }
  const subject =
    untried === 1 && assigned === 1 ? 'The 1 assigned user' : `${untried} of ${plural(assigned, 'assigned user')}`;
  return (
    `${subject} (${shareText(untried, assigned)}) ${untried === 1 ? 'has' : 'have'} not used the ` +
    `feature in the last 90 days, at or above the ${percentText(TRAINING_UNTRIED_SHARE * 100)} limit.`
  );
}

function uxEvidence(input: BarrierInput): string | null {
  const { active, tried } = input;
  const sentences: string[] = [];
  if (isNumber(tried) && isNumber(active) && tried > 0 && active < thresholdOf(UX_RETAINED_SHARE, tried)) {
    const subject = fewOf(active, tried, 'user', ' who tried the feature in the last 90 days', 'active this month');
    sentences.push(`${subject}; at least ${percentText(UX_RETAINED_SHARE * 100)} should be.`);
  }
  if (input.trend === 'Declining') {
    sentences.push(`Adoption declined over the last ${TREND_MONTHS} months.`);
  }
  return sentences.length === 0 ? null : sentences.join(' ');
}

function relevanceEvidence(input: BarrierInput): string | null {
  const { percent, peerPercent } = input;
  if (!isNumber(percent) || !isNumber(peerPercent)) {
    return null;
  }
  if (percent >= thresholdOf(RELEVANCE_PEER_RATIO, peerPercent)) {
    return null;
  }
  return (
    `Adoption is ${percentText(percent)} in this segment, below ${percentText(RELEVANCE_PEER_RATIO * 100)} of ` +
    `the ${percentText(peerPercent)} median of the account's other segments of the same type.`
  );
}

/**
 * Diagnoses why a feature is not adopted in one segment. Every barrier that applies is returned, in the order
 * Access, Awareness, Training, UX, Relevance, each with a sentence of evidence and its `BARRIER_ACTIONS` action:
 * - Access: entitled > 0 and assigned < ACCESS_ASSIGNED_SHARE (0.8) × entitled.
 * - Awareness: availableSince is 0 to AWARENESS_NEW_DAYS (90) days before asOf, both ends included, and the percent
 *   is below the target or not measured. A date after asOf is not yet available, so it is no Awareness barrier.
 * - Training: assigned > 0 and assigned − tried ≥ TRAINING_UNTRIED_SHARE (0.3) × assigned.
 * - UX: tried > 0 and active < UX_RETAINED_SHARE (0.6) × tried, or the trend is Declining; the evidence names each
 *   cause that applies.
 * - Relevance: percent < RELEVANCE_PEER_RATIO (0.5) × peerPercent, when both are known.
 * A rule whose counts are null does not apply. The thresholds are compared as products, not ratios, so a count
 * exactly on a threshold gives the same result as in Apex.
 * @param input Counts, percent, target, trend, release date, as-of date and peer median of one feature and segment.
 * @throws Error when asOf or availableSince is not an ISO date.
 */
export function diagnoseBarriers(input: BarrierInput): BarrierFinding[] {
  const asOfDay = parseIsoDate(input.asOf, 'asOf');
  const candidates: [Barrier, string | null][] = [
    ['Access', accessEvidence(input)],
    ['Awareness', awarenessEvidence(input, asOfDay)],
    ['Training', trainingEvidence(input)],
    ['UX', uxEvidence(input)],
    ['Relevance', relevanceEvidence(input)]
  ];
  const findings: BarrierFinding[] = [];
  for (const [barrier, evidence] of candidates) {
    if (evidence !== null) {
      findings.push({ barrier, evidence, action: BARRIER_ACTIONS[barrier] });
    }
  }
  return findings;
}

/**
 * Computes the peer adoption for the Relevance barrier: the median percent of the same feature and month in the
 * account's other segments of the same type. Segments without a percent do not count. With an even number of peers
 * the median is the mean of the middle two, rounded half away from zero to 2 decimals.
 * @param facts Adoption facts of one account.
 * @param featureKey Feature key.
 * @param segmentType Segment type of the segment diagnosed; All has no peers.
 * @param segment Segment diagnosed, left out of its own peers.
 * @param month ISO date in the month.
 * @returns The median, or null when no other segment of the type has a percent.
 */
export function peerPercentOf(
  facts: AdoptionFactRow[],
  featureKey: string,
  segmentType: SegmentType,
  segment: string,
  month: string
): number | null {
  if (segmentType === ALL_SEGMENT) {
    return null;
  }
  const monthKey = monthStart(month);
  const percents = facts
    .filter(
      (fact) =>
        fact.featureKey === featureKey &&
        fact.segmentType === segmentType &&
        fact.segment !== segment &&
        monthStart(fact.month) === monthKey &&
        isNumber(fact.adoptionPercent)
    )
    .map((fact) => fact.adoptionPercent as number)
    .sort((left, right) => left - right);
  if (percents.length === 0) {
    return null;
  }
  const middle = Math.floor(percents.length / 2);
  if (percents.length % 2 === 1) {
    return percents[middle];
  }
  return roundTo((percents[middle - 1] + percents[middle]) / 2, 2);
}
