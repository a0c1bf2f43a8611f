import { planProgressOf } from 'c/planEngine';
import type { PlanRecord } from 'c/planEngine';
import type { RiskPlanEntry } from 'c/riskEngine';
import {
  READINESS_CHECK_LABELS,
  READINESS_CHECK_POINTS,
  SLIDE_KEYS,
  assembleQbr,
  benchmarkFromMedians,
  buildDeck,
  deckFileName,
  describeBenchmarkRow,
  footnoteOf,
  formatWithUnit,
  includedSlidesText,
  medianOf,
  parseIncludedSlides,
  parseSectionText,
  periodOfQuarter,
  pluralize,
  qbrFileName,
  quarterOf,
  readinessBandOf,
  readinessCheckLabel,
  readinessInputFromPlan,
  readinessInputFromQbr,
  readinessInputFromRiskPlan,
  recentQuarters,
  renderQbr,
  scoreReadiness,
  sectionText,
  statusLabel,
  withSectionText,
  withSlideIncluded,
  writeDeck
} from '../qbrEngine';
import type {
  PptxImageOptions,
  PptxLike,
  PptxSlideLike,
  PptxTableCell,
  PptxTextOptions,
  PptxTextRun,
  QbrData,
  QbrDraft,
  ReadinessInput
} from '../qbrEngine';
import reviewData from './data/reviewData.json';

const PNG_DATA_URL = 'data:image/png;base64,iVBORw0KGgo=';

function loadData(): QbrData {
  return JSON.parse(JSON.stringify(reviewData)) as QbrData;
}

function emptyData(): QbrData {
  return {
    ...loadData(),
    review: null,
    healthPoints: [],
    currentBand: null,
    currentScore: null,
    usage: [],
    licensedSeats: null,
    cases: null,
    risks: [],
    objectives: [],
    milestonesAchieved: [],
    actionItems: [],
    measures: [],
    peerMedians: [],
    peerCount: 0,
    feedbackCount: null,
    executiveSponsorName: null,
    renewalDate: null
  };
}

function texts(draft: QbrDraft, key: keyof QbrDraft['sections']): string[] {
  return draft.sections[key].map((line) => line.text);
}

describe('assembleQbr', () => {
  const draft = assembleQbr(loadData());

  it('suggests wins from the period', () => {
    const wins = texts(draft, 'wins');

    expect(wins).toEqual([
      'Objective met: Cut onboarding time to 10 days: Median onboarding days at 9 days against a target of 10 days',
      'Milestone achieved: SSO live for all users, on 2026-10-20, confirmed by the data',
      'Milestone achieved: Second admin cohort trained, on 2026-11-14',
      'Health score rose by 12 points, from 62 on 2026-10-05 to 74 on 2026-11-30',
      '12 Cases resolved in 2026-Q4, median resolution 2.5 days'
    ]);
  });

  it('ignores points outside the period', () => {
    const change = draft.claims.find((claim) => claim.text === 'Health score change');

    expect(change).toEqual({
      text: 'Health score change',
      value: 12,
      unit: 'points',
      period: '2026-10-05 to 2026-11-30',
      asOf: '2026-11-30'
    });
  });

  it('lists risks with their resolution', () => {
    const challenges = texts(draft, 'challenges');

    expect(challenges).toEqual([
      'Critical risk: Sponsor silent for 60 days, detected on 2026-10-03. Mitigated on 2026-11-20',
      'High risk: Logins fell 35% in 30 days, detected on 2026-10-12. Mitigating: mitigation under way, Manager rung',
      'Medium risk: Billing Cases | spike, detected on 2026-11-25. Open: no mitigation yet, no escalation rung',
      '1 high-priority Case still open on 2026-12-04'
    ]);
  });

  it('puts a falling score under challenges', () => {
    const data = loadData();
    data.healthPoints = [
      { scoredOn: '2026-10-05', score: 70, band: 'Green' },
      { scoredOn: '2026-12-01', score: 55.5, band: 'Yellow' }
    ];

    const result = assembleQbr(data);

    expect(texts(result, 'challenges')).toContain(
      'Health score fell by 14.5 points, from 70 on 2026-10-05 to 55.5 on 2026-12-01'
    );
    expect(texts(result, 'wins').some((text) => text.startsWith('Health score'))).toBe(false);
  });

  it('owns a missed objective in challenges and goals', () => {
    const data = loadData();
    data.objectives[2] = { ...data.objectives[2], status: 'Missed', dueDate: '2026-11-30' };

    const result = assembleQbr(data);

    expect(texts(result, 'challenges')[0]).toBe(
      'Objective missed: Automate month-end reporting: Reports automated at 4 against a target of 12, due 2026-11-30'
    );
    expect(texts(result, 'nextPeriodGoals')).toEqual([
      'Raise weekly active use to 80% of seats: reach 80% on Weekly active seats',
      'Recover Automate month-end reporting: reach 12 on Reports automated'
    ]);
    expect(texts(result, 'roadmapAlignment').some((text) => text.includes('month-end'))).toBe(false);
    const claim = result.claims[result.sections.challenges[0].claims[0] - 1];
    expect(claim).toMatchObject({ text: 'Reports automated', value: 4, unit: null });
  });

  it('states a missing due date of a missed objective', () => {
    const data = loadData();
    data.objectives[2] = { ...data.objectives[2], status: 'Missed' };

    const result = assembleQbr(data);

    expect(texts(result, 'challenges')[0]).toContain('against a target of 12, no due date on record');
  });

  it('shows status labels, not picklist values', () => {
    const roadmap = texts(draft, 'roadmapAlignment');

    expect(roadmap).toEqual([
      'Raise weekly active use to 80% of seats: Weekly active seats at 72% against a target of 80% (On track)',
      'Automate month-end reporting: Reports automated at 4 against a target of 12 (At risk)'
    ]);
    expect(renderQbr(draft)).not.toMatch(/OnTrack|AtRisk|NotStarted/);
  });

  it('sets goals from open objectives', () => {
    expect(texts(draft, 'nextPeriodGoals')).toEqual([
      'Raise weekly active use to 80% of seats: reach 80% on Weekly active seats',
      'Automate month-end reporting: reach 12 on Reports automated'
    ]);
    expect(draft.customerObjectives).toEqual([
      'Cut onboarding time to 10 days',
      'Raise weekly active use to 80% of seats',
      'Automate month-end reporting'
    ]);
  });

  it('completes every claim', () => {
    expect(draft.claims.length).toBeGreaterThan(10);
    for (const claim of draft.claims) {
      expect(claim.value).not.toBeNull();
      expect(claim.period).toEqual(expect.any(String));
      expect(claim.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('shares footnotes of repeated figures', () => {
    const references = [
      ...Object.values(draft.sections).flatMap((lines) => lines.flatMap((line) => line.claims)),
      ...draft.metricClaims,
      ...draft.adoptionClaims
    ];
    const resolved = draft.claims.filter((claim) => claim.text === 'Cases resolved');

    for (const reference of references) {
      expect(reference).toBeGreaterThanOrEqual(1);
      expect(reference).toBeLessThanOrEqual(draft.claims.length);
    }
    expect(resolved).toHaveLength(1);
    expect(draft.sections.wins[4].claims).toContain(draft.claims.indexOf(resolved[0]) + 1);
  });

  it('reads adoption from period months', () => {
    const adoption = draft.adoptionClaims.map((reference) => draft.claims[reference - 1]);

    expect(adoption.map((claim) => [claim.text, claim.value, claim.unit])).toEqual([
      ['Logins', 5450, 'logins'],
      ['Peak daily active users in 2026-12', 45, 'users'],
      ['Licensed seats in use at peak in 2026-12', 90, '%']
    ]);
  });

  it('finds expansion signals', () => {
    expect(draft.expansionSignals).toEqual([
      'Peak daily active users reached 90% of 50 licensed seats in 2026-12: room to add seats.',
      '1 objective met (Cut onboarding time to 10 days): a base for the next use case.'
    ]);
  });

  it('writes the benchmark insight', () => {
    expect(draft.benchmark?.peerCount).toBe(8);
    expect(draft.benchmark?.rows.map((row) => row.direction)).toEqual([
      'HigherIsBetter',
      'LowerIsBetter',
      'HigherIsBetter'
    ]);
    expect(texts(draft, 'insights')[0]).toBe(
      'Compared with the median of 8 peer accounts in the same segment. Ahead: Open high-priority Cases is 1 against a ' +
        'peer median of 2 (1 lower, where lower is better).'
    );
    expect(texts(draft, 'insights')[1]).toBe('Peak daily active users went from 36 in 2026-10 to 45 in 2026-12 (+25%)');

    expect(draft.benchmark?.aheadMeasure).toBe('OpenHighPriority');
    expect(draft.benchmark?.behindMeasure).toBeNull();
    expect(draft.sections.insights[0].claims.map((reference) => draft.claims[reference - 1])).toEqual([
      {
        text: 'Open high-priority Cases, this account',
        value: 1,
        unit: null,
        period: 'latest health snapshot',
        asOf: '2026-12-04'
      },
      {
        text: 'Open high-priority Cases, median of 8 peer accounts',
        value: 2,
        unit: null,
        period: 'latest health snapshot',
        asOf: '2026-12-04'
      }
    ]);
  });

  it('includes every slide with content by default', () => {
    expect(draft.slides.map((slide) => slide.key)).toEqual([...SLIDE_KEYS]);
    expect(draft.slides.every((slide) => slide.included)).toBe(true);
  });

  it('switches off slides without content', () => {
    const result = assembleQbr(emptyData());

    expect(result.slides.filter((slide) => slide.included).map((slide) => slide.key)).toEqual([
      'title',
      'agenda',
      'metrics'
    ]);
    expect(result.benchmark).toBeNull();
    expect(result.charts).toEqual({ health: null, usage: null });
    expect(result.claims).toEqual([]);
  });

  it('omits the insight below 3 peers', () => {
    const data = loadData();
    data.peerCount = 2;

    const result = assembleQbr(data);

    expect(result.benchmark?.insight).toBeNull();
    expect(texts(result, 'insights')).toHaveLength(1);
  });

  it('draws the health and usage charts', () => {
    expect(draft.charts.health).toEqual({
      kind: 'line',
      title: 'Health score',
      labels: ['2026-09-28', '2026-10-05', '2026-11-02', '2026-11-30'],
      series: [{ name: 'Health score', values: [58, 62, 66, 74] }]
    });
    expect(draft.charts.usage?.kind).toBe('bar');
    expect(draft.charts.usage?.labels).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    expect(draft.charts.usage?.series.map((series) => series.values)).toEqual([
      [30, 36, 41, 45],
      [2100, 2400, 2650, 400]
    ]);
  });

  it('restores a saved review', () => {
    const data = loadData();
    data.review = {
      id: 'a05000000000001AAA',
      status: 'Ready',
      wins: '- 12 Cases resolved in 2026-Q4, median resolution 2.5 days\n\nA new reporting team was onboarded',
      challenges: null,
      roadmapAlignment: '',
      insights: null,
      nextPeriodGoals: null,
      includedSlides: 'title,wins,unknownSlide,actionItems',
      readinessScore: 80,
      readinessBand: 'Refine',
      deckFileId: null,
      deckExportedAt: null
    };

    const result = assembleQbr(data);

    expect(result.status).toBe('Ready');
    expect(texts(result, 'wins')).toEqual([
      '12 Cases resolved in 2026-Q4, median resolution 2.5 days',
      'A new reporting team was onboarded'
    ]);
    expect(result.sections.wins[0].claims).toHaveLength(2);
    expect(result.sections.wins[1].claims).toEqual([]);
    expect(texts(result, 'challenges')).toEqual(texts(draft, 'challenges'));
    expect(result.sections.roadmapAlignment).toEqual([]);
    expect(includedSlidesText(result)).toBe('title,wins,actionItems');
  });
});

describe('section helpers', () => {
  const draft = assembleQbr(loadData());

  it('round-trips section text', () => {
    const text = sectionText(draft.sections.wins);

    expect(parseSectionText(text, draft.sections.wins)).toEqual(draft.sections.wins);
  });

  it('keeps footnotes only on unchanged lines', () => {
    const edited = withSectionText(
      draft,
      'insights',
      `${draft.sections.insights[1].text}\nUsage grows fastest in the EMEA team`
    );

    expect(edited.sections.insights).toEqual([
      { text: draft.sections.insights[1].text, claims: draft.sections.insights[1].claims },
      { text: 'Usage grows fastest in the EMEA team', claims: [] }
    ]);
    expect(draft.sections.insights).toHaveLength(2);
  });

  it('rejects an unknown section or slide', () => {
    expect(() => withSectionText(draft, 'summary' as 'wins', 'x')).toThrow('Section "summary" is unknown');
    expect(() => withSlideIncluded(draft, 'appendix' as 'wins', true)).toThrow('Slide "appendix" is unknown');
  });

  it('reads included slides and ignores unknown keys', () => {
    expect([...parseIncludedSlides(' wins, ,metrics,old')]).toEqual(['wins', 'metrics']);
  });

  it('formats units and footnotes', () => {
    expect(formatWithUnit(1, 'Cases')).toBe('1 Case');
    expect(formatWithUnit(2.345, 'days')).toBe('2.35 days');
    expect(formatWithUnit(90, '%')).toBe('90%');
    expect(formatWithUnit(null, 'days')).toBe('n/a');
    expect(footnoteOf({ text: 'Logins', value: 10, unit: null, period: null, asOf: null })).toBe(
      'Logins: 10; period not stated; as-of date not stated.'
    );
  });
});

describe('readiness adapters', () => {
  it('rates the assembled QBR', () => {
    const draft = assembleQbr(loadData());

    const input = readinessInputFromQbr(draft);
    const result = scoreReadiness(input);

    expect(input.goals.map((goal) => goal.objectiveOutcome)).toEqual([
      'Raise weekly active use to 80% of seats',
      'Automate month-end reporting'
    ]);
    expect(input.isRenewalAddressed).toBe(true);
    expect(input.isRiskReviewed).toBe(true);
    expect(result.checks.find((check) => check.id === 'actionItemsOwnedAndDated')).toMatchObject({
      points: 8,
      finding: '1 of 2 action items has an owner and a due date.',
      missing: 'Give 1 action item an owner and a due date.'
    });
    expect(result.checks.find((check) => check.id === 'renewalAddressed')?.finding).toBe(
      'Renewal on 2027-03-31 (in 117 days) is addressed.'
    );
    expect(result.score).toBe(93);
    expect(result.band).toBe('ReadyToPresent');
    expect(result.missing).toEqual(['Give 1 action item an owner and a due date.']);
  });

  it('follows the CSM edits of a QBR', () => {
    let draft = assembleQbr(loadData());
    draft = withSectionText(draft, 'nextPeriodGoals', 'Launch the partner portal');
    draft = withSectionText(draft, 'insights', '');
    draft = withSectionText(draft, 'roadmapAlignment', 'Upsell the analytics add-on to the finance team');
    draft = { ...draft, expansionSignals: [], actionItems: [] };

    const input = readinessInputFromQbr(draft);

    expect(input.goals).toEqual([{ text: 'Launch the partner portal', objectiveOutcome: null }]);
    expect(input.insights).toEqual([]);
    expect(input.expansionSignals).toEqual(['Upsell the analytics add-on to the finance team']);
    expect(input.isRenewalAddressed).toBe(false);
    expect(scoreReadiness(input).score).toBe(100 - 15 - 15 - 10 - 5);
  });

  it('rates a success plan with its progress', () => {
    const plan: PlanRecord = {
      id: 'a02000000000001AAA',
      accountId: '001000000000001AAA',
      name: 'Acme adoption plan',
      status: 'Active',
      stage: 'Expansion',
      executiveSponsor: { id: '003000000000001AAA', name: 'Jordan Lee', title: 'CFO' },
      champion: null,
      reviewCadenceDays: 30,
      nextReview: '2026-12-15',
      escalationPath: null,
      startDate: '2026-07-01',
      endDate: '2027-06-30',
      templateName: null,
      objectives: [
        {
          id: 'a03000000000001AAA',
          outcome: 'Cut onboarding time to 10 days',
          successMetric: 'Median onboarding days',
          unit: 'days',
          baseline: 21,
          target: 10,
          currentValue: 9,
          dueDate: '2026-12-31',
          status: 'Achieved',
          capability: 'Guided setup',
          sortOrder: 1
        }
      ],
      milestones: [
        {
          id: 'a04000000000001AAA',
          name: 'Onboarding playbook live',
          objectiveId: 'a03000000000001AAA',
          phase: 'Days30',
          targetDate: '2026-08-01',
          criteria: null,
          criteriaMeasure: null,
          criteriaOperator: null,
          criteriaValue: null,
          completedDate: '2026-07-28',
          completionSource: 'Manual',
          ownerId: null,
          ownerName: 'Dana Reyes',
          sortOrder: 1
        },
        {
          id: 'a04000000000002AAA',
          name: 'Agree the renewal terms',
          objectiveId: null,
          phase: 'Quarter',
          targetDate: '2027-03-01',
          criteria: null,
          criteriaMeasure: null,
          criteriaOperator: null,
          criteriaValue: null,
          completedDate: null,
          completionSource: null,
          ownerId: null,
          ownerName: 'Dana Reyes',
          sortOrder: 2
        }
      ]
    };
    const progress = planProgressOf(plan, '2026-12-04');

    const input = readinessInputFromPlan(plan, {
      asOf: '2026-12-04',
      progress,
      risks: [],
      isRiskReviewed: true,
      customerFeedbackCount: 1,
      renewalDate: '2027-03-31',
      expansionSignals: [],
      insights: ['Onboarding is twice as fast as the segment median.']
    });
    const result = scoreReadiness(input);

    expect(input.kind).toBe('SuccessPlan');
    expect(input.goals).toEqual([
      { text: 'Onboarding playbook live', objectiveOutcome: 'Cut onboarding time to 10 days' },
      { text: 'Agree the renewal terms', objectiveOutcome: null }
    ]);
    expect(input.actionItems).toEqual([
      { subject: 'Agree the renewal terms', ownerName: 'Dana Reyes', dueDate: '2027-03-01' }
    ]);
    expect(input.claims).toEqual([
      {
        text: 'Median onboarding days',
        value: 9,
        unit: 'days',
        period: '2026-07-01 to 2027-06-30',
        asOf: '2026-12-04'
      },
      { text: 'Objectives met', value: 1, unit: 'objectives', period: '2026-07-01 to 2027-06-30', asOf: '2026-12-04' },
      {
        text: 'Milestones completed',
        value: 1,
        unit: 'milestones',
        period: '2026-07-01 to 2027-06-30',
        asOf: '2026-12-04'
      }
    ]);
    expect(input.expansionSignals).toEqual([
      'The plan is in the Expansion stage.',
      'Cut onboarding time to 10 days builds on the owned capability Guided setup.'
    ]);
    expect(result.checks.find((check) => check.id === 'goalsLinkedToObjectives')?.points).toBe(8);
    expect(result.score).toBe(93);
  });

  it('rates a risk plan from its entries', () => {
    const entry = (rule: string, severity: 'Critical' | 'High', actions: RiskPlanEntry['actions']): RiskPlanEntry => ({
      title: rule,
      finding: {
        rule,
        ruleType: 'ScoreDrop',
        category: 'Adoption',
        severity,
        leadingIndicator: 'Score trend',
        evidence: 'Score fell 15 points in 30 days.',
        caseIds: [],
        snapshotDates: ['2026-11-01', '2026-12-01'],
        resolutionCriteria: 'Score at or above 60 on 2 consecutive snapshots.',
        checkInCadenceDays: 7,
        detectedOn: '2026-12-01'
      },
      owner: 'Dana Reyes',
      rung: 'Manager',
      rungDeadline: '2026-12-15',
      nextCheckIn: '2026-12-08',
      actions,
      arrAtRisk: 120000
    });
    const entries = [
      entry('ScoreDrop', 'Critical', [{ subject: 'Call the sponsor', owner: 'Dana Reyes', dueDate: '2026-12-10' }]),
      entry('LoginDrop', 'High', [])
    ];

    const input = readinessInputFromRiskPlan(entries, {
      asOf: '2026-12-04',
      customerObjectives: ['Raise weekly active use to 80% of seats'],
      hasExecutiveSponsor: true,
      customerFeedbackCount: 0,
      renewalDate: null,
      expansionSignals: [],
      insights: [],
      objectiveByRule: { LoginDrop: 'Raise weekly active use to 80% of seats' }
    });
    const result = scoreReadiness(input);

    expect(input.kind).toBe('RiskPlan');
    expect(input.isRiskReviewed).toBe(true);
    expect(input.risks.map((risk) => [risk.title, risk.hasMitigation, risk.rung])).toEqual([
      ['ScoreDrop', true, 'Manager'],
      ['LoginDrop', false, 'Manager']
    ]);
    expect(input.goals.map((goal) => goal.objectiveOutcome)).toEqual([null, 'Raise weekly active use to 80% of seats']);
    expect(input.claims[0]).toMatchObject({ value: 120000, unit: 'USD', period: '2026-11-01 to 2026-12-01' });
    expect(result.score).toBe(100 - 7 - 5 - 10 - 7 - 10);
  });
});

describe('readiness findings', () => {
  function findingsOf(input: Partial<ReadinessInput>): Record<string, string> {
    const result = scoreReadiness({
      kind: 'Qbr',
      customerObjectives: [],
      goals: [],
      actionItems: [],
      claims: [],
      risks: [],
      hasExecutiveSponsor: false,
      customerFeedbackCount: 0,
      insights: [],
      expansionSignals: [],
      renewalDate: null,
      isRiskReviewed: true,
      ...input
    });
    return Object.fromEntries(result.checks.map((check) => [check.id, check.finding]));
  }

  function risk(rung: string | null): ReadinessInput['risks'][number] {
    return { title: 'Score drop', severity: 'High', hasMitigation: true, rung, status: 'Open' };
  }

  it('makes the verb agree with a count of one', () => {
    const findings = findingsOf({
      risks: [risk('CSM')],
      goals: [{ text: 'Raise usage', objectiveOutcome: null }],
      claims: [{ text: 'Cases fell', value: 12, unit: null, period: 'Q3', asOf: null }]
    });

    expect(findings.severeRisksMitigated).toBe('The active critical or high risk has a mitigation and a rung.');
    expect(findings.goalsLinkedToObjectives).toBe('The goal does not serve a customer objective.');
    expect(findings.claimsHaveNumberAndPeriod).toBe('The claim carries a number and its period.');
  });

  it('says none, one or several of a larger set', () => {
    expect(findingsOf({ risks: [risk(null), risk(null)] }).severeRisksMitigated).toBe(
      'None of the 2 active critical or high risks has a mitigation and a rung.'
    );
    expect(findingsOf({ risks: [risk('CSM'), risk(null)] }).severeRisksMitigated).toBe(
      '1 of 2 active critical or high risks has a mitigation and a rung.'
    );
    expect(findingsOf({ risks: [risk('CSM'), risk('CSM'), risk(null)] }).severeRisksMitigated).toBe(
      '2 of 3 active critical or high risks have a mitigation and a rung.'
    );
  });
});

describe('readinessBandOf', () => {
  it.each([101, -1, 84.5, Number.NaN])('rejects %p', (score) => {
    expect(() => readinessBandOf(score)).toThrow('use a whole number from 0 to 100');
  });
});

describe('benchmark helpers', () => {
  it('computes medians and ignores nulls', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([null, 4])).toBe(4);
    expect(medianOf([3, 1, 2, null, Number.NaN])).toBe(2);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
  });

  it('compares with medians computed elsewhere', () => {
    const result = benchmarkFromMedians({ Logins: 50 }, [{ measure: 'Logins', median: 40, peerCount: 5 }], 5, [
      { name: 'Logins', label: 'Logins' },
      { name: 'Missing', label: 'Missing', direction: 'LowerIsBetter' }
    ]);

    expect(result.rows[1]).toMatchObject({ median: null, peerCount: 0, gap: null });
    expect(result.insight).toBe(
      'Compared with the median of 5 peer accounts in the same segment. Ahead: Logins is 50 against a peer median of 40 ' +
        '(10 higher, where higher is better).'
    );
  });
});

describe('benchmark wording', () => {
  it('writes negative medians in their own terms', () => {
    const result = benchmarkFromMedians(
      { LoginChange: -74.19, Seats: 45 },
      [
        { measure: 'LoginChange', median: -5.74, peerCount: 6 },
        { measure: 'Seats', median: 50, peerCount: 6 }
      ],
      6,
      [
        { name: 'LoginChange', label: 'Login Change (28 Days)' },
        { name: 'Seats', label: 'Seat use', unit: '%' }
      ]
    );

    expect(result.insight).toBe(
      'Compared with the median of 6 peer accounts in the same segment. Behind: Login Change (28 Days) is -74.19 ' +
        'against a peer median of -5.74 (68.45 lower, where higher is better).'
    );
    expect(result.insight).not.toContain('% worse');
    expect(result.behindMeasure).toBe('LoginChange');
  });

  it('writes percentage measures in points', () => {
    const row = benchmarkFromMedians({ Seats: 51 }, [{ measure: 'Seats', median: 50, peerCount: 3 }], 3, [
      { name: 'Seats', label: 'Seat use', unit: '%' }
    ]).rows[0];

    expect(describeBenchmarkRow(row)).toBe(
      'Seat use is 51% against a peer median of 50% (1 percentage point higher, where higher is better)'
    );
  });
});

describe('wording helpers', () => {
  it('labels statuses', () => {
    expect(statusLabel('AtRisk')).toBe('At risk');
    expect(statusLabel('NotStarted')).toBe('Not started');
    expect(statusLabel('OnTrack')).toBe('On track');
    expect(statusLabel('Missed')).toBe('Missed');
    expect(statusLabel('WaitingOnCustomer')).toBe('Waiting on customer');
  });

  it('pluralizes on the shown number', () => {
    expect(pluralize(1, 'team')).toBe('1 team');
    expect(pluralize(1.004, 'Case')).toBe('1 Case');
    expect(pluralize(2, 'team')).toBe('2 teams');
    expect(pluralize(0, 'team')).toBe('0 teams');
    expect(formatWithUnit(1.001, 'cases')).toBe('1 case');
    expect(formatWithUnit(-1, 'days')).toBe('-1 day');
  });

  it('labels readiness checks', () => {
    expect(readinessCheckLabel('goalsLinkedToObjectives')).toBe("Goals linked to the customer's objectives");
    expect(readinessCheckLabel('unknownCheck')).toBe('unknownCheck');
    expect(Object.keys(READINESS_CHECK_LABELS).sort()).toEqual(Object.keys(READINESS_CHECK_POINTS).sort());
  });
});

describe('quarters', () => {
  it.each(['2026-Q5', '2026-q4', '26-Q1', '', '0000-Q1'])('rejects quarter %p', (quarter) => {
    expect(() => periodOfQuarter(quarter)).toThrow('write it as YYYY-Qn, like 2026-Q4');
  });

  it('rejects an invalid date', () => {
    expect(() => quarterOf('2026-02-30')).toThrow('is not a calendar date');
  });

  it('lists recent quarters newest first', () => {
    expect(recentQuarters('2026-02-10', 4)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2']);
    expect(() => recentQuarters('2026-02-10', 0)).toThrow('Quarter count 0 is invalid');
  });

  it('names the files', () => {
    expect(qbrFileName('Ça Va Café, Inc.', '2026-Q4')).toBe('ca-va-cafe-inc-qbr-2026-q4.md');
    expect(deckFileName('Acme | Corp', '2026-Q1')).toBe('acme-corp-qbr-2026-q1.pptx');
  });
});

describe('renderQbr', () => {
  const draft = assembleQbr(loadData());
  const markdown = renderQbr(draft);

  it('renders the sections in order', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));

    expect(headings).toEqual([
      '# Acme \\| Corp: business review 2026-Q4',
      '## Health and support',
      '## Adoption',
      '## Wins',
      '## Challenges and how they were resolved',
      '## Roadmap alignment',
      '## Insights',
      '## Next-period goals',
      '## Action items',
      '## Sources'
    ]);
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });

  it('footnotes every number with its as-of date', () => {
    const references = new Set([...markdown.matchAll(/\[\^(\d+)\](?!:)/g)].map((match) => Number(match[1])));
    const definitions = [...markdown.matchAll(/^\[\^(\d+)\]: (.*)$/gm)];

    expect(definitions).toHaveLength(draft.claims.length);
    for (const reference of references) {
      expect(definitions.some((definition) => Number(definition[1]) === reference)).toBe(true);
    }
    for (const definition of definitions) {
      expect(definition[2]).toMatch(/; as of \d{4}-\d{2}-\d{2}\.$/);
    }
    expect(markdown).toContain('| Health score | 74 points[^');
    expect(markdown).toContain('- 12 Cases resolved in 2026-Q4, median resolution 2.5 days[^3][^6]');
  });

  it('escapes text from records and edits', () => {
    const edited = withSectionText(draft, 'wins', 'Fake note [^1] | <b>bold</b> *star*');
    const data = { ...edited, actionItems: [{ subject: 'Fix | split', ownerName: 'A_B', dueDate: null }] };

    const output = renderQbr(data);

    expect(output).toContain('- Fake note \\[^1\\] \\| \\<b\\>bold\\</b\\> \\*star\\*\n');
    expect(output).toContain('| Fix \\| split | A\\_B | not set |');
    expect(output).toContain('- Medium risk: Billing Cases \\| spike');
  });

  it('renders the benchmark table and empty sections', () => {
    const empty = renderQbr(assembleQbr(emptyData()));

    expect(markdown).toContain('| Open high-priority Cases | 1 | 2 | 8 |');
    expect(empty).toContain('## Wins\n\nNone recorded.');
    expect(empty).toContain('## Adoption\n\nNo data for this period.');
    expect(empty).not.toContain('## Sources');
  });
});

describe('buildDeck', () => {
  const draft = assembleQbr(loadData());

  it('orders the slides and fills the agenda', () => {
    const slides = buildDeck(draft);

    expect(slides.map((slide) => slide.key)).toEqual([...SLIDE_KEYS]);
    expect(slides[1].bullets).toEqual(slides.slice(2).map((slide) => slide.title));
    expect(slides[0].title).toBe('Acme | Corp');
  });

  it('drops toggled-off slides', () => {
    const trimmed = withSlideIncluded(withSlideIncluded(draft, 'challenges', false), 'agenda', true);
    const noAgenda = withSlideIncluded(draft, 'agenda', false);

    const slides = buildDeck(trimmed);

    expect(slides.map((slide) => slide.key)).not.toContain('challenges');
    expect(slides[1].bullets).not.toContain('Challenges and how they were resolved');
    expect(buildDeck(noAgenda).map((slide) => slide.key)).not.toContain('agenda');
  });

  it('carries charts, footnotes and tables', () => {
    const slides = buildDeck(draft);
    const metrics = slides.find((slide) => slide.key === 'metrics');
    const actions = slides.find((slide) => slide.key === 'actionItems');

    expect(metrics?.chart).toBe(draft.charts.health);
    expect(metrics?.bullets[0]).toMatch(/^Health score: 74 points \[\d+\]$/);
    expect(metrics?.footnotes[0]).toMatch(/^\[\d+\] Health score: 74 points; period 2026-Q4; as of 2026-11-30\.$/);
    expect(actions?.table).toEqual({
      header: ['Action', 'Owner', 'Due'],
      rows: [
        ['Send the renewal proposal', 'Dana Reyes', '2027-01-15'],
        ['Plan the reporting workshop', 'not set', '2027-01-31']
      ]
    });
  });

  it('marks an empty included slide', () => {
    const data = emptyData();
    const slides = buildDeck(withSlideIncluded(assembleQbr(data), 'wins', true));

    expect(slides.find((slide) => slide.key === 'wins')?.bullets).toEqual(['Nothing recorded for this period.']);
  });
});

interface RecordedCall {
  method: 'addText' | 'addImage' | 'addTable';
  args: unknown[];
}

class FakeSlide implements PptxSlideLike {
  readonly calls: RecordedCall[] = [];

  addText(text: string | PptxTextRun[], options?: PptxTextOptions): PptxSlideLike {
    this.calls.push({ method: 'addText', args: [text, options] });
    return this;
  }

  addImage(options: PptxImageOptions): PptxSlideLike {
    this.calls.push({ method: 'addImage', args: [options] });
    return this;
  }

  addTable(rows: PptxTableCell[][], options?: PptxTextOptions): PptxSlideLike {
    this.calls.push({ method: 'addTable', args: [rows, options] });
    return this;
  }
}

class FakePptx implements PptxLike {
  static last: FakePptx | null = null;
  layout = '';
  title = '';
  author = '';
  readonly slides: FakeSlide[] = [];

  constructor() {
    FakePptx.last = this;
  }

  addSlide(): PptxSlideLike {
    const slide = new FakeSlide();
    this.slides.push(slide);
    return slide;
  }

  write(): Promise<string> {
    return Promise.resolve('');
  }
}

describe('writeDeck', () => {
  const draft = assembleQbr(loadData());

  it('adds titles, bodies, charts and footnotes', () => {
    const slides = buildDeck(draft);

    const pptx = writeDeck(FakePptx, slides, { metrics: PNG_DATA_URL });
    const fake = FakePptx.last as FakePptx;

    expect(pptx).toBe(fake);
    expect(fake.layout).toBe('LAYOUT_WIDE');
    expect(fake.title).toBe('Acme | Corp: business review');
    expect(fake.slides).toHaveLength(slides.length);
    const metricsCalls = fake.slides[SLIDE_KEYS.indexOf('metrics')].calls;
    expect(metricsCalls.map((call) => call.method)).toEqual(['addText', 'addText', 'addImage', 'addText']);
    expect(metricsCalls[0].args[0]).toBe('Health and support');
    expect(metricsCalls[2].args[0]).toMatchObject({ data: PNG_DATA_URL, altText: 'Health score' });
    const actionCalls = fake.slides[SLIDE_KEYS.indexOf('actionItems')].calls;
    expect(actionCalls.map((call) => call.method)).toEqual(['addText', 'addTable']);
    expect(fake.slides[SLIDE_KEYS.indexOf('adoption')].calls.some((call) => call.method === 'addImage')).toBe(false);
  });

  it('rejects a chart image that is not a PNG data URL', () => {
    expect(() => writeDeck(FakePptx, buildDeck(draft), { adoption: 'data:image/jpeg;base64,AAAA' })).toThrow(
      'Chart image of slide adoption is not a PNG data URL'
    );
  });
});
