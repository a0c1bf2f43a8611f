import type { ExportConfig } from './config';
import { normalizeLoginType } from './config';
import type { ExportProblem } from './problems';
import type { ExportData } from './signals';
import { emptyExportData } from './signals';
import type { FileSpec, RowReader, TableResult } from './table';

/** Reader of one file, created when the file is opened. */
export interface FileReader {
  /** Handles one data row; throwing `RowRejection` rejects the row. */
  handleRow(row: RowReader, line: number): void;
  /** Runs after the last row when the header was accepted. */
  finish?(table: TableResult): void;
}

/** Reading rule of one known file: its columns and a factory for its reader. */
export interface FileRule {
  spec: FileSpec;
  open(context: ReadContext): FileReader;
}

/** Login attribution of one user. */
export interface UserLink {
  /** Account the user's logins count for; null for an internal user that no rule maps. */
  accountId: string | null;
  isIntegration: boolean;
}

/** Rows of one file whose account reference led nowhere. */
interface ReferenceCounts {
  column: string;
  blank: number;
  unknown: number;
  example: string | null;
}

/** Lower-cased, trimmed set of configured values, for comparisons that ignore letter case. */
function lowerSet(values: readonly string[]): Set<string> {
  return new Set(values.map((value) => value.trim().toLowerCase()));
}

/** State shared by the file readers while one export is read. */
export class ReadContext {
  readonly data: ExportData = emptyExportData();
  readonly problems: ExportProblem[] = [];
  readonly notices: string[] = [];
  /** Newest observed day (creation, close, login, usage, response or snapshot date); due dates are left out. */
  latestDate: string | null = null;

  readonly loginTypes: Set<string>;
  readonly loginStatusSuccess: string;
  readonly integrationUserTypes: Set<string>;
  readonly integrationUsernames: Set<string>;
  readonly integrationProfileNames: Set<string>;
  readonly escalationStatuses: Set<string>;
  readonly highPriorities: Set<string>;
  readonly renewalTypes: Set<string>;
  readonly priorityWeights: Map<string, number>;

  /** Users of User.csv by Id; empty when User.csv is absent or was skipped. */
  readonly users = new Map<string, UserLink>();
  usersLoaded = false;
  /** First and last day of LoginHistory.csv, used to drop DailyUsage__c rows rolled up from the same logins. */
  loginSpan: { first: string; last: string } | null = null;

  private readonly references = new Map<string, ReferenceCounts>();
  private lastResolved: string | null = null;
  private readonly noticeKeys = new Set<string>();

  constructor(readonly config: ExportConfig) {
    this.loginTypes = new Set(config.loginTypes.map(normalizeLoginType));
    this.loginStatusSuccess = config.loginStatusSuccess.trim().toLowerCase();
    this.integrationUserTypes = lowerSet(config.integrationUserTypes);
    this.integrationUsernames = lowerSet(config.integrationUsernames);
    this.integrationProfileNames = lowerSet(config.integrationProfileNames);
    this.escalationStatuses = lowerSet(config.escalationStatuses);
    this.highPriorities = lowerSet(config.highPriorities);
    this.renewalTypes = lowerSet(config.renewalOpportunityTypes);
    this.priorityWeights = new Map(
      Object.entries(config.priorityWeights).map(([priority, weight]) => [priority.trim().toLowerCase(), weight])
    );
  }

  /** Records an observed day for the default as-of date. */
  observe(day: string | null): void {
    if (day !== null && (this.latestDate === null || day > this.latestDate)) this.latestDate = day;
  }

  /** Adds a notice unless one with the same key was added already. */
  noticeOnce(key: string, text: string): void {
    if (this.noticeKeys.has(key)) return;
    this.noticeKeys.add(key);
    this.notices.push(text);
  }

  /**
   * Returns the Id when it names an account of Account.csv. A blank or unknown Id returns null and is counted,
   * so `flushReferenceNotices` can report each file once.
   */
  resolveAccount(file: string, column: string, id: string): string | null {
    // Usage and case files are often grouped by account, so the last match is checked before the map.
    if (id === this.lastResolved) return id;
    if (id !== '' && this.data.accounts.has(id)) {
      this.lastResolved = id;
      return id;
    }
    this.countUnresolved(file, column, id);
    return null;
  }

  /** Counts a row whose account reference is blank (`id` empty) or unknown. */
  countUnresolved(file: string, column: string, id: string): void {
    let counts = this.references.get(file);
    if (counts === undefined) {
      counts = { column, blank: 0, unknown: 0, example: null };
      this.references.set(file, counts);
    }
    if (id === '') counts.blank++;
    else {
      counts.unknown++;
      counts.example ??= id;
    }
  }

  /** Adds one notice per file for rows ignored because of a blank or unknown account reference. */
  flushReferenceNotices(): void {
    for (const [file, counts] of this.references) {
      if (counts.blank > 0) {
        const rows = counts.blank === 1 ? '1 row has' : `${counts.blank} rows have`;
        this.notices.push(
          `${file}: ${rows} a blank ${counts.column} and ${counts.blank === 1 ? 'was' : 'were'} ignored.`
        );
      }
      if (counts.unknown > 0) {
        const rows = counts.unknown === 1 ? '1 row refers' : `${counts.unknown} rows refer`;
        this.notices.push(
          `${file}: ${rows} through ${counts.column} to accounts that are not in Account.csv ` +
            `(for example ${counts.example ?? ''}) and ${counts.unknown === 1 ? 'was' : 'were'} ignored; ` +
            'export those accounts too if they should be scored.'
        );
      }
    }
    this.references.clear();
  }
}
