/**
 * Risks of a review period, chosen and ordered as QbrBuilderSelector.getRisks and QbrReviewDataLoader do, and the
 * risks that the risk rules open on an export, for exports that hold no Risk__c records.
 */
import type { EscalationRung, RiskFinding } from 'c/riskEngine';
import type { QbrRiskRow } from 'c/qbrEngine';

/** Statuses of a risk that is still being worked on, as RiskRegisterSelector.ACTIVE_STATUSES. */
export const ACTIVE_RISK_STATUSES: readonly string[] = ['Open', 'Mitigating'];

const SEVERITY_ORDER: readonly string[] = ['Critical', 'High', 'Medium', 'Low'];

function severityRank(severity: string | null): number {
  const index = SEVERITY_ORDER.indexOf(severity ?? '');
  return index < 0 ? SEVERITY_ORDER.length : index;
}

function compareNullsLast(left: string | null, right: string | null): number {
  if (left === right) {
    return 0;
  }
  if (left === null || right === null) {
    return left === null ? 1 : -1;
  }
  return left < right ? -1 : 1;
}

/**
 * Picks the risks that matter for a period and orders them. A risk counts when it is still Open or Mitigating and
 * was detected by the last day (or has no detection date), when it was detected in the period, or when it ended in
 * the period. `closedOn` is the day an ended risk ended. Risks are ordered by severity, Critical first and unknown
 * severities last, then by detection day, earliest first and undated last. Risks that tie keep their input order.
 * @param risks Every risk of the account, active or ended.
 * @param first First day of the period.
 * @param last Last day counted, the review's as-of date.
 */
export function riskRowsOfPeriod(risks: readonly QbrRiskRow[], first: string, last: string): QbrRiskRow[] {
  const chosen = risks.filter((risk) => {
    const isActive = ACTIVE_RISK_STATUSES.includes(risk.status ?? '');
    if (isActive && (risk.detectedOn === null || risk.detectedOn <= last)) {
      return true;
    }
    if (risk.detectedOn !== null && risk.detectedOn >= first && risk.detectedOn <= last) {
      return true;
    }
    return !isActive && risk.closedOn !== null && risk.closedOn >= first && risk.closedOn <= last;
  });
  return chosen
    .map((risk, index) => ({ risk, index }))
    .sort(
      (left, right) =>
        severityRank(left.risk.severity) - severityRank(right.risk.severity) ||
        compareNullsLast(left.risk.detectedOn, right.risk.detectedOn) ||
        left.index - right.index
    )
    .map((entry) => entry.risk);
}

/**
 * Describes the findings of the risk rules as the risks RiskDetectionService opens for them: Open, on the lowest rung
 * of the ladder, with a first mitigation Task, so each has a mitigation under way.
 * @param findings Findings of one account.
 * @param ruleLabel Returns the label of a rule, the risk's name.
 * @param rungs Escalation ladder, lowest rung first.
 */
export function riskRowsOfFindings(
  findings: readonly RiskFinding[],
  ruleLabel: (rule: string) => string,
  rungs: readonly EscalationRung[]
): QbrRiskRow[] {
  return findings.map((finding) => ({
    id: null,
    title: ruleLabel(finding.rule),
    severity: finding.severity,
    status: 'Open',
    rung: rungs[0]?.rung ?? null,
    hasMitigation: true,
    detectedOn: finding.detectedOn,
    closedOn: null
  }));
}
