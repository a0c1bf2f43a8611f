import { parseIsoDate } from './dates';
import { roundTo } from './numbers';
import type { HealthModel, ScorePoint, TrendResult } from './types';

/**
 * Fits the score trend by least squares over the model's trend window.
 *
 * Points: every history point whose asOf is in (A - trendWindowDays, A], plus the current score at A. When a current
 * score is given, history points dated A are left out, because the current evaluation replaces that day's snapshot
 * (a job run twice on one day must not count the day twice). History points of other model versions are used as they
 * are. With fewer than two distinct days there is no slope and the direction is Unknown.
 *
 * Slope: the ordinary least-squares slope of score against day number, times 7 for points per week, rounded half
 * away from zero to 2 places. The rounded slope is Stable when its absolute value is at most `trendDeadBand`,
 * Improving above it and Declining below its negative.
 * @param model Model with `trendWindowDays` and `trendDeadBand`.
 * @param history Stored scores of the account, in any order.
 * @param asOf As-of date A, ISO `YYYY-MM-DD`.
 * @param currentScore Score of the current evaluation at A, or null when it has none.
 * @returns Slope per week, direction and the number of points used (the current one included).
 * @throws Error when a history point has an invalid date or score.
 */
export function fitTrend(
  model: HealthModel,
  history: ScorePoint[],
  asOf: string,
  currentScore: number | null
): TrendResult {
  const asOfDay = parseIsoDate(asOf, 'asOf');
  const windowStart = asOfDay - model.trendWindowDays;
  const xs: number[] = [];
  const ys: number[] = [];

  history.forEach((point, index) => {
    const day = parseIsoDate(point.asOf, `history[${index}].asOf`);
    if (day <= windowStart || day > asOfDay || (day === asOfDay && currentScore !== null)) {
      return;
    }
    if (typeof point.score !== 'number' || !Number.isFinite(point.score)) {
      throw new Error(
        `history[${index}].score is ${JSON.stringify(point.score)} on ${point.asOf}; store a number from 0 to 100.`
      );
    }
    xs.push(day - asOfDay);
    ys.push(point.score);
  });
  if (currentScore !== null) {
    xs.push(0);
    ys.push(currentScore);
  }

  const slopePerDay = leastSquaresSlope(xs, ys);
  if (slopePerDay === null) {
    return { slopePerWeek: null, direction: 'Unknown', points: xs.length };
  }
  const slopePerWeek = roundTo(slopePerDay * 7, 2);
  let direction: TrendResult['direction'] = 'Stable';
  if (slopePerWeek > model.trendDeadBand) {
    direction = 'Improving';
  } else if (slopePerWeek < -model.trendDeadBand) {
    direction = 'Declining';
  }
  return { slopePerWeek, direction, points: xs.length };
}

/** Least-squares slope of ys against xs, or null when the xs do not hold two distinct values. */
function leastSquaresSlope(xs: number[], ys: number[]): number | null {
  const count = xs.length;
  if (count < 2) {
    return null;
  }
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < count; i++) {
    sumX += xs[i];
    sumY += ys[i];
  }
  const meanX = sumX / count;
  const meanY = sumY / count;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < count; i++) {
    covariance += (xs[i] - meanX) * (ys[i] - meanY);
    variance += (xs[i] - meanX) * (xs[i] - meanX);
  }
  return variance === 0 ? null : covariance / variance;
}
