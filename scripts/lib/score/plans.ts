/**
 * Success plans of a scored portfolio: milestones that complete themselves on the as-of date, and the success plan
 * report of every account with a plan, with its renewal countdown and its readiness score.
 */
import type { AccountHealth } from 'c/healthEngine';
import { autoCompletions, planProgressOf, renderSuccessPlan, renewalCountdownOf } from 'c/planEngine';
import type { CheckpointDefinition, MeasureValues, PlanRecord } from 'c/planEngine';
import { readinessInputFromPlan, renderReadiness, scoreReadiness } from 'c/qbrEngine';
import type { ReadinessResult, RiskItem } from 'c/qbrEngine';
import type { RenewalCheckpointRow } from '../export';
import { countdownInputOf } from '../plans';

/** Order in which an account's plans are chosen for its report: the open plan first. */
const REPORT_ORDER: Readonly<Record<PlanRecord['status'], number>> = {
  Active: 0,
  OnHold: 1,
  Draft: 2,
  Completed: 3,
  Cancelled: 4
};

/** Returns the raw value of every measure of an evaluation, keyed by measure DeveloperName. */
export function measureValuesOf(health: AccountHealth): MeasureValues {
  const values: MeasureValues = {};
  for (const entry of health.ledger) {
    values[entry.measure] = entry.raw;
  }
  return values;
}

/**
 * Completes the milestones of the Active plans whose criteria the measure values meet, as the package does after
 * each scoring run: completed date the as-of date, completion source Automatic. Other plans are left as they are.
 * @returns copies of the plans with the completions applied, and the number of milestones completed
 */
export function applyAutoCompletions(
  plans: readonly PlanRecord[],
  values: MeasureValues,
  asOf: string
): { plans: PlanRecord[]; completed: number } {
  let completed = 0;
  const updated = plans.map((plan) => {
    if (plan.status !== 'Active') {
      return plan;
    }
    const completions = new Map(
      autoCompletions(plan.milestones, values, asOf).map((entry) => [entry.milestoneId, entry.completedDate])
    );
    if (completions.size === 0) {
      return plan;
    }
    completed += completions.size;
    return {
      ...plan,
      milestones: plan.milestones.map((milestone) => {
        const completedDate = completions.get(milestone.id);
        return completedDate === undefined
          ? milestone
          : { ...milestone, completedDate, completionSource: 'Automatic' as const };
      })
    };
  });
  return { plans: updated, completed };
}

/**
 * Returns the plan an account's report shows: its open plan (Active, then OnHold, then Draft), else its newest closed
 * plan; null without plans. Among plans of the same status the first one wins, which is the newest start date in
 * the order the export reader keeps.
 */
export function reportedPlan(plans: readonly PlanRecord[]): PlanRecord | null {
  let chosen: PlanRecord | null = null;
  for (const plan of plans) {
    if (chosen === null || REPORT_ORDER[plan.status] < REPORT_ORDER[chosen.status]) {
      chosen = plan;
    }
  }
  return chosen;
}

/**
 * Scores the readiness of the plan a report shows, with the account's risks, feedback and renewal date as the plan
 * view gives them to the successPlan component. Risks count as reviewed only when the account's risks are given.
 */
export function planReadinessOf(account: SuccessPlanAccount, plan: PlanRecord, asOf: string): ReadinessResult {
  const risks = account.risks ?? null;
  return scoreReadiness(
    readinessInputFromPlan(plan, {
      asOf,
      progress: planProgressOf(plan, asOf),
      risks: risks === null ? [] : [...risks],
      isRiskReviewed: risks !== null,
      customerFeedbackCount: account.feedbackCount ?? 0,
      renewalDate: account.renewalDate,
      expansionSignals: [],
      insights: []
    })
  );
}

/** One account's plans and what its report needs. */
export interface SuccessPlanAccount {
  accountId: string;
  accountName: string;
  /** Every plan of the account, as the export reader returns them. */
  plans: readonly PlanRecord[];
  /** Evaluation on the as-of date; null when no health model applies, so no measure has a value. */
  health: AccountHealth | null;
  renewalDate: string | null;
  /** Stored renewal checkpoints of the account, of any renewal date. */
  checkpoints: readonly RenewalCheckpointRow[];
  /** Open risks of the account for the readiness score; null or absent when the risks were not reviewed. */
  risks?: readonly RiskItem[] | null;
  /** Customer feedback responses the plan can reference; null or absent counts as none. */
  feedbackCount?: number | null;
}

/** The success plan report of one account. */
export interface SuccessPlanReport {
  accountId: string;
  /** The plan shown, with the milestones completed on the as-of date. */
  plan: PlanRecord;
  /** Milestones of the account's Active plans completed on the as-of date. */
  autoCompleted: number;
  /** Readiness of the plan shown, which the report's Readiness section renders. */
  readiness: ReadinessResult;
  markdown: string;
}

/**
 * Applies the automatic completions to an account's plans and renders the report of its current plan with the
 * renewal countdown and, after the plan, its Readiness section. The countdown takes its definitions from the metadata and its progress from the checkpoints
 * stored for the renewal date, and it first saw the renewal on the earliest CreatedDate among them.
 * @returns null when the account has no plan
 */
export function buildSuccessPlanReport(
  account: SuccessPlanAccount,
  definitions: CheckpointDefinition[],
  asOf: string
): SuccessPlanReport | null {
  const measureValues = account.health === null ? {} : measureValuesOf(account.health);
  const { plans, completed } = applyAutoCompletions(account.plans, measureValues, asOf);
  const plan = reportedPlan(plans);
  if (plan === null) {
    return null;
  }
  const countdown = renewalCountdownOf(countdownInputOf(account.renewalDate, asOf, account.checkpoints, definitions));
  const planMarkdown = renderSuccessPlan({
    accountName: account.accountName,
    asOf,
    plan,
    measureValues,
    countdown,
    renewalDate: account.renewalDate
  });
  const readiness = planReadinessOf(account, plan, asOf);
  const markdown = [planMarkdown.trimEnd(), '', ...renderReadiness(readiness)].join('\n').trimEnd() + '\n';
  return { accountId: account.accountId, plan, autoCompleted: completed, readiness, markdown };
}
