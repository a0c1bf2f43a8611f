/**
 * Assembles the QbrData of the QBR engine (the shape of QbrBuilderController.ReviewData) for one account and quarter
 * from a scored org export, with the rules of QbrReviewDataLoader:
 * - health points: the export's stored snapshot scores in the period, else weekly scores recomputed back from the
 *   as-of date to the first day of the period, then the score on the as-of date;
 * - the raw value of every measure on the as-of date, rounded to 4 places as HealthContribution__c.RawValue__c
 *   stores it, and the medians of the peers of the same segment (see peers.ts);
 * - usage per month, Case counts and feedback responses of the period (see stats.ts);
 * - the risks of the period (see risks.ts), the objectives of the Active plan, and the milestones of every plan of
 *   the account completed in the period;
 * - the executive sponsor of the account, else of the Active plan.
 * Numbers are read as of the quarter's last day, or the last day of the data while the quarter runs.
 */
import { bandFor, evaluateAccount, formatIsoDate, parseIsoDate, roundTo, scoreHistory } from 'c/healthEngine';
import type { AccountHealth, AccountSignals, Direction, HealthModel, ScorePoint } from 'c/healthEngine';
import { isObjectiveMet } from 'c/planEngine';
import type { ObjectiveRecord, PlanRecord } from 'c/planEngine';
import type {
  MeasureValues,
  QbrActionItemRow,
  QbrData,
  QbrMeasureValue,
  QbrMilestoneRow,
  QbrObjectiveRow,
  QbrReviewRecord,
  QbrRiskRow,
  QbrScorePoint,
  QbrUserOption
} from 'c/qbrEngine';
import type { AccountInfo } from '../export';
import { PeerBenchmark, segmentOf } from './peers';
import type { PeerCandidate } from './peers';
import { reviewPeriodOf } from './period';
import type { ReviewPeriod } from './period';
import { riskRowsOfPeriod } from './risks';
import { caseStatsOf, feedbackCountOf, monthlyUsage } from './stats';

/** Decimal places of a stored raw measure value (HealthContribution__c.RawValue__c). */
export const RAW_VALUE_PLACES = 4;

const DAYS_PER_WEEK = 7;

/** One account of the portfolio with what its review reads. */
export interface QbrAccount {
  signals: AccountSignals;
  info: AccountInfo | null;
  /** Model that scores the account; null when none applies, so the review has no health data. */
  model: HealthModel | null;
  /** Evaluation on the portfolio's `dataAsOf`, overrides included; null when the account is not scored. */
  health: AccountHealth | null;
  /** Scores of the export's HealthSnapshot__c rows, oldest first; empty when it has none. */
  storedHistory: readonly ScorePoint[];
  /**
   * Plans of the account with the automatic completions of the scoring run applied. The first Active plan in the list
   * is the one whose objectives the review shows.
   */
  plans: readonly PlanRecord[];
  renewalDate: string | null;
}

/** A scored export as the review reads it. */
export interface QbrPortfolio {
  /** Last day of the data: the scoring date of the export. */
  dataAsOf: string;
  /** Active health models; their segment fields decide the peers. */
  models: readonly HealthModel[];
  /** Every account, scored or not, because all of them can be peers. */
  accounts: readonly QbrAccount[];
}

/** Data of a review beyond the export: its risks, the saved review and its action items. */
export interface QbrReviewExtras {
  /** Every risk of the account, active or ended; the period's are picked from them. */
  risks: readonly QbrRiskRow[];
  review: QbrReviewRecord | null;
  actionItems: QbrActionItemRow[];
  owners: QbrUserOption[];
  canEdit: boolean;
}

/** Returns the key of an account: the first 15 characters of its Id, which Apex compares. */
function accountKey(accountId: string): string {
  return accountId.slice(0, 15);
}

function compareNullsLast(left: number | string | null, right: number | string | null): number {
  if (left === right) {
    return 0;
  }
  if (left === null || right === null) {
    return left === null ? 1 : -1;
  }
  return left < right ? -1 : 1;
}

/**
 * Reviews of the accounts of one scored export. Evaluations on dates before `dataAsOf`, for a past quarter, are
 * computed once and kept in `evaluationCache`, which a caller may share between sources of the same export.
 */
export class QbrReviewSource {
  private readonly accounts = new Map<string, QbrAccount>();
  private readonly benchmarks = new Map<string, PeerBenchmark>();

  /**
   * @param portfolio The scored export.
   * @param evaluationCache Evaluations by `<account key>|<as-of date>` on dates before `dataAsOf`; a new map when
   *   left out.
   */
  constructor(
    private readonly portfolio: QbrPortfolio,
    private readonly evaluationCache: Map<string, AccountHealth | null> = new Map()
  ) {
    for (const account of portfolio.accounts) {
      this.accounts.set(accountKey(account.signals.accountId), account);
    }
  }

  /** Returns an account by its 15- or 18-character Id. */
  account(accountId: string): QbrAccount | undefined {
    return this.accounts.get(accountKey(accountId));
  }

  /**
   * Assembles the review data of an account and quarter.
   * @param accountId 15- or 18-character Id of an account of the portfolio.
   * @param quarter Quarter as `2026-Q4`.
   * @param extras Risks, saved review, action items, owners and edit access.
   * @throws QbrPeriodError when the quarter is invalid or starts after the last day of the data.
   * @throws Error when the portfolio has no such account.
   */
  reviewData(accountId: string, quarter: string, extras: QbrReviewExtras): QbrData {
    const account = this.account(accountId);
    if (account === undefined) {
      throw new Error(`Account ${accountId} is not in the export; pass the Id of one of its accounts.`);
    }
    const period = reviewPeriodOf(quarter, this.portfolio.dataAsOf);
    const { signals, info } = account;
    const health = this.evaluationAt(account, period.asOf);
    const measures = measuresOf(account.model, health);
    const peers = measures.length === 0 ? { medians: [], peerCount: 0 } : this.peersOf(account, measures, period.asOf);
    const activePlan = account.plans.find((plan) => plan.status === 'Active') ?? null;
    return {
      accountId: signals.accountId,
      accountName: signals.accountName,
      segment: segmentOf(signals.attributes, this.portfolio.models)?.value ?? null,
      arr: info?.arr ?? null,
      asOf: period.asOf,
      quarter: period.quarter,
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      canEdit: extras.canEdit,
      review: extras.review,
      healthPoints: this.healthPointsOf(account, health, period),
      currentBand: health?.band ?? null,
      currentScore: health?.score ?? null,
      usage: monthlyUsage(signals.usage, period.periodStart, period.asOf),
      licensedSeats: signals.licensedSeats,
      cases: caseStatsOf(signals.cases, period.periodStart, period.asOf),
      risks: riskRowsOfPeriod(extras.risks, period.periodStart, period.asOf),
      objectives: activePlan === null ? [] : objectiveRowsOf(activePlan),
      milestonesAchieved: milestonesAchievedOf(account.plans, period),
      actionItems: extras.actionItems,
      measures,
      peerMedians: peers.medians,
      peerCount: peers.peerCount,
      feedbackCount: feedbackCountOf(signals.feedback, period.periodStart, period.asOf),
      executiveSponsorName: info?.executiveSponsorName ?? activePlan?.executiveSponsor?.name ?? null,
      renewalDate: account.renewalDate,
      owners: extras.owners
    };
  }

  /**
   * Returns the evaluation of an account on a date, or null when the account is not scored. On `dataAsOf` it is the
   * portfolio's own. On an earlier date it is computed without overrides, because an override applies from its
   * approval on.
   */
  private evaluationAt(account: QbrAccount, asOf: string): AccountHealth | null {
    if (asOf === this.portfolio.dataAsOf || account.model === null) {
      return account.health;
    }
    const key = `${accountKey(account.signals.accountId)}|${asOf}`;
    if (!this.evaluationCache.has(key)) {
      this.evaluationCache.set(key, evaluateAccount(account.model, account.signals, { asOf }));
    }
    return this.evaluationCache.get(key) ?? null;
  }

  private healthPointsOf(account: QbrAccount, health: AccountHealth | null, period: ReviewPeriod): QbrScorePoint[] {
    const model = account.model;
    if (model === null || health === null) {
      return [];
    }
    let earlier: ScorePoint[];
    if (account.storedHistory.length > 0) {
      earlier = account.storedHistory.filter((point) => point.asOf >= period.periodStart && point.asOf < period.asOf);
    } else {
      earlier = scoreHistory(model, account.signals, weeklyDatesBefore(period.periodStart, period.asOf));
    }
    const points: QbrScorePoint[] = earlier.map((point) => ({
      scoredOn: point.asOf,
      score: point.score,
      band: bandFor(model, point.score)
    }));
    points.push({ scoredOn: period.asOf, score: health.score, band: health.band });
    return points;
  }

  private peersOf(
    account: QbrAccount,
    measures: QbrMeasureValue[],
    asOf: string
  ): { medians: QbrData['peerMedians']; peerCount: number } {
    let benchmark = this.benchmarks.get(asOf);
    if (benchmark === undefined) {
      const candidates: PeerCandidate[] = this.portfolio.accounts.map((candidate) => {
        const evaluation = this.evaluationAt(candidate, asOf);
        return {
          accountId: candidate.signals.accountId,
          attributes: candidate.signals.attributes,
          values: evaluation === null ? null : rawValuesOf(evaluation)
        };
      });
      benchmark = new PeerBenchmark(candidates, this.portfolio.models);
      this.benchmarks.set(asOf, benchmark);
    }
    return benchmark.benchmark(
      account.signals.accountId,
      account.signals.attributes,
      measures.map((measure) => measure.measure)
    );
  }
}

/** Weekly dates before `asOf`, a week apart, that are not before `first`; oldest first. */
export function weeklyDatesBefore(first: string, asOf: string): string[] {
  const firstDay = parseIsoDate(first);
  const dates: string[] = [];
  for (let day = parseIsoDate(asOf) - DAYS_PER_WEEK; day >= firstDay; day -= DAYS_PER_WEEK) {
    dates.unshift(formatIsoDate(day));
  }
  return dates;
}

/** Raw values of an evaluation's ledger as stored: rounded to 4 places, null without data. */
export function rawValuesOf(health: AccountHealth): MeasureValues {
  const values: MeasureValues = {};
  for (const entry of health.ledger) {
    values[entry.measure] = entry.hasData && entry.raw !== null ? roundTo(entry.raw, RAW_VALUE_PLACES) : null;
  }
  return values;
}

function measuresOf(model: HealthModel | null, health: AccountHealth | null): QbrMeasureValue[] {
  if (model === null || health === null) {
    return [];
  }
  const directions = new Map<string, Direction>();
  for (const dimension of model.dimensions) {
    for (const measure of dimension.measures) {
      directions.set(measure.name, measure.direction);
    }
  }
  const values = rawValuesOf(health);
  return health.ledger.map((entry) => ({
    measure: entry.measure,
    label: entry.label,
    value: values[entry.measure],
    direction: directions.get(entry.measure) ?? null
  }));
}

/** Orders objectives as SuccessPlanSelector reads them: sort order, blanks last, then Id. */
function compareObjectives(left: ObjectiveRecord, right: ObjectiveRecord): number {
  return compareNullsLast(left.sortOrder, right.sortOrder) || compareNullsLast(left.id, right.id);
}

function objectiveRowsOf(plan: PlanRecord): QbrObjectiveRow[] {
  return [...plan.objectives].sort(compareObjectives).map((objective) => ({
    outcome: objective.outcome,
    successMetric: objective.successMetric,
    unit: objective.unit,
    baseline: objective.baseline,
    target: objective.target,
    currentValue: objective.currentValue,
    status: objective.status,
    dueDate: objective.dueDate,
    isMet: isObjectiveMet(objective)
  }));
}

function milestonesAchievedOf(plans: readonly PlanRecord[], period: ReviewPeriod): QbrMilestoneRow[] {
  return plans
    .flatMap((plan) => plan.milestones)
    .filter(
      (milestone) =>
        milestone.completedDate !== null &&
        milestone.completedDate >= period.periodStart &&
        milestone.completedDate <= period.asOf
    )
    .sort(
      (left, right) =>
        compareNullsLast(left.completedDate, right.completedDate) || compareNullsLast(left.name, right.name)
    )
    .map((milestone) => ({
      name: milestone.name,
      completedDate: milestone.completedDate,
      completionSource: milestone.completionSource
    }));
}
