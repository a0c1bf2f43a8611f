import { ApexError } from '../apexErrors';
import { abbreviate, toEvidenceLinks } from '../riskRegister';
import { CockpitStore } from '../store';
import { ACME_ID, TODAY, loadFixture } from './cockpitFixture';
import type { CockpitFixture } from './cockpitFixture';

type Register = ApexTypes.RiskRegisterController_Register;
type Escalation = ApexTypes.RiskRegisterController_Escalation;

/** The fixture account whose score fell: the risk rules fire on it. */
const GLOBEX_ID = '001A00000000002AAA';

let fixture: CockpitFixture;

beforeEach(async () => {
  fixture = await loadFixture();
});

afterEach(() => {
  fixture.cleanup();
});

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function call(method: string, params: Record<string, unknown>, userKey = 'csm'): Promise<unknown> {
  return fixture.app(userKey).invokeApex(`RiskRegisterController.${method}`, params);
}

async function register(accountId: string): Promise<Register> {
  return (await call('getRegister', { accountId })) as Register;
}

async function message(method: string, params: Record<string, unknown>, userKey = 'csm'): Promise<string> {
  try {
    await call(method, params, userKey);
  } catch (error) {
    if (error instanceof ApexError) {
      return error.message;
    }
    throw error;
  }
  throw new Error(`${method} succeeded, but a failure was expected.`);
}

describe('RiskRegisterController.getRegister', () => {
  it('lists the detected risks', async () => {
    const findings = fixture.data.account(GLOBEX_ID)?.risks ?? [];

    const result = await register(GLOBEX_ID);

    expect(findings.length).toBeGreaterThan(0);
    expect(result.risks?.map((risk) => risk.source).sort()).toEqual(findings.map((finding) => finding.rule).sort());
    expect(result.risks?.[0]).toMatchObject({
      status: 'Open',
      rung: 'CSM',
      nextRung: 'Manager',
      ownerName: 'Olivia Owner',
      arrAtRisk: 30000
    });
    expect(result.risks?.[0].id).toMatch(/^a0H[a-zA-Z0-9]{15}$/);
    expect(result.risks?.[0].mitigationTasks?.[0].subject).toBe('Agree a mitigation plan with the customer');
    expect(result.today).toBe(TODAY);
    expect(result.endedCount).toBe(0);
  });

  it('keeps Ids across restarts', async () => {
    const first = await register(GLOBEX_ID);
    const again = await loadFixture();

    try {
      const second = (await again
        .app()
        .invokeApex('RiskRegisterController.getRegister', { accountId: GLOBEX_ID })) as Register;

      expect(second.risks?.map((risk) => risk.id)).toEqual(first.risks?.map((risk) => risk.id));
    } finally {
      again.cleanup();
    }
  });

  it('sorts by severity', async () => {
    await call('createRisk', {
      accountId: GLOBEX_ID,
      category: 'Commercial',
      severity: 'Critical',
      evidence: 'Procurement asked for a 40% discount at renewal',
      resolutionCriteria: 'Renewal signed at the current price'
    });

    const result = await register(GLOBEX_ID);

    expect(result.risks?.[0].severity).toBe('Critical');
  });

  it('rejects a missing Id', async () => {
    expect(await message('getRegister', {})).toBe(
      'The account Id is missing. Open the risk register from an Account record page.'
    );
  });

  it('denies a user without access', async () => {
    expect(await message('getRegister', { accountId: ACME_ID }, 'no-access')).toMatch(
      /^Access denied: you cannot read Risk records/
    );
  });
});

describe('RiskRegisterController.createRisk', () => {
  const request = {
    accountId: ACME_ID,
    category: 'Engagement',
    severity: 'High',
    evidence: '  Sponsor left the company on 2026-11-20  ',
    resolutionCriteria: 'New sponsor met twice'
  };

  it('creates a manual risk', async () => {
    const id = (await call('createRisk', request)) as string;

    const result = await register(ACME_ID);
    const created = result.risks?.find((risk) => risk.id === id);
    expect(created).toMatchObject({
      name: 'Engagement risk: Sponsor left the company on 2026-11-20',
      source: 'Manual',
      severity: 'High',
      rung: 'CSM',
      nextCheckIn: addDays(TODAY, 7),
      ownerName: 'Casey Morgan (CSM)',
      arrAtRisk: 120000.5
    });
    expect(CockpitStore.open(fixture.storeFile).store.get('risks', id)?.evidence).toBe(
      'Sponsor left the company on 2026-11-20'
    );
  });

  it.each([
    [{ category: 'Weather' }, 'Category Weather is not a valid value. Choose one of Adoption'],
    [{ severity: '' }, 'Severity is missing. Choose one of Critical, High, Medium, Low.'],
    [{ evidence: ' ' }, 'Evidence is missing.'],
    [{ resolutionCriteria: 'x'.repeat(256) }, 'Resolution criteria is 256 characters long, more than the 255 allowed.']
  ])('rejects %j', async (changes, expected) => {
    expect(await message('createRisk', { ...request, ...changes })).toContain(expected);
    expect(fixture.store.count()).toBe(0);
  });
});

describe('RiskRegisterController actions', () => {
  async function firstRiskId(): Promise<string> {
    return (await register(GLOBEX_ID)).risks?.[0].id as string;
  }

  it('escalates one rung', async () => {
    const riskId = await firstRiskId();

    const result = (await call('escalate', { riskId, reason: 'No reply for two weeks' })) as Escalation;

    expect(result).toMatchObject({ riskId, fromRung: 'CSM', toRung: 'Manager', isOwnerChanged: false });
    expect(result.rungDeadline).toBe(addDays(TODAY, 5));
    const after = (await register(GLOBEX_ID)).risks?.find((risk) => risk.id === riskId);
    expect(after?.rung).toBe('Manager');
    expect(fixture.store.list('riskEscalations')).toHaveLength(1);
  });

  it('stops at the top rung', async () => {
    const riskId = await firstRiskId();
    for (let step = 0; step < 3; step++) {
      await call('escalate', { riskId, reason: `Step ${step}` });
    }

    expect(await message('escalate', { riskId, reason: 'Again' })).toContain(
      'on the Executive rung, which has no higher rung'
    );
  });

  it('logs a check-in', async () => {
    const riskId = await firstRiskId();

    const taskId = (await call('logCheckIn', { riskId, notes: 'Agreed a training plan', nextCheckIn: null })) as string;

    expect(taskId).toMatch(/^00T/);
    const after = (await register(GLOBEX_ID)).risks?.find((risk) => risk.id === riskId);
    expect(after?.nextCheckIn).toBe(addDays(TODAY, after?.checkInCadenceDays ?? 7));
    expect(after?.lastCheckInAt).not.toBeNull();
    expect(fixture.store.get('riskActivities', taskId)?.subject).toMatch(/^Risk check-in: /);
  });

  it('checks the next check-in date', async () => {
    const riskId = await firstRiskId();

    expect(await message('logCheckIn', { riskId, notes: 'Call', nextCheckIn: TODAY })).toContain(
      `Next check-in ${TODAY} is not in the future.`
    );
    expect(await message('logCheckIn', { riskId, notes: 'Call', nextCheckIn: addDays(TODAY, 91) })).toContain(
      'is more than 90 days ahead'
    );
  });

  it('closes a risk until the next scoring', async () => {
    const riskId = await firstRiskId();

    await call('closeRisk', { riskId, status: 'Mitigated', note: 'Usage back above target' });
    const afterClose = await register(GLOBEX_ID);
    await fixture.app().invokeApex('HealthScorecardController.recalculate', { accountId: GLOBEX_ID });
    const afterScoring = await register(GLOBEX_ID);

    expect(afterClose.risks?.map((risk) => risk.id)).not.toContain(riskId);
    expect(afterClose.endedCount).toBe(1);
    expect(fixture.store.get('risks', riskId)).toMatchObject({ status: 'Mitigated', ruleKey: null });
    expect(afterScoring.risks).toHaveLength(afterClose.risks?.length === undefined ? 0 : afterClose.risks.length + 1);
    expect(await message('closeRisk', { riskId, status: 'Closed', note: 'Again' })).toContain('is already Mitigated');
  });

  it('rejects a status that does not end a risk', async () => {
    const riskId = await firstRiskId();

    expect(await message('closeRisk', { riskId, status: 'Open', note: 'Done' })).toContain(
      'Status Open does not end a risk.'
    );
  });

  it('rejects an Id that is no risk', async () => {
    expect(await message('escalate', { riskId: ACME_ID, reason: 'x' })).toContain(`Record ${ACME_ID} is not a risk.`);
  });

  it('denies a user without access', async () => {
    const riskId = await firstRiskId();

    expect(await message('closeRisk', { riskId, status: 'Closed', note: 'x' }, 'no-access')).toMatch(
      /^Access denied: you cannot close risks/
    );
  });
});

describe('risk helpers', () => {
  it('abbreviates like Apex', () => {
    expect(abbreviate('abcdef', 6)).toBe('abcdef');
    expect(abbreviate('abcdefg', 6)).toBe('abc...');
  });

  it('links evidence Ids', () => {
    const links = toEvidenceLinks('500A00000000001AAA, 500A00000000001AAA and 001A00000000001AAA');

    expect(links).toEqual([{ recordId: '500A00000000001AAA', label: 'Case 500A00000000001AAA' }]);
  });
});
