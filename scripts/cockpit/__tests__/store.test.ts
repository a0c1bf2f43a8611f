import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cockpitPaths } from '../build';
import { resetCockpit } from '../reset';
import { CockpitStore, STORE_VERSION, StoreError, deckFilesDir } from '../store';
import type { StoredOverride, StoredPlan, StoredRenewalCall } from '../store';

let dir: string;
let file: string;

function override(id: string, changes: Partial<StoredOverride> = {}): StoredOverride {
  return {
    id,
    accountId: '001A00000000001AAA',
    measure: null,
    value: 70,
    reason: 'Survey went to the wrong team',
    expiresOn: '2027-01-31',
    status: 'Requested',
    requestedBy: 'Casey Morgan (CSM)',
    requestedAt: '2026-12-01T10:00:00.000Z',
    ...changes
  };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cockpit-store-'));
  file = path.join(dir, 'store.json');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('CockpitStore', () => {
  it('starts empty without a file', () => {
    const { store, notices } = CockpitStore.open(file);

    expect(store.count()).toBe(0);
    expect(notices).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });

  it('survives a restart', () => {
    const first = CockpitStore.open(file).store;
    first.put('overrides', 'a', override('a'));
    first.put('jobSchedule', 'job', {
      isScheduled: true,
      scheduledAt: '2026-12-01T10:00:00.000Z',
      scheduledBy: 'Alex'
    });

    const second = CockpitStore.open(file).store;

    expect(second.list('overrides')).toEqual([override('a')]);
    expect(second.get('jobSchedule', 'job')?.scheduledBy).toBe('Alex');
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(STORE_VERSION);
  });

  it('replaces and removes records', () => {
    const store = CockpitStore.open(file).store;
    store.put('overrides', 'a', override('a'));

    store.put('overrides', 'a', override('a', { status: 'Approved' }));
    const removedMissing = store.remove('overrides', 'b');

    expect(CockpitStore.open(file).store.get('overrides', 'a')?.status).toBe('Approved');
    expect(removedMissing).toBe(false);
    expect(store.remove('overrides', 'a')).toBe(true);
    expect(CockpitStore.open(file).store.count()).toBe(0);
  });

  it('writes without leaving temporary files', () => {
    const store = CockpitStore.open(file).store;

    store.put('overrides', 'a', override('a'));
    store.put('overrides', 'b', override('b'));

    expect(readdirSync(dir)).toEqual(['store.json']);
  });

  it('rejects an invalid record', () => {
    const store = CockpitStore.open(file).store;

    expect(() => store.put('overrides', 'a', override('a', { expiresOn: 'soon' }))).toThrow(StoreError);
    expect(existsSync(file)).toBe(false);
  });

  it('moves a corrupt file aside', () => {
    writeFileSync(file, '{ "version": 1, "collections": ');

    const { store, notices } = CockpitStore.open(file);

    expect(store.count()).toBe(0);
    expect(readFileSync(`${file}.corrupt-1`, 'utf8')).toBe('{ "version": 1, "collections": ');
    expect(existsSync(file)).toBe(false);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(file);
    expect(notices[0]).toContain(`${file}.corrupt-1`);
    expect(notices[0]).toContain('not valid JSON');
  });

  it('never overwrites an earlier corrupt copy', () => {
    writeFileSync(`${file}.corrupt-1`, 'first');
    writeFileSync(file, '[1, 2]');

    const { notices } = CockpitStore.open(file);

    expect(readFileSync(`${file}.corrupt-1`, 'utf8')).toBe('first');
    expect(readFileSync(`${file}.corrupt-2`, 'utf8')).toBe('[1, 2]');
    expect(notices[0]).toContain('not a JSON object');
  });

  it('treats a wrong layout as corrupt', () => {
    writeFileSync(file, JSON.stringify({ version: 1, collections: { overrides: [] } }));

    const { notices } = CockpitStore.open(file);

    expect(existsSync(`${file}.corrupt-1`)).toBe(true);
    expect(notices[0]).toContain('collection "overrides"');
  });

  it('reports an unreadable file', () => {
    mkdirSync(file);

    expect(() => CockpitStore.open(file)).toThrow(StoreError);
    expect(() => CockpitStore.open(file)).toThrow(file);
    expect(existsSync(`${file}.corrupt-1`)).toBe(false);
  });

  it('rejects a newer version', () => {
    writeFileSync(file, JSON.stringify({ version: STORE_VERSION + 1, collections: {} }));

    expect(() => CockpitStore.open(file)).toThrow(`version ${STORE_VERSION + 1}`);
    expect(existsSync(file)).toBe(true);
  });

  it('keeps invalid records in the file', () => {
    const broken = { id: 'x', value: 'high' };
    writeFileSync(
      file,
      JSON.stringify({ version: 1, collections: { overrides: { x: broken }, riskUpdates: { r: 1 } } })
    );

    const { store, notices } = CockpitStore.open(file);
    store.put('overrides', 'a', override('a'));

    expect(store.list('overrides')).toEqual([override('a')]);
    expect(notices[0]).toContain('ids x');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.collections.overrides.x).toEqual(broken);
    expect(saved.collections.riskUpdates).toEqual({ r: 1 });
  });
});

function plan(changes: Partial<StoredPlan> = {}): StoredPlan {
  return {
    id: 'a0K000000000001AAA',
    accountId: '001A00000000001AAA',
    name: 'Acme onboarding plan',
    status: 'Active',
    stage: 'Onboarding',
    executiveSponsor: { id: '003A00000000001AAA', name: 'Ada Sponsor', title: null },
    champion: null,
    reviewCadenceDays: 30,
    nextReview: '2026-12-31',
    escalationPath: null,
    startDate: '2026-12-01',
    endDate: '2027-03-01',
    templateName: 'Onboarding',
    objectives: [
      {
        id: 'a0L000000000001AAA',
        outcome: 'First value in 90 days',
        successMetric: null,
        unit: null,
        baseline: 0,
        target: 10,
        currentValue: null,
        dueDate: null,
        status: 'NotStarted',
        capability: null,
        sortOrder: 1
      }
    ],
    milestones: [
      {
        id: 'a0M000000000001AAA',
        name: 'Kickoff',
        objectiveId: null,
        phase: 'Days30',
        targetDate: '2026-12-15',
        criteria: null,
        criteriaMeasure: null,
        criteriaOperator: null,
        criteriaValue: null,
        completedDate: null,
        completionSource: null,
        ownerId: null,
        ownerName: null,
        sortOrder: 1
      }
    ],
    changedAt: '2026-12-01T10:00:00.000Z',
    ...changes
  };
}

function renewalCall(changes: Partial<StoredRenewalCall> = {}): StoredRenewalCall {
  return {
    id: '001A00000000001AAA-2027-05-31-180',
    accountId: '001A00000000001AAA',
    renewalDate: '2027-05-31',
    daysBefore: 180,
    call: 'Commit',
    callNote: 'Budget approved',
    dataBand: 'Green',
    dataScore: 81.5,
    isDisagreement: false,
    recordedAt: '2026-12-01T10:00:00.000Z',
    recordedById: '005Dp000000CKP1IAG',
    recordedByName: 'Casey Morgan (CSM)',
    ...changes
  };
}

describe('plan records', () => {
  it('keeps a plan with its children', () => {
    CockpitStore.open(file).store.put('plans', plan().id, plan());

    expect(CockpitStore.open(file).store.get('plans', plan().id)).toEqual(plan());
  });

  it.each([
    ['an unknown status', { status: 'Open' as StoredPlan['status'] }],
    ['a bad next review', { nextReview: 'soon' }],
    ['an objective without outcome', { objectives: [{ ...plan().objectives[0], outcome: null as unknown as string }] }],
    ['an unknown phase', { milestones: [{ ...plan().milestones[0], phase: 'Week1' as 'Days30' }] }]
  ])('rejects a plan with %s', (_label, changes) => {
    const store = CockpitStore.open(file).store;

    expect(() => store.put('plans', 'p', plan(changes))).toThrow(StoreError);
  });

  it('keeps a renewal call', () => {
    CockpitStore.open(file).store.put('renewalCalls', renewalCall().id, renewalCall());

    expect(CockpitStore.open(file).store.list('renewalCalls')).toEqual([renewalCall()]);
  });

  it('rejects an unknown call', () => {
    const store = CockpitStore.open(file).store;

    expect(() => store.put('renewalCalls', 'c', renewalCall({ call: 'Maybe' as 'Commit' }))).toThrow(StoreError);
  });
});

describe('resetCockpit', () => {
  it('removes the store', () => {
    const paths = { ...cockpitPaths(dir), storeFile: file, serverFile: path.join(dir, 'server.json') };
    CockpitStore.open(file).store.put('overrides', 'a', override('a'));

    const result = resetCockpit(paths, false);

    expect(result.removedStore).toBe(true);
    expect(CockpitStore.open(file).store.count()).toBe(0);
  });

  it('removes the saved decks', () => {
    const paths = { ...cockpitPaths(dir), storeFile: file, serverFile: path.join(dir, 'server.json') };
    const filesDir = deckFilesDir(file);
    mkdirSync(filesDir);
    writeFileSync(path.join(filesDir, '069Q00000000001AAA.pptx'), 'PK');

    const result = resetCockpit(paths, false);

    expect(filesDir).toBe(path.join(dir, 'files'));
    expect(result.removedFiles).toBe(true);
    expect(existsSync(filesDir)).toBe(false);
  });

  it('refuses while a server runs', () => {
    const paths = { ...cockpitPaths(dir), storeFile: file, serverFile: path.join(dir, 'server.json') };
    CockpitStore.open(file).store.put('overrides', 'a', override('a'));
    // The parent process plays the running server, because it is alive and is not this process.
    writeFileSync(paths.serverFile, JSON.stringify({ pid: process.ppid, port: 3000, startedAt: '' }));

    expect(() => resetCockpit(paths, false)).toThrow('Stop it');
    expect(existsSync(file)).toBe(true);
  });
});
