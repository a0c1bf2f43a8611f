import type { HealthModel } from 'c/healthEngine';
import type { LocatedProblem } from './modelProblems';

/**
 * Form labels for the problems of a health model. The engine and Apex name a value by its model property or Custom
 * Metadata field, such as greenMin or GreenMin__c, while the preview form labels it "Green from". The problem tables
 * use the form's words, and only the "Copy as metadata" files keep the API names.
 */

/** Form label of each Custom Metadata field that a problem can name. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  DeveloperName: 'API name',
  Version__c: 'Version',
  GreenMin__c: 'Green from',
  YellowMin__c: 'Yellow from',
  NeutralScore__c: 'Neutral score',
  MinimumCoverage__c: 'Minimum coverage',
  CriticalCapScore__c: 'Critical cap score',
  TrendWindowDays__c: 'Trend window (days)',
  TrendDeadBand__c: 'Trend dead band',
  SegmentField__c: 'Segment field',
  SegmentValues__c: 'Segment values',
  Signal__c: 'Signal',
  WindowDays__c: 'Window (days)',
  Weight__c: 'Weight',
  Direction__c: 'Direction',
  MissingDataPolicy__c: 'Missing data',
  Curve__c: 'Curve',
  LowerThreshold__c: 'Lower threshold',
  UpperThreshold__c: 'Upper threshold',
  Bands__c: 'Curve points',
  IsCritical__c: 'Critical'
};

/** Form label of each model property name that the engine's messages use. */
const PROPERTY_LABELS: Readonly<Record<string, string>> = {
  greenMin: 'Green from',
  yellowMin: 'Yellow from',
  neutralScore: 'Neutral score',
  minimumCoverage: 'Minimum coverage',
  criticalCapScore: 'Critical cap score',
  trendWindowDays: 'Trend window (days)',
  trendDeadBand: 'Trend dead band',
  windowDays: 'Window (days)',
  missingData: 'Missing data',
  lowerThreshold: 'Lower threshold',
  upperThreshold: 'Upper threshold'
};

const PROPERTY_PATTERN = new RegExp(`\\b(${Object.keys(PROPERTY_LABELS).join('|')})\\b`, 'g');
const BAND_STEP_PATTERN = /\bbands\[(\d+)\]\.(min|score)\b/g;
const MEASURE_PATH = /^dimensions\[\d+\]\.measures\[\d+\]\.([a-zA-Z]+)/;
const DIMENSION_WEIGHT_PATH = /^dimensions\[\d+\]\.weight$/;
/** Measure values that have an input in the preview form. */
const MEASURE_INPUT_FIELDS: readonly string[] = ['weight', 'bands', 'lowerThreshold', 'upperThreshold', 'missingData'];
/** Model values that have an input in the preview form. */
const MODEL_INPUT_FIELDS: readonly string[] = ['greenMin', 'yellowMin'];

/** Labels of the model, its dimensions and its measures by API name. */
export type NameLabels = ReadonlyMap<string, string>;

/**
 * Collects the label of the model and of each dimension and measure by API name.
 * @param model The model whose problems are shown, or undefined when only API names are known.
 */
export function collectNameLabels(model: HealthModel | undefined): NameLabels {
  const labels = new Map<string, string>();
  if (model === undefined) {
    return labels;
  }
  labels.set(model.name, model.label || model.name);
  for (const dimension of model.dimensions) {
    labels.set(dimension.name, dimension.label || dimension.name);
    for (const measure of dimension.measures) {
      labels.set(measure.name, measure.label || measure.name);
    }
  }
  return labels;
}

/**
 * Returns the form label of a Custom Metadata field.
 * @param field API name such as GreenMin__c, or null.
 * @returns The label, such as `Green from`; the API name when the form has no label for it; empty for null.
 */
export function labelField(field: string | null): string {
  if (field === null) {
    return '';
  }
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, field) ? FIELD_LABELS[field] : field;
}

/**
 * Rewrites a problem message in the form's words: the `Dimension/Measure:` scope with labels, property names such as
 * greenMin with their form labels and `bands[1].min` as `Curve point 2 min`.
 * @param message Message of the engine or of Apex.
 * @param names Labels by API name.
 */
export function labelMessage(message: string, names: NameLabels): string {
  let text = message;
  const scopeEnd = text.indexOf(': ');
  if (scopeEnd > 0) {
    const parts = text.slice(0, scopeEnd).split('/');
    if (parts.every((part) => names.has(part))) {
      text = `${parts.map((part) => names.get(part)).join(' / ')}${text.slice(scopeEnd)}`;
    }
  }
  return text
    .replace(BAND_STEP_PATTERN, (_match, index: string, part: string) => `Curve point ${Number(index) + 1} ${part}`)
    .replace(PROPERTY_PATTERN, (property: string) => PROPERTY_LABELS[property]);
}

/**
 * Names the form input that contains the value of a problem, so the form can outline it.
 * @param problem A located problem.
 * @returns A key such as `model:greenMin`, `dimension:Support:weight` or `measure:OpenCases:bands`; null when the
 *   value has no input in the form.
 */
export function inputKeyOf(problem: LocatedProblem): string | null {
  const location = problem.location ?? '';
  if (MODEL_INPUT_FIELDS.includes(location)) {
    return `model:${location}`;
  }
  if (DIMENSION_WEIGHT_PATH.test(location) && problem.dimension !== null) {
    return `dimension:${problem.dimension}:weight`;
  }
  const measurePath = MEASURE_PATH.exec(location);
  if (measurePath !== null && problem.measure !== null && MEASURE_INPUT_FIELDS.includes(measurePath[1])) {
    return `measure:${problem.measure}:${measurePath[1]}`;
  }
  return null;
}
