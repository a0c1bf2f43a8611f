import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { AccountSignals } from '../../../../force-app/main/health/lwc/healthEngine/types';
import { loadExportConfig } from '../config';
import { formatProblem, readOrgExport } from '../read-export';
import type { OrgExport } from '../read-export';

const FIXTURES = join(__dirname, 'fixtures');
const FULL_EXPORT = join(FIXTURES, 'full-export');
const ACME = '001A00000000001AAA';
const GLOBEX = '001A00000000002AAA';
const INITECH = '001A00000000003AAA';
const UMBRELLA = '001A00000000004AAA';
const HOOLI = '001A00000000005AAA';

function account(result: OrgExport, id: string): AccountSignals {
  const found = result.accounts.find((signals) => signals.accountId === id);
  if (found === undefined) throw new Error(`account ${id} not in the result`);
  return found;
}

function problemLines(result: OrgExport): string[] {
  return result.problems.map(formatProblem);
}

describe('readOrgExport with the full fixture', () => {
  let result: OrgExport;

  beforeAll(async () => {
    result = await readOrgExport(FULL_EXPORT, loadExportConfig(join(FIXTURES, 'full-export.config.json')));
  });

  it('keeps the fixture bytes', () => {
    const bytes = readFileSync(join(FULL_EXPORT, 'Account.csv'));

    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.includes('\r\n')).toBe(true);
  });

  it('loads accounts with BOM and CRLF', () => {
    expect(result.accounts.map((signals) => signals.accountId)).toEqual([ACME, GLOBEX, INITECH, HOOLI]);
    expect(account(result, ACME).accountName).toBe('Acme, Inc.');
    expect(account(result, GLOBEX).accountName).toBe('Globex "Global"');
  });

  it('rejects a bad number with file, line and column', () => {
    expect(problemLines(result)).toContain(
      'Account.csv line 5, column LicensedSeats__c: invalid number "abc"; write a plain decimal such as 1234.5, without separators'
    );
    expect(result.accounts.some((signals) => signals.accountId === UMBRELLA)).toBe(false);
  });

  it('rejects a bad date-time and keeps the good rows', () => {
    expect(problemLines(result)).toContain(
      'Case.csv line 8, column CreatedDate: invalid date-time "2024-13-40T10:00:00Z"; use the format 2024-07-11T21:22:07.000+0000'
    );
    expect(problemLines(result)).toContain(
      'Case.csv line 11, column IsClosed: invalid checkbox value "yes"; use true or false'
    );
    expect(problemLines(result)).toContain(
      'DailyUsage__c.csv line 6, column UsageDate__c: invalid date "2024-07-1x"; use the format 2024-07-11'
    );
    expect(result.files.find((file) => file.name === 'Case.csv')).toEqual({
      name: 'Case.csv',
      rows: 9,
      rejected: 2,
      skipped: false
    });
  });

  it('reports an unknown file once and ignores non-CSV files', () => {
    const unknown = result.problems.filter((problem) => problem.file === 'Notes.csv');

    expect(unknown).toHaveLength(1);
    expect(unknown[0].line).toBeNull();
    expect(unknown[0].message).toMatch(/^unknown file; the reader knows Account\.csv, /);
    expect(result.files.map((file) => file.name)).not.toContain('README.md');
  });

  it('lists every problem', () => {
    expect(result.problems.map((problem) => `${problem.file}:${problem.line ?? '-'}:${problem.column ?? '-'}`)).toEqual(
      [
        'Notes.csv:-:-',
        'Account.csv:5:LicensedSeats__c',
        'DailyUsage__c.csv:6:UsageDate__c',
        'Case.csv:8:CreatedDate',
        'Case.csv:11:IsClosed',
        'Feedback__c.csv:5:Type__c',
        'Feedback__c.csv:6:Score__c',
        'Feedback__c.csv:7:Score__c'
      ]
    );
  });

  it('reads cases with a multi-line description', () => {
    expect(account(result, ACME).cases).toEqual([
      {
        id: '500A00000000001AAA',
        createdDate: '2024-07-01',
        closedDate: '2024-07-03',
        isEscalated: false,
        priorityWeight: 3,
        isHighPriority: true
      },
      {
        id: '500A00000000002AAA',
        createdDate: '2024-07-05',
        closedDate: null,
        isEscalated: true,
        priorityWeight: 2,
        isHighPriority: false
      },
      {
        id: '500A00000000003AAA',
        createdDate: '2024-07-06',
        closedDate: null,
        isEscalated: true,
        priorityWeight: 1,
        isHighPriority: false
      },
      {
        id: '500A00000000004AAA',
        createdDate: '2024-07-07',
        closedDate: null,
        isEscalated: false,
        priorityWeight: 1,
        isHighPriority: false
      }
    ]);
  });

  it('counts status Escalated with a blank IsEscalated', () => {
    const exportBroken = account(result, ACME).cases?.find((fact) => fact.id === '500A00000000002AAA');

    expect(exportBroken?.isEscalated).toBe(true);
  });

  it('closes a case without ClosedDate on its created day', () => {
    expect(account(result, GLOBEX).cases).toEqual([
      {
        id: '500A00000000005AAA',
        createdDate: '2024-07-02',
        closedDate: '2024-07-02',
        isEscalated: false,
        priorityWeight: 4,
        isHighPriority: true
      }
    ]);
    expect(result.notices.filter((notice) => notice.includes('have no ClosedDate'))).toHaveLength(1);
  });

  it('reports an unmapped priority once', () => {
    const text = 'Case.csv: Priority "Urgent" is not mapped; weighted 1. Add it to priorityWeights in the config.';

    expect(result.notices.filter((notice) => notice === text)).toHaveLength(1);
  });

  it('reports blank and unknown accounts once per file', () => {
    expect(result.notices).toContain('Case.csv: 1 row has a blank AccountId and was ignored.');
    expect(result.notices).toContain(
      'Case.csv: 1 row refers through AccountId to accounts that are not in Account.csv (for example ' +
        '001A00000000099AAA) and was ignored; export those accounts too if they should be scored.'
    );
    expect(result.notices.filter((notice) => notice.startsWith('DailyUsage__c.csv: 1 row refers'))).toHaveLength(1);
    expect(result.notices).toContain('Task.csv: 1 row has a blank AccountId, WhoId or WhatId and was ignored.');
  });

  it('counts portal logins per UTC day', () => {
    expect(account(result, ACME).usage).toEqual([
      { date: '2024-06-01', activeUsers: 3, logins: 5 },
      { date: '2024-07-10', activeUsers: 2, logins: 3 },
      { date: '2024-07-11', activeUsers: 5, logins: 10 }
    ]);
  });

  it('attributes an internal user through a rule', () => {
    expect(account(result, INITECH).usage).toEqual([{ date: '2024-07-12', activeUsers: 1, logins: 1 }]);
  });

  it('excludes failed, integration and other-type logins', () => {
    expect(result.notices).toContain(
      'LoginHistory.csv: counted 5 successful logins of 3 users; left out 1 failed login, ' +
        '1 login of types not in loginTypes, 2 logins by integration users.'
    );
    expect(result.notices).toContain(
      'LoginHistory.csv: 2 successful logins of 2 users could not be attributed to an account and were left out. ' +
        'Portal users need User.AccountId, internal users need a matching internalUserAccounts rule in the config, ' +
        'and users missing from User.csv cannot be attributed.'
    );
  });

  it('drops rolled-up rows that LoginHistory covers', () => {
    expect(result.notices).toContain(
      'DailyUsage__c.csv: 1 row with Source__c LoginHistory between 2024-07-10 and 2024-07-12 was left out ' +
        'because LoginHistory.csv covers those days.'
    );
  });

  it('leaves out usage rows of a user slice', () => {
    expect(result.notices).toContain(
      'DailyUsage__c.csv: 1 row for a Profile, Role or Department slice was left out; the account-wide rows ' +
        '(Segment__c "All") already count those logins.'
    );
  });

  it('tells empty usage from missing usage', () => {
    expect(account(result, GLOBEX).usage).toEqual([]);
    expect(account(result, HOOLI).usage).toBeNull();
    expect(result.hasLoginData).toBe(true);
  });

  it('reads activities with contact roles', () => {
    expect(account(result, ACME).activities).toEqual([
      { date: '2024-07-08', contactRole: 'ExecutiveSponsor' },
      { date: '2024-07-09', contactRole: 'Champion' }
    ]);
    expect(account(result, GLOBEX).activities).toEqual([{ date: '2024-07-05', contactRole: 'Other' }]);
    expect(account(result, HOOLI).activities).toEqual([]);
  });

  it('leaves open tasks out', () => {
    expect(account(result, INITECH).activities).toEqual([]);
    expect(result.notices).toContain('Task.csv: 1 open Task was left out; only completed Tasks count as contact made.');
  });

  it('checks sponsor and champion contacts', () => {
    expect(account(result, ACME).hasExecutiveSponsor).toBe(true);
    expect(account(result, ACME).hasChampion).toBe(true);
    expect(account(result, GLOBEX).hasExecutiveSponsor).toBe(false);
    expect(account(result, ACME).championStatus).toBe('Present');
    expect(account(result, GLOBEX).championStatus).toBe('None');
    expect(result.notices).toContain(
      'Account.csv: 1 account has ExecutiveSponsor__c pointing to a contact that is missing from Contact.csv or ' +
        'belongs to another account (moved or deleted): Globex "Global". They count as having no executive ' +
        'sponsor; update ExecutiveSponsor__c.'
    );
  });

  it('reads feedback and rejects bad types and scores', () => {
    expect(account(result, ACME).feedback).toEqual([
      { date: '2024-07-09', type: 'Nps', score: 9 },
      { date: '2024-07-10', type: 'Csat', score: 80 },
      { date: '2024-07-11', type: 'CsmPulse', score: 60 }
    ]);
    expect(account(result, GLOBEX).feedback).toEqual([]);
    expect(problemLines(result)).toContain(
      'Feedback__c.csv line 5, column Type__c: unknown feedback type "Survey"; use NPS, CSAT or CSM Pulse'
    );
    expect(problemLines(result)).toContain(
      'Feedback__c.csv line 7, column Score__c: NPS score 50 is invalid; use a rating from 0 to 10, or 100, 0 or -100 ' +
        'for a classified answer'
    );
  });

  it('picks the renewal date', () => {
    expect(account(result, ACME).renewalDate).toBe('2025-01-31');
    expect(account(result, GLOBEX).renewalDate).toBe('2025-06-30');
    expect(account(result, INITECH).renewalDate).toBe('2025-09-30');
    expect(account(result, HOOLI).renewalDate).toBeNull();
  });

  it('reads account fields and attributes', () => {
    const acme = account(result, ACME);

    expect(acme.attributes).toEqual({ Segment__c: 'Enterprise', Type: 'Customer', Industry: 'Manufacturing' });
    expect(acme.licensedSeats).toBe(100);
    expect(acme.daysPastDue).toBe(0);
    expect(acme.objectives).toBeNull();
    expect(account(result, GLOBEX).attributes).toEqual({ Segment__c: 'Commercial', Type: 'Customer' });
    expect(account(result, INITECH).attributes).toEqual({});
    expect(account(result, INITECH).licensedSeats).toBeNull();
  });

  it('fills account info', () => {
    expect(result.accountInfo.get(ACME)).toEqual({
      accountId: ACME,
      name: 'Acme, Inc.',
      ownerId: '005A00000000001AAA',
      ownerName: 'Olivia Owner',
      arr: 120000.5,
      segment: 'Enterprise',
      type: 'Customer',
      industry: 'Manufacturing',
      licensedSeats: 100,
      executiveSponsorId: '003A00000000001AAA',
      executiveSponsorName: 'Ada Sponsor',
      championId: '003A00000000002AAA',
      championName: 'Carl Champion'
    });
    expect(result.accountInfo.get(INITECH)?.ownerName).toBeNull();
  });

  it('reads score history oldest first', () => {
    expect(result.history.get(ACME)).toEqual([
      { asOf: '2024-06-24', score: 70 },
      { asOf: '2024-07-01', score: 72, modelVersion: 1 }
    ]);
    expect(result.history.get(GLOBEX)).toEqual([{ asOf: '2024-07-01', score: 55.5, modelVersion: 2 }]);
  });

  it('ignores future due dates for latestDate', () => {
    expect(result.latestDate).toBe('2024-07-12');
  });
});

describe('readOrgExport with small exports', () => {
  let folder: string;

  async function readFiles(files: Record<string, string>, configJson?: object): Promise<OrgExport> {
    rmSync(folder, { recursive: true, force: true });
    folder = mkdtempSync(join(tmpdir(), 'org-export-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    let config = loadExportConfig(null);
    if (configJson !== undefined) {
      const path = join(folder, 'config.json');
      writeFileSync(path, JSON.stringify(configJson));
      config = loadExportConfig(path);
    }
    return readOrgExport(folder, config);
  }

  const ACCOUNTS = 'Id,Name\n001A,Acme\n001B,Globex\n';

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'org-export-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives null collections without source files', async () => {
    const result = await readFiles({ 'Account.csv': ACCOUNTS });

    expect(result.accounts[0]).toMatchObject({ usage: null, cases: null, activities: null, feedback: null });
    expect(result.hasLoginData).toBe(false);
    expect(result.latestDate).toBeNull();
    expect(result.problems).toEqual([]);
  });

  it('marks a moved or deleted champion Gone', async () => {
    const result = await readFiles({
      'Account.csv': 'Id,Name,Champion__c\n001A,Acme,003A\n001B,Globex,003X\n001C,Initech,003B\n',
      'Contact.csv': 'Id,AccountId,Name\n003A,001A,Ann\n003B,001A,Ben\n'
    });

    expect(result.accounts.map((signals) => signals.championStatus)).toEqual(['Present', 'Gone', 'Gone']);
  });

  it('leaves championStatus out without Contact.csv', async () => {
    const result = await readFiles({ 'Account.csv': 'Id,Name,Champion__c\n001A,Acme,003A\n001B,Globex,\n' });

    expect(result.accounts[0]).not.toHaveProperty('championStatus');
    expect(result.accounts[1].championStatus).toBe('None');
  });

  it('gives empty collections for present files', async () => {
    const result = await readFiles({
      'Account.csv': ACCOUNTS,
      'Case.csv': 'Id,AccountId,CreatedDate\n500A,001A,2024-07-01T00:00:00Z\n',
      'Event.csv': 'Id,CreatedDate\n',
      'Feedback__c.csv': 'Account__c,Type__c,Score__c,ResponseDate__c\n'
    });

    expect(result.accounts[1]).toMatchObject({ cases: [], activities: [], feedback: [] });
    expect(result.accounts[0].cases).toHaveLength(1);
  });

  it('skips a file missing a required column', async () => {
    const result = await readFiles({
      'Account.csv': ACCOUNTS,
      'Case.csv': 'Id,Account,CreatedDate\n500A,001A,2024-07-01T00:00:00Z\n'
    });

    expect(result.problems).toEqual([
      {
        file: 'Case.csv',
        line: 1,
        column: null,
        message: 'missing required column AccountId; add the column or re-export with it. The file was skipped.'
      }
    ]);
    expect(result.accounts[0].cases).toBeNull();
    expect(result.files).toContainEqual({ name: 'Case.csv', rows: 0, rejected: 0, skipped: true });
  });

  it('names every missing column once', async () => {
    const result = await readFiles({ 'Account.csv': ACCOUNTS, 'Opportunity.csv': 'Id,Name\n' });

    expect(result.problems.map(formatProblem)).toEqual([
      'Opportunity.csv line 1: missing required columns AccountId, CloseDate; add the columns or re-export with them. ' +
        'The file was skipped.'
    ]);
  });

  it('matches headers and file names in any case', async () => {
    const result = await readFiles({
      'account.csv': '"ID","NAME","SEGMENT__C"\n"001A","Acme","SMB"\n',
      'CASE.CSV': '"ID","ACCOUNTID","CREATEDDATE","ISCLOSED"\n"500A","001A","2024-07-01T00:00:00.000Z","1"\n'
    });

    expect(result.problems).toEqual([]);
    expect(result.accounts[0].attributes).toEqual({ Segment__c: 'SMB' });
    expect(result.accounts[0].cases?.[0].closedDate).toBe('2024-07-01');
  });

  it('reports a missing Account.csv', async () => {
    const result = await readFiles({ 'Case.csv': 'Id,AccountId,CreatedDate\n' });

    expect(result.accounts).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      'Account.csv: missing; every export needs Account.csv with at least the columns Id and Name. ' +
        'Export Account and try again.'
    ]);
  });

  it('rejects a row with a wrong field count', async () => {
    const result = await readFiles({ 'Account.csv': 'Id,Name\n001A,Acme, Inc.\n001B,Globex\n' });

    expect(result.problems.map(formatProblem)).toEqual([
      'Account.csv line 2: expected 2 fields as in the header, found 3; quote values that contain commas or line breaks'
    ]);
    expect(result.accounts.map((signals) => signals.accountId)).toEqual(['001B']);
  });

  it('reports a quote left open', async () => {
    const result = await readFiles({ 'Account.csv': 'Id,Name\n001A,Acme\n001B,"Globex\n' });

    expect(result.problems.map(formatProblem)).toEqual([
      'Account.csv line 3: a quoted field is not closed before the end of the file; ' +
        'close the quote or remove the stray quote character'
    ]);
  });

  it('reports a duplicate account Id', async () => {
    const result = await readFiles({ 'Account.csv': 'Id,Name\n001A,Acme\n001A,Acme again\n' });

    expect(result.problems.map(formatProblem)).toEqual([
      'Account.csv line 3, column Id: duplicate account Id 001A; keep one row per account'
    ]);
  });

  it('skips LoginHistory without User.csv', async () => {
    const result = await readFiles({
      'Account.csv': ACCOUNTS,
      'LoginHistory.csv': 'UserId,LoginTime,LoginType,Status\n005A,2024-07-01T00:00:00Z,Application,Success\n'
    });

    expect(result.problems[0].message).toMatch(/^User\.csv is missing or was skipped, so logins cannot be attributed/);
    expect(result.accounts[0].usage).toBeNull();
    expect(result.hasLoginData).toBe(false);
  });

  it('gives usage from DailyUsage alone', async () => {
    const result = await readFiles({
      'Account.csv': ACCOUNTS,
      'DailyUsage__c.csv':
        'Account__c,UsageDate__c,ActiveUsers__c,Logins__c,Source__c\n' +
        '001A,2024-07-02,3,4,Telemetry\n001A,2024-07-01,1,1,Telemetry\n001A,2024-07-02,2,2,LoginHistory\n'
    });

    expect(result.accounts[0].usage).toEqual([
      { date: '2024-07-01', activeUsers: 1, logins: 1 },
      { date: '2024-07-02', activeUsers: 5, logins: 6 }
    ]);
    expect(result.accounts[1].usage).toEqual([]);
    expect(result.hasLoginData).toBe(true);
    expect(result.latestDate).toBe('2024-07-02');
  });

  it('rejects a negative usage count', async () => {
    const result = await readFiles({
      'Account.csv': ACCOUNTS,
      'DailyUsage__c.csv': 'Account__c,UsageDate__c,ActiveUsers__c,Logins__c\n001A,2024-07-02,-1,4\n'
    });

    expect(result.problems.map(formatProblem)).toEqual([
      'DailyUsage__c.csv line 2, column ActiveUsers__c: invalid count -1; use 0 or more'
    ]);
  });

  it('excludes integration users by profile and user type', async () => {
    const result = await readFiles(
      {
        'Account.csv': ACCOUNTS,
        'User.csv':
          'Id,Username,UserType,Profile.Name\n' +
          '005A,api@example.com,Standard,Minimum Access - API Only Integrations\n' +
          '005B,cloud@example.com,CloudIntegrationUser,\n' +
          '005C,person@example.com,Standard,Standard User\n' +
          '005D,sync@example.com,Standard,Integration User\n',
        'LoginHistory.csv':
          'UserId,LoginTime,LoginType,Status\n' +
          '005A,2024-07-01T00:00:00Z,Application,Success\n' +
          '005B,2024-07-01T00:00:00Z,Application,Success\n' +
          '005C,2024-07-01T00:00:00Z,Application,Success\n' +
          '005D,2024-07-01T00:00:00Z,Remote Access 2.0,Success\n'
      },
      { internalUserAccounts: [{ accountId: '001A' }] }
    );

    expect(result.accounts[0].usage).toEqual([{ date: '2024-07-01', activeUsers: 1, logins: 1 }]);
    expect(result.accounts[1].usage).toBeNull();
    expect(result.notices[0]).toBe(
      'LoginHistory.csv: counted 1 successful login of 1 user; left out 3 logins by integration users.'
    );
  });

  it('reads Task completion from Status', async () => {
    const result = await readFiles({
      'Account.csv': ACCOUNTS,
      'Task.csv':
        'Id,AccountId,ActivityDate,CreatedDate,Status\n' +
        '00T1,001A,2024-07-01,2024-06-01T00:00:00Z,Completed\n' +
        '00T2,001A,2024-07-02,2024-06-01T00:00:00Z,In Progress\n'
    });

    expect(result.accounts[0].activities).toEqual([{ date: '2024-07-01', contactRole: 'Other' }]);
    expect(result.accounts[1].activities).toEqual([]);
  });

  it('uses the first matching internal rule', async () => {
    const result = await readFiles(
      {
        'Account.csv': ACCOUNTS,
        'User.csv':
          'Id,UserType,Profile.Name,UserRole.Name,Department\n' +
          '005A,Standard,Standard User,East,Sales\n' +
          '005B,Standard,Standard User,West,Sales\n',
        'LoginHistory.csv':
          'UserId,LoginTime,LoginType,Status\n' +
          '005A,2024-07-01T00:00:00Z,Application,Success\n' +
          '005B,2024-07-01T00:00:00Z,SAML Idp Initiated SSO,Success\n'
      },
      {
        internalUserAccounts: [
          { accountId: '001B', roleNames: ['west'], departments: ['Sales'] },
          { accountId: '001A', profileNames: ['Standard User'] },
          { accountId: '001X' }
        ]
      }
    );

    expect(result.accounts[0].usage).toEqual([{ date: '2024-07-01', activeUsers: 1, logins: 1 }]);
    expect(result.accounts[1].usage).toEqual([{ date: '2024-07-01', activeUsers: 1, logins: 1 }]);
    expect(result.notices[0]).toBe(
      'Config: internalUserAccounts[2] names account 001X, which is not in Account.csv; no user is attributed through ' +
        'it. Fix the Id or export that account.'
    );
  });

  it('counts inactive portal users', async () => {
    const result = await readFiles({
      'Account.csv': ACCOUNTS,
      'User.csv': 'Id,AccountId,IsActive\n005A,001B,false\n',
      'LoginHistory.csv': 'UserId,LoginTime,LoginType,Status\n005A,2024-07-01T00:00:00Z,Application,Success\n'
    });

    expect(result.accounts[1].usage).toEqual([{ date: '2024-07-01', activeUsers: 1, logins: 1 }]);
    expect(result.accounts[0].usage).toBeNull();
  });

  it('honours configured escalation statuses and weights', async () => {
    const result = await readFiles(
      {
        'Account.csv': ACCOUNTS,
        'Case.csv':
          'Id,AccountId,CreatedDate,Status,Priority\n' +
          '500A,001A,2024-07-01T00:00:00Z,Escalated to Engineering,urgent\n' +
          '500B,001A,2024-07-01T00:00:00Z,Escalated,\n'
      },
      { escalationStatuses: ['Escalated to Engineering'], priorityWeights: { Urgent: 5 }, highPriorities: ['Urgent'] }
    );

    expect(
      result.accounts[0].cases?.map((fact) => [fact.isEscalated, fact.priorityWeight, fact.isHighPriority])
    ).toEqual([
      [true, 5, true],
      [false, 1, false]
    ]);
    expect(result.notices).toContain('Case.csv: 1 Cases have no Priority and are weighted 1 (defaultPriorityWeight).');
    expect(result.notices).toContain('Case.csv has no IsClosed column, so a Case with a ClosedDate counts as closed.');
  });

  it('caps the problems of one file', async () => {
    const rows = Array.from({ length: 150 }, (_, index) => `001${index},Account ${index},x`).join('\n');

    const result = await readFiles({ 'Account.csv': `Id,Name,LicensedSeats__c\n${rows}\n` });

    expect(result.problems).toHaveLength(101);
    expect(result.problems[100].message).toBe(
      '50 more rejected rows are not listed; fix the rows above and read the export again'
    );
    expect(result.files[0]).toEqual({ name: 'Account.csv', rows: 150, rejected: 150, skipped: false });
  });

  it('reports an unreadable file', async () => {
    const result = await readFiles({ 'Account.csv': ACCOUNTS });
    symlinkSync(join(folder, 'absent-target.csv'), join(folder, 'Case.csv'));

    const again = await readOrgExport(folder, loadExportConfig(null));

    expect(result.problems).toEqual([]);
    expect(again.problems).toHaveLength(1);
    expect(formatProblem(again.problems[0])).toMatch(
      /^Case\.csv: could not be read \(ENOENT.*\); check that the file exists and is readable\. The file was skipped\.$/
    );
    expect(again.accounts[0].cases).toBeNull();
  });

  it('throws for a missing folder', async () => {
    const missing = join(folder, 'absent');

    await expect(readOrgExport(missing, loadExportConfig(null))).rejects.toThrow(
      `Export folder ${missing} could not be read`
    );
  });
});
