/**
 * Rates the open success plan with the readiness scorer of the QBR engine and shapes the result for the readiness
 * panel: the score and band, the five category totals, every check with its finding, and what is missing.
 */
import { planProgressOf } from 'c/planEngine';
import type { PlanRecord } from 'c/planEngine';
import { readinessInputFromPlan, readinessPanelRows, scoreReadiness } from 'c/qbrEngine';
import type { PlanReadinessContext, ReadinessBand, ReadinessPanelRows, ReadinessResult, RiskItem } from 'c/qbrEngine';
import { toPlanRecord } from './planReport';
import { localToday } from './planView';

type PlanView = ApexTypes.SuccessPlanController_PlanView;
type RiskView = ApexTypes.SuccessPlanController_RiskItem;

const SEVERITIES: readonly RiskItem['severity'][] = ['Critical', 'High', 'Medium', 'Low'];

/** Labels of the readiness bands as the panel shows them. */
export const READINESS_BAND_LABELS: Record<ReadinessBand, string> = {
  ReadyToPresent: 'Ready to present',
  Refine: 'Refine',
  DeeperAnalysis: 'Needs deeper analysis',
  BackToDiscovery: 'Back to discovery'
};

const BAND_ADVICE: Record<ReadinessBand, string> = {
  ReadyToPresent: 'Score 85 or more: the plan is ready to present to the customer.',
  Refine: 'Score 70 to 84: refine the plan by closing the gaps below.',
  DeeperAnalysis: 'Score 50 to 69: the plan needs deeper analysis before it goes to the customer.',
  BackToDiscovery: 'Score under 50: go back to discovery with the customer before presenting the plan.'
};

/** Everything the readiness panel shows. */
export interface ReadinessPanel extends ReadinessPanelRows {
  bandLabel: string;
  advice: string;
  /** Says which facts the score could not see, such as risks the user cannot read; empty when none. */
  note: string;
}

function riskItemOf(risk: RiskView): RiskItem {
  const severity = SEVERITIES.find((value) => value === risk.severity);
  return {
    title: risk.title ?? 'Unnamed risk',
    // A severity outside the picklist is not critical or high, so it scores like Low.
    severity: severity ?? 'Low',
    hasMitigation: risk.hasMitigation === true,
    rung: risk.rung,
    status: risk.status ?? 'Open'
  };
}

/**
 * Builds the context of the success plan adapter from the plan view. The risks count as reviewed when the view
 * carries them, which means the user can read risks, even when none is open. A missing feedback count counts as none.
 * @param view The plan view of SuccessPlanController.
 * @param record The plan record from `toPlanRecord`.
 * @param today Local date used when the view has no as-of date.
 */
export function planReadinessContextOf(view: PlanView, record: PlanRecord, today: string): PlanReadinessContext {
  const asOf = view.asOf ?? today;
  const risks = view.openRisks;
  return {
    asOf,
    progress: planProgressOf(record, asOf),
    risks: (risks ?? []).map(riskItemOf),
    isRiskReviewed: risks !== null && risks !== undefined,
    customerFeedbackCount: view.feedbackCount ?? 0,
    renewalDate: view.renewalDate ?? null,
    expansionSignals: [],
    insights: []
  };
}

/**
 * Scores the readiness of the open plan of the view.
 * @param view The plan view of SuccessPlanController.
 * @param today Local date used when the view has no as-of date; the browser's date by default.
 * @returns The result of `scoreReadiness`, or null when the view has no open plan.
 */
export function planReadinessOf(
  view: PlanView | null | undefined,
  today: string = localToday()
): ReadinessResult | null {
  if (!view?.plan) {
    return null;
  }
  const record = toPlanRecord(view);
  return scoreReadiness(readinessInputFromPlan(record, planReadinessContextOf(view, record, today)));
}

function unreadFactsNote(view: PlanView): string {
  const unread: string[] = [];
  if (view.openRisks === null || view.openRisks === undefined) {
    unread.push('risks');
  }
  if (view.feedbackCount === null || view.feedbackCount === undefined) {
    unread.push('feedback');
  }
  if (unread.length === 0) {
    return '';
  }
  return `You cannot read the account's ${unread.join(' or ')}, so the score counts them as not reviewed or none.`;
}

/**
 * Builds the readiness panel from the scorer's result.
 * @param result The result of `scoreReadiness`.
 * @param view The plan view the result was computed from, whose null fields mark the facts the user could not read.
 */
export function readinessPanelOf(result: ReadinessResult, view: PlanView): ReadinessPanel {
  return {
    ...readinessPanelRows(result),
    bandLabel: READINESS_BAND_LABELS[result.band],
    advice: BAND_ADVICE[result.band],
    note: unreadFactsNote(view)
  };
}
