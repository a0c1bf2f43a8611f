/**
 * Scores every account of a Salesforce org export with the health model and runs the risk rules on the result. Prints
 * the portfolio riskiest first and the risks opened per rule. Writes a health-check report per account, and a risk
 * mitigation plan per account with a risk. For every account with a success plan, it first completes the milestones
 * whose criteria the data meets on the as-of date, then writes the plan with its renewal countdown. Last, it writes
 * the business review (QBR) of one quarter for every scored account: the quarter of the as-of date, or the one that
 * --quarter names. For every scored account with adoption data (feature usage or entitlements in the export), it also
 * writes the adoption scorecard, the expansion map and one feature adoption playbook per Active playbook.
 *
 *   npm run score -- [--export <folder>] [--as-of <YYYY-MM-DD>] [--quarter <YYYY-Qn>] [--out <folder>]
 *                    [--config <file>] [--model-dir <folder>] [--risk-dir <folder>] [--plan-dir <folder>]
 *                    [--adoption-dir <folder>] [--top <n> | --all]
 *
 * Exit codes: 0 when everything was read and scored, 1 when rows or files were rejected (the good rows are still
 * scored and reported), 2 for invalid options, an invalid model, invalid risk rules, invalid plan templates and
 * renewal checkpoints or invalid adoption metadata (nothing is scored), or a quarter that starts after the as-of date
 * (nothing is written).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { validateModel } from 'c/healthEngine';
import type { HealthModel } from 'c/healthEngine';
import { customerSlug, renderHealthCheck } from 'c/healthReport';
import type { CheckpointDefinition } from 'c/planEngine';
import { quarterOf } from 'c/qbrEngine';
import type { RiskItem } from 'c/qbrEngine';
import { renderRiskPlan } from 'c/riskEngine';
import type { RiskRule } from 'c/riskEngine';
import { AdoptionMetadataError, loadAdoptionMetadata, packageAdoptionMetadataDir } from './lib/adoption';
import type { AdoptionMetadata } from './lib/adoption';
import { formatProblem, loadExportConfig, readOrgExport } from './lib/export';
import type { OrgExport } from './lib/export';
import { formatProblem as formatModelProblem, loadModelsFromMetadata, packageCustomMetadataDir } from './lib/model';
import {
  buildOfflinePlanEntries,
  buildOfflinePlanInput,
  loadRiskMetadata,
  packageRiskMetadataDir,
  RiskMetadataError
} from './lib/risk';
import type { RiskMetadata } from './lib/risk';
import { loadPlanMetadata, packagePlanMetadataDir, PlanMetadataError } from './lib/plans';
import type { PlanMetadata } from './lib/plans';
import { QbrPeriodError, feedbackCountOf, parseQuarter, reviewPeriodOf } from './lib/qbr';
import { buildAdoptionReports, formatAdoptionSummary } from './lib/score/adoption';
import { buildSuccessPlanReport } from './lib/score/plans';
import { buildQbrReports, qbrSourceOf } from './lib/score/qbr';
import { compareByRisk, scorePortfolio, shiftDate } from './lib/score/portfolio';
import type { ScoredAccount } from './lib/score/portfolio';
import { formatPortfolio, formatSummary, summarize } from './lib/score/print';
import { repoRoot } from './lib/paths';

const USAGE = `Usage: npm run score -- [options]

Options:
  --export <folder>    org export folder of CSV files (default: the demo org in demo/org-export)
  --as-of <date>       scoring date YYYY-MM-DD (default: the newest date found in the export)
  --quarter <quarter>  quarter of the business reviews, YYYY-Qn such as 2026-Q4, that starts on or before the scoring
                       date (default: the quarter of the scoring date); one review per scored account
  --out <folder>       folder for the reports (default: _local/generated)
  --config <file>      JSON file with export rules: login types, user mapping, case priorities
  --model-dir <folder> customMetadata folder holding the health model records (default: the package's)
  --risk-dir <folder>  customMetadata folder holding the risk rules and escalation rungs (default: the package's)
  --plan-dir <folder>  customMetadata folder holding the plan templates and renewal checkpoints (default: the package's)
  --adoption-dir <folder>
                       customMetadata folder holding the feature dictionary, expansion catalog and sprint templates
                       (default: the package's)
  --top <n>            accounts to print, riskiest first (default: 25)
  --all                print every account
  --help               show this help`;

const MAX_PROBLEMS_PRINTED = 50;

class UsageError extends Error {}

interface Options {
  exportDir: string;
  asOf: string | null;
  /** Quarter of the business reviews as `2026-Q4`; null for the quarter of the as-of date. */
  quarter: string | null;
  outDir: string;
  configFile: string | null;
  modelDir: string;
  riskDir: string;
  planDir: string;
  adoptionDir: string;
  top: number;
}

function parseOptions(argv: string[]): Options | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        export: { type: 'string' },
        'as-of': { type: 'string' },
        quarter: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        'model-dir': { type: 'string' },
        'risk-dir': { type: 'string' },
        'plan-dir': { type: 'string' },
        'adoption-dir': { type: 'string' },
        top: { type: 'string' },
        all: { type: 'boolean' },
        help: { type: 'boolean' }
      },
      strict: true,
      allowPositionals: false
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values;
  if (values.help) {
    return null;
  }
  const asOf = values['as-of'] ?? null;
  if (asOf !== null && !isValidDate(asOf)) {
    throw new UsageError(`--as-of "${asOf}" is not a valid date; use the form 2026-11-30.`);
  }
  let quarter: string | null = null;
  if (values.quarter !== undefined) {
    try {
      quarter = parseQuarter(values.quarter);
    } catch (error) {
      throw new UsageError(`--quarter: ${(error as Error).message}`);
    }
  }
  let top = 25;
  if (values.all) {
    top = Number.POSITIVE_INFINITY;
  } else if (values.top !== undefined) {
    top = Number(values.top);
    if (!Number.isInteger(top) || top < 0) {
      throw new UsageError(`--top "${values.top}" is not a whole number of accounts; use for example --top 50.`);
    }
  }
  const root = repoRoot();
  return {
    exportDir: path.resolve(values.export ?? path.join(root, 'demo', 'org-export')),
    asOf,
    quarter,
    outDir: path.resolve(values.out ?? path.join(root, '_local', 'generated')),
    configFile: values.config ? path.resolve(values.config) : null,
    modelDir: path.resolve(values['model-dir'] ?? packageCustomMetadataDir()),
    riskDir: path.resolve(values['risk-dir'] ?? packageRiskMetadataDir()),
    planDir: path.resolve(values['plan-dir'] ?? packagePlanMetadataDir()),
    adoptionDir: path.resolve(values['adoption-dir'] ?? packageAdoptionMetadataDir()),
    top
  };
}

function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return false;
  }
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function validateModels(models: HealthModel[]): string[] {
  if (models.length === 0) {
    return ['No active health model was found; add a HealthModel__mdt record with IsActive__c checked.'];
  }
  return models.flatMap((model) =>
    validateModel(model).map((problem) => `${model.name} v${model.version} ${problem.location}: ${problem.message}`)
  );
}

/**
 * Gives every account a distinct file name stem (`<customer>`), adding the account id where two names share a slug.
 */
function reportNames(accounts: { accountId: string; accountName: string }[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const account of accounts) {
    const slug = customerSlug(account.accountName);
    counts.set(slug, (counts.get(slug) ?? 0) + 1);
  }
  const names = new Map<string, string>();
  for (const account of accounts) {
    const slug = customerSlug(account.accountName);
    const unique = (counts.get(slug) as number) > 1 ? `${slug}-${account.accountId.toLowerCase()}` : slug;
    names.set(account.accountId, unique);
  }
  return names;
}

/** Writes `<customer>-risk-plan.md` for every account with a risk and returns how many were written. */
function writeRiskPlans(
  scored: ScoredAccount[],
  risks: RiskMetadata,
  names: Map<string, string>,
  accountInfo: Map<string, { ownerName: string | null; arr: number | null }>,
  outDir: string
): number {
  let written = 0;
  for (const account of scored) {
    if (account.risks.length === 0) {
      continue;
    }
    const info = accountInfo.get(account.signals.accountId);
    const markdown = renderRiskPlan(
      buildOfflinePlanInput(
        account.health.accountName,
        account.health.asOf,
        account.risks,
        { ownerName: info?.ownerName ?? null, arr: info?.arr ?? null },
        risks
      )
    );
    writeFileSync(path.join(outDir, `${names.get(account.health.accountId) as string}-risk-plan.md`), markdown);
    written++;
  }
  return written;
}

/**
 * Lists the open risks of a scored account for the readiness of its plan: each risk-plan entry is mitigated when it has
 * a mitigation action. An account that was not scored has no risk review, so it returns null.
 */
function openRiskItemsOf(
  account: ScoredAccount | undefined,
  risks: RiskMetadata,
  accountInfo: Map<string, { ownerName: string | null; arr: number | null }>
): RiskItem[] | null {
  if (account === undefined) {
    return null;
  }
  const info = accountInfo.get(account.signals.accountId);
  const entries = buildOfflinePlanEntries(
    account.risks,
    { ownerName: info?.ownerName ?? null, arr: info?.arr ?? null },
    risks.rungs
  );
  return entries.map((entry) => ({
    title: entry.finding.rule,
    severity: entry.finding.severity,
    hasMitigation: entry.actions.length > 0,
    rung: entry.rung,
    status: 'Open'
  }));
}

/** Counts of the success plan reports written. */
interface SuccessPlanCounts {
  reports: number;
  autoCompleted: number;
  accountsWithCompletions: number;
}

/**
 * Writes `<customer>-success-plan.md` for every account with a plan, after completing the milestones of its Active
 * plans whose criteria the as-of values meet.
 */
function writeSuccessPlans(
  orgExport: OrgExport,
  scored: ScoredAccount[],
  definitions: CheckpointDefinition[],
  risks: RiskMetadata,
  names: Map<string, string>,
  asOf: string,
  outDir: string
): SuccessPlanCounts {
  const healthOf = new Map(scored.map((account) => [account.health.accountId, account.health]));
  const scoredOf = new Map(scored.map((account) => [account.health.accountId, account]));
  const counts: SuccessPlanCounts = { reports: 0, autoCompleted: 0, accountsWithCompletions: 0 };
  for (const signals of orgExport.accounts) {
    const plans = orgExport.plans.get(signals.accountId);
    if (plans === undefined) {
      continue;
    }
    const report = buildSuccessPlanReport(
      {
        accountId: signals.accountId,
        accountName: signals.accountName,
        plans,
        health: healthOf.get(signals.accountId) ?? null,
        renewalDate: signals.renewalDate,
        checkpoints: orgExport.renewalCheckpoints.get(signals.accountId) ?? [],
        risks: openRiskItemsOf(scoredOf.get(signals.accountId), risks, orgExport.accountInfo),
        feedbackCount: feedbackCountOf(signals.feedback, shiftDate(asOf, -89), asOf)
      },
      definitions,
      asOf
    );
    if (report === null) {
      continue;
    }
    const stem = names.get(signals.accountId) ?? customerSlug(signals.accountName);
    writeFileSync(path.join(outDir, `${stem}-success-plan.md`), report.markdown);
    counts.reports++;
    counts.autoCompleted += report.autoCompleted;
    if (report.autoCompleted > 0) {
      counts.accountsWithCompletions++;
    }
  }
  return counts;
}

/**
 * Writes `<customer>-qbr-<quarter>.md` for every scored account and returns how many were written. The quarter must
 * start on or before the as-of date.
 */
function writeBusinessReviews(
  orgExport: OrgExport,
  scored: ScoredAccount[],
  models: HealthModel[],
  risks: RiskMetadata,
  names: Map<string, string>,
  quarter: string,
  asOf: string,
  outDir: string
): number {
  const source = qbrSourceOf(orgExport, scored, models, asOf);
  const stemOf = (accountId: string): string => names.get(accountId) as string;
  const reports = buildQbrReports(source, scored, quarter, risks.rules, risks.rungs, stemOf);
  for (const report of reports) {
    writeFileSync(path.join(outDir, report.fileName), report.markdown);
  }
  return reports.length;
}

/** Lines counting the risks opened per active rule, rules that opened none included, so a silent rule shows. */
function formatRiskCounts(scored: ScoredAccount[], rules: RiskRule[]): string[] {
  const counts = new Map(rules.map((rule) => [rule.name, 0]));
  let total = 0;
  for (const account of scored) {
    for (const finding of account.risks) {
      counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
      total++;
    }
  }
  const accounts = scored.filter((account) => account.risks.length > 0).length;
  const lines = [`Risks opened: ${total} on ${accounts} accounts`];
  for (const rule of rules) {
    lines.push(
      `  ${rule.name.padEnd(20)} ${String(counts.get(rule.name)).padStart(4)}  ${rule.severity}, ${rule.category}`
    );
  }
  return lines;
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options === null) {
    console.log(USAGE);
    return 0;
  }

  const models = loadModelsFromMetadata(options.modelDir).filter((model) => model.isActive !== false);
  const modelProblems = validateModels(models);
  if (modelProblems.length) {
    console.error(`The health model is invalid; nothing was scored. Fix these in ${options.modelDir}:`);
    for (const problem of modelProblems) {
      console.error(`  - ${problem}`);
    }
    return 2;
  }

  let risks: RiskMetadata;
  try {
    risks = loadRiskMetadata(options.riskDir);
  } catch (error) {
    if (error instanceof RiskMetadataError) {
      console.error(`The risk rules are invalid; nothing was scored. Fix these in ${options.riskDir}:`);
      for (const problem of error.problems) {
        console.error(`  - ${formatModelProblem(problem)}`);
      }
      return 2;
    }
    throw error;
  }
  const activeRules = risks.rules.filter((rule) => rule.isActive);

  let planMetadata: PlanMetadata;
  try {
    const measureNames = models.flatMap((model) =>
      model.dimensions.flatMap((dimension) => dimension.measures.map((measure) => measure.name))
    );
    planMetadata = loadPlanMetadata(options.planDir, measureNames);
  } catch (error) {
    if (error instanceof PlanMetadataError) {
      console.error(
        `The plan templates or renewal checkpoints are invalid; nothing was scored. Fix these in ${options.planDir}:`
      );
      for (const problem of error.problems) {
        console.error(`  - ${formatModelProblem(problem)}`);
      }
      return 2;
    }
    throw error;
  }

  let adoptionMetadata: AdoptionMetadata;
  try {
    adoptionMetadata = loadAdoptionMetadata(options.adoptionDir);
  } catch (error) {
    if (error instanceof AdoptionMetadataError) {
      console.error(`The adoption metadata is invalid; nothing was scored. Fix these in ${options.adoptionDir}:`);
      for (const problem of error.problems) {
        console.error(`  - ${formatModelProblem(problem)}`);
      }
      return 2;
    }
    throw error;
  }

  const config = loadExportConfig(options.configFile);
  const orgExport = await readOrgExport(options.exportDir, config);
  const asOf = options.asOf ?? orgExport.latestDate;
  if (!asOf) {
    console.error(`No dates were found in ${options.exportDir}; pass the scoring date with --as-of 2026-11-30.`);
    return 2;
  }

  const quarter = options.quarter ?? quarterOf(asOf);
  try {
    reviewPeriodOf(quarter, asOf);
  } catch (error) {
    if (error instanceof QbrPeriodError) {
      console.error(`--quarter: ${error.message}`);
      return 2;
    }
    throw error;
  }

  const { scored, unscored } = scorePortfolio(models, orgExport.accounts, orgExport.history, asOf, activeRules);
  scored.sort((a, b) => compareByRisk(a.health, b.health));

  mkdirSync(options.outDir, { recursive: true });
  const names = reportNames(orgExport.accounts);
  for (const account of scored) {
    const info = orgExport.accountInfo.get(account.signals.accountId);
    const markdown = renderHealthCheck({
      health: account.health,
      signals: account.signals,
      model: account.model,
      arr: info?.arr ?? null,
      ownerName: info?.ownerName ?? null,
      historySource: account.historySource,
      risks: account.risks
    });
    writeFileSync(
      path.join(options.outDir, `${names.get(account.health.accountId) as string}-health-check.md`),
      markdown
    );
  }
  const riskPlans = writeRiskPlans(scored, risks, names, orgExport.accountInfo, options.outDir);
  const successPlans = writeSuccessPlans(
    orgExport,
    scored,
    planMetadata.checkpoints,
    risks,
    names,
    asOf,
    options.outDir
  );
  const reviews = writeBusinessReviews(orgExport, scored, models, risks, names, quarter, asOf, options.outDir);
  const adoption = buildAdoptionReports(
    orgExport,
    adoptionMetadata,
    scored.map((account) => account.signals.accountId),
    asOf,
    (accountId) => names.get(accountId) as string
  );
  for (const report of adoption.reports) {
    writeFileSync(path.join(options.outDir, report.fileName), report.markdown);
  }

  const healths = scored.map((account) => account.health);
  const summary = summarize(healths, (accountId) => orgExport.accountInfo.get(accountId)?.arr ?? null);
  console.log(`Success Cockpit health scores for ${options.exportDir}, as of ${asOf}`);
  console.log('');
  for (const line of formatPortfolio(healths.slice(0, options.top))) {
    console.log(line);
  }
  if (healths.length > options.top) {
    console.log(`… ${healths.length - options.top} more accounts; pass --all to list every account.`);
  }
  console.log('');
  console.log(formatSummary(summary));
  for (const account of unscored) {
    console.log(`Not scored: ${account.signals.accountName} (${account.signals.accountId}): ${account.reason}`);
  }
  for (const notice of [...orgExport.notices, ...adoption.notices]) {
    console.log(`Note: ${notice}`);
  }
  for (const line of formatRiskCounts(scored, activeRules)) {
    console.log(line);
  }
  console.log(
    `Milestones completed automatically on ${asOf}: ${successPlans.autoCompleted} on ` +
      `${successPlans.accountsWithCompletions} accounts`
  );
  console.log(
    `Wrote ${scored.length} health-check reports, ${riskPlans} risk plans and ${successPlans.reports} success plans ` +
      `to ${options.outDir}`
  );
  console.log(`Wrote ${reviews} business reviews (QBRs) of ${quarter}, one per scored account, to ${options.outDir}`);
  console.log(formatAdoptionSummary(adoption.counts, options.outDir));

  if (orgExport.problems.length) {
    console.error('');
    console.error(`${orgExport.problems.length} problems in the export; the rows concerned were not scored:`);
    for (const problem of orgExport.problems.slice(0, MAX_PROBLEMS_PRINTED)) {
      console.error(`  - ${formatProblem(problem)}`);
    }
    if (orgExport.problems.length > MAX_PROBLEMS_PRINTED) {
      console.error(`  … and ${orgExport.problems.length - MAX_PROBLEMS_PRINTED} more.`);
    }
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
);
