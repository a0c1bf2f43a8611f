/**
 * The scored org export behind the cockpit: every account's health on the as-of date from the reference engine,
 * last week's evaluation for the change columns and the previous band, and a weekly score history for the trend
 * line. Accounts are scored once at start, and an account is scored again when a user recalculates it. Scoring also
 * completes the plan milestones whose criteria the account's raw measure values meet, as the scoring job does.
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
import { autoCompletions, objectiveFactsOf } from 'c/planEngine';
import type { CheckpointDefinition, MeasureValues, PlanRecord, PlanTemplate, PlanTemplateItem } from 'c/planEngine';
import { evaluateRiskRules } from 'c/riskEngine';
import type { EscalationRung, RiskFinding, RiskRule } from 'c/riskEngine';
import { formatProblem, loadExportConfig, readOrgExport } from '../lib/export';
import type { AccountInfo, OrgExport, RenewalCheckpointRow } from '../lib/export';
import { loadModelsFromMetadata } from '../lib/model';
import { loadPlanMetadata, packagePlanMetadataDir, PlanMetadataError } from '../lib/plans';
import type { PlanMetadata } from '../lib/plans';
import { loadRiskMetadata, RiskMetadataError } from '../lib/risk';
import { compareByRisk, shiftDate } from '../lib/score/portfolio';
import { readExportRecords } from './exportRecords';
import type { ExportContact, ExportRecords, ExportUser, RenewalSource } from './exportRecords';
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
  /** customMetadata folder of the plan templates and renewal checkpoints; the package's when left out. */
  planDir?: string;
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
  /** Raw value of every measure of the ledger on the as-of date; empty when the account is not scored. */
  measureValues: MeasureValues;
  /**
   * Success plans of the export, with the milestones of Active plans that scoring completed. A plan in the change
   * store replaces the one of the same Id here.
   */
  plans: PlanRecord[];
}

/** Inputs that scoring reads from the change store, and the writes it makes there. */
export interface ScoringInputs {
  /** Approved overrides of an account, applied like the nightly job applies them. */
  overridesOf: (accountId: string) => ScoreOverride[];
  /** Number of ended risks of an account that a rule opened. */
  endedRiskCountOf: (accountId: string, rule: string) => number;
  /** Plans of an account that the cockpit created or changed; they replace the export's plans of the same Id. */
  storedPlansOf: (accountId: string) => PlanRecord[];
  /**
   * Completes the open milestones of the account's Active plans in the store whose criteria the values meet, as the
   * scoring job does after each chunk. The store stays unchanged when no milestone completes.
   */
  completeStoredMilestones: (accountId: string, values: MeasureValues, asOf: string) => void;
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

/** Returns the raw value of every measure of an evaluation's ledger; null for a measure without data. */
export function measureValuesOf(health: AccountHealth | null): MeasureValues {
  const values: MeasureValues = {};
  for (const entry of health?.ledger ?? []) {
    values[entry.measure] = entry.raw;
  }
  return values;
}

/**
 * Completes the open milestones of Active plans whose criteria the values meet, on the as-of date and with source
 * Automatic, as MilestoneAutoCompleter does. A plan without completions is returned as the same object.
 * @param plans Plans of one account.
 * @param values Raw measure values of the account on the as-of date.
 * @param asOf Scoring date YYYY-MM-DD, the completed date.
 */
export function completeMilestones(plans: PlanRecord[], values: MeasureValues, asOf: string): PlanRecord[] {
  return plans.map((plan) => {
    if (plan.status !== 'Active') {
      return plan;
    }
    const completed = new Map(
      autoCompletions(plan.milestones, values, asOf).map((completion) => [completion.milestoneId, completion])
    );
    if (completed.size === 0) {
      return plan;
    }
    return {
      ...plan,
      milestones: plan.milestones.map((milestone) => {
        const completion = completed.get(milestone.id);
        return completion
          ? { ...milestone, completedDate: completion.completedDate, completionSource: 'Automatic' as const }
          : milestone;
      })
    };
  });
}

/** Returns the names of the measures of every model, which milestone criteria may name. */
function measureNamesOf(models: HealthModel[]): string[] {
  const names = models.flatMap((model) =>
    model.dimensions.flatMap((dimension) => dimension.measures.map((measure) => measure.name))
  );
  return [...new Set(names)].sort();
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
    /** Plan templates with their items, and the renewal checkpoint definitions. */
    readonly plansMetadata: PlanMetadata,
    private readonly orgExport: OrgExport,
    private readonly records: ExportRecords,
    private readonly inputs: ScoringInputs
  ) {}

  /**
   * Reads and scores an export.
   * @param options Export folder, scoring date, export rules, model, risk and plan folders.
   * @param inputs Approved overrides, ended risks and stored plans from the change store; read again on every
   *   rescore.
   * @throws CockpitDataError when the health model, the risk metadata or the plan metadata is invalid, or the export
   *   has no dates.
   */
  static async load(options: CockpitDataOptions, inputs: ScoringInputs): Promise<CockpitData> {
    const allModels = loadModelsFromMetadata(options.modelDir);
    const models = allModels.filter((model) => model.isActive !== false);
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
    const planDir = options.planDir ?? packagePlanMetadataDir();
    let plansMetadata: PlanMetadata;
    try {
      plansMetadata = loadPlanMetadata(planDir, measureNamesOf(allModels));
    } catch (error) {
      if (error instanceof PlanMetadataError) {
        throw new CockpitDataError(`${error.message}\nFix the plan records in ${planDir}.`);
      }
      throw error;
    }
    const config = loadExportConfig(options.configFile);
    const orgExport = await readOrgExport(options.exportDir, config);
    const accountIds = new Set(orgExport.accounts.map((signals) => signals.accountId));
    const records = await readExportRecords(options.exportDir, config, accountIds);
    const asOf = options.asOf ?? orgExport.latestDate;
    if (!asOf) {
      throw new CockpitDataError(
        `No dates were found in ${options.exportDir}; pass the scoring date with --as-of 2026-11-30.`
      );
    }
    const activeRules = risk.rules.filter((rule) => rule.isActive);
    const data = new CockpitData(
      options.exportDir,
      asOf,
      models,
      activeRules,
      risk.rungs,
      plansMetadata,
      orgExport,
      records,
      inputs
    );
    for (const signals of orgExport.accounts) {
      data.accounts.set(accountKey(signals.accountId), data.score(signals));
    }
    return data;
  }

  private score(exportSignals: AccountSignals): AccountState {
    const accountId = exportSignals.accountId;
    const info = this.orgExport.accountInfo.get(accountId) ?? null;
    const exportPlans = this.orgExport.plans.get(accountId) ?? [];
    // The objectives of Active plans feed ObjectivesMetShare, so plans changed in the cockpit count from now on.
    const storedPlans = this.inputs.storedPlansOf(accountId);
    const storedIds = new Set(storedPlans.map((plan) => plan.id));
    const currentPlans = [...storedPlans, ...exportPlans.filter((plan) => !storedIds.has(plan.id))];
    const signals: AccountSignals = { ...exportSignals, objectives: objectiveFactsOf(currentPlans) };
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
        detectionRuns: {},
        measureValues: {},
        plans: exportPlans
      };
    }
    const stored = this.orgExport.history.get(accountId) ?? [];
    const overrides = this.inputs.overridesOf(accountId);
    const scored = scoreAccount(model, signals, stored, this.asOf, overrides, this.riskRules);
    const detectionRuns: Record<string, number> = {};
    for (const finding of scored.risks) {
      detectionRuns[finding.rule] = this.inputs.endedRiskCountOf(accountId, finding.rule);
    }
    const measureValues = measureValuesOf(scored.health);
    const plans = completeMilestones(exportPlans, measureValues, this.asOf);
    this.inputs.completeStoredMilestones(accountId, measureValues, this.asOf);
    return { signals, info, model, unscoredReason: null, detectionRuns, measureValues, plans, ...scored };
  }

  /** Returns the active plan templates in list order, as PlanTemplateRepository.getActiveTemplates does. */
  activeTemplates(): PlanTemplate[] {
    return this.plansMetadata.templates.filter((template) => template.isActive);
  }

  /** Returns the items of one template. */
  templateItems(templateName: string): PlanTemplateItem[] {
    return this.plansMetadata.items.filter((item) => item.template === templateName);
  }

  /** Returns every renewal checkpoint definition, active or not, most days before the renewal first. */
  get checkpointDefinitions(): CheckpointDefinition[] {
    return this.plansMetadata.checkpoints;
  }

  /** Returns a contact of the export by Id. */
  contact(contactId: string): ExportContact | undefined {
    return this.records.contactsById.get(contactId);
  }

  /** Returns the contacts of an account by name, at most MAX_CONTACTS. */
  contactsOf(accountId: string): ExportContact[] {
    const state = this.account(accountId);
    return state ? (this.records.contactsByAccount.get(state.signals.accountId) ?? []) : [];
  }

  /** Returns the users of the export's User.csv, in file order. */
  users(): ExportUser[] {
    return [...this.records.usersById.values()];
  }

  /** Returns the scores of the export's HealthSnapshot__c rows for an account, oldest first; empty when none. */
  storedHistory(accountId: string): ScorePoint[] {
    const state = this.account(accountId);
    return state ? (this.orgExport.history.get(state.signals.accountId) ?? []) : [];
  }

  /** Returns the record the account's renewal date comes from; null when it has no renewal date. */
  renewalSource(accountId: string): RenewalSource | null {
    const state = this.account(accountId);
    return state ? (this.records.renewalSources.get(state.signals.accountId) ?? null) : null;
  }

  /** Returns the renewal checkpoints that the export stored for an account, of any renewal date. */
  renewalCheckpoints(accountId: string): RenewalCheckpointRow[] {
    const state = this.account(accountId);
    return state ? (this.orgExport.renewalCheckpoints.get(state.signals.accountId) ?? []) : [];
  }

  /** Returns the label of a risk rule, or its name when the rule is unknown. */
  ruleLabel(rule: string): string {
    const found = this.riskRules.find((candidate) => candidate.name === rule);
    return found?.label || rule;
  }

  /** The export as read, for the adoption methods, which build their views from its records. */
  get exportContent(): OrgExport {
    return this.orgExport;
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
