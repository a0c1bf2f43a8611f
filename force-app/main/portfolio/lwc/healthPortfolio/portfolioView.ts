/**
 * Pure functions that turn the portfolio of HealthPortfolioController into what the healthPortfolio template shows:
 * summary tiles, the ARR at risk per owner, the filter options and one flat object per table row. Everything is
 * computed once per response, so that rendering 2,000 rows does no work per row beyond reading fields.
 */

type Portfolio = ApexTypes.HealthPortfolioController_Portfolio;
type AccountRow = ApexTypes.HealthPortfolioController_AccountRow;
type OwnerRisk = ApexTypes.HealthPortfolioController_OwnerRisk;
type OwnerOption = ApexTypes.HealthPortfolioController_OwnerOption;

/** Start of the Apex messages of access failures (HealthPortfolioService.ACCESS_DENIED_PREFIX). */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

/** Maximum number of rows the component requests (HealthPortfolioService.MAX_ROWS). */
export const MAX_ROWS = 2000;

/** Value of the band and owner filters that selects everything, because Apex treats a blank filter as none. */
export const ALL = '';

const RED = 'Red';
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

/** One table row, with every text already formatted. */
export interface PortfolioRow {
  key: string;
  accountName: string;
  url: string;
  ownerName: string;
  arrText: string;
  scoreText: string;
  bandText: string;
  bandClass: string;
  changeText: string;
  coverageText: string;
  trendText: string;
  topReason: string;
  rowClass: string;
}

/** One summary tile. */
export interface SummaryTile {
  key: string;
  label: string;
  value: string;
  className: string;
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

/** Everything the template shows for one response. */
export interface PortfolioView {
  rows: PortfolioRow[];
  tiles: SummaryTile[];
  ownerRisks: OwnerRiskRow[];
  ownerOptions: Option[];
  hasRows: boolean;
  hasOwnerRisks: boolean;
  isEmpty: boolean;
  rowsText: string;
  movedText: string;
  comparisonText: string;
}

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
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
  return value === null || value === undefined || Number.isNaN(value) ? '' : formatters.money.format(value);
}

/**
 * Formats a score with at most one decimal place, such as `72.4` or `64`.
 * @param value Score, or null when there is none.
 * @returns The text, or `n/a` without a score.
 */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? 'n/a' : String(round(value, 1));
}

/**
 * Formats a share from 0 to 1 as a whole percentage, such as `62%`.
 * @param share Share from 0 to 1, or null when unknown.
 * @returns The percentage text, or `n/a`.
 */
export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined || Number.isNaN(share) ? 'n/a' : `${Math.round(share * 100)}%`;
}

/**
 * Returns the label of a band, such as `Insufficient data` for Insufficient.
 * @param band Band value.
 * @returns The label; the value itself when it is not a known band.
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
  if (slopePerWeek === null || slopePerWeek === undefined || Number.isNaN(slopePerWeek)) {
    return trend;
  }
  const rounded = round(slopePerWeek, 1);
  const signed = rounded > 0 ? `+${rounded}` : String(rounded);
  return `${trend}, ${signed} a week`;
}

/**
 * Describes how the band changed in the last week.
 * @param row Row of the portfolio.
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
 * Returns the Lightning Experience URL of an account's record page.
 * @param accountId Id of the account.
 * @returns The relative URL.
 */
export function recordUrl(accountId: string): string {
  return `/lightning/r/Account/${encodeURIComponent(accountId)}/view`;
}

/**
 * Builds the table rows in the order given, which is the server's risk order.
 * @param rows Rows of the portfolio.
 * @param formatters Number formats of the response.
 * @returns One flat object per row.
 */
export function buildRows(rows: AccountRow[] | null, formatters: Formatters): PortfolioRow[] {
  const source = rows ?? [];
  const result: PortfolioRow[] = new Array<PortfolioRow>(source.length);
  for (let index = 0; index < source.length; index++) {
    const row = source[index];
    const accountId = row.accountId ?? '';
    result[index] = {
      key: accountId || `row-${index}`,
      accountName: row.accountName ?? '',
      url: accountId ? recordUrl(accountId) : '',
      ownerName: row.ownerName ?? '',
      arrText: formatMoney(row.arr, formatters),
      scoreText: formatScore(row.score),
      bandText: bandLabel(row.band),
      bandClass: bandBadgeClass(row.band),
      changeText: describeBandChange(row),
      coverageText: formatPercent(row.coverage),
      trendText: describeTrend(row.trend, row.trendSlope),
      topReason: row.topReason ?? '',
      rowClass: row.movedIntoRed ? 'grid-row account-row row_moved' : 'grid-row account-row'
    };
  }
  return result;
}

/**
 * Builds the summary tiles: the count of each band and the ARR at risk.
 * @param portfolio The portfolio.
 * @param formatters Number formats of the response.
 * @returns The tiles, red first.
 */
export function buildTiles(portfolio: Portfolio, formatters: Formatters): SummaryTile[] {
  const counts = portfolio.bandCounts;
  const count = (value: number | null | undefined): string => formatters.count.format(value ?? 0);
  return [
    { key: 'red', label: 'Red', value: count(counts?.red), className: 'tile tile_red' },
    { key: 'yellow', label: 'Yellow', value: count(counts?.yellow), className: 'tile tile_yellow' },
    { key: 'green', label: 'Green', value: count(counts?.green), className: 'tile tile_green' },
    {
      key: 'insufficient',
      label: 'Insufficient data',
      value: count(counts?.insufficient),
      className: 'tile tile_insufficient'
    },
    {
      key: 'arr-at-risk',
      label: 'ARR at risk (red accounts)',
      value: formatMoney(portfolio.redArr ?? 0, formatters),
      className: 'tile tile_arr'
    }
  ];
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
 * Builds the options of the owner filter.
 * @param owners Owners of the portfolio, in the server's order (by name).
 * @returns `All owners` followed by one option per owner.
 */
export function buildOwnerOptions(owners: OwnerOption[] | null): Option[] {
  const options: Option[] = [{ label: 'All owners', value: ALL }];
  for (const owner of owners ?? []) {
    if (owner.ownerId) {
      options.push({ label: owner.ownerName ?? owner.ownerId, value: owner.ownerId });
    }
  }
  return options;
}

/**
 * Returns the options of the band filter.
 * @returns `All bands` followed by the four bands, riskiest first.
 */
export function buildBandOptions(): Option[] {
  return [
    { label: 'All bands', value: ALL },
    { label: 'Red', value: 'Red' },
    { label: 'Yellow', value: 'Yellow' },
    { label: 'Green', value: 'Green' },
    { label: 'Insufficient data', value: 'Insufficient' }
  ];
}

/**
 * Describes how many rows are shown, and what to do when rows were left out.
 * @param portfolio The portfolio.
 * @param shownCount Number of rows shown.
 * @param formatters Number formats of the response.
 * @returns One or two sentences.
 */
export function describeRows(portfolio: Portfolio, shownCount: number, formatters: Formatters): string {
  const shownText = formatters.count.format(shownCount);
  const noun = shownCount === 1 ? 'account' : 'accounts';
  if (!portfolio.hasMore) {
    return `${shownText} ${noun}, riskiest first.`;
  }
  const matching = portfolio.matchingCount;
  const of = matching === null || matching === undefined ? '' : ` of ${formatters.count.format(matching)}`;
  return `Showing the ${shownText} riskiest ${noun}${of}. Filter by band or owner to see the others.`;
}

/**
 * Counts the rows that moved into red.
 * @param rows Rows of the portfolio.
 * @returns The number of red rows with movedIntoRed.
 */
export function countMovedIntoRed(rows: AccountRow[] | null): number {
  return (rows ?? []).filter((row) => row.movedIntoRed === true && row.band === RED).length;
}

/**
 * Describes how many of the listed accounts moved into red.
 * @param moved Number of listed accounts that moved into red.
 * @param formatters Number formats of the response.
 * @returns A sentence, or an empty string when none moved.
 */
export function describeMoved(moved: number, formatters: Formatters): string {
  if (moved === 0) {
    return '';
  }
  return `${formatters.count.format(moved)} of the listed accounts moved into red this week.`;
}

/**
 * Builds everything the template shows for one response.
 * @param portfolio The portfolio.
 * @param locale Locale to format for; the browser's locale when undefined.
 * @returns The view.
 */
export function buildView(portfolio: Portfolio, locale?: string): PortfolioView {
  const formatters = createFormatters(portfolio.currencyCode, locale);
  const rows = buildRows(portfolio.rows, formatters);
  const ownerRisks = buildOwnerRisks(portfolio.ownerRisks, formatters);
  const comparedWith = portfolio.comparedWith;
  return {
    rows,
    tiles: buildTiles(portfolio, formatters),
    ownerRisks,
    ownerOptions: buildOwnerOptions(portfolio.owners),
    hasRows: rows.length > 0,
    hasOwnerRisks: ownerRisks.length > 0,
    isEmpty: (portfolio.owners ?? []).length === 0,
    rowsText: describeRows(portfolio, rows.length, formatters),
    movedText: describeMoved(countMovedIntoRed(portfolio.rows), formatters),
    comparisonText: comparedWith
      ? `Scores as of ${portfolio.asOf ?? ''}. "Moved into red" compares with the latest score on or before ${comparedWith}.`
      : ''
  };
}
