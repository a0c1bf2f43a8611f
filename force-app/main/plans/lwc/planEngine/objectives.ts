import { roundTo } from 'c/healthEngine';
import type { ObjectiveFacts } from 'c/healthEngine';
import type { ObjectiveRecord, PlanRecord } from './types';

/**
 * Computes how far an objective has moved from its baseline to its target, in percent from 0 to 100 rounded half away
 * from zero to 1 decimal with `roundTo`.
 * - null when the baseline, the target or the current value is null.
 * - null when the target equals the baseline, because there is no distance to measure and no way to tell whether
 *   higher or lower is better; the status alone then decides whether the objective is met.
 * - Otherwise `(current - baseline) / (target - baseline) * 100`, limited to 0..100. The formula also serves
 *   lower-is-better objectives (target below baseline), because both differences change sign together.
 * @param objective Objective with its baseline, target and current value.
 * @returns Percent from 0 to 100 with 1 decimal, or null when progress cannot be measured.
 */
export function objectiveProgress(objective: ObjectiveRecord): number | null {
  const { baseline, target, currentValue } = objective;
  if (baseline === null || target === null || currentValue === null) {
    return null;
  }
  if (target === baseline) {
    return null;
  }
  const percent = ((currentValue - baseline) / (target - baseline)) * 100;
  if (percent <= 0) {
    return 0;
  }
  if (percent >= 100) {
    return 100;
  }
  return roundTo(percent, 1);
}

/**
 * Decides whether an objective is met: status Achieved is met and status Missed is not, whatever its values.
 * Any other status is met when `objectiveProgress` is exactly 100 after rounding, so 99.96 % counts as met.
 * @param objective Objective with its status and values.
 */
export function isObjectiveMet(objective: ObjectiveRecord): boolean {
  if (objective.status === 'Achieved') {
    return true;
  }
  if (objective.status === 'Missed') {
    return false;
  }
  return objectiveProgress(objective) === 100;
}

/**
 * Counts the objectives of an account's Active plans and how many of them are met, for the `ObjectivesMetShare`
 * signal of the health engine. Plans in any other status (Draft, OnHold, Completed, Cancelled) are ignored.
 * @param plans All plans of one account.
 * @returns `{ total, met }` over every Active plan (total may be 0), or null when no plan is Active.
 */
export function objectiveFactsOf(plans: PlanRecord[]): ObjectiveFacts | null {
  const activePlans = plans.filter((plan) => plan.status === 'Active');
  if (activePlans.length === 0) {
    return null;
  }
  let total = 0;
  let met = 0;
  for (const plan of activePlans) {
    for (const objective of plan.objectives) {
      total++;
      if (isObjectiveMet(objective)) {
        met++;
      }
    }
  }
  return { total, met };
}
