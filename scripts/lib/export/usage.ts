import { normalizeLoginType } from './config';
import type { FileRule, ReadContext } from './context';
import { RowRejection } from './problems';
import type { LoginDay, UsageTotals } from './signals';
import type { RowReader } from './table';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function addLogin(days: Map<string, Map<string, LoginDay>>, accountId: string, day: string, userId: string): void {
  let byDay = days.get(accountId);
  if (byDay === undefined) {
    byDay = new Map();
    days.set(accountId, byDay);
  }
  let login = byDay.get(day);
  if (login === undefined) {
    login = { users: new Set(), logins: 0 };
    byDay.set(day, login);
  }
  login.users.add(userId);
  login.logins++;
}

function extendLoginSpan(context: ReadContext, day: string): void {
  const span = context.loginSpan;
  if (span === null) context.loginSpan = { first: day, last: day };
  else if (day < span.first) span.first = day;
  else if (day > span.last) span.last = day;
}

/** Counts of LoginHistory rows by outcome, for the closing notices. */
interface LoginCounts {
  counted: number;
  failed: number;
  otherType: number;
  integration: number;
  unattributed: number;
  unattributedUsers: Set<string>;
  countedUsers: Set<string>;
}

function loginNotices(counts: LoginCounts): string[] {
  const leftOut: string[] = [];
  if (counts.failed > 0) leftOut.push(plural(counts.failed, 'failed login'));
  if (counts.otherType > 0) leftOut.push(`${plural(counts.otherType, 'login')} of types not in loginTypes`);
  if (counts.integration > 0) leftOut.push(`${plural(counts.integration, 'login')} by integration users`);
  let summary =
    `LoginHistory.csv: counted ${plural(counts.counted, 'successful login')} ` +
    `of ${plural(counts.countedUsers.size, 'user')}`;
  if (leftOut.length > 0) summary += `; left out ${leftOut.join(', ')}`;
  const notices = [`${summary}.`];
  if (counts.unattributed > 0) {
    notices.push(
      `LoginHistory.csv: ${plural(counts.unattributed, 'successful login')} of ` +
        `${plural(counts.unattributedUsers.size, 'user')} could not be attributed to an account and were left out. ` +
        'Portal users need User.AccountId, internal users need a matching internalUserAccounts rule in the config, ' +
        'and users missing from User.csv cannot be attributed.'
    );
  }
  return notices;
}

/**
 * LoginHistory.csv: successful logins of the allowed login types by users attributed to an account, counted per
 * account and UTC day (distinct users and logins). Inactive users still count for the days they logged in.
 */
export const LOGIN_HISTORY_RULE: FileRule = {
  spec: {
    name: 'LoginHistory.csv',
    required: ['UserId', 'LoginTime', 'LoginType', 'Status'],
    optional: ['Id', 'Application']
  },
  open(context) {
    const counts: LoginCounts = {
      counted: 0,
      failed: 0,
      otherType: 0,
      integration: 0,
      unattributed: 0,
      unattributedUsers: new Set(),
      countedUsers: new Set()
    };
    // A login type is checked once; an export has a handful of distinct values.
    const allowedTypes = new Map<string, boolean>();
    const days = context.data.loginDays;

    const handleRow = (row: RowReader): void => {
      const userId = row.requiredText('UserId');
      const day = row.dateTimeDay('LoginTime', true) as string;
      context.observe(day);
      extendLoginSpan(context, day);

      if (row.text('Status').toLowerCase() !== context.loginStatusSuccess) {
        counts.failed++;
        return;
      }
      const user = context.users.get(userId);
      if (user?.isIntegration === true) {
        counts.integration++;
        return;
      }
      const loginType = row.text('LoginType');
      let allowed = allowedTypes.get(loginType);
      if (allowed === undefined) {
        allowed = context.loginTypes.has(normalizeLoginType(loginType));
        allowedTypes.set(loginType, allowed);
      }
      if (!allowed) {
        counts.otherType++;
        return;
      }
      if (user === undefined || user.accountId === null) {
        counts.unattributed++;
        counts.unattributedUsers.add(userId);
        return;
      }
      counts.counted++;
      counts.countedUsers.add(userId);
      addLogin(days, user.accountId, day, userId);
    };

    const finish = (): void => {
      context.data.loginHistoryLoaded = true;
      context.notices.push(...loginNotices(counts));
    };
    return { handleRow, finish };
  }
};

function nonNegativeCount(value: number | null, column: string): number {
  if (value === null || value < 0) throw new RowRejection(column, `invalid count ${String(value)}; use 0 or more`);
  return value;
}

/**
 * DailyUsage__c.csv: daily usage rows (telemetry, or LoginHistory rolled up by the package), summed per account and
 * day. Rows with Source__c = LoginHistory inside the days LoginHistory.csv covers are dropped, because they repeat
 * those same logins; older rolled-up rows (LoginHistory keeps about six months) still count. Only the account-wide
 * rows (Segment__c blank or "All") count: the roll-up also writes one row per Profile, Role or Department slice, and
 * adding those would count the same logins again.
 */
export const DAILY_USAGE_RULE: FileRule = {
  spec: {
    name: 'DailyUsage__c.csv',
    required: ['Account__c', 'UsageDate__c', 'ActiveUsers__c', 'Logins__c'],
    optional: ['Segment__c', 'Source__c']
  },
  open(context) {
    const usage = context.data.dailyUsage;
    const span = context.data.loginHistoryLoaded ? context.loginSpan : null;
    let duplicates = 0;
    let slices = 0;

    const handleRow = (row: RowReader): void => {
      const segment = row.text('Segment__c');
      if (segment !== '' && segment.toLowerCase() !== 'all') {
        slices++;
        return;
      }
      const accountText = row.requiredText('Account__c');
      const day = row.day('UsageDate__c', true) as string;
      const activeUsers = nonNegativeCount(row.number('ActiveUsers__c', true), 'ActiveUsers__c');
      const logins = nonNegativeCount(row.number('Logins__c', true), 'Logins__c');
      const accountId = context.resolveAccount('DailyUsage__c.csv', 'Account__c', accountText);
      if (accountId === null) return;
      context.observe(day);
      if (
        span !== null &&
        day >= span.first &&
        day <= span.last &&
        row.text('Source__c').toLowerCase() === 'loginhistory'
      ) {
        duplicates++;
        return;
      }

      let byDay = usage.get(accountId);
      if (byDay === undefined) {
        byDay = new Map<string, UsageTotals>();
        usage.set(accountId, byDay);
      }
      const totals = byDay.get(day);
      if (totals === undefined) byDay.set(day, { activeUsers, logins });
      else {
        totals.activeUsers += activeUsers;
        totals.logins += logins;
      }
    };

    const finish = (): void => {
      context.data.dailyUsageLoaded = true;
      if (slices > 0) {
        context.notices.push(
          `DailyUsage__c.csv: ${plural(slices, 'row')} for a Profile, Role or Department slice ` +
            `${slices === 1 ? 'was' : 'were'} left out; the account-wide rows (Segment__c "All") already count those logins.`
        );
      }
      if (duplicates > 0 && span !== null) {
        context.notices.push(
          `DailyUsage__c.csv: ${plural(duplicates, 'row')} with Source__c LoginHistory between ${span.first} and ` +
            `${span.last} ${duplicates === 1 ? 'was' : 'were'} left out because LoginHistory.csv covers those days.`
        );
      }
    };
    return { handleRow, finish };
  }
};
