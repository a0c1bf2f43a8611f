import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { instantiateTemplate, objectiveProgress, planProgressOf } from 'c/planEngine';
import { packagePlanMetadataDir } from '../../lib/plans';
import { ApexError } from '../apexErrors';
import { CockpitStore } from '../store';
import { COCKPIT_USERS } from '../users';
import type { CockpitUser } from '../users';
import { ACME_ID } from './cockpitFixture';
import {
  ACME_PAST_PLAN_ID,
  ACME_PLAN_ID,
  ADA_ID,
  AS_OF,
  CARL_ID,
  GINA_ID,
  GLOBEX_ID,
  INITECH_ID,
  MILESTONE_AUTO_ID,
  MILESTONE_MANUAL_ID,
  MILESTONE_NO_LONGER_MET_ID,
  MILESTONE_OVERDUE_ID,
  MILESTONE_STILL_MET_ID,
  MILESTONE_UPCOMING_ID,
  OBJECTIVE_ACHIEVED_ID,
  OBJECTIVE_ADOPTION_ID,
  PAST_OBJECTIVE_ID,
  loadPlanFixture
} from './planFixture';
import type { PlanFixture } from './planFixture';

type PlanView = ApexTypes.SuccessPlanController_PlanView;
type TemplateOption = ApexTypes.SuccessPlanController_TemplateOption;

const TEMPLATE_NAMES = 'Onboarding, Adoption, PreRenewal';
/** A user who may read plans but not create or change them. */
const READ_ONLY: CockpitUser = { ...COCKPIT_USERS.csm, key: 'read-only', canEditPlans: false };

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
  return fixture.app(user).invokeApex(`SuccessPlanController.${method}`, params);
}

async function view(accountId: string, target: PlanFixture = fixture): Promise<PlanView> {
  return (await target.app().invokeApex('SuccessPlanController.getPlan', { accountId })) as PlanView;
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

/** The header of Acme's plan as updatePlan takes it, unchanged. */
const ACME_HEADER = {
  planId: ACME_PLAN_ID,
  status: 'Active',
  stage: 'Adoption',
  executiveSponsorId: ADA_ID,
  championId: CARL_ID,
  reviewCadenceDays: 30,
  nextReview: '2024-07-01',
  escalationPath: 'CSM, then the CS manager'
};

describe('SuccessPlanController.getPlan', () => {
  it('returns the open plan of the export', async () => {
    const result = await view(ACME_ID);

    expect(result).toMatchObject({
      accountId: ACME_ID,
      accountName: 'Acme, Inc.',
      asOf: AS_OF,
      canEdit: true,
      canCreate: true,
      pastPlanCount: 1
    });
    expect(result.plan).toMatchObject({
      id: ACME_PLAN_ID,
      name: 'Acme adoption plan',
      status: 'Active',
      stage: 'Adoption',
      startDate: '2024-05-01',
      endDate: '2024-10-28',
      reviewCadenceDays: 30,
      nextReview: '2024-07-01',
      isReviewOverdue: true,
      escalationPath: 'CSM, then the CS manager',
      templateName: 'Adoption',
      executiveSponsor: { id: ADA_ID, name: 'Ada Sponsor', title: 'CFO' },
      champion: { id: CARL_ID, name: 'Carl Champion', title: 'Operations lead' }
    });
  });

  it('computes objective progress', async () => {
    const objectives = (await view(ACME_ID)).plan?.objectives ?? [];

    expect(objectives.map((objective) => objective.id)).toEqual([OBJECTIVE_ADOPTION_ID, OBJECTIVE_ACHIEVED_ID]);
    expect(objectives[0]).toMatchObject({
      outcome: 'Every planner works in the tool | weekly',
      baseline: 10,
      target: 60,
      currentValue: 35,
      status: 'OnTrack',
      capability: 'Planning module',
      progressPercent: 50,
      isMet: false,
      isOverdue: true
    });
    expect(objectives[1]).toMatchObject({ progressPercent: 80, isMet: true, isOverdue: false });
  });

  it('shows milestone states by target date', async () => {
    const milestones = (await view(ACME_ID)).plan?.milestones ?? [];

    expect(milestones.map((milestone) => [milestone.id, milestone.state])).toEqual([
      [MILESTONE_MANUAL_ID, 'Completed'],
      [MILESTONE_AUTO_ID, 'AutoCompleted'],
      [MILESTONE_STILL_MET_ID, 'AutoCompleted'],
      [MILESTONE_NO_LONGER_MET_ID, 'AutoCompleted'],
      [MILESTONE_OVERDUE_ID, 'Overdue'],
      [MILESTONE_UPCOMING_ID, 'Upcoming']
    ]);
    expect(milestones.find((milestone) => milestone.id === MILESTONE_OVERDUE_ID)).toMatchObject({
      daysOverdue: 3,
      daysUntilDue: null,
      measureValue: 5,
      ownerName: 'Olivia Owner'
    });
    expect(milestones.find((milestone) => milestone.id === MILESTONE_UPCOMING_ID)?.daysUntilDue).toBe(80);
  });

  it('completes met criteria on scoring', async () => {
    const milestone = (await view(ACME_ID)).plan?.milestones?.find((entry) => entry.id === MILESTONE_AUTO_ID);

    expect(milestone).toMatchObject({
      criteriaMeasure: 'ActiveDayShare30d',
      criteriaOperator: 'AtLeast',
      criteriaValue: 5,
      measureValue: 6.6667,
      completedDate: AS_OF,
      completionSource: 'Automatic',
      state: 'AutoCompleted'
    });
  });

  it('totals like the engine', async () => {
    const state = fixture.data.account(ACME_ID);
    const plan = state?.plans.find((entry) => entry.id === ACME_PLAN_ID);
    const progress = planProgressOf(plan as NonNullable<typeof plan>, AS_OF);

    const detail = (await view(ACME_ID)).plan;

    expect(detail).toMatchObject({
      objectivesTotal: progress.objectivesTotal,
      objectivesMet: progress.objectivesMet,
      progressPercent: progress.progressPercent,
      milestonesTotal: progress.milestonesTotal,
      milestonesCompleted: progress.milestonesCompleted,
      milestonesOverdue: progress.milestonesOverdue
    });
    expect(detail).toMatchObject({
      objectivesTotal: 2,
      objectivesMet: 1,
      progressPercent: 65,
      milestonesTotal: 6,
      milestonesCompleted: 4,
      milestonesOverdue: 1
    });
  });

  it('lists the account contacts', async () => {
    expect((await view(ACME_ID)).contacts).toEqual([
      { id: ADA_ID, name: 'Ada Sponsor', title: 'CFO' },
      { id: CARL_ID, name: 'Carl Champion', title: 'Operations lead' }
    ]);
    expect((await view(GLOBEX_ID)).contacts).toEqual([{ id: GINA_ID, name: 'Gina Other', title: null }]);
  });

  it('counts closed plans without an open one', async () => {
    const initech = await view(INITECH_ID);
    const globex = await view(GLOBEX_ID);

    expect(initech.plan).toBeNull();
    expect(initech.pastPlanCount).toBe(1);
    expect(globex.plan).toBeNull();
    expect(globex.pastPlanCount).toBe(0);
  });

  it('returns the readiness facts beside the plan', async () => {
    const acme = await view(ACME_ID);
    const globex = await view(GLOBEX_ID);

    expect(acme.openRisks).toEqual([]);
    expect(acme.feedbackCount).toBe(3);
    expect(acme.renewalDate).toBe('2025-01-13');
    expect(globex.openRisks?.map((risk) => [risk.severity, risk.status, risk.hasMitigation, risk.rung])).toEqual([
      ['High', 'Open', true, 'CSM'],
      ['High', 'Open', true, 'CSM']
    ]);
    expect(globex.feedbackCount).toBe(0);
    expect(globex.renewalDate).toBe('2024-10-15');
  });

  it('leaves risks null without risk access', async () => {
    const noRisks: CockpitUser = { ...COCKPIT_USERS.csm, key: 'no-risks', canReadHealth: false };

    const result = (await call('getPlan', { accountId: GLOBEX_ID }, noRisks)) as PlanView;

    expect(result.plan).not.toBeUndefined();
    expect(result.openRisks).toBeNull();
  });

  it('reports read-only access', async () => {
    const result = (await call('getPlan', { accountId: ACME_ID }, READ_ONLY)) as PlanView;

    expect(result.canEdit).toBe(false);
    expect(result.canCreate).toBe(false);
    expect(result.plan?.id).toBe(ACME_PLAN_ID);
  });

  it.each([
    [{}, 'The account Id is missing. Open the success plan from an Account record page.'],
    [
      { accountId: ADA_ID },
      `Id ${ADA_ID} is not an account Id. Place the success plan component on an Account record page.`
    ],
    [
      { accountId: '001A00000000099AAA' },
      'Access denied: account 001A00000000099AAA does not exist or is not shared with you. Ask the account owner or ' +
        'your admin for access.'
    ]
  ])('rejects %j', async (params, expected) => {
    expect(await message('getPlan', params)).toBe(expected);
  });

  it('denies a user without access', async () => {
    expect(await message('getPlan', { accountId: ACME_ID }, 'no-access')).toBe(
      'Access denied: you cannot read success plans, objectives or milestones. Ask your admin to assign you the ' +
        'Success Cockpit User permission set.'
    );
  });
});

describe('SuccessPlanController.getTemplates', () => {
  it('lists active templates with counts', async () => {
    const templates = (await call('getTemplates', {})) as TemplateOption[];

    expect(templates.map((template) => template.name)).toEqual(TEMPLATE_NAMES.split(', '));
    for (const template of templates) {
      const items = fixture.data.templateItems(template.name ?? '');
      expect(template.objectiveCount).toBe(items.filter((item) => item.itemType === 'Objective').length);
      expect(template.milestoneCount).toBe(items.filter((item) => item.itemType === 'Milestone').length);
    }
    expect(templates[0]).toMatchObject({ stage: 'Onboarding', durationDays: 90 });
  });
});

describe('SuccessPlanController.createFromTemplate', () => {
  const request = {
    accountId: GLOBEX_ID,
    templateName: 'Onboarding',
    startDate: '2024-07-15',
    executiveSponsorId: GINA_ID,
    championId: null
  };

  it('creates an Active plan from the template', async () => {
    const template = fixture.data.activeTemplates().find((entry) => entry.name === 'Onboarding');
    const instance = instantiateTemplate(
      template as NonNullable<typeof template>,
      fixture.data.templateItems('Onboarding'),
      '2024-07-15'
    );

    const planId = (await call('createFromTemplate', request)) as string;

    const plan = (await view(GLOBEX_ID)).plan;
    expect(planId).toMatch(/^a0K[a-zA-Z0-9]{15}$/);
    expect(plan).toMatchObject({
      id: planId,
      name: 'Globex "Global": Onboarding to first value',
      status: 'Active',
      stage: 'Onboarding',
      startDate: '2024-07-15',
      endDate: instance.endDate,
      nextReview: instance.nextReview,
      templateName: 'Onboarding',
      executiveSponsor: { id: GINA_ID, name: 'Gina Other', title: null },
      champion: null
    });
    expect(plan?.objectives?.map((objective) => objective.outcome).sort()).toEqual(
      instance.objectives.map((objective) => objective.outcome).sort()
    );
    expect(plan?.milestones).toHaveLength(instance.milestones.length);
    expect(plan?.milestones?.every((milestone) => milestone.ownerName === 'Casey Morgan (CSM)')).toBe(true);
  });

  it('links milestones to objectives', async () => {
    await call('createFromTemplate', request);

    const plan = (await view(GLOBEX_ID)).plan;
    const objectiveIds = plan?.objectives?.map((objective) => objective.id) ?? [];
    const linked = plan?.milestones?.filter((milestone) => milestone.objectiveId !== null) ?? [];

    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((milestone) => objectiveIds.includes(milestone.objectiveId))).toBe(true);
  });

  it('starts on the as-of date by default', async () => {
    await call('createFromTemplate', { ...request, startDate: null });

    expect((await view(GLOBEX_ID)).plan?.startDate).toBe(AS_OF);
  });

  it('keeps the plan after a restart', async () => {
    const planId = (await call('createFromTemplate', request)) as string;

    const again = await fixture.restart();

    expect((await view(GLOBEX_ID, again)).plan?.id).toBe(planId);
    expect(JSON.parse(readFileSync(fixture.storeFile, 'utf8')).collections.plans[planId].accountId).toBe(GLOBEX_ID);
  });

  it('completes criteria on recalculation', async () => {
    await call('createFromTemplate', request);
    const before = (await view(GLOBEX_ID)).plan?.milestones ?? [];

    await fixture.app().invokeApex('HealthScorecardController.recalculate', { accountId: GLOBEX_ID });
    const after = (await view(GLOBEX_ID)).plan?.milestones ?? [];

    const casesMilestone = (list: typeof before): (typeof before)[number] | undefined =>
      list.find((milestone) => milestone.criteriaMeasure === 'OpenHighPriorityCases');
    expect(casesMilestone(before)).toMatchObject({ completedDate: null, completionSource: null });
    expect(casesMilestone(after)).toMatchObject({
      completedDate: AS_OF,
      completionSource: 'Automatic',
      state: 'AutoCompleted'
    });
  });

  it('rejects a second open plan', async () => {
    expect(await message('createFromTemplate', { ...request, accountId: ACME_ID, executiveSponsorId: null })).toBe(
      'Account Acme, Inc. already has an open success plan (Acme adoption plan). Complete or cancel it before ' +
        'creating another.'
    );
    expect(fixture.store.count()).toBe(0);
  });

  it('allows a plan after closed ones', async () => {
    const planId = (await call('createFromTemplate', {
      ...request,
      accountId: INITECH_ID,
      executiveSponsorId: null
    })) as string;

    const result = await view(INITECH_ID);

    expect(result.plan?.id).toBe(planId);
    expect(result.pastPlanCount).toBe(1);
  });

  it.each([
    [{ templateName: null }, `The plan template is missing. Choose one of ${TEMPLATE_NAMES}.`],
    [{ templateName: ' Nope ' }, `Plan template Nope does not exist. Choose one of ${TEMPLATE_NAMES}.`],
    [
      { executiveSponsorId: ADA_ID },
      'Executive sponsor Ada Sponsor is not a contact of account Globex "Global". Choose a contact of the account.'
    ],
    [
      { executiveSponsorId: null, championId: '003A00000000099AAA' },
      'Champion 003A00000000099AAA was not found or is not shared with you. Choose a contact of account Globex ' +
        '"Global".'
    ],
    [{ executiveSponsorId: ACME_ID }, `Executive sponsor Id ${ACME_ID} is not a Contact Id. Choose a contact.`],
    [
      { executiveSponsorId: ADA_ID, championId: ADA_ID },
      'Executive sponsor and champion Ada Sponsor is not a contact of account Globex "Global". Choose a contact of ' +
        'the account.'
    ],
    [{ accountId: null }, 'The account Id is missing. Open the success plan from an Account record page.']
  ])('rejects %j', async (changes, expected) => {
    expect(await message('createFromTemplate', { ...request, ...changes })).toBe(expected);
    expect(fixture.store.count()).toBe(0);
  });

  it('rejects an inactive template', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cockpit-plan-metadata-'));
    try {
      cpSync(packagePlanMetadataDir(), dir, { recursive: true });
      const file = path.join(dir, 'PlanTemplate.PreRenewal.md-meta.xml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/(<field>IsActive__c<\/field>\s*<value[^>]*>)true(<\/value>)/, '$1false$2')
      );
      const inactive = await loadPlanFixture(dir);
      try {
        const result = await inactive
          .app()
          .invokeApex('SuccessPlanController.createFromTemplate', { ...request, templateName: 'PreRenewal' })
          .then(
            () => 'created',
            (error: Error) => error.message
          );

        expect(result).toBe('Plan template PreRenewal is not active. Choose one of Onboarding, Adoption.');
      } finally {
        inactive.cleanup();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('denies a user without access', async () => {
    expect(await message('createFromTemplate', request, READ_ONLY)).toBe(
      'Access denied: you cannot create success plans, objectives or milestones. Ask your admin to assign you the ' +
        'Success Cockpit User permission set.'
    );
  });
});

describe('SuccessPlanController.updatePlan', () => {
  it('saves the header', async () => {
    await call('updatePlan', {
      ...ACME_HEADER,
      status: 'OnHold',
      stage: '',
      championId: null,
      reviewCadenceDays: 14,
      nextReview: '2024-07-26',
      escalationPath: '  CS manager  '
    });

    const plan = (await view(ACME_ID)).plan;
    expect(plan).toMatchObject({
      status: 'OnHold',
      stage: null,
      champion: null,
      executiveSponsor: { id: ADA_ID, name: 'Ada Sponsor' },
      reviewCadenceDays: 14,
      nextReview: '2024-07-26',
      isReviewOverdue: false,
      escalationPath: 'CS manager'
    });
    expect(plan?.objectives).toHaveLength(2);
    expect(fixture.store.get('plans', ACME_PLAN_ID)?.milestones).toHaveLength(6);
  });

  it('closes the plan', async () => {
    await call('updatePlan', { ...ACME_HEADER, status: 'Completed' });

    const result = await view(ACME_ID);

    expect(result.plan).toBeNull();
    expect(result.pastPlanCount).toBe(2);
    expect(await message('updateObjective', { objectiveId: OBJECTIVE_ADOPTION_ID, status: 'OnTrack' })).toBe(
      'Success plan Acme adoption plan is Completed, so it can no longer be changed. Reload the page to see the ' +
        'current plan.'
    );
  });

  it.each([
    [
      { status: 'Done' },
      'Status Done is not a valid value. Choose one of Draft, Active, OnHold, Completed, Cancelled.'
    ],
    [
      { status: 'active' },
      'Status active is not a valid value. Choose one of Draft, Active, OnHold, Completed, Cancelled.'
    ],
    [{ status: null }, 'Status is missing. Choose one of Draft, Active, OnHold, Completed, Cancelled.'],
    [
      { stage: 'Later' },
      'Stage Later is not a valid value. Choose one of Onboarding, Adoption, PreRenewal, AtRisk, Expansion.'
    ],
    [
      { reviewCadenceDays: 0 },
      'Review cadence 0 days is out of range. Enter 1 to 365 days between reviews, or leave it blank for none.'
    ],
    [
      { reviewCadenceDays: 366 },
      'Review cadence 366 days is out of range. Enter 1 to 365 days between reviews, or leave it blank for none.'
    ],
    [
      { championId: GINA_ID },
      'Champion Gina Other is not a contact of account Acme, Inc.. Choose a contact of the account.'
    ],
    [{ planId: null }, 'The success plan Id is missing. Reload the page and try again.'],
    [{ planId: ACME_ID }, `Id ${ACME_ID} is not the Id of a success plan. Reload the page and try again.`],
    [
      { planId: 'a0DA00000000099AAA' },
      'Access denied: success plan a0DA00000000099AAA does not exist or is not shared with you. Reload the page; if ' +
        'it is still listed, ask the plan owner for access.'
    ]
  ])('rejects %j', async (changes, expected) => {
    expect(await message('updatePlan', { ...ACME_HEADER, ...changes })).toBe(expected);
    expect(fixture.store.count()).toBe(0);
  });

  it('rejects a long escalation path', async () => {
    expect(await message('updatePlan', { ...ACME_HEADER, escalationPath: 'x'.repeat(2001) })).toBe(
      'Escalation path is 2001 characters long, more than the 2000 allowed. Shorten it.'
    );
  });

  it('rejects a closed plan', async () => {
    expect(await message('updatePlan', { ...ACME_HEADER, planId: ACME_PAST_PLAN_ID })).toBe(
      'Success plan Acme onboarding plan is Completed, so it can no longer be changed. Reload the page to see the ' +
        'current plan.'
    );
  });

  it('denies a user without access', async () => {
    expect(await message('updatePlan', ACME_HEADER, READ_ONLY)).toBe(
      'Access denied: you cannot edit success plans. Ask your admin to assign you the Success Cockpit User ' +
        'permission set.'
    );
  });
});

describe('SuccessPlanController.updateObjective', () => {
  it('records progress', async () => {
    await call('updateObjective', {
      objectiveId: OBJECTIVE_ADOPTION_ID,
      currentValue: 47.456,
      status: 'AtRisk',
      dueDate: '2024-08-31'
    });

    const objective = (await view(ACME_ID)).plan?.objectives?.find((entry) => entry.id === OBJECTIVE_ADOPTION_ID);
    expect(objective).toMatchObject({
      currentValue: 47.46,
      status: 'AtRisk',
      dueDate: '2024-08-31',
      progressPercent: 74.9,
      isOverdue: false
    });
  });

  it('meets the objective at target', async () => {
    await call('updateObjective', { objectiveId: OBJECTIVE_ADOPTION_ID, currentValue: '60', status: 'OnTrack' });

    const detail = (await view(ACME_ID)).plan;
    const objective = detail?.objectives?.find((entry) => entry.id === OBJECTIVE_ADOPTION_ID);
    expect(objective).toMatchObject({ progressPercent: 100, isMet: true, dueDate: null });
    expect(detail?.objectivesMet).toBe(2);
  });

  it('feeds objectives met on recalculation', async () => {
    const before = fixture.data.account(ACME_ID)?.measureValues.ObjectivesMetShare;
    await call('updateObjective', { objectiveId: OBJECTIVE_ADOPTION_ID, currentValue: 60, status: 'OnTrack' });

    await fixture.app().invokeApex('HealthScorecardController.recalculate', { accountId: ACME_ID });

    expect(fixture.data.account(ACME_ID)?.signals.objectives).toEqual({ total: 2, met: 2 });
    expect(fixture.data.account(ACME_ID)?.measureValues.ObjectivesMetShare).toBeGreaterThan(before as number);
  });

  it('keeps progress after a restart', async () => {
    await call('updateObjective', { objectiveId: OBJECTIVE_ADOPTION_ID, currentValue: 20, status: 'AtRisk' });

    const again = await fixture.restart();
    const objective = (await view(ACME_ID, again)).plan?.objectives?.find(
      (entry) => entry.id === OBJECTIVE_ADOPTION_ID
    );

    expect(objective?.currentValue).toBe(20);
    expect(objective?.progressPercent).toBe(
      objectiveProgress({
        id: OBJECTIVE_ADOPTION_ID,
        outcome: '',
        successMetric: null,
        unit: null,
        baseline: 10,
        target: 60,
        currentValue: 20,
        dueDate: null,
        status: 'AtRisk',
        capability: null,
        sortOrder: null
      })
    );
  });

  it.each([
    [
      { status: 'Blocked' },
      'Status Blocked is not a valid value. Choose one of NotStarted, OnTrack, AtRisk, Achieved, Missed.'
    ],
    [{ status: ' ' }, 'Status is missing. Choose one of NotStarted, OnTrack, AtRisk, Achieved, Missed.'],
    [
      { currentValue: 100000000000000 },
      'Current value 100000000000000 is too large: the field holds up to 14 digits before the decimal point. Enter ' +
        'a smaller value.'
    ],
    [{ objectiveId: null }, 'The objective Id is missing. Reload the page and try again.'],
    [
      { objectiveId: MILESTONE_AUTO_ID },
      `Id ${MILESTONE_AUTO_ID} is not the Id of an objective. Reload the page and try again.`
    ],
    [
      { objectiveId: PAST_OBJECTIVE_ID },
      'Success plan Acme onboarding plan is Completed, so it can no longer be changed. Reload the page to see the ' +
        'current plan.'
    ],
    [
      { objectiveId: 'a0EA00000000099AAA' },
      'Access denied: objective a0EA00000000099AAA does not exist or is not shared with you. Reload the page; if it ' +
        'is still listed, ask the plan owner for access.'
    ]
  ])('rejects %j', async (changes, expected) => {
    expect(
      await message('updateObjective', {
        objectiveId: OBJECTIVE_ADOPTION_ID,
        currentValue: 40,
        status: 'OnTrack',
        ...changes
      })
    ).toBe(expected);
    expect(fixture.store.count()).toBe(0);
  });

  it('denies a user without access', async () => {
    expect(await message('updateObjective', { objectiveId: OBJECTIVE_ADOPTION_ID, status: 'OnTrack' }, READ_ONLY)).toBe(
      'Access denied: you cannot edit objectives. Ask your admin to assign you the Success Cockpit User permission set.'
    );
  });
});

describe('SuccessPlanController.setMilestoneCompleted', () => {
  async function milestone(id: string): Promise<ApexTypes.SuccessPlanController_MilestoneView | undefined> {
    return (await view(ACME_ID)).plan?.milestones?.find((entry) => entry.id === id);
  }

  it('completes a milestone by hand', async () => {
    await call('setMilestoneCompleted', { milestoneId: MILESTONE_UPCOMING_ID, completed: true });

    expect(await milestone(MILESTONE_UPCOMING_ID)).toMatchObject({
      completedDate: AS_OF,
      completionSource: 'Manual',
      state: 'Completed'
    });
  });

  it('reopens a manual milestone', async () => {
    await call('setMilestoneCompleted', { milestoneId: MILESTONE_MANUAL_ID, completed: false });

    expect(await milestone(MILESTONE_MANUAL_ID)).toMatchObject({
      completedDate: null,
      completionSource: null,
      state: 'Overdue'
    });
  });

  it('reopens when criteria are no longer met', async () => {
    await call('setMilestoneCompleted', { milestoneId: MILESTONE_NO_LONGER_MET_ID, completed: false });

    expect((await milestone(MILESTONE_NO_LONGER_MET_ID))?.state).toBe('Overdue');
  });

  it('changes nothing when already done', async () => {
    await call('setMilestoneCompleted', { milestoneId: MILESTONE_MANUAL_ID, completed: true });
    await call('setMilestoneCompleted', { milestoneId: MILESTONE_UPCOMING_ID, completed: false });

    expect(fixture.store.count()).toBe(0);
  });

  it.each([
    [
      { milestoneId: MILESTONE_STILL_MET_ID, completed: false },
      'Milestone No open high-priority cases completed itself because OpenHighPriorityCases is 0, which meets its ' +
        'criteria (AtMost 0). Reopened, it would complete itself again after the next scoring run. Leave it ' +
        'completed, or ask your admin to change its criteria.'
    ],
    [
      { milestoneId: MILESTONE_AUTO_ID, completed: false },
      'Milestone Users active on 5% of days completed itself because ActiveDayShare30d is 6.67, which meets its ' +
        'criteria (AtLeast 5). Reopened, it would complete itself again after the next scoring run. Leave it ' +
        'completed, or ask your admin to change its criteria.'
    ],
    [
      { milestoneId: MILESTONE_UPCOMING_ID, completed: null },
      `Whether to complete or reopen milestone ${MILESTONE_UPCOMING_ID} is missing. Reload the page and try again.`
    ],
    [{ milestoneId: null, completed: true }, 'The milestone Id is missing. Reload the page and try again.'],
    [
      { milestoneId: OBJECTIVE_ACHIEVED_ID, completed: true },
      `Id ${OBJECTIVE_ACHIEVED_ID} is not the Id of a milestone. Reload the page and try again.`
    ],
    [
      { milestoneId: 'a0FA00000000099AAA', completed: true },
      'Access denied: milestone a0FA00000000099AAA does not exist or is not shared with you. Reload the page; if it ' +
        'is still listed, ask the plan owner for access.'
    ]
  ])('rejects %j', async (params, expected) => {
    expect(await message('setMilestoneCompleted', params)).toBe(expected);
    expect(fixture.store.count()).toBe(0);
  });

  it('denies a user without access', async () => {
    expect(
      await message('setMilestoneCompleted', { milestoneId: MILESTONE_UPCOMING_ID, completed: true }, READ_ONLY)
    ).toBe(
      'Access denied: you cannot edit milestones. Ask your admin to assign you the Success Cockpit User permission set.'
    );
  });

  it('keeps completion after a restart', async () => {
    await call('setMilestoneCompleted', { milestoneId: MILESTONE_UPCOMING_ID, completed: true });

    const again = await fixture.restart();
    const stored = CockpitStore.open(fixture.storeFile).store.get('plans', ACME_PLAN_ID);

    expect(
      (await view(ACME_ID, again)).plan?.milestones?.find((entry) => entry.id === MILESTONE_UPCOMING_ID)?.state
    ).toBe('Completed');
    expect(stored?.milestones.find((entry) => entry.id === MILESTONE_AUTO_ID)?.completionSource).toBe('Automatic');
  });
});
