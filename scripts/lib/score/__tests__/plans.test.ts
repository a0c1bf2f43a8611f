import path from 'node:path';
import type { AccountHealth, LedgerEntry } from 'c/healthEngine';
import type { CheckpointDefinition, MilestoneRecord, PlanRecord } from 'c/planEngine';
import { defaultExportConfig, readOrgExport } from '../../export';
import type { OrgExport, RenewalCheckpointRow } from '../../export';
import { loadDefaultModels } from '../../model';
import { repoRoot } from '../../paths';
import { loadPlanMetadata, packagePlanMetadataDir } from '../../plans';
import type { PlanMetadata } from '../../plans';
import { applyAutoCompletions, buildSuccessPlanReport, measureValuesOf, reportedPlan } from '../plans';
import type { SuccessPlanReport } from '../plans';
import { scorePortfolio } from '../portfolio';

const AS_OF = '2026-11-30';

function ledgerEntry(measure: string, raw: number | null): LedgerEntry {
  return {
    measure,
    label: measure,
    dimension: 'Dimension',
    signal: 'ActiveDayShare',
    raw,
    hasData: raw !== null,
    missingPolicy: raw === null ? 'Neutral' : null,
    score: raw,
    weight: 0.1,
    points: 0,
    isCritical: false,
    isCriticalRed: false,
    scoreChange: null,
    pointsChange: null,
    overrideId: null
  };
}

function health(ledger: LedgerEntry[]): AccountHealth {
  return {
    accountId: '001A',
    accountName: 'Acme',
    asOf: AS_OF,
    modelName: 'Default',
    modelVersion: 1,
    score: 70,
    band: 'Yellow',
    uncappedScore: 70,
    isCapped: false,
    cappedBy: [],
    coverage: 1,
    isInsufficient: false,
    dimensions: [],
    ledger,
    trend: { slopePerWeek: null, direction: 'Unknown', points: 1 },
    topLever: null,
    topReason: 'reason',
    overallOverrideId: null
  };
}

function milestone(id: string, overrides: Partial<MilestoneRecord> = {}): MilestoneRecord {
  return {
    id,
    name: `Milestone ${id}`,
    objectiveId: null,
    phase: 'Days90',
    targetDate: '2026-12-15',
    criteria: 'Logins on at least 40% of the days',
    criteriaMeasure: 'ActiveDayShare30d',
    criteriaOperator: 'AtLeast',
    criteriaValue: 40,
    completedDate: null,
    completionSource: null,
    ownerId: null,
    ownerName: null,
    sortOrder: null,
    ...overrides
  };
}

function plan(id: string, overrides: Partial<PlanRecord> = {}): PlanRecord {
  return {
    id,
    accountId: '001A',
    name: `Plan ${id}`,
    status: 'Active',
    stage: 'Adoption',
    executiveSponsor: null,
    champion: null,
    reviewCadenceDays: 30,
    nextReview: '2026-12-10',
    escalationPath: null,
    startDate: '2026-09-01',
    endDate: '2027-02-28',
    templateName: 'Adoption',
    objectives: [],
    milestones: [],
    ...overrides
  };
}

const DEFINITIONS: CheckpointDefinition[] = [
  {
    name: 'Days180',
    daysBefore: 180,
    playbook: 'QBR',
    taskSubject: 'Renewal QBR',
    guidance: null,
    requiresCall: true,
    leadDays: 14,
    isActive: true
  },
  {
    name: 'Days90',
    daysBefore: 90,
    playbook: 'Proposal',
    taskSubject: 'Renewal proposal',
    guidance: null,
    requiresCall: true,
    leadDays: 14,
    isActive: true
  }
];

describe('measureValuesOf', () => {
  it('maps every ledger measure to its raw value', () => {
    expect(measureValuesOf(health([ledgerEntry('ActiveDayShare30d', 45), ledgerEntry('Nps180d', null)]))).toEqual({
      ActiveDayShare30d: 45,
      Nps180d: null
    });
  });
});

describe('applyAutoCompletions', () => {
  const values = { ActiveDayShare30d: 45, OpenHighPriorityCases: 2 };

  it('completes met milestones of Active plans on the as-of date', () => {
    const active = plan('a0D1', {
      milestones: [
        milestone('m1'),
        milestone('m2', { criteriaMeasure: 'OpenHighPriorityCases', criteriaOperator: 'AtMost', criteriaValue: 0 }),
        milestone('m3', { completedDate: '2026-10-01', completionSource: 'Manual' }),
        milestone('m4', { criteriaMeasure: null, criteriaOperator: null, criteriaValue: null })
      ]
    });

    const result = applyAutoCompletions([active], values, AS_OF);

    expect(result.completed).toBe(1);
    expect(result.plans[0].milestones.map((entry) => [entry.id, entry.completedDate, entry.completionSource])).toEqual([
      ['m1', AS_OF, 'Automatic'],
      ['m2', null, null],
      ['m3', '2026-10-01', 'Manual'],
      ['m4', null, null]
    ]);
  });

  it('leaves other plans and the input unchanged', () => {
    const draft = plan('a0D2', { status: 'Draft', milestones: [milestone('m5')] });
    const active = plan('a0D3', { milestones: [milestone('m6')] });

    const result = applyAutoCompletions([draft, active], values, AS_OF);

    expect(result.completed).toBe(1);
    expect(result.plans[0]).toBe(draft);
    expect(active.milestones[0].completedDate).toBeNull();
  });
});

describe('reportedPlan', () => {
  it.each([
    [['Completed', 'Active'], 1],
    [['Draft', 'OnHold'], 1],
    [['Cancelled', 'Completed', 'Completed'], 1],
    [['Active', 'Active'], 0]
  ] as const)('picks from %j the plan at %i', (statuses, expected) => {
    const plans = statuses.map((status, index) => plan(`a0D${index}`, { status }));

    expect(reportedPlan(plans)).toBe(plans[expected]);
  });

  it('gives null without plans', () => {
    expect(reportedPlan([])).toBeNull();
  });
});

describe('buildSuccessPlanReport', () => {
  const checkpoint: RenewalCheckpointRow = {
    id: 'a0G1',
    renewalDate: '2027-03-30',
    daysBefore: 180,
    dueDate: '2026-09-30',
    playbook: 'QBR',
    status: 'Done',
    taskId: null,
    taskClosed: false,
    call: 'Commit',
    callNote: 'Budget approved',
    dataBand: 'Red',
    dataScore: 42,
    isDisagreement: true,
    recordedAt: '2026-09-29T10:00:00.000Z',
    recordedByName: 'Olivia Owner',
    createdDate: '2026-06-01'
  };

  it('renders the open plan with its completions and countdown', () => {
    const report = buildSuccessPlanReport(
      {
        accountId: '001A',
        accountName: 'Acme',
        plans: [plan('a0D1', { status: 'Completed' }), plan('a0D2', { milestones: [milestone('m1')] })],
        health: health([ledgerEntry('ActiveDayShare30d', 45)]),
        renewalDate: '2027-03-30',
        checkpoints: [checkpoint]
      },
      DEFINITIONS,
      AS_OF
    ) as SuccessPlanReport;

    expect(report.plan.id).toBe('a0D2');
    expect(report.autoCompleted).toBe(1);
    expect(report.markdown).toContain('# Acme: success plan');
    expect(report.markdown).toContain('Plan a0D2');
    expect(report.markdown).toContain('## Renewal checkpoints');
    expect(report.markdown).toContain('Budget approved');
  });

  it('completes nothing without a health evaluation', () => {
    const report = buildSuccessPlanReport(
      {
        accountId: '001A',
        accountName: 'Acme',
        plans: [plan('a0D1', { milestones: [milestone('m1')] })],
        health: null,
        renewalDate: null,
        checkpoints: []
      },
      DEFINITIONS,
      AS_OF
    ) as SuccessPlanReport;

    expect(report.autoCompleted).toBe(0);
    expect(report.markdown).not.toContain('## Renewal checkpoints');
  });

  it('adds the readiness section after the plan', () => {
    const report = buildSuccessPlanReport(
      {
        accountId: '001A',
        accountName: 'Acme',
        plans: [plan('a0D1', { milestones: [milestone('m1')] })],
        health: null,
        renewalDate: null,
        checkpoints: [],
        risks: [{ title: 'Usage drop', severity: 'High', hasMitigation: false, rung: 'CSM', status: 'Open' }],
        feedbackCount: 2
      },
      DEFINITIONS,
      AS_OF
    ) as SuccessPlanReport;

    const markdown = report.markdown;
    expect(markdown.indexOf('## Readiness')).toBeGreaterThan(markdown.indexOf('Plan a0D1'));
    expect(markdown).toContain(`Score: ${report.readiness.score} of 100`);
    expect(markdown).toContain('| Proactive risk management | 5 of 20 |');
    expect(markdown).toContain('| Customer feedback referenced | 5 of 5 | 2 customer feedback items referenced. |');
    expect(markdown).toContain('- Give 1 critical or high risk a mitigation and an escalation rung.');
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });

  it('scores risks as not reviewed without them', () => {
    const report = buildSuccessPlanReport(
      {
        accountId: '001A',
        accountName: 'Acme',
        plans: [plan('a0D1')],
        health: null,
        renewalDate: null,
        checkpoints: []
      },
      DEFINITIONS,
      AS_OF
    ) as SuccessPlanReport;

    const reviewed = report.readiness.checks.find((check) => check.id === 'risksReviewed');
    expect(reviewed?.points).toBe(0);
    expect(report.markdown).toContain('| Risks reviewed | 0 of 5 | Risks were not reviewed. |');
  });

  it('gives null for an account without plans', () => {
    expect(
      buildSuccessPlanReport(
        { accountId: '001A', accountName: 'Acme', plans: [], health: null, renewalDate: null, checkpoints: [] },
        DEFINITIONS,
        AS_OF
      )
    ).toBeNull();
  });
});

describe('success plans of the demo export', () => {
  let orgExport: OrgExport;
  let metadata: PlanMetadata;
  let reports: SuccessPlanReport[];

  beforeAll(async () => {
    orgExport = await readOrgExport(path.join(repoRoot(), 'demo', 'org-export'), defaultExportConfig());
    const models = loadDefaultModels();
    const measureNames = models.flatMap((model) =>
      model.dimensions.flatMap((dimension) => dimension.measures.map((measure) => measure.name))
    );
    metadata = loadPlanMetadata(packagePlanMetadataDir(), measureNames);
    const { scored } = scorePortfolio(models, orgExport.accounts, orgExport.history, AS_OF);
    const healthOf = new Map(scored.map((account) => [account.health.accountId, account.health]));
    reports = orgExport.accounts.flatMap((signals) => {
      const report = buildSuccessPlanReport(
        {
          accountId: signals.accountId,
          accountName: signals.accountName,
          plans: orgExport.plans.get(signals.accountId) ?? [],
          health: healthOf.get(signals.accountId) ?? null,
          renewalDate: signals.renewalDate,
          checkpoints: orgExport.renewalCheckpoints.get(signals.accountId) ?? []
        },
        metadata.checkpoints,
        AS_OF
      );
      return report === null ? [] : [report];
    });
  });

  it('reads every plan file without problems', () => {
    expect(orgExport.problems).toEqual([]);
    expect(orgExport.plans.size).toBeGreaterThan(80);
  });

  it('writes one report per account with a plan', () => {
    expect(reports).toHaveLength(orgExport.plans.size);
  });

  it('gives 40 to 60 percent of the accounts an Active plan', () => {
    const share = reports.filter((report) => report.plan.status === 'Active').length / orgExport.accounts.length;

    expect(share).toBeGreaterThanOrEqual(0.4);
    expect(share).toBeLessThanOrEqual(0.6);
  });

  it('completes milestones automatically on the as-of date', () => {
    const completed = reports.reduce((sum, report) => sum + report.autoCompleted, 0);

    expect(completed).toBeGreaterThanOrEqual(10);
    expect(reports.some((report) => report.markdown.includes(`Auto-completed on ${AS_OF}`))).toBe(true);
  });

  it('feeds ObjectivesMetShare from the Active plans', () => {
    const withActivePlan = orgExport.accounts.filter((signals) =>
      (orgExport.plans.get(signals.accountId) ?? []).some((entry) => entry.status === 'Active')
    );

    expect(withActivePlan.every((signals) => (signals.objectives?.total ?? 0) > 0)).toBe(true);
    expect(withActivePlan.some((signals) => (signals.objectives?.met ?? 0) > 0)).toBe(true);
    expect(orgExport.accounts.filter((signals) => signals.objectives === null)).toHaveLength(
      orgExport.accounts.length - withActivePlan.length
    );
  });

  it('shows renewal calls that disagree with the data', () => {
    expect(reports.filter((report) => report.markdown.includes('disagrees')).length).toBeGreaterThanOrEqual(3);
  });
});
