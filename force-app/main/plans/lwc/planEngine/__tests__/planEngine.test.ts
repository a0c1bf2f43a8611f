import {
  MILESTONE_DUE_SOON_DAYS,
  autoCompletions,
  compareRenewalCall,
  instantiateTemplate,
  milestoneStateOf,
  planProgressOf,
  renderSuccessPlan,
  renewalCountdownOf,
  successPlanFileName,
  validatePlanTemplate
} from '../planEngine';
import type {
  CheckpointView,
  MilestoneRecord,
  ObjectiveRecord,
  PlanRecord,
  PlanTemplate,
  PlanTemplateItem,
  RenewalCall,
  SuccessPlanReportInput
} from '../planEngine';

const AS_OF = '2025-06-15';

function objectiveOf(overrides: Partial<ObjectiveRecord> = {}): ObjectiveRecord {
  return {
    id: 'OBJ-1',
    outcome: 'Close the books in five days',
    successMetric: 'Days to close',
    unit: 'days',
    baseline: 12,
    target: 5,
    currentValue: 8,
    dueDate: '2025-09-30',
    status: 'OnTrack',
    capability: 'Financials',
    sortOrder: 1,
    ...overrides
  };
}

function milestoneOf(overrides: Partial<MilestoneRecord> = {}): MilestoneRecord {
  return {
    id: 'MS-1',
    name: 'Active users reach 40 %',
    objectiveId: 'OBJ-1',
    phase: 'Days30',
    targetDate: '2025-06-30',
    criteria: 'At least 40 % of users active',
    criteriaMeasure: 'ActiveDayShare30d',
    criteriaOperator: 'AtLeast',
    criteriaValue: 40,
    completedDate: null,
    completionSource: null,
    ownerId: '005000000000001AAA',
    ownerName: 'Dana Reyes',
    sortOrder: 1,
    ...overrides
  };
}

function planOf(overrides: Partial<PlanRecord> = {}): PlanRecord {
  return {
    id: 'PLAN-1',
    accountId: '001000000000001AAA',
    name: 'Acme onboarding plan',
    status: 'Active',
    stage: 'Onboarding',
    executiveSponsor: { id: '003000000000001AAA', name: 'Ana Ruiz', title: 'CFO' },
    champion: { id: '003000000000002AAA', name: 'Lee Park', title: null },
    reviewCadenceDays: 14,
    nextReview: '2025-06-20',
    escalationPath: 'CSM, then the CS director',
    startDate: '2025-04-01',
    endDate: '2025-06-30',
    templateName: 'Onboarding',
    objectives: [objectiveOf()],
    milestones: [milestoneOf()],
    ...overrides
  };
}

function checkpointOf(overrides: Partial<CheckpointView> = {}): CheckpointView {
  return {
    daysBefore: 180,
    dueDate: '2026-01-01',
    playbook: 'QBR',
    taskSubject: 'Run the renewal QBR',
    guidance: null,
    requiresCall: true,
    state: 'Upcoming',
    opensOn: '2025-12-18',
    call: null,
    callNote: null,
    dataBand: null,
    isDisagreement: false,
    ...overrides
  };
}

function reportInputOf(overrides: Partial<SuccessPlanReportInput> = {}): SuccessPlanReportInput {
  return {
    accountName: 'Acme Corp',
    asOf: AS_OF,
    plan: planOf(),
    measureValues: { ActiveDayShare30d: 35.5 },
    countdown: [checkpointOf()],
    renewalDate: '2026-06-30',
    ...overrides
  };
}

describe('milestoneStateOf', () => {
  it('uses a due-soon window of 14 days', () => {
    expect(MILESTONE_DUE_SOON_DAYS).toBe(14);
  });

  it('rejects a malformed target date with the milestone id', () => {
    expect(() => milestoneStateOf(milestoneOf({ targetDate: '2025-6-30' }), AS_OF)).toThrow(
      /targetDate of milestone MS-1/
    );
  });
});

describe('autoCompletions', () => {
  it('lists open milestones with met criteria in input order', () => {
    const milestones = [
      milestoneOf({
        id: 'MS-3',
        criteriaMeasure: 'OpenHighPriorityCases',
        criteriaOperator: 'AtMost',
        criteriaValue: 0
      }),
      milestoneOf({ id: 'MS-1' }),
      milestoneOf({ id: 'MS-2', completedDate: '2025-06-01', completionSource: 'Manual' }),
      milestoneOf({ id: 'MS-4', criteriaMeasure: null, criteriaOperator: null, criteriaValue: null })
    ];

    const completions = autoCompletions(milestones, { ActiveDayShare30d: 41, OpenHighPriorityCases: 0 }, AS_OF);

    expect(completions).toEqual([
      { milestoneId: 'MS-3', completedDate: AS_OF },
      { milestoneId: 'MS-1', completedDate: AS_OF }
    ]);
  });
});

describe('planProgressOf', () => {
  it('summarises objectives, milestones and the review date', () => {
    const plan = planOf({
      nextReview: '2025-06-14',
      objectives: [
        objectiveOf({ id: 'OBJ-1', baseline: 0, target: 10, currentValue: 10 }),
        objectiveOf({ id: 'OBJ-2', baseline: 0, target: 3, currentValue: 1 }),
        objectiveOf({ id: 'OBJ-3', baseline: null })
      ],
      milestones: [
        milestoneOf({ id: 'MS-1', completedDate: '2025-06-01', completionSource: 'Automatic' }),
        milestoneOf({ id: 'MS-2', targetDate: '2025-06-14' }),
        milestoneOf({ id: 'MS-3', targetDate: '2025-06-10', completedDate: '2025-06-12', completionSource: 'Manual' }),
        milestoneOf({ id: 'MS-4', targetDate: null })
      ]
    });

    const progress = planProgressOf(plan, AS_OF);

    expect(progress.objectivesTotal).toBe(3);
    expect(progress.objectivesMet).toBe(1);
    // Mean of 100 and 33.3 (the objective without a baseline has no progress): 66.65 rounds to 66.7.
    expect(progress.progressPercent).toBe(66.7);
    expect(progress.milestonesTotal).toBe(4);
    expect(progress.milestonesCompleted).toBe(2);
    expect(progress.milestonesOverdue).toBe(1);
    expect(progress.isReviewOverdue).toBe(true);
  });

  it('returns null progress and no overdue review for an empty plan', () => {
    const progress = planProgressOf(planOf({ objectives: [], milestones: [], nextReview: AS_OF }), AS_OF);

    expect(progress.progressPercent).toBeNull();
    expect(progress.objectivesTotal).toBe(0);
    expect(progress.milestonesOverdue).toBe(0);
    expect(progress.isReviewOverdue).toBe(false);
  });
});

describe('validatePlanTemplate', () => {
  const template: PlanTemplate = {
    name: 'PreRenewal',
    label: 'Pre-renewal',
    stage: 'PreRenewal',
    description: null,
    durationDays: 180,
    reviewCadenceDays: 30,
    sortOrder: 3,
    isActive: true
  };

  function itemOf(overrides: Partial<PlanTemplateItem>): PlanTemplateItem {
    return {
      template: 'PreRenewal',
      itemType: 'Milestone',
      key: null,
      title: 'Value review held',
      successMetric: null,
      unit: null,
      capability: null,
      target: null,
      offsetDays: 30,
      phase: 'Days30',
      criteria: null,
      criteriaMeasure: null,
      criteriaOperator: null,
      criteriaValue: null,
      objectiveKey: null,
      sortOrder: 1,
      ...overrides
    };
  }

  it('names the template, the item and the fix in each problem', () => {
    const problems = validatePlanTemplate(template, [itemOf({ criteriaMeasure: 'Logins' })], []);

    expect(problems).toEqual([
      'Template PreRenewal item Value review held: partial criteria; set CriteriaMeasure__c, CriteriaOperator__c and ' +
        'CriteriaValue__c together, or leave all three blank for a manual milestone.',
      'Template PreRenewal item Value review held: unknown measure Logins; use the DeveloperName of a ' +
        'HealthMeasure__mdt record.'
    ]);
  });

  it('ignores items of other templates', () => {
    const problems = validatePlanTemplate(template, [itemOf({ template: 'Adoption', offsetDays: -1 })], []);

    expect(problems).toEqual([]);
  });
});

describe('instantiateTemplate', () => {
  it('rejects a malformed start date', () => {
    const template: PlanTemplate = {
      name: 'Adoption',
      label: 'Adoption',
      stage: 'Adoption',
      description: null,
      durationDays: 180,
      reviewCadenceDays: null,
      sortOrder: null,
      isActive: true
    };

    expect(() => instantiateTemplate(template, [], '15/01/2025')).toThrow(/startDate "15\/01\/2025"/);
  });
});

describe('renewalCountdownOf', () => {
  it('uses the first stored progress of a daysBefore', () => {
    const views = renewalCountdownOf({
      renewalDate: '2026-06-30',
      asOf: '2026-03-25',
      firstSeen: '2025-01-01',
      definitions: [
        {
          name: 'Days90',
          daysBefore: 90,
          playbook: 'Proposal',
          taskSubject: 'Send the renewal proposal',
          guidance: null,
          requiresCall: true,
          leadDays: 14,
          isActive: true
        }
      ],
      progress: [
        {
          daysBefore: 90,
          status: 'Due',
          isTaskClosed: false,
          call: null,
          callNote: null,
          dataBand: null,
          dataScore: null,
          isDisagreement: false,
          recordedAt: null,
          recordedByName: null
        },
        {
          daysBefore: 90,
          status: 'Done',
          isTaskClosed: true,
          call: 'Commit',
          callNote: 'Second row',
          dataBand: 'Green',
          dataScore: 80,
          isDisagreement: false,
          recordedAt: null,
          recordedByName: null
        }
      ]
    });

    expect(views).toHaveLength(1);
    expect(views[0].state).toBe('Due');
    expect(views[0].callNote).toBeNull();
  });
  it('keeps input order for equal daysBefore', () => {
    const base = {
      daysBefore: 90,
      taskSubject: 'Task',
      guidance: null,
      requiresCall: false,
      leadDays: 14,
      isActive: true
    };

    const views = renewalCountdownOf({
      renewalDate: '2026-06-30',
      asOf: '2025-05-01',
      firstSeen: null,
      definitions: [
        { ...base, name: 'Days90Sponsor', playbook: 'SponsorTouch' },
        { ...base, name: 'Days120', daysBefore: 120, playbook: 'ValueReview' },
        { ...base, name: 'Days90', playbook: 'Proposal' }
      ],
      progress: []
    });

    expect(views.map((view) => view.playbook)).toEqual(['ValueReview', 'SponsorTouch', 'Proposal']);
  });
});

describe('compareRenewalCall', () => {
  it('explains a disagreement for the manager', () => {
    const comparison = compareRenewalCall('Commit', 'Red');

    expect(comparison.explanation).toBe(
      'The Commit call is 2 bands above the Red health band, more than one band apart: the manager should review ' +
        'the call with the CSM.'
    );
  });

  it('explains a call within one band', () => {
    expect(compareRenewalCall('AtRisk', 'Yellow').explanation).toBe(
      'The AtRisk call is 1 band below the Yellow health band, which is within one band.'
    );
  });

  it('explains a match', () => {
    expect(compareRenewalCall('Commit', 'Green').explanation).toBe('The Commit call matches the Green health band.');
  });

  it('says there is no data signal without a band', () => {
    expect(compareRenewalCall('Upside', 'Insufficient').explanation).toMatch(/no data signal/);
    expect(compareRenewalCall('Upside', null).explanation).toMatch(/no data signal/);
  });

  it('treats an unknown band as no data signal', () => {
    const comparison = compareRenewalCall('Commit', 'Blue');

    expect(comparison.dataLevel).toBeNull();
    expect(comparison.isDisagreement).toBe(false);
  });

  it('rejects an unknown call', () => {
    expect(() => compareRenewalCall('Maybe' as RenewalCall, 'Green')).toThrow(
      'Renewal call "Maybe" is not valid; use Commit, AtRisk or Upside.'
    );
  });
});

describe('successPlanFileName', () => {
  it('builds the name from the customer slug', () => {
    expect(successPlanFileName('Acme Corp')).toBe('acme-corp-success-plan.md');
  });

  it('drops accents and punctuation', () => {
    expect(successPlanFileName('Société Générale & Co.')).toBe('societe-generale-co-success-plan.md');
  });

  it('falls back to account for a name without letters or digits', () => {
    expect(successPlanFileName('***')).toBe('account-success-plan.md');
  });
});

describe('renderSuccessPlan', () => {
  it('renders every section in order', () => {
    const markdown = renderSuccessPlan(reportInputOf());

    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual(['# Acme Corp: success plan', '## Objectives', '## Milestones', '## Renewal checkpoints']);
    expect(markdown).toContain(`As of ${AS_OF}.`);
    expect(markdown).toContain('| Status | Active |');
    expect(markdown).toContain('| Stage | Onboarding |');
    expect(markdown).toContain('| Dates | 2025-04-01 to 2025-06-30 |');
    expect(markdown).toContain('| Executive sponsor | Ana Ruiz, CFO |');
    expect(markdown).toContain('| Champion | Lee Park |');
    expect(markdown).toContain('| Escalation path | CSM, then the CS director |');
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });

  it('renders the objective with baseline, current, target and progress', () => {
    const markdown = renderSuccessPlan(reportInputOf());

    // Lower is better: (8 - 12) / (5 - 12) * 100 = 57.14..., shown as 57.1 %.
    expect(markdown).toContain(
      '| 1 | Close the books in five days | Days to close (days) | Financials | 12 | 8 | 5 | 57.1% | OnTrack | ' +
        '2025-09-30 |'
    );
  });

  it('flags an objective past its due date that is not met', () => {
    const plan = planOf({ objectives: [objectiveOf({ dueDate: '2025-06-01' })] });

    const markdown = renderSuccessPlan(reportInputOf({ plan }));

    expect(markdown).toContain('| 2025-06-01 (overdue) |');
  });

  it('shows the criteria with the current measure value', () => {
    const markdown = renderSuccessPlan(reportInputOf());

    expect(markdown).toContain(
      '| 2025-06-30 | 30 days | Active users reach 40 % | Close the books in five days | At least 40 % of users ' +
        'active; ActiveDayShare30d at least 40 (now 35.5) | Dana Reyes | Upcoming |'
    );
  });

  it('says when the criteria measure has no data', () => {
    const markdown = renderSuccessPlan(reportInputOf({ measureValues: {} }));

    expect(markdown).toContain('ActiveDayShare30d at least 40 (no data yet)');
  });

  it('shows an auto-completed milestone as such', () => {
    const plan = planOf({
      milestones: [milestoneOf({ completedDate: '2025-06-10', completionSource: 'Automatic' })]
    });

    const markdown = renderSuccessPlan(reportInputOf({ plan, measureValues: { ActiveDayShare30d: 44 } }));

    expect(markdown).toContain('| Auto-completed on 2025-06-10 |');
    expect(markdown).toContain('| Milestones | 1 of 1 completed; 0 overdue |');
  });

  it('shows overdue, due-today and manual completion states', () => {
    const plan = planOf({
      milestones: [
        milestoneOf({ id: 'MS-1', name: 'Late', targetDate: '2025-06-12' }),
        milestoneOf({ id: 'MS-2', name: 'Today', targetDate: AS_OF }),
        milestoneOf({ id: 'MS-3', name: 'Done', targetDate: '2025-06-01', completedDate: '2025-05-30' })
      ]
    });

    const markdown = renderSuccessPlan(reportInputOf({ plan }));

    expect(markdown).toContain('| **Overdue** by 3 days |');
    expect(markdown).toContain('| Due today |');
    expect(markdown).toContain('| Completed on 2025-05-30 |');
    expect(markdown.indexOf('| Done |')).toBeLessThan(markdown.indexOf('| Late |'));
  });

  it('flags an overdue review', () => {
    const plan = planOf({ nextReview: '2025-06-10' });

    const markdown = renderSuccessPlan(reportInputOf({ plan }));

    expect(markdown).toContain('| Review | every 14 days; next review 2025-06-10 (**overdue** by 5 days) |');
  });

  it('does not flag a review due on the as-of date', () => {
    const plan = planOf({ nextReview: AS_OF });

    const markdown = renderSuccessPlan(reportInputOf({ plan }));

    expect(markdown).toContain(`| Review | every 14 days; next review ${AS_OF} |`);
  });

  it('escapes pipes and line breaks in user text', () => {
    const plan = planOf({
      name: 'Plan | phase 1',
      escalationPath: 'CSM\nthen director | VP',
      objectives: [objectiveOf({ outcome: 'Faster close | fewer errors\r\nby Q3', capability: 'GL|AP' })],
      milestones: [milestoneOf({ name: 'Go\nlive', criteria: 'Users | teams', ownerName: 'Ann | Bob' })]
    });

    const markdown = renderSuccessPlan(
      reportInputOf({
        accountName: 'Acme | Sons',
        plan,
        countdown: [checkpointOf({ call: 'Commit', callNote: 'Budget ok |\nsigned', state: 'Done' })]
      })
    );

    expect(markdown).toContain('# Acme \\| Sons: success plan');
    expect(markdown).toContain('| Plan | Plan \\| phase 1 |');
    expect(markdown).toContain('| Escalation path | CSM then director \\| VP |');
    expect(markdown).toContain('Faster close \\| fewer errors by Q3');
    expect(markdown).toContain('GL\\|AP');
    expect(markdown).toContain('| Go live |');
    expect(markdown).toContain('Users \\| teams');
    expect(markdown).toContain('Ann \\| Bob');
    expect(markdown).toContain('Budget ok \\| signed');
  });

  it('keeps every table row at its header width', () => {
    const plan = planOf({
      escalationPath: 'a | b',
      objectives: [objectiveOf({ outcome: 'x | y | z' })],
      milestones: [milestoneOf({ name: 'm | n', criteria: 'c | d' })]
    });

    const markdown = renderSuccessPlan(
      reportInputOf({ plan, countdown: [checkpointOf({ callNote: 'p | q', call: 'AtRisk', state: 'Done' })] })
    );

    const tables = markdown.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables).toHaveLength(4);
    for (const table of tables) {
      const rows = table.split('\n').filter((row) => row !== '');
      const widths = rows.map((row) => row.replace(/\\\|/g, '').split('|').length);
      expect(new Set(widths).size).toBe(1);
    }
  });

  it('renders the renewal checkpoints with the call and a disagreement', () => {
    const countdown = [
      checkpointOf({
        state: 'Done',
        call: 'Commit',
        dataBand: 'Red',
        isDisagreement: true,
        callNote: 'Sponsor confirmed budget'
      }),
      checkpointOf({
        daysBefore: 90,
        dueDate: '2026-04-01',
        opensOn: '2026-03-18',
        playbook: 'Proposal',
        taskSubject: 'Send the proposal'
      }),
      checkpointOf({ daysBefore: 60, dueDate: '2026-05-01', requiresCall: false, playbook: 'SponsorTouch' })
    ];

    const markdown = renderSuccessPlan(reportInputOf({ countdown }));

    expect(markdown).toContain('Renewal on 2026-06-30, 380 days away.');
    expect(markdown).toContain(
      '| 2026-01-01 | 180 | QBR | Run the renewal QBR | Done | Commit (**disagrees** with health) | Red | Sponsor ' +
        'confirmed budget |'
    );
    expect(markdown).toContain('| 2026-04-01 | 90 | Proposal | Send the proposal | Upcoming | not recorded |  |  |');
    expect(markdown).toContain('| 2026-05-01 | 60 | SponsorTouch | Run the renewal QBR | Upcoming |  |  |  |');
  });

  it('leaves out the renewal section without a renewal date', () => {
    const markdown = renderSuccessPlan(reportInputOf({ renewalDate: null, countdown: [] }));

    expect(markdown).not.toContain('Renewal');
  });

  it('says when no checkpoint is active', () => {
    const markdown = renderSuccessPlan(reportInputOf({ countdown: [] }));

    expect(markdown).toContain('No active renewal checkpoint.');
  });

  it('says a past renewal date is in the past', () => {
    const markdown = renderSuccessPlan(reportInputOf({ renewalDate: '2025-06-14', countdown: [] }));

    expect(markdown).toContain('Renewal on 2025-06-14, 1 day ago.');
  });

  it('shows placeholders for an empty plan', () => {
    const plan = planOf({
      stage: null,
      executiveSponsor: null,
      champion: null,
      reviewCadenceDays: null,
      nextReview: null,
      escalationPath: null,
      startDate: null,
      endDate: null,
      templateName: null,
      objectives: [],
      milestones: []
    });

    const markdown = renderSuccessPlan(reportInputOf({ plan }));

    expect(markdown).toContain('| Stage | not set |');
    expect(markdown).toContain('| Executive sponsor | not set |');
    expect(markdown).toContain('| Review | no review cadence; next review not set |');
    expect(markdown).toContain('| Objectives | 0 of 0 met; no measured progress |');
    expect(markdown).toContain('No objective yet');
    expect(markdown).toContain('No milestone yet');
  });

  it('orders objectives and milestones the same way whatever the input order', () => {
    const objectives = [
      objectiveOf({ id: 'OBJ-2', outcome: 'Second', sortOrder: 2 }),
      objectiveOf({ id: 'OBJ-3', outcome: 'Unsorted', sortOrder: null }),
      objectiveOf({ id: 'OBJ-1', outcome: 'First', sortOrder: 1 })
    ];
    const milestones = [
      milestoneOf({ id: 'MS-2', name: 'Later', targetDate: '2025-07-30' }),
      milestoneOf({ id: 'MS-3', name: 'No date', targetDate: null }),
      milestoneOf({ id: 'MS-1', name: 'Sooner', targetDate: '2025-06-20' })
    ];

    const forward = renderSuccessPlan(reportInputOf({ plan: planOf({ objectives, milestones }) }));
    const reversed = renderSuccessPlan(
      reportInputOf({ plan: planOf({ objectives: [...objectives].reverse(), milestones: [...milestones].reverse() }) })
    );

    expect(reversed).toBe(forward);
    expect(forward.indexOf('| First |')).toBeLessThan(forward.indexOf('| Second |'));
    expect(forward.indexOf('| Second |')).toBeLessThan(forward.indexOf('| Unsorted |'));
    expect(forward.indexOf('| Sooner |')).toBeLessThan(forward.indexOf('| Later |'));
    expect(forward.indexOf('| Later |')).toBeLessThan(forward.indexOf('| No date |'));
  });

  it('returns the same text for the same input', () => {
    expect(renderSuccessPlan(reportInputOf())).toBe(renderSuccessPlan(reportInputOf()));
  });
});
