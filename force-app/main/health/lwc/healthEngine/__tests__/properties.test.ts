import fc from 'fast-check';
import { formatIsoDate, parseIsoDate } from '../dates';
import { evaluateAccount } from '../evaluate';
import { validateModel } from '../validate';
import type {
  AccountSignals,
  Direction,
  HealthModel,
  MeasureDefinition,
  MissingDataPolicy,
  SignalName
} from '../types';

const AS_OF = '2025-06-30';
const AS_OF_DAY = parseIsoDate(AS_OF);

/**
 * Signals whose raw value the generator sets directly, each from its own source, so changing one measure's raw value
 * changes no other measure. The domain keeps every raw value one the source can produce.
 */
const SOURCES: { signal: SignalName; min: number; max: number }[] = [
  { signal: 'Logins', min: 0, max: 500 },
  { signal: 'DaysPastDue', min: 0, max: 200 },
  { signal: 'ObjectivesMetShare', min: 0, max: 100 },
  { signal: 'DaysToRenewal', min: -200, max: 400 },
  { signal: 'OpenCases', min: 0, max: 12 },
  { signal: 'Csat', min: 0, max: 100 },
  { signal: 'CsmPulse', min: 0, max: 100 },
  { signal: 'ActivityCount', min: 0, max: 12 }
];

type RawValues = Partial<Record<SignalName, number | null>>;

/** Builds account facts that produce exactly the given raw values (null means the source is absent). */
function accountFor(raw: RawValues): AccountSignals {
  const feedback = [
    ...(raw.Csat == null ? [] : [{ date: AS_OF, type: 'Csat' as const, score: raw.Csat }]),
    ...(raw.CsmPulse == null ? [] : [{ date: AS_OF, type: 'CsmPulse' as const, score: raw.CsmPulse }])
  ];
  return {
    accountId: '001PROP',
    accountName: 'Property account',
    attributes: {},
    licensedSeats: null,
    usage: raw.Logins == null ? null : [{ date: AS_OF, activeUsers: 1, logins: raw.Logins }],
    cases:
      raw.OpenCases == null
        ? null
        : Array.from({ length: raw.OpenCases }, (_, index) => ({
            id: `case${index}`,
            createdDate: '2025-06-01',
            closedDate: null,
            isEscalated: false,
            priorityWeight: 1,
            isHighPriority: false
          })),
    activities:
      raw.ActivityCount == null
        ? null
        : Array.from({ length: raw.ActivityCount }, () => ({ date: AS_OF, contactRole: 'Other' as const })),
    hasExecutiveSponsor: false,
    hasChampion: false,
    feedback: feedback.length > 0 ? feedback : null,
    objectives: raw.ObjectivesMetShare == null ? null : { total: 100, met: raw.ObjectivesMetShare },
    renewalDate: raw.DaysToRenewal == null ? null : formatIsoDate(AS_OF_DAY + raw.DaysToRenewal),
    daysPastDue: raw.DaysPastDue ?? null
  };
}

const directionArb = fc.constantFrom<Direction>('HigherIsBetter', 'LowerIsBetter');
const policyArb = fc.constantFrom<MissingDataPolicy>('Neutral', 'Redistribute', 'Zero', 'Exclude');

function measureArb(signal: SignalName, index: number): fc.Arbitrary<MeasureDefinition> {
  const common = fc.record({
    direction: directionArb,
    missingData: policyArb,
    isCritical: fc.boolean(),
    weight: fc.integer({ min: 0, max: 5 })
  });
  const linear = fc.record({ lower: fc.integer({ min: -100, max: 300 }), span: fc.integer({ min: 1, max: 300 }) });
  const bands = fc.record({
    mins: fc.uniqueArray(fc.integer({ min: -100, max: 300 }), { minLength: 1, maxLength: 4 }),
    scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 })
  });
  return fc.tuple(common, fc.oneof(linear, bands)).map(([base, curve]) => {
    const measure: MeasureDefinition = {
      name: `M${index}${signal}`,
      label: signal,
      signal,
      windowDays: 30,
      direction: base.direction,
      curve: 'Linear',
      lowerThreshold: null,
      upperThreshold: null,
      bands: [],
      missingData: base.missingData,
      isCritical: base.isCritical,
      weight: base.weight
    };
    if ('span' in curve) {
      return { ...measure, lowerThreshold: curve.lower, upperThreshold: curve.lower + curve.span };
    }
    const mins = [...curve.mins].sort((left, right) => left - right);
    const ascending = curve.scores.slice(0, mins.length).sort((left, right) => left - right);
    const scores = base.direction === 'HigherIsBetter' ? ascending : ascending.reverse();
    return { ...measure, curve: 'Bands', bands: mins.map((min, step) => ({ min, score: scores[step] })) };
  });
}

/** A valid random model over distinct sources, with raw values (some missing) for one account. */
const scenarioArb = fc
  .shuffledSubarray(SOURCES, { minLength: 1, maxLength: SOURCES.length })
  .chain((sources) =>
    fc.record({
      measures: fc.tuple(...sources.map((source, index) => measureArb(source.signal, index))),
      dimensionOf: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: sources.length, maxLength: sources.length }),
      dimensionWeights: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
      raw: fc.tuple(
        ...sources.map((source) => fc.option(fc.integer({ min: source.min, max: source.max }), { nil: null }))
      ),
      yellowMin: fc.integer({ min: 0, max: 90 }),
      greenGap: fc.integer({ min: 1, max: 10 }),
      neutralScore: fc.integer({ min: 0, max: 100 }),
      minimumCoverage: fc.double({ min: 0, max: 1, noNaN: true }),
      criticalCapScore: fc.integer({ min: 0, max: 100 }),
      sources: fc.constant(sources)
    })
  )
  .map((input) => {
    const dimensions = [0, 1, 2]
      .map((slot) => ({
        name: `D${slot}`,
        label: `D${slot}`,
        weight: input.dimensionWeights[slot],
        measures: input.measures.filter((_, index) => input.dimensionOf[index] === slot)
      }))
      .filter((dimension) => dimension.measures.length > 0);
    for (const dimension of dimensions) {
      if (dimension.measures.every((measure) => measure.weight === 0)) {
        dimension.measures[0] = { ...dimension.measures[0], weight: 1 };
      }
    }
    if (dimensions.every((dimension) => dimension.weight === 0)) {
      dimensions[0].weight = 1;
    }
    const model: HealthModel = {
      name: 'PropertyModel',
      label: 'Property model',
      version: 1,
      segment: null,
      greenMin: Math.min(100, input.yellowMin + input.greenGap),
      yellowMin: input.yellowMin,
      neutralScore: input.neutralScore,
      minimumCoverage: input.minimumCoverage,
      criticalCapScore: input.criticalCapScore,
      trendWindowDays: 28,
      trendDeadBand: 1,
      dimensions
    };
    const raw: RawValues = {};
    input.sources.forEach((source, index) => {
      raw[source.signal] = input.raw[index];
    });
    return { model, raw, sources: input.sources };
  });

describe('engine properties', () => {
  it('generates valid models', () => {
    fc.assert(
      fc.property(scenarioArb, ({ model }) => {
        expect(validateModel(model)).toEqual([]);
      }),
      { numRuns: 200 }
    );
  });

  it('keeps score and coverage in range', () => {
    fc.assert(
      fc.property(scenarioArb, ({ model, raw }) => {
        const health = evaluateAccount(model, accountFor(raw), { asOf: AS_OF });
        const score = health.score ?? 0;

        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(health.coverage).toBeGreaterThanOrEqual(0);
        expect(health.coverage).toBeLessThanOrEqual(1);
        for (const dimension of health.dimensions) {
          expect(dimension.coverage).toBeGreaterThanOrEqual(0);
          expect(dimension.coverage).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 400 }
    );
  });

  it('sums effective weights to 1', () => {
    fc.assert(
      fc.property(scenarioArb, ({ model, raw }) => {
        const health = evaluateAccount(model, accountFor(raw), { asOf: AS_OF });
        const total = health.ledger.reduce((sum, entry) => sum + entry.weight, 0);
        const expectedTotal = health.uncappedScore === null ? 0 : 1;

        expect(Math.abs(total - expectedTotal)).toBeLessThanOrEqual(0.001);
      }),
      { numRuns: 400 }
    );
  });

  it('never drops when one measure improves', () => {
    const improvement = scenarioArb.chain((scenario) =>
      fc.record({
        scenario: fc.constant(scenario),
        pick: fc.nat({ max: scenario.sources.length - 1 }),
        step: fc.integer({ min: 1, max: 150 })
      })
    );
    fc.assert(
      fc.property(improvement, ({ scenario, pick, step }) => {
        const source = scenario.sources[pick];
        const before = scenario.raw[source.signal];
        fc.pre(before !== null && before !== undefined);
        const measure = scenario.model.dimensions
          .flatMap((dimension) => dimension.measures)
          .find((candidate) => candidate.signal === source.signal) as MeasureDefinition;
        const moved = measure.direction === 'HigherIsBetter' ? (before as number) + step : (before as number) - step;
        const after = Math.min(source.max, Math.max(source.min, moved));

        const worse = evaluateAccount(scenario.model, accountFor(scenario.raw), { asOf: AS_OF });
        const better = evaluateAccount(scenario.model, accountFor({ ...scenario.raw, [source.signal]: after }), {
          asOf: AS_OF
        });

        expect(better.uncappedScore === null).toBe(worse.uncappedScore === null);
        expect(better.score ?? 0).toBeGreaterThanOrEqual(worse.score ?? 0);
        expect(better.uncappedScore ?? 0).toBeGreaterThanOrEqual(worse.uncappedScore ?? 0);
      }),
      { numRuns: 500 }
    );
  });
});
