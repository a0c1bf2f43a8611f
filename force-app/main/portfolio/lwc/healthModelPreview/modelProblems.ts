import type { HealthModel, ModelProblem } from 'c/healthEngine';

/** A model problem with the records and the Custom Metadata field to change, as HealthModelAdminController sends. */
export interface LocatedProblem {
  model: string | null;
  dimension: string | null;
  measure: string | null;
  /** Custom Metadata field API name, such as UpperThreshold__c, or null when no single field is at fault. */
  field: string | null;
  /** Path of the value in the model, such as `dimensions[1].measures[0].upperThreshold`. */
  location: string | null;
  message: string | null;
}

const MEASURE_PATH = /^dimensions\[(\d+)\]\.measures\[(\d+)\](?:\.(.+))?$/;
const DIMENSION_PATH = /^dimensions\[(\d+)\](?:\.(.+))?$/;

/** Custom Metadata field of each model path, as HealthModelAdminProblems maps them. */
const MODEL_FIELDS: Readonly<Record<string, string>> = {
  name: 'DeveloperName',
  version: 'Version__c',
  greenMin: 'GreenMin__c',
  yellowMin: 'YellowMin__c',
  neutralScore: 'NeutralScore__c',
  minimumCoverage: 'MinimumCoverage__c',
  criticalCapScore: 'CriticalCapScore__c',
  trendWindowDays: 'TrendWindowDays__c',
  trendDeadBand: 'TrendDeadBand__c',
  'segment.field': 'SegmentField__c',
  'segment.values': 'SegmentValues__c'
};

const DIMENSION_FIELDS: Readonly<Record<string, string>> = {
  name: 'DeveloperName',
  weight: 'Weight__c'
};

/** Custom Metadata field of each measure path; every `bands[...]` path is Bands__c. */
const MEASURE_FIELDS: Readonly<Record<string, string>> = {
  name: 'DeveloperName',
  signal: 'Signal__c',
  windowDays: 'WindowDays__c',
  weight: 'Weight__c',
  direction: 'Direction__c',
  missingData: 'MissingDataPolicy__c',
  curve: 'Curve__c',
  lowerThreshold: 'LowerThreshold__c',
  upperThreshold: 'UpperThreshold__c',
  bands: 'Bands__c'
};

function fieldOf(fields: Readonly<Record<string, string>>, path: string | undefined): string | null {
  if (path === undefined) {
    return null;
  }
  const key = path.split('[')[0].split('.')[0];
  return Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : null;
}

/**
 * Resolves a problem of `validateModel` to the records and field an admin changes: a path of a measure names its
 * dimension and measure, a path of a dimension its dimension, and any other path the model. An index outside the
 * model leaves the name null. HealthModelAdminProblems applies the same rules in Apex.
 * @param model The model that was checked.
 * @param problem One of its problems.
 */
export function locateProblem(model: HealthModel, problem: ModelProblem): LocatedProblem {
  const located: LocatedProblem = {
    model: model.name,
    dimension: null,
    measure: null,
    field: null,
    location: problem.location,
    message: problem.message
  };
  const measurePath = MEASURE_PATH.exec(problem.location);
  if (measurePath !== null) {
    const dimension = model.dimensions[Number(measurePath[1])];
    located.dimension = dimension?.name ?? null;
    located.measure = dimension?.measures[Number(measurePath[2])]?.name ?? null;
    located.field = fieldOf(MEASURE_FIELDS, measurePath[3]);
    return located;
  }
  const dimensionPath = DIMENSION_PATH.exec(problem.location);
  if (dimensionPath !== null) {
    located.dimension = model.dimensions[Number(dimensionPath[1])]?.name ?? null;
    located.field = fieldOf(DIMENSION_FIELDS, dimensionPath[2]);
    return located;
  }
  located.field = Object.prototype.hasOwnProperty.call(MODEL_FIELDS, problem.location)
    ? MODEL_FIELDS[problem.location]
    : null;
  return located;
}

/**
 * Resolves every problem of a model; see {@link locateProblem}.
 * @param model The model that was checked.
 * @param problems Its problems, in the order `validateModel` lists them.
 */
export function locateProblems(model: HealthModel, problems: ModelProblem[]): LocatedProblem[] {
  return problems.map((problem) => locateProblem(model, problem));
}
