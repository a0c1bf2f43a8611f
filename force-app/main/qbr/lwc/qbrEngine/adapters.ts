import type { PlanRecord } from 'c/planEngine';
import type { RiskPlanEntry } from 'c/riskEngine';
import type {
  Claim,
  Goal,
  PlanReadinessContext,
  QbrDraft,
  ReadinessInput,
  RiskPlanReadinessContext,
  SectionLine
} from './types';

const RENEWAL_PATTERN = /renew/i;

/** Words that make a QBR line an expansion signal: whitespace, upsell, added seats or licences, new use cases. */
const EXPANSION_PATTERN =
  /expan|upsell|up-sell|cross-sell|whitespace|white space|add-on|upgrade|more seats|additional (seats|licen[cs]es|users)|new use case|opportunit/i;

function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

function planPeriod(plan: PlanRecord): string | null {
  if (isBlank(plan.startDate) && isBlank(plan.endDate)) {
    return null;
  }
  return `${plan.startDate ?? 'start not set'} to ${plan.endDate ?? 'end not set'}`;
}

/**
 * Builds the readiness input of a success plan. Customer objectives are the objectives' outcomes. Goals are the
 * milestones, each linked to the outcome of its objective, or unlinked when it has none. Action items are the open
 * milestones with their owner and target date. Claims are each objective's current value over the plan's start to end
 * date, plus the counts of objectives met and milestones completed when the progress is given. The plan's Expansion
 * stage and the capabilities its objectives depend on are expansion signals, next to the context's.
 * @param plan Success plan with its objectives and milestones.
 * @param context As-of date, progress from `planProgressOf`, the account's risks and the facts a plan does not hold.
 */
export function readinessInputFromPlan(plan: PlanRecord, context: PlanReadinessContext): ReadinessInput {
  const period = planPeriod(plan);
  const outcomeById = new Map(plan.objectives.map((objective) => [objective.id, objective.outcome]));
  const goals: Goal[] = plan.milestones.map((milestone) => ({
    text: milestone.name,
    objectiveOutcome: milestone.objectiveId === null ? null : (outcomeById.get(milestone.objectiveId) ?? null)
  }));
  const actionItems = plan.milestones
    .filter((milestone) => milestone.completedDate === null)
    .map((milestone) => ({ subject: milestone.name, ownerName: milestone.ownerName, dueDate: milestone.targetDate }));
  const claims: Claim[] = plan.objectives.map((objective) => ({
    text: objective.successMetric ?? objective.outcome,
    value: objective.currentValue,
    unit: objective.unit,
    period,
    asOf: context.asOf
  }));
  const progress = context.progress;
  if (progress !== null) {
    claims.push(
      { text: 'Objectives met', value: progress.objectivesMet, unit: 'objectives', period, asOf: context.asOf },
      {
        text: 'Milestones completed',
        value: progress.milestonesCompleted,
        unit: 'milestones',
        period,
        asOf: context.asOf
      }
    );
  }
  const expansionSignals = [...context.expansionSignals];
  if (plan.stage === 'Expansion') {
    expansionSignals.push('The plan is in the Expansion stage.');
  }
  for (const objective of plan.objectives) {
    if (!isBlank(objective.capability)) {
      expansionSignals.push(`${objective.outcome} builds on the owned capability ${objective.capability}.`);
    }
  }
  return {
    kind: 'SuccessPlan',
    customerObjectives: plan.objectives.map((objective) => objective.outcome),
    goals,
    actionItems,
    claims,
    risks: context.risks,
    hasExecutiveSponsor: plan.executiveSponsor !== null,
    customerFeedbackCount: context.customerFeedbackCount,
    insights: context.insights,
    expansionSignals,
    renewalDate: context.renewalDate,
    asOf: context.asOf,
    isRiskReviewed: context.isRiskReviewed
  };
}

function findingPeriod(entry: RiskPlanEntry): string {
  const dates = entry.finding.snapshotDates;
  if (dates.length === 0) {
    return entry.finding.detectedOn;
  }
  return dates.length === 1 ? dates[0] : `${dates[0]} to ${dates[dates.length - 1]}`;
}

/**
 * Builds the readiness input of a risk mitigation plan. Each risk becomes a risk item, which counts as mitigated when
 * it has at least one mitigation action, on its escalation rung. Each risk also becomes a goal (its resolution
 * criteria) and a claim (its ARR at risk in USD over the snapshots behind the finding). A goal is linked to the
 * customer objective that `context.objectiveByRule` names for its rule, else unlinked. The mitigation actions are the
 * action items, and a risk plan always counts as a risk review.
 * @param entries Open risks of the account, as `renderRiskPlan` of `c/riskEngine` takes them.
 * @param context As-of date and the facts a risk plan does not hold.
 */
export function readinessInputFromRiskPlan(
  entries: RiskPlanEntry[],
  context: RiskPlanReadinessContext
): ReadinessInput {
  const objectiveByRule = context.objectiveByRule ?? {};
  return {
    kind: 'RiskPlan',
    customerObjectives: context.customerObjectives,
    goals: entries.map((entry) => ({
      text: entry.finding.resolutionCriteria,
      objectiveOutcome: objectiveByRule[entry.finding.rule] ?? null
    })),
    actionItems: entries.flatMap((entry) =>
      entry.actions.map((action) => ({ subject: action.subject, ownerName: action.owner, dueDate: action.dueDate }))
    ),
    claims: entries.map((entry) => ({
      text: `ARR at risk: ${entry.finding.evidence}`,
      value: entry.arrAtRisk,
      unit: 'USD',
      period: findingPeriod(entry),
      asOf: context.asOf
    })),
    risks: entries.map((entry) => ({
      title: entry.finding.rule,
      severity: entry.finding.severity,
      hasMitigation: entry.actions.length > 0,
      rung: entry.rung,
      status: 'Open'
    })),
    hasExecutiveSponsor: context.hasExecutiveSponsor,
    customerFeedbackCount: context.customerFeedbackCount,
    insights: context.insights,
    expansionSignals: context.expansionSignals,
    renewalDate: context.renewalDate,
    asOf: context.asOf,
    isRiskReviewed: true
  };
}

function texts(lines: SectionLine[]): string[] {
  return lines.map((line) => line.text).filter((text) => !isBlank(text));
}

/** Returns the first customer objective whose text appears in the goal, ignoring case; null when none does. */
function objectiveNamedIn(text: string, objectives: string[]): string | null {
  const lower = text.toLowerCase();
  return objectives.find((objective) => !isBlank(objective) && lower.includes(objective.toLowerCase())) ?? null;
}

/**
 * Builds the readiness input of a QBR draft from its sections as the CSM edited them, so the score follows the edits.
 * - Every line of the next-period goals is a goal, linked to the customer objective its text names. The suggested
 *   goals start with the objective.
 * - Every line of the insights is an insight.
 * - The draft's expansion signals count, and so does every line or action item that names expansion (upsell,
 *   cross-sell, whitespace, an upgrade, more seats or licences, a new use case, an opportunity). A signal the CSM
 *   writes is therefore kept with the saved text.
 * - All claims of the draft count.
 * - Risks count as reviewed when the draft lists a risk or a challenge, and the renewal as addressed when any section
 *   line or action item mentions it.
 * @param draft The draft from `assembleQbr`, with the CSM's edits.
 */
export function readinessInputFromQbr(draft: QbrDraft): ReadinessInput {
  const sections = draft.sections;
  const goals = texts(sections.nextPeriodGoals).map((text) => ({
    text,
    objectiveOutcome: objectiveNamedIn(text, draft.customerObjectives)
  }));
  const allLines = [
    ...texts(sections.wins),
    ...texts(sections.challenges),
    ...texts(sections.roadmapAlignment),
    ...texts(sections.insights),
    ...texts(sections.nextPeriodGoals),
    ...draft.actionItems.map((item) => item.subject)
  ];
  return {
    kind: 'Qbr',
    customerObjectives: draft.customerObjectives,
    goals,
    actionItems: draft.actionItems,
    claims: draft.claims,
    risks: draft.risks,
    hasExecutiveSponsor: !isBlank(draft.executiveSponsorName),
    customerFeedbackCount: draft.feedbackCount,
    insights: texts(sections.insights),
    expansionSignals: [...draft.expansionSignals, ...allLines.filter((text) => EXPANSION_PATTERN.test(text))],
    renewalDate: draft.renewalDate,
    asOf: draft.asOf,
    isRenewalAddressed: allLines.some((text) => RENEWAL_PATTERN.test(text)),
    isRiskReviewed: draft.risks.length > 0 || sections.challenges.length > 0
  };
}
