/**
 * Values, checks and Apex parameters of the successPlan forms: the form that creates a plan from a template, the plan
 * edit panel and the inline editor of an objective. Each check returns a message per invalid field, which names the problem
 * with the value and what to enter instead.
 */
import { formatNumber } from 'c/healthEngine';
import { OBJECTIVE_STATUS_OPTIONS, PLAN_STAGE_OPTIONS, PLAN_STATUS_OPTIONS, addDays, isIsoDate } from './planView';
import type { Option } from './planView';

type PlanDetail = ApexTypes.SuccessPlanController_PlanDetail;
type ObjectiveView = ApexTypes.SuccessPlanController_ObjectiveView;

/** Shortest review cadence, in days. */
export const MIN_CADENCE_DAYS = 1;

/**
 * Maximum review cadence, in days: one review a year, although SuccessPlan__c.ReviewCadenceDays__c stores up to 999.
 */
export const MAX_CADENCE_DAYS = 365;

/** Length of SuccessPlan__c.EscalationPath__c. */
export const MAX_ESCALATION_PATH = 2000;

/** How far before or after today a new plan may start, in days. */
export const MAX_START_OFFSET_DAYS = 365;

/** Largest absolute current value of an objective: Number(16,2) keeps 14 digits before the decimal point. */
export const MAX_OBJECTIVE_VALUE = 1e14;

/** Statuses that close a plan when saved. */
export const CLOSING_PLAN_STATUSES: readonly string[] = ['Completed', 'Cancelled'];

const DECIMAL_PLACES = 2;

/** Values of the form that creates a plan from a template. */
export interface CreateForm {
  templateName: string;
  startDate: string;
  executiveSponsorId: string;
  championId: string;
}

/** Values of the plan edit panel. */
export interface PlanForm {
  status: string;
  stage: string;
  executiveSponsorId: string;
  championId: string;
  reviewCadenceDays: string;
  nextReview: string;
  escalationPath: string;
}

/** Values of the inline editor of one objective. */
export interface ObjectiveForm {
  currentValue: string;
  status: string;
  dueDate: string;
}

/** Message per invalid field. A field without a message is valid. */
export type FormErrors<T> = Partial<Record<keyof T, string>>;

/** Parameters of SuccessPlanController.createFromTemplate. A contact that is not chosen is sent as null. */
export interface CreateParams {
  accountId: string;
  templateName: string;
  startDate: string;
  executiveSponsorId: string | null;
  championId: string | null;
}

/** Parameters of SuccessPlanController.updatePlan, where null clears a field. */
export interface PlanParams {
  planId: string;
  status: string;
  stage: string | null;
  executiveSponsorId: string | null;
  championId: string | null;
  reviewCadenceDays: number | null;
  nextReview: string | null;
  escalationPath: string | null;
}

/** Parameters of SuccessPlanController.updateObjective, where null clears a field. */
export interface ObjectiveParams {
  objectiveId: string;
  currentValue: number | null;
  status: string;
  dueDate: string | null;
}

function withoutEmpty<T>(errors: FormErrors<T>): FormErrors<T> {
  const result: FormErrors<T> = {};
  for (const [field, message] of Object.entries(errors) as [keyof T, string | undefined][]) {
    if (message !== undefined) {
      result[field] = message;
    }
  }
  return result;
}

function checkContact(id: string, options: Option[], role: string): string | undefined {
  if (id === '' || options.some((option) => option.value === id)) {
    return undefined;
  }
  return `The chosen ${role} is not a contact of this account. Choose one from the list, or None.`;
}

/**
 * Checks the form that creates a plan from a template.
 * @param form Values as entered.
 * @param today The current day as `YYYY-MM-DD`.
 * @param templates Options of the template combobox.
 * @param contacts Options of the contact comboboxes.
 * @returns A message per invalid field.
 */
export function validateCreateForm(
  form: CreateForm,
  today: string,
  templates: Option[],
  contacts: Option[]
): FormErrors<CreateForm> {
  let templateName: string | undefined;
  if (form.templateName === '') {
    templateName = 'Choose the template the plan starts from.';
  } else if (!templates.some((option) => option.value === form.templateName)) {
    templateName = `Template ${form.templateName} is not active any more. Choose another template.`;
  }
  const first = addDays(today, -MAX_START_OFFSET_DAYS);
  const last = addDays(today, MAX_START_OFFSET_DAYS);
  let startDate: string | undefined;
  if (form.startDate === '') {
    startDate = 'Enter the day the plan starts.';
  } else if (!isIsoDate(form.startDate)) {
    startDate = `${form.startDate} is not a date. Enter a date such as ${today}.`;
  } else if (form.startDate < first || form.startDate > last) {
    startDate = `Choose a start date from ${first} to ${last}, within a year of today.`;
  }
  return withoutEmpty<CreateForm>({
    templateName,
    startDate,
    executiveSponsorId: checkContact(form.executiveSponsorId, contacts, 'executive sponsor'),
    championId: checkContact(form.championId, contacts, 'champion')
  });
}

function checkCadence(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return undefined;
  }
  const days = Number(trimmed);
  if (!Number.isInteger(days) || days < MIN_CADENCE_DAYS || days > MAX_CADENCE_DAYS) {
    return `${trimmed} is not a whole number of days from ${MIN_CADENCE_DAYS} to ${MAX_CADENCE_DAYS}. Enter the days between reviews, for example 30.`;
  }
  return undefined;
}

function checkNextReview(form: PlanForm, today: string): string | undefined {
  if (form.nextReview === '') {
    return undefined;
  }
  if (!isIsoDate(form.nextReview)) {
    return `${form.nextReview} is not a date. Enter a date such as ${today}.`;
  }
  if (form.status === 'Active' && form.nextReview < today) {
    return `The next review of an Active plan cannot be in the past. Choose ${today} or later.`;
  }
  return undefined;
}

/**
 * Checks the plan edit panel.
 * @param form Values as entered.
 * @param today The current day as `YYYY-MM-DD`.
 * @param contacts Options of the contact comboboxes.
 * @returns A message per invalid field.
 */
export function validatePlanForm(form: PlanForm, today: string, contacts: Option[]): FormErrors<PlanForm> {
  const escalationLength = form.escalationPath.trim().length;
  return withoutEmpty<PlanForm>({
    status: PLAN_STATUS_OPTIONS.some((option) => option.value === form.status)
      ? undefined
      : 'Choose the status of the plan.',
    stage: PLAN_STAGE_OPTIONS.some((option) => option.value === form.stage)
      ? undefined
      : 'Choose the stage of the plan, or No stage.',
    executiveSponsorId: checkContact(form.executiveSponsorId, contacts, 'executive sponsor'),
    championId: checkContact(form.championId, contacts, 'champion'),
    reviewCadenceDays: checkCadence(form.reviewCadenceDays),
    nextReview: checkNextReview(form, today),
    escalationPath:
      escalationLength > MAX_ESCALATION_PATH
        ? `The escalation path is ${escalationLength} characters long, more than the ${MAX_ESCALATION_PATH} allowed. Shorten it.`
        : undefined
  });
}

function decimalPlaces(text: string): number {
  const match = /\.(\d+)$/.exec(text);
  return match ? match[1].length : 0;
}

function checkCurrentValue(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return undefined;
  }
  const value = Number(trimmed);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed) || !Number.isFinite(value)) {
    return `${trimmed} is not a number. Enter the current value of the metric, for example 42.5, or leave it blank.`;
  }
  if (Math.abs(value) >= MAX_OBJECTIVE_VALUE) {
    return `${trimmed} is too large: the current value keeps at most 14 digits before the decimal point.`;
  }
  if (decimalPlaces(trimmed) > DECIMAL_PLACES) {
    return `${trimmed} has more than ${DECIMAL_PLACES} decimal places. Round it to ${DECIMAL_PLACES} places.`;
  }
  return undefined;
}

/**
 * Checks the inline editor of an objective.
 * @param form Values as entered.
 * @returns A message per invalid field.
 */
export function validateObjectiveForm(form: ObjectiveForm): FormErrors<ObjectiveForm> {
  return withoutEmpty<ObjectiveForm>({
    currentValue: checkCurrentValue(form.currentValue),
    status: OBJECTIVE_STATUS_OPTIONS.some((option) => option.value === form.status)
      ? undefined
      : 'Choose the status of the objective.',
    dueDate:
      form.dueDate !== '' && !isIsoDate(form.dueDate)
        ? `${form.dueDate} is not a date. Enter a date in the form YYYY-MM-DD, or leave it blank.`
        : undefined
  });
}

/**
 * Returns the values the plan edit panel opens with.
 * @param plan The open plan.
 * @returns The form values.
 */
export function planFormOf(plan: PlanDetail): PlanForm {
  return {
    status: plan.status ?? '',
    stage: plan.stage ?? '',
    executiveSponsorId: plan.executiveSponsor?.id ?? '',
    championId: plan.champion?.id ?? '',
    reviewCadenceDays:
      plan.reviewCadenceDays === null || plan.reviewCadenceDays === undefined ? '' : String(plan.reviewCadenceDays),
    nextReview: plan.nextReview ?? '',
    escalationPath: plan.escalationPath ?? ''
  };
}

/**
 * Returns the values the inline editor of an objective opens with.
 * @param objective The objective.
 * @returns The form values.
 */
export function objectiveFormOf(objective: ObjectiveView): ObjectiveForm {
  return {
    currentValue:
      objective.currentValue === null || objective.currentValue === undefined
        ? ''
        : formatNumber(objective.currentValue),
    status: objective.status ?? 'NotStarted',
    dueDate: objective.dueDate ?? ''
  };
}

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Builds the parameters of createFromTemplate from a valid create form.
 * @param form Values as entered.
 * @param accountId Id of the account.
 * @returns The parameters.
 */
export function createParamsOf(form: CreateForm, accountId: string): CreateParams {
  return {
    accountId,
    templateName: form.templateName,
    startDate: form.startDate,
    executiveSponsorId: blankToNull(form.executiveSponsorId),
    championId: blankToNull(form.championId)
  };
}

/**
 * Builds the parameters of updatePlan from a valid plan form.
 * @param form Values as entered.
 * @param planId Id of the plan.
 * @returns The parameters.
 */
export function planParamsOf(form: PlanForm, planId: string): PlanParams {
  const cadence = form.reviewCadenceDays.trim();
  return {
    planId,
    status: form.status,
    stage: blankToNull(form.stage),
    executiveSponsorId: blankToNull(form.executiveSponsorId),
    championId: blankToNull(form.championId),
    reviewCadenceDays: cadence === '' ? null : Number(cadence),
    nextReview: blankToNull(form.nextReview),
    escalationPath: blankToNull(form.escalationPath)
  };
}

/**
 * Builds the parameters of updateObjective from a valid objective form.
 * @param form Values as entered.
 * @param objectiveId Id of the objective.
 * @returns The parameters.
 */
export function objectiveParamsOf(form: ObjectiveForm, objectiveId: string): ObjectiveParams {
  const value = form.currentValue.trim();
  return {
    objectiveId,
    currentValue: value === '' ? null : Number(value),
    status: form.status,
    dueDate: blankToNull(form.dueDate)
  };
}
