/**
 * Pure functions that turn the plan view of SuccessPlanController into what the successPlan template shows: labels,
 * combobox options, the plan header, the objective rows and the milestone timeline. The forms live in planForms.ts and
 * the report input in planReport.ts.
 */
import { formatIsoDate, formatNumber, parseIsoDate } from 'c/healthEngine';
import { OBJECTIVE_STATUSES, PLAN_STAGES, PLAN_STATUSES, milestoneCriteriaMet } from 'c/planEngine';
import type {
  CriteriaOperator,
  MeasureValues,
  MilestonePhase,
  MilestoneRecord,
  ObjectiveStatus,
  PlanStage,
  PlanStatus
} from 'c/planEngine';

type PlanDetail = ApexTypes.SuccessPlanController_PlanDetail;
type ObjectiveView = ApexTypes.SuccessPlanController_ObjectiveView;
type MilestoneView = ApexTypes.SuccessPlanController_MilestoneView;
type ContactView = ApexTypes.SuccessPlanController_ContactRef;
type TemplateOption = ApexTypes.SuccessPlanController_TemplateOption;

/** Start of the Apex messages of access failures. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  Draft: 'Draft',
  Active: 'Active',
  OnHold: 'On hold',
  Completed: 'Completed',
  Cancelled: 'Cancelled'
};

const PLAN_STATUS_BADGES: Record<string, string> = {
  Active: 'slds-theme_success',
  OnHold: 'slds-theme_warning',
  Cancelled: 'slds-badge_lightest'
};

const PLAN_STAGE_LABELS: Record<PlanStage, string> = {
  Onboarding: 'Onboarding',
  Adoption: 'Adoption',
  PreRenewal: 'Pre-renewal',
  AtRisk: 'At risk',
  Expansion: 'Expansion'
};

const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, string> = {
  NotStarted: 'Not started',
  OnTrack: 'On track',
  AtRisk: 'At risk',
  Achieved: 'Achieved',
  Missed: 'Missed'
};

const OBJECTIVE_STATUS_BADGES: Record<string, string> = {
  OnTrack: 'slds-badge_lightest',
  AtRisk: 'slds-theme_warning',
  Achieved: 'slds-theme_success',
  Missed: 'slds-theme_error'
};

const PHASE_LABELS: Record<MilestonePhase, string> = {
  Days30: '30 days',
  Days60: '60 days',
  Days90: '90 days',
  Quarter: 'Quarter'
};

const OPERATOR_LABELS: Record<CriteriaOperator, string> = {
  AtLeast: 'at least',
  AtMost: 'at most'
};

/** Label and icon of each milestone state. The text names the state, so the colour and the icon only repeat it. */
const MILESTONE_STATE_DISPLAY: Record<string, { label: string; iconName: string; iconVariant: string }> = {
  Completed: { label: 'Completed', iconName: 'utility:success', iconVariant: 'success' },
  AutoCompleted: { label: 'Completed automatically', iconName: 'utility:automate', iconVariant: 'success' },
  Overdue: { label: 'Overdue', iconName: 'utility:warning', iconVariant: 'error' },
  DueSoon: { label: 'Due soon', iconName: 'utility:clock', iconVariant: 'warning' },
  Upcoming: { label: 'Upcoming', iconName: 'utility:event', iconVariant: '' }
};

/** Option of a combobox. */
export interface Option {
  label: string;
  value: string;
}

/** The plan header as the template shows it. */
export interface PlanHeader {
  name: string;
  statusLabel: string;
  statusClass: string;
  stageLabel: string;
  datesText: string;
  sponsorText: string;
  championText: string;
  cadenceText: string;
  nextReviewText: string;
  nextReviewClass: string;
  isReviewOverdue: boolean;
  escalationPath: string;
  hasEscalationPath: boolean;
  objectivesText: string;
  progressText: string;
  milestonesText: string;
  templateText: string;
}

/** One objective as the template shows it. */
export interface ObjectiveRow {
  key: string;
  id: string;
  headingId: string;
  outcome: string;
  metricText: string;
  valuesText: string;
  progressValue: number;
  progressText: string;
  progressLabel: string;
  statusLabel: string;
  statusClass: string;
  dueText: string;
  dueClass: string;
  isOverdue: boolean;
  isMet: boolean;
  capabilityText: string;
  editLabel: string;
  className: string;
}

/** One milestone of the timeline as the template shows it. */
export interface MilestoneRow {
  key: string;
  id: string;
  headingId: string;
  name: string;
  phaseLabel: string;
  targetDateText: string;
  criteriaText: string;
  measureText: string;
  hasMeasure: boolean;
  ownerText: string;
  state: string;
  stateLabel: string;
  stateText: string;
  stateClass: string;
  iconName: string;
  iconVariant: string;
  isCompleted: boolean;
  canComplete: boolean;
  canReopen: boolean;
  completionHint: string;
  toggleLabel: string;
  toggleTitle: string;
  className: string;
}

/**
 * Tells whether a text is a calendar date in the form `YYYY-MM-DD`.
 * @param value Text to check.
 * @returns True for a valid date.
 */
export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Adds days to an ISO date.
 * @param iso Date as `YYYY-MM-DD`.
 * @param days Days to add; negative to go back.
 * @returns The new date as `YYYY-MM-DD`.
 */
export function addDays(iso: string, days: number): string {
  return formatIsoDate(parseIsoDate(iso) + days);
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

function pluralDays(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

function plural(count: number, singular: string, pluralText: string): string {
  return `${count} ${count === 1 ? singular : pluralText}`;
}

function numberText(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : formatNumber(value);
}

/**
 * Formats a value of a success metric with its unit, such as `25 users`, `1 user` or `40%`.
 * @param value The value; null or undefined gives `not set`.
 * @param unit Unit of the metric; null or blank gives the bare number.
 * @returns The text.
 */
export function formatValue(value: number | null | undefined, unit: string | null | undefined): string {
  const number = numberText(value);
  if (number === '') {
    return 'not set';
  }
  const trimmedUnit = (unit ?? '').trim();
  if (trimmedUnit === '') {
    return number;
  }
  if (trimmedUnit === '%') {
    return `${number}%`;
  }
  return `${number} ${number === '1' ? singularUnit(trimmedUnit) : trimmedUnit}`;
}

/**
 * Returns the singular of a unit written in the plural, for a value of 1: `teams` gives `team`, `entries` gives
 * `entry`. A unit that does not end in a plain plural s, such as `class`, `kWh` or `GB`, is kept as written.
 */
function singularUnit(unit: string): string {
  if (/[a-z]ies$/.test(unit)) {
    return `${unit.slice(0, -3)}y`;
  }
  return /[a-z][^s]s$/.test(unit) ? unit.slice(0, -1) : unit;
}

/**
 * Returns the label of a plan status.
 * @param status Status__c value of SuccessPlan__c.
 * @returns The label; the value itself when it has no label.
 */
export function planStatusLabel(status: string | null | undefined): string {
  if (!status) {
    return 'No status';
  }
  return PLAN_STATUS_LABELS[status as PlanStatus] ?? status;
}

/**
 * Returns the label of a plan stage.
 * @param stage Stage__c value of SuccessPlan__c or PlanTemplate__mdt.
 * @returns The label; `No stage` when blank, the value itself when it has no label.
 */
export function planStageLabel(stage: string | null | undefined): string {
  if (!stage) {
    return 'No stage';
  }
  return PLAN_STAGE_LABELS[stage as PlanStage] ?? stage;
}

/**
 * Returns the label of an objective status.
 * @param status Status__c value of SuccessObjective__c.
 * @returns The label; the value itself when it has no label.
 */
export function objectiveStatusLabel(status: string | null | undefined): string {
  if (!status) {
    return 'Not started';
  }
  return OBJECTIVE_STATUS_LABELS[status as ObjectiveStatus] ?? status;
}

/**
 * Returns the label of a milestone phase.
 * @param phase Phase__c value of SuccessMilestone__c.
 * @returns The label; `No phase` when blank.
 */
export function phaseLabel(phase: string | null | undefined): string {
  if (!phase) {
    return 'No phase';
  }
  return PHASE_LABELS[phase as MilestonePhase] ?? phase;
}

/** Plan statuses in picklist order. */
export const PLAN_STATUS_OPTIONS: Option[] = PLAN_STATUSES.map((value) => ({ label: planStatusLabel(value), value }));

/** Plan stages in picklist order, after the blank choice that clears the stage. */
export const PLAN_STAGE_OPTIONS: Option[] = [
  { label: 'No stage', value: '' },
  ...PLAN_STAGES.map((value) => ({ label: planStageLabel(value), value }))
];

/** Objective statuses in picklist order. */
export const OBJECTIVE_STATUS_OPTIONS: Option[] = OBJECTIVE_STATUSES.map((value) => ({
  label: objectiveStatusLabel(value),
  value
}));

/**
 * Describes a contact as `Name, Title`.
 * @param contact The contact; null gives `Not named`.
 * @returns The text.
 */
export function contactText(contact: ContactView | null | undefined): string {
  if (!contact) {
    return 'Not named';
  }
  const name = contact.name ?? 'Unnamed contact';
  return contact.title ? `${name}, ${contact.title}` : name;
}

/**
 * Builds the options of the sponsor and champion comboboxes: a blank choice, then the account's contacts in the order
 * Apex returns them (by name).
 * @param contacts Contacts of the account.
 * @param selected Contacts already on the plan. A selected contact missing from the list (for example one of
 * another account) is added, so that the combobox can show it.
 * @returns The options.
 */
export function contactOptions(
  contacts: ContactView[] | null | undefined,
  selected: (ContactView | null | undefined)[] = []
): Option[] {
  const options: Option[] = [{ label: 'None', value: '' }];
  const seen = new Set<string>();
  for (const contact of [...(contacts ?? []), ...selected]) {
    if (contact?.id && !seen.has(contact.id)) {
      seen.add(contact.id);
      options.push({ label: contactText(contact), value: contact.id });
    }
  }
  return options;
}

/**
 * Builds the options of the template combobox. Each label names the template, its stage, its length and how many
 * objectives and milestones it creates.
 * @param templates Active templates in sort order.
 * @returns The options.
 */
export function templateOptions(templates: TemplateOption[] | null | undefined): Option[] {
  return (templates ?? [])
    .filter((template) => Boolean(template.name))
    .map((template) => {
      const duration = template.durationDays ? pluralDays(template.durationDays) : 'no set length';
      const objectives = plural(template.objectiveCount ?? 0, 'objective', 'objectives');
      const milestones = plural(template.milestoneCount ?? 0, 'milestone', 'milestones');
      return {
        label: `${template.label ?? template.name}: ${planStageLabel(template.stage)}, ${duration}, ${objectives}, ${milestones}`,
        value: template.name as string
      };
    });
}

function datesText(plan: PlanDetail): string {
  if (!plan.startDate && !plan.endDate) {
    return 'No dates set';
  }
  return `${plan.startDate ?? 'not set'} to ${plan.endDate ?? 'not set'}`;
}

function cadenceText(plan: PlanDetail): string {
  return plan.reviewCadenceDays ? `Every ${pluralDays(plan.reviewCadenceDays)}` : 'No review cadence';
}

function nextReviewText(plan: PlanDetail): string {
  if (!plan.nextReview) {
    return 'No review planned';
  }
  return plan.isReviewOverdue ? `Overdue: review was due on ${plan.nextReview}` : plan.nextReview;
}

function planProgressText(plan: PlanDetail): string {
  const percent = numberText(plan.progressPercent);
  return percent === '' ? 'No measured progress yet' : `Mean progress ${percent}%`;
}

function milestonesText(plan: PlanDetail): string {
  const total = plan.milestonesTotal ?? 0;
  const overdue = plan.milestonesOverdue ?? 0;
  const overdueText = overdue > 0 ? `, ${overdue} overdue` : '';
  return `${plan.milestonesCompleted ?? 0} of ${plural(total, 'milestone', 'milestones')} completed${overdueText}`;
}

/**
 * Builds the plan header.
 * @param plan The open plan.
 * @returns What the header shows.
 */
export function buildPlanHeader(plan: PlanDetail): PlanHeader {
  const isReviewOverdue = plan.isReviewOverdue === true && Boolean(plan.nextReview);
  const escalationPath = (plan.escalationPath ?? '').trim();
  const total = plan.objectivesTotal ?? 0;
  return {
    name: plan.name ?? 'Success plan',
    statusLabel: planStatusLabel(plan.status),
    statusClass: PLAN_STATUS_BADGES[plan.status ?? ''] ?? '',
    stageLabel: planStageLabel(plan.stage),
    datesText: datesText(plan),
    sponsorText: contactText(plan.executiveSponsor),
    championText: contactText(plan.champion),
    cadenceText: cadenceText(plan),
    nextReviewText: nextReviewText(plan),
    nextReviewClass: isReviewOverdue ? 'slds-text-color_error review-overdue' : '',
    isReviewOverdue,
    escalationPath: escalationPath === '' ? 'Not set' : escalationPath,
    hasEscalationPath: escalationPath !== '',
    objectivesText: `${plan.objectivesMet ?? 0} of ${plural(total, 'objective', 'objectives')} met`,
    progressText: planProgressText(plan),
    milestonesText: milestonesText(plan),
    templateText: plan.templateName ? `Created from the ${plan.templateName} template` : ''
  };
}

function metricText(objective: ObjectiveView): string {
  const metric = objective.successMetric?.trim() || 'No success metric';
  const unit = objective.unit?.trim();
  return unit ? `${metric} (${unit})` : metric;
}

function valuesText(objective: ObjectiveView): string {
  const unit = objective.unit;
  return (
    `Baseline ${formatValue(objective.baseline, unit)}, current ${formatValue(objective.currentValue, unit)}, ` +
    `target ${formatValue(objective.target, unit)}`
  );
}

function dueText(objective: ObjectiveView, isOverdue: boolean): string {
  if (!objective.dueDate) {
    return 'No due date';
  }
  return isOverdue ? `Overdue: was due on ${objective.dueDate}` : `Due ${objective.dueDate}`;
}

/**
 * Builds the objective rows in the order Apex returns them (sort order).
 * @param plan The open plan; null gives no rows.
 * @returns One row per objective.
 */
export function buildObjectiveRows(plan: PlanDetail | null | undefined): ObjectiveRow[] {
  return (plan?.objectives ?? []).map((objective, index) => {
    const id = objective.id ?? `objective-${index}`;
    const percent = objective.progressPercent;
    const hasProgress = percent !== null && percent !== undefined && Number.isFinite(percent);
    const isOverdue = objective.isOverdue === true;
    const outcome = objective.outcome ?? 'Unnamed objective';
    const values = valuesText(objective);
    const progressText = hasProgress ? `${formatNumber(percent)}% of the way to target` : 'No measured progress';
    return {
      key: id,
      id,
      headingId: `objective-heading-${index}`,
      outcome,
      metricText: metricText(objective),
      valuesText: values,
      progressValue: hasProgress ? Math.min(100, Math.max(0, percent)) : 0,
      progressText,
      progressLabel: `Progress of ${outcome}: ${progressText}. ${values}.`,
      statusLabel: objectiveStatusLabel(objective.status),
      statusClass: OBJECTIVE_STATUS_BADGES[objective.status ?? ''] ?? '',
      dueText: dueText(objective, isOverdue),
      dueClass: isOverdue ? 'slds-text-color_error due-overdue' : '',
      isOverdue,
      isMet: objective.isMet === true,
      capabilityText: objective.capability?.trim() || 'Not named',
      editLabel: `Update progress of ${outcome}`,
      className: isOverdue
        ? 'objective objective_overdue slds-box slds-m-bottom_small'
        : 'objective slds-box slds-m-bottom_small'
    };
  });
}

function operatorLabel(operator: string | null | undefined): string {
  return OPERATOR_LABELS[operator as CriteriaOperator] ?? operator ?? '';
}

function measureText(milestone: MilestoneView): string {
  const measure = milestone.criteriaMeasure;
  if (!measure) {
    return '';
  }
  const value = numberText(milestone.criteriaValue);
  if (!milestone.criteriaOperator || value === '') {
    return `Measure ${measure}: the operator or value is missing, so it cannot complete automatically`;
  }
  const current = numberText(milestone.measureValue);
  const now = current === '' ? 'no current value' : `current value ${current}`;
  return `Measure ${measure} ${operatorLabel(milestone.criteriaOperator)} ${value} (${now})`;
}

function stateText(milestone: MilestoneView): string {
  switch (milestone.state) {
    case 'Completed':
      return milestone.completedDate ? `Completed on ${milestone.completedDate}` : 'Completed';
    case 'AutoCompleted':
      return milestone.completedDate
        ? `Completed automatically on ${milestone.completedDate}`
        : 'Completed automatically';
    case 'Overdue':
      return milestone.daysOverdue ? `Overdue by ${pluralDays(milestone.daysOverdue)}` : 'Overdue';
    case 'DueSoon':
      return milestone.daysUntilDue ? `Due soon, in ${pluralDays(milestone.daysUntilDue)}` : 'Due soon, today';
    case 'Upcoming':
      if (!milestone.targetDate) {
        return 'Upcoming, no target date';
      }
      return milestone.daysUntilDue ? `Upcoming, in ${pluralDays(milestone.daysUntilDue)}` : 'Upcoming';
    default:
      return milestone.state ?? 'Unknown state';
  }
}

/**
 * Converts a milestone of the view to the engine's milestone record.
 * @param milestone The milestone as Apex returns it.
 * @param index Position of the milestone in the timeline.
 * @returns The record.
 */
export function milestoneRecordOf(milestone: MilestoneView, index: number): MilestoneRecord {
  return {
    id: milestone.id ?? `milestone-${index}`,
    name: milestone.name ?? 'Unnamed milestone',
    objectiveId: milestone.objectiveId,
    phase: milestone.phase as MilestonePhase | null,
    targetDate: milestone.targetDate,
    criteria: milestone.criteria,
    criteriaMeasure: milestone.criteriaMeasure,
    criteriaOperator: milestone.criteriaOperator as CriteriaOperator | null,
    criteriaValue: milestone.criteriaValue,
    completedDate: milestone.completedDate,
    completionSource: milestone.completionSource as 'Manual' | 'Automatic' | null,
    ownerId: milestone.ownerId,
    ownerName: milestone.ownerName,
    // The view lists milestones in their timeline order without the stored sort order, so the position is used instead.
    sortOrder: index + 1
  };
}

/** Tells whether a milestone has complete criteria on a measure, so that the health job can complete it. */
function completesAutomatically(milestone: MilestoneView): boolean {
  return (
    Boolean(milestone.criteriaMeasure) &&
    Boolean(milestone.criteriaOperator) &&
    milestone.criteriaValue !== null &&
    milestone.criteriaValue !== undefined
  );
}

function completionHint(milestone: MilestoneView, isCompleted: boolean, criteriaMet: boolean): string {
  if (!completesAutomatically(milestone)) {
    return isCompleted ? '' : 'Manual milestone: mark it complete when the criteria are met.';
  }
  if (!isCompleted) {
    return criteriaMet
      ? 'The criteria are met, so the next health scoring run completes it.'
      : 'Completes automatically when the criteria are met.';
  }
  if (milestone.completionSource === 'Automatic' && criteriaMet) {
    return 'The criteria are still met, so it cannot be reopened.';
  }
  return '';
}

/**
 * Orders milestones by target date, with milestones without a date last.
 * @returns A negative number, zero or a positive number.
 */
export function compareTargetDates(left: MilestoneView, right: MilestoneView): number {
  if (left.targetDate === right.targetDate) {
    return 0;
  }
  if (!left.targetDate) {
    return 1;
  }
  if (!right.targetDate) {
    return -1;
  }
  return left.targetDate < right.targetDate ? -1 : 1;
}

/**
 * Builds the milestone timeline in target-date order; milestones without a date come last, and ties keep the order
 * Apex returned (sort order).
 * @param plan The open plan; null gives no rows.
 * @param canEdit True when the user may complete and reopen milestones.
 * @returns One row per milestone.
 */
export function buildMilestoneRows(plan: PlanDetail | null | undefined, canEdit: boolean): MilestoneRow[] {
  const milestones = [...(plan?.milestones ?? [])].sort(compareTargetDates);
  return milestones.map((milestone, index) => {
    const id = milestone.id ?? `milestone-${index}`;
    const name = milestone.name ?? 'Unnamed milestone';
    const display = MILESTONE_STATE_DISPLAY[milestone.state ?? ''] ?? MILESTONE_STATE_DISPLAY.Upcoming;
    const isCompleted = Boolean(milestone.completedDate) || (milestone.state ?? '').endsWith('Completed');
    const values: MeasureValues = milestone.criteriaMeasure
      ? { [milestone.criteriaMeasure]: milestone.measureValue ?? null }
      : {};
    const criteriaMet = milestoneCriteriaMet(milestoneRecordOf(milestone, index), values);
    const isAutomatic = milestone.completionSource === 'Automatic' || milestone.state === 'AutoCompleted';
    // Apex rejects reopening an automatic completion whose criteria are still met, because it would complete again.
    const canReopen = canEdit && isCompleted && (!isAutomatic || !criteriaMet);
    // A milestone whose measure criteria are incomplete never completes itself, so it is completed by hand.
    const canComplete = canEdit && !isCompleted && !completesAutomatically(milestone);
    const measure = measureText(milestone);
    const text = stateText(milestone);
    return {
      key: id,
      id,
      headingId: `milestone-heading-${index}`,
      name,
      phaseLabel: phaseLabel(milestone.phase),
      targetDateText: milestone.targetDate ? milestone.targetDate : 'No target date',
      criteriaText: milestone.criteria?.trim() || 'No criteria written',
      measureText: measure,
      hasMeasure: measure !== '',
      ownerText: milestone.ownerName ?? 'Unassigned',
      state: milestone.state ?? 'Upcoming',
      stateLabel: display.label,
      stateText: text,
      stateClass: milestone.state === 'Overdue' ? 'slds-text-color_error milestone-state_overdue' : '',
      iconName: display.iconName,
      iconVariant: display.iconVariant,
      isCompleted,
      canComplete,
      canReopen,
      completionHint: completionHint(milestone, isCompleted, criteriaMet),
      toggleLabel: canComplete ? 'Mark complete' : 'Reopen',
      toggleTitle: canComplete ? `Mark complete: ${name}` : `Reopen: ${name}`,
      className: `milestone milestone_${(milestone.state ?? 'Upcoming').toLowerCase()}`
    };
  });
}
