import path from 'node:path';
import { evaluateAccount } from 'c/healthEngine';
import type { HealthModel } from 'c/healthEngine';
import type { QbrData, QbrRiskRow } from 'c/qbrEngine';
import { defaultExportConfig, readOrgExport } from '../../export';
import type { OrgExport } from '../../export';
import { loadDefaultModels } from '../../model';
import { scorePortfolio } from '../../score/portfolio';
import type { ScoredAccount } from '../../score/portfolio';
import { qbrAccountsOf, qbrSourceOf } from '../../score/qbr';
import { QbrPeriodError, QbrReviewSource } from '..';
import type { QbrReviewExtras } from '..';

const FIXTURE = path.join(__dirname, 'fixtures', 'qbr-export');
const AS_OF = '2026-11-30';
const ACME = '001Q00000000001AAA';
const ELM = '001Q00000000005AAA';
const FIR = '001Q00000000006AAA';

const NO_EXTRAS: QbrReviewExtras = { risks: [], review: null, actionItems: [], owners: [], canEdit: false };

let orgExport: OrgExport;
let models: HealthModel[];
let scored: ScoredAccount[];
let source: QbrReviewSource;

beforeAll(async () => {
  orgExport = await readOrgExport(FIXTURE, defaultExportConfig());
  models = loadDefaultModels().filter((model) => model.isActive !== false);
  scored = scorePortfolio(models, orgExport.accounts, orgExport.history, AS_OF).scored;
  source = qbrSourceOf(orgExport, scored, models, AS_OF);
});

function measureValue(data: QbrData, measure: string): number | null | undefined {
  return data.measures.find((entry) => entry.measure === measure)?.value;
}

function peerMedian(data: QbrData, measure: string): { median: number | null; peerCount: number | null } | undefined {
  const found = data.peerMedians.find((entry) => entry.measure === measure);
  return found && { median: found.median, peerCount: found.peerCount };
}

describe('fixture export', () => {
  it('reads without problems', () => {
    expect(orgExport.problems).toEqual([]);
    expect(orgExport.latestDate).toBe(AS_OF);
    expect(scored).toHaveLength(6);
  });
});

describe('QbrReviewSource.reviewData for the current quarter', () => {
  let data: QbrData;

  beforeAll(() => {
    data = source.reviewData(ACME, '2026-Q4', NO_EXTRAS);
  });

  it('reads the period up to the last day of the data', () => {
    expect(data.quarter).toBe('2026-Q4');
    expect(data.periodStart).toBe('2026-10-01');
    expect(data.periodEnd).toBe('2026-12-31');
    expect(data.asOf).toBe(AS_OF);
  });

  it('reads the account fields', () => {
    expect(data.accountId).toBe(ACME);
    expect(data.accountName).toBe('Acme Corp');
    expect(data.segment).toBe('Enterprise');
    expect(data.arr).toBe(240000);
    expect(data.licensedSeats).toBe(50);
    expect(data.executiveSponsorName).toBe('Ada Sponsor');
    expect(data.renewalDate).toBe('2027-03-31');
  });

  it('lists stored scores of the period, then the current score', () => {
    const current = scored.find((account) => account.signals.accountId === ACME)?.health;

    expect(data.healthPoints.slice(0, 2)).toEqual([
      { scoredOn: '2026-10-05', score: 62, band: 'Yellow' },
      { scoredOn: '2026-11-02', score: 66, band: 'Yellow' }
    ]);
    expect(data.healthPoints).toHaveLength(3);
    expect(data.healthPoints[2]).toEqual({ scoredOn: AS_OF, score: current?.score, band: current?.band });
    expect(data.currentScore).toBe(current?.score);
    expect(data.currentBand).toBe(current?.band);
  });

  it('sums usage per month', () => {
    expect(data.usage).toEqual([
      { month: '2026-10', activeUsers: 35, logins: 140 },
      { month: '2026-11', activeUsers: 44, logins: 165 }
    ]);
  });

  it('counts the Cases of the period', () => {
    expect(data.cases).toEqual({
      opened: 4,
      resolved: 4,
      openAtEnd: 2,
      highPriorityOpen: 1,
      medianResolutionDays: 6.5
    });
  });

  it('counts the feedback answers of the period', () => {
    expect(data.feedbackCount).toBe(2);
  });

  it('lists the objectives of the Active plan in plan order', () => {
    expect(data.objectives.map((objective) => [objective.outcome, objective.currentValue, objective.isMet])).toEqual([
      ['Cut onboarding time for new teams', 10, true],
      ['Grow daily adoption', 44, false]
    ]);
  });

  it('lists milestones of every plan completed in the period', () => {
    expect(data.milestonesAchieved).toEqual([
      { name: 'Kickoff held', completedDate: '2026-10-03', completionSource: 'Manual' },
      { name: 'Legacy data migrated', completedDate: '2026-10-10', completionSource: 'Manual' },
      { name: 'Invoices paid on time', completedDate: AS_OF, completionSource: 'Automatic' }
    ]);
  });

  it('reads raw measure values with their direction', () => {
    expect(measureValue(data, 'DaysPastDue')).toBe(5);
    expect(measureValue(data, 'LicenseUtilization30d')).toBe(88);
    expect(measureValue(data, 'CasesCreated30d')).toBe(2);
    expect(data.measures.find((entry) => entry.measure === 'DaysPastDue')?.direction).toBe('LowerIsBetter');
  });

  it('computes the medians of the segment peers', () => {
    expect(data.peerCount).toBe(4);
    expect(peerMedian(data, 'DaysPastDue')).toEqual({ median: 15, peerCount: 4 });
    expect(peerMedian(data, 'LicenseUtilization30d')).toEqual({ median: 0, peerCount: 4 });
    expect(peerMedian(data, 'CasesCreated30d')).toEqual({ median: 0, peerCount: 4 });
    expect(data.peerMedians.map((entry) => entry.measure)).toEqual(
      data.measures
        .map((entry) => entry.measure)
        .filter((measure) => data.peerMedians.some((median) => median.measure === measure))
    );
  });

  it('passes the extras through', () => {
    const risks: QbrRiskRow[] = [
      {
        id: null,
        title: 'Adoption risk',
        severity: 'High',
        status: 'Open',
        rung: 'CSM',
        hasMitigation: true,
        detectedOn: '2026-11-20',
        closedOn: null
      }
    ];

    const withExtras = source.reviewData(ACME, '2026-Q4', {
      risks,
      review: null,
      actionItems: [],
      owners: [{ id: '005Q00000000001AAA', name: 'Olivia Owner' }],
      canEdit: true
    });

    expect(withExtras.risks).toEqual(risks);
    expect(withExtras.owners).toEqual([{ id: '005Q00000000001AAA', name: 'Olivia Owner' }]);
    expect(withExtras.canEdit).toBe(true);
  });
});

describe('QbrReviewSource.reviewData for other accounts and quarters', () => {
  it('reads a past quarter up to its last day', () => {
    const account = orgExport.accounts.find((signals) => signals.accountId === ACME);
    const model = scored.find((entry) => entry.signals.accountId === ACME)?.model as HealthModel;
    const expected = evaluateAccount(model, account!, { asOf: '2026-09-30' });

    const data = source.reviewData(ACME, '2026-Q3', NO_EXTRAS);

    expect(data.asOf).toBe('2026-09-30');
    expect(data.healthPoints).toEqual([
      { scoredOn: '2026-09-28', score: 60, band: 'Yellow' },
      { scoredOn: '2026-09-30', score: expected.score, band: expected.band }
    ]);
    expect(data.usage).toEqual([{ month: '2026-09', activeUsers: 40, logins: 100 }]);
    expect(data.cases).toEqual({
      opened: 2,
      resolved: 0,
      openAtEnd: 2,
      highPriorityOpen: 0,
      medianResolutionDays: null
    });
    expect(data.feedbackCount).toBe(1);
    expect(data.milestonesAchieved.map((milestone) => milestone.name)).toEqual(['Pilot team live']);
  });

  it('recomputes weekly scores without stored snapshots', () => {
    const data = source.reviewData(FIR, '2026-Q4', NO_EXTRAS);

    expect(data.healthPoints.map((point) => point.scoredOn)).toEqual([
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      AS_OF
    ]);
  });

  it('matches a segment without regard to letter case', () => {
    const data = source.reviewData(FIR, '2026-Q4', NO_EXTRAS);

    expect(data.segment).toBe('enterprise');
    expect(data.peerCount).toBe(4);
    expect(peerMedian(data, 'DaysPastDue')).toEqual({ median: 7.5, peerCount: 4 });
  });

  it('has no peers alone in a segment', () => {
    const data = source.reviewData(ELM, '2026-Q4', NO_EXTRAS);

    expect(data.segment).toBe('Commercial');
    expect(data.peerCount).toBe(0);
    expect(data.peerMedians).toEqual([]);
  });

  it('has no plan data without a plan', () => {
    const data = source.reviewData(ELM, '2026-Q4', NO_EXTRAS);

    expect(data.objectives).toEqual([]);
    expect(data.milestonesAchieved).toEqual([]);
    expect(data.executiveSponsorName).toBeNull();
  });

  it('rejects a quarter after the data', () => {
    expect(() => source.reviewData(ACME, '2027-Q1', NO_EXTRAS)).toThrow(QbrPeriodError);
    expect(() => source.reviewData(ACME, '2027-Q1', NO_EXTRAS)).toThrow(
      'Quarter 2027-Q1 has not started by 2026-11-30, the as-of date of the data, so it has no data to review. ' +
        'Choose the current quarter, 2026-Q4, or an earlier one.'
    );
  });

  it('rejects an unknown account', () => {
    expect(() => source.reviewData('001Q00000000099AAA', '2026-Q4', NO_EXTRAS)).toThrow(
      'Account 001Q00000000099AAA is not in the export'
    );
  });

  it('finds an account by its 15-character Id', () => {
    expect(source.reviewData(ACME.slice(0, 15), '2026-Q4', NO_EXTRAS).accountName).toBe('Acme Corp');
  });

  it('reuses evaluations of past dates from a shared cache', () => {
    const cache = new Map();
    const accounts = qbrAccountsOf(orgExport, scored, AS_OF);
    const first = new QbrReviewSource({ dataAsOf: AS_OF, models, accounts }, cache);

    first.reviewData(ACME, '2026-Q3', NO_EXTRAS);
    const cached = cache.size;
    new QbrReviewSource({ dataAsOf: AS_OF, models, accounts }, cache).reviewData(ACME, '2026-Q3', NO_EXTRAS);

    expect(cached).toBe(6);
    expect(cache.size).toBe(cached);
  });
});
