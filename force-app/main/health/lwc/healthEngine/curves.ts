import { clamp } from './numbers';
import type { HealthModel, MeasureDefinition } from './types';

/**
 * Scores a raw value from 0 to 100 with the measure's curve.
 * - Linear, HigherIsBetter: 0 at or below `lowerThreshold`, 100 at or above `upperThreshold`, a straight line between.
 * - Linear, LowerIsBetter: 100 at or below `lowerThreshold`, 0 at or above `upperThreshold`, a straight line between.
 * - Bands: the score of the step with the highest `min` at or below the raw value. A raw value below every step's
 *   `min` takes the score of the lowest step. Steps are searched without sorting, so their order in the list
 *   does not matter; the direction is already encoded in the step scores.
 * The result is clamped to 0..100 and kept at full precision (the caller rounds).
 * @param measure Measure whose curve to apply.
 * @param raw Raw signal value.
 * @returns Score from 0 to 100.
 * @throws Error when the raw value is not finite or the curve is unusable (see `validateModel`).
 */
export function scoreCurve(measure: MeasureDefinition, raw: number): number {
  if (!Number.isFinite(raw)) {
    throw new Error(`${measure.name}: raw value ${raw} cannot be scored; check the facts behind ${measure.signal}.`);
  }
  if (measure.curve === 'Linear') {
    return scoreLinear(measure, raw);
  }
  if (measure.curve === 'Bands') {
    return scoreBands(measure, raw);
  }
  throw new Error(`${measure.name}: unknown curve ${JSON.stringify(measure.curve)}; use Linear or Bands.`);
}

function scoreLinear(measure: MeasureDefinition, raw: number): number {
  const lower = measure.lowerThreshold;
  const upper = measure.upperThreshold;
  if (lower === null || upper === null || !(lower < upper)) {
    throw new Error(
      `${measure.name}: linear curve needs lowerThreshold below upperThreshold, got ${lower} and ${upper}; fix the model.`
    );
  }
  if (measure.direction === 'HigherIsBetter') {
    return clamp((100 * (raw - lower)) / (upper - lower), 0, 100);
  }
  if (measure.direction === 'LowerIsBetter') {
    return clamp((100 * (upper - raw)) / (upper - lower), 0, 100);
  }
  throw new Error(
    `${measure.name}: unknown direction ${JSON.stringify(measure.direction)}; use HigherIsBetter or LowerIsBetter.`
  );
}

function scoreBands(measure: MeasureDefinition, raw: number): number {
  const bands = measure.bands;
  if (bands.length === 0) {
    throw new Error(`${measure.name}: banded curve has no steps; add at least one { min, score } step.`);
  }
  let lowest = bands[0];
  let match: (typeof bands)[number] | null = null;
  for (const step of bands) {
    if (step.min < lowest.min) {
      lowest = step;
    }
    if (step.min <= raw && (match === null || step.min > match.min)) {
      match = step;
    }
  }
  return clamp((match ?? lowest).score, 0, 100);
}

/**
 * Bands a score: Green at or above `greenMin`, Yellow at or above `yellowMin`, otherwise Red. The engine passes the
 * score rounded to 2 places, so the band always agrees with the score shown.
 * @param model Model with the band limits.
 * @param score Score from 0 to 100.
 */
export function bandFor(model: HealthModel, score: number): 'Green' | 'Yellow' | 'Red' {
  if (score >= model.greenMin) {
    return 'Green';
  }
  return score >= model.yellowMin ? 'Yellow' : 'Red';
}
