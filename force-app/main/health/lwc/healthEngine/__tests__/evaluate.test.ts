import { evaluateAccount, scoreHistory } from '../evaluate';
import type { AccountSignals, DimensionDefinition, HealthModel, MeasureDefinition } from '../types';

/** Builds a linear measure; every field can be overridden. */
function linearMeasure(name: string, overrides: Partial<MeasureDefinition> = {}): MeasureDefinition {
  return {
    name,
    label: name,
    signal: 'Logins',
    windowDays: 30,
    direction: 'HigherIsBetter',
    curve: 'Linear',
    lowerThreshold: 0,
    upperThreshold: 100,
    bands: [],
    missingData: 'Neutral',
    isCritical: false,
    weight: 1,
    ...overrides
  };
}

function dimension(name: string, weight: number, measures: MeasureDefinition[]): DimensionDefinition {
  return { name, label: name, weight, measures };
}

/** Builds a valid model with the engine's usual limits: green 70, yellow 40, cap 39. */
function healthModel(dimensions: DimensionDefinition[], overrides: Partial<HealthModel> = {}): HealthModel {
  return {
    name: 'TestModel',
    label: 'Test model',
    version: 1,
    segment: null,
    greenMin: 70,
    yellowMin: 40,
    neutralScore: 50,
    minimumCoverage: 0.5,
    criticalCapScore: 39,
    trendWindowDays: 28,
    trendDeadBand: 1,
    dimensions,
    ...overrides
  };
}

/** Builds an account with no facts at all. */
function emptyAccount(overrides: Partial<AccountSignals> = {}): AccountSignals {
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

const AS_OF = '2025-06-30';

function usageAccount(logins: number): AccountSignals {
  return emptyAccount({ usage: [{ date: AS_OF, activeUsers: 1, logins }] });
}

describe('evaluateAccount', () => {
  it('rejects an invalid model', () => {
    const model = healthModel([dimension('Adoption', 1, [linearMeasure('Logins', { upperThreshold: null })])]);

    expect(() => evaluateAccount(model, usageAccount(10), { asOf: AS_OF })).toThrow(
      'dimensions[0].measures[0].upperThreshold: Adoption/Logins: upperThreshold'
    );
  });

  it('rejects a malformed as-of date', () => {
    const model = healthModel([dimension('Adoption', 1, [linearMeasure('Logins')])]);

    expect(() => evaluateAccount(model, usageAccount(10), { asOf: '30/06/2025' })).toThrow('options.asOf');
  });

  it('copies the identity fields', () => {
    const model = healthModel([dimension('Adoption', 1, [linearMeasure('Logins')])], { name: 'Named', version: 7 });

    const health = evaluateAccount(model, usageAccount(10), { asOf: AS_OF });

    expect(health.accountId).toBe('001TEST');
    expect(health.accountName).toBe('Test account');
    expect(health.asOf).toBe(AS_OF);
    expect(health.modelName).toBe('Named');
    expect(health.modelVersion).toBe(7);
  });

  it('keeps model order in the ledger', () => {
    const model = healthModel([
      dimension('Zulu', 1, [linearMeasure('Z2'), linearMeasure('Z1')]),
      dimension('Alpha', 1, [linearMeasure('A1')])
    ]);

    const health = evaluateAccount(model, usageAccount(10), { asOf: AS_OF });

    expect(health.ledger.map((entry) => entry.measure)).toEqual(['Z2', 'Z1', 'A1']);
    expect(health.dimensions.map((result) => result.name)).toEqual(['Zulu', 'Alpha']);
  });

  it('sums effective weights to 1', () => {
    const model = healthModel([
      dimension('Adoption', 3, [linearMeasure('Logins', { weight: 2 }), linearMeasure('Logins7', { windowDays: 7 })]),
      dimension('Sentiment', 2, [linearMeasure('Nps', { signal: 'Nps', missingData: 'Exclude' })])
    ]);

    const health = evaluateAccount(model, usageAccount(10), { asOf: AS_OF });
    const total = health.ledger.reduce((sum, entry) => sum + entry.weight, 0);

    expect(total).toBeCloseTo(1, 3);
  });

  it('does not flag a cap that changes nothing', () => {
    const model = healthModel([
      dimension('Adoption', 1, [linearMeasure('Logins', { isCritical: true, lowerThreshold: 0, upperThreshold: 100 })])
    ]);

    const health = evaluateAccount(model, usageAccount(39), { asOf: AS_OF });

    expect(health.score).toBe(39);
    expect(health.cappedBy).toEqual(['Logins']);
    expect(health.isCapped).toBe(false);
  });

  it('clamps override values', () => {
    const model = healthModel([dimension('Adoption', 1, [linearMeasure('Logins')])]);
    const overrides = [
      { id: 'high', measure: 'Logins', value: 150, reason: 'typo', expiresOn: AS_OF },
      { id: 'low', measure: null, value: -20, reason: 'typo', expiresOn: AS_OF }
    ];

    const health = evaluateAccount(model, usageAccount(10), { asOf: AS_OF, overrides });

    expect(health.ledger[0].score).toBe(100);
    expect(health.uncappedScore).toBe(100);
    expect(health.score).toBe(0);
  });

  it('ignores overrides of unweighted measures', () => {
    const model = healthModel([
      dimension('Adoption', 1, [linearMeasure('Logins'), linearMeasure('Watched', { weight: 0 })])
    ]);
    const overrides = [{ id: 'w', measure: 'Watched', value: 0, reason: 'test', expiresOn: AS_OF }];

    const health = evaluateAccount(model, usageAccount(10), { asOf: AS_OF, overrides });

    expect(health.ledger[1].overrideId).toBeNull();
    expect(health.ledger[1].score).toBeNull();
    expect(health.score).toBe(10);
  });

  it('reports an overall override with no data', () => {
    const model = healthModel([dimension('Adoption', 1, [linearMeasure('Logins', { missingData: 'Exclude' })])]);
    const overrides = [{ id: 'all', measure: null, value: 80, reason: 'kickoff', expiresOn: AS_OF }];

    const health = evaluateAccount(model, emptyAccount(), { asOf: AS_OF, overrides });

    expect(health.score).toBe(80);
    expect(health.uncappedScore).toBeNull();
    expect(health.band).toBe('Insufficient');
    expect(health.overallOverrideId).toBe('all');
  });

  it('rejects an override without a number', () => {
    const model = healthModel([dimension('Adoption', 1, [linearMeasure('Logins')])]);
    const overrides = [{ id: 'bad', measure: 'Logins', value: Number.NaN, reason: 'x', expiresOn: AS_OF }];

    expect(() => evaluateAccount(model, usageAccount(10), { asOf: AS_OF, overrides })).toThrow('id bad');
  });

  it('reuses facts across as-of dates', () => {
    const model = healthModel([
      dimension('Adoption', 1, [
        linearMeasure('Logins'),
        linearMeasure('Change', { signal: 'LoginChange', windowDays: 7 })
      ])
    ]);
    const usage = Array.from({ length: 60 }, (_, day) => ({
      date: `2025-0${day < 30 ? 5 : 6}-${String((day % 30) + 1).padStart(2, '0')}`,
      activeUsers: 1,
      logins: day % 7
    }));
    const shared = emptyAccount({ usage });
    const dates = ['2025-06-30', '2025-06-10', '2025-06-20'];

    for (const asOf of dates) {
      const reused = evaluateAccount(model, shared, { asOf });
      const fresh = evaluateAccount(model, emptyAccount({ usage: usage.map((row) => ({ ...row })) }), { asOf });
      expect(reused).toEqual(fresh);
    }
  });

  it('fits the trend from the history option', () => {
    const model = healthModel([dimension('Adoption', 1, [linearMeasure('Logins')])]);

    const health = evaluateAccount(model, usageAccount(70), {
      asOf: AS_OF,
      history: [{ asOf: '2025-06-23', score: 63 }]
    });

    expect(health.trend).toEqual({ slopePerWeek: 7, direction: 'Improving', points: 2 });
  });
});

describe('scoreHistory', () => {
  const model = healthModel([
    dimension('Adoption', 2, [
      linearMeasure('Logins'),
      linearMeasure('Change', { signal: 'LoginChange', windowDays: 7 })
    ]),
    dimension('Support', 1, [
      linearMeasure('OpenCases', { signal: 'OpenCases', direction: 'LowerIsBetter', isCritical: true })
    ])
  ]);
  const signals = emptyAccount({
    usage: Array.from({ length: 40 }, (_, day) => ({
      date: `2025-06-${String((day % 30) + 1).padStart(2, '0')}`,
      activeUsers: 1,
      logins: (day * 7) % 11
    })),
    cases: [
      {
        id: 'c1',
        createdDate: '2025-06-10',
        closedDate: '2025-06-20',
        isEscalated: false,
        priorityWeight: 1,
        isHighPriority: true
      }
    ]
  });

  it('matches evaluateAccount scores', () => {
    const dates = ['2025-06-05', '2025-06-15', '2025-06-25'];
    const overrides = [{ id: 'o1', measure: 'Logins', value: 95, reason: 'test', expiresOn: '2025-06-15' }];

    const points = scoreHistory(model, signals, dates, overrides);

    expect(points.map((point) => point.asOf)).toEqual(dates);
    for (const point of points) {
      const health = evaluateAccount(model, signals, { asOf: point.asOf, overrides });
      expect(point.score).toBe(health.score);
      expect(point.modelVersion).toBe(1);
    }
  });

  it('leaves out unscored dates', () => {
    const excluded = healthModel([dimension('Adoption', 1, [linearMeasure('Logins', { missingData: 'Exclude' })])]);

    expect(scoreHistory(excluded, emptyAccount(), ['2025-06-01'])).toEqual([]);
  });

  it('names a bad date', () => {
    expect(() => scoreHistory(model, signals, ['2025-06-01', '2025-6-2'])).toThrow('asOfDates[1]');
  });
});
