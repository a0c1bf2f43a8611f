import type { PlanRecord } from 'c/planEngine';
import { ApexError } from '../apexErrors';
import { compareRows, isStalePlan } from '../portfolio';
import { COCKPIT_USERS } from '../users';
import { ACME_ID, loadFixture } from './cockpitFixture';
import type { CockpitFixture } from './cockpitFixture';
import { AS_OF, GLOBEX_ID, HOOLI_ID, INITECH_ID, loadPlanFixture } from './planFixture';
import type { PlanFixture } from './planFixture';

type Portfolio = ApexTypes.HealthPortfolioController_Portfolio;
type AccountRow = ApexTypes.HealthPortfolioController_AccountRow;

const OWNER_ID = '005A00000000001AAA';

async function invoke(
  fixture: CockpitFixture | PlanFixture,
  params: Record<string, unknown> = {},
  userKey = 'manager'
): Promise<Portfolio> {
  return (await fixture.app(userKey).invokeApex('HealthPortfolioController.getPortfolio', params)) as Portfolio;
}

async function failureOf(
  fixture: CockpitFixture | PlanFixture,
  params: Record<string, unknown>,
  userKey = 'manager'
): Promise<ApexError> {
  try {
    await invoke(fixture, params, userKey);
  } catch (error) {
    if (error instanceof ApexError) {
      return error;
    }
    throw error;
  }
  throw new Error('getPortfolio succeeded, but a failure was expected.');
}

function rowOf(result: Portfolio, accountId: string): AccountRow {
  const row = result.rows?.find((candidate) => candidate.accountId === accountId);
  if (!row) {
    throw new Error(`The dashboard has no row for ${accountId}.`);
  }
  return row;
}

function idsOf(result: Portfolio): string[] {
  return result.rows?.map((row) => row.accountId ?? '') ?? [];
}

describe('HealthPortfolioController.getPortfolio', () => {
  let fixture: CockpitFixture;

  beforeEach(async () => {
    fixture = await loadFixture();
  });

  afterEach(() => {
    fixture.cleanup();
  });

  it('lists every scored account by risk', async () => {
    const result = await invoke(fixture);

    const ids = idsOf(result);
    expect(ids.slice(0, 2)).toEqual([GLOBEX_ID, ACME_ID]);
    expect([...ids].sort()).toEqual([ACME_ID, GLOBEX_ID, INITECH_ID, HOOLI_ID]);
    expect([...(result.rows ?? [])].sort(compareRows)).toEqual(result.rows);
    expect(result.bandCounts).toEqual({ red: 1, yellow: 1, green: 0, insufficient: 2, total: 4 });
    expect(result.matchingCount).toBe(4);
    expect(result.hasMore).toBe(false);
    expect(result.asOf).toBe(fixture.data.asOf);
  });

  it('sums red ARR by owner', async () => {
    const result = await invoke(fixture);

    expect(result.redArr).toBe(30000);
    expect(result.ownerRisks).toEqual([{ ownerId: OWNER_ID, ownerName: 'Olivia Owner', redArr: 30000, redCount: 1 }]);
    expect(result.owners?.map((owner) => owner.ownerId)).toContain(OWNER_ID);
  });

  it('compares with last week', async () => {
    const result = await invoke(fixture);
    const acme = rowOf(result, ACME_ID);
    const globex = rowOf(result, GLOBEX_ID);

    expect(acme.previousBand).toBe(fixture.data.account(ACME_ID)?.lastWeek?.band);
    expect(globex.movedIntoRed).toBe(globex.band === 'Red' && globex.previousBand !== 'Red');
    expect(acme.movedIntoRed).toBe(false);
    expect(result.movedIntoRedCount).toBe(result.rows?.filter((row) => row.movedIntoRed).length);
  });

  it('returns segments of rows', async () => {
    const result = await invoke(fixture);

    expect(rowOf(result, ACME_ID).segment).toBe('Enterprise');
    expect(rowOf(result, GLOBEX_ID).segment).toBe('Commercial');
    expect(rowOf(result, HOOLI_ID).segment).toBeNull();
    expect(result.segments).toEqual(['Commercial', 'Enterprise']);
  });

  it('sums ARR of severe risks', async () => {
    const result = await invoke(fixture);

    expect(rowOf(result, GLOBEX_ID).hasSevereRisk).toBe(true);
    expect(rowOf(result, ACME_ID).hasSevereRisk).toBe(false);
    expect(result.severeRiskCount).toBe(1);
    expect(result.severeRiskArr).toBe(30000);
  });

  it('flags overdue check-in', async () => {
    const riskId = (await fixture.app('manager').invokeApex('RiskRegisterController.createRisk', {
      accountId: ACME_ID,
      category: 'Engagement',
      severity: 'Critical',
      evidence: 'Sponsor left the company.',
      resolutionCriteria: 'New sponsor met twice'
    })) as string;
    const stored = fixture.store.get('risks', riskId);
    if (!stored) {
      throw new Error('createRisk stored no risk.');
    }
    fixture.store.put('risks', riskId, { ...stored, nextCheckIn: '2024-07-11' });

    const result = await invoke(fixture);

    const acme = rowOf(result, ACME_ID);
    expect(acme.hasOverdueCheckIn).toBe(true);
    expect(acme.hasSevereRisk).toBe(true);
    expect(result.overdueCheckInCount).toBe(1);
    expect(result.severeRiskCount).toBe(2);
    expect(result.severeRiskArr).toBe(150000.5);
  });

  it('ignores check-in due today', async () => {
    const riskId = (await fixture.app('manager').invokeApex('RiskRegisterController.createRisk', {
      accountId: ACME_ID,
      category: 'Engagement',
      severity: 'Low',
      evidence: 'Sponsor is on leave.',
      resolutionCriteria: 'Sponsor back'
    })) as string;
    const stored = fixture.store.get('risks', riskId);
    if (!stored) {
      throw new Error('createRisk stored no risk.');
    }
    fixture.store.put('risks', riskId, { ...stored, nextCheckIn: fixture.data.asOf });

    const result = await invoke(fixture);

    expect(rowOf(result, ACME_ID).hasOverdueCheckIn).toBe(false);
    expect(rowOf(result, ACME_ID).hasSevereRisk).toBe(false);
  });

  it('filters by band', async () => {
    const result = await invoke(fixture, { band: 'yellow' });

    expect(idsOf(result)).toEqual([ACME_ID]);
    expect(result.matchingCount).toBe(1);
  });

  it('filters by owner', async () => {
    const result = await invoke(fixture, { ownerId: OWNER_ID });

    expect(idsOf(result)).toEqual([GLOBEX_ID, ACME_ID]);
    expect(result.bandCounts?.total).toBe(2);
  });

  it('filters by segment in any letter case', async () => {
    const result = await invoke(fixture, { segment: ' enterprise ' });

    expect(idsOf(result)).toEqual([ACME_ID]);
    expect(result.bandCounts).toEqual({ red: 0, yellow: 1, green: 0, insufficient: 0, total: 1 });
    expect(result.redArr).toBe(0);
    expect(result.severeRiskCount).toBe(0);
    expect(result.matchingCount).toBe(1);
    expect(result.segments).toEqual(['Commercial', 'Enterprise']);
  });

  it('filters moved into red', async () => {
    const result = await invoke(fixture, { movedIntoRedOnly: true });

    expect(result.rows?.every((row) => row.movedIntoRed)).toBe(true);
    expect(result.matchingCount).toBeNull();
  });

  it('limits the rows', async () => {
    const result = await invoke(fixture, { maxRows: 1 });

    expect(result.rows).toHaveLength(1);
    expect(result.hasMore).toBe(true);
    expect(result.maxRows).toBe(1);
  });

  it.each([
    ['an unknown band', { band: 'Purple' }, 'Band "Purple" is not a health band.'],
    ['a malformed owner Id', { ownerId: 'nobody' }, 'Owner Id "nobody" is not a valid record Id.'],
    ['an owner Id of an account', { ownerId: ACME_ID }, `Owner Id ${ACME_ID} is not the Id of a user.`],
    [
      'a segment of 256 characters',
      { segment: 'x'.repeat(256) },
      'is 256 characters long, more than the 255 a segment can have.'
    ],
    ['a renewal window of 0 days', { renewalWindowDays: 0 }, 'Renewal window 0 days is outside 1 to 365.'],
    ['a renewal window of 366 days', { renewalWindowDays: 366 }, 'Renewal window 366 days is outside 1 to 365.'],
    ['a renewal window of 1.5 days', { renewalWindowDays: 1.5 }, 'renewalWindowDays'],
    ['0 maximum rows', { maxRows: 0 }, 'Maximum rows 0 is outside 1 to 2000.'],
    ['2001 maximum rows', { maxRows: 2001 }, 'Maximum rows 2001 is outside 1 to 2000.']
  ])('rejects %s', async (_name, params, expected) => {
    const error = await failureOf(fixture, params);

    expect(error.message).toContain(expected);
  });

  it('denies a user without access', async () => {
    const error = await failureOf(fixture, {}, 'no-access');

    expect(error.message).toMatch(/^Access denied: you cannot read Health Snapshot records/);
    expect(error.message).toContain('Success Cockpit Manager permission set');
  });
});

describe('HealthPortfolioController.getPortfolio with plans and renewals', () => {
  let fixture: PlanFixture;

  beforeEach(async () => {
    fixture = await loadPlanFixture();
  });

  afterEach(() => {
    fixture.cleanup();
  });

  it('returns countdown renewal dates', async () => {
    const result = await invoke(fixture);

    expect(rowOf(result, ACME_ID)).toMatchObject({ renewalDate: '2025-01-13', daysToRenewal: 185 });
    expect(rowOf(result, GLOBEX_ID)).toMatchObject({ renewalDate: '2024-10-15', daysToRenewal: 95 });
    expect(rowOf(result, INITECH_ID)).toMatchObject({ renewalDate: '2024-10-20', daysToRenewal: 100 });
    expect(rowOf(result, HOOLI_ID)).toMatchObject({ renewalDate: null, daysToRenewal: null });
    expect(result.asOf).toBe(AS_OF);
  });

  it('flags disagreeing renewal call', async () => {
    const result = await invoke(fixture);

    expect(rowOf(result, GLOBEX_ID).hasDisagreement).toBe(true);
    expect(rowOf(result, ACME_ID).hasDisagreement).toBe(false);
    expect(result.disagreementCount).toBe(1);
  });

  it('flags plan with past review', async () => {
    const result = await invoke(fixture);

    expect(rowOf(result, ACME_ID).hasStalePlan).toBe(true);
    expect(rowOf(result, INITECH_ID).hasStalePlan).toBe(false);
    expect(result.stalePlanCount).toBe(1);
  });

  it.each([
    [90, []],
    [100, [GLOBEX_ID, INITECH_ID]],
    [180, [GLOBEX_ID, INITECH_ID]],
    [365, [GLOBEX_ID, ACME_ID, INITECH_ID]]
  ])('filters renewals within %i days', async (days, expected) => {
    const result = await invoke(fixture, { renewalWindowDays: days });

    expect(idsOf(result)).toEqual(expected);
    expect(result.matchingCount).toBeNull();
    expect(result.bandCounts?.total).toBe(4);
  });

  it('counts flags of listed rows', async () => {
    const result = await invoke(fixture, { renewalWindowDays: 180 });

    expect(result.disagreementCount).toBe(1);
    expect(result.stalePlanCount).toBe(0);
  });

  it('denies user without plan access', async () => {
    const app = fixture.app({ ...COCKPIT_USERS.manager, canReadPlans: false });

    await expect(app.invokeApex('HealthPortfolioController.getPortfolio', {})).rejects.toThrow(
      /^Access denied: you cannot read Renewal Checkpoint records/
    );
  });
});

describe('isStalePlan', () => {
  const plan: PlanRecord = {
    id: 'a0DA00000000001AAA',
    accountId: ACME_ID,
    name: 'Plan',
    status: 'Active',
    stage: 'Adoption',
    executiveSponsor: null,
    champion: null,
    reviewCadenceDays: 30,
    nextReview: null,
    escalationPath: null,
    startDate: '2024-06-01',
    endDate: null,
    templateName: null,
    objectives: [],
    milestones: []
  };

  it('compares the next review with today', () => {
    expect(isStalePlan({ ...plan, nextReview: '2024-07-11' }, null, '2024-07-12')).toBe(true);
    expect(isStalePlan({ ...plan, nextReview: '2024-07-12' }, null, '2024-07-12')).toBe(false);
  });

  it('checks cadence without review date', () => {
    expect(isStalePlan(plan, '2024-06-12T23:00:00.000Z', '2024-07-12')).toBe(false);
    expect(isStalePlan(plan, '2024-06-11T23:00:00.000Z', '2024-07-12')).toBe(true);
    expect(isStalePlan({ ...plan, reviewCadenceDays: 60 }, '2024-06-11T23:00:00.000Z', '2024-07-12')).toBe(false);
  });

  it('uses start date for export plans', () => {
    expect(isStalePlan({ ...plan, reviewCadenceDays: null }, null, '2024-07-01')).toBe(false);
    expect(isStalePlan({ ...plan, reviewCadenceDays: null }, null, '2024-07-02')).toBe(true);
    expect(isStalePlan({ ...plan, startDate: null }, null, '2024-07-12')).toBe(true);
  });

  it('ignores plans that are not Active', () => {
    expect(isStalePlan({ ...plan, status: 'OnHold', nextReview: '2024-01-01' }, null, '2024-07-12')).toBe(false);
  });
});

describe('compareRows', () => {
  const row = (changes: Partial<AccountRow>) =>
    ({
      accountId: '1',
      accountName: 'A',
      band: 'Red',
      score: 50,
      trend: 'Stable',
      ...changes
    }) as AccountRow;

  it('orders band, score, trend, name', () => {
    const rows = [
      row({ accountId: '5', band: 'Green' }),
      row({ accountId: '4', accountName: 'B' }),
      row({ accountId: '3', trend: 'Declining' }),
      row({ accountId: '2', score: 40 }),
      row({ accountId: '6', band: 'Insufficient', score: null })
    ];

    rows.sort(compareRows);

    expect(rows.map((entry) => entry.accountId)).toEqual(['2', '3', '4', '5', '6']);
  });
});
