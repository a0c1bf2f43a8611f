import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as engine from 'c/healthEngine';
import { computeSignal } from 'c/healthEngine';
import { scoreAccount, scoreAccounts } from '../../../force-app/main/portfolio/lwc/healthModelPreview/previewScoring';
import { changedRecordFiles } from '../../../force-app/main/portfolio/lwc/healthModelPreview/metadataXml';
import {
  applyEdits,
  noEdits,
  toEngineModel
} from '../../../force-app/main/portfolio/lwc/healthModelPreview/modelDraft';
import { toPreviewAccounts } from '../../../force-app/main/portfolio/lwc/healthModelPreview/previewView';
import { loadExportConfig, readOrgExport } from '../../lib/export';
import { loadModelsFromMetadata, packageCustomMetadataDir } from '../../lib/model';
import { scorePortfolio } from '../../lib/score/portfolio';
import { ApexError } from '../apexErrors';
import { DEMO_EXPORT_DIR } from '../browser/referenceScores';
import { getModelValidation, LEDGER_ROW_BUDGET, MAX_ACCOUNTS, toDefinition } from '../modelAdmin';
import { COCKPIT_USERS } from '../users';
import { ACME_ID, loadFixture } from './cockpitFixture';
import type { CockpitFixture } from './cockpitFixture';

type ModelValidation = ApexTypes.HealthModelAdminController_ModelValidation;
type PreviewData = ApexTypes.HealthModelAdminController_PreviewData;

const ACCESS_PREFIX = 'Access denied: ';

// The engine's own evaluateAccount, wrapped so the tests can count who calls it.
jest.mock('c/healthEngine', () => {
  const actual = jest.requireActual<typeof import('c/healthEngine')>('c/healthEngine');
  return { ...actual, evaluateAccount: jest.fn(actual.evaluateAccount) };
});

const evaluate = engine.evaluateAccount as jest.MockedFunction<typeof engine.evaluateAccount>;

let fixture: CockpitFixture;

beforeEach(async () => {
  fixture = await loadFixture();
});

afterEach(() => {
  fixture.cleanup();
});

async function call(method: string, params: Record<string, unknown>, user = 'admin'): Promise<unknown> {
  return fixture.app(user).invokeApex(`HealthModelAdminController.${method}`, params);
}

async function failureOf(method: string, params: Record<string, unknown>, user = 'admin'): Promise<string> {
  try {
    await call(method, params, user);
  } catch (error) {
    if (error instanceof ApexError) {
      return error.message;
    }
    throw error;
  }
  throw new Error(`${method} succeeded, but a failure was expected.`);
}

/** Copies the package's model records to a temporary folder and changes one record's text. */
function brokenModelDir(file: string, from: string, to: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'model-admin-'));
  cpSync(packageCustomMetadataDir(), dir, { recursive: true });
  const target = path.join(dir, file);
  const text = readFileSync(target, 'utf8');
  if (!text.includes(from)) {
    throw new Error(`${file} does not contain ${from}; update the test to the record's current text.`);
  }
  writeFileSync(target, text.replace(from, to));
  return dir;
}

describe('HealthModelAdminController.getModelValidation offline', () => {
  it('checks every active model of the package', async () => {
    const validation = (await call('getModelValidation', {})) as ModelValidation;

    const names = loadModelsFromMetadata(packageCustomMetadataDir()).map((model) => model.name);
    expect(validation.models?.map((report) => report.modelName)).toEqual(names);
    expect(validation.problemCount).toBe(0);
    expect(validation.hasUnreadableRecords).toBe(false);
  });

  it('denies users without the admin permission set', async () => {
    for (const user of ['csm', 'manager', 'no-access']) {
      const message = await failureOf('getModelValidation', {}, user);

      expect(message.startsWith(ACCESS_PREFIX)).toBe(true);
      expect(message).toContain('Success Cockpit Admin permission set');
    }
  });

  it('locates a problem of a record the engine rejects', () => {
    const dir = brokenModelDir(
      'HealthDimension.Support.md-meta.xml',
      '<field>Weight__c</field>\n    <value xsi:type="xsd:double">15.0</value>',
      '<field>Weight__c</field>\n    <value xsi:type="xsd:double">-15.0</value>'
    );
    try {
      const validation = getModelValidation({ ...fixture, user: COCKPIT_USERS.admin, modelDir: dir });

      const problems = validation.models?.find((report) => report.modelName === 'Default')?.problems ?? [];
      expect(validation.problemCount).toBe(1);
      expect(problems[0]).toMatchObject({
        model: 'Default',
        dimension: 'Support',
        measure: null,
        field: 'Weight__c'
      });
      expect(problems[0].message).toContain('weight -15 is invalid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file and line of a record that cannot be read', () => {
    const dir = brokenModelDir(
      'HealthMeasure.OpenHighPriorityCases.md-meta.xml',
      '0:100;1:60;2:30;4:0',
      '0:100;high:60'
    );
    try {
      const validation = getModelValidation({ ...fixture, user: COCKPIT_USERS.admin, modelDir: dir });

      expect(validation.hasUnreadableRecords).toBe(true);
      const problems = validation.models?.flatMap((report) => report.problems ?? []) ?? [];
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        model: 'Default',
        dimension: 'Support',
        measure: 'OpenHighPriorityCases',
        field: 'Bands__c'
      });
      expect(problems[0].message).toMatch(/^HealthMeasure\.OpenHighPriorityCases\.md-meta\.xml line \d+: Bands__c: /);
      expect(problems[0].message).toContain('"high:60"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('HealthModelAdminController.getPreviewData offline', () => {
  it('returns the model, its records and the raw values of its accounts', async () => {
    const data = (await call('getPreviewData', { modelName: 'Default', maxAccounts: null })) as PreviewData;

    expect(data.modelName).toBe('Default');
    expect(data.problems).toEqual([]);
    expect(data.model?.segmentField).toBeNull();
    const model = fixture.data.models.find((candidate) => candidate.name === 'Default');
    const measureNames = model?.dimensions.flatMap((dimension) => dimension.measures.map((measure) => measure.name));
    expect(data.measureNames).toEqual(measureNames);
    expect(data.records?.dimensionSortOrders?.Support).toBe(20);
    expect(data.records?.measureSortOrders?.OpenHighPriorityCases).toBe(10);
    expect(data.records?.modelDescription).toContain('Health model shipped with the package');
    expect(data.maxAccounts).toBe(Math.min(MAX_ACCOUNTS, Math.floor(LEDGER_ROW_BUDGET / (measureNames?.length ?? 1))));
    expect(data.hasMore).toBe(false);

    const acme = data.accounts?.find((account) => account.accountId === ACME_ID);
    const health = fixture.data.account(ACME_ID)?.health;
    expect(acme?.asOf).toBe(fixture.data.asOf);
    expect(acme?.score).toBe(health?.score);
    expect(acme?.rawValues).toEqual(measureNames?.map((name) => health?.ledger.find((e) => e.measure === name)?.raw));
    expect(acme?.measuresWithoutLine).toEqual([]);
    const names = (data.accounts ?? []).map((account) => account.accountName ?? '');
    expect(names).toEqual([...names].sort((left, right) => left.localeCompare(right)));
  });

  it('passes approved overrides in force', async () => {
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
    fixture.store.put('overrides', 'o2', {
      id: 'o2',
      accountId: ACME_ID,
      measure: null,
      value: 10,
      reason: 'Waiting for approval',
      expiresOn: '2099-12-31',
      status: 'Requested',
      requestedBy: 'Casey Morgan (CSM)',
      requestedAt: '2026-12-01T10:00:00.000Z'
    });

    const data = (await call('getPreviewData', { modelName: 'Default', maxAccounts: 5 })) as PreviewData;

    const acme = data.accounts?.find((account) => account.accountId === ACME_ID);
    expect(acme?.overrides).toEqual([{ id: 'o1', measure: null, value: 91, expiresOn: '2099-12-31' }]);
    const model = toEngineModel(data.model as ApexTypes.HealthModelDefinition);
    const input = toPreviewAccounts(data).find((account) => account.accountId === ACME_ID);
    expect(input).toBeDefined();
    expect(scoreAccount(model, input as NonNullable<typeof input>).score).toBe(91);
  });

  it('rejects invalid input and unknown models', async () => {
    expect(await failureOf('getPreviewData', { modelName: ' ', maxAccounts: null })).toBe(
      'The model name is empty. Choose an active health model, such as Default, and load the preview again.'
    );
    expect(await failureOf('getPreviewData', { modelName: 'Default', maxAccounts: 0 })).toBe(
      'Maximum accounts 0 is outside 1 to 2000. Send a number in that range, or leave it empty for 2000.'
    );
    const names = fixture.data.models.map((model) => model.name).sort();
    expect(await failureOf('getPreviewData', { modelName: 'Enterprise', maxAccounts: null })).toBe(
      `Health model "Enterprise" is not an active model. Choose one of: ${names.join(', ')}.`
    );
    expect(
      (await failureOf('getPreviewData', { modelName: 'Default', maxAccounts: null }, 'manager')).startsWith(
        ACCESS_PREFIX
      )
    ).toBe(true);
  });

  it('limits the accounts to the maximum', async () => {
    const data = (await call('getPreviewData', { modelName: 'Default', maxAccounts: 1 })) as PreviewData;

    expect(data.accounts).toHaveLength(1);
    expect(data.maxAccounts).toBe(1);
    expect(data.hasMore).toBe(true);
  });
});

describe('Copy as metadata', () => {
  it('writes records that the model loader reads back as the edited model', async () => {
    const data = (await call('getPreviewData', { modelName: 'Default', maxAccounts: 1 })) as PreviewData;
    const stored = toEngineModel(data.model as ApexTypes.HealthModelDefinition);
    const edits = noEdits();
    edits.model.greenMin = '80';
    edits.dimensionWeights.Support = '25';
    edits.measures.OpenHighPriorityCases = { bands: '0:100;1:50;3:0', isCritical: false, missingData: 'Neutral' };
    edits.measures.LicenseUtilization30d = { weight: '35', lowerThreshold: '15', upperThreshold: '85' };
    const edited = applyEdits(stored, edits).model;
    const files = changedRecordFiles(stored, edited, {
      modelDescription: data.records?.modelDescription ?? null,
      dimensionSortOrders: data.records?.dimensionSortOrders ?? {},
      measureSortOrders: data.records?.measureSortOrders ?? {}
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'model-admin-'));
    try {
      cpSync(packageCustomMetadataDir(), dir, { recursive: true });
      for (const file of files) {
        writeFileSync(path.join(dir, file.fileName), file.xml);
      }

      const reloaded = loadModelsFromMetadata(dir).find((model) => model.name === 'Default');

      expect(files).toHaveLength(4);
      expect(reloaded).toEqual({ ...edited, version: stored.version + 1, isActive: true });
      const original = loadModelsFromMetadata(packageCustomMetadataDir()).find((model) => model.name === 'Default');
      const reloadedOrder = reloaded?.dimensions.flatMap((dimension) =>
        dimension.measures.map((measure) => measure.name)
      );
      const originalOrder = original?.dimensions.flatMap((dimension) =>
        dimension.measures.map((measure) => measure.name)
      );
      expect(reloadedOrder).toEqual(originalOrder);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('preview parity with the score command', () => {
  it('scores the demo export like scorePortfolio, through the same evaluateAccount', async () => {
    const models = loadModelsFromMetadata(packageCustomMetadataDir());
    const orgExport = await readOrgExport(DEMO_EXPORT_DIR, loadExportConfig(null));
    const asOf = orgExport.latestDate as string;
    evaluate.mockClear();
    const { scored } = scorePortfolio(models, orgExport.accounts, orgExport.history, asOf);
    const scoreCommandCalls = evaluate.mock.calls.length;
    evaluate.mockClear();

    const exact = scored.map((account) => {
      const rawValues = new Map<string, number | null>();
      for (const measure of account.model.dimensions.flatMap((dimension) => dimension.measures)) {
        rawValues.set(measure.name, computeSignal(measure.signal, account.signals, measure.windowDays, asOf));
      }
      return scoreAccount(account.model, { ...account.signals, asOf, rawValues, overrides: [] });
    });
    const stored = scored.map((account) =>
      scoreAccount(account.model, {
        ...account.signals,
        asOf,
        rawValues: new Map(account.health.ledger.map((entry) => [entry.measure, entry.raw])),
        overrides: []
      })
    );

    expect(scored.length).toBeGreaterThan(100);
    expect(new Set(scored.map((account) => account.health.band)).size).toBe(4);
    expect(scoreCommandCalls).toBeGreaterThanOrEqual(scored.length);
    expect(evaluate).toHaveBeenCalledTimes(2 * scored.length);
    scored.forEach((account, index) => {
      const expected = { name: account.signals.accountName, score: account.health.score, band: account.health.band };
      expect({ name: expected.name, score: exact[index].score, band: exact[index].band }).toEqual(expected);
      expect(exact[index].coverage).toBe(account.health.coverage);
      expect(exact[index].isCapped).toBe(account.health.isCapped);
      // On the demo export, raw values stored to 4 places change no band, and no score by more than 0.01.
      expect(stored[index].band).toBe(account.health.band);
      expect(engine.roundTo(Math.abs((stored[index].score ?? 0) - (account.health.score ?? 0)), 2)).toBeLessThanOrEqual(
        0.01
      );
    });
  });

  it('re-scores 2,000 accounts per edit with one evaluation each', () => {
    const model = toEngineModel(toDefinition(fixture.data.models[0]));
    const state = fixture.data.account(ACME_ID);
    const rawValues = new Map(state?.health?.ledger.map((entry) => [entry.measure, entry.raw]) ?? []);
    const accounts = Array.from({ length: 2000 }, (_, index) => ({
      accountId: `001${String(index).padStart(15, '0')}`,
      accountName: `Account ${index}`,
      asOf: fixture.data.asOf,
      rawValues,
      overrides: []
    }));
    evaluate.mockClear();

    const scores = scoreAccounts(model, accounts);

    expect(scores).toHaveLength(2000);
    expect(evaluate).toHaveBeenCalledTimes(2000);
    expect(new Set(scores.map((score) => score.score))).toEqual(new Set([state?.health?.score]));
  });
});
