import { parseIsoDate, tryParseIsoDate } from './dates';
import { SIGNAL_NAMES } from './types';
import type { AccountSignals, FeedbackType, SignalName, UsageDay } from './types';

/**
 * Signal computation. Each signal turns one account's facts into a raw number on an as-of date A over a window of W
 * days, which contains the days d with A - W < d <= A. A result of null means "no data", which is not the same as 0.
 *
 * The facts of an account are parsed and sorted once and kept in a WeakMap keyed by the signals object, so the many
 * measures and as-of dates evaluated for one account cost a binary search each, not a sort. The cache is checked
 * against the identity and length of each collection: replacing `usage` with a new array is seen, but editing rows
 * in place after the first evaluation is not, so treat the facts as immutable once evaluated.
 */

/** Usage merged to one entry per day and sorted by day, with running totals for window sums. */
interface PreparedUsage {
  days: Int32Array;
  activeUsers: Float64Array;
  /**
   * `loginTotals[i]` is the sum of logins over days[0..i-1]. Totals have one entry more than `days` and may be longer
   * still; entries past that are never read.
   */
  loginTotals: Float64Array;
  activeUserTotals: Float64Array;
  /** Running count of days with at least one login. */
  loginDayTotals: Float64Array;
}

interface PreparedCase {
  created: number;
  closed: number | null;
  isEscalated: boolean;
  isHighPriority: boolean;
  priorityWeight: number;
}

/** Days sorted ascending, with the running totals of their values. */
interface SortedSeries {
  days: number[];
  valueTotals: number[];
}

interface PreparedFeedback {
  /** NPS responses as +1 promoter, 0 passive, -1 detractor. */
  nps: SortedSeries;
  csat: SortedSeries;
  pulse: SortedSeries;
}

interface PreparedActivities {
  all: number[];
  sponsor: number[];
  champion: number[];
}

/** One account's facts parsed and sorted for signal computation; build it with {@link prepareSignals}. */
export interface PreparedSignals {
  usageSource: AccountSignals['usage'];
  usageLength: number;
  casesSource: AccountSignals['cases'];
  casesLength: number;
  activitiesSource: AccountSignals['activities'];
  activitiesLength: number;
  feedbackSource: AccountSignals['feedback'];
  feedbackLength: number;
  usage: PreparedUsage | null;
  cases: PreparedCase[] | null;
  activities: PreparedActivities | null;
  feedback: PreparedFeedback | null;
}

const preparedCache = new WeakMap<AccountSignals, PreparedSignals>();

function lengthOf(list: readonly unknown[] | null): number {
  return list === null ? -1 : list.length;
}

function isCurrent(prepared: PreparedSignals, signals: AccountSignals): boolean {
  return (
    prepared.usageSource === signals.usage &&
    prepared.usageLength === lengthOf(signals.usage) &&
    prepared.casesSource === signals.cases &&
    prepared.casesLength === lengthOf(signals.cases) &&
    prepared.activitiesSource === signals.activities &&
    prepared.activitiesLength === lengthOf(signals.activities) &&
    prepared.feedbackSource === signals.feedback &&
    prepared.feedbackLength === lengthOf(signals.feedback)
  );
}

function describe(signals: AccountSignals, field: string): string {
  return `${field} of account ${signals.accountId}`;
}

/** Parses the date of a fact; the field name for the message is only built when the date is bad. */
function factDate(value: string, signals: AccountSignals, list: string, index: number, field: string): number {
  const day = tryParseIsoDate(value);
  return Number.isNaN(day) ? parseIsoDate(value, describe(signals, `${list}[${index}].${field}`)) : day;
}

function factNumber(value: unknown, signals: AccountSignals, list: string, index: number, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  const fieldName = describe(signals, index < 0 ? field : `${list}[${index}].${field}`);
  throw new Error(`${fieldName} is ${JSON.stringify(value)}, not a finite number; fix the source row or leave it out.`);
}

/** Accumulates usage rows in ascending date order into one entry per day with running totals. */
class UsageBuilder {
  private readonly days: Int32Array;
  private readonly activeUsers: Float64Array;
  private readonly loginTotals: Float64Array;
  private readonly activeUserTotals: Float64Array;
  private readonly loginDayTotals: Float64Array;
  private length = 0;
  private dayLogins = 0;

  constructor(rowCount: number) {
    this.days = new Int32Array(rowCount);
    this.activeUsers = new Float64Array(rowCount);
    this.loginTotals = new Float64Array(rowCount + 1);
    this.activeUserTotals = new Float64Array(rowCount + 1);
    this.loginDayTotals = new Float64Array(rowCount + 1);
  }

  /** Adds one row; a row on the same day as the previous one is merged into it. */
  add(day: number, activeUsers: number, logins: number): void {
    const last = this.length - 1;
    if (last >= 0 && this.days[last] === day) {
      this.dayLogins += logins;
      this.activeUsers[last] += activeUsers;
      this.loginTotals[this.length] += logins;
      this.activeUserTotals[this.length] += activeUsers;
      this.loginDayTotals[this.length] = this.loginDayTotals[last] + (this.dayLogins > 0 ? 1 : 0);
      return;
    }
    this.dayLogins = logins;
    this.days[this.length] = day;
    this.activeUsers[this.length] = activeUsers;
    this.loginTotals[this.length + 1] = this.loginTotals[this.length] + logins;
    this.activeUserTotals[this.length + 1] = this.activeUserTotals[this.length] + activeUsers;
    this.loginDayTotals[this.length + 1] = this.loginDayTotals[this.length] + (logins > 0 ? 1 : 0);
    this.length++;
  }

  finish(): PreparedUsage {
    const merged = this.length < this.days.length;
    return {
      days: merged ? this.days.subarray(0, this.length) : this.days,
      activeUsers: merged ? this.activeUsers.subarray(0, this.length) : this.activeUsers,
      loginTotals: this.loginTotals,
      activeUserTotals: this.activeUserTotals,
      loginDayTotals: this.loginDayTotals
    };
  }
}

function compareDayThenPosition(days: Int32Array, left: number, right: number): number {
  return days[left] - days[right] || left - right;
}

/**
 * Merges usage rows into one entry per day; rows that share a date are added together, as when two sources report
 * the same day. Without the merge, a day reported twice would count twice in ActiveDayShare. Rows usually arrive in
 * date order, so they are read in one pass, and only rows out of order are sorted (stably) in a second pass.
 */
function prepareUsage(signals: AccountSignals): PreparedUsage | null {
  const rows = signals.usage;
  if (rows === null) {
    return null;
  }
  const builder = new UsageBuilder(rows.length);
  let previousDay = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const day = factDate(row.date, signals, 'usage', index, 'date');
    if (day < previousDay) {
      return prepareUnsortedUsage(signals, rows);
    }
    previousDay = day;
    const activeUsers = factNumber(row.activeUsers, signals, 'usage', index, 'activeUsers');
    builder.add(day, activeUsers, factNumber(row.logins, signals, 'usage', index, 'logins'));
  }
  return builder.finish();
}

function prepareUnsortedUsage(signals: AccountSignals, rows: UsageDay[]): PreparedUsage {
  const days = new Int32Array(rows.length);
  for (let index = 0; index < rows.length; index++) {
    days[index] = factDate(rows[index].date, signals, 'usage', index, 'date');
  }
  const order = Array.from({ length: rows.length }, (_, index) => index);
  order.sort((left, right) => compareDayThenPosition(days, left, right));

  const builder = new UsageBuilder(rows.length);
  for (const index of order) {
    const activeUsers = factNumber(rows[index].activeUsers, signals, 'usage', index, 'activeUsers');
    builder.add(days[index], activeUsers, factNumber(rows[index].logins, signals, 'usage', index, 'logins'));
  }
  return builder.finish();
}

function prepareCases(signals: AccountSignals): PreparedCase[] | null {
  if (signals.cases === null) {
    return null;
  }
  return signals.cases.map((fact, index) => ({
    created: factDate(fact.createdDate, signals, 'cases', index, 'createdDate'),
    closed: fact.closedDate === null ? null : factDate(fact.closedDate, signals, 'cases', index, 'closedDate'),
    isEscalated: fact.isEscalated === true,
    isHighPriority: fact.isHighPriority === true,
    priorityWeight: factNumber(fact.priorityWeight, signals, 'cases', index, 'priorityWeight')
  }));
}

function compareNumbers(left: number, right: number): number {
  return left - right;
}

function toSeries(entries: { day: number; value: number }[]): SortedSeries {
  entries.sort((left, right) => left.day - right.day);
  const valueTotals = [0];
  entries.forEach((entry, index) => valueTotals.push(valueTotals[index] + entry.value));
  return { days: entries.map((entry) => entry.day), valueTotals };
}

function prepareActivities(signals: AccountSignals): PreparedActivities | null {
  if (signals.activities === null) {
    return null;
  }
  const prepared: PreparedActivities = { all: [], sponsor: [], champion: [] };
  signals.activities.forEach((activity, index) => {
    const day = factDate(activity.date, signals, 'activities', index, 'date');
    prepared.all.push(day);
    if (activity.contactRole === 'ExecutiveSponsor') {
      prepared.sponsor.push(day);
    } else if (activity.contactRole === 'Champion') {
      prepared.champion.push(day);
    }
  });
  prepared.all.sort(compareNumbers);
  prepared.sponsor.sort(compareNumbers);
  prepared.champion.sort(compareNumbers);
  return prepared;
}

/**
 * Classifies one NPS response. Scores from 0 to 10 are raw responses to "how likely are you to recommend us": 9 and 10
 * are promoters, 7 and 8 passives, 0 to 6 detractors. A fraction is classed by the same cut-offs of 9 and 7, so 8.5
 * is passive and 6.5 a detractor. Scores above 10 are already classified promoters (stored as 100) and scores below
 * 0 are classified detractors (stored as -100).
 *
 * NOTE: a passive stored in the classified form as 0 reads as a raw 0, which is a detractor. Importers should store
 * passives as a raw 7 or 8.
 * @returns 1 for a promoter, 0 for a passive, -1 for a detractor.
 */
export function classifyNpsResponse(score: number): number {
  if (score > 10) {
    return 1;
  }
  if (score < 0) {
    return -1;
  }
  if (score >= 9) {
    return 1;
  }
  return score >= 7 ? 0 : -1;
}

function prepareFeedback(signals: AccountSignals): PreparedFeedback | null {
  if (signals.feedback === null) {
    return null;
  }
  const byType: Record<FeedbackType, { day: number; value: number }[]> = { Nps: [], Csat: [], CsmPulse: [] };
  signals.feedback.forEach((answer, index) => {
    const list = byType[answer.type];
    if (list === undefined) {
      // An unknown feedback type feeds no signal; it is not an error because new survey kinds may be loaded first.
      return;
    }
    const day = factDate(answer.date, signals, 'feedback', index, 'date');
    const score = factNumber(answer.score, signals, 'feedback', index, 'score');
    list.push({ day, value: answer.type === 'Nps' ? classifyNpsResponse(score) : score });
  });
  return { nps: toSeries(byType.Nps), csat: toSeries(byType.Csat), pulse: toSeries(byType.CsmPulse) };
}

/**
 * Parses and sorts one account's facts once, for every signal and as-of date computed from them. The result is
 * cached per signals object and rebuilt when a collection is replaced or changes length.
 * @param signals Facts of one account.
 * @throws Error naming the account, collection, row and field of the first malformed fact.
 */
export function prepareSignals(signals: AccountSignals): PreparedSignals {
  const cached = preparedCache.get(signals);
  if (cached !== undefined && isCurrent(cached, signals)) {
    return cached;
  }
  const prepared: PreparedSignals = {
    usageSource: signals.usage,
    usageLength: lengthOf(signals.usage),
    casesSource: signals.cases,
    casesLength: lengthOf(signals.cases),
    activitiesSource: signals.activities,
    activitiesLength: lengthOf(signals.activities),
    feedbackSource: signals.feedback,
    feedbackLength: lengthOf(signals.feedback),
    usage: prepareUsage(signals),
    cases: prepareCases(signals),
    activities: prepareActivities(signals),
    feedback: prepareFeedback(signals)
  };
  preparedCache.set(signals, prepared);
  return prepared;
}

/** Returns the index of the first element of ascending `days` that is greater than `day`. */
function upperBound(days: ArrayLike<number>, day: number): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (days[middle] <= day) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** Sum of `totals` over the entries whose day is in (fromExclusive, toInclusive]. */
function sumBetween(
  days: ArrayLike<number>,
  totals: ArrayLike<number>,
  fromExclusive: number,
  toInclusive: number
): number {
  return totals[upperBound(days, toInclusive)] - totals[upperBound(days, fromExclusive)];
}

function countBetween(days: ArrayLike<number>, fromExclusive: number, toInclusive: number): number {
  return upperBound(days, toInclusive) - upperBound(days, fromExclusive);
}

function maxActiveUsers(usage: PreparedUsage, fromExclusive: number, toInclusive: number): number {
  let max = 0;
  const end = upperBound(usage.days, toInclusive);
  for (let i = upperBound(usage.days, fromExclusive); i < end; i++) {
    if (usage.activeUsers[i] > max) {
      max = usage.activeUsers[i];
    }
  }
  return max;
}

/**
 * Days since the latest day in ascending `days` that falls in the window, or the window length when none does, so
 * "nothing within the window" scores like "W days ago" and the value never exceeds W.
 */
function daysSinceLatest(days: number[], asOf: number, windowDays: number): number {
  const index = upperBound(days, asOf) - 1;
  if (index < 0 || days[index] <= asOf - windowDays) {
    return windowDays;
  }
  return asOf - days[index];
}

function usageSignal(
  signal: SignalName,
  usage: PreparedUsage,
  seats: number | null,
  asOf: number,
  w: number
): number | null {
  const start = asOf - w;
  switch (signal) {
    case 'LicenseUtilization':
      // Seats of 0 or less would divide by zero or flip the sign, so they count as unknown.
      return seats === null || seats <= 0 ? null : (100 * maxActiveUsers(usage, start, asOf)) / seats;
    case 'ActiveDayShare':
      return (100 * sumBetween(usage.days, usage.loginDayTotals, start, asOf)) / w;
    case 'AverageDailyActiveUsers':
      return sumBetween(usage.days, usage.activeUserTotals, start, asOf) / w;
    case 'Logins':
      return sumBetween(usage.days, usage.loginTotals, start, asOf);
    default: {
      const current = sumBetween(usage.days, usage.loginTotals, start, asOf);
      const prior = sumBetween(usage.days, usage.loginTotals, start - w, start);
      return prior === 0 ? null : (100 * (current - prior)) / prior;
    }
  }
}

function isOpenOn(fact: PreparedCase, asOf: number): boolean {
  return fact.created <= asOf && (fact.closed === null || fact.closed > asOf);
}

function caseSignal(signal: SignalName, cases: PreparedCase[], asOf: number, w: number): number {
  const start = asOf - w;
  let total = 0;
  let count = 0;
  for (const fact of cases) {
    const createdInWindow = fact.created > start && fact.created <= asOf;
    const open = isOpenOn(fact, asOf);
    switch (signal) {
      case 'OpenCases':
        total += open ? 1 : 0;
        break;
      case 'OpenHighPriorityCases':
        total += open && fact.isHighPriority ? 1 : 0;
        break;
      case 'WeightedOpenCases':
        total += open ? fact.priorityWeight : 0;
        break;
      case 'EscalatedCases':
        total += createdInWindow && fact.isEscalated ? 1 : 0;
        break;
      case 'CasesCreated':
        total += createdInWindow ? 1 : 0;
        break;
      default:
        if (open) {
          total += asOf - fact.created;
          count++;
        }
    }
  }
  if (signal === 'AverageOpenCaseAgeDays') {
    return count === 0 ? 0 : total / count;
  }
  return total;
}

function feedbackSignal(series: SortedSeries, asOf: number, w: number, scale: number): number | null {
  const responses = countBetween(series.days, asOf - w, asOf);
  if (responses === 0) {
    return null;
  }
  return (scale * sumBetween(series.days, series.valueTotals, asOf - w, asOf)) / responses;
}

const SIGNAL_SET: ReadonlySet<string> = new Set<string>(SIGNAL_NAMES);

/**
 * Computes one signal of one account for the window of `windowDays` days ending on `asOf` (A - W < d <= A). Null
 * means no data:
 * - Usage signals are null when `usage` is null; days without a row count as zero activity. LicenseUtilization is
 *   100 × the highest activeUsers of one day in the window / licensedSeats (null when seats are unknown or <= 0).
 *   ActiveDayShare is 100 × days with logins / W. AverageDailyActiveUsers is the sum of activeUsers / W. Logins is
 *   the sum of logins. LoginChange is 100 × (logins in the window - logins in the W days before it) / the latter,
 *   null when the prior window had no logins.
 * - Case signals are null when `cases` is null. A case is open on A when created on or before A and not closed on or
 *   before A. OpenCases, OpenHighPriorityCases and WeightedOpenCases (sum of priorityWeight) count open cases;
 *   EscalatedCases and CasesCreated count cases created in the window; AverageOpenCaseAgeDays is the mean of
 *   A - createdDate over open cases, 0 when none is open. The four open-case signals ignore the window.
 * - DaysSinceSponsorActivity and DaysSinceChampionActivity are null when `activities` is null or the account has no
 *   such contact; otherwise the days since the latest activity with that role in the window, or W when there is
 *   none, so the value ranges from 0 to W. ActivityCount counts activities of any role in the window.
 * - Nps is 100 × (promoters - detractors) / responses in the window (see {@link classifyNpsResponse}); Csat and CsmPulse
 *   are the mean score in the window. Each is null when the window contains no response of its type.
 * - ObjectivesMetShare is 100 × met / total, null when objectives are null or the total is 0 or less.
 * - DaysToRenewal is renewalDate - A in days (negative once past), DaysPastDue is the stored value; null when unknown.
 * @param signal Signal name.
 * @param signals Facts of one account; treated as immutable once used (see the cache note above).
 * @param windowDays Window length W, a positive whole number of days.
 * @param asOf As-of date A, ISO `YYYY-MM-DD`.
 * @returns The raw value, or null when there is no data.
 * @throws Error on an unknown signal, an invalid window or date, or a malformed fact (naming the account and row).
 */
export function computeSignal(
  signal: SignalName,
  signals: AccountSignals,
  windowDays: number,
  asOf: string
): number | null {
  if (!SIGNAL_SET.has(signal)) {
    throw new Error(`Unknown signal ${JSON.stringify(signal)}; use one of ${[...SIGNAL_SET].join(', ')}.`);
  }
  if (!Number.isInteger(windowDays) || windowDays <= 0) {
    throw new Error(`Window of ${windowDays} days for ${signal} is invalid; use a whole number of days above 0.`);
  }
  return computePreparedSignal(signal, prepareSignals(signals), signals, windowDays, parseIsoDate(asOf, 'asOf'));
}

/**
 * Computes a signal from facts prepared by {@link prepareSignals} for an as-of day number; the engine's inner loop
 * uses this to skip the cache lookup and date parsing per measure. The signal and window must have been checked.
 */
export function computePreparedSignal(
  signal: SignalName,
  prepared: PreparedSignals,
  signals: AccountSignals,
  windowDays: number,
  asOf: number
): number | null {
  switch (signal) {
    case 'LicenseUtilization':
    case 'ActiveDayShare':
    case 'AverageDailyActiveUsers':
    case 'Logins':
    case 'LoginChange':
      return prepared.usage === null
        ? null
        : usageSignal(signal, prepared.usage, signals.licensedSeats, asOf, windowDays);
    case 'OpenCases':
    case 'OpenHighPriorityCases':
    case 'WeightedOpenCases':
    case 'EscalatedCases':
    case 'CasesCreated':
    case 'AverageOpenCaseAgeDays':
      return prepared.cases === null ? null : caseSignal(signal, prepared.cases, asOf, windowDays);
    case 'DaysSinceSponsorActivity':
      return prepared.activities === null || !signals.hasExecutiveSponsor
        ? null
        : daysSinceLatest(prepared.activities.sponsor, asOf, windowDays);
    case 'DaysSinceChampionActivity':
      return prepared.activities === null || !signals.hasChampion
        ? null
        : daysSinceLatest(prepared.activities.champion, asOf, windowDays);
    case 'ActivityCount':
      return prepared.activities === null ? null : countBetween(prepared.activities.all, asOf - windowDays, asOf);
    case 'Nps':
      return prepared.feedback === null ? null : feedbackSignal(prepared.feedback.nps, asOf, windowDays, 100);
    case 'Csat':
      return prepared.feedback === null ? null : feedbackSignal(prepared.feedback.csat, asOf, windowDays, 1);
    case 'CsmPulse':
      return prepared.feedback === null ? null : feedbackSignal(prepared.feedback.pulse, asOf, windowDays, 1);
    case 'ObjectivesMetShare': {
      const objectives = signals.objectives;
      return objectives === null || objectives.total <= 0 ? null : (100 * objectives.met) / objectives.total;
    }
    case 'DaysToRenewal':
      return signals.renewalDate === null
        ? null
        : parseIsoDate(signals.renewalDate, describe(signals, 'renewalDate')) - asOf;
    case 'DaysPastDue':
      return signals.daysPastDue === null ? null : factNumber(signals.daysPastDue, signals, '', -1, 'daysPastDue');
    default:
      throw new Error(`Unknown signal ${JSON.stringify(signal)}; use one of ${[...SIGNAL_SET].join(', ')}.`);
  }
}

/** Returns true when `name` is a signal the engine can compute. */
export function isSignalName(name: unknown): name is SignalName {
  return typeof name === 'string' && SIGNAL_SET.has(name);
}
