import { READINESS_CATEGORIES } from './types';
import type { ReadinessBand, ReadinessCategory, ReadinessResult } from './types';
import { readinessCheckLabel } from './readiness';

/** Labels of the readiness categories as the readiness panels show them. */
export const READINESS_CATEGORY_LABELS: Record<ReadinessCategory, string> = {
  CustomerCentricity: 'Customer centricity',
  Actionability: 'Actionability',
  DataDrivenInsight: 'Data-driven insight',
  ProactiveRiskManagement: 'Proactive risk management',
  ExpansionAwareness: 'Expansion awareness'
};

/** SLDS theme class of the band badge. */
const BAND_BADGES: Record<ReadinessBand, string> = {
  ReadyToPresent: 'slds-theme_success',
  Refine: 'slds-theme_warning',
  DeeperAnalysis: 'slds-theme_warning',
  BackToDiscovery: 'slds-theme_error'
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

/** One readiness check as a panel lists it. */
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
  /** Text of what to add; empty when the check passed. */
  missing: string;
}

/** Rows of a readiness panel that do not depend on the deliverable: score, badge, categories, checks, gaps. */
export interface ReadinessPanelRows {
  score: number;
  scoreText: string;
  band: ReadinessBand;
  bandClass: string;
  categories: ReadinessCategoryRow[];
  checks: ReadinessCheckRow[];
  missing: { key: string; text: string }[];
}

/**
 * Builds the rows that the readiness panels of the QBR builder and the success plan share from the scorer's result.
 * Each component adds its own band label and advice, because they speak of a review or of a plan.
 * @param result The result of `scoreReadiness`.
 */
export function readinessPanelRows(result: ReadinessResult): ReadinessPanelRows {
  const categories = READINESS_CATEGORIES.map((category) => {
    const total = result.categories.find((entry) => entry.category === category);
    const points = total?.points ?? 0;
    const maxPoints = total?.maxPoints ?? 0;
    const percent = maxPoints > 0 ? Math.round((points / maxPoints) * 100) : 0;
    const label = READINESS_CATEGORY_LABELS[category];
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
    category: READINESS_CATEGORY_LABELS[check.category] ?? check.category,
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
    bandClass: BAND_BADGES[result.band],
    categories,
    checks,
    missing: result.missing.map((text, index) => ({ key: `missing-${index}`, text }))
  };
}
