import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { evaluateAccount, roundTo } from 'c/healthEngine';
import { loadExportConfig, readOrgExport } from '../../lib/export';
import { loadModelsFromMetadata, packageCustomMetadataDir } from '../../lib/model';
import { repoRoot } from '../../lib/paths';
import { scorePortfolio } from '../../lib/score/portfolio';
import { UnknownApexMethodError, createApexAdapter, invokeApex } from '../adapter';
import type { AdapterContext } from '../adapter';
import { ApexError, ApexParameterError } from '../apexErrors';
import { CockpitStore } from '../store';
import { ACME_ID, FIXTURE_EXPORT, TODAY, loadFixture } from './cockpitFixture';
import type { CockpitFixture } from './cockpitFixture';

/** Lists `<Class>.<method>` of every @AuraEnabled method with the project's own Apex parser. */
function auraEnabledMethods(): string[] {
  const run = spawnSync(process.execPath, ['scripts/gates/apex-api.mjs', '--list'], {
    cwd: repoRoot(),
    encoding: 'utf8'
  });
  if (run.status !== 0) {
    throw new Error(`apex-api.mjs --list failed with exit code ${run.status}: ${run.stderr}`);
  }
  return run.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(0, line.indexOf('(')));
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function apexMessage(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApexError) {
      return error.message;
    }
    throw error;
  }
  throw new Error('The call succeeded, but a failure was expected.');
}

let fixture: CockpitFixture;

beforeEach(async () => {
  fixture = await loadFixture();
});

afterEach(() => {
  fixture.cleanup();
});

describe('adapter coverage', () => {
  it('handles every AuraEnabled method', () => {
    const handled = Object.keys(createApexAdapter({} as AdapterContext));

    const methods = auraEnabledMethods();

    expect(methods.length).toBeGreaterThan(0);
    expect(methods.filter((method) => !handled.includes(method))).toEqual([]);
    expect(handled.filter((method) => !methods.includes(method))).toEqual([]);
  }, 120000);
});

describe('HealthScorecardController.getScorecard', () => {
  it('matches npm run score', async () => {
    const models = loadModelsFromMetadata(packageCustomMetadataDir()).filter((model) => model.isActive !== false);
    const orgExport = await readOrgExport(
      FIXTURE_EXPORT,
      loadExportConfig(path.join(FIXTURE_EXPORT, '..', 'full-export.config.json'))
    );
    const reference = scorePortfolio(models, orgExport.accounts, orgExport.history, fixture.data.asOf).scored;
    const adapter = fixture.app().adapter;

    for (const account of reference) {
      const scorecard = await adapter['HealthScorecardController.getScorecard']({
        accountId: account.health.accountId
      });

      expect(scorecard.score).toBe(account.health.score);
      expect(scorecard.band).toBe(account.health.band);
      expect(scorecard.trend).toBe(account.health.trend.direction);
      expect(scorecard.topReason).toBe(account.health.topReason);
      expect(scorecard.ledger?.map((line) => line.measure)).toEqual(
        account.health.ledger.map((entry) => entry.measure)
      );
    }
    expect(reference.length).toBeGreaterThan(1);
  });

  it('returns the scorecard fields', async () => {
    const state = fixture.data.account(ACME_ID);
    const scorecard = await fixture.app().adapter['HealthScorecardController.getScorecard']({ accountId: ACME_ID });

    expect(scorecard.hasSnapshot).toBe(true);
    expect(scorecard.accountName).toBe('Acme, Inc.');
    expect(scorecard.asOf).toBe(fixture.data.asOf);
    expect(scorecard.snapshotId).toMatch(/^a0E[a-zA-Z0-9]{15}$/);
    expect(scorecard.modelVersion).toBe(state?.model?.version);
    expect(scorecard.dimensions?.map((dimension) => dimension.name)).toEqual(
      state?.model?.dimensions.map((dimension) => dimension.name)
    );
    expect(scorecard.previousAsOf).toBe(state?.lastWeek?.asOf);
    expect(scorecard.history?.[scorecard.history.length - 1]).toEqual({
      asOf: fixture.data.asOf,
      score: scorecard.score,
      modelName: scorecard.modelName,
      modelVersion: scorecard.modelVersion
    });
    expect(scorecard.permissions).toEqual({ canRecalculate: true, canRequestOverride: true });
  });

  it('rounds like the snapshot fields', async () => {
    const scorecard = await fixture.app().adapter['HealthScorecardController.getScorecard']({ accountId: ACME_ID });

    for (const line of scorecard.ledger ?? []) {
      expect(line.raw).toBe(line.raw === null ? null : roundTo(line.raw, 4));
      expect(line.score).toBe(line.score === null ? null : roundTo(line.score, 2));
      expect(line.points).toBe(roundTo(line.points ?? Number.NaN, 4));
    }
    expect(scorecard.coverage).toBe(roundTo(scorecard.coverage ?? Number.NaN, 4));
    expect(scorecard.ledger?.length).toBeGreaterThan(0);
  });

  it('reports a missing Id', async () => {
    const message = await apexMessage(fixture.app().invokeApex('HealthScorecardController.getScorecard', {}));

    expect(message).toBe('The account Id is missing. Open the health scorecard from an Account record page.');
  });

  it('rejects a contact Id', async () => {
    const message = await apexMessage(
      fixture.app().invokeApex('HealthScorecardController.getScorecard', { accountId: '003A00000000001AAA' })
    );

    expect(message).toContain('is not an account');
  });

  it('denies an unknown account', async () => {
    const message = await apexMessage(
      fixture.app().invokeApex('HealthScorecardController.getScorecard', { accountId: '001A00000000099AAA' })
    );

    expect(message).toMatch(/^Access denied: account 001A00000000099AAA does not exist/);
  });

  it('accepts a 15-character Id', async () => {
    const scorecard = (await fixture
      .app()
      .invokeApex('HealthScorecardController.getScorecard', { accountId: ACME_ID.slice(0, 15) })) as {
      accountId: string;
    };

    expect(scorecard.accountId).toBe(ACME_ID);
  });

  it('rejects text that is no Id', async () => {
    const call = fixture.app().invokeApex('HealthScorecardController.getScorecard', { accountId: 'acme' });

    await expect(call).rejects.toBeInstanceOf(ApexParameterError);
    await expect(call).rejects.toMatchObject({ status: 400 });
  });

  it('denies a user without access', async () => {
    const message = await apexMessage(
      fixture.app('no-access').invokeApex('HealthScorecardController.getScorecard', { accountId: ACME_ID })
    );

    expect(message).toMatch(/^Access denied: you cannot read Health Snapshot/);
  });
});

describe('HealthScorecardController.requestOverride', () => {
  function request(changes: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      accountId: ACME_ID,
      measure: '',
      value: 65,
      reason: ' Survey went to the wrong team ',
      expiresOn: addDays(TODAY, 30),
      ...changes
    };
  }

  it('stores a requested override', async () => {
    const app = fixture.app();

    const id = (await app.invokeApex('HealthScorecardController.requestOverride', request())) as string;

    expect(id).toMatch(/^a0G[a-zA-Z0-9]{15}$/);
    const stored = CockpitStore.open(fixture.storeFile).store.get('overrides', id);
    expect(stored).toMatchObject({ accountId: ACME_ID, measure: null, value: 65, status: 'Requested' });
    expect(stored?.reason).toBe('Survey went to the wrong team');
    const scorecard = await app.adapter['HealthScorecardController.getScorecard']({ accountId: ACME_ID });
    expect(scorecard.overrides).toEqual([
      {
        id,
        measure: null,
        measureLabel: 'Overall score',
        value: 65,
        reason: 'Survey went to the wrong team',
        expiresOn: addDays(TODAY, 30),
        status: 'Requested'
      }
    ]);
  });

  it('leaves the score until approved', async () => {
    const app = fixture.app();
    const before = await app.adapter['HealthScorecardController.getScorecard']({ accountId: ACME_ID });

    await app.invokeApex('HealthScorecardController.requestOverride', request({ value: 5 }));
    const after = await app.adapter['HealthScorecardController.recalculate']({ accountId: ACME_ID });

    expect(after.score).toBe(before.score);
  });

  it('labels a measure override', async () => {
    const app = fixture.app();
    const scorecard = await app.adapter['HealthScorecardController.getScorecard']({ accountId: ACME_ID });
    const option = (scorecard.overrideMeasures ?? [])[0];

    await app.invokeApex('HealthScorecardController.requestOverride', request({ measure: option.name }));
    const after = await app.adapter['HealthScorecardController.getScorecard']({ accountId: ACME_ID });

    expect(after.overrides?.[0].measureLabel).toBe(option.label);
  });

  it.each([
    [{ reason: '  ' }, 'Reason is missing. Explain why'],
    [{ expiresOn: null }, `Expiry date is missing. Choose a date from ${addDays(TODAY, 1)} to ${addDays(TODAY, 180)}.`],
    [{ expiresOn: TODAY }, `Expiry date ${TODAY} is not in the future.`],
    [{ expiresOn: addDays(TODAY, 181) }, 'is more than 180 days ahead'],
    [{ value: null }, 'Value is missing.'],
    [{ value: 150 }, 'Value 150 is outside 0 to 100.'],
    [{ measure: 'NoSuchMeasure' }, 'Measure NoSuchMeasure is not a scored measure of health model']
  ])('rejects %j', async (changes, expected) => {
    const message = await apexMessage(
      fixture.app().invokeApex('HealthScorecardController.requestOverride', request(changes))
    );

    expect(message).toContain(expected);
    expect(fixture.store.count()).toBe(0);
  });

  it('denies a user who cannot create overrides', async () => {
    const message = await apexMessage(
      fixture.app('no-access').invokeApex('HealthScorecardController.requestOverride', request())
    );

    expect(message).toMatch(/^Access denied: you cannot create score overrides/);
  });

  it('rejects a value that is not a number', async () => {
    const call = fixture.app().invokeApex('HealthScorecardController.requestOverride', request({ value: 'high' }));

    await expect(call).rejects.toThrow("invalid for action parameter 'value' of type 'Decimal'");
  });
});

describe('HealthScorecardController.recalculate', () => {
  it('needs the Recalculate Health permission', async () => {
    const message = await apexMessage(
      fixture.app('csm-basic').invokeApex('HealthScorecardController.recalculate', { accountId: ACME_ID })
    );

    expect(message).toContain('You need the Recalculate Health permission');
  });

  it('applies an approved override', async () => {
    const app = fixture.app();
    const before = await app.adapter['HealthScorecardController.getScorecard']({ accountId: ACME_ID });
    fixture.store.put('overrides', 'o1', {
      id: 'o1',
      accountId: ACME_ID,
      measure: null,
      value: 91,
      reason: 'Renewal signed for three years',
      expiresOn: '2099-12-31',
      status: 'Approved',
      requestedBy: 'Casey Morgan (CSM)',
      requestedAt: '2026-12-01T10:00:00.000Z'
    });

    const after = await app.adapter['HealthScorecardController.recalculate']({ accountId: ACME_ID });

    expect(before.score).not.toBe(91);
    expect(after.score).toBe(91);
    expect(after.uncappedScore).toBe(before.uncappedScore);
    expect(fixture.data.account(ACME_ID)?.health?.overallOverrideId).toBe('o1');
  });

  it('expires a lapsed approved override', async () => {
    const state = fixture.data.account(ACME_ID);
    fixture.store.put('overrides', 'o2', {
      id: 'o2',
      accountId: ACME_ID,
      measure: null,
      value: 91,
      reason: 'Renewal signed',
      expiresOn: addDays(TODAY, -1),
      status: 'Approved',
      requestedBy: 'Casey Morgan (CSM)',
      requestedAt: '2026-11-01T10:00:00.000Z'
    });

    await fixture.app().invokeApex('HealthScorecardController.recalculate', { accountId: ACME_ID });

    expect(fixture.store.get('overrides', 'o2')?.status).toBe('Expired');
    expect(fixture.data.account(ACME_ID)?.health?.score).toBe(state?.health?.score);
  });
});

describe('HealthJobController', () => {
  it('derives the status from the export', async () => {
    const status = await fixture.app('admin').adapter['HealthJobController.getStatus']({});

    expect(status.isScheduled).toBe(true);
    expect(status.lastRunStatus).toBe('Completed');
    expect(new Date(status.lastRun as string).getDate()).toBe(Number(fixture.data.asOf.slice(8)));
    expect(new Date(status.nextRun as string).getTime()).toBeGreaterThan(new Date(2026, 11, 1, 12).getTime());
    expect(status.failuresLast7Days).toBe(fixture.data.accountsByRisk().filter((state) => !state.health).length);
  });

  it('needs the Recalculate Health permission', async () => {
    const message = await apexMessage(fixture.app('csm-basic').invokeApex('HealthJobController.getStatus', {}));

    expect(message).toMatch(/^Access denied: you need the Control Health Jobs or the Recalculate Health custom/);
  });

  it('stores the schedule', async () => {
    const status = await fixture.app('admin').adapter['HealthJobController.ensureScheduled']({});

    expect(status.runAsUserName).toBe('Alex Kim (admin)');
    expect(CockpitStore.open(fixture.storeFile).store.list('jobSchedule')).toHaveLength(1);
  });
});

describe('invokeApex', () => {
  it('rejects an unknown method', async () => {
    const call = invokeApex(fixture.app().adapter, 'NoSuchController.run', {});

    await expect(call).rejects.toBeInstanceOf(UnknownApexMethodError);
    await expect(call).rejects.toMatchObject({ status: 404 });
  });

  it('scores like the engine', () => {
    const state = fixture.data.account(ACME_ID);
    if (!state?.model) {
      throw new Error('The fixture account Acme is expected to be scored.');
    }

    const direct = evaluateAccount(state.model, state.signals, {
      asOf: fixture.data.asOf,
      history: state.trendHistory
    });

    expect(state.health?.score).toBe(direct.score);
  });
});
