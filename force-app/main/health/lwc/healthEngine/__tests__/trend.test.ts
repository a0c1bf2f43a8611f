import { fitTrend } from '../trend';
import type { DimensionDefinition, HealthModel } from '../types';

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

const AS_OF = '2025-06-30';
const model = healthModel([], { trendWindowDays: 28, trendDeadBand: 1 });

describe('fitTrend', () => {
  it('is unknown with one point', () => {
    expect(fitTrend(model, [], AS_OF, 70)).toEqual({ slopePerWeek: null, direction: 'Unknown', points: 1 });
    expect(fitTrend(model, [], AS_OF, null)).toEqual({ slopePerWeek: null, direction: 'Unknown', points: 0 });
  });

  it('is unknown when every point is on one day', () => {
    const trend = fitTrend(
      model,
      [
        { asOf: AS_OF, score: 10 },
        { asOf: AS_OF, score: 90 }
      ],
      AS_OF,
      null
    );

    expect(trend).toEqual({ slopePerWeek: null, direction: 'Unknown', points: 2 });
  });

  it('fits points per week', () => {
    const history = [
      { asOf: '2025-06-16', score: 50 },
      { asOf: '2025-06-23', score: 57 }
    ];

    expect(fitTrend(model, history, AS_OF, 64)).toEqual({ slopePerWeek: 7, direction: 'Improving', points: 3 });
  });

  it('reports decline', () => {
    expect(fitTrend(model, [{ asOf: '2025-06-29', score: 80 }], AS_OF, 70).direction).toBe('Declining');
  });

  it('keeps slopes inside the dead band stable', () => {
    expect(fitTrend(model, [{ asOf: '2025-06-23', score: 71 }], AS_OF, 70)).toEqual({
      slopePerWeek: -1,
      direction: 'Stable',
      points: 2
    });
  });

  it('drops points outside the window', () => {
    const history = [
      { asOf: '2025-06-02', score: 0 },
      { asOf: '2025-07-01', score: 0 },
      { asOf: '2025-06-03', score: 70 }
    ];

    expect(fitTrend(model, history, AS_OF, 70)).toEqual({ slopePerWeek: 0, direction: 'Stable', points: 2 });
  });

  it('replaces a stored point on the as-of date', () => {
    const history = [
      { asOf: '2025-06-23', score: 60 },
      { asOf: AS_OF, score: 0 }
    ];

    expect(fitTrend(model, history, AS_OF, 60).slopePerWeek).toBe(0);
    expect(fitTrend(model, history, AS_OF, null).slopePerWeek).toBe(-60);
  });

  it('rejects a bad history date', () => {
    expect(() => fitTrend(model, [{ asOf: '2025-06-31', score: 1 }], AS_OF, 1)).toThrow('history[0].asOf');
  });
});
