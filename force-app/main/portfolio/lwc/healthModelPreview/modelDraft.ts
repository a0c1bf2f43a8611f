import { MISSING_DATA_POLICIES } from 'c/healthEngine';
import type {
  BandStep,
  CurveType,
  DimensionDefinition,
  Direction,
  HealthModel,
  MeasureDefinition,
  MissingDataPolicy,
  SignalName
} from 'c/healthEngine';
import type { LocatedProblem } from './modelProblems';

type ModelDefinition = ApexTypes.HealthModelDefinition;
type DimensionRecord = ApexTypes.HealthModelDefinition_Dimension;
type MeasureRecord = ApexTypes.HealthModelDefinition_Measure;

/** Model fields the preview edits: the band limits. */
export type ModelField = 'greenMin' | 'yellowMin';

/** Edits of one measure. Text fields contain what the admin typed. */
export interface MeasureEdits {
  weight?: string;
  lowerThreshold?: string;
  upperThreshold?: string;
  /** Curve points of a banded curve in the Bands__c syntax, such as `0:100;1:60;3:20`. */
  bands?: string;
  missingData?: MissingDataPolicy;
  isCritical?: boolean;
}

/** Every edit of the preview, on top of the stored model. */
export interface ModelEdits {
  model: Partial<Record<ModelField, string>>;
  /** Weight typed for a dimension, by dimension name. */
  dimensionWeights: Record<string, string>;
  measures: Record<string, MeasureEdits>;
}

/** The edited model, with the problems of inputs that could not be read. */
export interface DraftModel {
  model: HealthModel;
  /** An input that is not a number or a band list; the model keeps the stored value for it. */
  inputProblems: LocatedProblem[];
  /** True when some edit differs from the stored model. */
  hasChanges: boolean;
}

/** Returns a set of edits that changes nothing. */
export function noEdits(): ModelEdits {
  return { model: {}, dimensionWeights: {}, measures: {} };
}

/** Returns a number as Apex sent it, or NaN for a missing value, which `validateModel` reports as invalid. */
function numberOf(value: number | null): number {
  return value ?? Number.NaN;
}

function toMeasure(record: MeasureRecord): MeasureDefinition {
  const measure: MeasureDefinition = {
    name: record.name ?? '',
    label: record.label ?? record.name ?? '',
    // Custom Metadata stores these as text, and validateModel reports a value the engine does not know.
    signal: (record.signal ?? '') as SignalName,
    windowDays: numberOf(record.windowDays),
    direction: (record.direction ?? '') as Direction,
    curve: (record.curve ?? '') as CurveType,
    lowerThreshold: record.lowerThreshold,
    upperThreshold: record.upperThreshold,
    bands: (record.bands ?? []).map((step) => ({ min: numberOf(step.min), score: numberOf(step.score) })),
    missingData: (record.missingData ?? '') as MissingDataPolicy,
    isCritical: record.isCritical === true,
    weight: numberOf(record.weight)
  };
  if (record.description) {
    measure.description = record.description;
  }
  return measure;
}

function toDimension(record: DimensionRecord): DimensionDefinition {
  const dimension: DimensionDefinition = {
    name: record.name ?? '',
    label: record.label ?? record.name ?? '',
    weight: numberOf(record.weight),
    measures: (record.measures ?? []).map(toMeasure)
  };
  if (record.description) {
    dimension.description = record.description;
  }
  if (record.recommendedAction) {
    dimension.recommendedAction = record.recommendedAction;
  }
  if (record.category === 'Technical' || record.category === 'Business') {
    dimension.category = record.category;
  }
  return dimension;
}

/**
 * Converts the model that HealthModelAdminController sends to the engine's HealthModel. The two differ only in the
 * segment criteria, which Apex sends as segmentField and segmentValues, and in nulls, which become NaN or empty text
 * so that `validateModel` reports them.
 * @param definition The model as Apex sends it.
 */
export function toEngineModel(definition: ModelDefinition): HealthModel {
  const segmentValues = definition.segmentValues ?? [];
  const hasSegment = Boolean(definition.segmentField) || segmentValues.length > 0;
  return {
    name: definition.name ?? '',
    label: definition.label ?? definition.name ?? '',
    version: numberOf(definition.version),
    segment: hasSegment ? { field: definition.segmentField ?? '', values: segmentValues } : null,
    greenMin: numberOf(definition.greenMin),
    yellowMin: numberOf(definition.yellowMin),
    neutralScore: numberOf(definition.neutralScore),
    minimumCoverage: numberOf(definition.minimumCoverage),
    criticalCapScore: numberOf(definition.criticalCapScore),
    trendWindowDays: numberOf(definition.trendWindowDays),
    trendDeadBand: numberOf(definition.trendDeadBand),
    dimensions: (definition.dimensions ?? []).map(toDimension)
  };
}

/** Syntax of one Bands__c step, as HealthModelRepository reads it: `min:score`, with optional signs and decimals. */
const BAND_STEP = /^([+-]?\d+(?:\.\d+)?)\s*:\s*([+-]?\d+(?:\.\d+)?)$/;
const BANDS_EXAMPLE = '0:100;1:60;3:20';

/**
 * Reads curve points in the Bands__c syntax: `min:score` steps separated by semicolons, with spaces around steps and
 * numbers and a final semicolon allowed, as HealthModelRepository reads the field. The order of the mins and the score
 * range are left to `validateModel`.
 * @param text The curve points.
 * @returns The steps, or the reason the text cannot be read.
 */
export function parseBands(text: string): { steps: BandStep[] } | { error: string } {
  const parts = text.split(';');
  if (parts.length > 1 && parts[parts.length - 1].trim() === '') {
    parts.pop();
  }
  const steps: BandStep[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index].trim();
    const match = BAND_STEP.exec(part);
    if (match === null) {
      const stepText = part === '' ? 'an empty step' : `"${part}"`;
      return {
        error: `step ${index + 1} of "${text}" is ${stepText}, not min:score; write steps such as ${BANDS_EXAMPLE}.`
      };
    }
    steps.push({ min: Number(match[1]), score: Number(match[2]) });
  }
  return { steps };
}

/** Writes band steps in the Bands__c syntax. */
export function formatBands(steps: BandStep[]): string {
  return steps.map((step) => `${formatPlain(step.min)}:${formatPlain(step.score)}`).join(';');
}

/** Writes a number without an exponent, as Custom Metadata number fields and Bands__c accept it. */
export function formatPlain(value: number): string {
  const text = String(value);
  if (!text.includes('e')) {
    return text;
  }
  return value.toFixed(12).replace(/\.?0+$/, '');
}

/** Reads a number input: blank is null, text that is not a finite number is NaN. */
function readNumber(text: string): number | null {
  if (text.trim() === '') {
    return null;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** Collects the input problems of one edit pass. */
class InputProblems {
  readonly problems: LocatedProblem[] = [];

  constructor(private readonly modelName: string) {}

  add(
    where: { location: string; dimension: string | null; measure: string | null; field: string },
    message: string
  ): void {
    this.problems.push({ model: this.modelName, ...where, message });
  }
}

/**
 * Reads a required number: a blank or non-numeric input is an input problem and keeps the stored value.
 */
function requiredNumber(
  text: string | undefined,
  stored: number,
  label: string,
  where: { location: string; dimension: string | null; measure: string | null; field: string },
  problems: InputProblems
): number {
  if (text === undefined) {
    return stored;
  }
  const value = readNumber(text);
  if (value === null || Number.isNaN(value)) {
    const problemText = text.trim() === '' ? 'is empty' : `"${text}" is not a number`;
    problems.add(where, `${label} ${problemText}; enter a number.`);
    return stored;
  }
  return value;
}

/**
 * Reads an optional number. Blank is null, which `validateModel` reports where the curve needs a threshold. Text that
 * is not a number is an input problem, and the stored value stays.
 */
function optionalNumber(
  text: string | undefined,
  stored: number | null,
  label: string,
  where: { location: string; dimension: string | null; measure: string | null; field: string },
  problems: InputProblems
): number | null {
  if (text === undefined) {
    return stored;
  }
  const value = readNumber(text);
  if (value !== null && Number.isNaN(value)) {
    problems.add(where, `${label} "${text}" is not a number; enter a number, or leave it blank.`);
    return stored;
  }
  return value;
}

function sameNumber(left: number | null, right: number | null): boolean {
  return left === right || (left !== null && right !== null && Number.isNaN(left) && Number.isNaN(right));
}

function sameBands(left: BandStep[], right: BandStep[]): boolean {
  return (
    left.length === right.length &&
    left.every((step, index) => sameNumber(step.min, right[index].min) && sameNumber(step.score, right[index].score))
  );
}

/** Returns true when a measure differs from its stored version in a field the preview edits. */
export function measureChanged(stored: MeasureDefinition, edited: MeasureDefinition): boolean {
  return (
    !sameNumber(stored.weight, edited.weight) ||
    !sameNumber(stored.lowerThreshold, edited.lowerThreshold) ||
    !sameNumber(stored.upperThreshold, edited.upperThreshold) ||
    !sameBands(stored.bands, edited.bands) ||
    stored.missingData !== edited.missingData ||
    stored.isCritical !== edited.isCritical
  );
}

function applyMeasureEdits(
  measure: MeasureDefinition,
  edits: MeasureEdits | undefined,
  dimension: DimensionDefinition,
  location: string,
  problems: InputProblems
): MeasureDefinition {
  if (edits === undefined) {
    return measure;
  }
  const where = (path: string, field: string) => ({
    location: `${location}.${path}`,
    dimension: dimension.name,
    measure: measure.name,
    field
  });
  const scope = `${dimension.name}/${measure.name}:`;
  let bands = measure.bands;
  if (edits.bands !== undefined) {
    const parsed = parseBands(edits.bands);
    if ('error' in parsed) {
      problems.add(where('bands', 'Bands__c'), `${scope} curve points ${parsed.error}`);
    } else {
      bands = parsed.steps;
    }
  }
  const missingData =
    edits.missingData !== undefined && MISSING_DATA_POLICIES.includes(edits.missingData)
      ? edits.missingData
      : measure.missingData;
  return {
    ...measure,
    weight: requiredNumber(edits.weight, measure.weight, `${scope} weight`, where('weight', 'Weight__c'), problems),
    lowerThreshold: optionalNumber(
      edits.lowerThreshold,
      measure.lowerThreshold,
      `${scope} lower threshold`,
      where('lowerThreshold', 'LowerThreshold__c'),
      problems
    ),
    upperThreshold: optionalNumber(
      edits.upperThreshold,
      measure.upperThreshold,
      `${scope} upper threshold`,
      where('upperThreshold', 'UpperThreshold__c'),
      problems
    ),
    bands,
    missingData,
    isCritical: edits.isCritical ?? measure.isCritical
  };
}

/**
 * Applies the edits to the stored model and returns a new model. The stored model stays unchanged, because the engine
 * caches its checks per model object.
 * @param stored The stored model.
 * @param edits The admin's edits.
 */
export function applyEdits(stored: HealthModel, edits: ModelEdits): DraftModel {
  const problems = new InputProblems(stored.name);
  const modelWhere = (field: ModelField, metadataField: string) => ({
    location: field,
    dimension: null,
    measure: null,
    field: metadataField
  });
  const model: HealthModel = {
    ...stored,
    greenMin: requiredNumber(
      edits.model.greenMin,
      stored.greenMin,
      `${stored.name}: green from`,
      modelWhere('greenMin', 'GreenMin__c'),
      problems
    ),
    yellowMin: requiredNumber(
      edits.model.yellowMin,
      stored.yellowMin,
      `${stored.name}: yellow from`,
      modelWhere('yellowMin', 'YellowMin__c'),
      problems
    ),
    dimensions: stored.dimensions.map((dimension, dimensionIndex) => {
      const location = `dimensions[${dimensionIndex}]`;
      const weight = requiredNumber(
        edits.dimensionWeights[dimension.name],
        dimension.weight,
        `${dimension.name}: weight`,
        { location: `${location}.weight`, dimension: dimension.name, measure: null, field: 'Weight__c' },
        problems
      );
      return {
        ...dimension,
        weight,
        measures: dimension.measures.map((measure, measureIndex) =>
          applyMeasureEdits(
            measure,
            Object.prototype.hasOwnProperty.call(edits.measures, measure.name)
              ? edits.measures[measure.name]
              : undefined,
            dimension,
            `${location}.measures[${measureIndex}]`,
            problems
          )
        )
      };
    })
  };
  return { model, inputProblems: problems.problems, hasChanges: hasChanges(stored, model) };
}

/** Returns true when the edited model differs from the stored one in a field the preview edits. */
export function hasChanges(stored: HealthModel, edited: HealthModel): boolean {
  if (!sameNumber(stored.greenMin, edited.greenMin) || !sameNumber(stored.yellowMin, edited.yellowMin)) {
    return true;
  }
  return stored.dimensions.some((dimension, dimensionIndex) => {
    const editedDimension = edited.dimensions[dimensionIndex];
    return (
      !sameNumber(dimension.weight, editedDimension.weight) ||
      dimension.measures.some((measure, measureIndex) =>
        measureChanged(measure, editedDimension.measures[measureIndex])
      )
    );
  });
}
