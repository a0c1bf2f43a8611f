import * as engine from '../adoptionEngine';
import {
  addMonths,
  adoptionUniqueKey,
  diagnoseBarriers,
  monthStart,
  peerPercentOf,
  percentSeries,
  playbookTargetDate,
  recentTriggers,
  splitKeyList,
  sprintTasks,
  trendMonths,
  valueHypothesis
} from '../adoptionEngine';
import type { AdoptionFactRow, BarrierInput, BusinessTriggerRow, SegmentType } from '../adoptionEngine';
import { joinWords, lowerFirst, withoutFullStop } from '../text';

function fact(
  featureKey: string,
  segmentType: SegmentType,
  segment: string,
  month: string,
  adoptionPercent: number | null
): AdoptionFactRow {
  return {
    featureKey,
    segmentType,
    segment,
    month,
    entitledUsers: 10,
    assignedUsers: 10,
    activeUsers: 5,
    triedUsers: 8,
    adoptionPercent,
    trend: 'Stable',
    trendSlope: 0
  };
}

const HEALTHY: BarrierInput = {
  entitled: 100,
  assigned: 90,
  active: 70,
  tried: 80,
  percent: 70,
  target: 60,
  trend: 'Stable',
  availableSince: null,
  asOf: '2025-06-15',
  peerPercent: null
};

describe('constants', () => {
  it('match the adoption rules', () => {
    expect({
      TREND_MONTHS: engine.TREND_MONTHS,
      TREND_DEAD_BAND: engine.TREND_DEAD_BAND,
      ACCESS_ASSIGNED_SHARE: engine.ACCESS_ASSIGNED_SHARE,
      TRAINING_UNTRIED_SHARE: engine.TRAINING_UNTRIED_SHARE,
      UX_RETAINED_SHARE: engine.UX_RETAINED_SHARE,
      AWARENESS_NEW_DAYS: engine.AWARENESS_NEW_DAYS,
      RELEVANCE_PEER_RATIO: engine.RELEVANCE_PEER_RATIO,
      PRIORITY_FLAG_COUNT: engine.PRIORITY_FLAG_COUNT,
      SPRINT_DAYS: engine.SPRINT_DAYS,
      PLAYBOOK_TARGET_DAYS: engine.PLAYBOOK_TARGET_DAYS,
      READY_PERCENT: engine.READY_PERCENT,
      DEVELOPING_PERCENT: engine.DEVELOPING_PERCENT,
      TRIGGER_WINDOW_DAYS: engine.TRIGGER_WINDOW_DAYS,
      EXECUTIVE_PRICE_SHARE: engine.EXECUTIVE_PRICE_SHARE
    }).toEqual({
      TREND_MONTHS: 3,
      TREND_DEAD_BAND: 2,
      ACCESS_ASSIGNED_SHARE: 0.8,
      TRAINING_UNTRIED_SHARE: 0.3,
      UX_RETAINED_SHARE: 0.6,
      AWARENESS_NEW_DAYS: 90,
      RELEVANCE_PEER_RATIO: 0.5,
      PRIORITY_FLAG_COUNT: 3,
      SPRINT_DAYS: 30,
      PLAYBOOK_TARGET_DAYS: 90,
      READY_PERCENT: 80,
      DEVELOPING_PERCENT: 50,
      TRIGGER_WINDOW_DAYS: 180,
      EXECUTIVE_PRICE_SHARE: 0.2
    });
  });

  it('keep every barrier action within the 255 characters of Action__c', () => {
    for (const barrier of engine.BARRIERS) {
      expect(engine.BARRIER_ACTIONS[barrier].length).toBeLessThanOrEqual(255);
    }
  });
});

describe('month helpers', () => {
  it('returns the first day of the month', () => {
    expect(monthStart('2025-05-31')).toBe('2025-05-01');
  });

  it('rejects a malformed date with its value', () => {
    expect(() => monthStart('2025-5-31')).toThrow('date "2025-5-31" is not a date in the form YYYY-MM-DD');
  });

  it('moves across year ends both ways', () => {
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-01');
    expect(addMonths('2024-12-01', 1)).toBe('2025-01-01');
    expect(addMonths('2025-03-01', -14)).toBe('2024-01-01');
    expect(addMonths('2025-03-01', 0)).toBe('2025-03-01');
  });

  it('lists the trend months oldest first', () => {
    expect(trendMonths('2025-02-01')).toEqual(['2024-12-01', '2025-01-01', '2025-02-01']);
  });

  it('adds 90 days for the target date', () => {
    expect(playbookTargetDate('2025-11-15')).toBe('2026-02-13');
  });
});

describe('percentSeries', () => {
  it('fills missing months with null and ignores other segments', () => {
    const facts = [
      fact('Routing', 'All', 'All', '2025-05-01', 40),
      fact('Routing', 'All', 'All', '2025-03-01', 30),
      fact('Routing', 'Department', 'Sales', '2025-04-01', 99),
      fact('Knowledge', 'All', 'All', '2025-04-01', 98),
      fact('Routing', 'All', 'All', '2025-02-01', 97)
    ];

    expect(percentSeries(facts, 'Routing', 'All', 'All', '2025-05-01')).toEqual([30, null, 40]);
  });

  it('keeps the first fact of a month', () => {
    const facts = [
      fact('Routing', 'Role', 'Agent', '2025-05-01', 40),
      fact('Routing', 'Role', 'Agent', '2025-05-01', 10)
    ];

    expect(percentSeries(facts, 'Routing', 'Role', 'Agent', '2025-05-01')).toEqual([null, null, 40]);
  });
});

describe('adoptionUniqueKey', () => {
  it('joins the parts with the month as yyyy-MM', () => {
    expect(adoptionUniqueKey('001A', 'Routing', 'Department', 'Sales', '2025-05-17')).toBe(
      '001A|Routing|Department|Sales|2025-05'
    );
  });
});

describe('diagnoseBarriers', () => {
  it('rejects a malformed as-of date', () => {
    expect(() => diagnoseBarriers({ ...HEALTHY, asOf: '15/06/2025' })).toThrow('asOf "15/06/2025"');
  });

  it('rejects an impossible release date', () => {
    expect(() => diagnoseBarriers({ ...HEALTHY, availableSince: '2025-02-30' })).toThrow(
      'availableSince "2025-02-30" is not a calendar date'
    );
  });

  it('keeps every evidence within the 255 characters of Evidence__c', () => {
    const findings = diagnoseBarriers({
      entitled: 999_999_999,
      assigned: 1,
      active: 0,
      tried: 999_999_999,
      percent: 0.1,
      target: 999,
      trend: 'Declining',
      availableSince: '2025-06-01',
      asOf: '2025-06-15',
      peerPercent: 999.9
    });

    expect(findings).toHaveLength(4);
    for (const finding of findings) {
      expect(finding.evidence.length).toBeLessThanOrEqual(255);
    }
  });
});

describe('peerPercentOf', () => {
  const facts = [
    fact('Routing', 'Department', 'Sales', '2025-05-01', 10),
    fact('Routing', 'Department', 'Service', '2025-05-01', 40),
    fact('Routing', 'Department', 'Finance', '2025-05-01', 20.5),
    fact('Routing', 'Department', 'Legal', '2025-05-01', 31),
    fact('Routing', 'Department', 'Marketing', '2025-05-01', null),
    fact('Routing', 'Department', 'Service', '2025-04-01', 90),
    fact('Routing', 'Role', 'Agent', '2025-05-01', 80),
    fact('Knowledge', 'Department', 'Service', '2025-05-01', 70)
  ];

  it('takes the middle of an odd number of peers', () => {
    expect(peerPercentOf(facts, 'Routing', 'Department', 'Sales', '2025-05-01')).toBe(31);
  });

  it('averages the middle two of an even number of peers', () => {
    expect(peerPercentOf(facts, 'Routing', 'Department', 'Marketing', '2025-05-01')).toBe(25.75);
  });

  it('returns null without peers', () => {
    expect(peerPercentOf(facts, 'Routing', 'Role', 'Agent', '2025-05-01')).toBeNull();
    expect(peerPercentOf(facts, 'Routing', 'Department', 'Sales', '2025-03-01')).toBeNull();
  });

  it('returns null for the whole account', () => {
    expect(
      peerPercentOf([fact('Routing', 'All', 'All', '2025-05-01', 50)], 'Routing', 'All', 'Other', '2025-05-01')
    ).toBeNull();
  });
});

describe('sprintTasks', () => {
  it('rejects a malformed start date', () => {
    expect(() => sprintTasks([], [], '2025-06-31', 'Case Routing', 'All users')).toThrow(
      'start "2025-06-31" is not a calendar date'
    );
  });

  it('drops the fraction of a day offset', () => {
    const tasks = sprintTasks(
      [{ barrier: 'UX', action: null }],
      [{ barrier: 'UX', dayOffset: 1.9, subject: 'Interview', description: null, sortOrder: 1 }],
      '2025-06-02',
      'Case Routing',
      'All users'
    );

    expect(tasks.map((task) => task.dueDate)).toEqual(['2025-06-03']);
  });
});

describe('splitKeyList', () => {
  it('trims, drops blanks and repeats, and keeps the order', () => {
    expect(splitKeyList(' Routing, Knowledge,,Routing , Macros ')).toEqual(['Routing', 'Knowledge', 'Macros']);
  });

  it('returns an empty list for null and blank text', () => {
    expect(splitKeyList(null)).toEqual([]);
    expect(splitKeyList('  ')).toEqual([]);
  });
});

describe('recentTriggers', () => {
  const triggers: BusinessTriggerRow[] = [
    { type: 'Merger', occurredOn: '2024-12-17', description: '180 days before' },
    { type: 'Funding', occurredOn: '2024-12-16', description: '181 days before' },
    { type: 'Other', occurredOn: null, description: 'no date' },
    { type: 'HeadcountGrowth', occurredOn: '2025-06-15', description: 'on the as-of date' },
    { type: 'Acquisition', occurredOn: '2025-06-16', description: 'after the as-of date' },
    { type: 'LeadershipChange', occurredOn: '2025-03-01', description: 'in between' }
  ];

  it('keeps 0 to 180 days before the as-of date, latest first', () => {
    expect(recentTriggers(triggers, '2025-06-15').map((trigger) => trigger.description)).toEqual([
      'on the as-of date',
      'in between',
      '180 days before'
    ]);
  });

  it('names the trigger with a malformed date', () => {
    expect(() =>
      recentTriggers([{ type: 'Other', occurredOn: '2025-13-01', description: null }], '2025-06-15')
    ).toThrow('triggers[0].occurredOn "2025-13-01"');
  });
});

describe('valueHypothesis', () => {
  it('keeps an acronym at the start of the value statement', () => {
    const result = valueHypothesis({
      customer: 'Acme',
      product: {
        productCode: 'CTI',
        productName: 'Phone Integration',
        prerequisiteFeatures: [],
        requiredProducts: [],
        valueStatement: 'CTI pops the caller record.',
        isActive: true
      },
      cell: {
        productCode: 'CTI',
        productName: 'Phone Integration',
        status: 'Ready',
        readiness: 100,
        reason: 'It has no prerequisite features.',
        prerequisites: [],
        missingProducts: [],
        missingProductNames: []
      },
      featureLabels: {},
      trigger: null,
      champion: null
    });

    expect(result.hypothesis.startsWith('For Acme, Phone Integration CTI pops the caller record.')).toBe(true);
  });
});

describe('text helpers', () => {
  it('joins words as a sentence list', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b'])).toBe('a and b');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('lower-cases the first letter unless an acronym starts the text', () => {
    expect(lowerFirst('Cuts time')).toBe('cuts time');
    expect(lowerFirst('SLA timers')).toBe('SLA timers');
    expect(lowerFirst('A')).toBe('a');
    expect(lowerFirst('')).toBe('');
  });

  it('drops the full stops at the end', () => {
    expect(withoutFullStop('  Cuts time...  ')).toBe('Cuts time');
  });
});
