import { parseIsoDate } from './dates';
import { compareText } from './numbers';
import type { ScoreOverride } from './types';

/** The overrides in force on one as-of date: at most one per measure and one for the overall score. */
export interface ActiveOverrides {
  byMeasure: Map<string, ScoreOverride>;
  overall: ScoreOverride | null;
}

/** Result for an account without overrides, shared because most accounts have none; callers only read it. */
const NO_OVERRIDES: ActiveOverrides = Object.freeze({ byMeasure: new Map<string, ScoreOverride>(), overall: null });

/**
 * Returns true when `candidate` beats `current` for the same target: the later `expiresOn` wins, then the id that
 * sorts last by code units (ids are compared as text, like Apex `String.compareTo`).
 */
function beats(
  candidate: ScoreOverride,
  candidateExpiry: number,
  current: ScoreOverride,
  currentExpiry: number
): boolean {
  if (candidateExpiry !== currentExpiry) {
    return candidateExpiry > currentExpiry;
  }
  return compareText(candidate.id, current.id) > 0;
}

/**
 * Selects the overrides in force on `asOfDay`. An override is active while asOf <= expiresOn, so it still applies on
 * its expiry date. When several active overrides target the same measure (or the overall score), the one with the
 * latest `expiresOn` wins, then the highest id. Overrides naming a measure that the model lacks are kept here and
 * ignored by the evaluation, since checking overrides against the model belongs to the caller.
 * @param overrides Overrides of the account, in any order.
 * @param asOfDay As-of day number.
 * @throws Error when an override has an invalid expiresOn or a value that is not a finite number.
 */
export function resolveOverrides(overrides: ScoreOverride[], asOfDay: number): ActiveOverrides {
  if (overrides.length === 0) {
    return NO_OVERRIDES;
  }
  const byMeasure = new Map<string, ScoreOverride>();
  const expiries = new Map<ScoreOverride, number>();
  let overall: ScoreOverride | null = null;
  overrides.forEach((override, index) => {
    const expiry = parseIsoDate(override.expiresOn, `overrides[${index}].expiresOn (id ${override.id})`);
    if (expiry < asOfDay) {
      return;
    }
    if (typeof override.value !== 'number' || !Number.isFinite(override.value)) {
      throw new Error(
        `overrides[${index}].value (id ${override.id}) is ${JSON.stringify(override.value)}; set a score from 0 to 100.`
      );
    }
    expiries.set(override, expiry);
    const current = override.measure === null ? overall : (byMeasure.get(override.measure) ?? null);
    if (current !== null && !beats(override, expiry, current, expiries.get(current) as number)) {
      return;
    }
    if (override.measure === null) {
      overall = override;
    } else {
      byMeasure.set(override.measure, override);
    }
  });
  return { byMeasure, overall };
}
