/**
 * The scored org export behind the cockpit: every account's health on the as-of date from the reference engine,
 * last week's evaluation for the change columns and the previous band, and a weekly score history for the trend
 * line. Accounts are scored once at start, and an account is scored again when a user recalculates it.
 */
import path from 'node:path';
import { bandFor, evaluateAccount, scoreHistory, selectModel, validateModel } from 'c/healthEngine';
import type {
  AccountHealth,
  AccountSignals,
  HealthModel,
  PreviousSnapshot,
  ScoreOverride,
  ScorePoint
} from 'c/healthEngine';
import type { HistorySource } from 'c/healthReport';
import { evaluateRiskRules } from 'c/riskEngine';
import type { EscalationRung, RiskFinding, RiskRule } from 'c/riskEngine';
import { formatProblem, loadExportConfig, readOrgExport } from '../lib/export';
import type { AccountInfo, OrgExport } from '../lib/export';
import { loadModelsFromMetadata } from '../lib/model';
import { loadRiskMetadata, RiskMetadataError } from '../lib/risk';
import { compareByRisk, shiftDate } from '../lib/score/portfolio';
import { summarize } from '../lib/score/print';
import type { PortfolioSummary } from '../lib/score/print';

/** Days of score history the scorecard shows, as HealthScorecardService.HISTORY_DAYS. */
export const SCORECARD_HISTORY_DAYS = 180;

/** Sources of the export, the health model and the risk rules. */
export interface CockpitDataOptions {
  exportDir: string;
  /** Scoring date YYYY-MM-DD; null for the newest date in the export. */
  asOf: string | null;
  configFile: string | null;
  modelDir: string;
  /** customMetadata folder of the risk rules and escalation rungs. */
  riskDir: string;
}

/** One account of the export and its scores. */
export interface AccountState {
  signals: AccountSignals;
  info: AccountInfo | null;
  /** Model that scores the account; null when none applies to its segment. */
  model: HealthModel | null;
  /** Health on the as-of date; null when the account is not scored. */
  health: AccountHealth | null;
  /** Reason the account is not scored; null when it is. */
  unscoredReason: string | null;
  /** Evaluation one week before the as-of date, for the ledger's change column and the previous band. */
  lastWeek: AccountHealth | null;
  /** Scores before the as-of date that the trend was fitted on, oldest first. */
  trendHistory: ScorePoint[];
  historySource: HistorySource;
  /** Findings of the active risk rules on the as-of date. */
  risks: RiskFinding[];
  /**
   * Detection run of each finding, by rule: how many earlier risks of the rule had ended when the account was
   * scored. A risk closed after that keeps the run, so it stays closed until the account is scored again.
   */
  detectionRuns: Record<string, number>;
}

/** Inputs that scoring reads from the change store. */
export interface ScoringInputs {
  /** Approved overrides of an account, applied like the nightly job applies them. */
  overridesOf: (accountId: string) => ScoreOverride[];
  /** Number of ended risks of an account that a rule opened. */
  endedRiskCountOf: (accountId: string, rule: string) => number;
}

/** The model or the export cannot be used; the message lists the problems and what to fix. */
export class CockpitDataError extends Error {}

/** Returns the weekly as-of dates before `asOf` that lie within `days` days ending on `asOf`, oldest first. */
export function weeklyDatesBefore(asOf: string, days: number): string[] {
  const weeks = Math.floor((days - 1) / 7);
  const dates: string[] = [];
  for (let week = weeks; week >= 1; week--) {
    dates.push(shiftDate(asOf, -7 * week));
  }
  return dates;
}

function toPreviousSnapshot(health: AccountHealth): PreviousSnapshot {
  const measures: PreviousSnapshot['measures'] = {};
  for (const entry of health.ledger) {
    measures[entry.measure] = { score: entry.score, points: entry.points };
  }
  return { asOf: health.asOf, modelVersion: health.modelVersion, score: health.score, measures };
}

/**
 * Scores one account as scorePortfolio in scripts/lib/score/portfolio.ts does, and also applies overrides and keeps
 * last week's evaluation and the trend history, which the scorecard needs and scorePortfolio does not return.
 * Last week is evaluated without overrides, because an override applies from its approval on.
 */
function scoreAccount(
  model: HealthModel,
  signals: AccountSignals,
  stored: ScorePoint[],
  asOf: string,
  overrides: ScoreOverride[],
  riskRules: RiskRule[]
): Pick<AccountState, 'health' | 'lastWeek' | 'trendHistory' | 'historySource' | 'risks'> {
  const dates = weeklyDatesBefore(asOf, model.trendWindowDays);
  const lastWeek = dates.length ? evaluateAccount(model, signals, { asOf: dates[dates.length - 1] }) : null;
  const storedBefore = stored.filter((point) => point.asOf < asOf);
  let trendHistory = storedBefore;
  let historySource: HistorySource = 'snapshots';
  if (!storedBefore.length) {
    trendHistory = scoreHistory(model, signals, dates);
    historySource = trendHistory.length ? 'recomputed' : 'none';
  }
  const health = evaluateAccount(model, signals, {
    asOf,
    history: trendHistory,
    previous: lastWeek ? toPreviousSnapshot(lastWeek) : null,
    overrides
  });
  // The risk rules read the bands of earlier points, which neither stored nor recomputed scores carry.
  const banded = trendHistory.map((point) => ({ ...point, band: bandFor(model, point.score) }));
  const risks = riskRules.length ? evaluateRiskRules(riskRules, { signals, health, history: banded, asOf }) : [];
  return { health, lastWeek, trendHistory, historySource, risks };
}

function modelProblems(models: HealthModel[]): string[] {
  if (models.length === 0) {
    return ['No active health model was found; add a HealthModel__mdt record with IsActive__c checked.'];
  }
  return models.flatMap((model) =>
    validateModel(model).map((problem) => `${model.name} v${model.version} ${problem.location}: ${problem.message}`)
  );
}

/**
 * Key of an account in the maps: the 15-character Id. Apex compares Ids on those characters, so a 15-character Id
 * and its 18-character form find the same account, whatever the export's last three characters are.
 */
function accountKey(accountId: string): string {
  return accountId.slice(0, 15);
}

/** The scored export, kept in memory while the server runs. */
export class CockpitData {
  private readonly accounts = new Map<string, AccountState>();
  private readonly historyCache = new Map<string, ScorePoint[]>();

  private constructor(
    readonly exportDir: string,
    readonly asOf: string,
    readonly models: HealthModel[],
    private readonly riskRules: RiskRule[],
    /** Escalation ladder, lowest rung first. */
    readonly rungs: EscalationRung[],
    private readonly orgExport: OrgExport,
    private readonly inputs: ScoringInputs
  ) {}

  /**
   * Reads and scores an export.
   * @param options Export folder, scoring date, export rules, model and risk folders.
   * @param inputs Approved overrides and ended risks from the change store; read again on every rescore.
   * @throws CockpitDataError when the health model or the risk metadata is invalid, or the export has no dates.
   */
  static async load(options: CockpitDataOptions, inputs: ScoringInputs): Promise<CockpitData> {
    const models = loadModelsFromMetadata(options.modelDir).filter((model) => model.isActive !== false);
    const problems = modelProblems(models);
    if (problems.length) {
      throw new CockpitDataError(
        `The health model in ${options.modelDir} is invalid; nothing was scored. Fix these:\n  - ${problems.join('\n  - ')}`
      );
    }
    let risk;
    try {
      risk = loadRiskMetadata(options.riskDir);
    } catch (error) {
      if (error instanceof RiskMetadataError) {
        throw new CockpitDataError(`${error.message}\nFix the risk records in ${options.riskDir}.`);
      }
      throw error;
    }
    const orgExport = await readOrgExport(options.exportDir, loadExportConfig(options.configFile));
    const asOf = options.asOf ?? orgExport.latestDate;
    if (!asOf) {
      throw new CockpitDataError(
        `No dates were found in ${options.exportDir}; pass the scoring date with --as-of 2026-11-30.`
      );
    }
    const activeRules = risk.rules.filter((rule) => rule.isActive);
    const data = new CockpitData(options.exportDir, asOf, models, activeRules, risk.rungs, orgExport, inputs);
    for (const signals of orgExport.accounts) {
      data.accounts.set(accountKey(signals.accountId), data.score(signals));
    }
    return data;
  }

  private score(signals: AccountSignals): AccountState {
    const info = this.orgExport.accountInfo.get(signals.accountId) ?? null;
    const model = selectModel(this.models, signals.attributes);
    if (!model) {
      return {
        signals,
        info,
        model: null,
        health: null,
        unscoredReason: 'no active health model applies to its segment',
        lastWeek: null,
        trendHistory: [],
        historySource: 'none',
        risks: [],
        detectionRuns: {}
      };
    }
    const stored = this.orgExport.history.get(signals.accountId) ?? [];
    const overrides = this.inputs.overridesOf(signals.accountId);
    const scored = scoreAccount(model, signals, stored, this.asOf, overrides, this.riskRules);
    const detectionRuns: Record<string, number> = {};
    for (const finding of scored.risks) {
      detectionRuns[finding.rule] = this.inputs.endedRiskCountOf(signals.accountId, finding.rule);
    }
    return { signals, info, model, unscoredReason: null, detectionRuns, ...scored };
  }

  /** Returns the label of a risk rule, or its name when the rule is unknown. */
  ruleLabel(rule: string): string {
    const found = this.riskRules.find((candidate) => candidate.name === rule);
    return found?.label || rule;
  }

  /** Folder name of the export, for headings. */
  get exportName(): string {
    return path.basename(this.exportDir);
  }

  /** Rejected rows and skipped files, formatted with file, line and column. */
  get problems(): string[] {
    return this.orgExport.problems.map(formatProblem);
  }

  /** Facts about the export worth knowing that are not errors. */
  get notices(): string[] {
    return this.orgExport.notices;
  }

  /** Returns an account by its 15- or 18-character Id. */
  account(accountId: string): AccountState | undefined {
    return this.accounts.get(accountKey(accountId));
  }

  /** Returns every account: scored ones riskiest first, then the unscored ones by name. */
  accountsByRisk(): AccountState[] {
    const all = [...this.accounts.values()];
    const scored = all.filter((state) => state.health !== null);
    const unscored = all.filter((state) => state.health === null);
    scored.sort((a, b) => compareByRisk(a.health as AccountHealth, b.health as AccountHealth));
    unscored.sort((a, b) => a.signals.accountName.localeCompare(b.signals.accountName));
    return [...scored, ...unscored];
  }

  /** Counts the scored accounts by band, with the ARR of the red ones. */
  summary(): PortfolioSummary {
    const healths = [...this.accounts.values()].flatMap((state) => (state.health ? [state.health] : []));
    return summarize(healths, (accountId) => this.account(accountId)?.info?.arr ?? null);
  }

  /**
   * Scores one account again on the as-of date with the store's current overrides and ended risks, and replaces
   * its state.
   * @param accountId 15- or 18-character Id of an account of the export.
   * @throws CockpitDataError when the export has no such account.
   */
  rescore(accountId: string): AccountState {
    const current = this.account(accountId);
    if (!current) {
      throw new CockpitDataError(`Account ${accountId} is not in the export ${this.exportDir}.`);
    }
    const state = this.score(current.signals);
    this.accounts.set(accountKey(accountId), state);
    this.historyCache.delete(accountKey(accountId));
    return state;
  }

  /**
   * Returns the scores of the scorecard's trend line: the stored snapshots of the export within 180 days before
   * the as-of date, or weekly recomputed scores when it has none, then the current score. Oldest first.
   * @param accountId 18-character Id of a scored account.
   */
  scorecardHistory(accountId: string): ScorePoint[] {
    const cached = this.historyCache.get(accountKey(accountId));
    if (cached) {
      return cached;
    }
    const state = this.account(accountId);
    if (!state?.model || !state.health) {
      return [];
    }
    const since = shiftDate(this.asOf, 1 - SCORECARD_HISTORY_DAYS);
    const stored = (this.orgExport.history.get(state.signals.accountId) ?? []).filter(
      (point) => point.asOf >= since && point.asOf < this.asOf
    );
    const past = stored.length
      ? stored
      : scoreHistory(state.model, state.signals, weeklyDatesBefore(this.asOf, SCORECARD_HISTORY_DAYS));
    const current: ScorePoint[] =
      state.health.score === null
        ? []
        : [{ asOf: this.asOf, score: state.health.score, modelVersion: state.model.version }];
    const history = [...past, ...current];
    this.historyCache.set(accountKey(accountId), history);
    return history;
  }
}
