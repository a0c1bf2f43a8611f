/**
 * Business reviews of a scored portfolio: the QbrData of every scored account for one quarter, assembled and rendered
 * as Markdown by the QBR engine. An export contains no BusinessReview__c records, so each review shows the suggested
 * sections and no action items, and the risks are those the risk rules opened on the as-of date.
 */
import type { HealthModel } from 'c/healthEngine';
import { assembleQbr, quarterSlug, renderQbr } from 'c/qbrEngine';
import type { EscalationRung, RiskRule } from 'c/riskEngine';
import type { OrgExport } from '../export';
import { QbrReviewSource, riskRowsOfFindings } from '../qbr';
import type { QbrAccount } from '../qbr';
import { applyAutoCompletions, measureValuesOf } from './plans';
import type { ScoredAccount } from './portfolio';

/** One rendered business review. */
export interface QbrReport {
  accountId: string;
  /** File name `<stem>-qbr-<quarter>.md`, the quarter in lower case. */
  fileName: string;
  markdown: string;
}

/**
 * Returns the accounts of an export as the business reviews read them: every account, scored or not, with its plans
 * after the automatic completions of the as-of date.
 * @param orgExport The export.
 * @param scored The scored accounts; the others have no health.
 * @param asOf Scoring date.
 */
export function qbrAccountsOf(orgExport: OrgExport, scored: readonly ScoredAccount[], asOf: string): QbrAccount[] {
  const scoredById = new Map(scored.map((account) => [account.signals.accountId, account]));
  return orgExport.accounts.map((signals) => {
    const account = scoredById.get(signals.accountId);
    const health = account?.health ?? null;
    const plans = orgExport.plans.get(signals.accountId) ?? [];
    return {
      signals,
      info: orgExport.accountInfo.get(signals.accountId) ?? null,
      model: account?.model ?? null,
      health,
      storedHistory: orgExport.history.get(signals.accountId) ?? [],
      plans: health === null ? plans : applyAutoCompletions(plans, measureValuesOf(health), asOf).plans,
      renewalDate: signals.renewalDate
    };
  });
}

/**
 * Builds the business review of every scored account for one quarter.
 * @param source Reviews of the export, from qbrAccountsOf.
 * @param scored The scored accounts, in the order to write them.
 * @param quarter Quarter as `2026-Q4`; it must start by the as-of date.
 * @param rules Risk rules, for the names of the risks.
 * @param rungs Escalation ladder, lowest rung first.
 * @param stemOf Returns the file name stem of an account, `<customer>`.
 * @throws QbrPeriodError when the quarter is invalid or starts after the as-of date.
 */
export function buildQbrReports(
  source: QbrReviewSource,
  scored: readonly ScoredAccount[],
  quarter: string,
  rules: readonly RiskRule[],
  rungs: readonly EscalationRung[],
  stemOf: (accountId: string) => string
): QbrReport[] {
  const labels = new Map(rules.map((rule) => [rule.name, rule.label || rule.name]));
  return scored.map((account) => {
    const accountId = account.signals.accountId;
    const data = source.reviewData(accountId, quarter, {
      risks: riskRowsOfFindings(account.risks, (rule) => labels.get(rule) ?? rule, rungs),
      review: null,
      actionItems: [],
      owners: [],
      canEdit: false
    });
    return {
      accountId,
      fileName: `${stemOf(accountId)}-qbr-${quarterSlug(data.quarter)}.md`,
      markdown: renderQbr(assembleQbr(data))
    };
  });
}

/**
 * Creates the review source of a scored export.
 * @param models Active health models; their segment fields decide the peers.
 */
export function qbrSourceOf(
  orgExport: OrgExport,
  scored: readonly ScoredAccount[],
  models: readonly HealthModel[],
  asOf: string
): QbrReviewSource {
  return new QbrReviewSource({ dataAsOf: asOf, models, accounts: qbrAccountsOf(orgExport, scored, asOf) });
}
