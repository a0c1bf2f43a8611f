import { daysBetween } from 'c/healthEngine';
import { plural } from 'c/healthReport';
import { READINESS_CATEGORIES, READINESS_CATEGORY_POINTS } from './types';
import type { ReadinessBand, ReadinessCategory, ReadinessCheck, ReadinessInput, ReadinessResult } from './types';

/** A renewal closer than this many days after the as-of date must be addressed in the deliverable. */
export const READINESS_RENEWAL_WINDOW_DAYS = 180;

/** Risk statuses that end a risk (the end states of the Status__c picklist of Risk__c); other statuses are active. */
export const ENDED_RISK_STATUSES = ['Mitigated', 'Realized', 'Closed'] as const;

/** Maximum points of each check; the checks of one category add up to the category's maximum. */
export const READINESS_CHECK_POINTS = {
  goalsLinkedToObjectives: 15,
  executiveSponsorNamed: 5,
  customerFeedbackReferenced: 5,
  actionItemsOwnedAndDated: 15,
  nextPeriodGoalsSet: 5,
  claimsHaveNumberAndPeriod: 10,
  insightPresent: 10,
  risksReviewed: 5,
  severeRisksMitigated: 15,
  expansionSignalPresent: 10,
  renewalAddressed: 5
} as const;

type CheckId = keyof typeof READINESS_CHECK_POINTS;

/** Readable label of each check, for Markdown and components; the ids stay the stable keys. */
export const READINESS_CHECK_LABELS: Record<CheckId, string> = {
  goalsLinkedToObjectives: "Goals linked to the customer's objectives",
  executiveSponsorNamed: 'Executive sponsor named',
  customerFeedbackReferenced: 'Customer feedback referenced',
  actionItemsOwnedAndDated: 'Action items with an owner and a due date',
  nextPeriodGoalsSet: 'Next-period goals set',
  claimsHaveNumberAndPeriod: 'Claims with a number and a period',
  insightPresent: 'Insight the customer did not have',
  risksReviewed: 'Risks reviewed',
  severeRisksMitigated: 'Severe risks with a mitigation',
  expansionSignalPresent: 'Expansion signal mentioned',
  renewalAddressed: 'Renewal addressed'
};

/**
 * Returns the readable label of a check id, or the id itself when it is not a known check (for example a result
 * stored by a later version).
 */
export function readinessCheckLabel(id: string): string {
  return (READINESS_CHECK_LABELS as Record<string, string>)[id] ?? id;
}

const RENEWAL_PATTERN = /renew/i;

/**
 * Returns the readiness band of a score: 85 to 100 ReadyToPresent, 70 to 84 Refine, 50 to 69 DeeperAnalysis, 0 to 49
 * BackToDiscovery. The Apex `QbrReadinessRules.bandOf` applies the same limits.
 * @param score Whole readiness score from 0 to 100.
 * @throws RangeError when the score is not a whole number from 0 to 100.
 */
export function readinessBandOf(score: number): ReadinessBand {
  if (!Number.isInteger(score) || score < 0 || score > 100) {
    throw new RangeError(`Readiness score ${score} is invalid: use a whole number from 0 to 100.`);
  }
  if (score >= 85) {
    return 'ReadyToPresent';
  }
  if (score >= 70) {
    return 'Refine';
  }
  return score >= 50 ? 'DeeperAnalysis' : 'BackToDiscovery';
}

/**
 * Returns `maxPoints * part / whole` rounded half up to a whole number, in integer arithmetic so that 7.5 always
 * gives 8 and no floating-point error moves a share across the half.
 */
export function sharePoints(maxPoints: number, part: number, whole: number): number {
  if (whole <= 0) {
    return 0;
  }
  return Math.floor((2 * maxPoints * part + whole) / (2 * whole));
}

/**
 * Builds the finding of a check that counts items, with the verb agreeing with the count: "The goal serves…", "The goal
 * does not serve…", "None of the 3 goals serves…", "1 of 2 goals serves…", "2 of 3 goals serve…".
 * @param part Items that meet the check.
 * @param whole All items; at least 1.
 * @param noun Singular noun of an item; the plural adds an s.
 * @param verb Third-person singular verb, then its base form, such as `['has', 'have']`.
 * @param rest The rest of the sentence, without the full stop.
 */
function shareFinding(part: number, whole: number, noun: string, verb: [string, string], rest: string): string {
  const [singular, base] = verb;
  if (whole === 1) {
    return part === 1 ? `The ${noun} ${singular} ${rest}.` : `The ${noun} does not ${base} ${rest}.`;
  }
  if (part === 0) {
    return `None of the ${whole} ${noun}s ${singular} ${rest}.`;
  }
  return `${part} of ${whole} ${noun}s ${part === 1 ? singular : base} ${rest}.`;
}

function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

function makeCheck(id: CheckId, category: ReadinessCategory, points: number, finding: string, missing: string) {
  const maxPoints = READINESS_CHECK_POINTS[id];
  const passed = points === maxPoints;
  const check: ReadinessCheck = { id, category, maxPoints, points, passed, finding, missing: passed ? null : missing };
  return check;
}

function customerCentricityChecks(input: ReadinessInput): ReadinessCheck[] {
  const goals = input.goals;
  const linked = goals.filter((goal) => !isBlank(goal.objectiveOutcome)).length;
  const goalsCheck = makeCheck(
    'goalsLinkedToObjectives',
    'CustomerCentricity',
    sharePoints(READINESS_CHECK_POINTS.goalsLinkedToObjectives, linked, goals.length),
    goals.length === 0
      ? 'No goal to link to the customer objectives.'
      : shareFinding(linked, goals.length, 'goal', ['serves', 'serve'], 'a customer objective'),
    goals.length === 0
      ? 'Add goals that serve the customer objectives, in their words.'
      : `Link ${plural(goals.length - linked, 'goal')} to a customer objective, or drop ${goals.length - linked === 1 ? 'it' : 'them'}.`
  );
  const sponsorCheck = makeCheck(
    'executiveSponsorNamed',
    'CustomerCentricity',
    input.hasExecutiveSponsor ? READINESS_CHECK_POINTS.executiveSponsorNamed : 0,
    input.hasExecutiveSponsor ? 'An executive sponsor is named.' : 'No executive sponsor is named.',
    'Name the executive sponsor on the customer side.'
  );
  const feedback = Math.max(0, input.customerFeedbackCount);
  const feedbackCheck = makeCheck(
    'customerFeedbackReferenced',
    'CustomerCentricity',
    feedback > 0 ? READINESS_CHECK_POINTS.customerFeedbackReferenced : 0,
    feedback > 0 ? `${plural(feedback, 'customer feedback item')} referenced.` : 'No customer feedback referenced.',
    'Reference customer feedback: a survey response, a quote or a meeting note.'
  );
  return [goalsCheck, sponsorCheck, feedbackCheck];
}

function actionabilityChecks(input: ReadinessInput): ReadinessCheck[] {
  const items = input.actionItems;
  const complete = items.filter((item) => !isBlank(item.ownerName) && !isBlank(item.dueDate)).length;
  const itemsCheck = makeCheck(
    'actionItemsOwnedAndDated',
    'Actionability',
    sharePoints(READINESS_CHECK_POINTS.actionItemsOwnedAndDated, complete, items.length),
    items.length === 0
      ? 'No action item.'
      : shareFinding(complete, items.length, 'action item', ['has', 'have'], 'an owner and a due date'),
    items.length === 0
      ? 'Add action items, each with an owner and a due date.'
      : `Give ${plural(items.length - complete, 'action item')} an owner and a due date.`
  );
  const goalsCheck = makeCheck(
    'nextPeriodGoalsSet',
    'Actionability',
    input.goals.length > 0 ? READINESS_CHECK_POINTS.nextPeriodGoalsSet : 0,
    input.goals.length > 0 ? `${plural(input.goals.length, 'goal')} set for the next period.` : 'No goal is set.',
    'Set at least one goal for the next period.'
  );
  return [itemsCheck, goalsCheck];
}

function dataDrivenInsightChecks(input: ReadinessInput): ReadinessCheck[] {
  const claims = input.claims;
  const complete = claims.filter((claim) => claim.value !== null && !isBlank(claim.period)).length;
  const claimsCheck = makeCheck(
    'claimsHaveNumberAndPeriod',
    'DataDrivenInsight',
    sharePoints(READINESS_CHECK_POINTS.claimsHaveNumberAndPeriod, complete, claims.length),
    claims.length === 0
      ? 'No claim backed by a number.'
      : shareFinding(complete, claims.length, 'claim', ['carries', 'carry'], 'a number and its period'),
    claims.length === 0
      ? 'Add claims backed by numbers from the records, each with its period.'
      : `Give ${plural(claims.length - complete, 'claim')} a number and the period it covers.`
  );
  const insights = input.insights.filter((insight) => !isBlank(insight)).length;
  const insightCheck = makeCheck(
    'insightPresent',
    'DataDrivenInsight',
    insights > 0 ? READINESS_CHECK_POINTS.insightPresent : 0,
    insights > 0 ? `${plural(insights, 'insight')} the customer did not have.` : 'No insight.',
    'Add an insight the customer did not have, such as a benchmark against peers or a trend.'
  );
  return [claimsCheck, insightCheck];
}

function isActiveRisk(status: string): boolean {
  return !(ENDED_RISK_STATUSES as readonly string[]).includes(status);
}

function riskChecks(input: ReadinessInput): ReadinessCheck[] {
  const reviewed = input.isRiskReviewed === true || input.risks.length > 0;
  const reviewedCheck = makeCheck(
    'risksReviewed',
    'ProactiveRiskManagement',
    reviewed ? READINESS_CHECK_POINTS.risksReviewed : 0,
    reviewed ? `Risks were reviewed: ${plural(input.risks.length, 'risk')} listed.` : 'Risks were not reviewed.',
    'Review the account risks, even when none is open.'
  );
  const severe = input.risks.filter(
    (risk) => (risk.severity === 'Critical' || risk.severity === 'High') && isActiveRisk(risk.status)
  );
  const covered = severe.filter((risk) => risk.hasMitigation && !isBlank(risk.rung)).length;
  let points: number;
  let finding: string;
  if (severe.length > 0) {
    points = sharePoints(READINESS_CHECK_POINTS.severeRisksMitigated, covered, severe.length);
    finding = shareFinding(
      covered,
      severe.length,
      'active critical or high risk',
      ['has', 'have'],
      'a mitigation and a rung'
    );
  } else if (reviewed) {
    points = READINESS_CHECK_POINTS.severeRisksMitigated;
    finding = 'No active critical or high risk.';
  } else {
    points = 0;
    finding = 'No critical or high risk is listed, but risks were not reviewed.';
  }
  const severeCheck = makeCheck(
    'severeRisksMitigated',
    'ProactiveRiskManagement',
    points,
    finding,
    severe.length > 0
      ? `Give ${plural(severe.length - covered, 'critical or high risk')} a mitigation and an escalation rung.`
      : 'Review the account risks and confirm that no critical or high risk is open.'
  );
  return [reviewedCheck, severeCheck];
}

function mentionsRenewal(input: ReadinessInput): boolean {
  const texts = [
    ...input.goals.map((goal) => goal.text),
    ...input.actionItems.map((item) => item.subject),
    ...input.insights,
    ...input.expansionSignals,
    ...input.claims.map((claim) => claim.text)
  ];
  return texts.some((text) => RENEWAL_PATTERN.test(text));
}

function renewalCheck(input: ReadinessInput): ReadinessCheck {
  const maxPoints = READINESS_CHECK_POINTS.renewalAddressed;
  const missing = 'Address the renewal: add a goal or an action item for it.';
  if (isBlank(input.renewalDate)) {
    return makeCheck('renewalAddressed', 'ExpansionAwareness', maxPoints, 'No renewal date on record.', missing);
  }
  const renewalDate = input.renewalDate as string;
  const daysAway = isBlank(input.asOf) ? null : daysBetween(input.asOf as string, renewalDate);
  if (daysAway !== null && daysAway > READINESS_RENEWAL_WINDOW_DAYS) {
    return makeCheck(
      'renewalAddressed',
      'ExpansionAwareness',
      maxPoints,
      `Renewal on ${renewalDate} is ${daysAway} days away, beyond ${READINESS_RENEWAL_WINDOW_DAYS}.`,
      missing
    );
  }
  const addressed = input.isRenewalAddressed ?? mentionsRenewal(input);
  const when = daysAway === null ? `Renewal on ${renewalDate}` : `Renewal on ${renewalDate} (in ${daysAway} days)`;
  return makeCheck(
    'renewalAddressed',
    'ExpansionAwareness',
    addressed ? maxPoints : 0,
    addressed ? `${when} is addressed.` : `${when} is not addressed.`,
    missing
  );
}

function expansionChecks(input: ReadinessInput): ReadinessCheck[] {
  const signals = input.expansionSignals.filter((signal) => !isBlank(signal)).length;
  const signalCheck = makeCheck(
    'expansionSignalPresent',
    'ExpansionAwareness',
    signals > 0 ? READINESS_CHECK_POINTS.expansionSignalPresent : 0,
    signals > 0 ? `${plural(signals, 'expansion signal')} mentioned.` : 'No expansion signal.',
    'Mention an expansion signal: whitespace, an opportunity, a trigger, or adoption of owned capabilities.'
  );
  return [signalCheck, renewalCheck(input)];
}

/**
 * Scores the readiness of a deliverable (QBR, success plan or risk plan) out of 100 from eleven explicit checks in five
 * categories, with the points in brackets:
 * - customer centricity 25: goals linked to customer objectives (15), sponsor named (5), feedback referenced (5);
 * - actionability 20: action items with an owner and a due date (15), next-period goals set (5);
 * - data-driven insight 20: claims with a number and a period (10), at least one insight (10);
 * - proactive risk management 20: risks reviewed (5), active critical and high risks with a mitigation and a rung
 *   (15, and full points when none is active and risks were reviewed);
 * - expansion awareness 15: an expansion signal (10), a renewal within 180 days addressed (5).
 *
 * Rounding: a check that scores a share gets its maximum times the share, rounded half up to a whole number, so
 * 15 x 1/2 gives 8. An empty list scores 0, and the other checks give all or nothing. Category points and the score
 * are plain sums of whole check points, so the score is a whole number and the checks add up to it.
 * @param input Deliverable facts from one of the adapters.
 * @returns Score, band, category totals, every check with what it found, and the list of what is missing.
 */
export function scoreReadiness(input: ReadinessInput): ReadinessResult {
  const checks = [
    ...customerCentricityChecks(input),
    ...actionabilityChecks(input),
    ...dataDrivenInsightChecks(input),
    ...riskChecks(input),
    ...expansionChecks(input)
  ];
  const categories = READINESS_CATEGORIES.map((category) => ({
    category,
    points: checks.filter((check) => check.category === category).reduce((sum, check) => sum + check.points, 0),
    maxPoints: READINESS_CATEGORY_POINTS[category]
  }));
  const score = categories.reduce((sum, category) => sum + category.points, 0);
  const missing = checks.map((check) => check.missing).filter((text): text is string => text !== null);
  return { score, band: readinessBandOf(score), categories, checks, missing };
}
