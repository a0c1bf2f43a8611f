/**
 * Builds the success plans of the demo org from the package's plan templates, as `instantiateTemplate` creates them in
 * the org. About half of the accounts have an Active plan, a few have a Draft one, and a few also have a Completed plan
 * from last year's renewal. Baselines, current values, objective statuses and milestone completions follow each
 * account's story and its health on the as-of date, so a healthy account meets its objectives and a struggling one
 * falls behind.
 */

import type { ObjectiveFacts } from 'c/healthEngine';
import { instantiateTemplate, objectiveFactsOf, objectiveProgress } from 'c/planEngine';
import type {
  CriteriaOperator,
  ObjectiveRecord,
  ObjectiveStatus,
  PlanRecord,
  PlanStage,
  PlanStatus,
  PlanTemplate,
  PlanTemplateItem,
  TemplateInstance,
  TemplateObjective
} from 'c/planEngine';

import { addMonths, businessMoment, formatIsoDate, parseIsoDate, yearOf } from './calendar';
import type { DemoHealth } from './demo-health';
import type { DemoAccount, DemoContext, DemoMilestone, DemoObjective, DemoOrg, DemoPlan, StoryName } from './demo-org';
import { compareCodeUnits } from './ordering';
import type { Random } from './random';
import { CUSTOMER_KPIS, ESCALATION_PATHS } from './word-lists';

/** Plans, objectives and milestones, each in the order of its CSV file. */
export interface PlanRecords {
  plans: DemoPlan[];
  objectives: DemoObjective[];
  milestones: DemoMilestone[];
}

/** Templates and items the plans are created from. */
export interface PlanTemplates {
  templates: readonly PlanTemplate[];
  items: readonly PlanTemplateItem[];
}

/** Share of typical accounts with a plan; every story account except the no-usage ones has one. */
const TYPICAL_PLAN_SHARE = 0.4;
/** Share of telemetry accounts with a plan. */
const TELEMETRY_PLAN_SHARE = 0.5;
/** Share of the typical accounts with a plan whose plan is still a Draft. */
const TYPICAL_DRAFT_SHARE = 0.06;
/** Accounts that also have a Completed plan from their previous renewal. */
const COMPLETED_PLANS = 6;
/** Days after the previous renewal until which a Completed plan's milestones could still be completed. */
const LATE_COMPLETION_DAYS = 30;

/**
 * Objectives whose metric is a health measure of the model, by template objective key: their baseline and current
 * value are the measure's raw values on the plan's start and as-of dates. Keys missing from the templates are unused.
 */
const MEASURED_OBJECTIVES: Readonly<Record<string, { measure: string; isLowerBetter: boolean }>> = {
  Activation: { measure: 'LicenseUtilization30d', isLowerBetter: false },
  SeatUse: { measure: 'LicenseUtilization30d', isLowerBetter: false },
  SelfSufficiency: { measure: 'OpenHighPriorityCases', isLowerBetter: true },
  CleanSupport: { measure: 'OpenHighPriorityCases', isLowerBetter: true }
};

/** Baselines of manually tracked objectives other than 0, by template objective key. */
const MANUAL_BASELINES: Readonly<Record<string, number>> = { SecondTeam: 1 };

/** Objectives that only get a current value when they are settled on their due date, such as the seats renewed. */
const SETTLED_AT_DUE: ReadonlySet<string> = new Set(['RenewalAgreed']);

/** Name of a plan of each stage after the account name. */
const PLAN_NAMES: Readonly<Record<PlanStage, string>> = {
  Onboarding: 'onboarding plan',
  Adoption: 'adoption plan',
  PreRenewal: 'renewal plan',
  AtRisk: 'recovery plan',
  Expansion: 'expansion plan'
};

/** Range of the share of its way to target that an objective covered, and the chance it is already met. */
interface ProgressLevel {
  min: number;
  max: number;
  metChance: number;
}

/** A plan chosen for an account, before its records are built. */
interface PlanChoice {
  account: DemoAccount;
  template: PlanTemplate;
  status: PlanStatus;
  startDay: number;
  /** Day the plan is judged on: the as-of date, or the end of a Completed plan. */
  reviewDay: number;
  level: ProgressLevel;
}

/** A plan with its objectives and milestones, before Ids are given. */
interface PendingPlan {
  choice: PlanChoice;
  plan: Omit<DemoPlan, 'id'>;
  objectives: (Omit<DemoObjective, 'id' | 'name' | 'planId'> & { key: string | null })[];
  milestones: (Omit<DemoMilestone, 'id' | 'planId' | 'objectiveId'> & { objectiveKey: string | null })[];
}

function progressLevel(story: StoryName, band: string | null): ProgressLevel {
  switch (story) {
    case 'Steady':
      return { min: 0.8, max: 1, metChance: 0.6 };
    case 'Onboarding':
      return { min: 0.55, max: 0.95, metChance: 0.3 };
    case 'Recovering':
      return { min: 0.4, max: 0.75, metChance: 0.15 };
    case 'Declining':
      return { min: 0.05, max: 0.3, metChance: 0 };
    case 'RenewalAtRisk':
      return { min: 0, max: 0.3, metChance: 0 };
    case 'CaseSpike':
      return { min: 0.3, max: 0.6, metChance: 0.1 };
    case 'SilentSponsor':
      return { min: 0.35, max: 0.7, metChance: 0.1 };
    case 'ChampionGone':
      return { min: 0.2, max: 0.5, metChance: 0.05 };
    default:
      if (band === 'Green') {
        return { min: 0.55, max: 1, metChance: 0.25 };
      }
      if (band === 'Red') {
        return { min: 0.05, max: 0.35, metChance: 0.03 };
      }
      return { min: 0.3, max: 0.7, metChance: 0.12 };
  }
}

function templateOfStage(templates: readonly PlanTemplate[], stage: PlanStage): PlanTemplate | null {
  return templates.find((template) => template.isActive && template.stage === stage) ?? null;
}

/** Returns true for an account whose story gives it a plan, drawing for typical and telemetry accounts. */
function hasPlan(random: Random, account: DemoAccount): boolean {
  switch (account.story) {
    case 'Typical':
      return random.chance(TYPICAL_PLAN_SHARE);
    case 'Telemetry':
      return random.chance(TELEMETRY_PLAN_SHARE);
    default:
      return true;
  }
}

/** Chooses each account's current plan: its template, status and start. */
function choosePlans(
  context: DemoContext,
  random: Random,
  accounts: readonly DemoAccount[],
  templates: readonly PlanTemplate[],
  health: DemoHealth
): PlanChoice[] {
  const asOf = context.asOfDay;
  const onboarding = templateOfStage(templates, 'Onboarding');
  const adoption = templateOfStage(templates, 'Adoption');
  const preRenewal = templateOfStage(templates, 'PreRenewal');
  const choices: PlanChoice[] = [];
  for (const account of accounts) {
    const accountRandom = random.fork(account.id);
    if (!hasPlan(accountRandom, account)) {
      continue;
    }
    const band = health.healthOn(account.id, asOf)?.band ?? null;
    const level = progressLevel(account.story, band);
    const isDraft =
      account.story === 'NoUsage' || (account.story === 'Typical' && accountRandom.chance(TYPICAL_DRAFT_SHARE));
    let template: PlanTemplate | null;
    let startDay: number;
    if (account.story === 'Onboarding') {
      template = onboarding;
      startDay = account.storyDay ?? asOf;
    } else if (isDraft) {
      template = adoption;
      startDay = asOf + accountRandom.int(5, 20);
    } else if (preRenewal !== null && account.renewalDay - asOf <= preRenewal.durationDays) {
      // A pre-renewal plan runs up to the renewal date.
      template = preRenewal;
      startDay = account.renewalDay - preRenewal.durationDays;
    } else {
      template = adoption;
      startDay = Math.max(asOf - accountRandom.int(30, 160), account.customerSinceDay + 90);
    }
    if (template === null) {
      continue;
    }
    choices.push({ account, template, status: isDraft ? 'Draft' : 'Active', startDay, reviewDay: asOf, level });
  }
  return choices;
}

/**
 * Chooses the accounts that also have a Completed pre-renewal plan, which ran up to their previous renewal. Candidates
 * are steady accounts and typical accounts in good health whose current plan is an adoption plan and whose previous
 * renewal lies inside the history; steady accounts come first.
 */
function chooseCompletedPlans(
  context: DemoContext,
  random: Random,
  current: readonly PlanChoice[],
  templates: readonly PlanTemplate[],
  health: DemoHealth
): PlanChoice[] {
  const preRenewal = templateOfStage(templates, 'PreRenewal');
  if (preRenewal === null) {
    return [];
  }
  const candidates = current.filter((choice) => {
    const previousRenewal = addMonths(choice.account.renewalDay, -12);
    const isGood =
      choice.account.story === 'Steady' ||
      (choice.account.story === 'Typical' && health.healthOn(choice.account.id, context.asOfDay)?.band === 'Green');
    return (
      isGood &&
      choice.status === 'Active' &&
      choice.template.stage === 'Adoption' &&
      previousRenewal - preRenewal.durationDays >= context.historyStartDay + 30 &&
      previousRenewal <= context.asOfDay - LATE_COMPLETION_DAYS
    );
  });
  const ordered = random
    .shuffle(candidates)
    .sort((first, second) => Number(first.account.story !== 'Steady') - Number(second.account.story !== 'Steady'));
  return ordered.slice(0, COMPLETED_PLANS).map((choice) => {
    const previousRenewal = addMonths(choice.account.renewalDay, -12);
    // The current plan starts after the previous one ended.
    choice.startDay = Math.max(choice.startDay, previousRenewal + 1);
    return {
      account: choice.account,
      template: preRenewal,
      status: 'Completed',
      startDay: previousRenewal - preRenewal.durationDays,
      reviewDay: previousRenewal,
      level: { min: 0.8, max: 1, metChance: 0.6 }
    };
  });
}

function roundToStep(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toFixed(2));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Share of the way from the plan start to a due date that has passed on the review day, 0 to 1. */
function elapsedShare(choice: PlanChoice, dueDay: number | null): number {
  if (dueDay === null || dueDay <= choice.startDay) {
    return 1;
  }
  return clamp((choice.reviewDay - choice.startDay) / (dueDay - choice.startDay), 0, 1);
}

/** Draws the share of the way to target an objective covered by the review day. */
function coveredShare(random: Random, choice: PlanChoice, dueDay: number | null): number {
  if (random.chance(choice.level.metChance)) {
    return 1;
  }
  const drawn = random.between(choice.level.min, choice.level.max);
  return drawn * (0.5 + 0.5 * elapsedShare(choice, dueDay));
}

type PendingObjective = PendingPlan['objectives'][number];
type PendingMilestone = PendingPlan['milestones'][number];

/** Fills baseline, target and current value of an objective measured by a health measure. */
function measuredValues(
  objective: PendingObjective,
  measured: { measure: string; isLowerBetter: boolean },
  choice: PlanChoice,
  health: DemoHealth
): void {
  const accountId = choice.account.id;
  const atStart = health.measureOn(accountId, measured.measure, choice.startDay);
  const atReview = health.measureOn(accountId, measured.measure, choice.reviewDay);
  if (atStart === null || atReview === null) {
    return;
  }
  const target = objective.target ?? 0;
  if (measured.isLowerBetter) {
    // The baseline is the worst weekly value of the quarter before the start, and at least 1: with baseline and
    // target both 0, objectiveProgress would count any current value as met.
    let worst = atStart;
    for (let weeksBefore = 1; weeksBefore <= 13; weeksBefore++) {
      worst = Math.max(worst, health.measureOn(accountId, measured.measure, choice.startDay - 7 * weeksBefore) ?? 0);
    }
    objective.baseline = Math.max(1, roundToStep(worst, 1));
    objective.target = target;
  } else {
    objective.baseline = roundToStep(atStart, 0.1);
    // A CSM sets a target above a baseline that already reaches the template's default.
    const raised = objective.unit === '%' ? Math.min(100, Math.ceil((atStart + 15) / 5) * 5) : atStart + 10;
    objective.target = atStart >= target - 5 ? raised : target;
  }
  objective.currentValue = roundToStep(atReview, 0.1);
}

/** Fills the values of an objective tracked by hand, replacing a template objective without a target by a KPI. */
function manualValues(random: Random, objective: PendingObjective, choice: PlanChoice): void {
  let step = 1;
  if (objective.target === null) {
    const kpi = random.pick(CUSTOMER_KPIS);
    objective.outcome = kpi.outcome;
    objective.successMetric = kpi.metric;
    objective.unit = kpi.unit;
    objective.baseline = kpi.baseline;
    objective.target = kpi.target;
    objective.capability ??= kpi.capability;
    step = kpi.step;
  } else {
    objective.baseline = objective.key === null ? 0 : (MANUAL_BASELINES[objective.key] ?? 0);
  }
  const isUnsettled =
    objective.key !== null &&
    SETTLED_AT_DUE.has(objective.key) &&
    objective.dueDay !== null &&
    objective.dueDay > choice.reviewDay;
  if (choice.status === 'Draft' || isUnsettled) {
    return;
  }
  const share = coveredShare(random, choice, objective.dueDay);
  const baseline = objective.baseline;
  objective.currentValue = roundToStep(baseline + share * (objective.target - baseline), step);
}

function toObjectiveRecord(objective: PendingObjective): ObjectiveRecord {
  return {
    id: 'pending',
    outcome: objective.outcome,
    successMetric: objective.successMetric,
    unit: objective.unit,
    baseline: objective.baseline,
    target: objective.target,
    currentValue: objective.currentValue,
    dueDate: objective.dueDay === null ? null : formatIsoDate(objective.dueDay),
    status: objective.status,
    capability: objective.capability,
    sortOrder: objective.sortOrder
  };
}

/** Decides the status a CSM gave the objective on the review day from its progress and due date. */
function objectiveStatus(choice: PlanChoice, objective: PendingObjective): ObjectiveStatus {
  const progress = objectiveProgress(toObjectiveRecord(objective));
  if (choice.status === 'Draft' || progress === null) {
    return 'NotStarted';
  }
  if (progress === 100) {
    return 'Achieved';
  }
  if (choice.status === 'Completed') {
    // A closed plan's objectives are settled; a CSM counts one that came close as achieved.
    return progress >= 90 ? 'Achieved' : 'Missed';
  }
  const elapsed = elapsedShare(choice, objective.dueDay);
  if (objective.dueDay !== null && objective.dueDay < choice.reviewDay) {
    return progress >= 50 ? 'AtRisk' : 'Missed';
  }
  if (elapsed < 0.15 && progress < 10) {
    return 'NotStarted';
  }
  return progress >= elapsed * 100 - 20 ? 'OnTrack' : 'AtRisk';
}

function buildObjective(
  random: Random,
  choice: PlanChoice,
  objective: TemplateObjective,
  health: DemoHealth
): PendingObjective {
  const pending: PendingObjective = {
    key: objective.key,
    outcome: objective.outcome,
    successMetric: objective.successMetric,
    unit: objective.unit,
    baseline: null,
    target: objective.target,
    currentValue: null,
    dueDay: objective.dueDate === null ? null : parseIsoDate(objective.dueDate),
    status: 'NotStarted',
    capability: objective.capability,
    sortOrder: objective.sortOrder
  };
  const measured = objective.key === null ? undefined : MEASURED_OBJECTIVES[objective.key];
  if (measured !== undefined && choice.status !== 'Draft') {
    measuredValues(pending, measured, choice, health);
  } else if (measured === undefined) {
    manualValues(random, pending, choice);
  }
  pending.status = objectiveStatus(choice, pending);
  return pending;
}

function meetsCriteria(value: number | null, operator: CriteriaOperator | null, criteria: number | null): boolean {
  if (value === null || operator === null || criteria === null) {
    return false;
  }
  return operator === 'AtLeast' ? value >= criteria : value <= criteria;
}

/** Returns the first day from `firstDay` to `lastDay` on which the milestone's criteria were met, or null. */
function firstDayMet(
  health: DemoHealth,
  accountId: string,
  milestone: PendingMilestone,
  firstDay: number,
  lastDay: number
): number | null {
  for (let day = firstDay; day <= lastDay; day++) {
    const value = health.measureOn(accountId, milestone.criteriaMeasure as string, day);
    if (meetsCriteria(value, milestone.criteriaOperator, milestone.criteriaValue)) {
      return day;
    }
  }
  return null;
}

/**
 * Returns the chance that a manual milestone due by the review day was completed. A milestone of the first 30 days
 * (kickoff, agreeing baselines) depends on the CSM's diligence; a later one on how far its objective got.
 */
function manualCompletionChance(
  choice: PlanChoice,
  milestone: PendingMilestone,
  objectiveProgressOf: ReadonlyMap<string, number | null>
): number {
  if (choice.status === 'Completed') {
    return 0.9;
  }
  const progress = milestone.objectiveKey === null ? undefined : objectiveProgressOf.get(milestone.objectiveKey);
  if (milestone.phase === 'Days30' || progress === undefined || progress === null) {
    return 0.3 + 0.65 * ((choice.level.min + choice.level.max) / 2);
  }
  return 0.15 + 0.7 * (progress / 100);
}

/**
 * Tells whether the account's story rules out completing a manual milestone on a day. A silent sponsor had no contact
 * after the story's turning day, and a champion who moved to another account worked with the CSM no more. Whether a
 * milestone needs the sponsor or the champion is read from its name and criteria.
 */
function isBlockedByStory(account: DemoAccount, milestone: PendingMilestone, day: number): boolean {
  const text = `${milestone.name} ${milestone.criteria ?? ''}`.toLowerCase();
  const turningDay = account.storyDay ?? Number.MAX_SAFE_INTEGER;
  if (account.story === 'SilentSponsor' && text.includes('sponsor')) {
    return day > turningDay;
  }
  if (account.story === 'ChampionGone' && text.includes('champion')) {
    return day > turningDay;
  }
  return false;
}

/**
 * Completes the milestones that were done by the review day. A manual milestone is completed by hand around its
 * target date, always when its objective is met. A milestone tied to a measure was completed automatically on the
 * first day its criteria were met, for some of the Active plans and for every Completed plan. The others stay open,
 * so the first scoring run completes those whose criteria the data meets on the as-of date.
 * @param objectiveProgressOf progress of each objective of the plan by template key, from `objectiveProgress`
 */
function completeMilestones(
  random: Random,
  choice: PlanChoice,
  milestones: PendingMilestone[],
  objectiveProgressOf: ReadonlyMap<string, number | null>,
  health: DemoHealth
): void {
  if (choice.status === 'Draft') {
    return;
  }
  const reviewDay = choice.reviewDay;
  for (const milestone of milestones) {
    const target = milestone.targetDay;
    if (target === null) {
      continue;
    }
    if (milestone.criteriaMeasure !== null) {
      const isSettled = choice.status === 'Completed' || (target <= reviewDay - 21 && random.chance(0.5));
      if (isSettled) {
        const lastDay = choice.status === 'Completed' ? reviewDay + LATE_COMPLETION_DAYS : target;
        const day = firstDayMet(health, choice.account.id, milestone, choice.startDay + 1, lastDay);
        if (day !== null) {
          milestone.completedDay = day;
          milestone.completionSource = 'Automatic';
        }
      }
      continue;
    }
    const isObjectiveMet = milestone.objectiveKey !== null && objectiveProgressOf.get(milestone.objectiveKey) === 100;
    const isDue = target <= reviewDay;
    const isDone = isDue
      ? isObjectiveMet || random.chance(manualCompletionChance(choice, milestone, objectiveProgressOf))
      : isObjectiveMet || (target <= reviewDay + 20 && random.chance(0.15));
    const completedDay = clamp(target + random.int(-6, 4), choice.startDay, reviewDay);
    if (isDone && !isBlockedByStory(choice.account, milestone, completedDay)) {
      milestone.completedDay = completedDay;
      milestone.completionSource = 'Manual';
    }
  }
}

/**
 * Returns the next review date: the first review on the cadence after the as-of date when the CSM keeps the cadence,
 * or a review that passed without being held when the plan is neglected.
 */
function nextReviewDay(random: Random, choice: PlanChoice, instance: TemplateInstance, asOfDay: number): number | null {
  const cadence = choice.template.reviewCadenceDays;
  if (choice.status === 'Completed') {
    return null;
  }
  if (cadence === null || cadence <= 0 || choice.status === 'Draft') {
    return instance.nextReview === null ? null : parseIsoDate(instance.nextReview);
  }
  const reviewsHeld = Math.max(0, Math.floor((asOfDay - choice.startDay) / cadence));
  const neglectChance = choice.account.story === 'SilentSponsor' || choice.level.max < 0.4 ? 0.8 : 0.15;
  if (reviewsHeld > 0 && random.chance(neglectChance)) {
    return choice.startDay + reviewsHeld * cadence;
  }
  return choice.startDay + (reviewsHeld + 1) * cadence;
}

function planName(account: DemoAccount, choice: PlanChoice): string {
  const stage = choice.template.stage;
  if (stage === 'PreRenewal') {
    return `${account.name} renewal ${yearOf(choice.startDay + choice.template.durationDays)} plan`;
  }
  return `${account.name} ${PLAN_NAMES[stage]}`;
}

function buildPlan(
  context: DemoContext,
  random: Random,
  choice: PlanChoice,
  templates: PlanTemplates,
  health: DemoHealth,
  ownerNames: ReadonlyMap<string, string>
): PendingPlan {
  const account = choice.account;
  const instance = instantiateTemplate(choice.template, [...templates.items], formatIsoDate(choice.startDay));
  const objectives = instance.objectives.map((objective) =>
    buildObjective(random.fork(`objective:${objective.sortOrder ?? 0}:${objective.outcome}`), choice, objective, health)
  );
  const milestones = instance.milestones.map((milestone): PendingMilestone => ({
    name: milestone.name,
    objectiveKey: milestone.objectiveKey,
    phase: milestone.phase,
    targetDay: milestone.targetDate === null ? null : parseIsoDate(milestone.targetDate),
    criteria: milestone.criteria,
    criteriaMeasure: milestone.criteriaMeasure,
    criteriaOperator: milestone.criteriaOperator,
    criteriaValue: milestone.criteriaValue,
    completedDay: null,
    completionSource: null,
    ownerId: account.ownerId,
    sortOrder: milestone.sortOrder
  }));
  const objectiveProgressOf = new Map(
    objectives.flatMap((objective) =>
      objective.key === null ? [] : [[objective.key, objectiveProgress(toObjectiveRecord(objective))] as const]
    )
  );
  completeMilestones(random.fork('milestones'), choice, milestones, objectiveProgressOf, health);

  const createdDay =
    choice.status === 'Draft' ? context.asOfDay - random.int(1, 6) : choice.startDay - random.int(0, 5);
  const ownerName = ownerNames.get(account.ownerId) ?? 'The CSM';
  return {
    choice,
    plan: {
      accountId: account.id,
      name: planName(account, choice),
      status: choice.status,
      stage: choice.template.stage,
      executiveSponsorId: account.executiveSponsorId,
      championId: account.championId,
      reviewCadenceDays: choice.template.reviewCadenceDays,
      nextReviewDay: nextReviewDay(random, choice, instance, context.asOfDay),
      escalationPath: random.pick(ESCALATION_PATHS).replace('{owner}', ownerName),
      startDay: choice.startDay,
      endDay: parseIsoDate(instance.endDate),
      templateName: choice.template.name,
      createdAt: Math.min(businessMoment(random, createdDay, account.utcOffsetHours), context.exportAt - 3600)
    },
    objectives,
    milestones
  };
}

/** Gives plans, objectives and milestones their Ids: plans in creation order, children in plan and sort order. */
function numberRecords(context: DemoContext, pending: PendingPlan[]): PlanRecords {
  const ordered = [...pending].sort(
    (first, second) =>
      first.plan.createdAt - second.plan.createdAt || compareCodeUnits(first.plan.accountId, second.plan.accountId)
  );
  const records: PlanRecords = { plans: [], objectives: [], milestones: [] };
  for (const entry of ordered) {
    const planId = context.ids.next('SuccessPlan');
    records.plans.push({ id: planId, ...entry.plan });
    const objectiveIds = new Map<string, string>();
    for (const { key, ...objective } of entry.objectives) {
      const id = context.ids.next('SuccessObjective');
      if (key !== null) {
        objectiveIds.set(key, id);
      }
      const name = `OBJ-${String(records.objectives.length + 1).padStart(4, '0')}`;
      records.objectives.push({ id, name, planId, ...objective });
    }
    for (const { objectiveKey, ...milestone } of entry.milestones) {
      const objectiveId = objectiveKey === null ? null : (objectiveIds.get(objectiveKey) ?? null);
      records.milestones.push({ id: context.ids.next('SuccessMilestone'), planId, objectiveId, ...milestone });
    }
  }
  return records;
}

/**
 * Builds every success plan with its objectives and milestones.
 * @param org the demo org without plans
 * @param health scores of the demo org, which decide baselines, current values and automatic completions
 */
export function buildPlans(
  context: DemoContext,
  org: DemoOrg,
  templates: PlanTemplates,
  health: DemoHealth
): PlanRecords {
  const random = context.random.fork('plans');
  const current = choosePlans(context, random.fork('choices'), org.accounts, templates.templates, health);
  const completed = chooseCompletedPlans(context, random.fork('completed'), current, templates.templates, health);
  const ownerNames = new Map(org.users.map((user) => [user.id, user.name]));
  const pending = [...completed, ...current].map((choice) =>
    buildPlan(context, random.fork(`plan:${choice.account.id}:${choice.status}`), choice, templates, health, ownerNames)
  );
  return numberRecords(context, pending);
}

/**
 * Returns the objective counts of an account's Active plans, which the ObjectivesMetShare measure scores, as the export
 * reader computes them from the CSV files.
 */
export function objectiveFactsOfAccount(records: PlanRecords, accountId: string): ObjectiveFacts | null {
  const plans: PlanRecord[] = records.plans
    .filter((plan) => plan.accountId === accountId)
    .map((plan) => ({
      id: plan.id,
      accountId,
      name: plan.name,
      status: plan.status,
      stage: plan.stage,
      executiveSponsor: null,
      champion: null,
      reviewCadenceDays: plan.reviewCadenceDays,
      nextReview: plan.nextReviewDay === null ? null : formatIsoDate(plan.nextReviewDay),
      escalationPath: plan.escalationPath,
      startDate: formatIsoDate(plan.startDay),
      endDate: formatIsoDate(plan.endDay),
      templateName: plan.templateName,
      objectives: records.objectives
        .filter((objective) => objective.planId === plan.id)
        .map((objective) => toObjectiveRecord({ ...objective, key: null })),
      milestones: []
    }));
  return objectiveFactsOf(plans);
}
