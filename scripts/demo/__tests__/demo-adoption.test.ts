import { parse } from 'csv-parse/sync';
import { playbookTarget } from 'c/adoptionEngine';
import type { AdoptionFactRow, SegmentType } from 'c/adoptionEngine';

import { computeExportFacts, factMonthOf, featuresByKey, suggestPlaybookOf } from '../../lib/adoption';
import { defaultExportConfig, readOrgExportText } from '../../lib/export';
import type { StoryName } from '../demo-org';
import { generateDemoExport, loadDemoMetadata } from '../generate-export';
import { KEY_PREFIXES } from '../salesforce-ids';

type Row = Record<string, string>;

const AS_OF = '2026-11-30';

const demo = generateDemoExport();
const metadata = loadDemoMetadata();
const contents = new Map(demo.files.map((file) => [file.name, file.content]));
const orgExport = readOrgExportText(contents, defaultExportConfig());
const facts = computeExportFacts(orgExport, metadata.adoption, AS_OF);
const features = featuresByKey(metadata.adoption);
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

function storyAccountIds(story: StoryName): string[] {
  return demo.org.accounts.filter((account) => account.story === story).map((account) => account.id);
}

function accountFact(accountId: string, featureKey: string, month: string): AdoptionFactRow | undefined {
  return (facts.factsByAccount.get(accountId) ?? []).find(
    (fact) => fact.featureKey === featureKey && fact.segmentType === 'All' && fact.month === month
  );
}

describe('demo adoption files', () => {
  it('read back without problems or adoption notices', () => {
    expect(orgExport.problems).toEqual([]);
    expect(facts.notices).toEqual([]);
  });

  it.each([
    ['Product2.csv', 7, 7],
    ['PricebookEntry.csv', 10, 10],
    ['Asset.csv', 250, 500],
    ['OpportunityLineItem.csv', 200, 400],
    ['OpportunityContactRole.csv', 60, 250],
    ['PermissionSetLicenseAssign.csv', 100, 500],
    ['FeatureUsage__c.csv', 6000, 11000],
    ['FeatureEntitlement__c.csv', 200, 700],
    ['BusinessTrigger__c.csv', 26, 40],
    ['AdoptionPlaybook__c.csv', 10, 10],
    ['PlaybookBarrier__c.csv', 10, 40]
  ])('keeps %s between %d and %d rows', (name, min, max) => {
    expect(table(name).length).toBeGreaterThanOrEqual(min);
    expect(table(name).length).toBeLessThanOrEqual(max);
  });

  it.each([
    ['Product2.csv', KEY_PREFIXES.Product2],
    ['PricebookEntry.csv', KEY_PREFIXES.PricebookEntry],
    ['Asset.csv', KEY_PREFIXES.Asset],
    ['OpportunityLineItem.csv', KEY_PREFIXES.OpportunityLineItem],
    ['OpportunityContactRole.csv', KEY_PREFIXES.OpportunityContactRole],
    ['PermissionSetLicenseAssign.csv', KEY_PREFIXES.PermissionSetLicenseAssign],
    ['FeatureUsage__c.csv', KEY_PREFIXES.FeatureUsage],
    ['FeatureEntitlement__c.csv', KEY_PREFIXES.FeatureEntitlement],
    ['BusinessTrigger__c.csv', KEY_PREFIXES.BusinessTrigger],
    ['AdoptionPlaybook__c.csv', KEY_PREFIXES.AdoptionPlaybook],
    ['PlaybookBarrier__c.csv', KEY_PREFIXES.PlaybookBarrier]
  ])('gives %s unique Ids with prefix %s', (name, prefix) => {
    const rowIds = table(name).map((row) => field(row, 'Id'));

    expect(new Set(rowIds).size).toBe(rowIds.length);
    expect(rowIds.filter((id) => !id.startsWith(prefix))).toEqual([]);
  });

  it('uses a key prefix per object', () => {
    const prefixes = Object.values(KEY_PREFIXES);

    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it.each([
    ['Asset.csv', 'AccountId', 'Account.csv'],
    ['Asset.csv', 'Product2Id', 'Product2.csv'],
    ['PricebookEntry.csv', 'Product2Id', 'Product2.csv'],
    ['OpportunityLineItem.csv', 'OpportunityId', 'Opportunity.csv'],
    ['OpportunityLineItem.csv', 'PricebookEntryId', 'PricebookEntry.csv'],
    ['OpportunityContactRole.csv', 'OpportunityId', 'Opportunity.csv'],
    ['OpportunityContactRole.csv', 'ContactId', 'Contact.csv'],
    ['PermissionSetLicenseAssign.csv', 'AssigneeId', 'User.csv'],
    ['FeatureUsage__c.csv', 'Account__c', 'Account.csv'],
    ['FeatureEntitlement__c.csv', 'Account__c', 'Account.csv'],
    ['BusinessTrigger__c.csv', 'Account__c', 'Account.csv'],
    ['AdoptionPlaybook__c.csv', 'Account__c', 'Account.csv'],
    ['PlaybookBarrier__c.csv', 'Playbook__c', 'AdoptionPlaybook__c.csv']
  ])('%s %s exists in %s', (name, column, target) => {
    const targetIds = ids(target);
    const missing = table(name).filter((row) => !targetIds.has(field(row, column)));

    expect(missing).toEqual([]);
  });

  it('caps tried and active users', () => {
    const broken = table('FeatureUsage__c.csv').filter((row) => {
      const assigned = Number(field(row, 'AssignedUsers__c'));
      const active = Number(field(row, 'ActiveUsers__c'));
      const tried = Number(field(row, 'TriedUsers__c'));
      return !(active >= 0 && active <= tried && tried <= assigned);
    });

    expect(broken).toEqual([]);
  });

  it('covers the 12 months of history with first-of-month dates', () => {
    const months = new Set(table('FeatureUsage__c.csv').map((row) => field(row, 'UsageMonth__c')));

    expect([...months].sort()).toEqual([
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01'
    ]);
  });

  it('gives usage only to usage stories', () => {
    const withUsage = new Set(table('FeatureUsage__c.csv').map((row) => field(row, 'Account__c')));

    expect(storyAccountIds('NoUsage').filter((id) => withUsage.has(id))).toEqual([]);
    expect(withUsage.size).toBe(demo.org.accounts.length - storyAccountIds('NoUsage').length);
  });

  it('entitles a segmented account as the sum of its segments', () => {
    const wholeAccount = new Map<string, number>();
    const segments = new Map<string, number>();
    for (const row of table('FeatureEntitlement__c.csv')) {
      if (field(row, 'EndDate__c') !== '') {
        continue;
      }
      const key = `${field(row, 'Account__c')}|${field(row, 'FeatureKey__c')}`;
      const target = field(row, 'SegmentType__c') === '' ? wholeAccount : segments;
      target.set(key, (target.get(key) ?? 0) + Number(field(row, 'EntitledUsers__c')));
    }

    expect(segments.size).toBeGreaterThan(0);
    for (const [key, total] of segments) {
      expect({ key, total }).toEqual({ key, total: wholeAccount.get(key) });
    }
  });

  it('gives Field Service only to accounts that own Automation', () => {
    const productCodes = new Map(table('Product2.csv').map((row) => [field(row, 'Id'), field(row, 'ProductCode')]));
    const owned = new Map<string, Set<string>>();
    for (const asset of table('Asset.csv').filter((row) => field(row, 'Status') === 'Installed')) {
      const codes = owned.get(field(asset, 'AccountId')) ?? new Set<string>();
      codes.add(productCodes.get(field(asset, 'Product2Id')) ?? '');
      owned.set(field(asset, 'AccountId'), codes);
    }
    const fieldWithoutAutomation = [...owned].filter(([, codes]) => codes.has('HLP-FIELD') && !codes.has('HLP-AUTO'));

    expect(owned.size).toBe(demo.org.accounts.length);
    expect(fieldWithoutAutomation).toEqual([]);
  });

  it('dates business triggers in the history', () => {
    const dates = table('BusinessTrigger__c.csv').map((row) => field(row, 'OccurredOn__c'));

    expect(dates.filter((date) => date > AS_OF || date < '2025-11-30')).toEqual([]);
  });
});

describe('demo adoption stories', () => {
  it('lets the declining accounts adoption decline', () => {
    const declining = storyAccountIds('Declining');
    const trends = declining.map((id) => accountFact(id, 'SlaEscalations', '2026-11-01')?.trend);

    expect(declining).toHaveLength(6);
    expect(trends.filter((trend) => trend === 'Declining').length).toBeGreaterThanOrEqual(5);
  });

  it('lets the onboarding accounts adoption grow', () => {
    const onboarding = storyAccountIds('Onboarding');
    const trends = onboarding.map((id) => accountFact(id, 'KnowledgeDeflection', '2026-11-01')?.trend);

    expect(trends.filter((trend) => trend === 'Improving').length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the steady accounts adoption stable', () => {
    const steady = storyAccountIds('Steady');
    const trends = steady.map((id) => accountFact(id, 'SlaEscalations', '2026-11-01')?.trend);

    expect(trends.filter((trend) => trend === 'Declining')).toEqual([]);
  });
});

describe('demo adoption playbooks', () => {
  const playbooks = table('AdoptionPlaybook__c.csv');

  it('opens playbooks of every status', () => {
    const statuses = playbooks.map((row) => field(row, 'Status__c'));

    expect(statuses.filter((status) => status === 'Active')).toHaveLength(6);
    expect(statuses.filter((status) => status === 'Completed')).toHaveLength(2);
    expect(statuses.filter((status) => status === 'Cancelled')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'Draft')).toHaveLength(1);
  });

  it.each(playbooks.map((row) => [field(row, 'Name'), row] as const))(
    'reproduces the diagnosis, target and sprint of %s',
    (_name, row) => {
      const feature = features.get(field(row, 'FeatureKey__c'));
      const accountId = field(row, 'Account__c');
      const start = field(row, 'StartDate__c');
      const accountFacts = (facts.factsByAccount.get(accountId) ?? []).filter(
        (fact) => fact.month <= factMonthOf(start)
      );
      if (feature === undefined) {
        throw new Error(`Feature ${field(row, 'FeatureKey__c')} is not in the dictionary.`);
      }

      const suggestion = suggestPlaybookOf(
        feature,
        field(row, 'SegmentType__c') as SegmentType,
        field(row, 'Segment__c'),
        accountFacts,
        metadata.adoption.templates,
        start
      );
      const barriers = table('PlaybookBarrier__c.csv').filter(
        (barrier) => field(barrier, 'Playbook__c') === field(row, 'Id')
      );
      const sprint = table('Task.csv').filter((task) => field(task, 'WhatId') === field(row, 'Id'));

      expect(Number(field(row, 'BaselinePercent__c'))).toBe(suggestion.fact?.adoptionPercent);
      expect(Number(field(row, 'TargetPercent__c'))).toBe(
        playbookTarget(suggestion.fact?.adoptionPercent ?? null, feature.targetPercent)
      );
      expect(field(row, 'TargetDate__c')).toBe(suggestion.targetDate);
      expect(barriers.map((barrier) => field(barrier, 'Barrier__c'))).toEqual(
        suggestion.barriers.map((finding) => finding.barrier)
      );
      expect(barriers.map((barrier) => field(barrier, 'Evidence__c'))).toEqual(
        suggestion.barriers.map((finding) => finding.evidence)
      );
      expect(sprint.map((task) => field(task, 'Subject')).sort()).toEqual(
        suggestion.sprint.map((task) => task.subject).sort()
      );
      expect(sprint.map((task) => field(task, 'AccountId'))).toEqual(sprint.map(() => accountId));
    }
  );

  it('raises adoption after an Active playbook starts', () => {
    const active = playbooks.filter((row) => field(row, 'Status__c') === 'Active');
    const risen = active.filter((row) => {
      const latest = accountFact(field(row, 'Account__c'), field(row, 'FeatureKey__c'), '2026-11-01');
      return (latest?.adoptionPercent ?? 0) > Number(field(row, 'BaselinePercent__c'));
    });

    expect(risen.length).toBeGreaterThanOrEqual(3);
  });
});
