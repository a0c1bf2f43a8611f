/**
 * Simulates a year of logins and turns them into the two usage files: LoginHistory for the last 6 months (all that
 * Salesforce keeps) and DailyUsage__c rows, the package's own daily rollup, for the 6 months before. Telemetry
 * accounts get DailyUsage__c rows for the whole year instead.
 */

import { businessMoment, dayOfEpochSeconds, dayOfWeek, parseIsoDate, SECONDS_PER_DAY } from './calendar';
import type { DemoAccount, DemoContext, DemoLogin, DemoUsageRow, DemoUser } from './demo-org';
import { compareCodeUnits } from './ordering';
import type { Random } from './random';
import { usageLevel } from './stories';

/** Logins and daily usage rows, each in the order of its CSV file. */
export interface UsageRecords {
  logins: DemoLogin[];
  dailyUsage: DemoUsageRow[];
}

/** Login chance by day of the week, Sunday first: heavy Monday to Thursday, lighter Friday, little at weekends. */
const WEEKDAY_FACTORS = [0.05, 1, 1.05, 1.05, 1, 0.8, 0.08] as const;

/**
 * Public holidays of the demo year that lower usage, by country. The table covers 2025-12-01 to 2026-11-30 only,
 * the history of the fixed as-of date; another as-of date gets no holiday dips outside that range.
 */
const HOLIDAYS: readonly { date: string; factor: number; countries: readonly string[] }[] = [
  { date: '2025-12-24', factor: 0.4, countries: ['*'] },
  { date: '2025-12-25', factor: 0.1, countries: ['*'] },
  { date: '2025-12-26', factor: 0.3, countries: ['*'] },
  { date: '2025-12-31', factor: 0.4, countries: ['*'] },
  { date: '2026-01-01', factor: 0.1, countries: ['*'] },
  { date: '2026-04-03', factor: 0.3, countries: ['United Kingdom', 'Germany', 'Netherlands', 'Australia', 'Canada'] },
  { date: '2026-04-06', factor: 0.3, countries: ['United Kingdom', 'Germany', 'Netherlands', 'Australia'] },
  { date: '2026-05-25', factor: 0.3, countries: ['United States', 'United Kingdom', 'Germany', 'Netherlands'] },
  { date: '2026-07-01', factor: 0.3, countries: ['Canada'] },
  { date: '2026-07-03', factor: 0.3, countries: ['United States'] },
  { date: '2026-09-07', factor: 0.3, countries: ['United States', 'Canada'] },
  { date: '2026-11-26', factor: 0.15, countries: ['United States'] },
  { date: '2026-11-27', factor: 0.5, countries: ['United States'] }
];

/** Days before the as-of date since which the champion of a declining account has not logged in. */
const QUIET_CHAMPION_DAYS = 42;
const PORTAL_LOGIN_TYPE = 'Chatter Communities External User';
/** Business units' shares of a segmented telemetry account's users. */
const SEGMENT_SHARES = [0.3, 0.5, 0.2] as const;

interface PendingLogin {
  userId: string;
  at: number;
  loginType: string;
  status: string;
  application: string;
}

/** Usage level after weekday, holiday and weekly noise, for one account on one day. */
type DayFactor = (account: DemoAccount, day: number) => number;

/**
 * Builds the logins and daily usage rows of every account and user.
 * @param context dates, random stream and Id factory of the run
 */
export function buildUsage(
  context: DemoContext,
  accounts: readonly DemoAccount[],
  users: readonly DemoUser[]
): UsageRecords {
  const random = context.random.fork('usage');
  const dayFactor = createDayFactor(context, random.fork('week-noise'), accounts);
  const accountsById = new Map(accounts.map((account) => [account.id, account]));

  const portalLogins: PendingLogin[] = [];
  for (const user of users) {
    const account = user.accountId ? accountsById.get(user.accountId) : undefined;
    if (account) {
      portalLogins.push(...simulatePortalUser(context, random.fork(`user:${user.id}`), user, account, dayFactor));
    }
  }

  const rollup = rollUpOldLogins(context, portalLogins, users, accountsById);
  const telemetry = accounts
    .filter((account) => account.story === 'Telemetry')
    .flatMap((account) => telemetryRows(context, random.fork(`telemetry:${account.id}`), account, dayFactor));

  const internalLogins = users
    .filter((user) => user.accountId === null)
    .flatMap((user) => simulateInternalUser(context, random.fork(`internal:${user.id}`), user));

  const logins = [...portalLogins.filter((login) => isInLoginHistory(context, login.at)), ...internalLogins]
    .sort((first, second) => first.at - second.at || compareCodeUnits(first.userId, second.userId))
    .map((login) => ({ id: context.ids.next('LoginHistory'), ...login }));

  const dailyUsage = [...rollup, ...telemetry]
    .sort((first, second) => first.day - second.day || first.order - second.order)
    .map(({ order: _order, ...row }) => ({ id: context.ids.next('DailyUsage'), ...row }));

  return { logins, dailyUsage };
}

function isInLoginHistory(context: DemoContext, at: number): boolean {
  return dayOfEpochSeconds(at) >= context.loginHistoryStartDay && at <= context.exportAt;
}

function createDayFactor(context: DemoContext, random: Random, accounts: readonly DemoAccount[]): DayFactor {
  const holidayFactors = new Map<string, number>();
  for (const holiday of HOLIDAYS) {
    for (const country of holiday.countries) {
      holidayFactors.set(`${country}:${parseIsoDate(holiday.date)}`, holiday.factor);
    }
  }

  // One noise factor per account and week, so busy and quiet weeks show in the weekly charts. Each account's
  // factors are computed once for the whole history, because all its users read them.
  const factorsByAccount = new Map<string, number[]>();
  for (const account of accounts) {
    const accountRandom = random.fork(account.id);
    const spread = account.story === 'Steady' ? 0.06 : 0.15;
    const factors: number[] = [];
    let noise = 1;
    for (let day = context.historyStartDay; day <= context.asOfDay; day++) {
      if ((day - context.historyStartDay) % 7 === 0) {
        noise = accountRandom.between(1 - spread, 1 + spread);
      }
      const holiday = holidayFactors.get(`*:${day}`) ?? holidayFactors.get(`${account.country}:${day}`) ?? 1;
      const weekday = WEEKDAY_FACTORS[dayOfWeek(day)] ?? 1;
      factors.push(usageLevel(account, day, context.asOfDay) * weekday * holiday * noise);
    }
    factorsByAccount.set(account.id, factors);
  }

  return (account, day) => factorsByAccount.get(account.id)?.[day - context.historyStartDay] ?? 0;
}

function simulatePortalUser(
  context: DemoContext,
  random: Random,
  user: DemoUser,
  account: DemoAccount,
  dayFactor: DayFactor
): PendingLogin[] {
  const logins: PendingLogin[] = [];
  const firstDay = Math.max(user.activeFromDay, context.historyStartDay);
  const lastDay = Math.min(
    user.deactivatedOnDay === null ? context.asOfDay : user.deactivatedOnDay - 1,
    context.asOfDay
  );
  const login = (at: number, status: string): PendingLogin => ({
    userId: user.id,
    at,
    loginType: PORTAL_LOGIN_TYPE,
    status,
    application: 'Browser'
  });

  // The champion of a declining account went quiet: no more logins in the last weeks.
  const isQuietChampion = account.story === 'Declining' && user.contactId === account.championId;
  const quietFromDay = context.asOfDay - QUIET_CHAMPION_DAYS;

  for (let day = firstDay; day <= lastDay; day++) {
    if (isQuietChampion && day >= quietFromDay) {
      break;
    }
    const chance = Math.min(0.97, user.loginPropensity * dayFactor(account, day));
    if (!random.chance(chance)) {
      continue;
    }
    if (random.chance(0.002)) {
      // A forgotten password: three failures lock the user out for the day.
      const start = businessMoment(random, day, user.utcOffsetHours);
      logins.push(login(start, 'Invalid Password'), login(start + 40, 'Invalid Password'));
      logins.push(login(start + 95, 'Invalid Password'), login(start + 130, 'Password Lockout'));
      continue;
    }
    const sessions = 1 + (random.chance(0.2) ? 1 : 0) + (random.chance(0.05) ? 1 : 0);
    for (let session = 0; session < sessions; session++) {
      const at = businessMoment(random, day, user.utcOffsetHours);
      if (session === 0 && random.chance(0.015)) {
        logins.push(login(at - random.int(20, 240), 'Invalid Password'));
      }
      logins.push(login(at, 'Success'));
    }
  }
  return logins.filter(
    (entry) => entry.at <= context.exportAt && dayOfEpochSeconds(entry.at) >= context.historyStartDay
  );
}

function simulateInternalUser(context: DemoContext, random: Random, user: DemoUser): PendingLogin[] {
  const logins: PendingLogin[] = [];
  const firstDay = context.loginHistoryStartDay;
  for (let day = firstDay; day <= context.asOfDay; day++) {
    if (user.userType === 'AutomatedProcess' || user.profileName === 'Integration User') {
      // Scheduled integrations log in around the clock: every 2 hours for the telemetry sync, every 4 for Apex jobs.
      const isSync = user.userType !== 'AutomatedProcess';
      const interval = isSync ? 7200 : 14400;
      for (let offset = 0; offset < SECONDS_PER_DAY; offset += interval) {
        logins.push({
          userId: user.id,
          at: day * SECONDS_PER_DAY + offset + random.int(60, 400),
          loginType: isSync ? 'Remote Access 2.0' : 'Other Apex API',
          status: 'Success',
          application: isSync ? 'Telemetry Sync' : 'N/A'
        });
      }
      continue;
    }
    const weekday = dayOfWeek(day);
    const isWorkday = weekday >= 1 && weekday <= 5;
    if (!random.chance(isWorkday ? 0.95 : 0.05)) {
      continue;
    }
    const sessions = random.int(1, 3);
    for (let session = 0; session < sessions; session++) {
      const at = businessMoment(random, day, user.utcOffsetHours);
      const status = session === 0 && random.chance(0.01) ? 'Invalid Password' : 'Success';
      logins.push({
        userId: user.id,
        at,
        loginType: 'Application',
        status,
        application: 'Browser'
      });
    }
  }
  return logins.filter((login) => login.at <= context.exportAt);
}

type PendingUsageRow = Omit<DemoUsageRow, 'id'> & { order: number };

/** Rolls successful portal logins older than the LoginHistory window up into one row per account and UTC day. */
function rollUpOldLogins(
  context: DemoContext,
  logins: readonly PendingLogin[],
  users: readonly DemoUser[],
  accountsById: ReadonlyMap<string, DemoAccount>
): PendingUsageRow[] {
  const accountOfUser = new Map(users.map((user) => [user.id, user.accountId]));
  const totals = new Map<string, { accountId: string; day: number; users: Set<string>; logins: number }>();
  for (const login of logins) {
    const day = dayOfEpochSeconds(login.at);
    const accountId = accountOfUser.get(login.userId);
    if (login.status !== 'Success' || day >= context.loginHistoryStartDay || !accountId) {
      continue;
    }
    const key = `${day}:${accountId}`;
    const total = totals.get(key) ?? { accountId, day, users: new Set<string>(), logins: 0 };
    total.users.add(login.userId);
    total.logins++;
    totals.set(key, total);
  }
  return [...totals.values()].map((total) => ({
    accountId: total.accountId,
    day: total.day,
    activeUsers: total.users.size,
    logins: total.logins,
    segment: null,
    source: 'LoginHistory',
    order: (accountsById.get(total.accountId)?.index ?? 0) * 10
  }));
}

function telemetryRows(
  context: DemoContext,
  random: Random,
  account: DemoAccount,
  dayFactor: DayFactor
): PendingUsageRow[] {
  const rows: PendingUsageRow[] = [];
  const loginsPerUser = random.between(1.4, 2.6);
  const utilization = 0.55;
  for (let day = context.historyStartDay; day <= context.asOfDay; day++) {
    const expected = account.licensedSeats * utilization * dayFactor(account, day);
    const activeUsers = Math.max(0, Math.round(random.normal(expected, Math.sqrt(expected) * 0.5)));
    if (activeUsers === 0) {
      continue;
    }
    const logins = Math.max(activeUsers, Math.round(activeUsers * loginsPerUser * random.between(0.85, 1.15)));
    const base = { accountId: account.id, day, source: 'Telemetry' as const };
    if (account.usageSegments.length === 0) {
      rows.push({ ...base, activeUsers, logins, segment: null, order: account.index * 10 });
      continue;
    }
    account.usageSegments.forEach((segment, position) => {
      const share = (SEGMENT_SHARES[position] ?? 0) * random.between(0.9, 1.1);
      const segmentUsers = Math.round(activeUsers * share);
      if (segmentUsers > 0) {
        const segmentLogins = Math.max(segmentUsers, Math.round(logins * share));
        rows.push({
          ...base,
          activeUsers: segmentUsers,
          logins: segmentLogins,
          segment,
          order: account.index * 10 + position
        });
      }
    });
  }
  return rows;
}
