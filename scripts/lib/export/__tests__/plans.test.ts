import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadExportConfig } from '../config';
import { formatProblem, readOrgExport, readOrgExportText } from '../read-export';
import type { OrgExport } from '../read-export';

const PLANS_EXPORT = join(__dirname, 'fixtures', 'plans-export');
const ACME = '001A00000000001AAA';
const GLOBEX = '001A00000000002AAA';
const INITECH = '001A00000000003AAA';
const ACTIVE_PLAN = 'a0DA00000000001AAA';
const COMPLETED_PLAN = 'a0DA00000000002AAA';

function problemLines(result: OrgExport): string[] {
  return result.problems.map(formatProblem);
}

describe('readOrgExport with success plans and renewal checkpoints', () => {
  let result: OrgExport;

  beforeAll(async () => {
    result = await readOrgExport(PLANS_EXPORT, loadExportConfig(null));
  });

  it('reads the plans of each account, newest start first', () => {
    expect(result.plans.get(ACME)?.map((plan) => [plan.id, plan.status])).toEqual([
      [ACTIVE_PLAN, 'Active'],
      [COMPLETED_PLAN, 'Completed']
    ]);
    expect(result.plans.get(GLOBEX)?.map((plan) => plan.status)).toEqual(['Draft']);
    expect(result.plans.has(INITECH)).toBe(false);
  });

  it('reads the plan fields', () => {
    const plan = result.plans.get(ACME)?.[0];

    expect(plan).toMatchObject({
      accountId: ACME,
      name: 'Acme adoption plan',
      stage: 'Adoption',
      reviewCadenceDays: 30,
      nextReview: '2026-12-05',
      escalationPath: 'CSM, then the CS manager',
      startDate: '2026-06-01',
      endDate: '2026-11-28',
      templateName: 'Adoption'
    });
  });

  it('names sponsor and champion from Contact.csv', () => {
    const plan = result.plans.get(ACME)?.[0];

    expect(plan?.executiveSponsor).toEqual({
      id: '003A00000000001AAA',
      name: 'Ada Sponsor',
      title: 'Chief Financial Officer'
    });
    expect(plan?.champion).toEqual({ id: '003A00000000002AAA', name: 'Carl Champion', title: null });
  });

  it('keeps an unknown sponsor by Id with a notice', () => {
    expect(result.plans.get(GLOBEX)?.[0].executiveSponsor).toEqual({
      id: '003A00000000009AAA',
      name: '003A00000000009AAA',
      title: null
    });
    expect(result.notices).toContain(
      'SuccessPlan__c.csv: 1 row names a contact in ExecutiveSponsor__c that cannot be named because Contact.csv ' +
        'does not list them (for example 003A00000000009AAA); the Id is shown instead. Export those contacts too.'
    );
  });

  it('reads picklist labels as API names', () => {
    expect(result.plans.get(ACME)?.[1].stage).toBe('PreRenewal');
    expect(result.plans.get(ACME)?.[0].objectives.map((objective) => objective.status)).toEqual(['AtRisk', 'OnTrack']);
    expect(result.plans.get(ACME)?.[0].milestones.map((milestone) => milestone.phase)).toEqual(['Days30', 'Days90']);
  });

  it('orders objectives by SortOrder__c', () => {
    expect(result.plans.get(ACME)?.[0].objectives).toEqual([
      {
        id: 'a0EA00000000002AAA',
        outcome: 'Close the month faster, in days',
        successMetric: 'Days to close',
        unit: 'days',
        baseline: 9,
        target: 5,
        currentValue: 7,
        dueDate: '2026-11-28',
        status: 'AtRisk',
        capability: null,
        sortOrder: 10
      },
      {
        id: 'a0EA00000000001AAA',
        outcome: 'Raise seat use',
        successMetric: 'Seats active',
        unit: '%',
        baseline: 40,
        target: 60,
        currentValue: 60,
        dueDate: '2026-11-28',
        status: 'OnTrack',
        capability: 'Licensed seats',
        sortOrder: 20
      }
    ]);
  });

  it('defaults a blank objective status to NotStarted', () => {
    expect(result.plans.get(GLOBEX)?.[0].objectives.map((objective) => objective.status)).toEqual(['NotStarted']);
  });

  it('reads milestones with owner names', () => {
    const milestones = result.plans.get(ACME)?.[0].milestones ?? [];

    expect(milestones[1]).toEqual({
      id: 'a0FA00000000001AAA',
      name: 'Seats in use reach 45%',
      objectiveId: 'a0EA00000000001AAA',
      phase: 'Days90',
      targetDate: '2026-09-01',
      criteria: 'At least 45% of seats active',
      criteriaMeasure: 'LicenseUtilization30d',
      criteriaOperator: 'AtLeast',
      criteriaValue: 45,
      completedDate: null,
      completionSource: null,
      ownerId: '005A00000000001AAA',
      ownerName: 'Olivia Owner',
      sortOrder: 20
    });
    expect(milestones[0]).toMatchObject({ completedDate: '2026-06-14', completionSource: 'Manual', ownerName: null });
  });

  it('unlinks a milestone from an objective of another plan', () => {
    expect(result.plans.get(ACME)?.[0].milestones[0].objectiveId).toBeNull();
    expect(result.notices).toContain(
      'SuccessMilestone__c.csv: 1 row names an Objective__c that is not an objective of the same plan in ' +
        'SuccessObjective__c.csv; it is shown without an objective. Export SuccessObjective__c too, or fix Objective__c.'
    );
  });

  it('reports children of unknown plans once', () => {
    expect(result.notices).toContain(
      'SuccessObjective__c.csv: 1 row refers through SuccessPlan__c to plans that are not in SuccessPlan__c.csv or ' +
        'were ignored (for example a0DA00000000009AAA); it was ignored. Export those plans too.'
    );
    expect(result.notices).toContain(
      'SuccessPlan__c.csv: 1 row refers through Account__c to accounts that are not in Account.csv (for example ' +
        '001A00000000009AAA) and was ignored; export those accounts too if they should be scored.'
    );
  });

  it('rejects bad plan rows with line and column', () => {
    expect(problemLines(result)).toEqual(
      expect.arrayContaining([
        'SuccessPlan__c.csv line 5, column Status__c: unknown value "Paused"; use one of Draft, Active, OnHold, ' +
          'Completed, Cancelled',
        'SuccessPlan__c.csv line 7, column ReviewCadenceDays__c: invalid number "x"; write a plain decimal such as ' +
          '1234.5, without separators',
        'SuccessObjective__c.csv line 6, column Outcome__c: missing value; every row needs a Outcome__c',
        'SuccessObjective__c.csv line 7, column Baseline__c: invalid number "abc"; write a plain decimal such as ' +
          '1234.5, without separators',
        'SuccessMilestone__c.csv line 4, column Phase__c: unknown value "Weekly"; use one of Days30, Days60, Days90, ' +
          'Quarter',
        'SuccessMilestone__c.csv line 5, column CriteriaOperator__c: unknown value "Below"; use one of AtLeast, AtMost'
      ])
    );
  });

  it('rejects bad checkpoint rows with line and column', () => {
    expect(problemLines(result)).toEqual(
      expect.arrayContaining([
        `RenewalCheckpoint__c.csv line 6, column DaysBefore__c: second checkpoint 180 days before the renewal on ` +
          `2026-11-28 for account ${ACME}; keep one row per CheckpointKey__c`,
        'RenewalCheckpoint__c.csv line 7, column Call__c: unknown value "Maybe"; use one of Commit, AtRisk, Upside',
        'RenewalCheckpoint__c.csv line 8, column DataScore__c: score 150 is outside 0 to 100; fix the score',
        'RenewalCheckpoint__c.csv line 9, column CallRecordedAt__c: invalid date-time "2026-13-01T00:00:00Z"; use ' +
          'the format 2024-07-11T21:22:07.000+0000',
        'RenewalCheckpoint__c.csv line 10, column DaysBefore__c: invalid value -5; use a whole number of 0 or more'
      ])
    );
    expect(result.files.find((file) => file.name === 'RenewalCheckpoint__c.csv')).toEqual({
      name: 'RenewalCheckpoint__c.csv',
      rows: 9,
      rejected: 5,
      skipped: false
    });
  });

  it('reads checkpoints by renewal date, most days before first', () => {
    expect(result.renewalCheckpoints.get(ACME)?.map((row) => [row.renewalDate, row.daysBefore, row.status])).toEqual([
      ['2026-11-28', 365, 'Skipped'],
      ['2026-11-28', 180, 'Done'],
      ['2026-11-28', 120, 'Due'],
      ['2027-11-28', 365, 'Upcoming']
    ]);
    expect(result.renewalCheckpoints.has(GLOBEX)).toBe(false);
  });

  it('reads a checkpoint with its call', () => {
    expect(result.renewalCheckpoints.get(ACME)?.[1]).toEqual({
      id: 'a0GA00000000001AAA',
      renewalDate: '2026-11-28',
      daysBefore: 180,
      dueDate: '2026-06-01',
      playbook: 'QBR',
      status: 'Done',
      taskId: '00TA00000000001AAA',
      taskClosed: true,
      call: 'Commit',
      callNote: 'Sponsor said yes, budget approved',
      dataBand: 'Red',
      dataScore: 44.5,
      isDisagreement: true,
      recordedAt: '2026-06-02T13:04:05.123Z',
      recordedByName: 'Olivia Owner',
      createdDate: '2026-05-14'
    });
  });

  it('tells closed from open playbook Tasks', () => {
    expect(result.renewalCheckpoints.get(ACME)?.map((row) => row.taskClosed)).toEqual([false, true, false, false]);
  });

  it('counts the objectives of Active plans', () => {
    const objectivesOf = (id: string): unknown =>
      result.accounts.find((signals) => signals.accountId === id)?.objectives;

    expect(objectivesOf(ACME)).toEqual({ total: 2, met: 1 });
    expect(objectivesOf(GLOBEX)).toBeNull();
    expect(objectivesOf(INITECH)).toBeNull();
  });

  it('reads the same from memory as from the folder', () => {
    const files = new Map(
      readdirSync(PLANS_EXPORT).map((name) => [name, readFileSync(join(PLANS_EXPORT, name), 'utf8')])
    );

    const fromText = readOrgExportText(files, loadExportConfig(null));

    expect(fromText).toEqual(result);
  });
});

describe('readOrgExport without plan files', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'plans-export-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives no plans and no objectives', async () => {
    writeFileSync(join(folder, 'Account.csv'), 'Id,Name\n001A,Acme\n');

    const result = await readOrgExport(folder, loadExportConfig(null));

    expect(result.plans.size).toBe(0);
    expect(result.renewalCheckpoints.size).toBe(0);
    expect(result.accounts[0].objectives).toBeNull();
    expect(result.problems).toEqual([]);
  });

  it('skips a plan file missing a required column', async () => {
    writeFileSync(join(folder, 'Account.csv'), 'Id,Name\n001A,Acme\n');
    writeFileSync(join(folder, 'SuccessPlan__c.csv'), 'Id,Account__c\na0D1,001A\n');
    writeFileSync(join(folder, 'SuccessObjective__c.csv'), 'Id,SuccessPlan__c,Outcome__c\na0E1,a0D1,Grow\n');

    const result = await readOrgExport(folder, loadExportConfig(null));

    expect(result.problems.map(formatProblem)).toEqual([
      'SuccessPlan__c.csv line 1: missing required column Status__c; add the column or re-export with it. ' +
        'The file was skipped.'
    ]);
    expect(result.plans.size).toBe(0);
    expect(result.notices).toContain(
      'SuccessObjective__c.csv: 1 row refers through SuccessPlan__c to plans that are not in SuccessPlan__c.csv or ' +
        'were ignored (for example a0D1); it was ignored. Export those plans too.'
    );
  });

  it('names contacts by Id without Contact.csv', async () => {
    writeFileSync(join(folder, 'Account.csv'), 'Id,Name\n001A,Acme\n');
    writeFileSync(join(folder, 'SuccessPlan__c.csv'), 'Id,Account__c,Status__c,Champion__c\na0D1,001A,Active,003A\n');

    const result = await readOrgExport(folder, loadExportConfig(null));

    expect(result.plans.get('001A')?.[0].champion).toEqual({ id: '003A', name: '003A', title: null });
    expect(result.accounts[0].objectives).toEqual({ total: 0, met: 0 });
    expect(result.notices).toContain(
      'SuccessPlan__c.csv: 1 row names a contact in Champion__c that cannot be named because Contact.csv is missing ' +
        '(for example 003A); the Id is shown instead. Export those contacts too.'
    );
  });
});
