import { ApexError, ApexParameterError } from '../apexErrors';
import { loadAdoptionFixture } from './adoptionFixture';
import type { CockpitFixture } from './cockpitFixture';

type Scorecard = ApexTypes.AdoptionScorecardController_Scorecard;

const ACME = '001A00000000001AAA';
const INITECH = '001A00000000003AAA';

let fixture: CockpitFixture;

beforeEach(async () => {
  fixture = await loadAdoptionFixture();
});

afterEach(() => {
  fixture.cleanup();
});

async function scorecard(params: Record<string, unknown>, user = 'csm'): Promise<Scorecard> {
  return (await fixture.app(user).invokeApex('AdoptionScorecardController.getScorecard', params)) as Scorecard;
}

async function message(params: Record<string, unknown>, user = 'csm'): Promise<string> {
  try {
    await scorecard(params, user);
  } catch (error) {
    if (error instanceof ApexError) {
      return error.message;
    }
    throw error;
  }
  throw new Error('getScorecard succeeded, but a failure was expected.');
}

describe('AdoptionScorecardController.getScorecard offline', () => {
  it('shows the latest month of the account', async () => {
    const result = await scorecard({ accountId: ACME });

    expect(result.accountName).toBe('Acme Corp');
    expect(result.asOf).toBe('2026-11-30');
    expect(result.month).toBe('2026-11-01');
    expect(result.isEmpty).toBe(false);
    expect(result.emptyMessage).toBeNull();
    expect(result.canCreatePlaybooks).toBe(true);
    expect(result.monthsAvailable?.[0]).toBe('2026-11-01');
  });

  it('builds the matrix with one cell per column', async () => {
    const result = await scorecard({ accountId: ACME });
    const chains = result.features?.find((row) => row.featureKey === 'ApprovalChains');

    expect(result.segments?.map((column) => column.key)).toEqual([
      'All|All',
      'Department|Finance',
      'Department|Support'
    ]);
    expect(chains?.cells?.map((cell) => [cell.segmentKey, cell.adoptionPercent, cell.isBelowTarget])).toEqual([
      ['All|All', 25, true],
      ['Department|Finance', 0, true],
      ['Department|Support', 40, true]
    ]);
    expect(chains?.isInDictionary).toBe(true);
    expect(result.features?.find((row) => row.featureKey === 'SlaEscalations')?.cells?.[1]?.hasData).toBe(false);
  });

  it('flags the under-used features with their actions', async () => {
    const result = await scorecard({ accountId: ACME });

    expect(result.underused?.map((row) => [row.featureKey, row.priority, row.isFlagged])).toEqual([
      ['WorkflowDesigner', 300, true],
      ['SlaEscalations', 120, true],
      ['ApprovalChains', 50, true],
      ['PortalCaseSubmission', 40, false]
    ]);
    expect(result.underused?.[0]?.action).toContain('design session');
  });

  it('links a feature to its Active playbook', async () => {
    const result = await scorecard({ accountId: ACME });

    expect(result.underused?.map((row) => [row.featureKey, row.activePlaybookId])).toEqual([
      ['WorkflowDesigner', null],
      ['SlaEscalations', 'a0SA00000000001AAA'],
      ['ApprovalChains', null],
      ['PortalCaseSubmission', null]
    ]);
  });

  it('explains why a license row has no org license counts', async () => {
    const result = await scorecard({ accountId: ACME });
    const portal = result.licenses?.find((row) => row.featureKey === 'PortalCaseSubmission');
    const sla = result.licenses?.find((row) => row.featureKey === 'SlaEscalations');

    expect(portal?.licenseName).toBe('Customer Community');
    expect(portal?.orgLicense).toBeNull();
    expect(portal?.orgLicenseMessage).toContain("The org's user licenses are not part of the export");
    expect(sla?.licenseName).toBeNull();
    expect(sla?.orgLicenseMessage).toBeNull();
    expect(result.dictionary?.map((entry) => entry.key)).toContain('WorkflowDesigner');
  });

  it('shows an earlier month', async () => {
    const result = await scorecard({ accountId: ACME, month: '2026-10-12' });

    expect(result.month).toBe('2026-10-01');
    expect(result.features?.find((row) => row.featureKey === 'SlaEscalations')?.cells?.[0]?.trend).toBe('Declining');
  });

  it('names the latest month when the month has no facts', async () => {
    const result = await scorecard({ accountId: ACME, month: '2027-02-01' });

    expect(result.isEmpty).toBe(true);
    expect(result.emptyMessage).toBe(
      'Account Acme Corp has no adoption facts for 2027-02. Choose one of the months that have facts, the latest ' +
        'being 2026-11.'
    );
  });

  it('explains what produces facts for an account without any', async () => {
    const result = await scorecard({ accountId: INITECH });

    expect(result.isEmpty).toBe(true);
    expect(result.monthsAvailable).toEqual([]);
    expect(result.emptyMessage).toContain('Account Initech has no adoption facts yet.');
  });

  it('does not offer playbooks to a manager', async () => {
    expect((await scorecard({ accountId: ACME }, 'manager')).canCreatePlaybooks).toBe(false);
  });

  it.each([
    ['a missing account Id', {}, 'The account Id is missing. Open the adoption scorecard from an Account record page.'],
    [
      'an Id of another object',
      { accountId: '003A00000000001AAA' },
      'Id 003A00000000001AAA is not an account Id. Place the adoption scorecard component on an Account record page.'
    ],
    [
      'an unknown account',
      { accountId: '001A00000000009AAA' },
      'Access denied: account 001A00000000009AAA does not exist or is not shared with you. Ask the account owner ' +
        'or your admin for access.'
    ]
  ])('rejects %s', async (_name, params, expected) => {
    expect(await message(params)).toBe(expected);
  });

  it('denies a user without access', async () => {
    expect(await message({ accountId: ACME }, 'no-access')).toBe(
      'Access denied: you cannot read adoption facts. Ask your admin to assign you the Success Cockpit User ' +
        'permission set.'
    );
  });

  it('rejects a month that is not a date', async () => {
    await expect(scorecard({ accountId: ACME, month: 'November' })).rejects.toBeInstanceOf(ApexParameterError);
  });
});
