/**
 * Scores an org export with the reference engine the way `npm run score` does, so the browser tests compare what
 * the cockpit shows with an independent computation instead of with numbers copied from a run.
 */
import path from 'node:path';
import { evaluateAccount } from 'c/healthEngine';
import type { AccountHealth } from 'c/healthEngine';
import { loadExportConfig, readOrgExport } from '../../lib/export';
import type { AccountInfo } from '../../lib/export';
import { loadModelsFromMetadata, packageCustomMetadataDir } from '../../lib/model';
import { repoRoot } from '../../lib/paths';
import { compareByRisk, scorePortfolio, shiftDate } from '../../lib/score/portfolio';
import type { ScoredAccount } from '../../lib/score/portfolio';

/** The demo org export that the cockpit serves by default. */
export const DEMO_EXPORT_DIR = path.join(repoRoot(), 'demo', 'org-export');

/** Scored accounts of an export, riskiest first. */
export interface ReferenceScores {
  asOf: string;
  /** Riskiest first, by compareByRisk. */
  accounts: ScoredAccount[];
  accountInfo: Map<string, AccountInfo>;
}

/**
 * Scores every account of an export with the package's health model, on the export's newest date.
 * @param exportDir Org export folder; the demo org by default.
 * @throws Error when the export has no dates to score on.
 */
export async function scoreReference(exportDir: string = DEMO_EXPORT_DIR): Promise<ReferenceScores> {
  const models = loadModelsFromMetadata(packageCustomMetadataDir()).filter((model) => model.isActive !== false);
  const orgExport = await readOrgExport(exportDir, loadExportConfig(null));
  const asOf = orgExport.latestDate;
  if (asOf === null) {
    throw new Error(`No dates were found in ${exportDir}, so there is no date to score on.`);
  }
  const { scored } = scorePortfolio(models, orgExport.accounts, orgExport.history, asOf);
  scored.sort((a, b) => compareByRisk(a.health, b.health));
  return { asOf, accounts: scored, accountInfo: orgExport.accountInfo };
}

/**
 * Returns a scored account by name.
 * @throws Error naming the account when the export has no scored account of that name.
 */
export function accountNamed(scores: ReferenceScores, name: string): ScoredAccount {
  const found = scores.accounts.find((account) => account.signals.accountName === name);
  if (found === undefined) {
    throw new Error(`The export has no scored account named "${name}"; check demo/org-export/README.md.`);
  }
  return found;
}

/**
 * Returns the previous score that the "why it moved" waterfall starts from: the latest earlier score in the history.
 */
export function previousScore(account: ScoredAccount): number | null {
  const history = account.history;
  return history.length ? history[history.length - 1].score : null;
}

/** Returns the display band of a health: Insufficient when too little of the model had data. */
export function displayBand(health: AccountHealth): string {
  return health.isInsufficient ? 'Insufficient' : health.band;
}

/**
 * Evaluates an account one week before the as-of date, the evaluation that "moved into red this week" compares with.
 * @returns The band a week earlier.
 */
export function bandOneWeekEarlier(account: ScoredAccount, asOf: string): string {
  return evaluateAccount(account.model, account.signals, { asOf: shiftDate(asOf, -7) }).band;
}
