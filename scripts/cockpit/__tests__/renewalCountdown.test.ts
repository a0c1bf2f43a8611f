import { compareRenewalCall, renewalCountdownOf } from 'c/planEngine';
import { countdownInputOf } from '../../lib/plans';
import { ApexError } from '../apexErrors';
import { checkpointKey } from '../renewalCountdown';
import { COCKPIT_USERS } from '../users';
import type { CockpitUser } from '../users';
import { ACME_ID, FIXED_NOW } from './cockpitFixture';
import { AS_OF, GLOBEX_ID, HOOLI_ID, INITECH_ID, loadPlanFixture } from './planFixture';
import type { PlanFixture } from './planFixture';

type CountdownView = ApexTypes.RenewalCountdownController_CountdownView;
type CallResult = ApexTypes.RenewalCountdownController_CallResult;

const PERMISSION_SET_HINT = 'Ask your admin to assign you the Success Cockpit User permission set.';
/** A user who may read checkpoints but not record calls. */
const READ_ONLY: CockpitUser = { ...COCKPIT_USERS.csm, key: 'read-only', canRecordRenewalCalls: false };

let fixture: PlanFixture;

beforeEach(async () => {
  fixture = await loadPlanFixture();
});

afterEach(() => {
  fixture.cleanup();
});

async function call(
  method: string,
  params: Record<string, unknown>,
  user: string | CockpitUser = 'csm'
): Promise<unknown> {
  return fixture.app(user).invokeApex(`RenewalCountdownController.${method}`, params);
}

async function countdown(accountId: string, target: PlanFixture = fixture): Promise<CountdownView> {
  return (await target.app().invokeApex('RenewalCountdownController.getCountdown', { accountId })) as CountdownView;
}

async function message(
  method: string,
  params: Record<string, unknown>,
  user: string | CockpitUser = 'csm'
): Promise<string> {
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

function states(view: CountdownView): [number | null, string | null][] {
  return (view.checkpoints ?? []).map((checkpoint) => [checkpoint.daysBefore, checkpoint.state]);
}

describe('RenewalCountdownController.getCountdown', () => {
  it('returns the renewal and its source', async () => {
    const result = await countdown(GLOBEX_ID);

    expect(result).toMatchObject({
      accountId: GLOBEX_ID,
      accountName: 'Globex "Global"',
      asOf: AS_OF,
      renewalDate: '2024-10-15',
      renewalSource: 'Opportunity',
      sourceRecordId: '006A00000000006AAA',
      sourceName: 'Globex renewal 2024',
      daysToRenewal: 95,
      dataBand: 'Red',
      dataScore: fixture.data.account(GLOBEX_ID)?.health?.score,
      canRecordCall: true,
      hasDisagreement: true
    });
  });

  it('computes states from the stored checkpoints', async () => {
    const result = await countdown(GLOBEX_ID);

    expect(states(result)).toEqual([
      [365, 'Skipped'],
      [270, 'Done'],
      [180, 'Done'],
      [120, 'Overdue'],
      [90, 'Due'],
      [60, 'Upcoming'],
      [30, 'Upcoming']
    ]);
  });

  it('matches the engine', async () => {
    const expected = renewalCountdownOf(
      countdownInputOf(
        '2024-10-15',
        AS_OF,
        fixture.data.renewalCheckpoints(GLOBEX_ID),
        fixture.data.checkpointDefinitions
      )
    );

    const result = await countdown(GLOBEX_ID);

    expect(
      result.checkpoints?.map(({ daysBefore, dueDate, opensOn, playbook, state, call: callValue }) => ({
        daysBefore,
        dueDate,
        opensOn,
        playbook,
        state,
        call: callValue
      }))
    ).toEqual(
      expected.map(({ daysBefore, dueDate, opensOn, playbook, state, call: callValue }) => ({
        daysBefore,
        dueDate,
        opensOn,
        playbook,
        state,
        call: callValue
      }))
    );
  });

  it('shows the recorded call', async () => {
    const checkpoint = (await countdown(GLOBEX_ID)).checkpoints?.find((entry) => entry.daysBefore === 180);

    expect(checkpoint).toMatchObject({
      dueDate: '2024-04-18',
      opensOn: '2024-04-04',
      playbook: 'QBR',
      requiresCall: true,
      call: 'Commit',
      callNote: 'Sponsor confirmed the budget',
      dataBand: 'Red',
      isDisagreement: true,
      recordedAt: '2024-04-10T15:00:00.000Z',
      recordedByName: 'Olivia Owner'
    });
    expect(checkpoint?.taskSubject).toBeTruthy();
    expect(checkpoint?.guidance).toBeTruthy();
  });

  it('links playbook Tasks', async () => {
    const byDays = new Map((await countdown(GLOBEX_ID)).checkpoints?.map((entry) => [entry.daysBefore, entry]));

    expect(byDays.get(270)?.taskId).toBe('00TA00000000004AAA');
    expect(byDays.get(120)?.taskId).toBe('00TA00000000003AAA');
    expect(byDays.get(90)?.taskId).toMatch(/^00T[a-zA-Z0-9]{15}$/);
    expect(byDays.get(60)?.taskId).toBeNull();
    expect(byDays.get(365)?.taskId).toBeNull();
  });

  it('reads an activated Contract', async () => {
    const result = await countdown(INITECH_ID);

    expect(result).toMatchObject({
      renewalDate: '2024-10-20',
      renewalSource: 'Contract',
      sourceRecordId: '800A00000000003AAA',
      sourceName: 'Contract 00000103',
      daysToRenewal: 100,
      dataBand: 'Insufficient',
      hasDisagreement: false
    });
    expect(states(result).slice(0, 5)).toEqual([
      [365, 'Skipped'],
      [270, 'Skipped'],
      [180, 'Skipped'],
      [120, 'Skipped'],
      [90, 'Due']
    ]);
  });

  it('has no checkpoints without a renewal', async () => {
    const result = await countdown(HOOLI_ID);

    expect(result).toMatchObject({
      accountName: 'Hooli',
      renewalDate: null,
      renewalSource: null,
      sourceRecordId: null,
      sourceName: null,
      daysToRenewal: null,
      hasDisagreement: false,
      checkpoints: []
    });
  });

  it('reports read-only access', async () => {
    expect(((await call('getCountdown', { accountId: ACME_ID }, READ_ONLY)) as CountdownView).canRecordCall).toBe(
      false
    );
  });

  it.each([
    [{}, 'The account Id is missing. Open the renewal countdown from an Account record page.'],
    [
      { accountId: '003A00000000001AAA' },
      'Id 003A00000000001AAA is not an account Id. Open the renewal countdown from an Account record page.'
    ],
    [
      { accountId: '001A00000000099AAA' },
      'Access denied: account 001A00000000099AAA does not exist or is not shared with you. Ask the account owner or ' +
        'your admin for access.'
    ]
  ])('rejects %j', async (params, expected) => {
    expect(await message('getCountdown', params)).toBe(expected);
  });

  it('denies a user without access', async () => {
    expect(await message('getCountdown', { accountId: ACME_ID }, 'no-access')).toBe(
      `Access denied: you cannot read Renewal Checkpoint records. ${PERMISSION_SET_HINT}`
    );
  });
});

describe('RenewalCountdownController.recordCall', () => {
  const request = { accountId: ACME_ID, daysBefore: 180, call: 'Commit', note: 'Sponsor approved the budget' };

  it('records an agreeing call', async () => {
    const result = (await call('recordCall', request)) as CallResult;

    expect(result).toEqual({
      call: 'Commit',
      dataBand: 'Yellow',
      isDisagreement: false,
      explanation: compareRenewalCall('Commit', 'Yellow').explanation
    });
    const checkpoint = (await countdown(ACME_ID)).checkpoints?.find((entry) => entry.daysBefore === 180);
    expect(checkpoint).toMatchObject({
      state: 'Done',
      call: 'Commit',
      callNote: 'Sponsor approved the budget',
      dataBand: 'Yellow',
      isDisagreement: false,
      recordedAt: FIXED_NOW.toISOString(),
      recordedByName: 'Casey Morgan (CSM)'
    });
    expect(fixture.store.list('renewalTasks')).toEqual([]);
  });

  it('flags a call two bands away', async () => {
    const result = (await call('recordCall', {
      ...request,
      call: 'Upside',
      note: '  Expansion signed  '
    })) as CallResult;

    expect(result.isDisagreement).toBe(true);
    expect(result.explanation).toBe(compareRenewalCall('Upside', 'Yellow').explanation);
    const view = await countdown(ACME_ID);
    expect(view.hasDisagreement).toBe(true);
    expect(view.checkpoints?.find((entry) => entry.daysBefore === 180)?.callNote).toBe('Expansion signed');
    const tasks = fixture.store.list('renewalTasks');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      accountId: ACME_ID,
      checkpointKey: checkpointKey(ACME_ID, '2025-01-13', 180),
      subject: 'Renewal call disagrees with health: Acme, Inc.',
      ownerName: 'Olivia Owner',
      activityDate: AS_OF,
      status: 'Not Started'
    });
    expect(tasks[0].description).toContain('Call: Upside at the 180-day checkpoint of the renewal on 2025-01-13');
  });

  it('stores the call by checkpoint key', async () => {
    await call('recordCall', { ...request, accountId: GLOBEX_ID, daysBefore: 90, call: 'AtRisk' });

    const key = checkpointKey(GLOBEX_ID, '2024-10-15', 90);
    expect(fixture.store.get('renewalCalls', key)).toMatchObject({
      accountId: GLOBEX_ID,
      renewalDate: '2024-10-15',
      daysBefore: 90,
      call: 'AtRisk',
      dataBand: 'Red',
      isDisagreement: false,
      recordedById: COCKPIT_USERS.csm.id
    });
  });

  it('keeps the call after a restart', async () => {
    await call('recordCall', { ...request, accountId: GLOBEX_ID, daysBefore: 90, call: 'Commit' });

    const again = await fixture.restart();
    const checkpoint = (await countdown(GLOBEX_ID, again)).checkpoints?.find((entry) => entry.daysBefore === 90);

    expect(checkpoint).toMatchObject({ state: 'Done', call: 'Commit', dataBand: 'Red', isDisagreement: true });
  });

  it('revises a call without a second flag', async () => {
    await call('recordCall', { ...request, accountId: GLOBEX_ID, call: 'Commit', note: 'Still committed' });

    expect(fixture.store.list('renewalTasks')).toEqual([]);
    const checkpoint = (await countdown(GLOBEX_ID)).checkpoints?.find((entry) => entry.daysBefore === 180);
    expect(checkpoint).toMatchObject({ callNote: 'Still committed', dataBand: 'Red', isDisagreement: true });
  });

  it('flags a revised call that changed', async () => {
    await call('recordCall', { ...request, accountId: GLOBEX_ID, call: 'Upside', note: 'Wants more seats' });

    expect(fixture.store.list('renewalTasks')).toHaveLength(1);
  });

  it('never flags an Insufficient band', async () => {
    await call('recordCall', { ...request, accountId: INITECH_ID, daysBefore: 90, call: 'AtRisk' });

    const checkpoint = (await countdown(INITECH_ID)).checkpoints?.find((entry) => entry.daysBefore === 90);
    expect(checkpoint).toMatchObject({ state: 'Done', dataBand: 'Insufficient', isDisagreement: false });
  });

  it.each([
    [
      { call: null },
      'The renewal call is missing. Choose Commit (renews in full), AtRisk (renewal in doubt) or Upside (renews and ' +
        'grows).'
    ],
    [
      { call: 'Maybe' },
      'Renewal call Maybe is not valid. Choose Commit (renews in full), AtRisk (renewal in doubt) or Upside (renews ' +
        'and grows).'
    ],
    [
      { note: '  ' },
      'Note is missing. Say why you make this call, for example what the sponsor said about the budget.'
    ],
    [
      { daysBefore: null },
      'The checkpoint is missing. Choose the checkpoint of the call, for example the 180-day checkpoint.'
    ],
    [
      { daysBefore: 45 },
      'No active renewal checkpoint is due 45 days before the renewal. Reload the page to see the current checkpoints.'
    ],
    [
      { daysBefore: 120 },
      'The 120-day checkpoint (ValueReview) takes no renewal call. Record the call at a checkpoint that asks for ' +
        'one: 180 days, 90 days.'
    ],
    [{ daysBefore: 90 }, 'The 90-day checkpoint opens on 2024-10-01. Record the call from that day on.'],
    [
      { accountId: INITECH_ID },
      'The 180-day checkpoint was skipped, because its due date 2024-04-23 had passed when the countdown started for ' +
        'the renewal on 2024-10-20. Record the call at the next checkpoint that asks for one.'
    ],
    [
      { accountId: HOOLI_ID },
      'Account Hooli has no renewal date: no open renewal Opportunity and no activated Contract with an end date is ' +
        'visible to you. Add the renewal Opportunity, then record the call.'
    ],
    [{ accountId: null }, 'The account Id is missing. Open the renewal countdown from an Account record page.'],
    [
      { accountId: '001A00000000099AAA' },
      'Access denied: account 001A00000000099AAA does not exist or is not shared with you. Ask the account owner or ' +
        'your admin for access.'
    ]
  ])('rejects %j', async (changes, expected) => {
    expect(await message('recordCall', { ...request, ...changes })).toBe(expected);
    expect(fixture.store.count()).toBe(0);
  });

  it('rejects a long note', async () => {
    expect(await message('recordCall', { ...request, note: 'x'.repeat(2001) })).toBe(
      'Note is 2001 characters long, more than the 2000 allowed. Shorten it.'
    );
  });

  it('denies a user without access', async () => {
    expect(await message('recordCall', request, READ_ONLY)).toBe(
      `Access denied: you cannot record renewal calls. ${PERMISSION_SET_HINT}`
    );
  });
});
