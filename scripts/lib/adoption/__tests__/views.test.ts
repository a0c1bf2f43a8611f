import path from 'node:path';
import type { AdoptionFactRow } from 'c/adoptionEngine';
import { adoptionRecordsOf, defaultExportConfig, readOrgExport } from '../../export';
import type { OrgExport } from '../../export';
import {
  buildExpansionMap,
  buildPlaybookChoices,
  buildPlaybookViews,
  buildScorecardView,
  computeExportFacts,
  expansionInputOf,
  expansionMapModelOf,
  featuresByKey,
  handOffName,
  loadAdoptionMetadata,
  packageAdoptionMetadataDir,
  scorecardModelOf,
  suggestPlaybookOf
} from '..';
import type { AdoptionMetadata } from '..';

/** Export with adoption data for Acme and Globex, and none for Initech. */
export const ADOPTION_EXPORT = path.join(__dirname, 'fixtures', 'adoption-export');
const ACME = '001A00000000001AAA';
const GLOBEX = '001A00000000002AAA';
const INITECH = '001A00000000003AAA';
const AS_OF = '2026-11-30';

let orgExport: OrgExport;
let metadata: AdoptionMetadata;
let factsByAccount: Map<string, AdoptionFactRow[]>;
let notices: string[];

beforeAll(async () => {
  orgExport = await readOrgExport(ADOPTION_EXPORT, defaultExportConfig());
  metadata = loadAdoptionMetadata(packageAdoptionMetadataDir());
  ({ factsByAccount, notices } = computeExportFacts(orgExport, metadata, AS_OF));
});

function factsOf(accountId: string): AdoptionFactRow[] {
  return factsByAccount.get(accountId) ?? [];
}

describe('computeExportFacts', () => {
  it('reads the fixture without problems', () => {
    expect(orgExport.problems).toEqual([]);
    expect(orgExport.latestDate).toBe(AS_OF);
  });

  it('computes facts for the accounts with adoption data', () => {
    expect([...factsByAccount.keys()]).toEqual([ACME, GLOBEX]);
    expect(factsOf(INITECH)).toEqual([]);
  });

  it('reports usage of a feature outside the dictionary', () => {
    expect(notices).toEqual([
      'FeatureUsage__c.csv: 1 row names a feature that is not active in the feature dictionary (LegacyChat) and got ' +
        'no facts. Activate the AdoptionFeature record or correct FeatureKey__c.'
    ]);
  });

  it('counts entitlements from every source', () => {
    const november = factsOf(ACME).filter((fact) => fact.month === '2026-11-01' && fact.segmentType === 'All');

    expect(november.map((fact) => [fact.featureKey, fact.entitledUsers, fact.adoptionPercent])).toEqual([
      ['ApprovalChains', 8, 25],
      ['KnowledgeDeflection', 10, 50],
      ['PortalCaseSubmission', 2, 50],
      ['SlaEscalations', 10, 30],
      ['ScheduledReports', 10, null],
      ['WorkflowDesigner', 1, 0]
    ]);
  });
});

describe('buildScorecardView', () => {
  it('shows the latest month by default', () => {
    const view = buildScorecardView(factsOf(ACME), featuresByKey(metadata), null, AS_OF);

    expect(view.month).toBe('2026-11-01');
    expect(view.monthsAvailable[0]).toBe('2026-11-01');
    expect(view.monthsAvailable).toHaveLength(18);
    expect(view.columns.map((column) => column.label)).toEqual([
      'All users',
      'Department: Finance',
      'Department: Support'
    ]);
  });

  it('lists features by label without letter case, with a cell per column', () => {
    const view = buildScorecardView(factsOf(ACME), featuresByKey(metadata), null, AS_OF);
    const chains = view.rows.find((row) => row.featureKey === 'ApprovalChains');

    expect(view.rows.map((row) => row.label)).toEqual([
      'Approval Chains',
      'Knowledge Deflection',
      'Portal Case Submission',
      'Scheduled Reports',
      'SLA Escalations',
      'Workflow Designer'
    ]);
    expect(chains?.cells.map((cell) => cell?.adoptionPercent ?? 'none')).toEqual([25, 0, 40]);
    expect(view.rows.find((row) => row.featureKey === 'SlaEscalations')?.cells[1]).toBeNull();
  });

  it('flags the three under-used features of highest priority', () => {
    const view = buildScorecardView(factsOf(ACME), featuresByKey(metadata), null, AS_OF);

    expect(view.underused.map((row) => [row.featureKey, row.priority, row.isFlagged])).toEqual([
      ['WorkflowDesigner', 300, true],
      ['SlaEscalations', 120, true],
      ['ApprovalChains', 50, true],
      ['PortalCaseSubmission', 40, false]
    ]);
    expect(view.underused.every((row) => row.actionBarrier === null)).toBe(true);
  });

  it('shows an earlier month on request', () => {
    const view = buildScorecardView(factsOf(ACME), featuresByKey(metadata), '2026-10-17', AS_OF);
    const sla = view.rows.find((row) => row.featureKey === 'SlaEscalations')?.cells[0];

    expect(view.month).toBe('2026-10-01');
    expect(sla?.adoptionPercent).toBe(50);
    expect(sla?.trend).toBe('Declining');
  });

  it('is empty for a month without facts', () => {
    const view = buildScorecardView(factsOf(ACME), featuresByKey(metadata), '2027-01-01', AS_OF);

    expect(view.month).toBe('2027-01-01');
    expect(view.rows).toEqual([]);
    expect(view.underused).toEqual([]);
  });

  it('computes license utilization from the whole-account facts', () => {
    const view = buildScorecardView(factsOf(ACME), featuresByKey(metadata), null, AS_OF);

    expect(view.licenses.map((row) => [row.featureKey, row.assignedPercent])).toEqual([
      ['ApprovalChains', 100],
      ['KnowledgeDeflection', 80],
      ['PortalCaseSubmission', 100],
      ['ScheduledReports', null],
      ['SlaEscalations', 90],
      ['WorkflowDesigner', 100]
    ]);
  });

  it('turns into the model of the Markdown renderer', () => {
    const view = buildScorecardView(factsOf(ACME), featuresByKey(metadata), null, AS_OF);

    const model = scorecardModelOf('Acme Corp', AS_OF, view);

    expect(model.month).toBe('2026-11-01');
    expect(model.features[0]).toEqual({
      key: 'ApprovalChains',
      label: 'Approval Chains',
      valueRank: 2,
      targetPercent: 50
    });
    expect(model.segments).toHaveLength(3);
    expect(model.underused[0]).not.toHaveProperty('label');
  });
});

describe('playbooks', () => {
  it('lists Active before Completed with current adoption and progress', () => {
    const views = buildPlaybookViews(
      adoptionRecordsOf(orgExport.adoption, ACME).playbooks,
      factsOf(ACME),
      featuresByKey(metadata),
      AS_OF
    );

    expect(
      views.map((view) => [view.record.status, view.currentPercent, view.currentMonth, view.progressPercent])
    ).toEqual([
      ['Active', 30, '2026-11-01', 0],
      ['Completed', 45, null, 75]
    ]);
    expect(views[0]?.barriers.map((barrier) => barrier.barrier)).toEqual(['Training', 'UX']);
    expect(views[0]?.tasks.map((task) => [task.dueDate, task.isClosed, task.ownerName])).toEqual([
      ['2026-10-07', true, 'Casey Morgan'],
      ['2026-12-02', false, 'Casey Morgan']
    ]);
    expect([views[0]?.openTaskCount, views[0]?.doneTaskCount]).toEqual([1, 1]);
  });

  it('marks an Active playbook past its target date overdue', () => {
    const views = buildPlaybookViews(
      adoptionRecordsOf(orgExport.adoption, ACME).playbooks,
      factsOf(ACME),
      featuresByKey(metadata),
      '2027-01-04'
    );

    expect(views.map((view) => view.isOverdue)).toEqual([true, false]);
  });

  it('offers the pairs of the latest month, lowest adoption first', () => {
    const choices = buildPlaybookChoices(
      factsOf(ACME),
      adoptionRecordsOf(orgExport.adoption, ACME).playbooks,
      featuresByKey(metadata)
    );

    expect(choices.map((choice) => [choice.featureKey, choice.segment, choice.adoptionPercent])).toEqual([
      ['ApprovalChains', 'Finance', 0],
      ['WorkflowDesigner', 'All', 0],
      ['ApprovalChains', 'All', 25],
      ['SlaEscalations', 'All', 30],
      ['ApprovalChains', 'Support', 40],
      ['KnowledgeDeflection', 'All', 50],
      ['PortalCaseSubmission', 'All', 50],
      ['ScheduledReports', 'All', null]
    ]);
    expect(choices[3]?.activePlaybookId).toBe('a0SA00000000001AAA');
  });

  it('suggests a playbook with the peer median of the segment', () => {
    const features = featuresByKey(metadata);

    const suggestion = suggestPlaybookOf(
      features.get('ApprovalChains') as NonNullable<ReturnType<typeof features.get>>,
      'Department',
      'Finance',
      factsOf(ACME),
      metadata.templates,
      AS_OF
    );

    expect(suggestion.peerPercent).toBe(40);
    expect(suggestion.peerSegmentCount).toBe(1);
    expect(suggestion.barriers.map((finding) => finding.barrier)).toEqual(['Training', 'UX', 'Relevance']);
    expect(suggestion.targetPercent).toBe(50);
    expect(suggestion.targetDate).toBe('2027-02-28');
    expect(suggestion.sprint.length).toBe(8);
    expect(suggestion.sprint.every((task) => task.subject.includes('Approval Chains'))).toBe(true);
  });

  it('suggests from no data when the segment has no fact', () => {
    const features = featuresByKey(metadata);

    const suggestion = suggestPlaybookOf(
      features.get('AiTriage') as NonNullable<ReturnType<typeof features.get>>,
      'All',
      'All',
      factsOf(ACME),
      metadata.templates,
      AS_OF
    );

    expect(suggestion.fact).toBeNull();
    expect(suggestion.targetPercent).toBe(40);
    expect(suggestion.barriers.map((finding) => finding.barrier)).toEqual(['Awareness']);
  });
});

describe('buildExpansionMap', () => {
  function mapOf(accountId: string): ReturnType<typeof buildExpansionMap> {
    return buildExpansionMap(expansionInputOf(orgExport, metadata, accountId, factsOf(accountId), AS_OF));
  }

  it('builds the footprint from Assets and won Opportunity products', () => {
    const map = mapOf(ACME);

    expect(map.footprint.map((owned) => [owned.productCode, owned.sources, owned.since])).toEqual([
      ['HLP-AUTO', ['Asset'], '2025-02-01'],
      ['HLP-INSIGHT', ['Closed Won Opportunity'], '2026-06-30'],
      ['HLP-DESK', ['Asset'], '2024-03-01']
    ]);
  });

  it('leaves out obsolete and ended Assets', () => {
    expect(mapOf(GLOBEX).footprint.map((owned) => owned.productCode)).toEqual(['HLP-DESK']);
  });

  it('grades the whitespace and recommends an event-triggered approach after a trigger', () => {
    const map = mapOf(ACME);
    const field = map.catalog.find((row) => row.productCode === 'HLP-FIELD');

    expect(map.catalog.map((row) => [row.productCode, row.status, row.readiness])).toEqual([
      ['HLP-AUTO', 'Owned', null],
      ['HLP-FIELD', 'NotReady', 42],
      ['HLP-INSIGHT', 'Owned', null],
      ['HLP-DESK', 'Owned', null]
    ]);
    expect(field?.approach).toBe('EventTriggered');
    expect(field?.listPrice).toBe(18000);
    expect(field?.hypothesis).toContain('The funding round on 2026-09-15');
    expect(field?.canHandOff).toBe(true);
    expect(map.triggers.map((trigger) => trigger.isRecent)).toEqual([true, false]);
    expect(map.adoptionMonth).toBe('2026-11-01');
  });

  it('finds a champion on an Opportunity and an open hand-off by name', () => {
    const map = mapOf(GLOBEX);
    const automation = map.catalog.find((row) => row.productCode === 'HLP-AUTO');

    expect(map.champions).toEqual([
      {
        contactId: '003A00000000002AAA',
        name: 'Carl Jones',
        title: 'Operations Manager',
        sources: ['Champion on opportunity Globex - Helpline Automation expansion']
      }
    ]);
    expect(automation?.openOpportunityName).toBe(handOffName('Globex', 'Helpline Automation'));
    expect(automation?.canHandOff).toBe(false);
    expect(automation?.approach).toBe('ExecutiveSponsored');
  });

  it('does not take a renewal that carries a product for its hand-off', () => {
    const desk = mapOf(ACME).catalog.find((row) => row.productCode === 'HLP-DESK');

    expect(desk?.openOpportunityId).toBeNull();
    expect(desk?.openOpportunityName).toBeNull();
  });

  it('turns into the model of the Markdown renderer', () => {
    const model = expansionMapModelOf(mapOf(GLOBEX));

    expect(model.opportunities.map((row) => row.productCode)).toEqual(['HLP-AUTO', 'HLP-FIELD', 'HLP-INSIGHT']);
    expect(model.opportunities[0]?.opportunityName).toBe('Globex - Helpline Automation expansion');
    expect(model.champions).toEqual([{ name: 'Carl Jones', title: 'Operations Manager' }]);
  });

  it('explains an empty catalog', () => {
    const map = buildExpansionMap({
      ...expansionInputOf(orgExport, metadata, ACME, factsOf(ACME), AS_OF),
      products: []
    });

    expect(map.catalog).toEqual([]);
    expect(map.emptyMessage).toContain('No expansion product is configured.');
  });
});

describe('handOffName', () => {
  it('cuts a long name to 120 characters', () => {
    const name = handOffName('A'.repeat(110), 'Helpline Automation');

    expect(name).toHaveLength(120);
    expect(name.endsWith('...')).toBe(true);
  });
});
