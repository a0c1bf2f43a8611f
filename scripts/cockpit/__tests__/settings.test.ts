import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_EXPORT_CONFIG } from '../../lib/export';
import { ApexError, ApexParameterError } from '../apexErrors';
import { createCockpitApp } from '../cockpitApp';
import type { CockpitAppWithAdapter } from '../cockpitApp';
import { toId18 } from '../ids';
import { JOB_RUN_ID, MAX_RUN_ERRORS, RUN_STEP_MS } from '../jobStatus';
import { loginSourceSettingsParam, shippedLoginSources, validateLoginSources } from '../settings';
import type { StoredLoginSources } from '../settingsRecords';
import { CockpitStore, StoreError } from '../store';
import { COCKPIT_USERS } from '../users';
import { ACME_ID, FIXED_NOW, loadFixture } from './cockpitFixture';
import type { CockpitFixture } from './cockpitFixture';

type Settings = ApexTypes.CockpitSettingsController_LoginSourceSettings;

const UNKNOWN_ACCOUNT_ID = '001A00000000099AAA';

let fixture: CockpitFixture;

beforeEach(async () => {
  fixture = await loadFixture();
});

afterEach(() => {
  fixture.cleanup();
});

/** Creates the app as a user, with the clock at `offsetMs` after the fixture's fixed time. */
function appAt(userKey: string, offsetMs = 0): CockpitAppWithAdapter {
  return createCockpitApp(fixture.data, fixture.store, COCKPIT_USERS[userKey], {
    now: () => new Date(FIXED_NOW.getTime() + offsetMs)
  });
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

function unscoredIds(): string[] {
  return fixture.data
    .accountsByRisk()
    .filter((state) => state.health === null)
    .map((state) => state.signals.accountId);
}

async function loadSettings(userKey = 'admin'): Promise<Settings> {
  return appAt(userKey).adapter['CockpitSettingsController.getLoginSourceSettings']({});
}

describe('HealthJobController offline', () => {
  it('shows the nightly run of the export', async () => {
    const status = await appAt('admin').adapter['HealthJobController.getStatus']({});

    expect(status.runs?.map((run) => [run.className, run.status])).toEqual([
      ['LoginRollupBatch', 'Completed'],
      ['HealthScoringBatch', 'Completed'],
      ['SnapshotRetentionBatch', 'Completed']
    ]);
    expect(status.isRunning).toBe(false);
    expect(status.lastRunClassName).toBe('SnapshotRetentionBatch');
    expect(status.canControl).toBe(true);
    expect(status.canReadLog).toBe(true);
    expect(status.runs?.[1].totalChunks).toBe(Math.ceil(fixture.data.accountsByRisk().length / 200));
  });

  it('lists unscored accounts as errors of the scoring job', async () => {
    const status = await appAt('admin').adapter['HealthJobController.getStatus']({});

    const ids = unscoredIds();
    expect(status.lastRunErrorCount).toBe(ids.length);
    expect(status.lastRunErrors?.map((error) => error.recordIds?.[0])).toEqual(ids.slice(0, MAX_RUN_ERRORS));
    for (const error of status.lastRunErrors ?? []) {
      expect(error.source).toBe('HealthScoringService.scoreAccounts');
      expect(error.context).toBe(`HealthScoringBatch ${status.runs?.[1].jobId}`);
      expect(error.message).toMatch(/^Account 001\w{15}: .+\.$/);
    }
  });

  it('lets a CSM view but not control the job', async () => {
    const app = appAt('csm');

    const status = await app.adapter['HealthJobController.getStatus']({});
    const message = await apexMessage(app.invokeApex('HealthJobController.runNow', {}));

    expect(status.canControl).toBe(false);
    expect(status.canReadLog).toBe(false);
    expect(status.failuresLast7Days).toBeNull();
    expect(status.lastRunErrors).toEqual([]);
    expect(message).toBe(
      'Access denied: you need the Control Health Jobs custom permission to start the health job. Ask your ' +
        'Salesforce admin to assign you the Success Cockpit Admin permission set.'
    );
  });

  it('denies a user without either permission', async () => {
    const message = await apexMessage(appAt('no-access').invokeApex('HealthJobController.getStatus', {}));

    expect(message).toMatch(/^Access denied: you need the Control Health Jobs or the Recalculate Health/);
  });

  it('runs now and refuses a second run meanwhile', async () => {
    const started = await appAt('admin').adapter['HealthJobController.runNow']({});
    const rejection = await apexMessage(appAt('admin', RUN_STEP_MS / 2).invokeApex('HealthJobController.runNow', {}));
    const halfway = await appAt('admin', RUN_STEP_MS + 1).adapter['HealthJobController.getStatus']({});
    const finished = await appAt('admin', 3 * RUN_STEP_MS).adapter['HealthJobController.getStatus']({});

    expect(started.isRunning).toBe(true);
    expect(started.runs?.map((run) => [run.className, run.status])).toEqual([['LoginRollupBatch', 'Processing']]);
    expect(started.lastRunErrors).toEqual([]);
    expect(rejection).toMatch(
      /^The health job is already running: LoginRollupBatch job 707\w{15} is Processing since /
    );
    expect(rejection).toContain('Wait until it has finished, then select Run now again.');
    expect(halfway.runs?.map((run) => run.status)).toEqual(['Completed', 'Processing']);
    expect(finished.isRunning).toBe(false);
    expect(finished.runs?.map((run) => run.startedAt)).toEqual([
      FIXED_NOW.toISOString(),
      new Date(FIXED_NOW.getTime() + RUN_STEP_MS).toISOString(),
      new Date(FIXED_NOW.getTime() + 2 * RUN_STEP_MS).toISOString()
    ]);
    expect(finished.lastRunErrorCount).toBe(unscoredIds().length);
    expect(CockpitStore.open(fixture.storeFile).store.get('jobRuns', JOB_RUN_ID)?.startedBy).toBe('Alex Kim (admin)');
  });

  it('starts a new run after the last one finished', async () => {
    const first = await appAt('admin').adapter['HealthJobController.runNow']({});
    const second = await appAt('admin', 3 * RUN_STEP_MS).adapter['HealthJobController.runNow']({});

    expect(second.isRunning).toBe(true);
    expect(second.runs?.[0].jobId).not.toBe(first.runs?.[0].jobId);
  });

  it('unschedules and schedules again', async () => {
    const unscheduled = await appAt('admin').adapter['HealthJobController.unschedule']({});
    const reloaded = await appAt('admin').adapter['HealthJobController.getStatus']({});
    const scheduled = await appAt('admin').adapter['HealthJobController.ensureScheduled']({});

    expect(unscheduled.isScheduled).toBe(false);
    expect(unscheduled.nextRun).toBeNull();
    expect(unscheduled.runAsUserName).toBeNull();
    expect(reloaded.isScheduled).toBe(false);
    expect(scheduled.isScheduled).toBe(true);
  });

  it('counts scoring chunks with the saved batch size', async () => {
    const settings = await loadSettings();
    await appAt('admin').adapter['CockpitSettingsController.saveLoginSourceSettings']({
      settings: { ...settings, scoringBatchSize: 1 }
    });

    const status = await appAt('admin').adapter['HealthJobController.getStatus']({});

    expect(status.runs?.[1].totalChunks).toBe(fixture.data.accountsByRisk().length);
  });
});

describe('CockpitSettingsController offline', () => {
  it('reads the package record before the first save', async () => {
    const settings = await loadSettings();

    expect(settings.loginTypes).toEqual(DEFAULT_EXPORT_CONFIG.loginTypes);
    expect(settings.integrationProfiles).toEqual(DEFAULT_EXPORT_CONFIG.integrationProfileNames);
    expect(settings.loginStatusSuccess).toBe('Success');
    expect(settings.isLoginRollupEnabled).toBe(true);
    expect([settings.loginBackfillDays, settings.rollupBatchSize, settings.scoringBatchSize]).toEqual([180, 1, 200]);
    expect(settings.attributionRules).toEqual([]);
    expect(settings.problems).toEqual([]);
    expect(settings.hasSettingsRecord).toBe(true);
    expect(settings.knownLoginTypes).toContain('Remote Access 2.0');
    expect(settings.maxRollupBatchSize).toBe(31);
  });

  it('denies a user without Control Health Jobs', async () => {
    const messages = await Promise.all([
      apexMessage(appAt('manager').invokeApex('CockpitSettingsController.getLoginSourceSettings', {})),
      apexMessage(appAt('manager').invokeApex('CockpitSettingsController.saveLoginSourceSettings', { settings: {} })),
      apexMessage(
        appAt('manager').invokeApex('CockpitSettingsController.getDeploymentStatus', {
          deploymentId: '0Af000000000001AAA'
        })
      )
    ]);

    for (const message of messages) {
      expect(message).toMatch(/^Access denied: you need the Control Health Jobs custom permission to \w+ the login/);
    }
    expect(messages[1]).toContain('to change the login-source settings');
  });

  it('saves valid settings and shows them after the deployment', async () => {
    const settings = await loadSettings();
    const app = appAt('admin');

    const result = await app.adapter['CockpitSettingsController.saveLoginSourceSettings']({
      settings: {
        ...settings,
        loginTypes: [...(settings.loginTypes ?? []), ' remote access 2.0 ', 'Application'],
        integrationUsernames: ['etl@example.com'],
        scopeField: 'type',
        scopeValues: ['Customer - Direct'],
        attributionRules: [
          {
            name: 'Finance',
            label: null,
            isNew: true,
            accountId: ACME_ID.slice(0, 15),
            accountName: null,
            profileName: ' ',
            roleName: null,
            department: 'Finance',
            sortOrder: 10
          }
        ]
      }
    });
    const deployment = await app.adapter['CockpitSettingsController.getDeploymentStatus']({
      deploymentId: result.deploymentId ?? ''
    });
    const reloaded = await loadSettings();

    expect(result.isValid).toBe(true);
    expect(result.fieldErrors).toEqual([]);
    expect(result.deploymentId).toMatch(/^0Af\w{15}$/);
    expect(deployment.status).toBe('Succeeded');
    expect(deployment.message).toContain('succeeded');
    expect(reloaded.loginTypes?.slice(-1)).toEqual(['remote access 2.0']);
    expect(reloaded.loginTypes?.filter((loginType) => loginType === 'Application')).toHaveLength(1);
    expect(reloaded.scopeField).toBe('type');
    expect(reloaded.attributionRules).toEqual([
      {
        name: 'Finance',
        label: 'Finance',
        isNew: false,
        accountId: toId18(ACME_ID.slice(0, 15)),
        accountName: 'Acme, Inc.',
        profileName: null,
        roleName: null,
        department: 'Finance',
        sortOrder: 10
      }
    ]);
    expect(CockpitStore.open(fixture.storeFile).store.get('loginSources', 'Default')?.savedBy).toBe('Alex Kim (admin)');
  });

  it('keeps stored rules that a save leaves out', async () => {
    const settings = await loadSettings();
    const rule = {
      name: 'Finance',
      label: 'Finance team',
      isNew: true,
      accountId: ACME_ID,
      accountName: null,
      profileName: null,
      roleName: null,
      department: null,
      sortOrder: null
    };
    await appAt('admin').adapter['CockpitSettingsController.saveLoginSourceSettings']({
      settings: { ...settings, attributionRules: [rule] }
    });

    await appAt('admin').adapter['CockpitSettingsController.saveLoginSourceSettings']({
      settings: { ...settings, loginStatusSuccess: 'Succeeded', attributionRules: [] }
    });
    const reloaded = await loadSettings();

    expect(reloaded.loginStatusSuccess).toBe('Succeeded');
    expect(reloaded.attributionRules?.map((stored) => [stored.name, stored.label])).toEqual([
      ['Finance', 'Finance team']
    ]);
  });

  it('reports each invalid value and saves nothing', async () => {
    const settings = await loadSettings();

    const result = await appAt('admin').adapter['CockpitSettingsController.saveLoginSourceSettings']({
      settings: {
        ...settings,
        loginTypes: ['Application', 'Carrier Pigeon'],
        loginStatusSuccess: ' ',
        integrationUserTypes: ['Robot'],
        integrationUsernames: ['not a username'],
        scopeField: 'Description',
        loginBackfillDays: 400,
        rollupBatchSize: null,
        attributionRules: [
          {
            name: 'Bad__Name',
            label: null,
            isNew: true,
            accountId: UNKNOWN_ACCOUNT_ID,
            accountName: null,
            profileName: null,
            roleName: null,
            department: null,
            sortOrder: -1
          }
        ]
      }
    });

    expect(result.isValid).toBe(false);
    expect(result.deploymentId).toBeNull();
    expect(result.fieldErrors?.map((error) => error.field)).toEqual([
      'loginTypes',
      'loginStatusSuccess',
      'integrationUserTypes',
      'integrationUsernames',
      'scopeField',
      'loginBackfillDays',
      'rollupBatchSize',
      'attributionRules.0.name',
      'attributionRules.0.accountId',
      'attributionRules.0.sortOrder'
    ]);
    expect(result.fieldErrors?.[0].message).toBe(
      '"Carrier Pigeon" is not a LoginHistory login type. Use a login type from the list below the field, as label ' +
        'or API name, such as Application or ChatterCommunityPortalUnPwd.'
    );
    expect(result.fieldErrors?.[8].message).toContain(`account ${UNKNOWN_ACCOUNT_ID} does not exist`);
    expect(CockpitStore.open(fixture.storeFile).store.list('loginSources')).toEqual([]);
  });

  it('rejects a missing settings parameter', async () => {
    const result = await appAt('admin').adapter['CockpitSettingsController.saveLoginSourceSettings'](
      {} as { settings: Settings }
    );

    expect(result.fieldErrors).toEqual([
      { field: 'settings', message: 'No settings were sent. Reload the page and save again.' }
    ]);
  });

  it('converts the settings parameter like the platform', () => {
    const call = (value: unknown) => () => loginSourceSettingsParam(value);

    expect(call('text')).toThrow(ApexParameterError);
    expect(call({ loginTypes: 'Application' })).toThrow(
      `Value "Application" provided is invalid for action parameter 'loginTypes' of type 'List<String>'.`
    );
    expect(call({ rollupBatchSize: 1.5 })).toThrow("parameter 'rollupBatchSize' of type 'Integer'");
    expect(call({ attributionRules: [{ sortOrder: '10' }] })).toThrow("parameter 'sortOrder' of type 'Integer'");
    expect(loginSourceSettingsParam(null)).toBeNull();
    expect(loginSourceSettingsParam({ loginTypes: ['Application'] })?.loginTypes).toEqual(['Application']);
  });

  it('reports a deployment Id that is not one', async () => {
    const app = appAt('admin');

    const message = await apexMessage(
      app.invokeApex('CockpitSettingsController.getDeploymentStatus', { deploymentId: ACME_ID })
    );
    const unknown = await app.adapter['CockpitSettingsController.getDeploymentStatus']({
      deploymentId: '0Af000000000001AAA'
    });

    expect(message).toBe(
      `"${ACME_ID}" is not the Id of a deployment; deployment Ids start with 0Af. Save the settings again to start a ` +
        'new deployment.'
    );
    expect(unknown.status).toBe('InProgress');
  });

  it('lists what the jobs would skip in a stored record', async () => {
    const settings = await loadSettings();
    await appAt('admin').adapter['CockpitSettingsController.saveLoginSourceSettings']({ settings });
    const stored = fixture.store.get('loginSources', 'Default');
    if (!stored) {
      throw new Error('The save is expected to store the settings.');
    }
    fixture.store.put('loginSources', 'Default', { ...stored, rollupBatchSize: 40 });

    const reloaded = await loadSettings();

    expect(reloaded.problems).toEqual([
      'Health Job Setting Default: Roll-up batch size 40 is out of range. Enter a whole number from 1 to 31.'
    ]);
  });

  it('refuses an invalid stored record', () => {
    expect(() =>
      fixture.store.put('loginSources', 'Default', {
        id: 'Default',
        loginTypes: 'Application'
      } as unknown as StoredLoginSources)
    ).toThrow(StoreError);
  });
});

describe('shippedLoginSources', () => {
  it('falls back to the defaults without the record file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cockpit-settings-'));
    try {
      const settings = shippedLoginSources(dir);

      expect(settings.loginTypes).toEqual(DEFAULT_EXPORT_CONFIG.loginTypes);
      expect(settings.loginBackfillDays).toBe(180);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('validateLoginSources', () => {
  it('accepts API names and requires scope values with a field', async () => {
    const settings = await loadSettings();

    const errors = validateLoginSources(
      { ...settings, loginTypes: ['ChatterCommunityPortalUnPwd', 'OAUTH2'], scopeField: 'Industry', scopeValues: [] },
      new Set(),
      () => true
    );

    expect(errors.map((error) => error.field)).toEqual(['scopeValues']);
    expect(errors[0].message).toContain('Enter the values of Industry that put an account in scope');
  });
});
