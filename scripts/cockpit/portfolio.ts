/**
 * HealthPortfolioController offline: the at-risk dashboard with the same filters, checks, messages, order and flags as
 * HealthPortfolioService, from the scored export and the change store. The band a week ago is last week's evaluation,
 * which replaces the snapshot the org would have stored then.
 *
 * Each flag reads its records where the component that shows them reads them, so the two agree. The renewal date and
 * the renewal call disagreements come from the renewal countdown (renewalCountdown.ts), the open risks from the risk
 * register (riskRegister.ts) and the Active plans from the success plans (successPlan.ts). Every date is compared with
 * the export's scoring date, as those components do.
 */
import { daysBetween, roundTo } from 'c/healthEngine';
import type { PlanRecord } from 'c/planEngine';
import { ApexError } from './apexErrors';
import type { AccountState, CockpitData } from './data';
import { shiftDate } from '../lib/score/portfolio';
import { scoredAtOf } from './records';
import { getCountdown } from './renewalCountdown';
import { ACTIVE_STATUSES, risksOf } from './riskRegister';
import type { CockpitStore } from './store';
import { plansOf } from './successPlan';
import type { CockpitUser } from './users';

type Portfolio = ApexTypes.HealthPortfolioController_Portfolio;
type AccountRow = ApexTypes.HealthPortfolioController_AccountRow;
type OwnerRisk = ApexTypes.HealthPortfolioController_OwnerRisk;
type OwnerOption = ApexTypes.HealthPortfolioController_OwnerOption;

/** Most rows one call returns, as HealthPortfolioService.MAX_ROWS. */
export const MAX_ROWS = 2000;
/** Days back that "moved into red this week" compares with. */
export const COMPARISON_DAYS = 7;
/** Maximum renewal window in days, as HealthPortfolioService.MAX_RENEWAL_WINDOW_DAYS. */
export const MAX_RENEWAL_WINDOW_DAYS = 365;
/** Maximum length of a segment filter, as HealthPortfolioService.MAX_SEGMENT_LENGTH. */
export const MAX_SEGMENT_LENGTH = 255;
/** Review cadence of a plan without one, as HealthPortfolioService.DEFAULT_REVIEW_CADENCE_DAYS. */
export const DEFAULT_REVIEW_CADENCE_DAYS = 30;
/** Severities of a severe risk, as HealthPortfolioService.SEVERE_RISK_SEVERITIES. */
export const SEVERE_RISK_SEVERITIES: readonly string[] = ['Critical', 'High'];

const BAND_ORDER = ['Red', 'Yellow', 'Green', 'Insufficient'];
const TREND_ORDER = ['Declining', 'Stable', 'Improving', 'Unknown'];
const ACCESS_DENIED_PREFIX = 'Access denied: ';
const PERMISSION_SET_HINT =
  'Ask your admin to assign you the Success Cockpit Manager permission set, or Success Cockpit User for the ' +
  'accounts shared with you.';

/** Data, store, user and clock of getPortfolio. */
export interface PortfolioContext {
  data: CockpitData;
  store: CockpitStore;
  user: CockpitUser;
  today: () => string;
  now: () => Date;
}

/** Parameters of getPortfolio after conversion to the Apex types. */
export interface PortfolioRequest {
  band: string | null;
  ownerId: string | null;
  segment: string | null;
  renewalWindowDays: number | null;
  movedIntoRedOnly: boolean | null;
  maxRows: number | null;
}

/** Filters of one call after validation. */
interface Filters {
  band: string | null;
  /** 15-character owner Id, or null for every owner. */
  ownerKey: string | null;
  segment: string | null;
  renewalWindowDays: number | null;
  movedIntoRedOnly: boolean;
  rowLimit: number;
}

/** Flags of one account, as HealthPortfolioService.readFlags computes them. */
interface AccountFlags {
  hasDisagreement: boolean;
  hasOverdueCheckIn: boolean;
  hasSevereRisk: boolean;
  hasStalePlan: boolean;
  renewalDate: string | null;
  daysToRenewal: number | null;
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
  const nextStep = ' Send the Id of a user from the owners of the dashboard, or leave it empty for all owners.';
  const trimmed = ownerId.trim();
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(trimmed)) {
    throw new ApexError(`Owner Id "${ownerId}" is not a valid record Id.${nextStep}`);
  }
  if (!trimmed.startsWith('005')) {
    throw new ApexError(`Owner Id ${trimmed} is not the Id of a user.${nextStep}`);
  }
  return trimmed.slice(0, 15);
}

/** Shortens text to a maximum length with a trailing ellipsis, as Apex String.abbreviate does. */
function abbreviate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 3)}...`;
}

function normalizeSegment(segment: string | null): string | null {
  if (segment === null || segment.trim() === '') {
    return null;
  }
  const trimmed = segment.trim();
  if (trimmed.length > MAX_SEGMENT_LENGTH) {
    throw new ApexError(
      `Segment "${abbreviate(trimmed, 40)}" is ${trimmed.length} characters long, more than the ` +
        `${MAX_SEGMENT_LENGTH} a segment can have. Send a segment from the list of the dashboard, or leave it empty ` +
        'for all segments.'
    );
  }
  return trimmed;
}

function normalizeRenewalWindow(days: number | null): number | null {
  if (days === null) {
    return null;
  }
  if (days < 1 || days > MAX_RENEWAL_WINDOW_DAYS) {
    throw new ApexError(
      `Renewal window ${days} days is outside 1 to ${MAX_RENEWAL_WINDOW_DAYS}. Send a number of days such as 90, ` +
        '180 or 365, or leave it empty for every renewal date.'
    );
  }
  return days;
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

/** Checks the same object access as HealthPortfolioService.requireReadAccess, in the same order. */
function requireReadAccess(user: CockpitUser): void {
  const denied = (records: string): never => {
    throw new ApexError(`${ACCESS_DENIED_PREFIX}you cannot read ${records}. ${PERMISSION_SET_HINT}`);
  };
  if (!user.canReadHealth) {
    denied(`Health Snapshot records, which tell how the bands changed in the last ${COMPARISON_DAYS} days`);
  }
  if (!user.canReadPlans) {
    denied('Renewal Checkpoint records, which give the renewal call disagreements');
  }
}

/** Band as Account.HealthBand__c stores it; null for an account that was not scored. */
function bandOf(state: AccountState): string | null {
  return state.health ? state.health.band : null;
}

function ownerKeyOf(state: AccountState): string {
  return (state.info?.ownerId ?? '').slice(0, 15);
}

function isInScope(state: AccountState, filters: Filters): boolean {
  const segment = state.info?.segment ?? '';
  return (
    (filters.ownerKey === null || ownerKeyOf(state) === filters.ownerKey) &&
    (filters.segment === null || segment.toLowerCase() === filters.segment.toLowerCase())
  );
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

/** Returns true when an Open or Mitigating risk of the account has severity Critical or High. */
function hasSevereRisk(context: PortfolioContext, state: AccountState): boolean {
  return risksOf(context, state).some(
    (risk) => ACTIVE_STATUSES.includes(risk.status) && SEVERE_RISK_SEVERITIES.includes(risk.severity)
  );
}

/**
 * Tells whether an Active plan is stale on a day, as HealthPortfolioService.isStale does. A plan changed in the
 * cockpit was last modified at its change time. NOTE: the export's SuccessPlan__c.csv has no LastModifiedDate, so a
 * plan of the export without a review date counts as last modified on its start date, and without a start date as
 * never modified, which makes it stale.
 * @param plan Plan of any status; only an Active plan can be stale.
 * @param changedAt ISO time the cockpit last changed the plan, or null for a plan of the export.
 * @param today Day to compare with, YYYY-MM-DD.
 */
export function isStalePlan(plan: PlanRecord, changedAt: string | null, today: string): boolean {
  if (plan.status !== 'Active') {
    return false;
  }
  if (plan.nextReview !== null) {
    return plan.nextReview < today;
  }
  const cadence =
    plan.reviewCadenceDays === null || plan.reviewCadenceDays < 1
      ? DEFAULT_REVIEW_CADENCE_DAYS
      : plan.reviewCadenceDays;
  // The org compares the GMT date of LastModifiedDate, and the store keeps ISO times in UTC.
  const lastModified = changedAt !== null ? changedAt.slice(0, 10) : plan.startDate;
  return lastModified === null || shiftDate(lastModified, cadence) < today;
}

function flagsOf(context: PortfolioContext, state: AccountState, changedAtById: Map<string, string>): AccountFlags {
  const today = context.data.asOf;
  const countdown = getCountdown(context, state.signals.accountId);
  const activeRisks = risksOf(context, state).filter((risk) => ACTIVE_STATUSES.includes(risk.status));
  return {
    hasDisagreement: countdown.hasDisagreement === true,
    hasOverdueCheckIn: activeRisks.some((risk) => risk.nextCheckIn !== null && risk.nextCheckIn < today),
    hasSevereRisk: activeRisks.some((risk) => SEVERE_RISK_SEVERITIES.includes(risk.severity)),
    hasStalePlan: plansOf(context.store, state).some((plan) =>
      isStalePlan(plan, changedAtById.get(plan.id) ?? null, today)
    ),
    renewalDate: countdown.renewalDate,
    daysToRenewal: countdown.renewalDate === null ? null : daysBetween(today, countdown.renewalDate)
  };
}

function toRow(state: AccountState, asOf: string, flags: AccountFlags): AccountRow {
  const health = state.health;
  const band = bandOf(state);
  const previousBand = state.lastWeek?.band ?? null;
  return {
    accountId: state.signals.accountId,
    accountName: state.signals.accountName,
    ownerId: state.info?.ownerId ?? null,
    ownerName: state.info?.ownerName ?? null,
    segment: state.info?.segment ?? null,
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
    scoredAt: health ? scoredAtOf(asOf) : null,
    renewalDate: flags.renewalDate,
    daysToRenewal: flags.daysToRenewal,
    hasDisagreement: flags.hasDisagreement,
    hasOverdueCheckIn: flags.hasOverdueCheckIn,
    hasStalePlan: flags.hasStalePlan,
    hasSevereRisk: flags.hasSevereRisk
  };
}

function matchesRowFilters(row: AccountRow, filters: Filters): boolean {
  if (filters.movedIntoRedOnly && !row.movedIntoRed) {
    return false;
  }
  if (filters.renewalWindowDays === null) {
    return true;
  }
  const days = row.daysToRenewal;
  return days !== null && days >= 0 && days <= filters.renewalWindowDays;
}

/** Band counts, ARR at risk and owner lists of the dashboard, as applyTotals and applyRiskTotals fill them. */
function summarize(
  context: PortfolioContext,
  scored: AccountState[],
  filters: Filters
): Pick<
  Portfolio,
  'bandCounts' | 'redArr' | 'severeRiskArr' | 'severeRiskCount' | 'ownerRisks' | 'owners' | 'segments'
> {
  const counts = { red: 0, yellow: 0, green: 0, insufficient: 0, total: 0 };
  let redArr = 0;
  let severeRiskArr = 0;
  let severeRiskCount = 0;
  const owners = new Map<string, OwnerOption>();
  const segments = new Map<string, string>();
  const risks = new Map<string, OwnerRisk>();
  for (const state of scored) {
    const ownerId = state.info?.ownerId ?? null;
    if (!owners.has(ownerKeyOf(state))) {
      owners.set(ownerKeyOf(state), { ownerId, ownerName: state.info?.ownerName ?? null });
    }
    const segment = state.info?.segment ?? '';
    if (segment.trim() !== '' && !segments.has(segment.toLowerCase())) {
      segments.set(segment.toLowerCase(), segment);
    }
    if (!isInScope(state, filters)) {
      continue;
    }
    const arr = state.info?.arr ?? 0;
    if (hasSevereRisk(context, state)) {
      severeRiskCount++;
      severeRiskArr += arr;
    }
    counts.total++;
    const band = bandOf(state);
    if (band === 'Red') {
      counts.red++;
      redArr += arr;
      const risk = risks.get(ownerKeyOf(state)) ?? {
        ownerId,
        ownerName: state.info?.ownerName ?? null,
        redArr: 0,
        redCount: 0
      };
      risk.redArr = (risk.redArr ?? 0) + arr;
      risk.redCount = (risk.redCount ?? 0) + 1;
      risks.set(ownerKeyOf(state), risk);
    } else if (band === 'Yellow') {
      counts.yellow++;
    } else if (band === 'Green') {
      counts.green++;
    } else if (band === 'Insufficient') {
      counts.insufficient++;
    }
  }
  return {
    bandCounts: counts,
    redArr,
    severeRiskArr,
    severeRiskCount,
    ownerRisks: [...risks.values()].sort(
      (a, b) =>
        (b.redArr ?? 0) - (a.redArr ?? 0) ||
        (b.redCount ?? 0) - (a.redCount ?? 0) ||
        compareText(a.ownerName, b.ownerName) ||
        compareText(a.ownerId, b.ownerId)
    ),
    owners: [...owners.values()].sort(
      (a, b) => compareText(a.ownerName, b.ownerName) || compareText(a.ownerId, b.ownerId)
    ),
    segments: [...segments.keys()].sort().map((key) => segments.get(key) as string)
  };
}

/**
 * HealthPortfolioController.getPortfolio.
 * @param context Scored export, change store, user and clock.
 * @param request Band, owner, segment, renewal window and moved-into-red filters, and the row limit.
 * @throws ApexError with the service's messages for bad input and missing access.
 */
export function getPortfolio(context: PortfolioContext, request: PortfolioRequest): Portfolio {
  const filters: Filters = {
    band: normalizeBand(request.band),
    ownerKey: normalizeOwnerId(request.ownerId),
    segment: normalizeSegment(request.segment),
    renewalWindowDays: normalizeRenewalWindow(request.renewalWindowDays),
    movedIntoRedOnly: request.movedIntoRedOnly === true,
    rowLimit: normalizeMaxRows(request.maxRows)
  };
  requireReadAccess(context.user);

  const asOf = context.data.asOf;
  const scored = context.data.accountsByRisk().filter((state) => bandOf(state) !== null);
  const summary = summarize(context, scored, filters);

  // Only red accounts can have moved into red, so that filter narrows the bands as the Apex query does.
  const bands = new Set(
    (filters.band === null ? BAND_ORDER : [filters.band]).filter((band) => !filters.movedIntoRedOnly || band === 'Red')
  );
  const changedAtById = new Map(context.store.list('plans').map((plan) => [plan.id, plan.changedAt]));
  const matching = scored
    .filter((state) => isInScope(state, filters) && bands.has(bandOf(state) as string))
    .map((state) => toRow(state, asOf, flagsOf(context, state, changedAtById)))
    .filter((row) => matchesRowFilters(row, filters))
    .sort(compareRows);
  const rows = matching.slice(0, filters.rowLimit);

  const hasRowFilter = filters.movedIntoRedOnly || filters.renewalWindowDays !== null;
  const counts = summary.bandCounts as Record<'red' | 'yellow' | 'green' | 'insufficient' | 'total', number>;
  const matchingCount = hasRowFilter
    ? null
    : filters.band === null
      ? counts.total
      : counts[filters.band.toLowerCase() as 'red' | 'yellow' | 'green' | 'insufficient'];
  return {
    asOf,
    comparedWith: shiftDate(asOf, -COMPARISON_DAYS),
    currencyCode: 'USD',
    rows,
    maxRows: filters.rowLimit,
    hasMore: matching.length > filters.rowLimit,
    matchingCount,
    ...summary,
    movedIntoRedCount: rows.filter((row) => row.movedIntoRed).length,
    disagreementCount: rows.filter((row) => row.hasDisagreement).length,
    overdueCheckInCount: rows.filter((row) => row.hasOverdueCheckIn).length,
    stalePlanCount: rows.filter((row) => row.hasStalePlan).length
  };
}
