import { readdirSync, statSync } from 'fs';
import { join } from 'path';
import type { AccountSignals, ScorePoint } from '../../../force-app/main/health/lwc/healthEngine/types';
import { ACCOUNT_RULE, CONTACT_RULE, USER_RULE } from './accounts';
import type { ExportConfig } from './config';
import { ReadContext } from './context';
import type { FileRule } from './context';
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
import { buildAccountSignals } from './signals';
import type { AccountInfo } from './signals';
import { readTable } from './table';
import type { TableResult } from './table';
import { DAILY_USAGE_RULE, LOGIN_HISTORY_RULE } from './usage';

export type { AccountInfo } from './signals';
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
}

/** Known files in the order they are read: later files look up accounts, contacts and users read before them. */
const FILE_RULES: readonly FileRule[] = [
  ACCOUNT_RULE,
  CONTACT_RULE,
  USER_RULE,
  LOGIN_HISTORY_RULE,
  DAILY_USAGE_RULE,
  CASE_RULE,
  TASK_RULE,
  EVENT_RULE,
  OPPORTUNITY_RULE,
  CONTRACT_RULE,
  FEEDBACK_RULE,
  HEALTH_SNAPSHOT_RULE
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

/** Maps each known file to its name in the folder (matched without regard to letter case) and reports unknown CSVs. */
function listExportFiles(folder: string, problems: ExportProblem[]): Map<string, string> {
  let entries: string[];
  try {
    entries = readdirSync(folder).sort();
  } catch (error: unknown) {
    throw new Error(
      `Export folder ${folder} could not be read (${errorMessage(error)}); pass the folder that contains Account.csv.`
    );
  }
  const known = new Map(KNOWN_EXPORT_FILES.map((name) => [name.toLowerCase(), name]));
  const found = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.toLowerCase().endsWith('.csv')) continue;
    let isFile: boolean;
    try {
      isFile = statSync(join(folder, entry)).isFile();
    } catch (error: unknown) {
      problems.push(unreadableFile(entry, error));
      continue;
    }
    if (!isFile) continue;
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

/**
 * Reads an org export folder (CSV files named after their objects) into per-account signals, reporting every
 * problem found. Streams each file, so exports with millions of usage rows fit in memory as daily totals.
 * Throws only when the folder cannot be read; bad files and rows become `problems`.
 */
export async function readOrgExport(folder: string, config: ExportConfig): Promise<OrgExport> {
  const context = new ReadContext(config);
  const files = listExportFiles(folder, context.problems);
  const summaries: ExportFileSummary[] = [];

  if (!files.has(ACCOUNT_RULE.spec.name)) {
    context.problems.push({
      file: ACCOUNT_RULE.spec.name,
      line: null,
      column: null,
      message:
        'missing; every export needs Account.csv with at least the columns Id and Name. Export Account and try again.'
    });
  }

  for (const rule of FILE_RULES) {
    const entry = files.get(rule.spec.name);
    if (entry === undefined) {
      // Without accounts every other row would be an unknown reference, so nothing else is read.
      if (rule === ACCOUNT_RULE) break;
      continue;
    }
    if (rule === LOGIN_HISTORY_RULE && !context.usersLoaded) {
      context.problems.push({
        file: entry,
        line: null,
        column: null,
        message:
          'User.csv is missing or was skipped, so logins cannot be attributed to accounts. ' +
          'Export User (Id, Username, AccountId, UserType, Profile.Name) too. The file was skipped.'
      });
      summaries.push({ name: entry, rows: 0, rejected: 0, skipped: true });
      continue;
    }
    const reader = rule.open(context);
    let table: TableResult;
    try {
      table = await readTable(join(folder, entry), { ...rule.spec, name: entry }, context.problems, reader.handleRow);
    } catch (error: unknown) {
      if (!isFileSystemError(error)) throw error;
      // Rows read before the failure stay collected, but the file counts as absent because its data is incomplete.
      context.problems.push(unreadableFile(entry, error));
      summaries.push({ name: entry, rows: 0, rejected: 0, skipped: true });
      if (rule === ACCOUNT_RULE) break;
      continue;
    }
    if (table.loaded) reader.finish?.(table);
    summaries.push({ name: entry, rows: table.rows, rejected: table.rejected, skipped: !table.loaded });
    context.flushReferenceNotices();
    if (rule === ACCOUNT_RULE && !table.loaded) break;
  }

  const built = buildAccountSignals(context.data);
  return {
    accounts: built.accounts,
    accountInfo: built.accountInfo,
    history: context.data.history,
    files: summaries,
    problems: context.problems,
    notices: [...context.notices, ...built.notices],
    latestDate: context.latestDate,
    hasLoginData: context.data.loginHistoryLoaded || context.data.dailyUsageLoaded
  };
}
