import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import type { AccountSignals, ScorePoint } from '../../../force-app/main/health/lwc/healthEngine/types';
import type { PlanRecord } from '../../../force-app/main/plans/lwc/planEngine/types';
import { ACCOUNT_RULE, CONTACT_RULE, USER_RULE } from './accounts';
import {
  ACCOUNT_CONTACT_RELATION_RULE,
  ADOPTION_PLAYBOOK_RULE,
  ASSET_RULE,
  BUSINESS_TRIGGER_RULE,
  FEATURE_ENTITLEMENT_RULE,
  FEATURE_USAGE_RULE,
  OPPORTUNITY_CONTACT_ROLE_RULE,
  OPPORTUNITY_LINE_ITEM_RULE,
  PERMISSION_SET_LICENSE_ASSIGN_RULE,
  PLAYBOOK_BARRIER_RULE,
  PRICEBOOK_ENTRY_RULE,
  PRODUCT_RULE
} from './adoption';
import type { AdoptionData } from './adoptionData';
import type { ExportConfig } from './config';
import { ReadContext } from './context';
import type { FileReader, FileRule } from './context';
import { errorMessage } from './problems';
import type { ExportProblem } from './problems';
import {
  CASE_RULE,
  CONTRACT_RULE,
  EVENT_RULE,
  FEEDBACK_RULE,
  HEALTH_SNAPSHOT_RULE,
  OPPORTUNITY_RULE,
  TASK_RULE
} from './records';
import { RENEWAL_CHECKPOINT_RULE, SUCCESS_MILESTONE_RULE, SUCCESS_OBJECTIVE_RULE, SUCCESS_PLAN_RULE } from './plans';
import type { RenewalCheckpointRow } from './plans';
import { buildAccountSignals } from './signals';
import type { AccountInfo } from './signals';
import { readTable, readTableText } from './table';
import type { TableResult } from './table';
import { DAILY_USAGE_RULE, LOGIN_HISTORY_RULE } from './usage';

export type { AccountInfo } from './signals';
export type { RenewalCheckpointRow, StoredCheckpointStatus } from './plans';
export type { ExportProblem } from './problems';
export { formatProblem } from './problems';

/** Rows read from one known file. */
export interface ExportFileSummary {
  name: string;
  /** Data rows in the file, the header excluded; 0 when the file was skipped. */
  rows: number;
  /** Rows rejected for a bad value or a wrong number of fields. */
  rejected: number;
  /** True when the whole file was left out (missing required column, empty file or missing User.csv). */
  skipped: boolean;
}

/** An org export read into account signals. */
export interface OrgExport {
  /** One entry per row of Account.csv, in file order. */
  accounts: AccountSignals[];
  accountInfo: Map<string, AccountInfo>;
  /** Earlier scores per account from HealthSnapshot__c.csv, oldest first. */
  history: Map<string, ScorePoint[]>;
  /**
   * Success plans per account from SuccessPlan__c.csv, newest start date first, each with its objectives and milestones
   * ordered by SortOrder__c. Accounts without a plan have no entry; the map is empty when the file is absent.
   */
  plans: Map<string, PlanRecord[]>;
  /**
   * Stored renewal checkpoints per account from RenewalCheckpoint__c.csv, by renewal date and then most days before
   * first. Accounts without a stored checkpoint have no entry.
   */
  renewalCheckpoints: Map<string, RenewalCheckpointRow[]>;
  files: ExportFileSummary[];
  /** Skipped files and rejected rows. */
  problems: ExportProblem[];
  /** Facts worth knowing that are not errors, such as ignored rows and unmapped priorities. */
  notices: string[];
  /**
   * Newest day seen in the export's creation, close, login, usage, feedback and snapshot dates: the default as-of
   * date. Due dates, opportunity close dates and contract end dates are left out because they can lie in the future.
   */
  latestDate: string | null;
  /** True when LoginHistory.csv or DailyUsage__c.csv was loaded, so usage measures have a source. */
  hasLoginData: boolean;
  /**
   * Feature usage, entitlements, products, footprint, champions, business triggers and adoption playbooks by account;
   * empty when the export has none of their files.
   */
  adoption: AdoptionData;
}

/** Known files in the order they are read: later files look up accounts, contacts and users read before them. */
const FILE_RULES: readonly FileRule[] = [
  ACCOUNT_RULE,
  CONTACT_RULE,
  USER_RULE,
  LOGIN_HISTORY_RULE,
  DAILY_USAGE_RULE,
  CASE_RULE,
  // Playbooks come before Task.csv, so the Task reader can attach the sprint Tasks to their playbook.
  ADOPTION_PLAYBOOK_RULE,
  TASK_RULE,
  EVENT_RULE,
  OPPORTUNITY_RULE,
  CONTRACT_RULE,
  FEEDBACK_RULE,
  HEALTH_SNAPSHOT_RULE,
  SUCCESS_PLAN_RULE,
  SUCCESS_OBJECTIVE_RULE,
  SUCCESS_MILESTONE_RULE,
  RENEWAL_CHECKPOINT_RULE,
  PLAYBOOK_BARRIER_RULE,
  FEATURE_USAGE_RULE,
  FEATURE_ENTITLEMENT_RULE,
  PERMISSION_SET_LICENSE_ASSIGN_RULE,
  // Products come before the files that name them: price book entries, Assets and Opportunity products.
  PRODUCT_RULE,
  PRICEBOOK_ENTRY_RULE,
  ASSET_RULE,
  OPPORTUNITY_LINE_ITEM_RULE,
  OPPORTUNITY_CONTACT_ROLE_RULE,
  ACCOUNT_CONTACT_RELATION_RULE,
  BUSINESS_TRIGGER_RULE
];

/** Names of the known files, for messages. */
export const KNOWN_EXPORT_FILES: readonly string[] = FILE_RULES.map((rule) => rule.spec.name);

function unreadableFile(file: string, error: unknown): ExportProblem {
  return {
    file,
    line: null,
    column: null,
    message: `could not be read (${errorMessage(error)}); check that the file exists and is readable. The file was skipped.`
  };
}

/** Reports whether an error comes from the file system rather than from a bug. */
function isFileSystemError(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'string';
}

/** Lists the CSV files of a folder, sorted; unreadable entries are reported and left out. */
function listCsvFiles(folder: string, problems: ExportProblem[]): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder).sort();
  } catch (error: unknown) {
    throw new Error(
      `Export folder ${folder} could not be read (${errorMessage(error)}); pass the folder that contains Account.csv.`
    );
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.toLowerCase().endsWith('.csv')) continue;
    try {
      if (statSync(join(folder, entry)).isFile()) files.push(entry);
    } catch (error: unknown) {
      problems.push(unreadableFile(entry, error));
    }
  }
  return files;
}

/** Maps each known file to its name in the export (matched without regard to letter case) and reports unknown CSVs. */
function matchExportFiles(entries: readonly string[], problems: ExportProblem[]): Map<string, string> {
  const known = new Map(KNOWN_EXPORT_FILES.map((name) => [name.toLowerCase(), name]));
  const found = new Map<string, string>();
  for (const entry of entries) {
    const name = known.get(entry.toLowerCase());
    if (name === undefined) {
      problems.push({
        file: entry,
        line: null,
        column: null,
        message:
          `unknown file; the reader knows ${KNOWN_EXPORT_FILES.join(', ')}. ` +
          "Rename it to its object's API name, or move it out of the folder. The file was skipped."
      });
    } else if (found.has(name)) {
      problems.push({
        file: entry,
        line: null,
        column: null,
        message: `second file for ${name} (names differ only in letter case); keep one. The file was skipped.`
      });
    } else {
      found.set(name, entry);
    }
  }
  return found;
}

/** State of one export read: the shared context, the matched files and the per-file summaries. */
interface ExportRead {
  context: ReadContext;
  files: Map<string, string>;
  summaries: ExportFileSummary[];
}

function startRead(config: ExportConfig, entries: readonly string[], problems: ExportProblem[]): ExportRead {
  const context = new ReadContext(config);
  context.problems.push(...problems);
  const files = matchExportFiles(entries, context.problems);
  if (!files.has(ACCOUNT_RULE.spec.name)) {
    context.problems.push({
      file: ACCOUNT_RULE.spec.name,
      line: null,
      column: null,
      message:
        'missing; every export needs Account.csv with at least the columns Id and Name. Export Account and try again.'
    });
  }
  return { context, files, summaries: [] };
}

/**
 * Opens the reader of one file, or returns null when the file is skipped before reading: LoginHistory.csv needs the
 * users of User.csv to attribute logins.
 */
function openFile(read: ExportRead, rule: FileRule, entry: string): FileReader | null {
  const context = read.context;
  if (rule === LOGIN_HISTORY_RULE && !context.usersLoaded) {
    context.problems.push({
      file: entry,
      line: null,
      column: null,
      message:
        'User.csv is missing or was skipped, so logins cannot be attributed to accounts. ' +
        'Export User (Id, Username, AccountId, UserType, Profile.Name) too. The file was skipped.'
    });
    read.summaries.push({ name: entry, rows: 0, rejected: 0, skipped: true });
    return null;
  }
  return rule.open(context);
}

/**
 * Records the outcome of one file and returns false when reading must stop: without accounts every other row would be
 * an unknown reference, so nothing after a skipped Account.csv is read.
 */
function closeFile(read: ExportRead, rule: FileRule, entry: string, reader: FileReader, table: TableResult): boolean {
  if (table.loaded) reader.finish?.(table);
  read.summaries.push({ name: entry, rows: table.rows, rejected: table.rejected, skipped: !table.loaded });
  read.context.flushReferenceNotices();
  return rule !== ACCOUNT_RULE || table.loaded;
}

/** Records a file that failed part way; rows read before the failure stay, but the file counts as absent. */
function failFile(read: ExportRead, rule: FileRule, entry: string, error: unknown): boolean {
  read.context.problems.push(unreadableFile(entry, error));
  read.summaries.push({ name: entry, rows: 0, rejected: 0, skipped: true });
  return rule !== ACCOUNT_RULE;
}

function finishRead(read: ExportRead): OrgExport {
  const { context, summaries } = read;
  const built = buildAccountSignals(context.data);
  return {
    accounts: built.accounts,
    accountInfo: built.accountInfo,
    history: context.data.history,
    plans: context.data.plans,
    renewalCheckpoints: context.data.renewalCheckpoints,
    files: summaries,
    problems: context.problems,
    notices: [...context.notices, ...built.notices],
    latestDate: context.latestDate,
    hasLoginData: context.data.loginHistoryLoaded || context.data.dailyUsageLoaded,
    adoption: context.data.adoption
  };
}

/**
 * Reads an org export folder (CSV files named after their objects) into per-account signals, reporting every
 * problem found. Streams each file, so exports with millions of usage rows fit in memory as daily totals.
 * Throws only when the folder cannot be read; bad files and rows become `problems`.
 */
export async function readOrgExport(folder: string, config: ExportConfig): Promise<OrgExport> {
  const problems: ExportProblem[] = [];
  const read = startRead(config, listCsvFiles(folder, problems), problems);
  for (const rule of FILE_RULES) {
    const entry = read.files.get(rule.spec.name);
    if (entry === undefined) {
      if (rule === ACCOUNT_RULE) break;
      continue;
    }
    const reader = openFile(read, rule, entry);
    if (reader === null) continue;
    let table: TableResult;
    try {
      table = await readTable(
        join(folder, entry),
        { ...rule.spec, name: entry },
        read.context.problems,
        reader.handleRow
      );
    } catch (error: unknown) {
      if (!isFileSystemError(error)) throw error;
      if (!failFile(read, rule, entry, error)) break;
      continue;
    }
    if (!closeFile(read, rule, entry, reader, table)) break;
  }
  return finishRead(read);
}

/**
 * Reads an org export held in memory, one CSV text per file name, exactly as `readOrgExport` reads a folder. The demo
 * generator uses it to score the records it has just rendered.
 */
export function readOrgExportText(files: ReadonlyMap<string, string>, config: ExportConfig): OrgExport {
  const read = startRead(config, [...files.keys()].filter((name) => name.toLowerCase().endsWith('.csv')).sort(), []);
  for (const rule of FILE_RULES) {
    const entry = read.files.get(rule.spec.name);
    if (entry === undefined) {
      if (rule === ACCOUNT_RULE) break;
      continue;
    }
    const reader = openFile(read, rule, entry);
    if (reader === null) continue;
    const text = files.get(entry) as string;
    const table = readTableText(text, { ...rule.spec, name: entry }, read.context.problems, reader.handleRow);
    if (!closeFile(read, rule, entry, reader, table)) break;
  }
  return finishRead(read);
}
