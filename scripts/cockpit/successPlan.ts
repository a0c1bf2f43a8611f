/**
 * SuccessPlanController offline, with the checks and messages of SuccessPlanService and the view that SuccessPlanView
 * builds, computed with the reference engine.
 *
 * Plans come from the export's SuccessPlan__c, SuccessObjective__c and SuccessMilestone__c files. A plan that someone
 * created or changed in the cockpit is kept whole in the change store, and that copy replaces the export's plan of
 * the same Id. Scoring an account (at start and on recalculation) completes the open milestones of its Active plans
 * whose criteria the raw measure values meet, as the scoring job does in the org. A plan created in the cockpit is
 * therefore completed by the next recalculation, not at once.
 *
 * The as-of date of the view, and the date of a manual completion or a default plan start, is the export's scoring
 * date instead of the machine's date, so milestone states agree with the scores and the checkpoints of the same data.
 */
import { formatNumber, roundTo } from 'c/healthEngine';
import {
  OBJECTIVE_STATUSES,
  PLAN_STAGES,
  PLAN_STATUSES,
  instantiateTemplate,
  isObjectiveMet,
  milestoneCriteriaMet,
  milestoneStateOf,
  objectiveProgress,
  planProgressOf
} from 'c/planEngine';
import type {
  ContactRef,
  MeasureValues,
  MilestoneRecord,
  ObjectiveRecord,
  ObjectiveStatus,
  PlanRecord,
  PlanStage,
  PlanStatus,
  PlanTemplate
} from 'c/planEngine';
import { feedbackCountOf } from '../lib/qbr';
import { shiftDate } from '../lib/score/portfolio';
import { ApexError } from './apexErrors';
import { completeMilestones } from './data';
import type { AccountState, CockpitData } from './data';
import { COCKPIT_KEY_PREFIXES, syntheticId } from './ids';
import { ACTIVE_STATUSES, risksOf } from './riskRegister';
import type { CockpitStore, StoredPlan } from './store';
import type { CockpitUser } from './users';

type PlanView = ApexTypes.SuccessPlanController_PlanView;
type PlanDetail = ApexTypes.SuccessPlanController_PlanDetail;
type ObjectiveView = ApexTypes.SuccessPlanController_ObjectiveView;
type MilestoneView = ApexTypes.SuccessPlanController_MilestoneView;
type ContactView = ApexTypes.SuccessPlanController_ContactRef;
type TemplateOption = ApexTypes.SuccessPlanController_TemplateOption;
type RiskItemView = ApexTypes.SuccessPlanController_RiskItem;

/** Start of every access-failure message. The successPlan component checks for the same text. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';
/** Statuses of a plan that is still open. An account has at most one open plan. */
export const OPEN_STATUSES: readonly PlanStatus[] = ['Draft', 'Active', 'OnHold'];
/** Maximum review cadence, in days. */
export const MAX_REVIEW_CADENCE_DAYS = 365;
/** Length of SuccessPlan__c.EscalationPath__c. */
export const ESCALATION_PATH_LENGTH = 2000;
/** Days of feedback the plan view counts for the readiness score, up to and including the as-of date. */
export const FEEDBACK_WINDOW_DAYS = 90;

const PERMISSION_SET_HINT = 'Ask your admin to assign you the Success Cockpit User permission set.';
const NAME_LENGTH = 80;
/** Smallest value too large for Number(16,2), which has 14 digits before the decimal point. */
const MAX_NUMBER = 100000000000000;
/** Order in which SuccessPlanView.pickOpenPlan prefers an open plan. */
const OPEN_PLAN_PREFERENCE: readonly PlanStatus[] = ['Active', 'OnHold', 'Draft'];

/** Data, store, user and clock of the success plan methods. */
export interface PlanContext {
  data: CockpitData;
  store: CockpitStore;
  user: CockpitUser;
  today: () => string;
  now: () => Date;
}

/** New values of a plan's header, after conversion to the Apex types. Null clears a field, except status. */
export interface PlanChange {
  status: string | null;
  stage: string | null;
  executiveSponsorId: string | null;
  championId: string | null;
  reviewCadenceDays: number | null;
  nextReview: string | null;
  escalationPath: string | null;
}

/** Parameters of createFromTemplate after conversion to the Apex types. */
export interface NewPlan {
  accountId: string | null;
  templateName: string | null;
  startDate: string | null;
  executiveSponsorId: string | null;
  championId: string | null;
}

/** A plan with the account it belongs to. */
interface PlanOfAccount {
  state: AccountState;
  plan: PlanRecord;
}

function fail(message: string): never {
  throw new ApexError(message);
}

/** Shortens text to a maximum length with a trailing ellipsis, as Apex String.abbreviate does. */
function abbreviate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 3)}...`;
}

/** Returns a stored plan without the store's change time. */
function toRecord(plan: StoredPlan): PlanRecord {
  const record: PlanRecord & { changedAt?: string } = { ...plan };
  delete record.changedAt;
  return record;
}

function storedPlanRecordsOf(store: CockpitStore, accountId: string): StoredPlan[] {
  return store.list('plans').filter((plan) => plan.accountId === accountId);
}

/**
 * Returns the plans of an account that the cockpit created or changed, without the store's change time.
 * @param store The change store.
 * @param accountId 18-character account Id.
 */
export function storedPlansOf(store: CockpitStore, accountId: string): PlanRecord[] {
  return storedPlanRecordsOf(store, accountId).map(toRecord);
}

/**
 * Returns every plan of an account, newest change first as SuccessPlanSelector orders them: the store's plans by
 * change time, then the export's plans that the store does not replace, newest start date first.
 */
export function plansOf(store: CockpitStore, state: AccountState): PlanRecord[] {
  const stored = storedPlanRecordsOf(store, state.signals.accountId).sort(
    (a, b) => compareNullsLast(b.changedAt, a.changedAt) || compareNullsLast(b.id, a.id)
  );
  const storedIds = new Set(stored.map((plan) => plan.id));
  return [...stored.map(toRecord), ...state.plans.filter((plan) => !storedIds.has(plan.id))];
}

/**
 * Completes the open milestones of an account's Active plans in the store whose criteria the values meet, as the
 * scoring job does. A plan without completions is not written.
 */
export function completeStoredMilestones(
  store: CockpitStore,
  accountId: string,
  values: MeasureValues,
  asOf: string
): void {
  for (const plan of storedPlanRecordsOf(store, accountId)) {
    const record = toRecord(plan);
    // completeMilestones returns the same object when nothing completes.
    const [completed] = completeMilestones([record], values, asOf);
    if (completed !== record) {
      store.put('plans', plan.id, { ...completed, changedAt: plan.changedAt });
    }
  }
}

/** Returns the open plan the page shows: Active before OnHold before Draft, newest change first. */
function pickOpenPlan(openPlans: PlanRecord[]): PlanRecord | null {
  for (const status of OPEN_PLAN_PREFERENCE) {
    const found = openPlans.find((plan) => plan.status === status);
    if (found) {
      return found;
    }
  }
  return openPlans[0] ?? null;
}

function isOpen(plan: PlanRecord): boolean {
  return OPEN_STATUSES.includes(plan.status);
}

function requireAccountId(accountId: string | null): string {
  if (accountId === null) {
    fail('The account Id is missing. Open the success plan from an Account record page.');
  }
  if (!accountId.startsWith('001')) {
    fail(`Id ${accountId} is not an account Id. Place the success plan component on an Account record page.`);
  }
  return accountId;
}

function requireAccount(data: CockpitData, accountId: string): AccountState {
  const state = data.account(accountId);
  if (!state) {
    fail(
      `${ACCESS_DENIED_PREFIX}account ${accountId} does not exist or is not shared with you. Ask the account owner ` +
        'or your admin for access.'
    );
  }
  return state;
}

/** Kinds of plan records that the update methods take an Id of. */
type PlanRecordKind = 'success plan' | 'objective' | 'milestone';

const KEY_PREFIX_OBJECTS: Record<PlanRecordKind, keyof typeof COCKPIT_KEY_PREFIXES> = {
  'success plan': 'SuccessPlan',
  objective: 'SuccessObjective',
  milestone: 'SuccessMilestone'
};

/** Lists every plan of every account, with the account. */
function allPlans(context: PlanContext): PlanOfAccount[] {
  return context.data
    .accountsByRisk()
    .flatMap((state) => plansOf(context.store, state).map((plan) => ({ state, plan })));
}

function idsOfKind(plan: PlanRecord, kind: PlanRecordKind): string[] {
  if (kind === 'success plan') {
    return [plan.id];
  }
  return (kind === 'objective' ? plan.objectives : plan.milestones).map((record) => record.id);
}

/**
 * Checks that an Id names a record of the kind, as the Apex service does with the Id's object type. Offline the
 * object of an Id is known from its key prefix: the cockpit's own prefix, or the prefix of the export's records.
 */
function requireId(context: PlanContext, recordId: string | null, kind: PlanRecordKind): string {
  if (recordId === null) {
    fail(`The ${kind} Id is missing. Reload the page and try again.`);
  }
  const prefixes = new Set<string>([COCKPIT_KEY_PREFIXES[KEY_PREFIX_OBJECTS[kind]]]);
  for (const { plan } of allPlans(context)) {
    for (const id of idsOfKind(plan, kind)) {
      prefixes.add(id.slice(0, 3));
    }
  }
  if (!prefixes.has(recordId.slice(0, 3))) {
    const article = /^[aeiou]/i.test(kind) ? 'an' : 'a';
    fail(`Id ${recordId} is not the Id of ${article} ${kind}. Reload the page and try again.`);
  }
  return recordId;
}

function notVisible(kind: PlanRecordKind, recordId: string): never {
  fail(
    `${ACCESS_DENIED_PREFIX}${kind} ${recordId} does not exist or is not shared with you. Reload the page; if it is ` +
      'still listed, ask the plan owner for access.'
  );
}

/** Finds the plan that contains a record of the kind. Apex compares Ids on their first 15 characters. */
function findPlanOf(context: PlanContext, kind: PlanRecordKind, recordId: string): PlanOfAccount | null {
  const key = recordId.slice(0, 15);
  for (const entry of allPlans(context)) {
    if (idsOfKind(entry.plan, kind).some((id) => id.slice(0, 15) === key)) {
      return entry;
    }
  }
  return null;
}

function requirePlanOpen(plan: PlanRecord): void {
  if (!isOpen(plan)) {
    fail(
      `Success plan ${plan.name} is ${plan.status}, so it can no longer be changed. Reload the page to see the ` +
        'current plan.'
    );
  }
}

function requirePicklistValue<T extends string>(label: string, value: string | null, allowed: readonly T[]): T {
  const trimmed = value?.trim() ?? '';
  // Restricted picklists compare with letter case.
  const match = allowed.find((candidate) => candidate === trimmed);
  if (match !== undefined) {
    return match;
  }
  const problem = trimmed === '' ? `${label} is missing.` : `${label} ${trimmed} is not a valid value.`;
  fail(`${problem} Choose one of ${allowed.join(', ')}.`);
}

function validateReviewCadence(days: number | null): void {
  if (days !== null && (days < 1 || days > MAX_REVIEW_CADENCE_DAYS)) {
    fail(
      `Review cadence ${days} days is out of range. Enter 1 to ${MAX_REVIEW_CADENCE_DAYS} days between reviews, or ` +
        'leave it blank for none.'
    );
  }
}

function optionalText(label: string, value: string | null, maxLength: number): string | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  const trimmed = value.trim();
  if (trimmed.length > maxLength) {
    fail(`${label} is ${trimmed.length} characters long, more than the ${maxLength} allowed. Shorten it.`);
  }
  return trimmed;
}

/**
 * Checks the sponsor and champion Ids: Contact Ids, of contacts that exist and belong to the account.
 * @returns The contacts by Id.
 */
function requireAccountContacts(
  context: PlanContext,
  state: AccountState,
  executiveSponsorId: string | null,
  championId: string | null
): Map<string, ContactRef> {
  const roles = new Map<string, string>();
  if (executiveSponsorId !== null) {
    requireContactId(executiveSponsorId, 'Executive sponsor');
    roles.set(executiveSponsorId, 'Executive sponsor');
  }
  if (championId !== null) {
    requireContactId(championId, 'Champion');
    roles.set(championId, roles.has(championId) ? 'Executive sponsor and champion' : 'Champion');
  }
  const found = new Map<string, ContactRef>();
  for (const [contactId, role] of roles) {
    const contact = context.data.contact(contactId);
    if (contact === undefined) {
      fail(
        `${role} ${contactId} was not found or is not shared with you. Choose a contact of account ` +
          `${state.signals.accountName}.`
      );
    }
    if (contact.accountId === null || contact.accountId.slice(0, 15) !== state.signals.accountId.slice(0, 15)) {
      fail(
        `${role} ${contact.name} is not a contact of account ${state.signals.accountName}. Choose a contact of the ` +
          'account.'
      );
    }
    found.set(contactId, { id: contact.id, name: contact.name, title: contact.title });
  }
  return found;
}

function requireContactId(contactId: string, role: string): void {
  if (!contactId.startsWith('003')) {
    fail(`${role} Id ${contactId} is not a Contact Id. Choose a contact.`);
  }
}

function requireReadAccess(user: CockpitUser): void {
  if (!user.canReadPlans) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot read success plans, objectives or milestones. ${PERMISSION_SET_HINT}`);
  }
}

function requireEditAccess(user: CockpitUser, what: string): void {
  if (!user.canEditPlans) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot edit ${what}. ${PERMISSION_SET_HINT}`);
  }
}

/** Raw measure values as HealthContribution__c.RawValue__c stores them, with 4 decimal places. */
function storedMeasureValues(state: AccountState, user: CockpitUser): MeasureValues {
  // Health snapshots are a separate permission, and without it the plan has no measure values.
  if (!user.canReadHealth) {
    return {};
  }
  const values: MeasureValues = {};
  for (const [measure, value] of Object.entries(state.measureValues)) {
    values[measure] = value === null ? null : roundTo(value, 4);
  }
  return values;
}

function toContactView(contact: ContactRef | null): ContactView | null {
  return contact === null ? null : { id: contact.id, name: contact.name, title: contact.title };
}

function toObjectiveView(objective: ObjectiveRecord, asOf: string): ObjectiveView {
  const isMet = isObjectiveMet(objective);
  return {
    id: objective.id,
    outcome: objective.outcome,
    successMetric: objective.successMetric,
    unit: objective.unit,
    baseline: objective.baseline,
    target: objective.target,
    currentValue: objective.currentValue,
    dueDate: objective.dueDate,
    status: objective.status,
    capability: objective.capability,
    progressPercent: objectiveProgress(objective),
    isMet,
    isOverdue: objective.dueDate !== null && objective.dueDate < asOf && !isMet
  };
}

function toMilestoneView(milestone: MilestoneRecord, values: MeasureValues, asOf: string): MilestoneView {
  const status = milestoneStateOf(milestone, asOf);
  return {
    id: milestone.id,
    name: milestone.name,
    objectiveId: milestone.objectiveId,
    phase: milestone.phase,
    targetDate: milestone.targetDate,
    criteria: milestone.criteria,
    criteriaMeasure: milestone.criteriaMeasure,
    criteriaOperator: milestone.criteriaOperator,
    criteriaValue: milestone.criteriaValue,
    measureValue: milestone.criteriaMeasure === null ? null : (values[milestone.criteriaMeasure] ?? null),
    completedDate: milestone.completedDate,
    completionSource: milestone.completionSource,
    ownerId: milestone.ownerId,
    ownerName: milestone.ownerName,
    state: status.state,
    daysOverdue: status.daysOverdue,
    daysUntilDue: status.daysUntilDue
  };
}

function compareNullsLast(left: number | string | null, right: number | string | null): number {
  if (left === right) {
    return 0;
  }
  if (left === null || right === null) {
    return left === null ? 1 : -1;
  }
  return left < right ? -1 : 1;
}

/** Orders objectives as SuccessPlanSelector reads them: sort order (blank last), then creation order. */
function compareObjectives(left: ObjectiveRecord, right: ObjectiveRecord): number {
  return compareNullsLast(left.sortOrder, right.sortOrder) || compareNullsLast(left.id, right.id);
}

/** Orders milestones as SuccessPlanSelector reads them: target date, sort order (blanks last), then name. */
function compareMilestones(left: MilestoneRecord, right: MilestoneRecord): number {
  return (
    compareNullsLast(left.targetDate, right.targetDate) ||
    compareNullsLast(left.sortOrder, right.sortOrder) ||
    compareNullsLast(left.name, right.name)
  );
}

/**
 * Builds the plan detail as SuccessPlanView.toDetail does: objectives and milestones in the selector's order, each
 * with its progress or state on the as-of date, and the plan's totals.
 */
export function toPlanDetail(plan: PlanRecord, values: MeasureValues, asOf: string): PlanDetail {
  const progress = planProgressOf(plan, asOf);
  return {
    id: plan.id,
    name: plan.name,
    status: plan.status,
    stage: plan.stage,
    startDate: plan.startDate,
    endDate: plan.endDate,
    reviewCadenceDays: plan.reviewCadenceDays,
    nextReview: plan.nextReview,
    isReviewOverdue: progress.isReviewOverdue,
    escalationPath: plan.escalationPath,
    templateName: plan.templateName,
    executiveSponsor: toContactView(plan.executiveSponsor),
    champion: toContactView(plan.champion),
    objectives: [...plan.objectives].sort(compareObjectives).map((objective) => toObjectiveView(objective, asOf)),
    milestones: [...plan.milestones]
      .sort(compareMilestones)
      .map((milestone) => toMilestoneView(milestone, values, asOf)),
    objectivesTotal: progress.objectivesTotal,
    objectivesMet: progress.objectivesMet,
    progressPercent: progress.progressPercent,
    milestonesTotal: progress.milestonesTotal,
    milestonesCompleted: progress.milestonesCompleted,
    milestonesOverdue: progress.milestonesOverdue
  };
}

const RISK_SEVERITY_ORDER: readonly string[] = ['Critical', 'High', 'Medium', 'Low'];

/**
 * Lists the Open and Mitigating risks of the register for the readiness score, as SuccessPlanView.toRiskItems does:
 * by severity, Critical first and other severities last, then earliest detected first. An open Task is the mitigation.
 * @returns null when the user cannot read risks.
 */
function openRiskItems(context: PlanContext, state: AccountState): RiskItemView[] | null {
  if (!context.user.canReadHealth) {
    return null;
  }
  const rank = (severity: string): number => {
    const index = RISK_SEVERITY_ORDER.indexOf(severity);
    return index < 0 ? RISK_SEVERITY_ORDER.length : index;
  };
  return risksOf(context, state)
    .filter((risk) => ACTIVE_STATUSES.includes(risk.status))
    .sort(
      (left, right) => rank(left.severity) - rank(right.severity) || compareNullsLast(left.detectedAt, right.detectedAt)
    )
    .map((risk) => ({
      title: risk.name,
      severity: risk.severity,
      hasMitigation: risk.openTasks.length > 0,
      rung: risk.rung,
      status: risk.status
    }));
}

/**
 * SuccessPlanController.getPlan: the account's open plan with its objectives, milestones and progress, the number
 * of closed plans, the account's contacts for the pickers and what the user may do. It also returns what the
 * readiness score reads beside the plan: the open risks, the feedback responses of the last 90 days (null without
 * Feedback__c.csv) and the renewal date.
 * @throws ApexError with the service's messages.
 */
export function getPlan(context: PlanContext, accountIdParam: string | null): PlanView {
  const requestedId = requireAccountId(accountIdParam);
  requireReadAccess(context.user);
  const state = requireAccount(context.data, requestedId);
  const asOf = context.data.asOf;
  const plans = plansOf(context.store, state);
  const open = pickOpenPlan(plans.filter(isOpen));
  return {
    accountId: state.signals.accountId,
    accountName: state.signals.accountName,
    asOf,
    canEdit: context.user.canEditPlans,
    canCreate: context.user.canEditPlans,
    plan: open === null ? null : toPlanDetail(open, storedMeasureValues(state, context.user), asOf),
    pastPlanCount: plans.filter((plan) => !isOpen(plan)).length,
    contacts: context.data.contactsOf(state.signals.accountId).map((contact) => ({
      id: contact.id,
      name: contact.name,
      title: contact.title
    })),
    openRisks: openRiskItems(context, state),
    feedbackCount: feedbackCountOf(state.signals.feedback, shiftDate(asOf, 1 - FEEDBACK_WINDOW_DAYS), asOf),
    renewalDate: context.data.renewalSource(state.signals.accountId)?.renewalDate ?? null
  };
}

/**
 * SuccessPlanController.getTemplates: the active templates in list order with the number of objectives and
 * milestones each creates.
 */
export function getTemplates(context: PlanContext): TemplateOption[] {
  return context.data.activeTemplates().map((template) => {
    const items = context.data.templateItems(template.name);
    return {
      name: template.name,
      label: template.label,
      stage: template.stage,
      description: template.description,
      durationDays: template.durationDays,
      objectiveCount: items.filter((item) => item.itemType === 'Objective').length,
      milestoneCount: items.filter((item) => item.itemType === 'Milestone').length
    };
  });
}

function requireTemplate(data: CockpitData, templateName: string | null): PlanTemplate {
  const trimmed = templateName?.trim() ?? '';
  const template = data.plansMetadata.templates.find((candidate) => candidate.name === trimmed);
  if (template !== undefined && template.isActive) {
    return template;
  }
  const names = data.activeTemplates().map((active) => active.name);
  const problem =
    trimmed === ''
      ? 'The plan template is missing.'
      : `Plan template ${trimmed}${template === undefined ? ' does not exist.' : ' is not active.'}`;
  fail(
    problem +
      (names.length === 0
        ? ' No template is active; ask your admin to activate a Plan Template record.'
        : ` Choose one of ${names.join(', ')}.`)
  );
}

/**
 * SuccessPlanController.createFromTemplate: an Active plan with the template's objectives and milestones, the
 * milestones owned by the user.
 * @returns Id of the new plan.
 * @throws ApexError with the service's messages.
 */
export function createFromTemplate(context: PlanContext, request: NewPlan): string {
  const requestedId = requireAccountId(request.accountId);
  if (!context.user.canEditPlans) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot create success plans, objectives or milestones. ${PERMISSION_SET_HINT}`);
  }
  const template = requireTemplate(context.data, request.templateName);
  const state = requireAccount(context.data, requestedId);
  const openPlans = plansOf(context.store, state).filter(isOpen);
  if (openPlans.length > 0) {
    fail(
      `Account ${state.signals.accountName} already has an open success plan (${openPlans[0].name}). Complete or ` +
        'cancel it before creating another.'
    );
  }
  const contacts = requireAccountContacts(context, state, request.executiveSponsorId, request.championId);

  const start = request.startDate ?? context.data.asOf;
  const instance = instantiateTemplate(template, context.data.templateItems(template.name), start);
  const changedAt = context.now().toISOString();
  const planId = syntheticId('SuccessPlan', `${state.signals.accountId}|${template.name}|${changedAt}`);
  const objectiveIds = new Map<string, string>();
  const objectives: ObjectiveRecord[] = instance.objectives.map((objective, index) => {
    const id = syntheticId('SuccessObjective', `${planId}|${index}`);
    if (objective.key !== null) {
      objectiveIds.set(objective.key, id);
    }
    return {
      id,
      outcome: objective.outcome,
      successMetric: objective.successMetric,
      unit: objective.unit,
      baseline: objective.baseline,
      target: objective.target,
      currentValue: objective.currentValue,
      dueDate: objective.dueDate,
      status: objective.status,
      capability: objective.capability,
      sortOrder: objective.sortOrder
    };
  });
  const milestones: MilestoneRecord[] = instance.milestones.map((milestone, index) => {
    const { objectiveKey, ...fields } = milestone;
    return {
      ...fields,
      id: syntheticId('SuccessMilestone', `${planId}|${index}`),
      name: abbreviate(milestone.name, NAME_LENGTH),
      objectiveId: objectiveKey === null ? null : (objectiveIds.get(objectiveKey) ?? null),
      ownerId: context.user.id,
      ownerName: context.user.name
    };
  });
  context.store.put('plans', planId, {
    id: planId,
    accountId: state.signals.accountId,
    name: abbreviate(`${state.signals.accountName}: ${template.label}`, NAME_LENGTH),
    status: 'Active',
    stage: template.stage,
    executiveSponsor: request.executiveSponsorId === null ? null : (contacts.get(request.executiveSponsorId) ?? null),
    champion: request.championId === null ? null : (contacts.get(request.championId) ?? null),
    reviewCadenceDays: template.reviewCadenceDays,
    nextReview: instance.nextReview,
    escalationPath: null,
    startDate: start,
    endDate: instance.endDate,
    templateName: template.name,
    objectives,
    milestones,
    changedAt
  });
  return planId;
}

function savePlan(context: PlanContext, plan: PlanRecord): void {
  context.store.put('plans', plan.id, { ...plan, changedAt: context.now().toISOString() });
}

/**
 * SuccessPlanController.updatePlan: the header of an open plan. Status Completed or Cancelled closes it.
 * @throws ApexError with the service's messages.
 */
export function updatePlan(context: PlanContext, planIdParam: string | null, change: PlanChange): void {
  const planId = requireId(context, planIdParam, 'success plan');
  requireEditAccess(context.user, 'success plans');
  const status = requirePicklistValue('Status', change.status, PLAN_STATUSES);
  const stage: PlanStage | null =
    change.stage === null || change.stage.trim() === ''
      ? null
      : requirePicklistValue('Stage', change.stage, PLAN_STAGES);
  validateReviewCadence(change.reviewCadenceDays);
  const escalationPath = optionalText('Escalation path', change.escalationPath, ESCALATION_PATH_LENGTH);

  const found = findPlanOf(context, 'success plan', planId);
  if (found === null) {
    notVisible('success plan', planId);
  }
  requirePlanOpen(found.plan);
  const contacts = requireAccountContacts(context, found.state, change.executiveSponsorId, change.championId);
  savePlan(context, {
    ...found.plan,
    status,
    stage,
    executiveSponsor: change.executiveSponsorId === null ? null : (contacts.get(change.executiveSponsorId) ?? null),
    champion: change.championId === null ? null : (contacts.get(change.championId) ?? null),
    reviewCadenceDays: change.reviewCadenceDays,
    nextReview: change.nextReview,
    escalationPath
  });
}

/**
 * SuccessPlanController.updateObjective: the current value, status and due date of an objective of an open plan.
 * The current value is kept to 2 decimal places, as the Number(16,2) field stores it.
 * @throws ApexError with the service's messages.
 */
export function updateObjective(
  context: PlanContext,
  objectiveIdParam: string | null,
  currentValue: number | null,
  statusParam: string | null,
  dueDate: string | null
): void {
  const objectiveId = requireId(context, objectiveIdParam, 'objective');
  requireEditAccess(context.user, 'objectives');
  const status: ObjectiveStatus = requirePicklistValue('Status', statusParam, OBJECTIVE_STATUSES);
  if (currentValue !== null && Math.abs(currentValue) >= MAX_NUMBER) {
    fail(
      `Current value ${formatPlain(currentValue)} is too large: the field holds up to 14 digits before the decimal ` +
        'point. Enter a smaller value.'
    );
  }
  const found = findPlanOf(context, 'objective', objectiveId);
  if (found === null) {
    notVisible('objective', objectiveId);
  }
  requirePlanOpen(found.plan);
  const key = objectiveId.slice(0, 15);
  savePlan(context, {
    ...found.plan,
    objectives: found.plan.objectives.map((objective) =>
      objective.id.slice(0, 15) === key
        ? { ...objective, currentValue: currentValue === null ? null : roundTo(currentValue, 2), status, dueDate }
        : objective
    )
  });
}

/** Writes a number without an exponent, as Apex Decimal.toPlainString does. */
function formatPlain(value: number): string {
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * SuccessPlanController.setMilestoneCompleted: completes a milestone of an open plan on the as-of date by hand, or
 * reopens it. A milestone that completed itself is reopened only when its criteria are no longer met.
 * @throws ApexError with the service's messages.
 */
export function setMilestoneCompleted(
  context: PlanContext,
  milestoneIdParam: string | null,
  completed: boolean | null
): void {
  const milestoneId = requireId(context, milestoneIdParam, 'milestone');
  if (completed === null) {
    fail(`Whether to complete or reopen milestone ${milestoneId} is missing. Reload the page and try again.`);
  }
  requireEditAccess(context.user, 'milestones');
  const found = findPlanOf(context, 'milestone', milestoneId);
  if (found === null) {
    notVisible('milestone', milestoneId);
  }
  requirePlanOpen(found.plan);
  const key = milestoneId.slice(0, 15);
  const milestone = found.plan.milestones.find((candidate) => candidate.id.slice(0, 15) === key) as MilestoneRecord;
  if ((milestone.completedDate !== null) === completed) {
    return;
  }
  if (!completed) {
    rejectReopeningMetMilestone(context, found.state, milestone);
  }
  const change: Pick<MilestoneRecord, 'completedDate' | 'completionSource'> = completed
    ? { completedDate: context.data.asOf, completionSource: 'Manual' }
    : { completedDate: null, completionSource: null };
  savePlan(context, {
    ...found.plan,
    milestones: found.plan.milestones.map((candidate) =>
      candidate.id === milestone.id ? { ...candidate, ...change } : candidate
    )
  });
}

function rejectReopeningMetMilestone(context: PlanContext, state: AccountState, milestone: MilestoneRecord): void {
  if (milestone.completionSource !== 'Automatic') {
    return;
  }
  const values = storedMeasureValues(state, context.user);
  if (!milestoneCriteriaMet(milestone, values)) {
    return;
  }
  const value = values[milestone.criteriaMeasure as string] as number;
  fail(
    `Milestone ${milestone.name} completed itself because ${milestone.criteriaMeasure} is ${formatNumber(value)}, ` +
      `which meets its criteria (${milestone.criteriaOperator} ${formatNumber(milestone.criteriaValue as number)}). ` +
      'Reopened, it would complete itself again after the next scoring run. Leave it completed, or ask your admin ' +
      'to change its criteria.'
  );
}
