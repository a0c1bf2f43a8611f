/**
 * The account table of the at-risk dashboard: sort keys and flag bits computed once per response, sorting and quick
 * filtering on those keys, and paging. Only the rows of the visible page are formatted, so a response of 2,000 rows
 * costs one pass over the rows plus the work of one page.
 */
import {
  bandBadgeClass,
  bandLabel,
  describeBandChange,
  describeRenewal,
  describeTrend,
  formatMoney,
  formatScore
} from './dashboardView';
import type { Formatters } from './dashboardView';

type AccountRow = ApexTypes.HealthPortfolioController_AccountRow;

/** Rows on one page of the table. */
export const PAGE_SIZE = 50;

/** Columns the table can be sorted by. */
export type SortField = 'account' | 'owner' | 'segment' | 'arr' | 'score' | 'band' | 'change' | 'renewal' | 'flags';

/** Direction of a sort, named as aria-sort names it. */
export type SortDirection = 'ascending' | 'descending';

/** Flag that a quick filter keeps, or the empty string for no quick filter. */
export type QuickFilter = '' | 'disagreement' | 'overdueCheckIn' | 'stalePlan' | 'severeRisk';

/** Bit of each flag in TableEntry.flags. */
export const FLAG_BITS: Readonly<Record<Exclude<QuickFilter, ''>, number>> = {
  disagreement: 1,
  overdueCheckIn: 2,
  stalePlan: 4,
  severeRisk: 8
};

/** Label of each flag in the flags column, in column order. */
const FLAG_LABELS: ReadonlyArray<{ flag: Exclude<QuickFilter, ''>; label: string; className: string }> = [
  { flag: 'disagreement', label: 'Call disagrees', className: 'slds-badge slds-badge_lightest flag flag_disagreement' },
  { flag: 'overdueCheckIn', label: 'Check-in overdue', className: 'slds-badge slds-badge_lightest flag flag_overdue' },
  { flag: 'stalePlan', label: 'Plan stale', className: 'slds-badge slds-badge_lightest flag flag_stale' },
  { flag: 'severeRisk', label: 'Critical or high risk', className: 'slds-badge slds-badge_lightest flag flag_severe' }
];

/** Direction of the first click on a column: amounts and flags largest first, the rest ascending. */
export const FIRST_DIRECTION: Readonly<Record<SortField, SortDirection>> = {
  account: 'ascending',
  owner: 'ascending',
  segment: 'ascending',
  arr: 'descending',
  score: 'ascending',
  band: 'ascending',
  change: 'ascending',
  renewal: 'ascending',
  flags: 'descending'
};

const BAND_RANK: Readonly<Record<string, number>> = { Red: 0, Yellow: 1, Green: 2, Insufficient: 3 };
type TextField = 'account' | 'owner' | 'segment';

/** Sort keys and flags of one row, computed once per response. Null keys sort last in both directions. */
export interface TableEntry {
  /** Position in the server's risk order, which breaks every tie. */
  index: number;
  row: AccountRow;
  /** FLAG_BITS of the row's flags, ORed. */
  flags: number;
  flagCount: number;
  arr: number | null;
  score: number | null;
  bandRank: number | null;
  /**
   * Weekly change of the score in points (the fitted slope the Change column shows), or null when the trend is
   * unknown. Moving into red is a flag of the row and no part of this key, so the steepest decline sorts first.
   */
  weeklyChange: number | null;
  daysToRenewal: number | null;
}

/** One formatted row of the visible page. */
export interface DisplayRow {
  key: string;
  accountId: string;
  accountName: string;
  url: string;
  ownerName: string;
  segmentText: string;
  arrText: string;
  scoreText: string;
  bandText: string;
  bandClass: string;
  changeText: string;
  trendText: string;
  renewalText: string;
  renewalDate: string;
  flags: { key: string; label: string; className: string }[];
  topReason: string;
  rowClass: string;
}

/** One page of the table for one sort and quick filter. */
export interface TablePage {
  rows: DisplayRow[];
  /** Zero-based page shown, within 0 and pageCount - 1. */
  pageIndex: number;
  pageCount: number;
  /** Rows that pass the quick filter. */
  matchCount: number;
  /** One-based number of the first and last row shown; 0 when none. */
  firstRowNumber: number;
  lastRowNumber: number;
}

/** Sort, quick filter and page of one table query. A null sort field keeps the server's risk order. */
export interface TableQuery {
  sortField: SortField | null;
  sortDirection: SortDirection;
  quickFilter: QuickFilter;
  pageIndex: number;
}

/**
 * Returns the Lightning Experience URL of an account's record page.
 * @param accountId Id of the account.
 * @returns The relative URL.
 */
export function recordUrl(accountId: string): string {
  return `/lightning/r/Account/${encodeURIComponent(accountId)}/view`;
}

function numberOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || Number.isNaN(value) ? null : value;
}

/**
 * Computes the flag bits of a row.
 * @param row Row of the dashboard.
 * @returns FLAG_BITS of the flags the row carries, ORed.
 */
export function flagsOf(row: AccountRow): number {
  return (
    (row.hasDisagreement === true ? FLAG_BITS.disagreement : 0) |
    (row.hasOverdueCheckIn === true ? FLAG_BITS.overdueCheckIn : 0) |
    (row.hasStalePlan === true ? FLAG_BITS.stalePlan : 0) |
    (row.hasSevereRisk === true ? FLAG_BITS.severeRisk : 0)
  );
}

function countBits(value: number): number {
  let count = 0;
  for (let rest = value; rest !== 0; rest &= rest - 1) {
    count++;
  }
  return count;
}

/** Returns the weekly change the Change column shows: the trend's slope, or null when the column shows Unknown. */
function weeklyChangeOf(row: AccountRow): number | null {
  if (!row.trend || row.trend === 'Unknown') {
    return null;
  }
  return numberOrNull(row.trendSlope);
}

/**
 * Computes the sort keys and flags of every row, in the server's order.
 * @param rows Rows of the dashboard.
 * @returns One entry per row.
 */
export function buildEntries(rows: AccountRow[] | null): TableEntry[] {
  const source = rows ?? [];
  const entries = new Array<TableEntry>(source.length);
  for (let index = 0; index < source.length; index++) {
    const row = source[index];
    const flags = flagsOf(row);
    entries[index] = {
      index,
      row,
      flags,
      flagCount: countBits(flags),
      arr: numberOrNull(row.arr),
      score: numberOrNull(row.score),
      bandRank: row.band ? (BAND_RANK[row.band] ?? Object.keys(BAND_RANK).length) : null,
      weeklyChange: weeklyChangeOf(row),
      daysToRenewal: numberOrNull(row.daysToRenewal)
    };
  }
  return entries;
}

function textOf(row: AccountRow, field: TextField): string | null {
  let value: string | null | undefined = row.segment;
  if (field === 'account') {
    value = row.accountName;
  } else if (field === 'owner') {
    value = row.ownerName;
  }
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

/**
 * Ranks the text of one column, so that sorting by text compares numbers. Equal texts in the user's collation get
 * the same rank, and a missing text gets null.
 */
function rankTexts(entries: TableEntry[], field: TextField): (number | null)[] {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const distinct = [...new Set(entries.map((entry) => textOf(entry.row, field)).filter((text) => text !== null))];
  distinct.sort(collator.compare);
  const rankByText = new Map<string, number>();
  let rank = 0;
  for (let position = 0; position < distinct.length; position++) {
    if (position > 0 && collator.compare(distinct[position - 1], distinct[position]) !== 0) {
      rank++;
    }
    rankByText.set(distinct[position], rank);
  }
  return entries.map((entry) => {
    const text = textOf(entry.row, field);
    return text === null ? null : (rankByText.get(text) ?? null);
  });
}

/**
 * The rows of one response with their keys, and the sort orders computed so far. Sorting a column again, or
 * changing the quick filter or page, reuses the cached order.
 */
export class DashboardTable {
  readonly entries: TableEntry[];
  private readonly orders = new Map<string, Int32Array>();
  private readonly textRanks = new Map<TextField, (number | null)[]>();

  /**
   * @param rows Rows of the dashboard in the server's risk order.
   */
  constructor(rows: AccountRow[] | null) {
    this.entries = buildEntries(rows);
  }

  /** Number of rows of the response. */
  get size(): number {
    return this.entries.length;
  }

  /**
   * Counts the rows that carry a flag.
   * @param flag Flag to count.
   * @returns The number of rows.
   */
  countFlag(flag: Exclude<QuickFilter, ''>): number {
    const bit = FLAG_BITS[flag];
    let count = 0;
    for (const entry of this.entries) {
      if ((entry.flags & bit) !== 0) {
        count++;
      }
    }
    return count;
  }

  /**
   * Returns the sort key of a row for a column.
   * @param entry Row entry.
   * @param field Column.
   * @returns The key; null sorts last.
   */
  keyOf(entry: TableEntry, field: SortField): number | null {
    switch (field) {
      case 'account':
      case 'owner':
      case 'segment':
        return this.textRanksOf(field)[entry.index];
      case 'arr':
        return entry.arr;
      case 'score':
        return entry.score;
      case 'band':
        return entry.bandRank;
      case 'change':
        return entry.weeklyChange;
      case 'renewal':
        return entry.daysToRenewal;
      case 'flags':
        return entry.flagCount;
      default:
        return null;
    }
  }

  private textRanksOf(field: TextField): (number | null)[] {
    let ranks = this.textRanks.get(field);
    if (ranks === undefined) {
      ranks = rankTexts(this.entries, field);
      this.textRanks.set(field, ranks);
    }
    return ranks;
  }

  /**
   * Returns the row positions in the order of a sort, computing it on first use.
   * @param field Column, or null for the server's risk order.
   * @param direction Direction of the sort.
   * @returns Positions into entries.
   */
  orderOf(field: SortField | null, direction: SortDirection): Int32Array {
    const cacheKey = field === null ? 'risk' : `${field}:${direction}`;
    const cached = this.orders.get(cacheKey);
    if (cached !== undefined) {
      return cached;
    }
    const positions = Int32Array.from(this.entries, (entry) => entry.index);
    if (field !== null) {
      const keys = this.entries.map((entry) => this.keyOf(entry, field));
      const sign = direction === 'ascending' ? 1 : -1;
      positions.sort((left, right) => {
        const a = keys[left];
        const b = keys[right];
        if (a === b) {
          return left - right;
        }
        if (a === null) {
          return 1;
        }
        if (b === null) {
          return -1;
        }
        return a < b ? -sign : sign;
      });
    }
    this.orders.set(cacheKey, positions);
    return positions;
  }

  /**
   * Sorts, filters and pages the rows, and formats the rows of the page.
   * @param query Sort, quick filter and page.
   * @param formatters Number formats of the response.
   * @returns The page. A page index past the end shows the last page.
   */
  query(query: TableQuery, formatters: Formatters): TablePage {
    const order = this.orderOf(query.sortField, query.sortDirection);
    const bit = query.quickFilter === '' ? 0 : FLAG_BITS[query.quickFilter];
    let matching: ArrayLike<number> = order;
    if (bit !== 0) {
      const flagged: number[] = [];
      for (const position of order) {
        if ((this.entries[position].flags & bit) !== 0) {
          flagged.push(position);
        }
      }
      matching = flagged;
    }
    const matchCount = matching.length;
    const pageCount = Math.max(1, Math.ceil(matchCount / PAGE_SIZE));
    const pageIndex = Math.min(Math.max(0, Math.trunc(query.pageIndex)), pageCount - 1);
    const start = pageIndex * PAGE_SIZE;
    const end = Math.min(start + PAGE_SIZE, matchCount);
    const rows: DisplayRow[] = [];
    for (let offset = start; offset < end; offset++) {
      rows.push(toDisplayRow(this.entries[matching[offset]], formatters));
    }
    return {
      rows,
      pageIndex,
      pageCount,
      matchCount,
      firstRowNumber: matchCount === 0 ? 0 : start + 1,
      lastRowNumber: end
    };
  }
}

/**
 * Formats one row for the table.
 * @param entry Row entry.
 * @param formatters Number formats of the response.
 * @returns The row as the template shows it.
 */
export function toDisplayRow(entry: TableEntry, formatters: Formatters): DisplayRow {
  const row = entry.row;
  const accountId = row.accountId ?? '';
  const renewal = describeRenewal(row.daysToRenewal);
  return {
    key: accountId || `row-${entry.index}`,
    accountId,
    accountName: row.accountName ?? '',
    url: accountId ? recordUrl(accountId) : '',
    ownerName: row.ownerName ?? '',
    segmentText: row.segment ?? '',
    arrText: formatMoney(row.arr, formatters),
    scoreText: formatScore(row.score),
    bandText: bandLabel(row.band),
    bandClass: bandBadgeClass(row.band),
    changeText: describeBandChange(row),
    trendText: describeTrend(row.trend, row.trendSlope),
    renewalText: renewal,
    renewalDate: row.renewalDate ?? '',
    flags: FLAG_LABELS.filter(({ flag }) => (entry.flags & FLAG_BITS[flag]) !== 0).map(
      ({ flag, label, className }) => ({
        key: flag,
        label,
        className
      })
    ),
    topReason: row.topReason ?? '',
    rowClass: row.movedIntoRed === true ? 'account-row row_moved' : 'account-row'
  };
}
