import { parseIsoDate, roundTo } from 'c/healthEngine';
import { isObjectiveMet, objectiveProgress } from './objectives';
import type {
  AutoCompletion,
  MeasureValues,
  MilestoneRecord,
  MilestoneStatus,
  PlanProgress,
  PlanRecord
} from './types';

/** Days ahead of the as-of date within which an open milestone is DueSoon; the target date itself counts. */
export const MILESTONE_DUE_SOON_DAYS = 14;

/**
 * Decides whether a milestone's measurable criteria are met by the health measures' raw values.
 * - false when the milestone has no criteria measure, operator or value (a manual milestone, or partial criteria),
 *   or when the measure has no value (null or absent from `values`).
 * - AtLeast: value >= criteriaValue. AtMost: value <= criteriaValue.
 * The completed date plays no part: a completed milestone can still meet its criteria.
 * @param milestone Milestone with its criteria.
 * @param values Raw values by measure DeveloperName on the as-of date.
 */
export function milestoneCriteriaMet(milestone: MilestoneRecord, values: MeasureValues): boolean {
  const { criteriaMeasure, criteriaOperator, criteriaValue } = milestone;
  if (criteriaMeasure === null || criteriaOperator === null || criteriaValue === null) {
    return false;
  }
  const value = Object.prototype.hasOwnProperty.call(values, criteriaMeasure) ? values[criteriaMeasure] : null;
  if (typeof value !== 'number') {
    return false;
  }
  return criteriaOperator === 'AtLeast' ? value >= criteriaValue : value <= criteriaValue;
}

/**
 * Computes the display state of a milestone on an as-of date, checked in this order:
 * 1. completedDate set: AutoCompleted when completionSource is Automatic, else Completed.
 * 2. targetDate null: Upcoming.
 * 3. targetDate before asOf: Overdue, with daysOverdue = days from the target date to asOf (1 or more).
 * 4. targetDate on or before asOf + `MILESTONE_DUE_SOON_DAYS` (14): DueSoon.
 * 5. Otherwise Upcoming.
 * daysUntilDue is the number of days from asOf to the target date (0 when due on asOf). It is set for DueSoon and
 * for Upcoming with a target date. daysOverdue is set only for Overdue, and both are null in every other case.
 * @param milestone Milestone with its dates.
 * @param asOf ISO date.
 * @throws Error when a date is not an ISO date.
 */
export function milestoneStateOf(milestone: MilestoneRecord, asOf: string): MilestoneStatus {
  if (milestone.completedDate !== null) {
    const state = milestone.completionSource === 'Automatic' ? 'AutoCompleted' : 'Completed';
    return { state, daysOverdue: null, daysUntilDue: null };
  }
  if (milestone.targetDate === null) {
    return { state: 'Upcoming', daysOverdue: null, daysUntilDue: null };
  }
  const daysUntilDue =
    parseIsoDate(milestone.targetDate, `targetDate of milestone ${milestone.id}`) - parseIsoDate(asOf, 'asOf');
  if (daysUntilDue < 0) {
    return { state: 'Overdue', daysOverdue: -daysUntilDue, daysUntilDue: null };
  }
  const state = daysUntilDue <= MILESTONE_DUE_SOON_DAYS ? 'DueSoon' : 'Upcoming';
  return { state, daysOverdue: null, daysUntilDue };
}

/**
 * Lists the milestones that complete themselves: every milestone without a completed date whose criteria are met
 * (`milestoneCriteriaMet`), completed on the as-of date, in input order. Completed milestones are never listed again.
 * @param milestones Milestones of one or more plans.
 * @param values Raw values by measure DeveloperName on the as-of date.
 * @param asOf ISO date; becomes the completed date.
 */
export function autoCompletions(milestones: MilestoneRecord[], values: MeasureValues, asOf: string): AutoCompletion[] {
  const completedDate = asOf;
  return milestones
    .filter((milestone) => milestone.completedDate === null && milestoneCriteriaMet(milestone, values))
    .map((milestone) => ({ milestoneId: milestone.id, completedDate }));
}

/**
 * Summarizes a plan on an as-of date:
 * - objectivesTotal and objectivesMet (`isObjectiveMet`);
 * - progressPercent, the mean of the objectives' `objectiveProgress` that is not null, rounded to 1 decimal, or null
 *   when no objective has progress;
 * - milestonesTotal, milestonesCompleted (completed date set, by hand or automatically) and milestonesOverdue
 *   (state Overdue in `milestoneStateOf`);
 * - isReviewOverdue, true when nextReview is set and before asOf.
 * @param plan Plan with its objectives and milestones.
 * @param asOf ISO date.
 */
export function planProgressOf(plan: PlanRecord, asOf: string): PlanProgress {
  const asOfDay = parseIsoDate(asOf, 'asOf');
  const progressValues = plan.objectives
    .map(objectiveProgress)
    .filter((progress): progress is number => progress !== null);
  const progressSum = progressValues.reduce((sum, progress) => sum + progress, 0);
  const isReviewOverdue =
    plan.nextReview !== null && parseIsoDate(plan.nextReview, `nextReview of plan ${plan.id}`) < asOfDay;
  return {
    objectivesTotal: plan.objectives.length,
    objectivesMet: plan.objectives.filter(isObjectiveMet).length,
    progressPercent: progressValues.length === 0 ? null : roundTo(progressSum / progressValues.length, 1),
    milestonesTotal: plan.milestones.length,
    milestonesCompleted: plan.milestones.filter((milestone) => milestone.completedDate !== null).length,
    milestonesOverdue: plan.milestones.filter((milestone) => milestoneStateOf(milestone, asOf).state === 'Overdue')
      .length,
    isReviewOverdue
  };
}
