/**
 * Risk plan entries for risks found offline, where no Risk__c records exist yet: each risk starts on the CSM rung
 * with the account owner as its owner and one first mitigation action.
 */
import { formatIsoDate, parseIsoDate } from 'c/healthEngine';
import type { EscalationRung, RiskFinding, RiskPlanEntry, RiskPlanInput, RiskRule } from 'c/riskEngine';

/** Subject of the first mitigation action of every new risk. */
export const FIRST_MITIGATION_ACTION = 'Agree a mitigation plan with the customer';

const FRIDAY = 5;

/**
 * Returns the Friday of the week of `date`, or the next Friday when `date` falls on a Saturday or Sunday, so a due
 * date is never in the past.
 * @param date ISO date.
 */
export function fridayOnOrAfter(date: string): string {
  const day = parseIsoDate(date, 'date');
  // Day 0 (1970-01-01) was a Thursday; weekday numbers run from 0 for Sunday to 6 for Saturday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return formatIsoDate(day + ((FRIDAY - weekday + 7) % 7));
}

/** Account facts the offline risk plan needs. */
export interface OfflinePlanAccount {
  ownerName: string | null;
  arr: number | null;
}

/**
 * Builds the plan entries of an account's findings. Each risk is owned by the account owner and starts on the CSM rung,
 * whose deadline counts from the detection date. The next check-in is one cadence after that date, and the first
 * mitigation action is due the Friday of the as-of week.
 * @param findings Findings of one account.
 * @param account Owner name and ARR of the account.
 * @param rungs Escalation ladder; must contain the CSM rung.
 * @param ruleLabel Readable name of a rule, which titles its risk as the Name of the Risk__c record does; the rule's
 * DeveloperName by default.
 * @throws Error when the ladder has no CSM rung.
 */
export function buildOfflinePlanEntries(
  findings: RiskFinding[],
  account: OfflinePlanAccount,
  rungs: EscalationRung[],
  ruleLabel: (rule: string) => string = (rule) => rule
): RiskPlanEntry[] {
  const csm = rungs.find((rung) => rung.rung === 'CSM');
  if (csm === undefined) {
    throw new Error('The escalation ladder has no CSM rung; add an EscalationRung__mdt record with Rung__c CSM.');
  }
  return findings.map((finding) => {
    const detected = parseIsoDate(finding.detectedOn, `detectedOn of risk ${finding.rule}`);
    return {
      title: ruleLabel(finding.rule),
      finding,
      owner: account.ownerName,
      rung: 'CSM',
      rungDeadline: formatIsoDate(detected + csm.deadlineDays),
      nextCheckIn: finding.checkInCadenceDays === null ? null : formatIsoDate(detected + finding.checkInCadenceDays),
      actions: [
        {
          subject: FIRST_MITIGATION_ACTION,
          owner: account.ownerName,
          dueDate: fridayOnOrAfter(finding.detectedOn),
          status: 'Not Started'
        }
      ],
      arrAtRisk: account.arr
    };
  });
}

/**
 * Builds the risk plan input of a scored account, in the shape the risk register's export builds from the records:
 * each risk is titled with its rule's label, and the plan is as of the scoring date.
 * @param customer Account name.
 * @param asOf Scoring date, ISO.
 * @param findings Findings of the account, in the order the rules ran.
 * @param account Owner name and ARR of the account.
 * @param metadata Risk rules (for their labels) and the escalation ladder.
 * @throws Error when the ladder has no CSM rung.
 */
export function buildOfflinePlanInput(
  customer: string,
  asOf: string,
  findings: RiskFinding[],
  account: OfflinePlanAccount,
  metadata: { rules: RiskRule[]; rungs: EscalationRung[] }
): RiskPlanInput {
  const labels = new Map(metadata.rules.map((rule) => [rule.name, rule.label || rule.name]));
  return {
    customer,
    asOf,
    risks: buildOfflinePlanEntries(findings, account, metadata.rungs, (rule) => labels.get(rule) ?? rule)
  };
}
