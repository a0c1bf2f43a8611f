import { formatIsoDate, parseIsoDate, roundTo } from 'c/healthEngine';
import { BARRIER_ACTIONS } from './barriers';
import { PLAYBOOK_TARGET_DAYS, SPRINT_DAYS } from './constants';
import { compareText, isNumber } from './text';
import type { Barrier, PlaybookTaskTemplate, SprintBarrier, SprintTask } from './types';

/** Length of Task.Subject; longer subjects are cut so the Task can be saved. */
export const TASK_SUBJECT_LENGTH = 255;

/** Days from the playbook start to the due date of the Task of a barrier that has no template. */
export const UNTEMPLATED_TASK_DAY = 7;

/** Points above the current adoption that a playbook aims for at least. */
const TARGET_RAISE_POINTS = 10;

/** Playbook targets are rounded up to a multiple of this many points. */
const TARGET_STEP = 5;

/**
 * Sets the target percent of a new playbook. The target is at least the feature's target, and at least 10 points
 * above the current adoption rounded up to the next multiple of 5 (33.3 → 43.3 → 45, 35 → 45). It is capped at 100.
 * @param current Current adoption percent; null when it is not measured.
 * @param featureTarget The feature's TargetAdoptionPercent__c.
 * @returns featureTarget as it is when current is null.
 */
export function playbookTarget(current: number | null, featureTarget: number): number {
  if (!isNumber(current)) {
    return featureTarget;
  }
  // Rounding the quotient first keeps binary noise from lifting an exact multiple of 5 to the next one.
  const raised = Math.ceil(roundTo((current + TARGET_RAISE_POINTS) / TARGET_STEP, 6)) * TARGET_STEP;
  return Math.min(100, Math.max(featureTarget, raised));
}

/**
 * Returns the default target date of a playbook: PLAYBOOK_TARGET_DAYS (90) days after its start.
 * @param start ISO date.
 * @throws Error when start is not an ISO date.
 */
export function playbookTargetDate(start: string): string {
  return formatIsoDate(parseIsoDate(start, 'start') + PLAYBOOK_TARGET_DAYS);
}

/** Moves a day number that falls on a Saturday or a Sunday to the next Monday. */
function nextWorkingDay(day: number): number {
  // Day 0, 1970-01-01, was a Thursday; weekday 0 is Sunday and 6 is Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  if (weekday === 6) {
    return day + 2;
  }
  return weekday === 0 ? day + 1 : day;
}

function fillPlaceholders(text: string, featureLabel: string, segmentLabel: string): string {
  return text.split('{feature}').join(featureLabel).split('{segment}').join(segmentLabel);
}

function compareSortOrder(left: PlaybookTaskTemplate, right: PlaybookTaskTemplate): number {
  if (left.sortOrder === right.sortOrder) {
    return 0;
  }
  if (left.sortOrder === null) {
    return 1;
  }
  if (right.sortOrder === null) {
    return -1;
  }
  return left.sortOrder - right.sortOrder;
}

function subjectOf(text: string): string {
  return text.length > TASK_SUBJECT_LENGTH ? text.slice(0, TASK_SUBJECT_LENGTH) : text;
}

/**
 * Builds the Tasks of a playbook's 30-day sprint. For each barrier in input order (a barrier listed twice counts
 * once), its templates in SortOrder__c order (null last, ties in input order):
 * - due = start + DayOffset__c, the offset clamped to 0..SPRINT_DAYS (30), null counted as 0 and a fraction dropped;
 * - subject and description with every `{feature}` and `{segment}` replaced by the labels.
 * A barrier without a template gives one Task `{Barrier}: {action}`, due start + UNTEMPLATED_TASK_DAY (7); its action
 * is the barrier's own, or `BARRIER_ACTIONS` when blank. Every due date that falls on a Saturday or a Sunday moves to
 * the next Monday, so a Task is due at most SPRINT_DAYS + 2 days after the start. Subjects longer than 255
 * characters, the length of Task.Subject, are cut to 255. The Tasks are returned by due date, and Tasks due the same
 * day in barrier order, then template order.
 * @param barriers Barriers of the playbook, in diagnosis order.
 * @param templates Every task template; those of other barriers are ignored.
 * @param start ISO date the sprint starts.
 * @param featureLabel Replaces `{feature}`.
 * @param segmentLabel Replaces `{segment}`.
 * @throws Error when start is not an ISO date.
 */
export function sprintTasks(
  barriers: SprintBarrier[],
  templates: PlaybookTaskTemplate[],
  start: string,
  featureLabel: string,
  segmentLabel: string
): SprintTask[] {
  const startDay = parseIsoDate(start, 'start');
  const seen = new Set<Barrier>();
  const tasks: SprintTask[] = [];
  for (const { barrier, action } of barriers) {
    if (seen.has(barrier)) {
      continue;
    }
    seen.add(barrier);
    const own = templates.filter((template) => template.barrier === barrier).sort(compareSortOrder);
    if (own.length === 0) {
      const text = action === null || action.trim() === '' ? BARRIER_ACTIONS[barrier] : action.trim();
      tasks.push({
        barrier,
        subject: subjectOf(`${barrier}: ${text}`),
        description: null,
        dueDate: formatIsoDate(nextWorkingDay(startDay + UNTEMPLATED_TASK_DAY))
      });
      continue;
    }
    for (const template of own) {
      const offset = Math.min(SPRINT_DAYS, Math.max(0, Math.trunc(template.dayOffset ?? 0)));
      tasks.push({
        barrier,
        subject: subjectOf(fillPlaceholders(template.subject, featureLabel, segmentLabel)),
        description:
          template.description === null ? null : fillPlaceholders(template.description, featureLabel, segmentLabel),
        dueDate: formatIsoDate(nextWorkingDay(startDay + offset))
      });
    }
  }
  // Array.prototype.sort is stable, so Tasks due the same day keep the barrier order and then the template order.
  return tasks.sort((left, right) => compareText(left.dueDate, right.dueDate));
}

/**
 * Measures how far a playbook has come: (current − baseline) / (target − baseline) × 100, clamped to 0..100 and
 * rounded half away from zero to a whole number.
 * @param baseline Adoption percent when the playbook started.
 * @param current Adoption percent now.
 * @param target Target adoption percent.
 * @returns null when any value is null or the target equals the baseline.
 */
export function playbookProgress(
  baseline: number | null,
  current: number | null,
  target: number | null
): number | null {
  if (!isNumber(baseline) || !isNumber(current) || !isNumber(target) || target === baseline) {
    return null;
  }
  const progress = ((current - baseline) / (target - baseline)) * 100;
  return roundTo(Math.min(100, Math.max(0, progress)), 0);
}

/**
 * Writes the note that dates a stored playbook's barrier evidence. The data suggests the barriers and their evidence
 * as of the day the playbook starts, and the stored text does not change afterwards, so a count or an age in it is the
 * one of that day.
 * @param startDate ISO start date of the playbook; null when it is not set.
 */
export function barrierEvidenceNote(startDate: string | null): string {
  return startDate === null
    ? 'Evidence as the data showed it when the playbook started.'
    : `Evidence as the data showed it on ${startDate}, when the playbook started.`;
}
