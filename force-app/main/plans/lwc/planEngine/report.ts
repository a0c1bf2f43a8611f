import { daysBetween, formatNumber } from 'c/healthEngine';
import { customerSlug, escapeMarkdown } from 'c/healthReport';
import { milestoneStateOf, planProgressOf } from './milestones';
import { isObjectiveMet, objectiveProgress } from './objectives';
import type {
  CheckpointView,
  ContactRef,
  MeasureValues,
  MilestonePhase,
  MilestoneRecord,
  ObjectiveRecord,
  PlanRecord,
  SuccessPlanReportInput
} from './types';

const PHASE_LABELS: Record<MilestonePhase, string> = {
  Days30: '30 days',
  Days60: '60 days',
  Days90: '90 days',
  Quarter: 'Quarter'
};

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/** Orders nullable numbers or ISO dates ascending with nulls last. */
function compareNullable<T extends number | string>(left: T | null, right: T | null): number {
  if (left === right) {
    return 0;
  }
  if (left === null) {
    return 1;
  }
  if (right === null) {
    return -1;
  }
  return left < right ? -1 : 1;
}

function compareObjectives(left: ObjectiveRecord, right: ObjectiveRecord): number {
  return (
    compareNullable(left.sortOrder, right.sortOrder) ||
    compareText(left.outcome, right.outcome) ||
    compareText(left.id, right.id)
  );
}

function compareMilestones(left: MilestoneRecord, right: MilestoneRecord): number {
  return (
    compareNullable(left.targetDate, right.targetDate) ||
    compareNullable(left.sortOrder, right.sortOrder) ||
    compareText(left.name, right.name) ||
    compareText(left.id, right.id)
  );
}

function plural(count: number, singular: string): string {
  return `${count} ${count === 1 ? singular : `${singular}s`}`;
}

function textOrNotSet(value: string | null): string {
  return value === null || value.trim() === '' ? 'not set' : escapeMarkdown(value);
}

function numberOrNotSet(value: number | null): string {
  return value === null ? 'not set' : formatNumber(value);
}

function contactText(contact: ContactRef | null): string {
  if (contact === null) {
    return 'not set';
  }
  const name = escapeMarkdown(contact.name);
  return contact.title === null || contact.title.trim() === '' ? name : `${name}, ${escapeMarkdown(contact.title)}`;
}

function reviewText(plan: PlanRecord, asOf: string): string {
  const cadence = plan.reviewCadenceDays === null ? 'no review cadence' : `every ${plan.reviewCadenceDays} days`;
  if (plan.nextReview === null) {
    return `${cadence}; next review not set`;
  }
  const daysLate = daysBetween(plan.nextReview, asOf);
  const flag = daysLate > 0 ? ` (**overdue** by ${plural(daysLate, 'day')})` : '';
  return `${cadence}; next review ${plan.nextReview}${flag}`;
}

function headerSection(input: SuccessPlanReportInput): string[] {
  const { plan, asOf } = input;
  const progress = planProgressOf(plan, asOf);
  const percent =
    progress.progressPercent === null ? 'no measured progress' : `${formatNumber(progress.progressPercent)}% progress`;
  return [
    `# ${escapeMarkdown(input.accountName)}: success plan`,
    '',
    `As of ${asOf}.`,
    '',
    '| | |',
    '| --- | --- |',
    `| Plan | ${escapeMarkdown(plan.name)} |`,
    `| Status | ${plan.status} |`,
    `| Stage | ${plan.stage ?? 'not set'} |`,
    `| Dates | ${plan.startDate ?? 'not set'} to ${plan.endDate ?? 'not set'} |`,
    `| Template | ${textOrNotSet(plan.templateName)} |`,
    `| Executive sponsor | ${contactText(plan.executiveSponsor)} |`,
    `| Champion | ${contactText(plan.champion)} |`,
    `| Review | ${reviewText(plan, asOf)} |`,
    `| Escalation path | ${textOrNotSet(plan.escalationPath)} |`,
    `| Objectives | ${progress.objectivesMet} of ${progress.objectivesTotal} met; ${percent} |`,
    `| Milestones | ${progress.milestonesCompleted} of ${progress.milestonesTotal} completed; ` +
      `${progress.milestonesOverdue} overdue |`,
    ''
  ];
}

function metricText(objective: ObjectiveRecord): string {
  const metric = textOrNotSet(objective.successMetric);
  return objective.unit === null || objective.unit.trim() === ''
    ? metric
    : `${metric} (${escapeMarkdown(objective.unit)})`;
}

function dueText(objective: ObjectiveRecord, asOf: string): string {
  if (objective.dueDate === null) {
    return 'not set';
  }
  const isOverdue = objective.dueDate < asOf && !isObjectiveMet(objective);
  return isOverdue ? `${objective.dueDate} (overdue)` : objective.dueDate;
}

function objectiveSection(plan: PlanRecord, asOf: string): string[] {
  const lines = ['## Objectives', ''];
  if (plan.objectives.length === 0) {
    lines.push('No objective yet: agree the business outcomes with the customer and add them to the plan.', '');
    return lines;
  }
  lines.push(
    '| # | Outcome | Success metric | Capability | Baseline | Current | Target | Progress | Status | Due |',
    '| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- |'
  );
  [...plan.objectives].sort(compareObjectives).forEach((objective, index) => {
    const progress = objectiveProgress(objective);
    const met = isObjectiveMet(objective) ? ' (met)' : '';
    lines.push(
      `| ${index + 1} | ${escapeMarkdown(objective.outcome)} | ${metricText(objective)} | ` +
        `${textOrNotSet(objective.capability)} | ${numberOrNotSet(objective.baseline)} | ` +
        `${numberOrNotSet(objective.currentValue)} | ${numberOrNotSet(objective.target)} | ` +
        `${progress === null ? 'n/a' : `${formatNumber(progress)}%`} | ${objective.status}${met} | ` +
        `${dueText(objective, asOf)} |`
    );
  });
  lines.push('');
  return lines;
}

function criteriaText(milestone: MilestoneRecord, values: MeasureValues): string {
  const parts: string[] = [];
  if (milestone.criteria !== null && milestone.criteria.trim() !== '') {
    // The sentence's own full stop is dropped, so the measure clause that follows reads as part of it.
    parts.push(escapeMarkdown(milestone.criteria.trim().replace(/\.+$/, '')));
  }
  const { criteriaMeasure, criteriaOperator, criteriaValue } = milestone;
  if (criteriaMeasure !== null && criteriaOperator !== null && criteriaValue !== null) {
    const value = Object.prototype.hasOwnProperty.call(values, criteriaMeasure) ? values[criteriaMeasure] : null;
    const operator = criteriaOperator === 'AtLeast' ? 'at least' : 'at most';
    const current = typeof value === 'number' ? `now ${formatNumber(value)}` : 'no data yet';
    parts.push(`${escapeMarkdown(criteriaMeasure)} ${operator} ${formatNumber(criteriaValue)} (${current})`);
  }
  return parts.length === 0 ? 'not set' : parts.join('; ');
}

function stateText(milestone: MilestoneRecord, asOf: string): string {
  const status = milestoneStateOf(milestone, asOf);
  switch (status.state) {
    case 'AutoCompleted':
      return `Auto-completed on ${milestone.completedDate}`;
    case 'Completed':
      return `Completed on ${milestone.completedDate}`;
    case 'Overdue':
      return `**Overdue** by ${plural(status.daysOverdue ?? 0, 'day')}`;
    case 'DueSoon':
      return status.daysUntilDue === 0 ? 'Due today' : `Due in ${plural(status.daysUntilDue ?? 0, 'day')}`;
    default:
      return 'Upcoming';
  }
}

function milestoneSection(input: SuccessPlanReportInput): string[] {
  const { plan, asOf, measureValues } = input;
  const lines = ['## Milestones', ''];
  if (plan.milestones.length === 0) {
    lines.push('No milestone yet: add measurable milestones for the first 30, 60 and 90 days.', '');
    return lines;
  }
  const outcomeById = new Map(plan.objectives.map((objective) => [objective.id, objective.outcome]));
  lines.push(
    '| Target date | Phase | Milestone | Objective | Criteria | Owner | State |',
    '| --- | --- | --- | --- | --- | --- | --- |'
  );
  for (const milestone of [...plan.milestones].sort(compareMilestones)) {
    const outcome = milestone.objectiveId === null ? null : (outcomeById.get(milestone.objectiveId) ?? null);
    lines.push(
      `| ${milestone.targetDate ?? 'not set'} | ${milestone.phase === null ? 'not set' : PHASE_LABELS[milestone.phase]} | ` +
        `${escapeMarkdown(milestone.name)} | ${textOrNotSet(outcome)} | ${criteriaText(milestone, measureValues)} | ` +
        `${textOrNotSet(milestone.ownerName)} | ${stateText(milestone, asOf)} |`
    );
  }
  lines.push('');
  return lines;
}

function callText(checkpoint: CheckpointView): string {
  if (checkpoint.call === null) {
    return checkpoint.requiresCall ? 'not recorded' : '';
  }
  return checkpoint.isDisagreement ? `${checkpoint.call} (**disagrees** with health)` : checkpoint.call;
}

function renewalSection(input: SuccessPlanReportInput): string[] {
  if (input.renewalDate === null) {
    return [];
  }
  const daysToRenewal = daysBetween(input.asOf, input.renewalDate);
  const distance = daysToRenewal >= 0 ? `${plural(daysToRenewal, 'day')} away` : `${plural(-daysToRenewal, 'day')} ago`;
  const lines = ['## Renewal checkpoints', '', `Renewal on ${input.renewalDate}, ${distance}.`, ''];
  if (input.countdown.length === 0) {
    lines.push('No active renewal checkpoint.', '');
    return lines;
  }
  lines.push(
    '| Due | Days before | Playbook | Task | State | Call | Health band | Call note |',
    '| --- | ---: | --- | --- | --- | --- | --- | --- |'
  );
  for (const checkpoint of input.countdown) {
    lines.push(
      `| ${checkpoint.dueDate} | ${checkpoint.daysBefore} | ${checkpoint.playbook} | ` +
        `${escapeMarkdown(checkpoint.taskSubject)} | ${checkpoint.state} | ${callText(checkpoint)} | ` +
        `${checkpoint.dataBand === null ? '' : escapeMarkdown(checkpoint.dataBand)} | ` +
        `${checkpoint.callNote === null ? '' : escapeMarkdown(checkpoint.callNote)} |`
    );
  }
  lines.push('');
  return lines;
}

/**
 * Renders the success plan of one account as Markdown, for `<customer>-success-plan.md`. Sections, in order:
 * - title and as-of date;
 * - a table of plan name, status, stage, dates, template, executive sponsor, champion, review cadence and next review
 *   (flagged when overdue), escalation path, and objective and milestone progress;
 * - the objectives table: outcome, metric, capability, baseline, current, target, progress, status, and the due date
 *   (flagged when overdue and not met);
 * - the milestone timeline: target date, phase, milestone, objective, criteria with the measure's current value,
 *   owner, and state (auto-completion included);
 * - the renewal checkpoints, only when `renewalDate` is set.
 * Objectives are ordered by sortOrder, outcome and id. Milestones are ordered by target date, sortOrder, name and id,
 * with missing values last. Checkpoints keep their input order. Every text entered by users is escaped for Markdown,
 * so pipes cannot break a table and line breaks become spaces. The output depends only on the input.
 * @param input Account name, as-of date, plan, measure values, countdown and renewal date.
 * @returns Markdown ending with one newline.
 */
export function renderSuccessPlan(input: SuccessPlanReportInput): string {
  const lines = [
    ...headerSection(input),
    ...objectiveSection(input.plan, input.asOf),
    ...milestoneSection(input),
    ...renewalSection(input)
  ];
  return lines.join('\n').trimEnd() + '\n';
}

/**
 * Returns the file name of an account's success plan: `<customer>-success-plan.md`, with the slug of `customerSlug`.
 * @param customer Account name.
 */
export function successPlanFileName(customer: string): string {
  return `${customerSlug(customer)}-success-plan.md`;
}
