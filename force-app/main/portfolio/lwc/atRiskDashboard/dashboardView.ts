/**
 * Pure functions that turn the dashboard of HealthPortfolioController into what the atRiskDashboard template shows
 * above the table: number formats, the band distribution, the summary tiles, the ARR at risk per owner, the filter
 * options and the sentences about the rows. dashboardTable.ts builds the table itself.
 */

type Portfolio = ApexTypes.HealthPortfolioController_Portfolio;
type AccountRow = ApexTypes.HealthPortfolioController_AccountRow;
type OwnerRisk = ApexTypes.HealthPortfolioController_OwnerRisk;
type OwnerOption = ApexTypes.HealthPortfolioController_OwnerOption;

/** Start of the Apex messages of access failures (HealthPortfolioService.ACCESS_DENIED_PREFIX). */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

/** Maximum number of rows the component requests (HealthPortfolioService.MAX_ROWS). */
export const MAX_ROWS = 2000;

/** Value of the band, owner, segment and renewal filters that selects everything, because Apex treats blank as none. */
export const ALL = '';

/** Renewal windows the filter offers, in days. */
export const RENEWAL_WINDOWS: readonly number[] = [90, 180, 365];

const BANDS = ['Red', 'Yellow', 'Green', 'Insufficient'] as const;
const BAND_LABELS: Record<string, string> = {
  Red: 'Red',
  Yellow: 'Yellow',
  Green: 'Green',
  Insufficient: 'Insufficient data'
};

/** Option of a lightning-combobox. */
export interface Option {
  label: string;
  value: string;
}

/** Number formats of one response. Building an Intl.NumberFormat is slow, so all rows share these. */
export interface Formatters {
  money: Intl.NumberFormat;
  count: Intl.NumberFormat;
}

/** Filter change that a click on a summary tile makes. */
export type TileAction =
  | { kind: 'band'; band: string }
  | { kind: 'moved' }
  | { kind: 'quickFilter'; filter: 'disagreement' | 'overdueCheckIn' | 'stalePlan' | 'severeRisk' };

/** One summary tile, a button that applies its filter. */
export interface SummaryTile {
  key: string;
  label: string;
  value: string;
  /** Sentence for assistive technology and the tooltip: what the number counts and what a click does. */
  description: string;
  className: string;
  /** 'true' while the tile's filter is applied, for aria-pressed. */
  pressed: 'true' | 'false';
  /**
   * Value of aria-disabled: 'true' when a click would list no account, and the description then gives the reason. A
   * pressed tile stays enabled so that a click can clear its filter.
   */
  disabled: 'true' | 'false';
  action: TileAction;
}

/** One coloured part of the band distribution bar. */
export interface BarSegment {
  key: string;
  className: string;
  /** Inline CSS width of the part. */
  style: string;
}

/** The band distribution bar and the sentence that describes it to assistive technology. */
export interface BandBar {
  label: string;
  segments: BarSegment[];
}

/** ARR at risk of one owner. */
export interface OwnerRiskRow {
  key: string;
  ownerId: string;
  ownerName: string;
  filterTitle: string;
  redCountText: string;
  redArrText: string;
}

/** Filters the tiles reflect. */
export interface TileState {
  band: string;
  movedIntoRedOnly: boolean;
  quickFilter: string;
}

/**
 * Scope of the band and ARR tiles, in the labels and descriptions: the scored accounts of the CSM and segment
 * filters. The band, renewal and moved-into-red filters and the quick filters narrow the list, not this scope.
 */
export const BOOK_SCOPE = 'in your book';

/** Phrase of each band tile for an account in its band, written after "No account in your book". */
const BAND_PHRASES: Record<string, string> = {
  Red: 'is red',
  Yellow: 'is yellow',
  Green: 'is green',
  Insufficient: 'has insufficient data'
};

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

/**
 * Creates the number formats of one response.
 * @param currencyCode ISO currency code of the ARR amounts; null for amounts without a currency symbol.
 * @param locale Locale to format for; the browser's locale when undefined.
 * @returns The formats.
 */
export function createFormatters(currencyCode: string | null | undefined, locale?: string): Formatters {
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  if (!currencyCode) {
    return { money: count, count };
  }
  try {
    const money = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currencyCode,
      maximumFractionDigits: 0
    });
    return { money, count };
  } catch {
    // An unknown currency code throws a RangeError; the amounts are still worth showing without a symbol.
    return { money: count, count };
  }
}

/**
 * Formats an amount without decimals, such as `$400,000`.
 * @param value Amount, or null when unknown.
 * @param formatters Number formats of the response.
 * @returns The text; an empty string without an amount.
 */
export function formatMoney(value: number | null | undefined, formatters: Formatters): string {
  return isMissing(value) ? '' : formatters.money.format(value);
}

/**
 * Formats a score with at most one decimal place, such as `72.4` or `64`.
 * @param value Score, or null when there is none.
 * @returns The text, or `n/a` without a score.
 */
export function formatScore(value: number | null | undefined): string {
  return isMissing(value) ? 'n/a' : String(round(value, 1));
}

/**
 * Returns the label of a band, such as `Insufficient data` for Insufficient.
 * @param band Band value.
 * @returns The label; the value itself when it is not a known band, and `Not scored` without one.
 */
export function bandLabel(band: string | null | undefined): string {
  return band ? (BAND_LABELS[band] ?? band) : 'Not scored';
}

/**
 * Returns the SLDS classes of the band badge.
 * @param band Green, Yellow, Red or Insufficient.
 * @returns The badge classes, with a theme colour for the three colour bands.
 */
export function bandBadgeClass(band: string | null | undefined): string {
  switch (band) {
    case 'Green':
      return 'slds-badge slds-theme_success';
    case 'Yellow':
      return 'slds-badge slds-theme_warning';
    case 'Red':
      return 'slds-badge slds-theme_error';
    default:
      return 'slds-badge';
  }
}

/**
 * Describes the trend of a row, such as `Declining, -2.5 a week`.
 * @param trend Improving, Stable, Declining or Unknown.
 * @param slopePerWeek Fitted slope in points per week, or null.
 * @returns The text.
 */
export function describeTrend(trend: string | null | undefined, slopePerWeek: number | null | undefined): string {
  if (!trend || trend === 'Unknown') {
    return 'Unknown';
  }
  if (isMissing(slopePerWeek)) {
    return trend;
  }
  const rounded = round(slopePerWeek, 1);
  const signed = rounded > 0 ? `+${rounded}` : String(rounded);
  return `${trend}, ${signed} a week`;
}

/**
 * Describes how the band changed in the last week.
 * @param row Row of the dashboard.
 * @returns `Moved into red (was Yellow)`, `Moved into red (no score a week ago)`, `Was Red` for another change, or an
 * empty string when the band did not change.
 */
export function describeBandChange(row: AccountRow): string {
  if (row.movedIntoRed) {
    return row.previousBand
      ? `Moved into red (was ${bandLabel(row.previousBand)})`
      : 'Moved into red (no score a week ago)';
  }
  if (row.previousBand && row.previousBand !== row.band) {
    return `Was ${bandLabel(row.previousBand)}`;
  }
  return '';
}

/**
 * Describes the days to the renewal date.
 * @param days Days from the as-of date to the renewal date, negative when it has passed, or null.
 * @returns `Today`, `1 day`, `45 days`, `12 days ago`, or `No renewal date`.
 */
export function describeRenewal(days: number | null | undefined): string {
  if (isMissing(days)) {
    return 'No renewal date';
  }
  if (days === 0) {
    return 'Today';
  }
  const count = Math.abs(days);
  const unit = count === 1 ? 'day' : 'days';
  return days > 0 ? `${count} ${unit}` : `${count} ${unit} ago`;
}

function countText(value: number | null | undefined, formatters: Formatters): string {
  return formatters.count.format(value ?? 0);
}

function tileClass(base: string, pressed: boolean): string {
  return pressed ? `tile ${base} tile_pressed` : `tile ${base}`;
}

function pressedValue(pressed: boolean): 'true' | 'false' {
  return pressed ? 'true' : 'false';
}

/** Returns the noun after a count: `account` for one, `accounts` otherwise. */
function accountsNoun(count: number | null | undefined): string {
  return count === 1 ? 'account' : 'accounts';
}

/** Turns "have ..." into "has ..." for a count of one. */
function agree(count: number | null | undefined, text: string): string {
  return count === 1 ? text.replace(/^have /, 'has ') : text;
}

/**
 * Builds the band tiles, which count the scored accounts of the owner and segment filters and filter by band.
 * @param portfolio The dashboard.
 * @param formatters Number formats of the response.
 * @param state Filters the tiles reflect.
 * @returns One tile per band, red first.
 */
export function buildBandTiles(portfolio: Portfolio, formatters: Formatters, state: TileState): SummaryTile[] {
  const counts = portfolio.bandCounts;
  const values: Record<string, number | null | undefined> = {
    Red: counts?.red,
    Yellow: counts?.yellow,
    Green: counts?.green,
    Insufficient: counts?.insufficient
  };
  return BANDS.map((band) => {
    const label = bandLabel(band);
    const count = values[band] ?? 0;
    const value = countText(count, formatters);
    const pressed = state.band === band;
    const disabled = count === 0 && !pressed;
    const description = disabled
      ? `No account ${BOOK_SCOPE} ${BAND_PHRASES[band]}, so there is nothing to list.`
      : `${value} ${label.toLowerCase()} ${accountsNoun(count)} ${BOOK_SCOPE}. Show only the ${label.toLowerCase()} accounts.`;
    return {
      key: `band-${band.toLowerCase()}`,
      label,
      value,
      description,
      className: tileClass(`tile_${band.toLowerCase()}`, pressed),
      pressed: pressedValue(pressed),
      disabled: pressedValue(disabled),
      action: { kind: 'band', band }
    };
  });
}

/**
 * Builds the ARR tiles: the ARR of the red accounts in your book, and of the accounts in your book with an open
 * critical or high risk. The second tile filters the listed accounts, so it is disabled when none of them has such a
 * risk.
 * @param portfolio The dashboard.
 * @param formatters Number formats of the response.
 * @param state Filters the tiles reflect.
 * @param listedSevereCount Listed accounts with an open critical or high risk.
 * @returns The two tiles.
 */
export function buildArrTiles(
  portfolio: Portfolio,
  formatters: Formatters,
  state: TileState,
  listedSevereCount: number
): SummaryTile[] {
  const redArr = formatMoney(portfolio.redArr ?? 0, formatters);
  const severeArr = formatMoney(portfolio.severeRiskArr ?? 0, formatters);
  const severeCount = countText(portfolio.severeRiskCount, formatters);
  const severeAccounts = `${severeCount} ${accountsNoun(portfolio.severeRiskCount)} ${BOOK_SCOPE}`;
  const redPressed = state.band === 'Red';
  const severePressed = state.quickFilter === 'severeRisk';
  const redDisabled = (portfolio.bandCounts?.red ?? 0) === 0 && !redPressed;
  const severeDisabled = listedSevereCount === 0 && !severePressed;
  return [
    {
      key: 'arr-red',
      label: `Red ARR ${BOOK_SCOPE}`,
      value: redArr,
      description: redDisabled
        ? `No account ${BOOK_SCOPE} is red, so there is nothing to list.`
        : `${redArr} of ARR in red accounts ${BOOK_SCOPE}. Show only the red accounts.`,
      className: tileClass('tile_arr', redPressed),
      pressed: pressedValue(redPressed),
      disabled: pressedValue(redDisabled),
      action: { kind: 'band', band: 'Red' }
    },
    {
      key: 'arr-severe',
      label: `ARR with open critical or high risks (${severeAccounts})`,
      value: severeArr,
      description: severeDisabled
        ? `${severeArr} of ARR in ${severeAccounts} with an open critical or high risk. ` +
          'No listed account has such a risk, so there is nothing to list.'
        : `${severeArr} of ARR in ${severeAccounts} with an open critical or high risk. ` +
          'Show only the listed accounts with such a risk.',
      className: tileClass('tile_arr', severePressed),
      pressed: pressedValue(severePressed),
      disabled: pressedValue(severeDisabled),
      action: { kind: 'quickFilter', filter: 'severeRisk' }
    }
  ];
}

/**
 * Builds the attention tiles, which count the listed accounts and filter the list by their flag.
 * @param portfolio The dashboard.
 * @param formatters Number formats of the response.
 * @param state Filters the tiles reflect.
 * @returns Moved into red, renewal call disagreements, overdue check-ins and stale plans.
 */
export function buildAttentionTiles(portfolio: Portfolio, formatters: Formatters, state: TileState): SummaryTile[] {
  const tile = (
    key: string,
    label: string,
    count: number | null | undefined,
    countedText: string,
    pressed: boolean,
    action: TileAction
  ): SummaryTile => {
    const value = countText(count, formatters);
    // Moved into red is a filter of the query, which can find accounts beyond the listed ones when rows were left out.
    const disabled = (count ?? 0) === 0 && !pressed && !(action.kind === 'moved' && portfolio.hasMore === true);
    return {
      key,
      label,
      value,
      description: disabled
        ? `No listed account ${agree(1, countedText)}, so there is nothing to list.`
        : `${value} listed ${accountsNoun(count)} ${agree(count, countedText)}. Show only those accounts.`,
      className: tileClass('tile_attention', pressed),
      pressed: pressedValue(pressed),
      disabled: pressedValue(disabled),
      action
    };
  };
  return [
    tile(
      'moved',
      'Moved into red this week',
      portfolio.movedIntoRedCount,
      'moved into red this week',
      state.movedIntoRedOnly,
      { kind: 'moved' }
    ),
    tile(
      'disagreement',
      'Renewal call disagrees',
      portfolio.disagreementCount,
      "have a renewal call that disagrees with the account's health",
      state.quickFilter === 'disagreement',
      { kind: 'quickFilter', filter: 'disagreement' }
    ),
    tile(
      'overdue-check-in',
      'Overdue check-ins',
      portfolio.overdueCheckInCount,
      'have an overdue risk check-in',
      state.quickFilter === 'overdueCheckIn',
      { kind: 'quickFilter', filter: 'overdueCheckIn' }
    ),
    tile(
      'stale-plan',
      'Stale plans',
      portfolio.stalePlanCount,
      'have a success plan whose review is overdue',
      state.quickFilter === 'stalePlan',
      { kind: 'quickFilter', filter: 'stalePlan' }
    )
  ];
}

/**
 * Builds the band distribution bar: one part per band with accounts, as wide as its share of the scored accounts.
 * @param portfolio The dashboard.
 * @param formatters Number formats of the response.
 * @returns The bar and its description, such as `Health bands of 40 scored accounts: 10 red (25%), ...`.
 */
export function buildBandBar(portfolio: Portfolio, formatters: Formatters): BandBar {
  const counts = portfolio.bandCounts;
  const values: Record<string, number> = {
    Red: counts?.red ?? 0,
    Yellow: counts?.yellow ?? 0,
    Green: counts?.green ?? 0,
    Insufficient: counts?.insufficient ?? 0
  };
  const total = BANDS.reduce((sum, band) => sum + values[band], 0);
  if (total === 0) {
    return { label: 'Health bands: no scored accounts.', segments: [] };
  }
  const parts: string[] = [];
  const segments: BarSegment[] = [];
  for (const band of BANDS) {
    const count = values[band];
    const share = (count / total) * 100;
    parts.push(`${formatters.count.format(count)} ${bandLabel(band).toLowerCase()} (${Math.round(share)}%)`);
    if (count > 0) {
      segments.push({
        key: band,
        className: `bar-part bar-part_${band.toLowerCase()}`,
        style: `width: ${round(share, 3)}%`
      });
    }
  }
  return {
    label: `Health bands of ${formatters.count.format(total)} scored accounts: ${parts.join(', ')}.`,
    segments
  };
}

/**
 * Builds the list of ARR at risk per owner, in the server's order (largest first).
 * @param risks Owners with red accounts.
 * @param formatters Number formats of the response.
 * @returns One entry per owner.
 */
export function buildOwnerRisks(risks: OwnerRisk[] | null, formatters: Formatters): OwnerRiskRow[] {
  return (risks ?? [])
    .filter((risk): risk is OwnerRisk & { ownerId: string } => Boolean(risk.ownerId))
    .map((risk) => {
      const ownerName = risk.ownerName ?? risk.ownerId;
      return {
        key: risk.ownerId,
        ownerId: risk.ownerId,
        ownerName,
        filterTitle: `Show only the accounts of ${ownerName}`,
        redCountText: formatters.count.format(risk.redCount ?? 0),
        redArrText: formatMoney(risk.redArr ?? 0, formatters)
      };
    });
}

/**
 * Builds the options of the CSM filter.
 * @param owners Owners of the dashboard, in the server's order (by name).
 * @returns `All CSMs` followed by one option per owner.
 */
export function buildOwnerOptions(owners: OwnerOption[] | null): Option[] {
  const options: Option[] = [{ label: 'All CSMs', value: ALL }];
  for (const owner of owners ?? []) {
    if (owner.ownerId) {
      options.push({ label: owner.ownerName ?? owner.ownerId, value: owner.ownerId });
    }
  }
  return options;
}

/**
 * Builds the options of the segment filter.
 * @param segments Segments of the dashboard, in the server's order.
 * @returns `All segments` followed by one option per segment.
 */
export function buildSegmentOptions(segments: string[] | null): Option[] {
  return [
    { label: 'All segments', value: ALL },
    ...(segments ?? [])
      .filter((segment) => segment.trim() !== '')
      .map((segment) => ({ label: segment, value: segment }))
  ];
}

/**
 * Returns the options of the band filter.
 * @returns `All bands` followed by the four bands, riskiest first.
 */
export function buildBandOptions(): Option[] {
  return [{ label: 'All bands', value: ALL }, ...BANDS.map((band) => ({ label: bandLabel(band), value: band }))];
}

/**
 * Returns the options of the renewal filter; their values are whole days as text.
 * @returns `Any renewal date` followed by one option per renewal window.
 */
export function buildRenewalOptions(): Option[] {
  return [
    { label: 'Any renewal date', value: ALL },
    ...RENEWAL_WINDOWS.map((days) => ({ label: `Next ${days} days`, value: String(days) }))
  ];
}

/**
 * Describes which accounts the tiles count: the band and ARR tiles count your book, the scored accounts of the CSM
 * and segment filters, and the attention tiles count the listed accounts.
 * @param ownerName Name of the CSM of the filter, or an empty string for every CSM.
 * @param segment Segment of the filter, or an empty string for every segment.
 * @returns One sentence.
 */
export function describeTileScope(ownerName: string, segment: string): string {
  let book = 'every scored account you can see';
  if (ownerName !== '' && segment !== '') {
    book = `the scored accounts of ${ownerName} in the ${segment} segment`;
  } else if (ownerName !== '') {
    book = `the scored accounts of ${ownerName}`;
  } else if (segment !== '') {
    book = `the scored accounts in the ${segment} segment`;
  }
  return (
    `Health bands and ARR at risk count your book: ${book}, whatever the band, renewal and moved-into-red ` +
    'filters. Needs attention counts the listed accounts.'
  );
}

/**
 * Describes how many accounts are listed, and what to do when accounts were left out.
 * @param portfolio The dashboard.
 * @param formatters Number formats of the response.
 * @returns One or two sentences.
 */
export function describeRows(portfolio: Portfolio, formatters: Formatters): string {
  const shownCount = portfolio.rows?.length ?? 0;
  const shownText = formatters.count.format(shownCount);
  const noun = shownCount === 1 ? 'account' : 'accounts';
  if (!portfolio.hasMore) {
    return `${shownText} ${noun} listed.`;
  }
  const matching = portfolio.matchingCount;
  const of = isMissing(matching) ? '' : ` of ${formatters.count.format(matching)}`;
  return `Listing the ${shownText} riskiest ${noun}${of}. Filter by CSM, segment or band to see the others.`;
}

/** Sentence of each quick filter, after the number of accounts. */
const QUICK_FILTER_TEXT: Readonly<Record<string, string>> = {
  disagreement: "have a renewal call that disagrees with the account's health",
  overdueCheckIn: 'have an overdue risk check-in',
  stalePlan: 'have a stale success plan',
  severeRisk: 'have an open critical or high risk'
};

/**
 * Describes the quick filter in force.
 * @param quickFilter Flag the table keeps, or an empty string.
 * @param matchCount Listed accounts with that flag.
 * @param listedCount Listed accounts.
 * @param formatters Number formats of the response.
 * @returns A sentence such as `3 of 40 listed accounts have an overdue risk check-in.`; empty without a quick filter.
 */
export function describeQuickFilter(
  quickFilter: string,
  matchCount: number,
  listedCount: number,
  formatters: Formatters
): string {
  const text = QUICK_FILTER_TEXT[quickFilter];
  if (!text) {
    return '';
  }
  const verb = matchCount === 1 ? text.replace(/^have /, 'has ') : text;
  return `${formatters.count.format(matchCount)} of ${formatters.count.format(listedCount)} listed accounts ${verb}.`;
}

/**
 * Describes the page shown, for the page controls' live region.
 * @param page Page index (zero-based), page count and the numbers of the first and last row shown.
 * @param matchCount Rows that pass the quick filter.
 * @param formatters Number formats of the response.
 * @returns A sentence such as `Page 2 of 40, accounts 51 to 100 of 1,987.`
 */
export function describePage(
  page: { pageIndex: number; pageCount: number; firstRowNumber: number; lastRowNumber: number },
  matchCount: number,
  formatters: Formatters
): string {
  const count = (value: number): string => formatters.count.format(value);
  return (
    `Page ${count(page.pageIndex + 1)} of ${count(page.pageCount)}, accounts ${count(page.firstRowNumber)} to ` +
    `${count(page.lastRowNumber)} of ${count(matchCount)}.`
  );
}

/**
 * Describes the comparison behind "moved into red".
 * @param portfolio The dashboard.
 * @returns A sentence, or an empty string without a comparison day.
 */
export function describeComparison(portfolio: Portfolio): string {
  const comparedWith = portfolio.comparedWith;
  if (!comparedWith) {
    return '';
  }
  const asOf = portfolio.asOf ?? '';
  return `Scores as of ${asOf}. "Moved into red" compares with the latest score on or before ${comparedWith}.`;
}
