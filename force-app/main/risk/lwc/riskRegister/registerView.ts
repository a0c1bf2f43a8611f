/**
 * Pure functions that turn the register of RiskRegisterController into what the riskRegister template shows, check
 * the action forms before they reach Apex, and build the input of the risk mitigation plan.
 */
import { RISK_CATEGORIES, RISK_SEVERITIES } from 'c/riskEngine';
import type {
  EscalationRungName,
  MitigationAction,
  RiskCategory,
  RiskFinding,
  RiskPlanEntry,
  RiskPlanInput,
  RiskSeverity
} from 'c/riskEngine';

type Register = ApexTypes.RiskRegisterController_Register;
type RiskItem = ApexTypes.RiskRegisterController_RiskItem;

/** Start of the Apex messages of access failures (RiskRegisterService.ACCESS_DENIED_PREFIX). */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

/** Latest next check-in, in days after today (RiskRegisterService.MAX_CHECK_IN_DAYS). */
export const MAX_CHECK_IN_DAYS = 90;

/** Length of Risk__c.ResolutionCriteria__c and RiskEscalation__c.Reason__c. */
export const MAX_SHORT_TEXT = 255;

/** Length of Risk__c.Evidence__c. */
export const MAX_EVIDENCE = 32768;

/** Length of Task.Description, which stores the notes of check-ins and closings. */
export const MAX_NOTES = 32000;

/** Statuses that end a risk, with what each one means to the CSM. */
export const CLOSING_STATUSES = [
  { value: 'Mitigated', label: 'Mitigated: the resolution criteria were met' },
  { value: 'Realized', label: 'Realized: the risk happened (churn or downsell)' },
  { value: 'Closed', label: 'Closed: the risk no longer applies' }
];

const DAY_MS = 86_400_000;
const CASE_KEY_PREFIX = '500';
const CATEGORY_LABELS: Record<string, string> = { ChampionLoss: 'Champion loss' };
const SEVERITY_BADGES: Record<string, string> = {
  Critical: 'slds-theme_error',
  High: 'slds-theme_warning',
  Medium: 'severity-medium',
  Low: 'slds-badge_lightest'
};

/** Option of a combobox. */
export interface Option {
  label: string;
  value: string;
}

/** A record the evidence refers to, as a link. */
export interface LinkRow {
  key: string;
  label: string;
  url: string;
}

/** An open Task of a risk. */
export interface TaskRow {
  key: string;
  subject: string;
  detail: string;
  className: string;
}

/** One risk as the template lists it. */
export interface RiskRow {
  key: string;
  id: string;
  name: string;
  headingId: string;
  severity: string;
  severityClass: string;
  categoryLabel: string;
  statusText: string;
  evidence: string;
  links: LinkRow[];
  hasLinks: boolean;
  leadingIndicator: string;
  ownerName: string;
  rungText: string;
  rungClass: string;
  checkInText: string;
  checkInClass: string;
  isCheckInOverdue: boolean;
  resolutionCriteria: string;
  isClosureProposed: boolean;
  arrAtRisk: number | null;
  hasArr: boolean;
  tasks: TaskRow[];
  hasTasks: boolean;
  nextRung: string | null;
  escalateLabel: string;
  className: string;
}

/** Values of the form that records a manual risk. */
export interface CreateForm {
  category: string;
  severity: string;
  evidence: string;
  resolutionCriteria: string;
}

/** Values of the escalation form. */
export interface EscalateForm {
  reason: string;
}

/** Values of the check-in form. */
export interface CheckInForm {
  notes: string;
  nextCheckIn: string;
}

/** Values of the closing form. */
export interface CloseForm {
  status: string;
  note: string;
}

/** Message per invalid field. A field without a message is valid. */
export type FormErrors<T> = Partial<Record<keyof T, string>>;

function dayOf(iso: string): number {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

/**
 * Adds days to an ISO date.
 * @param iso Date as `YYYY-MM-DD`.
 * @param days Days to add; negative to go back.
 * @returns The new date as `YYYY-MM-DD`.
 */
export function addDays(iso: string, days: number): string {
  return new Date(dayOf(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Returns the browser's current local date as `YYYY-MM-DD`.
 * @param now The current time; the current clock by default.
 * @returns The local date.
 */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * Formats an Apex Datetime (ISO with time and zone) as the local date it falls on.
 * @param value ISO date-time; null or empty gives an empty string.
 * @returns `YYYY-MM-DD`, or the input's first ten characters when it is not a valid date-time.
 */
export function localDateOf(value: string | null): string {
  if (!value) {
    return '';
  }
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? value.slice(0, 10) : localToday(time);
}

/**
 * Returns the label of a risk category, with spaces where the stored value has none.
 * @param category Category__c value.
 * @returns The label; the value itself for categories without a special label.
 */
export function categoryLabel(category: string | null): string {
  if (!category) {
    return 'Uncategorized';
  }
  return CATEGORY_LABELS[category] ?? category;
}

/** Categories a manual risk may have, in the order of the Category__c picklist. */
export const CATEGORY_OPTIONS: Option[] = RISK_CATEGORIES.map((value) => ({ label: categoryLabel(value), value }));

/** Severities from the most to the least urgent. */
export const SEVERITY_OPTIONS: Option[] = RISK_SEVERITIES.map((value) => ({ label: value, value }));

function pluralDays(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

function rungText(risk: RiskItem): string {
  const rung = risk.rung ?? 'No rung';
  if (!risk.rungDeadline) {
    return `${rung}, no deadline`;
  }
  return risk.isRungOverdue
    ? `${rung}, deadline ${risk.rungDeadline} passed`
    : `${rung}, deadline ${risk.rungDeadline}`;
}

function checkInText(risk: RiskItem): string {
  const cadence = risk.checkInCadenceDays ? `every ${pluralDays(risk.checkInCadenceDays)}` : 'no cadence';
  if (!risk.nextCheckIn) {
    return `No check-in planned (${cadence})`;
  }
  const prefix = risk.isCheckInOverdue ? `Overdue since ${risk.nextCheckIn}` : `Next on ${risk.nextCheckIn}`;
  return `${prefix} (${cadence})`;
}

function statusText(risk: RiskItem): string {
  const detected = localDateOf(risk.detectedAt);
  const source = risk.source === 'Manual' || !risk.source ? 'recorded by hand' : `detected by rule ${risk.source}`;
  const when = detected ? ` on ${detected}` : '';
  return `${risk.status ?? 'Open'}, ${source}${when}`;
}

function taskRows(risk: RiskItem): TaskRow[] {
  return (risk.mitigationTasks ?? []).map((task, index) => {
    const due = task.dueDate ? `due ${task.dueDate}` : 'no due date';
    const overdue = task.isOverdue ? ', overdue' : '';
    return {
      key: task.id ?? `task-${index}`,
      subject: task.subject ?? 'Untitled Task',
      detail: `${task.ownerName ?? 'Unassigned'}, ${due}${overdue}`,
      className: task.isOverdue ? 'slds-text-color_error' : ''
    };
  });
}

function linkRows(risk: RiskItem): LinkRow[] {
  return (risk.evidenceLinks ?? [])
    .filter((link) => link.recordId !== null)
    .map((link) => ({
      key: link.recordId as string,
      label: link.label ?? (link.recordId as string),
      url: `/lightning/r/${link.recordId as string}/view`
    }));
}

/**
 * Builds the rows of the register, in the order Apex sorted them (most severe first).
 * @param register The register; null gives no rows.
 * @returns One row per risk.
 */
export function buildRiskRows(register: Register | null | undefined): RiskRow[] {
  return (register?.risks ?? []).map((risk, index) => {
    const id = risk.id ?? `risk-${index}`;
    const tasks = taskRows(risk);
    const links = linkRows(risk);
    const isCheckInOverdue = risk.isCheckInOverdue === true;
    return {
      key: id,
      id,
      name: risk.name ?? 'Unnamed risk',
      headingId: `risk-heading-${index}`,
      severity: risk.severity ?? 'Unknown',
      severityClass: SEVERITY_BADGES[risk.severity ?? ''] ?? '',
      categoryLabel: categoryLabel(risk.category),
      statusText: statusText(risk),
      evidence: risk.evidence ?? '',
      links,
      hasLinks: links.length > 0,
      leadingIndicator: risk.leadingIndicator ?? 'None recorded',
      ownerName: risk.ownerName ?? 'Unassigned',
      rungText: rungText(risk),
      rungClass: risk.isRungOverdue ? 'slds-text-color_error' : '',
      checkInText: checkInText(risk),
      checkInClass: isCheckInOverdue ? 'slds-text-color_error check-in-overdue' : '',
      isCheckInOverdue,
      resolutionCriteria: risk.resolutionCriteria ?? 'Not set',
      isClosureProposed: risk.isClosureProposed === true,
      arrAtRisk: risk.arrAtRisk,
      hasArr: risk.arrAtRisk !== null && risk.arrAtRisk !== undefined,
      tasks,
      hasTasks: tasks.length > 0,
      nextRung: risk.nextRung ?? null,
      escalateLabel: risk.nextRung ? `Escalate to ${risk.nextRung}` : 'Escalate',
      className: isCheckInOverdue
        ? 'risk risk_overdue slds-box slds-m-bottom_small'
        : 'risk slds-box slds-m-bottom_small'
    };
  });
}

function requireText(value: string, maxLength: number, missing: string, label: string): string | undefined {
  const text = value.trim();
  if (text === '') {
    return missing;
  }
  if (text.length > maxLength) {
    return `${label} is ${text.length} characters long, more than the ${maxLength} allowed. Shorten it.`;
  }
  return undefined;
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

/**
 * Checks the form that records a manual risk.
 * @param form Values as typed.
 * @returns A message per invalid field.
 */
export function validateCreateForm(form: CreateForm): FormErrors<CreateForm> {
  return withoutEmpty<CreateForm>({
    category: CATEGORY_OPTIONS.some((option) => option.value === form.category)
      ? undefined
      : 'Choose the category of the risk.',
    severity: SEVERITY_OPTIONS.some((option) => option.value === form.severity)
      ? undefined
      : 'Choose how severe the risk is.',
    evidence: requireText(
      form.evidence,
      MAX_EVIDENCE,
      'Describe what you observed, with numbers and dates.',
      'Evidence'
    ),
    resolutionCriteria: requireText(
      form.resolutionCriteria,
      MAX_SHORT_TEXT,
      'Say what must be true to call the risk mitigated.',
      'Resolution criteria'
    )
  });
}

/**
 * Checks the escalation form.
 * @param form Values as typed.
 * @returns A message per invalid field.
 */
export function validateEscalateForm(form: EscalateForm): FormErrors<EscalateForm> {
  return withoutEmpty<EscalateForm>({
    reason: requireText(
      form.reason,
      MAX_SHORT_TEXT,
      'Say why the risk needs the next level and what you ask of them.',
      'Reason'
    )
  });
}

/**
 * Checks the check-in form. A blank next check-in is valid: Apex then adds the risk's cadence to today.
 * @param form Values as typed.
 * @param today The current day as `YYYY-MM-DD`.
 * @returns A message per invalid field.
 */
export function validateCheckInForm(form: CheckInForm, today: string): FormErrors<CheckInForm> {
  const first = addDays(today, 1);
  const last = addDays(today, MAX_CHECK_IN_DAYS);
  let nextCheckIn: string | undefined;
  if (form.nextCheckIn !== '' && (form.nextCheckIn < first || form.nextCheckIn > last)) {
    nextCheckIn = `Choose a date from ${first} to ${last}, or leave it blank to follow the check-in cadence.`;
  }
  return withoutEmpty<CheckInForm>({
    notes: requireText(form.notes, MAX_NOTES, 'Write what you reviewed and what you agreed.', 'Notes'),
    nextCheckIn
  });
}

/**
 * Checks the closing form.
 * @param form Values as typed.
 * @returns A message per invalid field.
 */
export function validateCloseForm(form: CloseForm): FormErrors<CloseForm> {
  return withoutEmpty<CloseForm>({
    status: CLOSING_STATUSES.some((option) => option.value === form.status)
      ? undefined
      : 'Choose how the risk ends: Mitigated, Realized or Closed.',
    note: requireText(form.note, MAX_NOTES, 'Say why the risk ends.', 'Note')
  });
}

function planActions(risk: RiskItem): MitigationAction[] {
  return (risk.mitigationTasks ?? []).map((task) => ({
    subject: task.subject ?? 'Untitled Task',
    owner: task.ownerName,
    dueDate: task.dueDate,
    status: task.status
  }));
}

function caseIdsOf(risk: RiskItem): string[] {
  return (risk.evidenceLinks ?? [])
    .map((link) => link.recordId)
    .filter((id): id is string => id !== null && id.startsWith(CASE_KEY_PREFIX));
}

function planEntry(risk: RiskItem, today: string): RiskPlanEntry {
  // NOTE: RiskFinding requires a rule type, which a manual risk does not have, and renderRiskPlan never reads it.
  const finding: Omit<RiskFinding, 'ruleType'> = {
    rule: risk.source ?? 'Manual',
    // The Risk__c picklists hold the riskEngine's category and severity values; a value an admin added is printed
    // as stored.
    category: (risk.category ?? 'Uncategorized') as RiskCategory,
    severity: (risk.severity ?? 'Low') as RiskSeverity,
    leadingIndicator: risk.leadingIndicator ?? 'None recorded',
    evidence: risk.evidence ?? '',
    caseIds: caseIdsOf(risk),
    snapshotDates: [],
    resolutionCriteria: risk.resolutionCriteria ?? 'Not set',
    checkInCadenceDays: risk.checkInCadenceDays,
    detectedOn: localDateOf(risk.detectedAt) || today
  };
  return {
    // The record name of a detected risk is its rule's label. Several manual risks share the source "Manual", so only
    // the name distinguishes them.
    title: risk.name ?? risk.source ?? 'Risk',
    finding: finding as RiskFinding,
    owner: risk.ownerName,
    // Detection and manual entry both start a risk on the CSM rung; only a hand-edited record has none.
    rung: (risk.rung ?? 'CSM') as EscalationRungName,
    rungDeadline: risk.rungDeadline,
    nextCheckIn: risk.nextCheckIn,
    actions: planActions(risk),
    arrAtRisk: risk.arrAtRisk
  };
}

/**
 * Builds the input of renderRiskPlan from the register: the account, the as-of date of the data and every listed risk
 * in the register's order. The as-of date is the latest detection date of the listed risks, which is the day the scores
 * behind them were calculated. An export made days later therefore shows the date of its data. Today is used only when
 * no risk has a detection date.
 * @param register The register.
 * @returns The plan input.
 */
export function buildPlanInput(register: Register): RiskPlanInput {
  const today = register.today ?? localToday();
  const risks = (register.risks ?? []).map((risk) => planEntry(risk, today));
  const detected = (register.risks ?? []).map((risk) => localDateOf(risk.detectedAt)).filter((day) => day !== '');
  return {
    customer: register.accountName ?? 'Account',
    asOf: detected.length === 0 ? today : detected.reduce((latest, day) => (day > latest ? day : latest)),
    risks
  };
}
