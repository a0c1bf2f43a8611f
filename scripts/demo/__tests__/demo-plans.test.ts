import { parse } from 'csv-parse/sync';
import { compareRenewalCall, isObjectiveMet } from 'c/planEngine';
import type { ObjectiveRecord, ObjectiveStatus, RenewalCall } from 'c/planEngine';

import type { StoryName } from '../demo-org';
import { generateDemoExport, loadDemoMetadata } from '../generate-export';

type Row = Record<string, string>;

const DAY_MS = 86400000;
const AS_OF = Date.UTC(2026, 10, 30) / DAY_MS;

const demo = generateDemoExport();
const metadata = loadDemoMetadata();
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

function ids(name: string): Set<string> {
  return new Set(table(name).map((row) => field(row, 'Id')));
}

/** Day number of a `YYYY-MM-DD` date or a `...+0000` date-time. */
function dayOf(text: string): number {
  return Math.floor(Date.parse(text.replace(/\+0000$/, 'Z')) / DAY_MS);
}

function storyOf(accountId: string): StoryName {
  const account = demo.org.accounts.find((entry) => entry.id === accountId);
  if (!account) {
    throw new Error(`Account ${accountId} is not in the demo org.`);
  }
  return account.story;
}

function numberOrNull(text: string): number | null {
  return text === '' ? null : Number(text);
}

function objectiveRecord(row: Row): ObjectiveRecord {
  return {
    id: field(row, 'Id'),
    outcome: field(row, 'Outcome__c'),
    successMetric: field(row, 'SuccessMetric__c'),
    unit: field(row, 'Unit__c'),
    baseline: numberOrNull(field(row, 'Baseline__c')),
    target: numberOrNull(field(row, 'Target__c')),
    currentValue: numberOrNull(field(row, 'CurrentValue__c')),
    dueDate: field(row, 'DueDate__c') || null,
    status: field(row, 'Status__c') as ObjectiveStatus,
    capability: field(row, 'Capability__c') || null,
    sortOrder: numberOrNull(field(row, 'SortOrder__c'))
  };
}

function plansOf(status: string): Row[] {
  return table('SuccessPlan__c.csv').filter((plan) => field(plan, 'Status__c') === status);
}

/** Share of the objectives of the stories' Active plans that are met. */
function metShare(stories: readonly StoryName[]): number {
  const planIds = new Set(
    plansOf('Active')
      .filter((plan) => stories.includes(storyOf(field(plan, 'Account__c'))))
      .map((plan) => field(plan, 'Id'))
  );
  const objectives = table('SuccessObjective__c.csv').filter((row) => planIds.has(field(row, 'SuccessPlan__c')));
  return objectives.filter((row) => isObjectiveMet(objectiveRecord(row))).length / objectives.length;
}

describe('demo plan files', () => {
  it.each([
    ['SuccessPlan__c.csv', 80, 140],
    ['SuccessObjective__c.csv', 200, 500],
    ['SuccessMilestone__c.csv', 300, 800],
    ['RenewalCheckpoint__c.csv', 1000, 1600]
  ])('keeps %s between %d and %d rows', (name, min, max) => {
    expect(table(name).length).toBeGreaterThanOrEqual(min);
    expect(table(name).length).toBeLessThanOrEqual(max);
  });

  it.each([
    ['SuccessPlan__c.csv', 'Account__c', 'Account.csv'],
    ['SuccessPlan__c.csv', 'ExecutiveSponsor__c', 'Contact.csv'],
    ['SuccessPlan__c.csv', 'Champion__c', 'Contact.csv'],
    ['SuccessObjective__c.csv', 'SuccessPlan__c', 'SuccessPlan__c.csv'],
    ['SuccessMilestone__c.csv', 'SuccessPlan__c', 'SuccessPlan__c.csv'],
    ['SuccessMilestone__c.csv', 'Owner__c', 'User.csv'],
    ['RenewalCheckpoint__c.csv', 'Account__c', 'Account.csv'],
    ['RenewalCheckpoint__c.csv', 'TaskId__c', 'Task.csv'],
    ['RenewalCheckpoint__c.csv', 'Opportunity__c', 'Opportunity.csv'],
    ['RenewalCheckpoint__c.csv', 'CallRecordedBy__c', 'User.csv']
  ])('%s %s exists in %s', (name, column, target) => {
    const targetIds = ids(target);
    const missing = table(name).filter((row) => field(row, column) !== '' && !targetIds.has(field(row, column)));

    expect(missing).toEqual([]);
  });

  it('links milestones to objectives of their own plan', () => {
    const planOfObjective = new Map(
      table('SuccessObjective__c.csv').map((row) => [field(row, 'Id'), field(row, 'SuccessPlan__c')])
    );
    const linked = table('SuccessMilestone__c.csv').filter((row) => field(row, 'Objective__c') !== '');

    expect(linked.length).toBeGreaterThan(100);
    for (const row of linked) {
      expect(planOfObjective.get(field(row, 'Objective__c'))).toBe(field(row, 'SuccessPlan__c'));
    }
  });

  it('keeps creation dates before the export', () => {
    for (const name of ['SuccessPlan__c.csv', 'RenewalCheckpoint__c.csv']) {
      const days = table(name).map((row) => dayOf(field(row, 'CreatedDate')));

      expect(Math.max(...days)).toBeLessThanOrEqual(AS_OF);
    }
    const completed = table('SuccessMilestone__c.csv')
      .filter((row) => field(row, 'CompletedDate__c') !== '')
      .map((row) => dayOf(field(row, 'CompletedDate__c')));
    expect(Math.max(...completed)).toBeLessThanOrEqual(AS_OF);
  });
});

describe('demo success plans', () => {
  it('gives 40 to 60 percent of the accounts one Active plan', () => {
    const accounts = plansOf('Active').map((plan) => field(plan, 'Account__c'));
    const share = new Set(accounts).size / table('Account.csv').length;

    expect(new Set(accounts).size).toBe(accounts.length);
    expect(share).toBeGreaterThanOrEqual(0.4);
    expect(share).toBeLessThanOrEqual(0.6);
  });

  it('keeps one open plan per account', () => {
    const open = table('SuccessPlan__c.csv')
      .filter((plan) => ['Draft', 'Active', 'OnHold'].includes(field(plan, 'Status__c')))
      .map((plan) => field(plan, 'Account__c'));

    expect(new Set(open).size).toBe(open.length);
  });

  it('has a few Draft and Completed plans', () => {
    const completed = plansOf('Completed');

    expect(plansOf('Draft').length).toBeGreaterThanOrEqual(3);
    expect(plansOf('Draft').length).toBeLessThanOrEqual(12);
    expect(completed.length).toBeGreaterThanOrEqual(3);
    expect(completed.every((plan) => dayOf(field(plan, 'EndDate__c')) < AS_OF)).toBe(true);
  });

  it('creates each plan from its template', () => {
    const { templates, items } = metadata.plans;
    const objectivesOf = new Map<string, number>();
    const milestoneNamesOf = new Map<string, string[]>();
    for (const row of table('SuccessObjective__c.csv')) {
      objectivesOf.set(field(row, 'SuccessPlan__c'), (objectivesOf.get(field(row, 'SuccessPlan__c')) ?? 0) + 1);
    }
    for (const row of table('SuccessMilestone__c.csv')) {
      const names = milestoneNamesOf.get(field(row, 'SuccessPlan__c')) ?? [];
      names.push(field(row, 'Name'));
      milestoneNamesOf.set(field(row, 'SuccessPlan__c'), names);
    }
    for (const plan of table('SuccessPlan__c.csv')) {
      const template = templates.find((entry) => entry.name === field(plan, 'Template__c'));
      const own = items.filter((item) => item.template === template?.name);
      const planId = field(plan, 'Id');

      expect(template?.stage).toBe(field(plan, 'Stage__c'));
      expect(objectivesOf.get(planId)).toBe(own.filter((item) => item.itemType === 'Objective').length);
      expect([...(milestoneNamesOf.get(planId) ?? [])].sort()).toEqual(
        own
          .filter((item) => item.itemType === 'Milestone')
          .map((item) => item.title)
          .sort()
      );
    }
  });

  it('ties milestone criteria to measures of the health model', () => {
    const measures = new Set(
      metadata.models.flatMap((model) =>
        model.dimensions.flatMap((dimension) => dimension.measures.map((measure) => measure.name))
      )
    );
    const tied = table('SuccessMilestone__c.csv').filter((row) => field(row, 'CriteriaMeasure__c') !== '');

    expect(tied.length).toBeGreaterThan(100);
    expect(tied.filter((row) => !measures.has(field(row, 'CriteriaMeasure__c')))).toEqual([]);
  });

  it('completes milestones both ways', () => {
    const milestones = table('SuccessMilestone__c.csv');
    const bySource = (source: string): number =>
      milestones.filter((row) => field(row, 'CompletionSource__c') === source).length;
    const overdue = milestones.filter(
      (row) =>
        field(row, 'CompletedDate__c') === '' &&
        field(row, 'TargetDate__c') !== '' &&
        dayOf(field(row, 'TargetDate__c')) < AS_OF
    );

    expect(bySource('Manual')).toBeGreaterThan(50);
    expect(bySource('Automatic')).toBeGreaterThan(10);
    expect(overdue.length).toBeGreaterThan(20);
    expect(
      milestones.every((row) => (field(row, 'CompletedDate__c') === '') === (field(row, 'CompletionSource__c') === ''))
    ).toBe(true);
  });

  it('starts onboarding plans at the kick-off', () => {
    for (const account of demo.org.accounts.filter((entry) => entry.story === 'Onboarding')) {
      const plan = plansOf('Active').find((row) => field(row, 'Account__c') === account.id) as Row;

      expect(field(plan, 'Stage__c')).toBe('Onboarding');
      expect(dayOf(field(plan, 'StartDate__c'))).toBe(account.storyDay);
    }
  });

  it('ends pre-renewal plans on the renewal date', () => {
    for (const plan of plansOf('Active').filter((row) => field(row, 'Stage__c') === 'PreRenewal')) {
      const account = demo.org.accounts.find((entry) => entry.id === field(plan, 'Account__c'));

      expect(dayOf(field(plan, 'EndDate__c'))).toBe(account?.renewalDay);
    }
  });

  it('meets more objectives when steady', () => {
    const steady = metShare(['Steady']);
    const struggling = metShare(['Declining', 'RenewalAtRisk']);

    expect(steady).toBeGreaterThan(0.5);
    expect(struggling).toBeLessThan(0.4);
    expect(steady).toBeGreaterThan(struggling + 0.3);
  });
});

describe('demo renewal checkpoints', () => {
  const checkpoints = table('RenewalCheckpoint__c.csv');
  const definitions = metadata.plans.checkpoints.filter((definition) => definition.isActive);

  it('stores every active checkpoint of each open renewal once', () => {
    const openRenewal = new Map(
      table('Opportunity.csv')
        .filter((row) => field(row, 'Type') === 'Renewal' && field(row, 'IsClosed') === 'false')
        .map((row) => [field(row, 'AccountId'), row])
    );
    const keys = checkpoints.map((row) => field(row, 'CheckpointKey__c'));

    expect(new Set(keys).size).toBe(keys.length);
    expect(checkpoints).toHaveLength(openRenewal.size * definitions.length);
    for (const row of checkpoints) {
      const renewal = openRenewal.get(field(row, 'Account__c')) as Row;
      const renewalDay = dayOf(field(row, 'RenewalDate__c'));

      expect(field(row, 'CheckpointKey__c')).toBe(
        `${field(row, 'Account__c')}-${field(row, 'RenewalDate__c')}-${field(row, 'DaysBefore__c')}`
      );
      expect(field(row, 'RenewalDate__c')).toBe(field(renewal, 'CloseDate'));
      expect(field(row, 'Opportunity__c')).toBe(field(renewal, 'Id'));
      expect(dayOf(field(row, 'DueDate__c'))).toBe(renewalDay - Number(field(row, 'DaysBefore__c')));
    }
  });

  it('sets the status the countdown job would', () => {
    const leadDays = new Map(definitions.map((definition) => [definition.daysBefore, definition.leadDays]));
    for (const row of checkpoints) {
      const dueDay = dayOf(field(row, 'DueDate__c'));
      const opensDay = dueDay - (leadDays.get(Number(field(row, 'DaysBefore__c'))) as number);
      const status = field(row, 'Status__c');

      if (status === 'Skipped') {
        expect(dueDay).toBeLessThan(dayOf(field(row, 'CreatedDate')));
      } else if (status === 'Upcoming') {
        expect(opensDay).toBeGreaterThan(AS_OF);
      } else {
        expect(opensDay).toBeLessThanOrEqual(AS_OF);
      }
      expect({ status, hasTask: field(row, 'TaskId__c') !== '' }).toEqual({
        status,
        hasTask: status === 'Due' || status === 'Done'
      });
    }
  });

  it('closes the playbook Task of Done checkpoints without a call', () => {
    const closedTasks = new Set(
      table('Task.csv')
        .filter((row) => field(row, 'IsClosed') === 'true')
        .map((row) => field(row, 'Id'))
    );
    const doneWithoutCall = checkpoints.filter(
      (row) => field(row, 'Status__c') === 'Done' && field(row, 'Call__c') === ''
    );

    expect(doneWithoutCall.length).toBeGreaterThan(20);
    expect(doneWithoutCall.filter((row) => !closedTasks.has(field(row, 'TaskId__c')))).toEqual([]);
    expect(
      checkpoints.filter((row) => field(row, 'Status__c') === 'Due' && closedTasks.has(field(row, 'TaskId__c')))
    ).toEqual([]);
  });

  it('records calls only where required', () => {
    const callDays = new Set(
      definitions.filter((definition) => definition.requiresCall).map((definition) => definition.daysBefore)
    );
    const calls = checkpoints.filter((row) => field(row, 'Call__c') !== '');

    expect(calls.length).toBeGreaterThan(40);
    for (const row of calls) {
      expect(callDays.has(Number(field(row, 'DaysBefore__c')))).toBe(true);
      expect(field(row, 'Status__c')).toBe('Done');
      expect(field(row, 'DataBand__c')).not.toBe('');
      expect(field(row, 'CallNote__c')).not.toBe('');
      expect(dayOf(field(row, 'CallRecordedAt__c'))).toBeLessThanOrEqual(AS_OF);
    }
  });

  it('flags disagreeing calls, most agree', () => {
    const calls = checkpoints.filter((row) => field(row, 'Call__c') !== '');
    const flagged = calls.filter((row) => field(row, 'IsDisagreement__c') === 'true');

    for (const row of calls) {
      const comparison = compareRenewalCall(field(row, 'Call__c') as RenewalCall, field(row, 'DataBand__c'));

      expect(String(comparison.isDisagreement)).toBe(field(row, 'IsDisagreement__c'));
    }
    expect(flagged.length).toBeGreaterThanOrEqual(5);
    expect(flagged.length / calls.length).toBeLessThan(0.2);
  });
});

describe('demo README', () => {
  it('counts the plans and checkpoints', () => {
    const readme = contents.get('README.md') ?? '';

    expect(readme).toContain(`SuccessPlan__c.csv holds ${table('SuccessPlan__c.csv').length} plans`);
    expect(readme).toContain(`RenewalCheckpoint__c.csv holds ${table('RenewalCheckpoint__c.csv').length} checkpoints`);
    expect(readme).toContain('## Renewal countdown');
  });
});
