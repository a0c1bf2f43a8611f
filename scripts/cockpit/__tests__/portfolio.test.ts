import { ApexError } from '../apexErrors';
import { compareRows } from '../portfolio';
import { ACME_ID, loadFixture } from './cockpitFixture';
import type { CockpitFixture } from './cockpitFixture';

type Portfolio = ApexTypes.HealthPortfolioController_Portfolio;

const GLOBEX_ID = '001A00000000002AAA';
const OWNER_ID = '005A00000000001AAA';

let fixture: CockpitFixture;

beforeEach(async () => {
  fixture = await loadFixture();
});

afterEach(() => {
  fixture.cleanup();
});

async function portfolio(params: Record<string, unknown> = {}, userKey = 'manager'): Promise<Portfolio> {
  return (await fixture.app(userKey).invokeApex('HealthPortfolioController.getPortfolio', params)) as Portfolio;
}

async function failure(params: Record<string, unknown>, userKey = 'manager'): Promise<ApexError> {
  try {
    await portfolio(params, userKey);
  } catch (error) {
    if (error instanceof ApexError) {
      return error;
    }
    throw error;
  }
  throw new Error('getPortfolio succeeded, but a failure was expected.');
}

describe('HealthPortfolioController.getPortfolio', () => {
  it('lists every scored account by risk', async () => {
    const result = await portfolio();

    const ids = result.rows?.map((row) => row.accountId) ?? [];
    expect(ids.slice(0, 2)).toEqual([GLOBEX_ID, ACME_ID]);
    expect([...ids].sort()).toEqual([ACME_ID, GLOBEX_ID, '001A00000000003AAA', '001A00000000005AAA']);
    expect([...(result.rows ?? [])].sort(compareRows)).toEqual(result.rows);
    expect(result.bandCounts).toEqual({ red: 1, yellow: 1, green: 0, insufficient: 2, total: 4 });
    expect(result.matchingCount).toBe(4);
    expect(result.hasMore).toBe(false);
    expect(result.asOf).toBe(fixture.data.asOf);
  });

  it('sums red ARR by owner', async () => {
    const result = await portfolio();

    expect(result.redArr).toBe(30000);
    expect(result.ownerRisks).toEqual([{ ownerId: OWNER_ID, ownerName: 'Olivia Owner', redArr: 30000, redCount: 1 }]);
    expect(result.owners?.map((owner) => owner.ownerId)).toContain(OWNER_ID);
  });

  it('compares with last week', async () => {
    const result = await portfolio();
    const acme = result.rows?.find((row) => row.accountId === ACME_ID);
    const globex = result.rows?.find((row) => row.accountId === GLOBEX_ID);

    expect(acme?.previousBand).toBe(fixture.data.account(ACME_ID)?.lastWeek?.band);
    expect(globex?.movedIntoRed).toBe(globex?.band === 'Red' && globex?.previousBand !== 'Red');
    expect(acme?.movedIntoRed).toBe(false);
  });

  it('filters by band', async () => {
    const result = await portfolio({ band: 'yellow' });

    expect(result.rows?.map((row) => row.accountId)).toEqual([ACME_ID]);
    expect(result.matchingCount).toBe(1);
  });

  it('filters by owner', async () => {
    const result = await portfolio({ ownerId: OWNER_ID });

    expect(result.rows?.map((row) => row.accountId)).toEqual([GLOBEX_ID, ACME_ID]);
    expect(result.bandCounts?.total).toBe(2);
  });

  it('filters moved into red', async () => {
    const result = await portfolio({ movedIntoRedOnly: true });

    expect(result.rows?.every((row) => row.movedIntoRed)).toBe(true);
    expect(result.matchingCount).toBeNull();
  });

  it('limits the rows', async () => {
    const result = await portfolio({ maxRows: 1 });

    expect(result.rows).toHaveLength(1);
    expect(result.hasMore).toBe(true);
    expect(result.maxRows).toBe(1);
  });

  it.each([
    [{ band: 'Purple' }, 'Band "Purple" is not a health band.'],
    [{ ownerId: 'nobody' }, 'Owner Id "nobody" is not a valid record Id.'],
    [{ ownerId: ACME_ID }, `Owner Id ${ACME_ID} is not the Id of a user.`],
    [{ maxRows: 0 }, 'Maximum rows 0 is outside 1 to 2000.'],
    [{ maxRows: 2001 }, 'Maximum rows 2001 is outside 1 to 2000.']
  ])('rejects %j', async (params, expected) => {
    const error = await failure(params);

    expect(error.message).toContain(expected);
  });

  it('denies a user without access', async () => {
    const error = await failure({}, 'no-access');

    expect(error.message).toMatch(/^Access denied: you cannot read the health score and band of accounts/);
  });
});

describe('compareRows', () => {
  const row = (changes: Partial<ApexTypes.HealthPortfolioController_AccountRow>) =>
    ({
      accountId: '1',
      accountName: 'A',
      band: 'Red',
      score: 50,
      trend: 'Stable',
      ...changes
    }) as ApexTypes.HealthPortfolioController_AccountRow;

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
