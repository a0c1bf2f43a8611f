import { scoreCurve } from './curves';
import { clamp, roundTo } from './numbers';
import { computePreparedSignal, prepareSignals } from './signals';
import type {
  AccountSignals,
  DimensionDefinition,
  HealthModel,
  MeasureDefinition,
  MissingDataPolicy,
  ScoreOverride
} from './types';

/** Working state of one measure during an evaluation; numbers are at full precision. */
export interface MeasureState {
  measure: MeasureDefinition;
  dimension: DimensionDefinition;
  /** Share of the model before missing data: (dimension weight / all dimension weights) × (weight / dimension's). */
  nominal: number;
  raw: number | null;
  hasData: boolean;
  /** Policy applied for missing data; null when the measure has data or is not weighted. */
  missingPolicy: MissingDataPolicy | null;
  /** Score from 0 to 100; null when the measure is excluded, redistributed without an override, or unweighted. */
  score: number | null;
  /** Effective share of the overall score; effective shares sum to 1 over the scored measures. */
  weight: number;
  overrideId: string | null;
  isCriticalRed: boolean;
}

/** Sum of the positive weights; a negative weight is a model error that `validateModel` reports. */
function positiveWeightSum(items: { weight: number }[]): number {
  return items.reduce((sum, item) => sum + (item.weight > 0 ? item.weight : 0), 0);
}

/**
 * Computes the nominal share of every measure, in model order: (dimension weight / sum of dimension weights) ×
 * (measure weight / sum of measure weights in its dimension). A measure of weight 0, or in a dimension of weight 0,
 * has a nominal share of 0: it is computed and listed but never scored.
 * @returns One array per dimension, one share per measure.
 */
export function nominalShares(model: HealthModel): number[][] {
  const dimensionTotal = positiveWeightSum(model.dimensions);
  return model.dimensions.map((dimension) => {
    const measureTotal = positiveWeightSum(dimension.measures);
    return dimension.measures.map((measure) => {
      if (dimensionTotal <= 0 || dimension.weight <= 0 || measureTotal <= 0 || measure.weight <= 0) {
        return 0;
      }
      return (dimension.weight / dimensionTotal) * (measure.weight / measureTotal);
    });
  });
}

/**
 * Computes raw values and scores of every measure, in model order, before weights are assigned.
 *
 * A weighted measure with data is scored by its curve. Without data its policy applies: Neutral scores the model's
 * neutralScore and Zero scores 0, both keeping their weight; Exclude and Redistribute leave it unscored (see
 * {@link assignWeights}). An active override replaces the score, clamped to 0..100. It also scores a measure that
 * has no data under Exclude or Redistribute, because the CSM supplied the value, but it never counts as data for
 * coverage. A critical measure is in the red when it is weighted, has data, and its final score rounded to 2 places
 * is below yellowMin, so an override above yellowMin clears it and a Neutral fill never sets it.
 */
export function scoreMeasures(
  model: HealthModel,
  nominal: number[][],
  signals: AccountSignals,
  asOfDay: number,
  overrides: Map<string, ScoreOverride>
): MeasureState[] {
  const prepared = prepareSignals(signals);
  const states: MeasureState[] = [];
  model.dimensions.forEach((dimension, dimensionIndex) => {
    dimension.measures.forEach((measure, measureIndex) => {
      const share = nominal[dimensionIndex][measureIndex];
      const raw = computePreparedSignal(measure.signal, prepared, signals, measure.windowDays, asOfDay);
      const hasData = raw !== null;
      const state: MeasureState = {
        measure,
        dimension,
        nominal: share,
        raw,
        hasData,
        missingPolicy: null,
        score: null,
        weight: 0,
        overrideId: null,
        isCriticalRed: false
      };
      if (share > 0) {
        applyScore(model, state, overrides.get(measure.name));
      }
      states.push(state);
    });
  });
  return states;
}

function applyScore(model: HealthModel, state: MeasureState, override: ScoreOverride | undefined): void {
  if (state.raw === null) {
    state.missingPolicy = state.measure.missingData;
    if (state.measure.missingData === 'Neutral') {
      state.score = model.neutralScore;
    } else if (state.measure.missingData === 'Zero') {
      state.score = 0;
    }
  } else {
    state.score = scoreCurve(state.measure, state.raw);
  }
  if (override !== undefined) {
    state.score = clamp(override.value, 0, 100);
    state.overrideId = override.id;
  }
  state.isCriticalRed =
    state.measure.isCritical && state.hasData && state.score !== null && roundTo(state.score, 2) < model.yellowMin;
}

/**
 * Assigns effective weights so that they sum to 1 over the scored measures (or all stay 0 when none is scored).
 * 1. Every scored measure starts with its nominal share; unscored ones (Exclude or Redistribute without data) with 0.
 * 2. Redistribute: the nominal shares of a dimension's redistributed measures go to the measures of the same dimension
 *    that have data, in proportion to their shares. When none has data they go to the dimension's measures scored
 *    without data (Neutral, Zero or an override); when no measure of the dimension is scored, they leave the model.
 * 3. Exclude: the measure's nominal share leaves the model.
 * 4. Every weight is divided by the total, so the shares that left are spread over the whole model.
 */
export function assignWeights(states: MeasureState[]): void {
  const pools = new Map<DimensionDefinition, number>();
  for (const state of states) {
    if (state.nominal <= 0) {
      continue;
    }
    if (state.score !== null) {
      state.weight = state.nominal;
    } else if (state.missingPolicy === 'Redistribute') {
      pools.set(state.dimension, (pools.get(state.dimension) ?? 0) + state.nominal);
    }
  }

  for (const [dimension, pool] of pools) {
    const members = states.filter((state) => state.dimension === dimension && state.score !== null);
    const withData = members.filter((state) => state.hasData);
    const recipients = withData.length > 0 ? withData : members;
    const recipientTotal = recipients.reduce((sum, state) => sum + state.nominal, 0);
    for (const state of recipients) {
      state.weight += (pool * state.nominal) / recipientTotal;
    }
  }

  const total = states.reduce((sum, state) => sum + state.weight, 0);
  if (total <= 0) {
    return;
  }
  for (const state of states) {
    state.weight = state.weight / total;
  }
}
