import { classifyNpsResponse, computeSignal } from '../signals';
import type { AccountSignals, CaseFact, SignalName } from '../types';

const AS_OF = '2025-06-30';

function account(overrides: Partial<AccountSignals> = {}): AccountSignals {
  return {
    accountId: '001TEST',
    accountName: 'Test account',
    attributes: {},
    licensedSeats: null,
    usage: null,
    cases: null,
    activities: null,
    hasExecutiveSponsor: false,
    hasChampion: false,
    feedback: null,
    objectives: null,
    renewalDate: null,
    daysPastDue: null,
    ...overrides
  };
}

function openCase(id: string, createdDate: string, closedDate: string | null, extra: Partial<CaseFact> = {}): CaseFact {
  return { id, createdDate, closedDate, isEscalated: false, priorityWeight: 1, isHighPriority: false, ...extra };
}

describe('computeSignal usage', () => {
  const usage = [
    { date: '2025-06-20', activeUsers: 8, logins: 40 },
    { date: '2025-06-21', activeUsers: 2, logins: 3 },
    { date: '2025-06-30', activeUsers: 3, logins: 0 },
    { date: '2025-06-30', activeUsers: 1, logins: 2 }
  ];

  it('is null without usage', () => {
    const signals = account({ licensedSeats: 10 });

    for (const signal of ['LicenseUtilization', 'ActiveDayShare', 'AverageDailyActiveUsers', 'Logins', 'LoginChange']) {
      expect(computeSignal(signal as SignalName, signals, 10, AS_OF)).toBeNull();
    }
  });

  it('excludes the day W days back', () => {
    const signals = account({ usage });

    expect(computeSignal('Logins', signals, 10, AS_OF)).toBe(5);
    expect(computeSignal('Logins', signals, 11, AS_OF)).toBe(45);
  });

  it('merges rows of the same day', () => {
    const signals = account({ usage, licensedSeats: 8 });

    expect(computeSignal('LicenseUtilization', signals, 10, AS_OF)).toBe(50);
    expect(computeSignal('ActiveDayShare', signals, 10, AS_OF)).toBe(20);
    expect(computeSignal('AverageDailyActiveUsers', signals, 10, AS_OF)).toBeCloseTo(0.6, 10);
  });

  it('treats unknown or zero seats as no data', () => {
    expect(computeSignal('LicenseUtilization', account({ usage, licensedSeats: 0 }), 10, AS_OF)).toBeNull();
    expect(computeSignal('LicenseUtilization', account({ usage, licensedSeats: null }), 10, AS_OF)).toBeNull();
  });

  it('counts days without rows as zero', () => {
    const signals = account({ usage: [], licensedSeats: 5 });

    expect(computeSignal('Logins', signals, 30, AS_OF)).toBe(0);
    expect(computeSignal('ActiveDayShare', signals, 30, AS_OF)).toBe(0);
    expect(computeSignal('LicenseUtilization', signals, 30, AS_OF)).toBe(0);
  });

  it('compares logins with the prior window', () => {
    const signals = account({
      usage: [
        { date: '2025-06-16', activeUsers: 1, logins: 99 },
        { date: '2025-06-17', activeUsers: 1, logins: 4 },
        { date: '2025-06-24', activeUsers: 1, logins: 6 }
      ]
    });

    expect(computeSignal('LoginChange', signals, 7, AS_OF)).toBe(50);
    expect(computeSignal('LoginChange', signals, 7, '2025-06-16')).toBeNull();
  });

  it('ignores the order of rows', () => {
    const sorted = account({ usage });
    const reversed = account({ usage: [...usage].reverse() });

    expect(computeSignal('LoginChange', reversed, 5, AS_OF)).toBe(computeSignal('LoginChange', sorted, 5, AS_OF));
    expect(computeSignal('Logins', reversed, 10, AS_OF)).toBe(5);
  });

  it('sees a replaced usage array', () => {
    const signals = account({ usage });
    expect(computeSignal('Logins', signals, 10, AS_OF)).toBe(5);

    signals.usage = [{ date: AS_OF, activeUsers: 1, logins: 11 }];

    expect(computeSignal('Logins', signals, 10, AS_OF)).toBe(11);
  });
});

describe('computeSignal cases', () => {
  const cases = [
    openCase('open-high', '2025-06-01', null, { isHighPriority: true, priorityWeight: 3, isEscalated: true }),
    openCase('closed-on-as-of', '2025-05-01', AS_OF),
    openCase('closed-later', '2025-06-20', '2025-07-05', { priorityWeight: 2 }),
    openCase('future', '2025-07-01', null, { isEscalated: true }),
    openCase('old-escalated', '2025-05-31', '2025-06-02', { isEscalated: true })
  ];
  const signals = account({ cases });

  it('counts cases open on the as-of date', () => {
    expect(computeSignal('OpenCases', signals, 30, AS_OF)).toBe(2);
    expect(computeSignal('OpenHighPriorityCases', signals, 30, AS_OF)).toBe(1);
    expect(computeSignal('WeightedOpenCases', signals, 30, AS_OF)).toBe(5);
  });

  it('counts cases created in the window', () => {
    expect(computeSignal('CasesCreated', signals, 30, AS_OF)).toBe(2);
    expect(computeSignal('EscalatedCases', signals, 30, AS_OF)).toBe(1);
    expect(computeSignal('EscalatedCases', signals, 31, AS_OF)).toBe(2);
  });

  it('averages the age of open cases', () => {
    expect(computeSignal('AverageOpenCaseAgeDays', signals, 30, AS_OF)).toBe(19.5);
    expect(computeSignal('AverageOpenCaseAgeDays', account({ cases: [] }), 30, AS_OF)).toBe(0);
  });

  it('is null without cases', () => {
    expect(computeSignal('OpenCases', account(), 30, AS_OF)).toBeNull();
    expect(computeSignal('AverageOpenCaseAgeDays', account(), 30, AS_OF)).toBeNull();
  });
});

describe('computeSignal activities', () => {
  const activities = [
    { date: '2025-06-10', contactRole: 'ExecutiveSponsor' as const },
    { date: '2025-06-25', contactRole: 'Champion' as const },
    { date: '2025-07-02', contactRole: 'ExecutiveSponsor' as const },
    { date: '2025-05-31', contactRole: 'Other' as const }
  ];

  it('measures days since the latest sponsor activity', () => {
    const signals = account({ activities, hasExecutiveSponsor: true, hasChampion: true });

    expect(computeSignal('DaysSinceSponsorActivity', signals, 60, AS_OF)).toBe(20);
    expect(computeSignal('DaysSinceChampionActivity', signals, 60, AS_OF)).toBe(5);
  });

  it('uses the window length when none is in it', () => {
    const signals = account({ activities, hasExecutiveSponsor: true });

    expect(computeSignal('DaysSinceSponsorActivity', signals, 20, AS_OF)).toBe(20);
    expect(computeSignal('DaysSinceSponsorActivity', signals, 21, AS_OF)).toBe(20);
    expect(computeSignal('DaysSinceSponsorActivity', signals, 10, AS_OF)).toBe(10);
  });

  it('is null without the contact', () => {
    const signals = account({ activities, hasExecutiveSponsor: false, hasChampion: false });

    expect(computeSignal('DaysSinceSponsorActivity', signals, 30, AS_OF)).toBeNull();
    expect(computeSignal('DaysSinceChampionActivity', signals, 30, AS_OF)).toBeNull();
  });

  it('counts activities of every role', () => {
    expect(computeSignal('ActivityCount', account({ activities }), 30, AS_OF)).toBe(2);
    expect(computeSignal('ActivityCount', account({ activities }), 31, AS_OF)).toBe(3);
    expect(computeSignal('ActivityCount', account(), 30, AS_OF)).toBeNull();
  });
});

describe('computeSignal feedback', () => {
  it('classifies NPS responses', () => {
    const table: [number, number][] = [
      [10, 1],
      [9, 1],
      [8.5, 0],
      [7, 0],
      [6.5, -1],
      [0, -1],
      [100, 1],
      [-100, -1]
    ];

    for (const [score, expected] of table) {
      expect(classifyNpsResponse(score)).toBe(expected);
    }
  });

  it('computes NPS over the window', () => {
    const feedback = [
      { date: '2025-06-30', type: 'Nps' as const, score: 10 },
      { date: '2025-06-29', type: 'Nps' as const, score: 3 },
      { date: '2025-06-28', type: 'Nps' as const, score: 100 },
      { date: '2025-06-27', type: 'Nps' as const, score: 8 },
      { date: '2025-06-20', type: 'Nps' as const, score: -100 }
    ];

    expect(computeSignal('Nps', account({ feedback }), 10, AS_OF)).toBe(25);
    expect(computeSignal('Nps', account({ feedback }), 11, AS_OF)).toBe(0);
  });

  it('averages CSAT and pulse separately', () => {
    const feedback = [
      { date: '2025-06-30', type: 'Csat' as const, score: 70 },
      { date: '2025-06-29', type: 'Csat' as const, score: 90 },
      { date: '2025-06-29', type: 'CsmPulse' as const, score: 30 }
    ];

    expect(computeSignal('Csat', account({ feedback }), 7, AS_OF)).toBe(80);
    expect(computeSignal('CsmPulse', account({ feedback }), 7, AS_OF)).toBe(30);
    expect(computeSignal('Nps', account({ feedback }), 7, AS_OF)).toBeNull();
  });
});

describe('computeSignal account fields', () => {
  it('computes the objectives met share', () => {
    expect(computeSignal('ObjectivesMetShare', account({ objectives: { total: 8, met: 2 } }), 1, AS_OF)).toBe(25);
    expect(computeSignal('ObjectivesMetShare', account({ objectives: { total: 0, met: 0 } }), 1, AS_OF)).toBeNull();
  });

  it('counts days to renewal across months', () => {
    expect(computeSignal('DaysToRenewal', account({ renewalDate: '2025-09-28' }), 1, AS_OF)).toBe(90);
    expect(computeSignal('DaysToRenewal', account({ renewalDate: '2025-06-20' }), 1, AS_OF)).toBe(-10);
    expect(computeSignal('DaysToRenewal', account(), 1, AS_OF)).toBeNull();
  });

  it('passes days past due through', () => {
    expect(computeSignal('DaysPastDue', account({ daysPastDue: 12 }), 1, AS_OF)).toBe(12);
    expect(computeSignal('DaysPastDue', account({ daysPastDue: 0 }), 1, AS_OF)).toBe(0);
  });
});

describe('computeSignal errors', () => {
  it('rejects an unknown signal', () => {
    expect(() => computeSignal('PageViews' as SignalName, account(), 30, AS_OF)).toThrow('Unknown signal "PageViews"');
  });

  it('rejects a bad window', () => {
    expect(() => computeSignal('Logins', account(), 0, AS_OF)).toThrow('Window of 0 days');
    expect(() => computeSignal('Logins', account(), 2.5, AS_OF)).toThrow('Window of 2.5 days');
  });

  it('names the account and row of a bad date', () => {
    const signals = account({ usage: [{ date: '2025-02-30', activeUsers: 1, logins: 1 }] });

    expect(() => computeSignal('Logins', signals, 30, AS_OF)).toThrow('usage[0].date of account 001TEST');
  });

  it('rejects a non-numeric fact', () => {
    const signals = account({ usage: [{ date: AS_OF, activeUsers: 1, logins: Number.NaN }] });

    expect(() => computeSignal('Logins', signals, 30, AS_OF)).toThrow('usage[0].logins of account 001TEST');
  });
});
