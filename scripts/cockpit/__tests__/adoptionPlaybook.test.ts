import { ApexError, ApexParameterError } from '../apexErrors';
import { CockpitStore } from '../store';
import { loadAdoptionFixture } from './adoptionFixture';
import type { CockpitFixture } from './cockpitFixture';

type PlaybookList = ApexTypes.AdoptionPlaybookController_PlaybookList;
type PlaybookSuggestion = ApexTypes.AdoptionPlaybookController_PlaybookSuggestion;

const ACME = '001A00000000001AAA';
const GLOBEX = '001A00000000002AAA';
const ACME_ACTIVE = 'a0SA00000000001AAA';
const ACME_COMPLETED = 'a0SA00000000002AAA';
const GLOBEX_DRAFT = 'a0SA00000000003AAA';

let fixture: CockpitFixture;

beforeEach(async () => {
  fixture = await loadAdoptionFixture();
});

afterEach(() => {
  fixture.cleanup();
});

async function call(method: string, params: Record<string, unknown>, user = 'csm'): Promise<unknown> {
  return fixture.app(user).invokeApex(`AdoptionPlaybookController.${method}`, params);
}

async function list(accountId: string, user = 'csm'): Promise<PlaybookList> {
  return (await call('getPlaybooks', { accountId }, user)) as PlaybookList;
}

async function message(method: string, params: Record<string, unknown>, user = 'csm'): Promise<string> {
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

/** A playbook for the Finance department's Approval Chains, which has no playbook yet. */
const FINANCE_PLAYBOOK = {
  accountId: ACME,
  featureKey: 'ApprovalChains',
  segmentType: 'Department',
  segment: 'Finance',
  barriers: [
    { barrier: 'Relevance', evidence: 'Finance is far behind Support.', action: null, isSuggested: true },
    { barrier: 'Training', evidence: null, action: 'Run one session with the finance team.', isSuggested: false }
  ]
};

describe('AdoptionPlaybookController.getPlaybooks offline', () => {
  it('lists Active before Completed with progress against the latest fact', async () => {
    const result = await list(ACME);

    expect(result.accountName).toBe('Acme Corp');
    expect(result.asOf).toBe('2026-11-30');
    expect(result.canCreate).toBe(true);
    expect(result.canEdit).toBe(true);
    expect(
      result.playbooks?.map((playbook) => [
        playbook.id,
        playbook.status,
        playbook.currentPercent,
        playbook.currentMonth,
        playbook.progressPercent
      ])
    ).toEqual([
      [ACME_ACTIVE, 'Active', 30, '2026-11-01', 0],
      [ACME_COMPLETED, 'Completed', 45, null, 75]
    ]);
  });

  it('shows barriers in diagnosis order and the sprint Tasks with their counts', async () => {
    const [active] = (await list(ACME)).playbooks ?? [];

    expect(active?.barriers?.map((barrier) => [barrier.barrier, barrier.isSuggested])).toEqual([
      ['Training', false],
      ['UX', true]
    ]);
    expect(active?.tasks?.map((task) => [task.subject, task.isClosed, task.ownerName])).toEqual([
      ['Interview three users who stopped using SLA Escalations', true, 'Casey Morgan'],
      ['Run a hands-on SLA Escalations session', false, 'Casey Morgan']
    ]);
    expect([active?.openTaskCount, active?.doneTaskCount]).toEqual([1, 1]);
    expect(active?.isOverdue).toBe(false);
  });

  it('offers the feature and segment pairs, lowest adoption first', async () => {
    const result = await list(ACME);

    expect(result.choices?.slice(0, 4).map((choice) => [choice.featureKey, choice.segment])).toEqual([
      ['ApprovalChains', 'Finance'],
      ['WorkflowDesigner', 'All'],
      ['ApprovalChains', 'All'],
      ['SlaEscalations', 'All']
    ]);
    expect(result.choices?.[3]?.activePlaybookId).toBe(ACME_ACTIVE);
  });

  it('lets a manager read but not change', async () => {
    const result = await list(ACME, 'manager');

    expect(result.playbooks).toHaveLength(2);
    expect(result.canCreate).toBe(false);
    expect(result.canEdit).toBe(false);
  });

  it.each([
    ['a missing account Id', {}, 'The account Id is missing. Open the adoption playbooks from an Account record page.'],
    [
      'an Id of another object',
      { accountId: '006A00000000001AAA' },
      'Id 006A00000000001AAA is not an account Id. Place the adoption playbook component on an Account record page.'
    ]
  ])('rejects %s', async (_name, params, expected) => {
    expect(await message('getPlaybooks', params)).toBe(expected);
  });

  it('denies a user without access', async () => {
    expect(await message('getPlaybooks', { accountId: ACME }, 'no-access')).toBe(
      'Access denied: you cannot read adoption playbooks or their barriers. Ask your admin to assign you the ' +
        'Success Cockpit User permission set.'
    );
  });
});

describe('AdoptionPlaybookController.suggestPlaybook offline', () => {
  it('diagnoses the segment against its peers without saving', async () => {
    const result = (await call('suggestPlaybook', {
      accountId: ACME,
      featureKey: 'ApprovalChains',
      segmentType: 'Department',
      segment: 'Finance'
    })) as PlaybookSuggestion;

    expect(result.hasData).toBe(true);
    expect([result.currentPercent, result.peerPercent, result.peerSegmentCount]).toEqual([0, 40, 1]);
    expect(result.barriers?.map((barrier) => barrier.barrier)).toEqual(['Training', 'UX', 'Relevance']);
    expect([result.targetPercent, result.startDate, result.targetDate]).toEqual([50, '2026-11-30', '2027-02-28']);
    expect(result.sprint).toHaveLength(8);
    expect(result.sprint?.every((task) => task.dueDate !== null && task.dueDate >= '2026-11-30')).toBe(true);
    expect(result.activePlaybookId).toBeNull();
    expect(fixture.store.list('adoptionPlaybooks')).toEqual([]);
  });

  it('names the Active playbook that blocks a new one', async () => {
    const result = (await call('suggestPlaybook', {
      accountId: ACME,
      featureKey: 'SlaEscalations',
      segmentType: 'All',
      segment: null
    })) as PlaybookSuggestion;

    expect(result.segment).toBe('All');
    expect(result.activePlaybookId).toBe(ACME_ACTIVE);
    expect(result.trend).toBe('Declining');
  });

  it('suggests without data for a feature the account does not use', async () => {
    const result = (await call('suggestPlaybook', {
      accountId: ACME,
      featureKey: 'AiTriage',
      segmentType: 'All'
    })) as PlaybookSuggestion;

    expect(result.hasData).toBe(false);
    expect(result.currentPercent).toBeNull();
    expect(result.targetPercent).toBe(40);
    expect(result.barriers?.map((barrier) => barrier.barrier)).toEqual(['Awareness']);
  });

  it.each([
    [
      'a missing feature key',
      { featureKey: '', segmentType: 'All' },
      'The feature key is missing. Choose one of AiTriage, ApprovalChains, '
    ],
    [
      'an unknown feature',
      { featureKey: 'ChatBot', segmentType: 'All' },
      'Feature ChatBot is not in the feature dictionary. Choose one of '
    ],
    [
      'an unknown segment type',
      { featureKey: 'ApprovalChains', segmentType: 'Team' },
      'Segment type Team is not a valid value. Choose one of All, Role, Profile, Department, BusinessUnit.'
    ],
    [
      'a missing segment',
      { featureKey: 'ApprovalChains', segmentType: 'Role' },
      'The segment is missing. Enter the Role the playbook is for, as the scorecard names it.'
    ],
    [
      'the segment All of another type',
      { featureKey: 'ApprovalChains', segmentType: 'Role', segment: 'all' },
      'Segment All belongs to segment type All. Choose segment type All for the whole account, or name a Role.'
    ],
    [
      'a segment name over 80 characters',
      { featureKey: 'ApprovalChains', segmentType: 'Role', segment: 'x'.repeat(81) },
      'Segment is 81 characters long, more than the 80 allowed. Shorten it.'
    ]
  ])('rejects %s', async (_name, params, expected) => {
    expect(await message('suggestPlaybook', { accountId: ACME, ...params })).toContain(expected);
  });

  it('denies a user without access', async () => {
    expect(
      await message('suggestPlaybook', { accountId: ACME, featureKey: 'AiTriage', segmentType: 'All' }, 'no-access')
    ).toBe(
      'Access denied: you cannot read adoption facts. Ask your admin to assign you the Success Cockpit User ' +
        'permission set.'
    );
  });
});

describe('AdoptionPlaybookController.createPlaybook offline', () => {
  it('creates an Active playbook with its barriers and sprint and keeps it', async () => {
    const id = (await call('createPlaybook', FINANCE_PLAYBOOK)) as string;
    const created = (await list(ACME)).playbooks?.find((playbook) => playbook.id === id);

    expect(id.startsWith('a0S')).toBe(true);
    expect(created?.name).toBe('Approval Chains - Department: Finance');
    expect([created?.status, created?.baselinePercent, created?.targetPercent]).toEqual(['Active', 0, 50]);
    expect([created?.startDate, created?.targetDate]).toEqual(['2026-11-30', '2027-02-28']);
    expect(created?.barriers?.map((barrier) => [barrier.barrier, barrier.action])).toEqual([
      ['Training', 'Run one session with the finance team.'],
      ['Relevance', "Review the segment's use cases with its leader and map the feature to a task they do every week."]
    ]);
    expect(created?.tasks?.length).toBe(5);
    expect(
      created?.tasks?.every((task) => task.ownerName === 'Casey Morgan (CSM)' && task.status === 'Not Started')
    ).toBe(true);
    expect(CockpitStore.open(fixture.storeFile).store.get('adoptionPlaybooks', id)?.segment).toBe('Finance');
  });

  it('takes a target and a date the user chose', async () => {
    const id = (await call('createPlaybook', {
      ...FINANCE_PLAYBOOK,
      targetPercent: 62.44,
      targetDate: '2027-06-30'
    })) as string;
    const created = (await list(ACME)).playbooks?.find((playbook) => playbook.id === id);

    expect([created?.targetPercent, created?.targetDate]).toEqual([62.4, '2027-06-30']);
  });

  it('rejects a second Active playbook for the feature and segment', async () => {
    expect(
      await message('createPlaybook', {
        accountId: ACME,
        featureKey: 'SlaEscalations',
        segmentType: 'All',
        barriers: [{ barrier: 'UX' }]
      })
    ).toBe(
      'Adoption playbook SLA Escalations - All users is already Active for this feature and segment. Complete or ' +
        'cancel it before starting another.'
    );
  });

  it.each([
    [
      'no barrier',
      { barriers: null },
      'No barrier was chosen. Choose at least one of Access, Awareness, Training, UX, Relevance.'
    ],
    ['an empty barrier', { barriers: [null] }, 'Barrier 1 is empty. Remove it or choose a barrier.'],
    [
      'an unknown barrier',
      { barriers: [{ barrier: 'Usability' }] },
      'Barrier 1 Usability is not a valid value. Choose one of Access, Awareness, Training, UX, Relevance.'
    ],
    [
      'a barrier listed twice',
      { barriers: [{ barrier: 'UX' }, { barrier: 'UX' }] },
      'Barrier UX is listed twice. Keep one entry per barrier.'
    ],
    [
      'evidence over 255 characters',
      { barriers: [{ barrier: 'UX', evidence: 'e'.repeat(256) }] },
      'UX evidence is 256 characters long, more than the 255 allowed. Shorten it.'
    ],
    [
      'a target date on the start',
      { targetDate: '2026-11-30' },
      'Target date 2026-11-30 is out of range. Choose a day after 2026-11-30 and at most 365 days later, or leave it ' +
        'blank for 2027-02-28.'
    ],
    ['a target date over a year ahead', { targetDate: '2027-12-01' }, 'Target date 2027-12-01 is out of range.'],
    [
      'a target above 100',
      { targetPercent: 120 },
      'Target 120% is out of range. Enter a percent above 0 and at most 100, or leave it blank for the suggested ' +
        'target.'
    ],
    [
      'a target not above the current adoption',
      { segment: 'Support', targetPercent: 40 },
      'Target 40% is not above the current adoption of 40%. Enter a higher target, or leave it blank for the ' +
        'suggested target.'
    ]
  ])('rejects %s', async (_name, change, expected) => {
    expect(await message('createPlaybook', { ...FINANCE_PLAYBOOK, ...change })).toContain(expected);
    expect(fixture.store.list('adoptionPlaybooks')).toEqual([]);
  });

  it('rejects barriers that are not a list', async () => {
    await expect(call('createPlaybook', { ...FINANCE_PLAYBOOK, barriers: 'UX' })).rejects.toBeInstanceOf(
      ApexParameterError
    );
  });

  it('denies a user who cannot create playbooks', async () => {
    expect(await message('createPlaybook', FINANCE_PLAYBOOK, 'manager')).toBe(
      'Access denied: you cannot create adoption playbooks, their barriers or Tasks. Ask your admin to assign you ' +
        'the Success Cockpit User permission set.'
    );
  });
});

describe('AdoptionPlaybookController.setStatus offline', () => {
  it('completes a playbook with the adoption of its latest fact', async () => {
    await call('setStatus', { playbookId: ACME_ACTIVE, status: 'Completed' });

    const [completed] = ((await list(ACME)).playbooks ?? []).filter((playbook) => playbook.id === ACME_ACTIVE);
    expect([completed?.status, completed?.currentPercent, completed?.currentMonth]).toEqual(['Completed', 30, null]);
    expect(fixture.store.get('adoptionPlaybooks', ACME_ACTIVE)?.barriers).toHaveLength(2);
  });

  it('activates a Draft when no other playbook is Active', async () => {
    await call('setStatus', { playbookId: GLOBEX_DRAFT, status: 'Active' });

    expect((await list(GLOBEX)).playbooks?.[0]?.status).toBe('Active');
  });

  it('keeps a playbook whose status does not change out of the store', async () => {
    await call('setStatus', { playbookId: ACME_ACTIVE, status: 'Active' });

    expect(fixture.store.list('adoptionPlaybooks')).toEqual([]);
  });

  it('rejects activating a second playbook of the pair', async () => {
    const id = (await call('createPlaybook', FINANCE_PLAYBOOK)) as string;
    await call('setStatus', { playbookId: id, status: 'Draft' });
    await call('createPlaybook', FINANCE_PLAYBOOK);

    expect(await message('setStatus', { playbookId: id, status: 'Active' })).toBe(
      'Adoption playbook Approval Chains - Department: Finance is already Active for this feature and segment. ' +
        'Complete or cancel it before starting another.'
    );
  });

  it.each([
    [
      'a closed playbook',
      { playbookId: ACME_COMPLETED, status: 'Active' },
      'Adoption playbook Knowledge Deflection - All users is Completed, so its status can no longer change. Start ' +
        'a new playbook for the feature and segment instead.'
    ],
    [
      'an unknown status',
      { playbookId: ACME_ACTIVE, status: 'Paused' },
      'Status Paused is not a valid value. Choose one of Draft, Active, Completed, Cancelled.'
    ],
    ['a missing Id', { status: 'Active' }, 'The playbook Id is missing. Reload the page and try again.'],
    [
      'an Id of another object',
      { playbookId: ACME, status: 'Active' },
      `Id ${ACME} is not the Id of an adoption playbook. Reload the page and try again.`
    ],
    [
      'an unknown playbook',
      { playbookId: 'a0SA00000000099AAA', status: 'Active' },
      'Access denied: adoption playbook a0SA00000000099AAA does not exist or is not shared with you. Reload the ' +
        'page; if it is still listed, ask the account owner for access.'
    ]
  ])('rejects %s', async (_name, params, expected) => {
    expect(await message('setStatus', params)).toBe(expected);
  });

  it('denies a user who cannot edit playbooks', async () => {
    expect(await message('setStatus', { playbookId: ACME_ACTIVE, status: 'Cancelled' }, 'manager')).toBe(
      'Access denied: you cannot edit adoption playbooks. Ask your admin to assign you the Success Cockpit User ' +
        'permission set.'
    );
  });
});
