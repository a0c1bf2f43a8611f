import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getPortfolio from '@salesforce/apex/HealthPortfolioController.getPortfolio';
import { reduceErrors } from 'c/ldsUtils';
import { DashboardTable, FIRST_DIRECTION } from './dashboardTable';
import type { DisplayRow, QuickFilter, SortDirection, SortField, TablePage } from './dashboardTable';
import {
  ACCESS_DENIED_PREFIX,
  ALL,
  MAX_ROWS,
  buildArrTiles,
  buildAttentionTiles,
  buildBandBar,
  buildBandOptions,
  buildBandTiles,
  buildOwnerOptions,
  buildOwnerRisks,
  buildRenewalOptions,
  buildSegmentOptions,
  createFormatters,
  describeComparison,
  describePage,
  describeQuickFilter,
  describeRows,
  describeTileScope
} from './dashboardView';
import type { BandBar, Formatters, Option, OwnerRiskRow, SummaryTile, TileAction } from './dashboardView';
import { readState, sessionStorageOrUndefined, writeState } from './dashboardState';

type Portfolio = ApexTypes.HealthPortfolioController_Portfolio;

/** Value the getPortfolio wire provisions. */
interface WiredPortfolio {
  data?: Portfolio;
  error?: unknown;
}

/** Summary, table and options of one response, built once when it arrives. */
interface LoadedDashboard {
  portfolio: Portfolio;
  formatters: Formatters;
  table: DashboardTable;
  bandBar: BandBar;
  ownerRisks: OwnerRiskRow[];
  ownerOptions: Option[];
  segmentOptions: Option[];
  rowsText: string;
  comparisonText: string;
  /** Listed accounts with an open critical or high risk, which the severe ARR tile lists. */
  listedSevereCount: number;
}

/** One column header of the table. */
interface Column {
  field: SortField | null;
  label: string;
  className: string;
  /** aria-sort of the sorted column; undefined leaves the attribute out. */
  ariaSort?: SortDirection;
  sortHint: string;
  isSortable: boolean;
}

const COLUMNS: ReadonlyArray<{ field: SortField | null; label: string; numeric?: boolean }> = [
  { field: 'account', label: 'Account' },
  { field: 'owner', label: 'CSM' },
  { field: 'segment', label: 'Segment' },
  { field: 'arr', label: 'ARR', numeric: true },
  { field: 'score', label: 'Score', numeric: true },
  { field: 'band', label: 'Band' },
  { field: 'change', label: 'Change' },
  { field: 'renewal', label: 'Days to renewal', numeric: true },
  { field: 'flags', label: 'Flags' },
  { field: null, label: 'Top reason' }
];

const BAND_OPTIONS: Option[] = buildBandOptions();
const RENEWAL_OPTIONS: Option[] = buildRenewalOptions();

/**
 * At-risk dashboard for CS managers: the band distribution, ARR at risk, the accounts that moved into red this week,
 * renewal call disagreements, overdue risk check-ins and stale plans, and the scored accounts in a sortable, paged
 * table. Apex applies the CSM, segment, band, renewal window and moved-into-red filters and the sharing. The tiles
 * for flags filter the loaded rows, and sorting and paging work on keys computed once per response, so that a
 * response of 2,000 rows renders one page without work per row. The filters, sort and page are kept in the tab's
 * session storage, so that returning from an account shows the same list.
 */
export default class AtRiskDashboard extends NavigationMixin(LightningElement) {
  /** CSM filter: a user Id, or ALL. */
  ownerFilter = ALL;
  /** Segment filter: a segment, or ALL. */
  segmentFilter = ALL;
  /** Band filter: Red, Yellow, Green, Insufficient, or ALL. */
  bandFilter = ALL;
  /** Renewal window in days, or null for every renewal date. */
  renewalWindowDays: number | null = null;
  movedIntoRedOnly = false;

  quickFilter: QuickFilter = '';
  sortField: SortField | null = null;
  sortDirection: SortDirection = 'ascending';
  pageIndex = 0;

  loaded?: LoadedDashboard;
  page?: TablePage;
  loadError?: unknown;
  isLoading = true;
  isRefreshing = false;

  readonly bandOptions = BAND_OPTIONS;
  readonly renewalOptions = RENEWAL_OPTIONS;

  /** Page restored from the session, shown when the first response arrives instead of the first page. */
  private restoredPageIndex: number | null = null;

  constructor() {
    super();
    // Restored before the wire reads its parameters, so the first request already carries the kept filters.
    const state = readState(sessionStorageOrUndefined());
    this.bandFilter = state.band ?? ALL;
    this.ownerFilter = state.owner ?? ALL;
    this.segmentFilter = state.segment ?? ALL;
    this.renewalWindowDays = state.renewalWindowDays ?? null;
    this.movedIntoRedOnly = state.movedIntoRedOnly ?? false;
    this.quickFilter = state.quickFilter ?? '';
    this.sortField = state.sortField ?? null;
    this.sortDirection = state.sortDirection ?? 'ascending';
    this.restoredPageIndex = state.pageIndex ?? null;
  }

  @wire(getPortfolio, {
    band: '$bandFilter',
    ownerId: '$ownerFilter',
    segment: '$segmentFilter',
    renewalWindowDays: '$renewalWindowDays',
    movedIntoRedOnly: '$movedIntoRedOnly',
    maxRows: MAX_ROWS
  })
  receivePortfolio(result: WiredPortfolio): void {
    if (result.data) {
      const portfolio = result.data;
      const formatters = createFormatters(portfolio.currencyCode);
      const table = new DashboardTable(portfolio.rows);
      this.loaded = {
        portfolio,
        formatters,
        table,
        bandBar: buildBandBar(portfolio, formatters),
        ownerRisks: buildOwnerRisks(portfolio.ownerRisks, formatters),
        ownerOptions: buildOwnerOptions(portfolio.owners),
        segmentOptions: buildSegmentOptions(portfolio.segments),
        rowsText: describeRows(portfolio, formatters),
        comparisonText: describeComparison(portfolio),
        listedSevereCount: table.countFlag('severeRisk')
      };
      this.loadError = undefined;
      this.pageIndex = this.restoredPageIndex ?? 0;
      this.restoredPageIndex = null;
      this.refreshPage();
      this.isLoading = false;
      this.isRefreshing = false;
    } else if (result.error) {
      this.loaded = undefined;
      this.page = undefined;
      this.loadError = result.error;
      this.isLoading = false;
      this.isRefreshing = false;
    }
  }

  get loadErrorMessages(): string[] {
    return this.loadError === undefined ? [] : reduceErrors(this.loadError);
  }

  get accessDeniedMessage(): string {
    return this.loadErrorMessages.find((message) => message.startsWith(ACCESS_DENIED_PREFIX)) ?? '';
  }

  get isAccessDenied(): boolean {
    return this.accessDeniedMessage !== '';
  }

  get hasLoadError(): boolean {
    return this.loadError !== undefined && !this.isAccessDenied;
  }

  get isEmpty(): boolean {
    return this.loaded !== undefined && (this.loaded.portfolio.owners ?? []).length === 0;
  }

  private get tileState(): { band: string; movedIntoRedOnly: boolean; quickFilter: string } {
    return { band: this.bandFilter, movedIntoRedOnly: this.movedIntoRedOnly, quickFilter: this.quickFilter };
  }

  get bandTiles(): SummaryTile[] {
    return this.loaded ? buildBandTiles(this.loaded.portfolio, this.loaded.formatters, this.tileState) : [];
  }

  get arrTiles(): SummaryTile[] {
    return this.loaded
      ? buildArrTiles(this.loaded.portfolio, this.loaded.formatters, this.tileState, this.loaded.listedSevereCount)
      : [];
  }

  get tileScopeText(): string {
    const owner = this.loaded?.ownerOptions.find((option) => option.value === this.ownerFilter && option.value !== ALL);
    return describeTileScope(owner?.label ?? '', this.segmentFilter);
  }

  get attentionTiles(): SummaryTile[] {
    return this.loaded ? buildAttentionTiles(this.loaded.portfolio, this.loaded.formatters, this.tileState) : [];
  }

  get hasOwnerRisks(): boolean {
    return (this.loaded?.ownerRisks.length ?? 0) > 0;
  }

  get ownerOptions(): Option[] {
    return this.loaded?.ownerOptions ?? [{ label: 'All CSMs', value: ALL }];
  }

  get segmentOptions(): Option[] {
    return this.loaded?.segmentOptions ?? [{ label: 'All segments', value: ALL }];
  }

  get renewalValue(): string {
    return this.renewalWindowDays === null ? ALL : String(this.renewalWindowDays);
  }

  get hasFilters(): boolean {
    return (
      this.bandFilter !== ALL ||
      this.ownerFilter !== ALL ||
      this.segmentFilter !== ALL ||
      this.renewalWindowDays !== null ||
      this.movedIntoRedOnly ||
      this.quickFilter !== ''
    );
  }

  get hasRows(): boolean {
    return (this.page?.matchCount ?? 0) > 0;
  }

  get pageRows(): DisplayRow[] {
    return this.page?.rows ?? [];
  }

  get quickFilterText(): string {
    if (!this.loaded || !this.page) {
      return '';
    }
    return describeQuickFilter(this.quickFilter, this.page.matchCount, this.loaded.table.size, this.loaded.formatters);
  }

  get pageText(): string {
    return this.loaded && this.page ? describePage(this.page, this.page.matchCount, this.loaded.formatters) : '';
  }

  get hasPages(): boolean {
    return (this.page?.pageCount ?? 1) > 1;
  }

  get isFirstPage(): boolean {
    return (this.page?.pageIndex ?? 0) === 0;
  }

  get isLastPage(): boolean {
    return this.page === undefined || this.page.pageIndex >= this.page.pageCount - 1;
  }

  get columns(): Column[] {
    return COLUMNS.map(({ field, label, numeric }) => {
      const isSorted = field !== null && field === this.sortField;
      let next: SortDirection = 'ascending';
      if (isSorted) {
        next = opposite(this.sortDirection);
      } else if (field !== null) {
        next = FIRST_DIRECTION[field];
      }
      return {
        field,
        label,
        className: numeric ? 'numeric' : '',
        ariaSort: isSorted ? this.sortDirection : undefined,
        sortHint: field === null ? '' : `Sort by ${label.toLowerCase()}, ${next}`,
        isSortable: field !== null
      };
    });
  }

  handleOwnerChange(event: CustomEvent<{ value: string }>): void {
    this.setServerFilters({ owner: event.detail.value ?? ALL });
  }

  handleSegmentChange(event: CustomEvent<{ value: string }>): void {
    this.setServerFilters({ segment: event.detail.value ?? ALL });
  }

  handleBandChange(event: CustomEvent<{ value: string }>): void {
    this.setServerFilters({ band: event.detail.value ?? ALL });
  }

  handleRenewalChange(event: CustomEvent<{ value: string }>): void {
    const days = Number.parseInt(event.detail.value ?? '', 10);
    this.setServerFilters({ renewalWindowDays: Number.isNaN(days) ? null : days });
  }

  handleMovedChange(event: CustomEvent<{ checked: boolean }>): void {
    this.setServerFilters({ moved: event.detail.checked === true });
  }

  handleOwnerRiskClick(event: Event): void {
    const ownerId = (event.currentTarget as HTMLElement).dataset.ownerId;
    if (ownerId) {
      this.setServerFilters({ owner: ownerId });
    }
  }

  handleTileClick(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.tile;
    const tile = [...this.bandTiles, ...this.arrTiles, ...this.attentionTiles].find((entry) => entry.key === key);
    // A disabled tile gives its reason in its description; a click on it would list no account.
    if (tile && tile.disabled !== 'true') {
      this.applyTileAction(tile.action, tile.pressed === 'true');
    }
  }

  handleShowAll(): void {
    this.setQuickFilter('');
  }

  handleClearFilters(): void {
    this.quickFilter = '';
    this.pageIndex = 0;
    this.refreshPage();
    this.setServerFilters({
      band: ALL,
      owner: ALL,
      segment: ALL,
      renewalWindowDays: null,
      moved: false
    });
  }

  handleSort(event: Event): void {
    const field = (event.currentTarget as HTMLElement).dataset.field as SortField | undefined;
    if (!field) {
      return;
    }
    this.sortDirection = field === this.sortField ? opposite(this.sortDirection) : FIRST_DIRECTION[field];
    this.sortField = field;
    this.pageIndex = 0;
    this.refreshPage();
  }

  handleFirstPage(): void {
    this.goToPage(0);
  }

  handlePreviousPage(): void {
    this.goToPage(this.pageIndex - 1);
  }

  handleNextPage(): void {
    this.goToPage(this.pageIndex + 1);
  }

  handleLastPage(): void {
    this.goToPage((this.page?.pageCount ?? 1) - 1);
  }

  handleAccountClick(event: Event): void {
    const accountId = (event.currentTarget as HTMLElement).dataset.accountId;
    if (!accountId) {
      return;
    }
    // The link keeps its href for opening in a new tab; a plain click navigates inside Lightning Experience.
    event.preventDefault();
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: accountId, objectApiName: 'Account', actionName: 'view' }
    });
  }

  private applyTileAction(action: TileAction, isPressed: boolean): void {
    switch (action.kind) {
      case 'band':
        this.setServerFilters({ band: isPressed ? ALL : action.band });
        break;
      case 'moved':
        this.setServerFilters({ moved: !isPressed });
        break;
      case 'quickFilter':
        this.setQuickFilter(isPressed ? '' : action.filter);
        break;
      default:
        break;
    }
  }

  private setQuickFilter(filter: QuickFilter): void {
    this.quickFilter = filter;
    this.pageIndex = 0;
    this.refreshPage();
  }

  private goToPage(pageIndex: number): void {
    this.pageIndex = pageIndex;
    this.refreshPage();
  }

  /** Sorts, filters and pages the loaded rows again; reads keys only, and formats only the rows of the page. */
  private refreshPage(): void {
    if (!this.loaded) {
      this.page = undefined;
      return;
    }
    this.page = this.loaded.table.query(
      {
        sortField: this.sortField,
        sortDirection: this.sortDirection,
        quickFilter: this.quickFilter,
        pageIndex: this.pageIndex
      },
      this.loaded.formatters
    );
    this.pageIndex = this.page.pageIndex;
    this.saveState();
  }

  /** Keeps the filters, sort and page for the return from an account page. */
  private saveState(): void {
    writeState(sessionStorageOrUndefined(), {
      band: this.bandFilter,
      owner: this.ownerFilter,
      segment: this.segmentFilter,
      renewalWindowDays: this.renewalWindowDays,
      movedIntoRedOnly: this.movedIntoRedOnly,
      quickFilter: this.quickFilter,
      sortField: this.sortField,
      sortDirection: this.sortDirection,
      pageIndex: this.pageIndex
    });
  }

  private setServerFilters(changes: {
    band?: string;
    owner?: string;
    segment?: string;
    renewalWindowDays?: number | null;
    moved?: boolean;
  }): void {
    const band = changes.band ?? this.bandFilter;
    const owner = changes.owner ?? this.ownerFilter;
    const segment = changes.segment ?? this.segmentFilter;
    const renewalWindowDays =
      changes.renewalWindowDays === undefined ? this.renewalWindowDays : changes.renewalWindowDays;
    const moved = changes.moved ?? this.movedIntoRedOnly;
    const isUnchanged =
      band === this.bandFilter &&
      owner === this.ownerFilter &&
      segment === this.segmentFilter &&
      renewalWindowDays === this.renewalWindowDays &&
      moved === this.movedIntoRedOnly;
    if (isUnchanged) {
      return;
    }
    // The wire provisions the filtered dashboard. Until it does, the current rows stay with a spinner over them.
    this.isRefreshing = true;
    this.bandFilter = band;
    this.ownerFilter = owner;
    this.segmentFilter = segment;
    this.renewalWindowDays = renewalWindowDays;
    this.movedIntoRedOnly = moved;
    this.saveState();
  }
}

function opposite(direction: SortDirection): SortDirection {
  return direction === 'ascending' ? 'descending' : 'ascending';
}
