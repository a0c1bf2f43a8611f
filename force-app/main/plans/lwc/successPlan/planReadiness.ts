/**
 * Rates the open success plan with the readiness scorer of the QBR engine and shapes the result for the readiness
 * panel: the score and band, the five category totals, every check with its finding, and what is missing.
 */
import { planProgressOf } from 'c/planEngine';
import type { PlanRecord } from 'c/planEngine';
import { READINESS_CATEGORIES, readinessCheckLabel, readinessInputFromPlan, scoreReadiness } from 'c/qbrEngine';
import type { PlanReadinessContext, ReadinessBand, ReadinessCategory, ReadinessResult, RiskItem } from 'c/qbrEngine';
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

const BAND_BADGES: Record<ReadinessBand, string> = {
  ReadyToPresent: 'slds-theme_success',
  Refine: 'slds-theme_warning',
  DeeperAnalysis: 'slds-theme_warning',
  BackToDiscovery: 'slds-theme_error'
};

const BAND_ADVICE: Record<ReadinessBand, string> = {
  ReadyToPresent: 'Score 85 or more: the plan is ready to present to the customer.',
  Refine: 'Score 70 to 84: refine the plan by closing the gaps below.',
  DeeperAnalysis: 'Score 50 to 69: the plan needs deeper analysis before it goes to the customer.',
  BackToDiscovery: 'Score under 50: go back to discovery with the customer before presenting the plan.'
};

const CATEGORY_LABELS: Record<ReadinessCategory, string> = {
  CustomerCentricity: 'Customer centricity',
  Actionability: 'Actionability',
  DataDrivenInsight: 'Data-driven insight',
  ProactiveRiskManagement: 'Proactive risk management',
  ExpansionAwareness: 'Expansion awareness'
};

/** One category total with its progress bar. */
export interface ReadinessCategoryRow {
  key: ReadinessCategory;
  label: string;
  pointsText: string;
  percent: number;
  barStyle: string;
  barLabel: string;
}

/** One readiness check as the panel lists it. */
export interface ReadinessCheckRow {
  key: string;
  /** Name of the check, for example "Goals linked to the customer's objectives". */
  label: string;
  category: string;
  pointsText: string;
  passed: boolean;
  statusText: string;
  iconName: string;
  iconVariant: string;
  finding: string;
  /** What to add; empty when the check passed. */
  missing: string;
}

/** Everything the readiness panel shows. */
export interface ReadinessPanel {
  score: number;
  scoreText: string;
  band: ReadinessBand;
  bandLabel: string;
  bandClass: string;
  advice: string;
  categories: ReadinessCategoryRow[];
  checks: ReadinessCheckRow[];
  missing: { key: string; text: string }[];
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
 * @param view The plan view the result was computed from; it says which facts the user could not read.
 */
export function readinessPanelOf(result: ReadinessResult, view: PlanView): ReadinessPanel {
  const categories = READINESS_CATEGORIES.map((category) => {
    const total = result.categories.find((entry) => entry.category === category);
    const points = total?.points ?? 0;
    const maxPoints = total?.maxPoints ?? 0;
    const percent = maxPoints > 0 ? Math.round((points / maxPoints) * 100) : 0;
    const label = CATEGORY_LABELS[category];
    return {
      key: category,
      label,
      pointsText: `${points} of ${maxPoints}`,
      percent,
      barStyle: `width: ${percent}%`,
      barLabel: `${label}: ${points} of ${maxPoints} points`
    };
  });
  const checks = result.checks.map((check) => ({
    key: check.id,
    label: readinessCheckLabel(check.id),
    category: CATEGORY_LABELS[check.category],
    pointsText: `${check.points} of ${check.maxPoints} points`,
    passed: check.passed,
    statusText: check.passed ? 'Passed' : 'Not passed',
    iconName: check.passed ? 'utility:success' : 'utility:warning',
    iconVariant: check.passed ? 'success' : 'warning',
    finding: check.finding,
    missing: check.missing ?? ''
  }));
  return {
    score: result.score,
    scoreText: `${result.score} of 100`,
    band: result.band,
    bandLabel: READINESS_BAND_LABELS[result.band],
    bandClass: BAND_BADGES[result.band],
    advice: BAND_ADVICE[result.band],
    categories,
    checks,
    missing: result.missing.map((text, index) => ({ key: `missing-${index}`, text })),
    note: unreadFactsNote(view)
  };
}
