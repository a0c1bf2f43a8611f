import { validateModel } from '../validate';
import type { DimensionDefinition, HealthModel, MeasureDefinition } from '../types';

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

/** Builds a banded measure from [min, score] pairs. */
function bandedMeasure(
  name: string,
  steps: [number, number][],
  overrides: Partial<MeasureDefinition> = {}
): MeasureDefinition {
  return linearMeasure(name, {
    curve: 'Bands',
    lowerThreshold: null,
    upperThreshold: null,
    bands: steps.map(([min, score]) => ({ min, score })),
    ...overrides
  });
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

function locations(model: HealthModel): string[] {
  return validateModel(model).map((problem) => problem.location);
}

describe('validateModel', () => {
  it('accepts a valid model', () => {
    const model = healthModel([
      dimension('Adoption', 2, [
        linearMeasure('Logins'),
        bandedMeasure(
          'Cases',
          [
            [0, 100],
            [3, 0]
          ],
          { direction: 'LowerIsBetter' }
        )
      ]),
      dimension('Watched', 0, [linearMeasure('Csat', { signal: 'Csat', weight: 0 })])
    ]);

    expect(validateModel(model)).toEqual([]);
  });

  it('reports every problem at once', () => {
    const model = healthModel(
      [dimension('Adoption', 1, [linearMeasure('Logins', { windowDays: -3, lowerThreshold: 50, upperThreshold: 10 })])],
      { greenMin: 30, neutralScore: -1 }
    );

    expect(locations(model)).toEqual([
      'greenMin',
      'neutralScore',
      'dimensions[0].measures[0].windowDays',
      'dimensions[0].measures[0].upperThreshold'
    ]);
  });

  it('starts messages with the names', () => {
    const model = healthModel([dimension('Support', 1, [linearMeasure('OpenP1', { upperThreshold: -1 })])]);

    const [problem] = validateModel(model);

    expect(problem.location).toBe('dimensions[0].measures[0].upperThreshold');
    expect(problem.message.startsWith('Support/OpenP1: upperThreshold -1 must be above lowerThreshold 0')).toBe(true);
  });

  it('tolerates missing fields', () => {
    const model = JSON.parse(
      '{"name":"Broken","version":1,"greenMin":70,"yellowMin":40,"neutralScore":50,"minimumCoverage":0.5,' +
        '"criticalCapScore":39,"trendWindowDays":28,"trendDeadBand":1,"segment":null}'
    ) as HealthModel;
    const withMeasure = healthModel([
      dimension('Adoption', 1, [
        { ...linearMeasure('Bands'), curve: 'Bands', bands: undefined } as unknown as MeasureDefinition
      ])
    ]);

    expect(locations(model)).toEqual(['dimensions']);
    expect(locations(withMeasure)).toEqual(['dimensions[0].measures[0].bands']);
  });

  it('checks segment criteria', () => {
    const model = healthModel([dimension('Adoption', 1, [linearMeasure('Logins')])], {
      segment: { field: '', values: [] }
    });

    expect(locations(model)).toEqual(['segment.field', 'segment.values']);
  });

  it('checks trend settings', () => {
    const model = healthModel([dimension('Adoption', 1, [linearMeasure('Logins')])], {
      trendWindowDays: 0,
      trendDeadBand: -1
    });

    expect(locations(model)).toEqual(['trendWindowDays', 'trendDeadBand']);
  });

  it('checks the version', () => {
    const model = healthModel([dimension('Adoption', 1, [linearMeasure('Logins')])], { version: 0 });

    expect(locations(model)).toEqual(['version']);
  });

  it('rejects non-finite numbers', () => {
    const model = healthModel([dimension('Adoption', Number.NaN, [linearMeasure('Logins')])], {
      minimumCoverage: Number.POSITIVE_INFINITY
    });

    expect(locations(model)).toEqual(['minimumCoverage', 'dimensions', 'dimensions[0].weight']);
  });

  it('allows an unweighted dimension without measure weights', () => {
    const model = healthModel([
      dimension('Adoption', 1, [linearMeasure('Logins')]),
      dimension('Watched', 0, [linearMeasure('Csat', { signal: 'Csat', weight: 0 })])
    ]);

    expect(validateModel(model)).toEqual([]);
  });
});
