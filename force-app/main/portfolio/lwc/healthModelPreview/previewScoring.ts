import { evaluateAccount, scoreCurve } from 'c/healthEngine';
import type { AccountSignals, Band, HealthModel, MeasureDefinition, ScoreOverride } from 'c/healthEngine';

/** One account of the preview: the raw measure values of its latest snapshot and its approved overrides. */
export interface PreviewAccountInput {
  accountId: string;
  accountName: string;
  /** As-of date of the snapshot, YYYY-MM-DD; overrides are applied as they were in force on it. */
  asOf: string;
  /** Raw value by measure name; null for a measure without data. A measure not listed has no data either. */
  rawValues: Map<string, number | null>;
  overrides: ScoreOverride[];
}

/** Score and band of one account under one model. */
export interface AccountScore {
  /** Overall score after the critical cap and overrides, or null when nothing could be scored. */
  score: number | null;
  band: Band;
  isCapped: boolean;
  /** Share of the model's weight that had data, from 0 to 1. */
  coverage: number;
}

/** Signal whose raw value is the account's `daysPastDue`, so it is 0 for every measure of the stand-in model. */
const DATA_SIGNAL = 'DaysPastDue';
/** Signal that is null when the account has no objectives, so it reads as no data for every measure. */
const NO_DATA_SIGNAL = 'ObjectivesMetShare';

/** Facts of the stand-in account: no source at all, and 0 days past due. */
function standInSignals(account: PreviewAccountInput): AccountSignals {
  return {
    accountId: account.accountId,
    accountName: account.accountName,
    attributes: {},
    licensedSeats: null,
    usage: null,
    cases: null,
    activities: null,
    hasExecutiveSponsor: false,
    hasChampion: false,
    feedback: null,
    objectives: null,
    renewalDate: null,
    daysPastDue: 0
  };
}

/**
 * Returns a copy of the measure whose curve gives `score` for the stand-in raw value 0: one band step from 0. A
 * measure without data keeps no data, through a signal that is null for the stand-in account.
 */
function standInMeasure(measure: MeasureDefinition, score: number | null): MeasureDefinition {
  return {
    ...measure,
    signal: score === null ? NO_DATA_SIGNAL : DATA_SIGNAL,
    curve: 'Bands',
    lowerThreshold: null,
    upperThreshold: null,
    bands: [{ min: 0, score: score ?? 0 }]
  };
}

/**
 * Scores one account under a model from the stored raw values of its measures, with the same `evaluateAccount` that
 * the score command and the cockpit use.
 *
 * The engine computes raw values from an account's facts, which the preview does not have, because Apex stores only
 * the raw value of each measure. So the engine's `scoreCurve` first applies each measure's curve to the stored raw
 * value. Then `evaluateAccount` scores a stand-in model whose measures keep their names, weights, dimensions, critical
 * flags and missing-data policies, and whose curve is one band step with that score. Weights, missing-data policies,
 * the critical cap, overrides, coverage and bands are therefore the engine's own.
 * @param model A valid model; check it with `validateModel` first, because the stand-in model hides curve problems.
 * @param account Raw values and overrides of the account.
 * @returns The account's score and band.
 * @throws Error when a stored raw value cannot be scored or an override is malformed; the message names the value.
 */
export function scoreAccount(model: HealthModel, account: PreviewAccountInput): AccountScore {
  const standIn: HealthModel = {
    ...model,
    dimensions: model.dimensions.map((dimension) => ({
      ...dimension,
      measures: dimension.measures.map((measure) => {
        const raw = account.rawValues.get(measure.name) ?? null;
        return standInMeasure(measure, raw === null ? null : scoreCurve(measure, raw));
      })
    }))
  };
  const health = evaluateAccount(standIn, standInSignals(account), {
    asOf: account.asOf,
    overrides: account.overrides
  });
  return { score: health.score, band: health.band, isCapped: health.isCapped, coverage: health.coverage };
}

/**
 * Scores every account under a model; see {@link scoreAccount}.
 * @param model A valid model.
 * @param accounts Accounts of the preview.
 * @returns One score per account, in the same order.
 */
export function scoreAccounts(model: HealthModel, accounts: PreviewAccountInput[]): AccountScore[] {
  return accounts.map((account) => scoreAccount(model, account));
}
