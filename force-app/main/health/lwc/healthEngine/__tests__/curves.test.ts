import { bandFor, scoreCurve } from '../curves';
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

describe('scoreCurve linear', () => {
  const higher = linearMeasure('Higher', { lowerThreshold: 20, upperThreshold: 80 });
  const lower = linearMeasure('Lower', { direction: 'LowerIsBetter', lowerThreshold: 20, upperThreshold: 80 });

  it('scores HigherIsBetter', () => {
    expect(scoreCurve(higher, 10)).toBe(0);
    expect(scoreCurve(higher, 20)).toBe(0);
    expect(scoreCurve(higher, 35)).toBe(25);
    expect(scoreCurve(higher, 80)).toBe(100);
    expect(scoreCurve(higher, 500)).toBe(100);
  });

  it('scores LowerIsBetter', () => {
    expect(scoreCurve(lower, -5)).toBe(100);
    expect(scoreCurve(lower, 20)).toBe(100);
    expect(scoreCurve(lower, 35)).toBe(75);
    expect(scoreCurve(lower, 80)).toBe(0);
    expect(scoreCurve(lower, 81)).toBe(0);
  });

  it('rejects unusable thresholds', () => {
    expect(() => scoreCurve(linearMeasure('Flat', { lowerThreshold: 5, upperThreshold: 5 }), 5)).toThrow('Flat');
    expect(() => scoreCurve(linearMeasure('NoUpper', { upperThreshold: null }), 5)).toThrow('NoUpper');
  });

  it('rejects a raw value that is not finite', () => {
    expect(() => scoreCurve(higher, Number.NaN)).toThrow('raw value NaN');
  });
});

describe('scoreCurve bands', () => {
  const steps: [number, number][] = [
    [10, 20],
    [20, 60],
    [30, 100]
  ];

  it('takes the last step at or below the raw value', () => {
    const measure = bandedMeasure('Steps', steps);

    expect(scoreCurve(measure, 20)).toBe(60);
    expect(scoreCurve(measure, 29.99)).toBe(60);
    expect(scoreCurve(measure, 1000)).toBe(100);
  });

  it('uses the first step below every min', () => {
    expect(scoreCurve(bandedMeasure('Steps', steps), 5)).toBe(20);
  });

  it('ignores the order of steps', () => {
    const shuffled = bandedMeasure('Shuffled', [steps[2], steps[0], steps[1]]);

    expect(scoreCurve(shuffled, 5)).toBe(20);
    expect(scoreCurve(shuffled, 25)).toBe(60);
  });

  it('clamps step scores', () => {
    expect(scoreCurve(bandedMeasure('Wild', [[0, 150]]), 1)).toBe(100);
    expect(scoreCurve(bandedMeasure('Wild', [[0, -5]]), 1)).toBe(0);
  });

  it('rejects empty bands', () => {
    expect(() => scoreCurve(bandedMeasure('Empty', []), 1)).toThrow('Empty: banded curve has no steps');
  });
});

describe('bandFor', () => {
  const model = healthModel([]);

  it('bands at the limits', () => {
    expect(bandFor(model, 70)).toBe('Green');
    expect(bandFor(model, 69.99)).toBe('Yellow');
    expect(bandFor(model, 40)).toBe('Yellow');
    expect(bandFor(model, 39.99)).toBe('Red');
    expect(bandFor(model, 0)).toBe('Red');
  });
});
