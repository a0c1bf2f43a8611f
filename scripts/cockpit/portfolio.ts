/**
 * HealthPortfolioController offline: the at-risk portfolio with the same filters, checks, messages and order as
 * HealthPortfolioService, from the scored export. The band a week ago is last week's evaluation, which stands in
 * for the snapshot the org would have stored then.
 */
import { roundTo } from 'c/healthEngine';
import { ApexError } from './apexErrors';
import type { AccountState, CockpitData } from './data';
import { shiftDate } from '../lib/score/portfolio';
import { scoredAtOf } from './records';
import type { CockpitUser } from './users';

type Portfolio = ApexTypes.HealthPortfolioController_Portfolio;
type AccountRow = ApexTypes.HealthPortfolioController_AccountRow;
type OwnerRisk = ApexTypes.HealthPortfolioController_OwnerRisk;
type OwnerOption = ApexTypes.HealthPortfolioController_OwnerOption;

/** Most rows one call returns, as HealthPortfolioService.MAX_ROWS. */
export const MAX_ROWS = 2000;
/** Days back that "moved into red this week" compares with. */
export const COMPARISON_DAYS = 7;

const BAND_ORDER = ['Red', 'Yellow', 'Green', 'Insufficient'];
const TREND_ORDER = ['Declining', 'Stable', 'Improving', 'Unknown'];
const ACCESS_DENIED_PREFIX = 'Access denied: ';
const PERMISSION_SET_HINT =
  'Ask your admin to assign you the Success Cockpit Manager permission set, or Success Cockpit User for the ' +
  'accounts shared with you.';

/** Data and user of getPortfolio. */
export interface PortfolioContext {
  data: CockpitData;
  user: CockpitUser;
}

/** Parameters of getPortfolio after conversion to the Apex types. */
export interface PortfolioRequest {
  band: string | null;
  ownerId: string | null;
  movedIntoRedOnly: boolean | null;
  maxRows: number | null;
}

function normalizeBand(band: string | null): string | null {
  if (band === null || band.trim() === '') {
    return null;
  }
  const known = BAND_ORDER.find((value) => value.toLowerCase() === band.trim().toLowerCase());
  if (known === undefined) {
    throw new ApexError(
      `Band "${band}" is not a health band. Send Red, Yellow, Green or Insufficient, or leave it empty for all bands.`
    );
  }
  return known;
}

function normalizeOwnerId(ownerId: string | null): string | null {
  if (ownerId === null || ownerId.trim() === '') {
    return null;
  }
  const nextStep = ' Send the Id of a user from the owners of the portfolio, or leave it empty for all owners.';
  const trimmed = ownerId.trim();
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(trimmed)) {
    throw new ApexError(`Owner Id "${ownerId}" is not a valid record Id.${nextStep}`);
  }
  if (!trimmed.startsWith('005')) {
    throw new ApexError(`Owner Id ${trimmed} is not the Id of a user.${nextStep}`);
  }
  return trimmed.slice(0, 15);
}

function normalizeMaxRows(maxRows: number | null): number {
  if (maxRows === null) {
    return MAX_ROWS;
  }
  if (maxRows < 1 || maxRows > MAX_ROWS) {
    throw new ApexError(
      `Maximum rows ${maxRows} is outside 1 to ${MAX_ROWS}. Send a number from 1 to ${MAX_ROWS}, or leave it empty ` +
        `for ${MAX_ROWS}.`
    );
  }
  return maxRows;
}

/** Band as Account.HealthBand__c stores it; null for an account that was not scored. */
function bandOf(state: AccountState): string | null {
  return state.health ? state.health.band : null;
}

function rankOf(order: string[], value: string | null): number {
  const index = value === null ? -1 : order.indexOf(value);
  return index < 0 ? order.length : index;
}

function compareText(left: string | null, right: string | null): number {
  const a = (left ?? '').toLowerCase();
  const b = (right ?? '').toLowerCase();
  return a === b ? 0 : a < b ? -1 : 1;
}

function compareScores(left: number | null, right: number | null): number {
  if (left === right) {
    return 0;
  }
  if (left === null) {
    return 1;
  }
  if (right === null) {
    return -1;
  }
  return left < right ? -1 : 1;
}

/** Orders rows by risk as HealthPortfolioService.RiskOrder does. */
export function compareRows(left: AccountRow, right: AccountRow): number {
  return (
    rankOf(BAND_ORDER, left.band) - rankOf(BAND_ORDER, right.band) ||
    compareScores(left.score, right.score) ||
    rankOf(TREND_ORDER, left.trend) - rankOf(TREND_ORDER, right.trend) ||
    compareText(left.accountName, right.accountName) ||
    compareText(left.accountId, right.accountId)
  );
}

function toRow(state: AccountState, asOf: string): AccountRow {
  const health = state.health;
  const band = bandOf(state);
  const previousBand = state.lastWeek?.band ?? null;
  return {
    accountId: state.signals.accountId,
    accountName: state.signals.accountName,
    ownerId: state.info?.ownerId ?? null,
    ownerName: state.info?.ownerName ?? null,
    arr: state.info?.arr ?? null,
    score: health?.score === null || health?.score === undefined ? null : roundTo(health.score, 2),
    band,
    previousBand,
    previousAsOf: state.lastWeek?.asOf ?? null,
    movedIntoRed: band === 'Red' && previousBand !== 'Red',
    // The Percent field stores 80 for 80%; the component works with shares from 0 to 1.
    coverage: health ? roundTo(roundTo(health.coverage * 100, 2) / 100, 4) : null,
    trend: health?.trend.direction ?? 'Unknown',
    trendSlope: health?.trend.slopePerWeek === null || !health ? null : roundTo(health.trend.slopePerWeek, 2),
    topReason: health?.topReason ?? null,
    scoredAt: health ? scoredAtOf(asOf) : null
  };
}

/**
 * HealthPortfolioController.getPortfolio.
 * @param context Scored export and user.
 * @param request Band, owner, moved-into-red filter and row limit.
 * @throws ApexError with the service's messages for bad input and missing access.
 */
export function getPortfolio(context: PortfolioContext, request: PortfolioRequest): Portfolio {
  const bandFilter = normalizeBand(request.band);
  const ownerFilter = normalizeOwnerId(request.ownerId);
  const rowLimit = normalizeMaxRows(request.maxRows);
  const movedOnly = request.movedIntoRedOnly === true;
  if (!context.user.canReadHealth) {
    throw new ApexError(
      `${ACCESS_DENIED_PREFIX}you cannot read the health score and band of accounts. ${PERMISSION_SET_HINT}`
    );
  }

  const asOf = context.data.asOf;
  const scored = context.data.accountsByRisk().filter((state) => bandOf(state) !== null);
  const ownerKey = (state: AccountState): string => (state.info?.ownerId ?? '').slice(0, 15);

  const counts = { red: 0, yellow: 0, green: 0, insufficient: 0, total: 0 };
  let redArr = 0;
  const owners = new Map<string, OwnerOption>();
  const risks = new Map<string, OwnerRisk>();
  for (const state of scored) {
    const ownerId = state.info?.ownerId ?? null;
    if (!owners.has(ownerKey(state))) {
      owners.set(ownerKey(state), { ownerId, ownerName: state.info?.ownerName ?? null });
    }
    if (ownerFilter !== null && ownerKey(state) !== ownerFilter) {
      continue;
    }
    counts.total++;
    const band = bandOf(state);
    if (band === 'Red') {
      counts.red++;
      const arr = state.info?.arr ?? 0;
      redArr += arr;
      const risk = risks.get(ownerKey(state)) ?? {
        ownerId,
        ownerName: state.info?.ownerName ?? null,
        redArr: 0,
        redCount: 0
      };
      risk.redArr = (risk.redArr ?? 0) + arr;
      risk.redCount = (risk.redCount ?? 0) + 1;
      risks.set(ownerKey(state), risk);
    } else if (band === 'Yellow') {
      counts.yellow++;
    } else if (band === 'Green') {
      counts.green++;
    } else if (band === 'Insufficient') {
      counts.insufficient++;
    }
  }

  const bands = new Set(bandFilter === null ? BAND_ORDER : [bandFilter]);
  const matching = scored
    .filter((state) => ownerFilter === null || ownerKey(state) === ownerFilter)
    .filter((state) => bands.has(bandOf(state) as string))
    .map((state) => toRow(state, asOf))
    .filter((row) => !movedOnly || row.movedIntoRed)
    .sort(compareRows);

  const matchingCount = movedOnly
    ? null
    : bandFilter === null
      ? counts.total
      : counts[bandFilter.toLowerCase() as 'red' | 'yellow' | 'green' | 'insufficient'];
  return {
    asOf,
    comparedWith: shiftDate(asOf, -COMPARISON_DAYS),
    currencyCode: 'USD',
    rows: matching.slice(0, rowLimit),
    maxRows: rowLimit,
    hasMore: matching.length > rowLimit,
    matchingCount,
    bandCounts: counts,
    redArr,
    ownerRisks: [...risks.values()].sort(
      (a, b) =>
        (b.redArr ?? 0) - (a.redArr ?? 0) ||
        (b.redCount ?? 0) - (a.redCount ?? 0) ||
        compareText(a.ownerName, b.ownerName) ||
        compareText(a.ownerId, b.ownerId)
    ),
    owners: [...owners.values()].sort(
      (a, b) => compareText(a.ownerName, b.ownerName) || compareText(a.ownerId, b.ownerId)
    )
  };
}
