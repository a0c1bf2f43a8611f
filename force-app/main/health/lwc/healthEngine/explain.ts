import { compareText, formatNumber, roundTo } from './numbers';
import type { MeasureState } from './measures';
import type { TopLever } from './types';

/** The parts of an evaluation that the explanations need, at full precision. */
export interface ScoreTotals {
  /** Sum of points before the cap; null when no measure is scored. */
  uncapped: number | null;
  /** Score after the critical cap and before any overall override. */
  capped: number | null;
  criticalCapScore: number;
  criticalRedCount: number;
}

/**
 * Finds the measure whose improvement lifts the score most. Candidates are the measures with an effective weight
 * above 0, a score below 100 and no override (an overridden score does not move when the measure improves). Each is
 * re-scored at 100 with the same weights: the uncapped score gains (100 - score) × weight, and the critical cap is
 * recomputed without the lifted measure, so lifting the only critical measure in the red removes the cap.
 *
 * The gain is the change in the score as shown, rounded(new) - rounded(current) to 2 places, so ties compare the
 * scores shown. The highest gain wins, then the measure name that sorts first by code units. Any overall override is
 * ignored, since the gain describes the computed score.
 * @returns The lever, or null when no candidate gains anything.
 */
export function findTopLever(states: MeasureState[], totals: ScoreTotals): TopLever | null {
  if (totals.uncapped === null || totals.capped === null) {
    return null;
  }
  const current = roundTo(totals.capped, 2);
  let best: TopLever | null = null;
  for (const state of states) {
    if (state.weight <= 0 || state.score === null || state.overrideId !== null || state.score >= 100) {
      continue;
    }
    const lifted = totals.uncapped + (100 - state.score) * state.weight;
    const redsLeft = totals.criticalRedCount - (state.isCriticalRed ? 1 : 0);
    const capped = redsLeft > 0 ? Math.min(lifted, totals.criticalCapScore) : lifted;
    const gain = roundTo(roundTo(capped, 2) - current, 2);
    if (gain <= 0) {
      continue;
    }
    if (
      best === null ||
      gain > best.gain ||
      (gain === best.gain && compareText(state.measure.name, best.measure) < 0)
    ) {
      best = { measure: state.measure.name, label: state.measure.label, gain };
    }
  }
  return best;
}

/**
 * Writes one plain sentence naming the measure that loses most points, (100 - score) × effective weight, with ties
 * going to the measure name that sorts first by code units. Form: `<dimension label> - <measure label> scored <score>
 * (raw <raw>)`, with numbers rounded to 2 places and no trailing zeros. `(no data)` replaces the raw value when the
 * measure had none. `, overridden` is added inside the brackets when an override set the score.
 * @returns The sentence; "No measure could be scored" when nothing is scored, "No measure lost points" when every
 *   scored measure is at 100.
 */
export function describeTopReason(states: MeasureState[]): string {
  let worst: MeasureState | null = null;
  let worstLoss = 0;
  let anyScored = false;
  for (const state of states) {
    if (state.weight <= 0 || state.score === null) {
      continue;
    }
    anyScored = true;
    const loss = roundTo((100 - state.score) * state.weight, 4);
    if (loss <= 0) {
      continue;
    }
    if (
      worst === null ||
      loss > worstLoss ||
      (loss === worstLoss && compareText(state.measure.name, worst.measure.name) < 0)
    ) {
      worst = state;
      worstLoss = loss;
    }
  }
  if (!anyScored) {
    return 'No measure could be scored';
  }
  if (worst === null || worst.score === null) {
    return 'No measure lost points';
  }
  const source = worst.raw === null ? 'no data' : `raw ${formatNumber(worst.raw)}`;
  const detail = worst.overrideId === null ? source : `${source}, overridden`;
  return `${worst.dimension.label} - ${worst.measure.label} scored ${formatNumber(worst.score)} (${detail})`;
}
