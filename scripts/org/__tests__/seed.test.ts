import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemoOrg } from '../../demo/generate-export';
import { UsageError } from '../cli';
import { SCRATCH_ORG_COMMAND, SfNotLoggedInError } from '../sf';
import type { CommandOutput } from '../sf';
import { soqlString } from '../seedConnection';
import { runSeed } from '../seedOrg';
import type { SeedDeps } from '../seedOrg';
import { DEFAULT_PORTAL_PROFILE, parseSeedOptions } from '../seedOptions';
import { generatePassword, OWNER_ROLE, portalUsername } from '../seedPortal';
import { buildDemoSeedPlan, CASE_HISTORY_DAYS, demoAccountNumber } from '../seedRecords';
import { readTreePlan, SeedPlanError } from '../seedTreePlan';
import { researchDataDir } from '../../lib/paths';
import { FakeSeedOrg, parseQuery } from './fakeSeedOrg';
import { fakeRunner, sfOutput, tempRoot, testDeps } from './fakeRunner';

const PLAN_DIR = path.join(__dirname, 'fixtures', 'seed-plan');
const PLAN_FILE = path.join(PLAN_DIR, 'plan.json');
const NOW = new Date('2027-03-15T12:00:00Z');
const DAY_MS = 86_400_000;

// Generating the demo org takes about a second, so every test shares one.
const demoOrg = generateDemoOrg();

let root: string;

beforeEach(() => {
  root = tempRoot();
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Outputs of `sf org display` and `sf org auth show-access-token`, since CLI 2.146 redacts the token in the first. */
function orgSession(org: FakeSeedOrg): CommandOutput[] {
  const display = {
    status: 0,
    result: {
      id: org.session.orgId,
      accessToken: "[REDACTED] Use 'sf org auth show-access-token' to view",
      instanceUrl: org.session.instanceUrl,
      username: org.session.username
    }
  };
  return [sfOutput(display), sfOutput({ status: 0, result: { accessToken: org.session.accessToken } })];
}

/** Dependencies of one seed run against `org`, with a clock that `sleep` moves forward. */
function seedRun(org: FakeSeedOrg, outputs: CommandOutput[] = orgSession(org)) {
  const { runner, calls } = fakeRunner(outputs);
  const { deps, logs, errors } = testDeps(runner, root);
  let clock = NOW.getTime();
  const passwords: string[] = [];
  const seed: SeedDeps = {
    ...deps,
    cwd: PLAN_DIR,
    openConnection: () => org.connection(),
    siteLogin: org.siteLogin(() => new Date(clock)),
    generatePassword: () => {
      const password = generatePassword();
      passwords.push(password);
      return password;
    },
    now: () => new Date(clock),
    sleep: async (ms) => {
      clock += ms;
    },
    loadDemoOrg: () => demoOrg
  };
  return { seed, logs, errors, calls, passwords };
}

describe('parseSeedOptions', () => {
  it('uses the defaults', () => {
    expect(parseSeedOptions([], PLAN_DIR)).toEqual({
      targetOrg: null,
      accounts: 25,
      planFile: null,
      portalUsersPerAccount: 2,
      portalProfile: DEFAULT_PORTAL_PROFILE,
      siteName: 'Success Cockpit Customers',
      sitePrefix: 'customers',
      logins: true,
      assignPermissions: false
    });
  });

  it('returns null for --help', () => {
    expect(parseSeedOptions(['--help'], PLAN_DIR)).toBeNull();
  });

  it('accepts an alias or a username as --target-org', () => {
    expect(parseSeedOptions(['--target-org', 'cockpit-ci'], PLAN_DIR)?.targetOrg).toBe('cockpit-ci');
    expect(parseSeedOptions(['--target-org', 'admin@scratch.example.com'], PLAN_DIR)?.targetOrg).toBe(
      'admin@scratch.example.com'
    );
  });

  it.each(['1org', 'my org', "x'; DROP", 'a@b'])('rejects --target-org %s', (value) => {
    expect(() => parseSeedOptions(['--target-org', value], PLAN_DIR)).toThrow(
      `--target-org "${value}" is invalid; use an org alias`
    );
  });

  it.each(['0', '201', 'ten', '2.5'])('rejects --accounts %s', (value) => {
    expect(() => parseSeedOptions(['--accounts', value], PLAN_DIR)).toThrow(
      `--accounts "${value}" is invalid; use a whole number from 1 to 200.`
    );
  });

  it('rejects --portal-users 3', () => {
    expect(() => parseSeedOptions(['--portal-users', '3'], PLAN_DIR)).toThrow(
      '--portal-users "3" is invalid; use a whole number from 0 to 2.'
    );
  });

  it('rejects a site prefix with a slash', () => {
    expect(() => parseSeedOptions(['--site-prefix', 'a/b'], PLAN_DIR)).toThrow('--site-prefix "a/b" is invalid');
  });

  it('rejects a profile name with a quote', () => {
    expect(() => parseSeedOptions(['--portal-profile', "Bob's"], PLAN_DIR)).toThrow(
      `--portal-profile "Bob's" is invalid`
    );
  });

  it('resolves --plan against the working folder', () => {
    expect(parseSeedOptions(['--plan', 'plan.json'], PLAN_DIR)?.planFile).toBe(PLAN_FILE);
  });

  it('rejects a missing plan file with the path it looked for', () => {
    const error = (() => {
      try {
        parseSeedOptions(['--plan', 'missing.json'], PLAN_DIR);
      } catch (caught) {
        return caught;
      }
    })();

    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(path.join(PLAN_DIR, 'missing.json'));
  });

  it('rejects --plan with --accounts', () => {
    expect(() => parseSeedOptions(['--plan', 'plan.json', '--accounts', '5'], PLAN_DIR)).toThrow(
      '--accounts and --plan cannot be used together'
    );
  });

  it('reads --no-logins and --assign-permissions', () => {
    const options = parseSeedOptions(['--no-logins', '--assign-permissions'], PLAN_DIR);

    expect(options?.logins).toBe(false);
    expect(options?.assignPermissions).toBe(true);
  });

  it('rejects an unknown option', () => {
    expect(() => parseSeedOptions(['--accountz', '5'], PLAN_DIR)).toThrow(UsageError);
  });
});

describe('buildDemoSeedPlan', () => {
  const plan = buildDemoSeedPlan(demoOrg, { accounts: 25, portalUsersPerAccount: 2, today: NOW });
  const accountKeys = new Set(plan.accounts.map((account) => account.key));
  const contactKeys = new Set(plan.contacts.map((contact) => contact.key));

  it('takes the first accounts of the demo org with numbered keys', () => {
    expect(plan.accounts).toHaveLength(25);
    expect(plan.accounts[0].key).toBe('SC-DEMO-001');
    expect(plan.accounts[24].key).toBe('SC-DEMO-025');
    expect(plan.accounts[0].fields.Name).toBe(demoOrg.accounts[0].name);
    expect(plan.accounts[0].fields.AccountNumber).toBe('SC-DEMO-001');
    expect(plan.accounts.every((account) => account.matchField === 'AccountNumber')).toBe(true);
  });

  it('writes the package fields of each account', () => {
    const account = plan.accounts[1].fields;

    expect(account.Segment__c).toBe(demoOrg.accounts[1].segment);
    expect(account.LicensedSeats__c).toBe(demoOrg.accounts[1].licensedSeats);
    expect(account.AnnualRecurringRevenue__c).toBe(demoOrg.accounts[1].annualRecurringRevenue);
  });

  it('keeps every contact of the chosen accounts with a unique key', () => {
    const demoIds = new Set(demoOrg.accounts.slice(0, 25).map((account) => account.id));
    const expected = demoOrg.contacts.filter((contact) => demoIds.has(contact.accountId)).length;

    expect(plan.contacts).toHaveLength(expected);
    expect(contactKeys.size).toBe(expected);
  });

  it('links every child record to a seeded account', () => {
    expect(plan.contacts.every((contact) => accountKeys.has(contact.accountKey))).toBe(true);
    expect(plan.opportunities.every((opportunity) => accountKeys.has(opportunity.accountKey))).toBe(true);
    expect(plan.cases.every((entry) => accountKeys.has(entry.accountKey))).toBe(true);
  });

  it('links Cases and stakeholders only to seeded contacts', () => {
    expect(plan.cases.every((entry) => entry.contactKey === null || contactKeys.has(entry.contactKey))).toBe(true);
    const links = plan.stakeholders.flatMap((link) => [link.executiveSponsorKey, link.championKey]);

    expect(links.filter((key) => key !== null).every((key) => contactKeys.has(key as string))).toBe(true);
    expect(links.filter((key) => key !== null).length).toBeGreaterThan(25);
  });

  it('keeps Case keys unique within each account', () => {
    const keys = plan.cases.map((entry) => `${entry.accountKey}|${entry.key}`);

    expect(new Set(keys).size).toBe(keys.length);
    expect(plan.cases.some((entry) => entry.key.endsWith('#2'))).toBe(true);
  });

  it('seeds the recent and the open Cases only', () => {
    const demoIds = new Set(demoOrg.accounts.slice(0, 25).map((account) => account.id));
    const windowStart = (demoOrg.asOfDay - CASE_HISTORY_DAYS + 1) * 86_400;
    const expected = demoOrg.cases.filter(
      (entry) => demoIds.has(entry.accountId) && (entry.createdAt >= windowStart || entry.closedAt === null)
    );

    expect(plan.cases).toHaveLength(expected.length);
    expect(plan.cases.length).toBeLessThan(demoOrg.cases.filter((entry) => demoIds.has(entry.accountId)).length);
    expect(plan.cases.map((entry) => entry.fields.Status)).not.toContain('On Hold');
  });

  it('moves renewal close dates to the year after today', () => {
    const openRenewals = plan.opportunities.filter(
      (opportunity) =>
        opportunity.fields.Type === 'Renewal' && !String(opportunity.fields.StageName).startsWith('Closed')
    );
    const daysAhead = openRenewals.map(
      (opportunity) => (Date.parse(`${String(opportunity.fields.CloseDate)}T00:00:00Z`) - NOW.getTime()) / DAY_MS
    );

    expect(openRenewals).toHaveLength(25);
    expect(Math.min(...daysAhead)).toBeGreaterThan(0);
    expect(daysAhead.filter((days) => days <= 365).length).toBeGreaterThanOrEqual(20);
  });

  it('chooses at most two portal users per account, each account first once', () => {
    const perAccount = new Map<string, number>();
    for (const user of plan.portalUsers) {
      perAccount.set(user.accountKey, (perAccount.get(user.accountKey) ?? 0) + 1);
    }
    const firstRank = plan.portalUsers.slice(0, perAccount.size).map((user) => user.accountKey);

    expect(Math.max(...perAccount.values())).toBe(2);
    expect(new Set(firstRank).size).toBe(perAccount.size);
    expect(plan.portalUsers.every((user) => contactKeys.has(user.contactKey))).toBe(true);
  });

  it('gives no portal users to accounts whose demo story has no portal', () => {
    const withoutPortal = demoOrg.accounts
      .slice(0, 25)
      .filter((account) => account.story === 'Telemetry' || account.story === 'NoUsage')
      .map((account) => demoAccountNumber(account.index));

    expect(withoutPortal.length).toBeGreaterThan(0);
    expect(plan.portalUsers.filter((user) => withoutPortal.includes(user.accountKey))).toEqual([]);
  });

  it('puts the champion first when the champion has a portal user', () => {
    const account = demoOrg.accounts[1];
    const champion = demoOrg.contacts.find((contact) => contact.id === account.championId);
    const first = plan.portalUsers.find((user) => user.accountKey === demoAccountNumber(1));

    expect(first?.contactKey).toBe(champion?.email.toLowerCase());
  });
});

describe('readTreePlan', () => {
  it('reads the hand-written plan with its keys and references', () => {
    const plan = readTreePlan(PLAN_FILE, 2);

    expect(plan.accounts.map((account) => [account.matchField, account.key])).toEqual([
      ['Name', 'Harbor Freight Analytics'],
      ['AccountNumber', 'LHG-7']
    ]);
    expect(plan.contacts.map((contact) => contact.accountKey)).toEqual([
      'Harbor Freight Analytics',
      'Harbor Freight Analytics',
      'Harbor Freight Analytics',
      'LHG-7'
    ]);
    expect(plan.cases.map((entry) => entry.key)).toEqual([
      'Export times out #1',
      'Export times out #2',
      'SSO certificate renewal #1'
    ]);
    expect(plan.cases[0].contactKey).toBe('nora.quill@harbor.example');
    expect(plan.cases[0].fields).not.toHaveProperty('AccountId');
  });

  it('chooses the first contacts of each account as portal users', () => {
    const plan = readTreePlan(PLAN_FILE, 2);

    expect(plan.portalUsers.map((user) => user.email)).toEqual([
      'nora.quill@harbor.example',
      'ravi.tan@linden.example',
      'owen.marsh@harbor.example'
    ]);
  });

  it('reports invalid JSON with its line and column', () => {
    const file = path.join(root, 'plan.json');
    writeFileSync(file, '[\n  { "sobject": "Account", }\n]');

    expect(() => readTreePlan(file, 1)).toThrow(/plan\.json: invalid JSON at line 2, column \d+/);
  });

  it('lists every problem of a plan with its file and record', () => {
    writeFileSync(
      path.join(root, 'plan.json'),
      JSON.stringify([
        { sobject: 'Lead', files: ['leads.json'] },
        { sobject: 'Contact', files: ['contacts.json'] },
        { sobject: 'Case', files: ['missing.json'] }
      ])
    );
    writeFileSync(
      path.join(root, 'contacts.json'),
      JSON.stringify({
        records: [
          { attributes: { type: 'Contact', referenceId: 'C1' }, AccountId: '@Nowhere', Email: 'a@b.example' },
          { attributes: { type: 'Contact', referenceId: 'C2' }, LastName: 'NoEmail', ReportsToId: '@C1' }
        ]
      })
    );

    const error = (() => {
      try {
        readTreePlan(path.join(root, 'plan.json'), 1);
      } catch (caught) {
        return caught as SeedPlanError;
      }
    })();

    expect(error).toBeInstanceOf(SeedPlanError);
    expect(error?.problems).toEqual([
      'plan.json entry 1: sobject "Lead" is not supported; use Account, Contact, Opportunity, Case.',
      `missing.json: the data file was not found (looked for ${path.join(root, 'missing.json')}).`,
      'contacts.json record C1: AccountId refers to @Nowhere, which is no Account record of the plan.',
      'contacts.json record C2: field ReportsToId refers to @C1, but a Contact may refer to other records only in ' +
        'AccountId.',
      'contacts.json record C2: AccountId must refer to a record of the plan, such as "@AccountRef1".',
      'contacts.json record C2: Email is missing; org:seed finds this record again by it on the next run.'
    ]);
  });

  const recipesPlan = path.join(researchDataDir(), 'trailheadapps-lwc-recipes', 'data-plan.json');
  const itIfRecipes = existsSync(recipesPlan) ? it : it.skip;
  if (!existsSync(recipesPlan)) {
    console.warn(`Skipping the lwc-recipes plan test: ${recipesPlan} is missing.`);
  }

  itIfRecipes('reads the public lwc-recipes plan and names its unknown field', async () => {
    const plan = readTreePlan(recipesPlan, 1);
    const org = new FakeSeedOrg();
    const { seed } = seedRun(org);

    expect(plan.accounts).toHaveLength(10);
    expect(plan.contacts).toHaveLength(6);
    await expect(runSeed(['--plan', recipesPlan], seed)).rejects.toThrow(
      /Contact has no field Picture__c in this org \(used by Contact Contacts\.json record ContactRef1\)/
    );
    expect(org.count('Account')).toBe(0);
  });
});

describe('runSeed org session', () => {
  it('advises org:create when the CLI has no default org', async () => {
    const noOrg = { status: 1, name: 'NoDefaultEnvError', message: 'No default environment found.' };
    const { seed } = seedRun(new FakeSeedOrg(), [sfOutput(noOrg, 1)]);

    const error = await runSeed(['--accounts', '2'], seed).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SfNotLoggedInError);
    expect((error as Error).message).toContain(SCRATCH_ORG_COMMAND);
  });

  it('names the alias and the login command for an unknown --target-org', async () => {
    const notFound = { status: 1, name: 'NamedOrgNotFoundError', message: 'No authorization information found.' };
    const { seed, calls } = seedRun(new FakeSeedOrg(), [sfOutput(notFound, 1)]);

    const error = await runSeed(['--target-org', 'demo', '--accounts', '2'], seed).catch((caught: unknown) => caught);

    expect(calls[0].args).toEqual(['sf', 'org', 'display', '--target-org', 'demo', '--json']);
    expect((error as Error).message).toContain('npm run org:create -- --alias demo');
    expect((error as Error).message).toContain('npx sf org login web --alias demo');
  });

  it('reads the token with show-access-token', async () => {
    const org = new FakeSeedOrg();
    const { seed, calls } = seedRun(org);
    let token = '';
    seed.openConnection = (session) => {
      token = session.accessToken;
      return org.connection();
    };

    await runSeed(['--target-org', 'cockpit', '--accounts', '1', '--portal-users', '0'], seed);

    expect(calls.map((call) => [call.command, ...call.args].join(' '))).toEqual([
      'npx sf org display --target-org cockpit --json',
      'npx sf org auth show-access-token --target-org cockpit --json'
    ]);
    expect(token).toBe(org.session.accessToken);
  });

  it('checks the options before it runs anything', async () => {
    const { seed, calls } = seedRun(new FakeSeedOrg(), []);

    await expect(runSeed(['--accounts', '500'], seed)).rejects.toThrow(UsageError);
    expect(calls).toEqual([]);
  });
});

describe('runSeed with the demo org', () => {
  it('creates the records in collection requests and reports the counts', async () => {
    const org = new FakeSeedOrg();
    const { seed, logs, errors } = seedRun(org);
    const plan = buildDemoSeedPlan(demoOrg, { accounts: 25, portalUsersPerAccount: 2, today: NOW });

    const code = await runSeed(['--no-logins'], seed);

    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(org.count('Account')).toBe(25);
    expect(org.count('Contact')).toBe(plan.contacts.length);
    expect(org.count('Opportunity')).toBe(plan.opportunities.length);
    expect(org.count('Case')).toBe(plan.cases.length);
    expect(org.callsOf('create', 'Case')).toHaveLength(Math.ceil(plan.cases.length / 200));
    expect(org.callsOf('create', 'Contact')).toHaveLength(1);
    expect(logs).toContain('Account: 25 created, 0 updated.');
    expect(logs).toContain(`Case: ${plan.cases.length} created, 0 updated.`);
  });

  it('links contacts, Cases and stakeholders by Id', async () => {
    const org = new FakeSeedOrg();
    const { seed } = seedRun(org);

    await runSeed(['--accounts', '5', '--portal-users', '0'], seed);

    const account = org.table('Account').find((row) => row.AccountNumber === 'SC-DEMO-002');
    const champion = org.find('Contact', account?.Champion__c);
    const demoChampion = demoOrg.contacts.find((contact) => contact.id === demoOrg.accounts[1].championId);
    expect(champion?.Email).toBe(demoChampion?.email);
    expect(org.table('Contact').every((contact) => org.find('Account', contact.AccountId) !== undefined)).toBe(true);
    expect(org.table('Case').every((entry) => org.find('Account', entry.AccountId) !== undefined)).toBe(true);
    expect(org.table('Case').some((entry) => org.find('Contact', entry.ContactId) !== undefined)).toBe(true);
  });

  it('updates the records of an earlier run instead of duplicating them', async () => {
    const org = new FakeSeedOrg();
    await runSeed(['--accounts', '10', '--no-logins'], seedRun(org).seed);
    const counts = ['Account', 'Contact', 'Opportunity', 'Case', 'User'].map((sobject) => org.count(sobject));
    const { seed, logs } = seedRun(org);

    const code = await runSeed(['--accounts', '10', '--no-logins'], seed);

    expect(code).toBe(0);
    expect(['Account', 'Contact', 'Opportunity', 'Case', 'User'].map((sobject) => org.count(sobject))).toEqual(counts);
    expect(logs).toContain('Account: 0 created, 10 updated.');
    expect(logs.find((line) => line.startsWith('Found '))).toMatch(
      /^Found \d+ records of an earlier seed run by their keys \(Account Number, Contact Email/
    );
    expect(logs.find((line) => line.startsWith('Portal users:'))).toMatch(
      /^Portal users: 0 created, \d+ already present\.$/
    );
  });

  it('creates the missing records of a larger second run', async () => {
    const org = new FakeSeedOrg();
    await runSeed(['--accounts', '3', '--portal-users', '0'], seedRun(org).seed);
    const { seed, logs } = seedRun(org);

    await runSeed(['--accounts', '5', '--portal-users', '0'], seed);

    expect(org.count('Account')).toBe(5);
    expect(logs).toContain('Account: 2 created, 3 updated.');
  });

  it('stops before writing when the package fields are missing', async () => {
    const org = new FakeSeedOrg({ missingFields: ['Account.Segment__c'] });
    const { seed } = seedRun(org);

    await expect(runSeed(['--accounts', '2'], seed)).rejects.toThrow(
      'Account has no field Segment__c in this org (used by Account SC-DEMO-001'
    );
    await expect(runSeed(['--accounts', '2'], seedRun(org).seed)).rejects.toThrow(
      'Deploy the package first with: npm run org:deploy'
    );
    expect(org.count('Account')).toBe(0);
  });

  it('reports every record of a failed request and loads the rest', async () => {
    const org = new FakeSeedOrg();
    org.failNextCreate.set('Opportunity', 'REQUEST_LIMIT_EXCEEDED: ConcurrentPerOrgLongTxn Limit exceeded.');
    const { seed, errors } = seedRun(org);

    const code = await runSeed(['--accounts', '3', '--portal-users', '0'], seed);

    const failed = errors.filter((line) => line.includes('FAILED Opportunity'));
    expect(code).toBe(1);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toContain('the create request failed: REQUEST_LIMIT_EXCEEDED');
    expect(org.count('Opportunity')).toBe(0);
    expect(org.count('Case')).toBeGreaterThan(0);
  });
});

describe('runSeed portal users and logins', () => {
  it('creates users, owner role, site and logins', async () => {
    const org = new FakeSeedOrg();
    const { seed, logs, errors } = seedRun(org);
    const plan = buildDemoSeedPlan(demoOrg, { accounts: 5, portalUsersPerAccount: 2, today: NOW });

    const code = await runSeed(['--accounts', '5'], seed);

    const portalUsers = org.table('User').filter((user) => user.ContactId !== undefined);
    expect(code).toBe(0);
    expect(portalUsers).toHaveLength(plan.portalUsers.length);
    expect(portalUsers.every((user) => String(user.Username).includes('.00dfake0000000aaaa@'))).toBe(true);
    expect(org.find('User', org.runningUserId)?.UserRoleId).toBe(org.table('UserRole')[0].Id);
    expect(org.table('UserRole')[0].DeveloperName).toBe(OWNER_ROLE.DeveloperName);
    expect(org.table('Network')).toHaveLength(1);
    expect(org.table('Network')[0].IsPublished).toBe(true);
    expect(org.table('NetworkMemberGroup')[0].ParentId).toBe(org.profileId);
    expect(org.table('LoginHistory')).toHaveLength(plan.portalUsers.length);
    expect(logs).toContain(
      `Logins: ${plan.portalUsers.length} of ${plan.portalUsers.length} portal users logged in through ` +
        'https://fake-org.my.site.com/customers.'
    );
    expect(logs).toContain(`LoginHistory: ${plan.portalUsers.length} × Networks Portal API Only (Success).`);
    expect(errors).toContainEqual(
      expect.stringContaining('The roll-up leaves out the "Networks Portal API Only" logins')
    );
  });

  it('no warning for a counted type', async () => {
    const org = new FakeSeedOrg();
    org.table('HealthJobSetting__mdt')[0].LoginTypes__c = 'Application\nnetworks portal api only';
    const { seed, errors } = seedRun(org);

    const code = await runSeed(['--accounts', '2'], seed);

    expect(code).toBe(0);
    expect(errors).toEqual([]);
  });

  it('compares with the defaults without a setting', async () => {
    const org = new FakeSeedOrg();
    org.rows.delete('HealthJobSetting__mdt');
    const { seed, errors } = seedRun(org);

    await runSeed(['--accounts', '2'], seed);

    expect(errors).toContainEqual(
      expect.stringContaining('because the default Login Types (no Health Job Setting "Default" record) do not list it')
    );
  });

  it('sets passwords in composite requests of 25 and never prints them', async () => {
    const org = new FakeSeedOrg();
    const { seed, logs, errors, passwords } = seedRun(org);

    await runSeed(['--accounts', '20'], seed);

    const output = [...logs, ...errors].join('\n');
    expect(passwords.length).toBeGreaterThan(25);
    expect(org.callsOf('request', 'POST /composite')).toHaveLength(Math.ceil(passwords.length / 25));
    expect(passwords.some((password) => output.includes(password))).toBe(false);
    expect(output).not.toContain(org.session.accessToken);
  });

  it('reuses site and users on a rerun', async () => {
    const org = new FakeSeedOrg();
    await runSeed(['--accounts', '3'], seedRun(org).seed);
    const users = org.count('User');
    const { seed, logs } = seedRun(org);

    const code = await runSeed(['--accounts', '3'], seed);

    expect(code).toBe(0);
    expect(org.count('User')).toBe(users);
    expect(org.table('Network')).toHaveLength(1);
    expect(logs).toContain('Using the existing site "Success Cockpit Customers" (status UnderConstruction).');
    expect(org.count('LoginHistory')).toBe(2 * (users - 1));
  });

  it('skips the site and the logins with --no-logins', async () => {
    const org = new FakeSeedOrg();
    const { seed, logs } = seedRun(org);

    const code = await runSeed(['--accounts', '3', '--no-logins'], seed);

    expect(code).toBe(0);
    expect(org.count('User')).toBeGreaterThan(1);
    expect(org.table('Network')).toEqual([]);
    expect(org.callsOf('request', 'POST /composite')).toEqual([]);
    expect(org.calls.filter((call) => call.target.startsWith('LOGIN'))).toEqual([]);
    expect(logs).toContain('Skipped the site and the logins (--no-logins).');
  });

  it('reports a failed login and continues', async () => {
    const plan = buildDemoSeedPlan(demoOrg, { accounts: 3, portalUsersPerAccount: 2, today: NOW });
    const failing = portalUsername(plan.portalUsers[0].email, '00DFAKE0000000AAAA');
    const org = new FakeSeedOrg({
      failingLogins: new Map([[failing, 'LOGIN_MUST_USE_SECURITY_TOKEN: Invalid username, password, security token']])
    });
    const { seed, logs, errors } = seedRun(org);

    const code = await runSeed(['--accounts', '3'], seed);

    expect(code).toBe(1);
    expect(errors).toContain(
      `  FAILED Login of ${failing} through https://fake-org.my.site.com/customers failed: ` +
        'LOGIN_MUST_USE_SECURITY_TOKEN: Invalid username, password, security token'
    );
    expect(org.count('LoginHistory')).toBe(plan.portalUsers.length - 1);
    expect(logs).toContain(
      `Logins: ${plan.portalUsers.length - 1} of ${plan.portalUsers.length} portal users logged in through ` +
        'https://fake-org.my.site.com/customers.'
    );
  });

  it('creates only as many users as there are free licenses', async () => {
    const org = new FakeSeedOrg({ licenses: 3, runningUserHasRole: true });
    const { seed, errors } = seedRun(org);

    const code = await runSeed(['--accounts', '5', '--no-logins'], seed);

    const plan = buildDemoSeedPlan(demoOrg, { accounts: 5, portalUsersPerAccount: 2, today: NOW });
    expect(code).toBe(0);
    expect(org.count('User')).toBe(1 + 3);
    expect(org.table('UserRole')).toHaveLength(1);
    expect(errors).toContain(
      `  ${plan.portalUsers.length - 3} portal users were not created because the Customer Community license has 3 ` +
        'of 6 free; seed fewer accounts, pass --portal-users 1, or free licenses by deactivating portal users.'
    );
  });

  it('reports a missing profile and still seeds the records', async () => {
    const org = new FakeSeedOrg();
    const { seed, errors } = seedRun(org);

    const code = await runSeed(['--accounts', '2', '--portal-profile', 'Partner Community User'], seed);

    expect(code).toBe(1);
    expect(org.count('Account')).toBe(2);
    expect(errors).toContainEqual(
      expect.stringContaining('The profile "Partner Community User" was not found, so no portal user was created.')
    );
  });

  it('creates the site of --site at --site-prefix', async () => {
    const org = new FakeSeedOrg();
    const { seed } = seedRun(org);

    await runSeed(['--accounts', '2', '--site', 'Demo Portal', '--site-prefix', 'demo'], seed);

    expect(org.table('Network')[0]).toMatchObject({
      Name: 'Demo Portal',
      UrlPathPrefix: 'demo',
      Template: 'Customer Service'
    });
    expect(org.table('LoginHistory').length).toBeGreaterThan(0);
  });
});

describe('runSeed with a plan file', () => {
  it('seeds the plan and finds its records again on a rerun', async () => {
    const org = new FakeSeedOrg();
    const first = seedRun(org);

    expect(await runSeed(['--plan', 'plan.json', '--portal-users', '1'], first.seed)).toBe(0);
    expect(first.logs).toContain('Case: 3 created, 0 updated.');

    const second = seedRun(org);
    expect(await runSeed(['--plan', 'plan.json', '--portal-users', '1'], second.seed)).toBe(0);
    expect(org.count('Account')).toBe(2);
    expect(org.count('Contact')).toBe(4);
    expect(org.count('Case')).toBe(3);
    expect(second.logs).toContain('Case: 0 created, 3 updated.');
    expect(second.logs.find((line) => line.startsWith('Found '))).toContain('(Account Name or Number,');
  });
});

describe('runSeed --assign-permissions', () => {
  it('assigns the persona groups once', async () => {
    const org = new FakeSeedOrg();
    await runSeed(['--accounts', '1', '--portal-users', '0', '--assign-permissions'], seedRun(org).seed);
    const { seed, logs } = seedRun(org);

    await runSeed(['--accounts', '1', '--portal-users', '0', '--assign-permissions'], seed);

    expect(org.table('PermissionSetAssignment')).toHaveLength(3);
    expect(org.table('PermissionSetAssignment').every((row) => row.AssigneeId === org.runningUserId)).toBe(true);
    expect(logs).toContain('Permission set groups of admin@fake-org.example: none assigned; 3 already assigned.');
  });

  it('reports groups that are still being recalculated', async () => {
    const org = new FakeSeedOrg({ groupStatus: 'Outdated' });
    const { seed, errors } = seedRun(org);

    const code = await runSeed(['--accounts', '1', '--portal-users', '0', '--assign-permissions'], seed);

    expect(code).toBe(1);
    expect(org.table('PermissionSetAssignment')).toEqual([]);
    expect(errors).toContainEqual(
      expect.stringContaining('SuccessCockpitCsm has status Outdated and cannot be assigned yet')
    );
  });

  it('prints the next steps with the target org', async () => {
    const org = new FakeSeedOrg();
    const { seed, logs } = seedRun(org);

    await runSeed(['--target-org', 'cockpit', '--accounts', '1', '--portal-users', '0'], seed);

    expect(logs).toContain(
      '  Score the seeded accounts now: npx sf apex run --file scripts/apex/run-health-job-now.apex ' +
        '--target-org cockpit'
    );
  });
});

describe('soqlString', () => {
  it('escapes quotes, backslashes and line breaks', () => {
    expect(soqlString("O'Brien \\ Co\nLtd")).toBe("'O\\'Brien \\\\ Co\\nLtd'");
  });

  it('round-trips through the fake SOQL parser', () => {
    const parsed = parseQuery(`SELECT Id FROM Account WHERE Name IN (${soqlString("O'Brien, AND Co")}, 'B')`);

    expect(parsed.conditions).toEqual([{ field: 'Name', operator: 'IN', values: ["O'Brien, AND Co", 'B'] }]);
  });
});

describe('generatePassword', () => {
  it('mixes letter cases, digits and symbols and differs each time', () => {
    const passwords = Array.from({ length: 20 }, () => generatePassword());

    expect(new Set(passwords).size).toBe(20);
    for (const password of passwords) {
      expect(password).toHaveLength(20);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[!#$%\-_=+]/);
    }
  });
});
