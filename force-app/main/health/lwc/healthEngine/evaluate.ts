import { bandFor } from './curves';
import { parseIsoDate } from './dates';
import { describeTopReason, findTopLever } from './explain';
import type { ScoreTotals } from './explain';
import { assignWeights, nominalShares, scoreMeasures } from './measures';
import type { MeasureState } from './measures';
import { clamp, compareText, roundTo } from './numbers';
import { resolveOverrides } from './overrides';
import { fitTrend } from './trend';
import type {
  AccountHealth,
  ScoreOverride,
  ScorePoint,
  AccountSignals,
  DimensionResult,
  EvaluationOptions,
  HealthModel,
  LedgerEntry,
  PreviousSnapshot
} from './types';
import { validateModel } from './validate';

/**
 * Validation result and nominal shares of each model object, computed once. A model edited in place after its first
 * evaluation is not checked again, so treat models as immutable once evaluated.
 */
const modelCache = new WeakMap<HealthModel, number[][]>();

function checkedNominalShares(model: HealthModel): number[][] {
  const cached = modelCache.get(model);
  if (cached !== undefined) {
    return cached;
  }
  const problems = validateModel(model);
  if (problems.length > 0) {
    const list = problems.map((problem) => `${problem.location}: ${problem.message}`).join('\n');
    throw new Error(`Health model ${model.name} v${model.version} is invalid, so no account was scored; fix:\n${list}`);
  }
  const shares = nominalShares(model);
  modelCache.set(model, shares);
  return shares;
}

function totalsOf(model: HealthModel, states: MeasureState[]): ScoreTotals {
  let uncapped: number | null = null;
  let criticalRedCount = 0;
  for (const state of states) {
    if (state.weight > 0 && state.score !== null) {
      uncapped = (uncapped ?? 0) + state.score * state.weight;
    }
    if (state.isCriticalRed) {
      criticalRedCount++;
    }
  }
  let capped = uncapped;
  if (uncapped !== null && criticalRedCount > 0) {
    capped = Math.min(uncapped, model.criticalCapScore);
  }
  return { uncapped, capped, criticalCapScore: model.criticalCapScore, criticalRedCount };
}

function dimensionResults(model: HealthModel, states: MeasureState[]): DimensionResult[] {
  return model.dimensions.map((dimension) => {
    let weight = 0;
    let points = 0;
    let measureWeight = 0;
    let measureWeightWithData = 0;
    for (const state of states) {
      if (state.dimension !== dimension) {
        continue;
      }
      if (state.weight > 0 && state.score !== null) {
        weight += state.weight;
        points += state.score * state.weight;
      }
      if (state.measure.weight > 0) {
        measureWeight += state.measure.weight;
        measureWeightWithData += state.hasData ? state.measure.weight : 0;
      }
    }
    return {
      name: dimension.name,
      label: dimension.label,
      score: weight > 0 ? roundTo(points / weight, 2) : null,
      weight: roundTo(weight, 4),
      coverage: measureWeight > 0 ? roundTo(measureWeightWithData / measureWeight, 4) : 0
    };
  });
}

function ledgerEntry(state: MeasureState, previous: PreviousSnapshot | null | undefined): LedgerEntry {
  const score = state.score === null ? null : roundTo(state.score, 2);
  const points = state.score === null ? 0 : roundTo(state.score * state.weight, 2);
  const measures = previous?.measures;
  const before =
    measures !== undefined && Object.prototype.hasOwnProperty.call(measures, state.measure.name)
      ? measures[state.measure.name]
      : null;
  const hasBefore = before !== null && before.score !== null;
  return {
    measure: state.measure.name,
    label: state.measure.label,
    dimension: state.dimension.name,
    signal: state.measure.signal,
    raw: state.raw === null ? null : roundTo(state.raw, 4),
    hasData: state.hasData,
    missingPolicy: state.missingPolicy,
    score,
    weight: roundTo(state.weight, 4),
    points,
    isCritical: state.measure.isCritical,
    isCriticalRed: state.isCriticalRed,
    scoreChange: hasBefore && score !== null ? roundTo(score - (before.score as number), 2) : null,
    pointsChange: hasBefore ? roundTo(points - before.points, 2) : null,
    overrideId: state.overrideId
  };
}

/** Scores and weights of one evaluation, before rounding and explanations. */
interface ScoreParts {
  states: MeasureState[];
  totals: ScoreTotals;
  overall: ScoreOverride | null;
  /** Score after the cap and any overall override, at full precision; null when nothing is scored. */
  final: number | null;
}

function computeScore(
  model: HealthModel,
  nominal: number[][],
  signals: AccountSignals,
  asOf: string,
  asOfField: string,
  overrides: ScoreOverride[]
): ScoreParts {
  const asOfDay = parseIsoDate(asOf, asOfField);
  const active = resolveOverrides(overrides, asOfDay);
  const states = scoreMeasures(model, nominal, signals, asOfDay, active.byMeasure);
  assignWeights(states);
  const totals = totalsOf(model, states);
  const final = active.overall === null ? totals.capped : clamp(active.overall.value, 0, 100);
  return { states, totals, overall: active.overall, final };
}

/**
 * Evaluates the health of one account on one as-of date.
 *
 * 1. The model is checked with `validateModel` (once per model object) and rejected with every problem listed.
 * 2. Each measure gets its raw value, score and effective weight (see `scoreMeasures` and `assignWeights`).
 * 3. The score is the sum of score × weight over scored measures, kept at full precision until the end. A weighted
 *    critical measure with data scoring below yellowMin caps it at criticalCapScore. `isCapped` is true when the cap
 *    lowered the score as shown (rounded to 2 places). `cappedBy` lists every critical measure in the red, sorted by
 *    name. An active overall override then replaces the score (clamped to 0..100).
 * 4. The score is rounded half away from zero to 2 places. Coverage is the sum of nominal shares of weighted measures
 *    that had data (an override is not data), rounded to 4 places. The account is Insufficient when the rounded
 *    coverage is below minimumCoverage or no measure could be scored, and its score is still reported. Otherwise it
 *    is banded from the rounded score.
 * 5. Ledger values are rounded: raw values and weights to 4 places, scores and points to 2. Changes compare with
 *    `options.previous.measures[name]`: null when the previous snapshot lacks the measure or its score was null, and
 *    the score change is also null when the measure is not scored now (its points change then shows the points lost).
 * 6. The trend is fitted over `options.history` plus the final score; the top lever and top reason explain the score.
 * @param model A valid health model.
 * @param signals Facts of one account; treat them as immutable once evaluated, because they are cached.
 * @param options As-of date, and the optional previous snapshot, score history and CSM overrides.
 * @returns The account's health with its ledger in model order.
 * @throws Error when the model is invalid or a date, fact or override is malformed; the message names the value.
 */
export function evaluateAccount(
  model: HealthModel,
  signals: AccountSignals,
  options: EvaluationOptions
): AccountHealth {
  const nominal = checkedNominalShares(model);
  const { states, totals, overall, final } = computeScore(
    model,
    nominal,
    signals,
    options.asOf,
    'options.asOf',
    options.overrides ?? []
  );
  const score = final === null ? null : roundTo(final, 2);
  const uncappedScore = totals.uncapped === null ? null : roundTo(totals.uncapped, 2);
  const isCapped = uncappedScore !== null && totals.criticalRedCount > 0 && uncappedScore > model.criticalCapScore;

  const coverageShare = states.reduce((sum, state) => sum + (state.hasData ? state.nominal : 0), 0);
  const coverage = clamp(roundTo(coverageShare, 4), 0, 1);
  const isInsufficient = totals.uncapped === null || coverage < model.minimumCoverage;

  const cappedBy = states
    .filter((state) => state.isCriticalRed)
    .map((state) => state.measure.name)
    .sort(compareText);

  return {
    accountId: signals.accountId,
    accountName: signals.accountName,
    asOf: options.asOf,
    modelName: model.name,
    modelVersion: model.version,
    score,
    band: isInsufficient || score === null ? 'Insufficient' : bandFor(model, score),
    uncappedScore,
    isCapped,
    cappedBy,
    coverage,
    isInsufficient,
    dimensions: dimensionResults(model, states),
    ledger: states.map((state) => ledgerEntry(state, options.previous)),
    trend: fitTrend(model, options.history ?? [], options.asOf, score),
    topLever: findTopLever(states, totals),
    topReason: describeTopReason(states),
    overallOverrideId: overall === null ? null : overall.id
  };
}

/**
 * Scores one account on several as-of dates, without the ledger, trend or explanations, for recomputing score
 * history when no stored snapshots exist. Each point's score equals `evaluateAccount(...).score` on that date with
 * the same overrides, at a fraction of the cost. Dates on which nothing could be scored are left out.
 * @param model A valid health model.
 * @param signals Facts of one account; treat them as immutable once evaluated, because they are cached.
 * @param asOfDates ISO dates to score, in any order; points come back in the same order.
 * @param overrides CSM overrides; each date applies those active on it.
 * @returns One point per scored date, with the model version.
 * @throws Error when the model is invalid or a date, fact or override is malformed; the message names the value.
 */
export function scoreHistory(
  model: HealthModel,
  signals: AccountSignals,
  asOfDates: string[],
  overrides: ScoreOverride[] = []
): ScorePoint[] {
  const nominal = checkedNominalShares(model);
  const points: ScorePoint[] = [];
  asOfDates.forEach((asOf, index) => {
    const { final } = computeScore(model, nominal, signals, asOf, `asOfDates[${index}]`, overrides);
    if (final !== null) {
      points.push({ asOf, score: roundTo(final, 2), modelVersion: model.version });
    }
  });
  return points;
}
