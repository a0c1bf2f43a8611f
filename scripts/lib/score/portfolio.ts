/**
 * Scores every account of an org export with the reference engine: one evaluation on the as-of date, plus weekly
 * evaluations back through the model's trend window when the export holds no stored snapshots, so the trend and the
 * ledger's change column have history to compare with. The risk rules then run on each account's health and history.
 */
import { bandFor, evaluateAccount, formatIsoDate, parseIsoDate, scoreHistory, selectModel } from 'c/healthEngine';
import type { AccountHealth, AccountSignals, HealthModel, PreviousSnapshot, ScorePoint } from 'c/healthEngine';
import type { HistorySource } from 'c/healthReport';
import { evaluateRiskRules } from 'c/riskEngine';
import type { BandedScorePoint, RiskFinding, RiskRule } from 'c/riskEngine';

/** One scored account with what its report needs. */
export interface ScoredAccount {
  signals: AccountSignals;
  model: HealthModel;
  health: AccountHealth;
  historySource: HistorySource;
  /** Earlier scores with bands that the trend and the risk rules used, oldest first; the current one excluded. */
  history: BandedScorePoint[];
  /** Findings of the active risk rules, by severity; empty when no rule fired or no rule was passed. */
  risks: RiskFinding[];
}

/** An account that no model applies to. */
export interface UnscoredAccount {
  signals: AccountSignals;
  reason: string;
}

/** Result of scoring a portfolio. */
export interface PortfolioResult {
  scored: ScoredAccount[];
  unscored: UnscoredAccount[];
}

/** Shifts an ISO date by whole days in UTC. */
export function shiftDate(date: string, days: number): string {
  return formatIsoDate(parseIsoDate(date) + days);
}

function toPreviousSnapshot(health: AccountHealth): PreviousSnapshot {
  const measures: PreviousSnapshot['measures'] = {};
  for (const entry of health.ledger) {
    measures[entry.measure] = { score: entry.score, points: entry.points };
  }
  return { asOf: health.asOf, modelVersion: health.modelVersion, score: health.score, measures };
}

/** Returns the weekly as-of dates before `asOf` within the model's trend window, oldest first. */
function historyDates(model: HealthModel, asOf: string): string[] {
  const weeks = Math.floor((model.trendWindowDays - 1) / 7);
  const dates: string[] = [];
  for (let week = weeks; week >= 1; week--) {
    dates.push(shiftDate(asOf, -7 * week));
  }
  return dates;
}

/**
 * Scores every account on `asOf` and runs the risk rules on the result. `storedHistory` contains scores from the
 * export's HealthSnapshot__c rows by account id; accounts without them get weekly recomputed history. Earlier points
 * are banded with the account's current model, because neither source records the band.
 * NOTE: recomputed points carry no coverage, so a week with too little data gets a band instead of Insufficient.
 * @param riskRules Risk rules to run; none by default.
 * @throws Error when an active risk rule is invalid, listing every problem.
 */
export function scorePortfolio(
  models: HealthModel[],
  accounts: AccountSignals[],
  storedHistory: Map<string, ScorePoint[]>,
  asOf: string,
  riskRules: RiskRule[] = []
): PortfolioResult {
  const scored: ScoredAccount[] = [];
  const unscored: UnscoredAccount[] = [];
  for (const signals of accounts) {
    const model = selectModel(models, signals.attributes);
    if (!model) {
      unscored.push({ signals, reason: 'no active health model applies to its segment' });
      continue;
    }
    // Every signal only looks at days on or before its own as-of date, so a past week is scored with the data as it
    // stood then. Last week gets a full evaluation because the ledger's change column compares with its measures.
    const dates = historyDates(model, asOf);
    const lastWeek = dates.length ? evaluateAccount(model, signals, { asOf: dates[dates.length - 1] }) : null;
    const stored = storedHistory.get(signals.accountId)?.filter((point) => point.asOf < asOf) ?? [];
    let history: ScorePoint[] = stored;
    let historySource: HistorySource = 'snapshots';
    if (!stored.length) {
      history = scoreHistory(model, signals, dates);
      historySource = history.length ? 'recomputed' : 'none';
    }
    const health = evaluateAccount(model, signals, {
      asOf,
      history,
      previous: lastWeek ? toPreviousSnapshot(lastWeek) : null
    });
    const banded = history.map((point) => ({ ...point, band: bandFor(model, point.score) }));
    const risks = riskRules.length ? evaluateRiskRules(riskRules, { signals, health, history: banded, asOf }) : [];
    scored.push({ signals, model, health, historySource, history: banded, risks });
  }
  return { scored, unscored };
}

const BAND_RANK: Record<AccountHealth['band'], number> = { Red: 0, Yellow: 1, Green: 2, Insufficient: 3 };
const TREND_RANK: Record<AccountHealth['trend']['direction'], number> = {
  Declining: 0,
  Unknown: 1,
  Stable: 2,
  Improving: 3
};

/**
 * Orders accounts by risk: red before yellow before green, lower score first, declining before stable, then by
 * name. Accounts with insufficient data come last, because an unknown is not the same as a known risk.
 */
export function compareByRisk(a: AccountHealth, b: AccountHealth): number {
  return (
    BAND_RANK[a.band] - BAND_RANK[b.band] ||
    (a.score ?? Number.POSITIVE_INFINITY) - (b.score ?? Number.POSITIVE_INFINITY) ||
    TREND_RANK[a.trend.direction] - TREND_RANK[b.trend.direction] ||
    a.accountName.localeCompare(b.accountName) ||
    a.accountId.localeCompare(b.accountId)
  );
}
