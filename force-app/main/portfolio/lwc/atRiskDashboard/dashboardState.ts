/**
 * The filters, sort and page of the at-risk dashboard, kept in the tab's session storage so that they are back after
 * opening an account and returning. A stored value that is not one the dashboard offers is left out, and a storage
 * that cannot be read or written (private browsing, a full quota) keeps the defaults.
 */
import type { QuickFilter, SortDirection, SortField } from './dashboardTable';

/** Key of the stored state in session storage. */
export const STATE_KEY = 'successCockpit.atRiskDashboard';

/** Filters, sort and page the dashboard restores. Text filters are the empty string for everything. */
export interface DashboardState {
  band: string;
  owner: string;
  segment: string;
  renewalWindowDays: number | null;
  movedIntoRedOnly: boolean;
  quickFilter: QuickFilter;
  sortField: SortField | null;
  sortDirection: SortDirection;
  pageIndex: number;
}

/** Storage that the state is kept in: session storage in the browser. */
export type StateStorage = Pick<Storage, 'getItem' | 'setItem'>;

const BANDS = new Set(['', 'Red', 'Yellow', 'Green', 'Insufficient']);
const QUICK_FILTERS = new Set<string>(['', 'disagreement', 'overdueCheckIn', 'stalePlan', 'severeRisk']);
const SORT_FIELDS = new Set<string>([
  'account',
  'owner',
  'segment',
  'arr',
  'score',
  'band',
  'change',
  'renewal',
  'flags'
]);
/** Length of a Salesforce Id, 15 or 18 characters; anything else is not an owner filter. */
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
/** Segments are picklist values, which are at most 255 characters. */
const MAX_SEGMENT_LENGTH = 255;

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/**
 * Reads the stored state.
 * @param storage Session storage, or undefined when the browser offers none.
 * @returns The values that were stored and are valid; an empty object when nothing was stored or it cannot be read.
 */
export function readState(storage: StateStorage | undefined): Partial<DashboardState> {
  let parsed: unknown;
  try {
    const stored = storage?.getItem(STATE_KEY);
    parsed = stored ? JSON.parse(stored) : null;
  } catch {
    return {};
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return {};
  }
  const source = parsed as Record<string, unknown>;
  const state: Partial<DashboardState> = {};

  // Filters
  const band = textOf(source.band);
  if (BANDS.has(band)) {
    state.band = band;
  }
  const owner = textOf(source.owner);
  if (owner === '' || ID_PATTERN.test(owner)) {
    state.owner = owner;
  }
  const segment = textOf(source.segment);
  if (segment.length <= MAX_SEGMENT_LENGTH) {
    state.segment = segment;
  }
  if (source.renewalWindowDays === null || (isWholeNumber(source.renewalWindowDays) && source.renewalWindowDays > 0)) {
    state.renewalWindowDays = source.renewalWindowDays;
  }
  if (typeof source.movedIntoRedOnly === 'boolean') {
    state.movedIntoRedOnly = source.movedIntoRedOnly;
  }

  // Quick filter, sort and page
  const quickFilter = textOf(source.quickFilter);
  if (QUICK_FILTERS.has(quickFilter)) {
    state.quickFilter = quickFilter as QuickFilter;
  }
  if (source.sortField === null || SORT_FIELDS.has(textOf(source.sortField))) {
    state.sortField = source.sortField as SortField | null;
  }
  if (source.sortDirection === 'ascending' || source.sortDirection === 'descending') {
    state.sortDirection = source.sortDirection;
  }
  if (isWholeNumber(source.pageIndex) && source.pageIndex >= 0) {
    state.pageIndex = source.pageIndex;
  }
  return state;
}

/**
 * Stores the state. A storage that refuses the write keeps its previous value.
 * @param storage Session storage, or undefined when the browser offers none.
 * @param state State to store.
 */
export function writeState(storage: StateStorage | undefined, state: DashboardState): void {
  try {
    storage?.setItem(STATE_KEY, JSON.stringify(state));
  } catch {
    // A full quota or a storage the browser blocks only loses the state on Back; the dashboard works without it.
  }
}

/**
 * Returns the tab's session storage.
 * @returns The storage, or undefined when the browser blocks it.
 */
export function sessionStorageOrUndefined(): StateStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}
