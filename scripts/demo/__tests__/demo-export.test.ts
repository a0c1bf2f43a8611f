import { parse } from 'csv-parse/sync';

import type { StoryName } from '../demo-org';
import { generateDemoExport } from '../generate-export';

type Row = Record<string, string>;

const DAY_MS = 86400000;
const AS_OF = Date.UTC(2026, 10, 30) / DAY_MS;
const LOGIN_HISTORY_START = Date.UTC(2026, 5, 1) / DAY_MS;
const HISTORY_START = Date.UTC(2025, 11, 1) / DAY_MS;

const demo = generateDemoExport();
const contents = new Map(demo.files.map((file) => [file.name, file.content]));
const tables = new Map<string, Row[]>();

function table(name: string): Row[] {
  const cached = tables.get(name);
  if (cached) {
    return cached;
  }
  const rows: Row[] = parse(contents.get(name) ?? '', { columns: true, bom: true });
  tables.set(name, rows);
  return rows;
}

function field(row: Row, name: string): string {
  const value = row[name];
  if (value === undefined) {
    throw new Error(`Column ${name} is missing.`);
  }
  return value;
}

/** Day number of a `YYYY-MM-DD` date or a `...+0000` date-time. */
function dayOf(text: string): number {
  return Math.floor(Date.parse(text.replace(/\+0000$/, 'Z')) / DAY_MS);
}

function storyAccountIds(story: StoryName): string[] {
  return demo.org.accounts.filter((account) => account.story === story).map((account) => account.id);
}

function accountRow(accountId: string): Row {
  const row = table('Account.csv').find((entry) => field(entry, 'Id') === accountId);
  if (!row) {
    throw new Error(`Account ${accountId} is not in Account.csv.`);
  }
  return row;
}

/** Successful logins of each account's users, by account Id and day. */
function loginDays(): Map<string, number[]> {
  const accountOfUser = new Map(table('User.csv').map((user) => [field(user, 'Id'), field(user, 'AccountId')]));
  const days = new Map<string, number[]>();
  for (const login of table('LoginHistory.csv')) {
    const accountId = accountOfUser.get(field(login, 'UserId'));
    if (accountId && field(login, 'Status') === 'Success') {
      const list = days.get(accountId) ?? [];
      list.push(dayOf(field(login, 'LoginTime')));
      days.set(accountId, list);
    }
  }
  return days;
}

function countBetween(days: readonly number[], from: number, to: number): number {
  return days.filter((day) => day >= from && day <= to).length;
}

/** Days of completed Tasks and past Events with one contact. */
function activityDaysWith(contactId: string): number[] {
  const tasks = table('Task.csv')
    .filter((task) => field(task, 'WhoId') === contactId && field(task, 'IsClosed') === 'true')
    .map((task) => dayOf(field(task, 'ActivityDate')));
  const events = table('Event.csv')
    .filter((event) => field(event, 'WhoId') === contactId)
    .map((event) => dayOf(field(event, 'ActivityDate')))
    .filter((day) => day <= AS_OF);
  return [...tasks, ...events];
}

describe('demo export files', () => {
  it('writes every CSV with a BOM and CRLF rows', () => {
    for (const file of demo.files.filter((entry) => entry.name.endsWith('.csv'))) {
      expect({ file: file.name, bom: file.content.startsWith('\uFEFF') }).toEqual({ file: file.name, bom: true });
      expect({ file: file.name, crlf: file.content.endsWith('\r\n') }).toEqual({ file: file.name, crlf: true });
      expect(table(file.name)).toHaveLength(file.rows);
    }
  });

  it.each([
    ['Account.csv', 180, 220],
    ['Contact.csv', 600, 1600],
    ['User.csv', 400, 1200],
    ['LoginHistory.csv', 15000, 60000],
    ['DailyUsage__c.csv', 10000, 40000],
    ['Case.csv', 800, 4000],
    ['Task.csv', 2000, 8000],
    ['Event.csv', 800, 4000],
    ['Opportunity.csv', 200, 400],
    ['Contract.csv', 50, 200],
    ['Feedback__c.csv', 1000, 6000]
  ])('keeps %s between %d and %d rows', (name, min, max) => {
    const rows = table(name).length;

    expect(rows).toBeGreaterThanOrEqual(min);
    expect(rows).toBeLessThanOrEqual(max);
  });

  it('gives every account 3 to 8 contacts', () => {
    const counts = new Map<string, number>();
    for (const contact of table('Contact.csv')) {
      counts.set(field(contact, 'AccountId'), (counts.get(field(contact, 'AccountId')) ?? 0) + 1);
    }
    for (const account of table('Account.csv')) {
      const count = counts.get(field(account, 'Id')) ?? 0;

      expect(count).toBeGreaterThanOrEqual(3);
      expect(count).toBeLessThanOrEqual(8);
    }
  });
});

describe('demo export references', () => {
  it.each([
    ['Contact.csv', 'AccountId'],
    ['Case.csv', 'AccountId'],
    ['Task.csv', 'AccountId'],
    ['Event.csv', 'AccountId'],
    ['Opportunity.csv', 'AccountId'],
    ['Contract.csv', 'AccountId'],
    ['DailyUsage__c.csv', 'Account__c'],
    ['Feedback__c.csv', 'Account__c']
  ])('%s %s exists in Account.csv', (name, column) => {
    const accountIds = new Set(table('Account.csv').map((account) => field(account, 'Id')));
    const missing = table(name).filter((row) => !accountIds.has(field(row, column)));

    expect(missing).toEqual([]);
  });

  it('points contact fields at contacts', () => {
    const contactIds = new Set(table('Contact.csv').map((contact) => field(contact, 'Id')));
    const references = [
      ...table('Account.csv').flatMap((account) => [
        field(account, 'ExecutiveSponsor__c'),
        field(account, 'Champion__c')
      ]),
      ...table('User.csv').map((user) => field(user, 'ContactId')),
      ...table('Case.csv').map((entry) => field(entry, 'ContactId')),
      ...table('Task.csv').map((task) => field(task, 'WhoId')),
      ...table('Event.csv').map((event) => field(event, 'WhoId'))
    ].filter((id) => id !== '');

    expect(references.filter((id) => !contactIds.has(id))).toEqual([]);
  });

  it('points owners and logins at users', () => {
    const userIds = new Set(table('User.csv').map((user) => field(user, 'Id')));
    const references = [
      ...table('Account.csv').map((account) => field(account, 'OwnerId')),
      ...table('LoginHistory.csv').map((login) => field(login, 'UserId'))
    ];

    expect(references.filter((id) => !userIds.has(id))).toEqual([]);
  });

  it('keeps Ids unique across files', () => {
    const ids = demo.files
      .filter((file) => file.name.endsWith('.csv'))
      .flatMap((file) => table(file.name).map((row) => field(row, 'Id')));

    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('demo export usage', () => {
  it('keeps LoginHistory to the last 6 months', () => {
    const days = table('LoginHistory.csv').map((login) => dayOf(field(login, 'LoginTime')));

    expect(Math.min(...days)).toBe(LOGIN_HISTORY_START);
    expect(Math.max(...days)).toBe(AS_OF);
  });

  it('rolls up older logins into DailyUsage__c', () => {
    const rollup = table('DailyUsage__c.csv').filter((row) => field(row, 'Source__c') === 'LoginHistory');
    const days = rollup.map((row) => dayOf(field(row, 'UsageDate__c')));

    expect(Math.min(...days)).toBe(HISTORY_START);
    expect(Math.max(...days)).toBe(LOGIN_HISTORY_START - 1);
    expect(rollup.every((row) => Number(field(row, 'Logins__c')) >= Number(field(row, 'ActiveUsers__c')))).toBe(true);
  });

  it('has more logins on weekdays than at weekends', () => {
    const byWeekday = Array.from({ length: 7 }, () => 0);
    for (const login of table('LoginHistory.csv')) {
      byWeekday[new Date(dayOf(field(login, 'LoginTime')) * DAY_MS).getUTCDay()]++;
    }

    expect(byWeekday[2]).toBeGreaterThan(4 * (byWeekday[0] ?? 0));
    expect(byWeekday[3]).toBeGreaterThan(4 * (byWeekday[6] ?? 0));
  });

  it('records failed logins and inactive portal users', () => {
    const failed = table('LoginHistory.csv').filter((login) => field(login, 'Status') !== 'Success');
    const inactivePortal = table('User.csv').filter(
      (user) => field(user, 'AccountId') !== '' && field(user, 'IsActive') === 'false'
    );

    expect(failed.some((login) => field(login, 'Status') === 'Invalid Password')).toBe(true);
    expect(inactivePortal.length).toBeGreaterThan(5);
  });

  it('lets the integration users log in a lot', () => {
    const users = table('User.csv');
    const automated = users.filter((user) => field(user, 'UserType') === 'AutomatedProcess');
    const integration = users.filter(
      (user) => field(user, 'UserType') === 'Standard' && field(user, 'Profile.Name') === 'Integration User'
    );
    const loginsOf = (userId: string): number =>
      table('LoginHistory.csv').filter((login) => field(login, 'UserId') === userId).length;

    expect(automated).toHaveLength(1);
    expect(integration).toHaveLength(1);
    expect(loginsOf(field(automated[0] as Row, 'Id'))).toBeGreaterThan(500);
    expect(loginsOf(field(integration[0] as Row, 'Id'))).toBeGreaterThan(1000);
  });

  it('gives portal users the portal login type', () => {
    const portalUserIds = new Set(
      table('User.csv')
        .filter((user) => field(user, 'AccountId') !== '')
        .map((user) => field(user, 'Id'))
    );
    const types = new Set(
      table('LoginHistory.csv')
        .filter((login) => portalUserIds.has(field(login, 'UserId')))
        .map((login) => field(login, 'LoginType'))
    );

    expect(types).toEqual(new Set(['Chatter Communities External User']));
  });
});

describe('demo export quirks', () => {
  it('leaves the Urgent priority in one or two cases', () => {
    const urgent = table('Case.csv').filter((entry) => field(entry, 'Priority') === 'Urgent');

    expect(urgent.length).toBeGreaterThanOrEqual(1);
    expect(urgent.length).toBeLessThanOrEqual(2);
  });

  it('escalates some cases only by Status', () => {
    const cases = table('Case.csv');
    const statusOnly = cases.filter(
      (entry) => field(entry, 'Status') === 'Escalated' && field(entry, 'IsEscalated') === 'false'
    );
    const flagged = cases.filter((entry) => field(entry, 'IsEscalated') === 'true');

    expect(statusOnly.length).toBeGreaterThan(0);
    expect(flagged.length).toBeGreaterThan(0);
  });

  it('quotes multi-line descriptions', () => {
    const multiLine = table('Case.csv').filter((entry) => field(entry, 'Description').includes('\n'));

    expect(multiLine.length).toBeGreaterThanOrEqual(3);
    expect(multiLine.some((entry) => field(entry, 'Description').includes('"'))).toBe(true);
    expect(multiLine.some((entry) => field(entry, 'Description').includes(','))).toBe(true);
  });

  it('leaves a few accounts without a sponsor', () => {
    const withoutSponsor = table('Account.csv').filter((account) => field(account, 'ExecutiveSponsor__c') === '');

    expect(withoutSponsor.length).toBeGreaterThanOrEqual(1);
    expect(withoutSponsor.length).toBeLessThanOrEqual(10);
  });

  it('keeps most accounts on time with payments', () => {
    const late = table('Account.csv').filter((account) => Number(field(account, 'DaysPastDue__c')) > 0);

    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(table('Account.csv').length * 0.2);
  });

  it('gives feedback to most but not all accounts', () => {
    const withFeedback = new Set(table('Feedback__c.csv').map((entry) => field(entry, 'Account__c')));
    const share = withFeedback.size / table('Account.csv').length;

    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThan(1);
  });

  it('keeps feedback scores in range', () => {
    for (const entry of table('Feedback__c.csv')) {
      const score = Number(field(entry, 'Score__c'));
      const max = field(entry, 'Type__c') === 'NPS' ? 10 : 100;

      expect(['NPS', 'CSAT', 'CSM Pulse']).toContain(field(entry, 'Type__c'));
      expect(Number.isInteger(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(max);
    }
  });

  it('gives every account one open renewal', () => {
    const openRenewals = table('Opportunity.csv').filter(
      (entry) => field(entry, 'Type') === 'Renewal' && field(entry, 'IsClosed') === 'false'
    );
    const closeDays = openRenewals.map((entry) => dayOf(field(entry, 'CloseDate')));

    expect(new Set(openRenewals.map((entry) => field(entry, 'AccountId'))).size).toBe(table('Account.csv').length);
    expect(openRenewals).toHaveLength(table('Account.csv').length);
    expect(Math.min(...closeDays)).toBeGreaterThan(AS_OF);
    expect(Math.max(...closeDays)).toBeLessThanOrEqual(AS_OF + 427);
    expect(closeDays.filter((day) => day <= AS_OF + 60).length).toBeGreaterThan(10);
  });
});

describe('demo export stories', () => {
  const logins = loginDays();

  it('declining accounts lose logins', () => {
    for (const accountId of storyAccountIds('Declining')) {
      const days = logins.get(accountId) ?? [];
      const lastFourWeeks = countBetween(days, AS_OF - 27, AS_OF);
      const fourWeeksBefore = countBetween(days, AS_OF - 55, AS_OF - 28);

      expect({ accountId, falls: lastFourWeeks < fourWeeksBefore * 0.7 }).toEqual({ accountId, falls: true });
    }
  });

  it('declining champions went quiet', () => {
    for (const accountId of storyAccountIds('Declining')) {
      const championId = field(accountRow(accountId), 'Champion__c');

      expect(activityDaysWith(championId).filter((day) => day > AS_OF - 45)).toEqual([]);
      expect(activityDaysWith(championId).length).toBeGreaterThan(0);
    }
  });

  it('recovering accounts climb back', () => {
    for (const accountId of storyAccountIds('Recovering')) {
      const days = logins.get(accountId) ?? [];
      const badQuarterWeekly =
        (countBetween(days, LOGIN_HISTORY_START, AS_OF - 95) * 7) / (AS_OF - 95 - LOGIN_HISTORY_START + 1);
      const recentWeekly = countBetween(days, AS_OF - 27, AS_OF) / 4;

      expect(recentWeekly).toBeGreaterThan(badQuarterWeekly * 1.5);
    }
  });

  it('steady accounts hold their usage', () => {
    const accountIds = storyAccountIds('Steady');
    const lastFourWeeks = accountIds.reduce(
      (sum, id) => sum + countBetween(logins.get(id) ?? [], AS_OF - 27, AS_OF),
      0
    );
    const fourWeeksBefore = accountIds.reduce(
      (sum, id) => sum + countBetween(logins.get(id) ?? [], AS_OF - 55, AS_OF - 28),
      0
    );

    expect(lastFourWeeks).toBeGreaterThan(fourWeeksBefore * 0.75);
    expect(lastFourWeeks).toBeLessThan(fourWeeksBefore * 1.25);
  });

  it('steady accounts are promoters', () => {
    const accountIds = new Set(storyAccountIds('Steady'));
    const scores = table('Feedback__c.csv')
      .filter((entry) => accountIds.has(field(entry, 'Account__c')) && field(entry, 'Type__c') === 'NPS')
      .map((entry) => Number(field(entry, 'Score__c')));

    expect(scores.length).toBeGreaterThan(5);
    expect(scores.reduce((sum, score) => sum + score, 0) / scores.length).toBeGreaterThanOrEqual(8.5);
  });

  it('case-spike accounts have recent P1 cases', () => {
    for (const accountId of storyAccountIds('CaseSpike')) {
      const highPriority = table('Case.csv').filter(
        (entry) => field(entry, 'AccountId') === accountId && ['High', 'Critical'].includes(field(entry, 'Priority'))
      );
      const recent = highPriority.filter((entry) => dayOf(field(entry, 'CreatedDate')) > AS_OF - 30);
      const before = highPriority.filter((entry) => {
        const day = dayOf(field(entry, 'CreatedDate'));
        return day > AS_OF - 120 && day <= AS_OF - 30;
      });

      expect(recent.length).toBeGreaterThanOrEqual(5);
      expect(recent.some((entry) => field(entry, 'IsClosed') === 'false')).toBe(true);
      expect(before.length).toBeLessThan(recent.length);
    }
  });

  it('silent sponsors had no activity for 150 days', () => {
    for (const accountId of storyAccountIds('SilentSponsor')) {
      const sponsorId = field(accountRow(accountId), 'ExecutiveSponsor__c');
      const days = activityDaysWith(sponsorId);

      expect(sponsorId).not.toBe('');
      expect(days.length).toBeGreaterThan(0);
      expect(Math.max(...days)).toBeLessThanOrEqual(AS_OF - 150);
    }
  });

  it('gone champions sit on another account', () => {
    const contacts = new Map(table('Contact.csv').map((contact) => [field(contact, 'Id'), contact]));
    const accountIds = new Set(table('Account.csv').map((account) => field(account, 'Id')));
    for (const accountId of storyAccountIds('ChampionGone')) {
      const championId = field(accountRow(accountId), 'Champion__c');
      const champion = contacts.get(championId) as Row;
      const championUser = table('User.csv').find((user) => field(user, 'ContactId') === championId);

      expect(field(champion, 'AccountId')).not.toBe(accountId);
      expect(accountIds.has(field(champion, 'AccountId'))).toBe(true);
      expect(championUser).toBeDefined();
      expect(field(championUser as Row, 'IsActive')).toBe('false');
    }
  });

  it('at-risk renewals close within 60 days in poor health', () => {
    for (const accountId of storyAccountIds('RenewalAtRisk')) {
      const renewal = table('Opportunity.csv').find(
        (entry) =>
          field(entry, 'AccountId') === accountId &&
          field(entry, 'Type') === 'Renewal' &&
          field(entry, 'IsClosed') === 'false'
      ) as Row;
      const openHighPriority = table('Case.csv').filter(
        (entry) =>
          field(entry, 'AccountId') === accountId &&
          field(entry, 'IsClosed') === 'false' &&
          ['High', 'Critical'].includes(field(entry, 'Priority'))
      );
      const recentNps = table('Feedback__c.csv')
        .filter(
          (entry) =>
            field(entry, 'Account__c') === accountId &&
            field(entry, 'Type__c') === 'NPS' &&
            dayOf(field(entry, 'ResponseDate__c')) > AS_OF - 120
        )
        .map((entry) => Number(field(entry, 'Score__c')));

      expect(dayOf(field(renewal, 'CloseDate'))).toBeLessThanOrEqual(AS_OF + 60);
      expect(openHighPriority.length).toBeGreaterThan(0);
      expect(Math.max(...recentNps)).toBeLessThanOrEqual(6);
    }
  });

  it('onboarding accounts have 3 months of data', () => {
    const usageAccounts = new Set(table('DailyUsage__c.csv').map((row) => field(row, 'Account__c')));
    for (const accountId of storyAccountIds('Onboarding')) {
      const loginList = logins.get(accountId) ?? [];
      const caseDays = table('Case.csv')
        .filter((entry) => field(entry, 'AccountId') === accountId)
        .map((entry) => dayOf(field(entry, 'CreatedDate')));

      expect(loginList.length).toBeGreaterThan(0);
      expect(Math.min(...loginList, ...caseDays)).toBeGreaterThanOrEqual(AS_OF - 100);
      expect(usageAccounts.has(accountId)).toBe(false);
    }
  });

  it('no-usage accounts have no usage source', () => {
    const usageAccounts = new Set(table('DailyUsage__c.csv').map((row) => field(row, 'Account__c')));
    const portalAccounts = new Set(table('User.csv').map((user) => field(user, 'AccountId')));
    for (const accountId of storyAccountIds('NoUsage')) {
      expect(usageAccounts.has(accountId)).toBe(false);
      expect(portalAccounts.has(accountId)).toBe(false);
    }
  });

  it('telemetry accounts report a whole year', () => {
    const portalAccounts = new Set(table('User.csv').map((user) => field(user, 'AccountId')));
    for (const accountId of storyAccountIds('Telemetry')) {
      const rows = table('DailyUsage__c.csv').filter((row) => field(row, 'Account__c') === accountId);
      const days = rows.map((row) => dayOf(field(row, 'UsageDate__c')));

      expect(portalAccounts.has(accountId)).toBe(false);
      expect(new Set(rows.map((row) => field(row, 'Source__c')))).toEqual(new Set(['Telemetry']));
      expect(Math.min(...days)).toBeLessThanOrEqual(HISTORY_START + 7);
      expect(Math.max(...days)).toBeGreaterThanOrEqual(AS_OF - 7);
    }
  });
});
