import { isSignalName } from './signals';
import type { DimensionDefinition, HealthModel, MeasureDefinition, ModelProblem } from './types';

const CURVES = ['Linear', 'Bands'];
const DIRECTIONS = ['HigherIsBetter', 'LowerIsBetter'];
const POLICIES = ['Neutral', 'Redistribute', 'Zero', 'Exclude'];

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function show(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}

/** Collects problems with one location prefix and one message scope, such as `Support/OpenCases`. */
class ProblemList {
  readonly problems: ModelProblem[] = [];

  add(location: string, scope: string, message: string): void {
    this.problems.push({ location, message: `${scope}: ${message}` });
  }

  /** Records a problem unless `value` is a finite number from `min` to `max`. */
  requireRange(location: string, scope: string, field: string, value: unknown, min: number, max: number): void {
    if (!isFiniteNumber(value) || value < min || value > max) {
      this.add(location, scope, `${field} ${show(value)} is outside ${min} to ${max}; set a number in that range.`);
    }
  }

  requirePositiveInteger(location: string, scope: string, field: string, value: unknown): void {
    if (!isFiniteNumber(value) || !Number.isInteger(value) || value <= 0) {
      this.add(location, scope, `${field} ${show(value)} is not a positive whole number of days; use 1 or more.`);
    }
  }

  requireWeight(location: string, scope: string, value: unknown): void {
    if (!isFiniteNumber(value) || value < 0) {
      this.add(
        location,
        scope,
        `weight ${show(value)} is invalid; use 0 or a positive number (0 shows without scoring).`
      );
    }
  }
}

/** Sum of the valid (finite, non-negative) weights; invalid weights are reported separately. */
function sumOfWeights(items: { weight: number }[]): number {
  return items.reduce((sum, item) => sum + (isFiniteNumber(item.weight) && item.weight > 0 ? item.weight : 0), 0);
}

function validateModelFields(model: HealthModel, list: ProblemList): void {
  const scope = typeof model.name === 'string' && model.name !== '' ? model.name : 'Model';
  if (typeof model.name !== 'string' || model.name.trim() === '') {
    list.add('name', scope, 'name is empty; give the model an API name.');
  }
  if (!isFiniteNumber(model.version) || !Number.isInteger(model.version) || model.version < 1) {
    list.add(
      'version',
      scope,
      `version ${show(model.version)} is not a whole number of 1 or more; number versions 1, 2, 3.`
    );
  }

  list.requireRange('greenMin', scope, 'greenMin', model.greenMin, 0, 100);
  list.requireRange('yellowMin', scope, 'yellowMin', model.yellowMin, 0, 100);
  if (isFiniteNumber(model.greenMin) && isFiniteNumber(model.yellowMin) && model.greenMin <= model.yellowMin) {
    list.add(
      'greenMin',
      scope,
      `greenMin ${model.greenMin} must be above yellowMin ${model.yellowMin}; raise greenMin or lower yellowMin.`
    );
  }

  list.requireRange('neutralScore', scope, 'neutralScore', model.neutralScore, 0, 100);
  list.requireRange('minimumCoverage', scope, 'minimumCoverage', model.minimumCoverage, 0, 1);
  list.requireRange('criticalCapScore', scope, 'criticalCapScore', model.criticalCapScore, 0, 100);
  list.requirePositiveInteger('trendWindowDays', scope, 'trendWindowDays', model.trendWindowDays);
  if (!isFiniteNumber(model.trendDeadBand) || model.trendDeadBand < 0) {
    list.add(
      'trendDeadBand',
      scope,
      `trendDeadBand ${show(model.trendDeadBand)} is invalid; use 0 or more points per week.`
    );
  }

  if (model.segment !== null && model.segment !== undefined) {
    if (typeof model.segment.field !== 'string' || model.segment.field.trim() === '') {
      list.add('segment.field', scope, 'segment.field is empty; name the account field, or set segment to null.');
    }
    if (!Array.isArray(model.segment.values) || model.segment.values.length === 0) {
      list.add('segment.values', scope, 'segment.values is empty, so the model matches no account; list the values.');
    }
  }
}

function validateLinear(measure: MeasureDefinition, location: string, scope: string, list: ProblemList): void {
  const lower = measure.lowerThreshold;
  const upper = measure.upperThreshold;
  if (!isFiniteNumber(lower)) {
    list.add(
      `${location}.lowerThreshold`,
      scope,
      `lowerThreshold ${show(lower)} is missing; a linear curve needs both thresholds.`
    );
  }
  if (!isFiniteNumber(upper)) {
    list.add(
      `${location}.upperThreshold`,
      scope,
      `upperThreshold ${show(upper)} is missing; a linear curve needs both thresholds.`
    );
  }
  if (isFiniteNumber(lower) && isFiniteNumber(upper) && lower >= upper) {
    list.add(
      `${location}.upperThreshold`,
      scope,
      `upperThreshold ${upper} must be above lowerThreshold ${lower}; the direction, not the order, sets which end scores 100.`
    );
  }
}

function validateBands(measure: MeasureDefinition, location: string, scope: string, list: ProblemList): void {
  const bands = measure.bands;
  if (!Array.isArray(bands) || bands.length === 0) {
    list.add(`${location}.bands`, scope, 'bands is empty; a banded curve needs at least one { min, score } step.');
    return;
  }
  bands.forEach((step, index) => {
    const stepLocation = `${location}.bands[${index}]`;
    if (!isFiniteNumber(step.min)) {
      list.add(
        `${stepLocation}.min`,
        scope,
        `bands[${index}].min ${show(step.min)} is not a number; set the raw value where the step starts.`
      );
    }
    if (!isFiniteNumber(step.score) || step.score < 0 || step.score > 100) {
      list.add(
        `${stepLocation}.score`,
        scope,
        `bands[${index}].score ${show(step.score)} is outside 0 to 100; set a score in that range.`
      );
    }
    if (index === 0) {
      return;
    }
    const previous = bands[index - 1];
    if (isFiniteNumber(step.min) && isFiniteNumber(previous.min) && step.min <= previous.min) {
      list.add(
        `${stepLocation}.min`,
        scope,
        `bands[${index}].min ${step.min} is not above bands[${index - 1}].min ${previous.min}; sort the steps by strictly rising min.`
      );
    }
    if (!isFiniteNumber(step.score) || !isFiniteNumber(previous.score)) {
      return;
    }
    if (measure.direction === 'HigherIsBetter' && step.score < previous.score) {
      list.add(
        `${stepLocation}.score`,
        scope,
        `bands[${index}].score ${step.score} is below bands[${index - 1}].score ${previous.score}, but a HigherIsBetter curve must not fall; raise it or change the direction.`
      );
    }
    if (measure.direction === 'LowerIsBetter' && step.score > previous.score) {
      list.add(
        `${stepLocation}.score`,
        scope,
        `bands[${index}].score ${step.score} is above bands[${index - 1}].score ${previous.score}, but a LowerIsBetter curve must not rise; lower it or change the direction.`
      );
    }
  });
}

function validateMeasure(measure: MeasureDefinition, location: string, dimensionName: string, list: ProblemList): void {
  const scope = `${dimensionName}/${measure.name}`;
  if (typeof measure.name !== 'string' || measure.name.trim() === '') {
    list.add(`${location}.name`, scope, 'name is empty; give the measure a unique API name.');
  }
  if (!isSignalName(measure.signal)) {
    list.add(
      `${location}.signal`,
      scope,
      `signal ${show(measure.signal)} is unknown; use one of the engine's signal names.`
    );
  }
  list.requirePositiveInteger(`${location}.windowDays`, scope, 'windowDays', measure.windowDays);
  list.requireWeight(`${location}.weight`, scope, measure.weight);
  if (!DIRECTIONS.includes(measure.direction)) {
    list.add(
      `${location}.direction`,
      scope,
      `direction ${show(measure.direction)} is unknown; use HigherIsBetter or LowerIsBetter.`
    );
  }
  if (!POLICIES.includes(measure.missingData)) {
    list.add(
      `${location}.missingData`,
      scope,
      `missingData ${show(measure.missingData)} is unknown; use Neutral, Redistribute, Zero or Exclude.`
    );
  }
  if (measure.curve === 'Linear') {
    validateLinear(measure, location, scope, list);
  } else if (measure.curve === 'Bands') {
    validateBands(measure, location, scope, list);
  } else {
    list.add(`${location}.curve`, scope, `curve ${show(measure.curve)} is unknown; use ${CURVES.join(' or ')}.`);
  }
}

function validateDimension(
  dimension: DimensionDefinition,
  location: string,
  measureNames: Map<string, string>,
  list: ProblemList
): void {
  const scope = typeof dimension.name === 'string' ? dimension.name : `Dimension ${location}`;
  if (typeof dimension.name !== 'string' || dimension.name.trim() === '') {
    list.add(`${location}.name`, scope, 'name is empty; give the dimension a unique API name.');
  }
  list.requireWeight(`${location}.weight`, scope, dimension.weight);
  if (!Array.isArray(dimension.measures)) {
    list.add(`${location}.measures`, scope, 'measures is missing; list the measures of the dimension.');
    return;
  }
  if (isFiniteNumber(dimension.weight) && dimension.weight > 0 && sumOfWeights(dimension.measures) === 0) {
    list.add(
      `${location}.measures`,
      scope,
      `measure weights sum to 0 while the dimension weight is ${dimension.weight}; weight a measure or set the dimension weight to 0.`
    );
  }
  dimension.measures.forEach((measure, index) => {
    const measureLocation = `${location}.measures[${index}]`;
    validateMeasure(measure, measureLocation, scope, list);
    const firstLocation = measureNames.get(measure.name);
    if (firstLocation !== undefined) {
      list.add(
        `${measureLocation}.name`,
        `${scope}/${measure.name}`,
        `measure name is already used at ${firstLocation}; measure names must be unique across the model.`
      );
    } else {
      measureNames.set(measure.name, measureLocation);
    }
  });
}

/**
 * Checks a health model and lists every problem found, in model order. A model with no problems can be evaluated.
 * Model fields: the name and version; greenMin and yellowMin from 0 to 100, with greenMin above yellowMin;
 * neutralScore and criticalCapScore from 0 to 100; minimumCoverage from 0 to 1; trendWindowDays a positive whole
 * number and trendDeadBand 0 or more; a segment, when set, with a field and values.
 * Weights and names: no negative weight; dimension weights not summing to 0; no weighted dimension whose measure
 * weights sum to 0; dimension names unique, and measure names unique across the model.
 * Measures: a known signal, curve, direction and missing-data policy; windowDays a positive whole number; linear
 * thresholds present with lower below upper; bands not empty, with strictly rising mins, scores from 0 to 100, and
 * scores that never fall (HigherIsBetter) or never rise (LowerIsBetter).
 * @param model Model to check, as read from Custom Metadata or JSON (fields may be missing).
 * @returns Problems with a location such as `dimensions[2].measures[0].upperThreshold` and a message that starts
 *   with the names, such as `Support/OpenHighPriorityCases: upperThreshold ...`; empty when the model is valid.
 */
export function validateModel(model: HealthModel): ModelProblem[] {
  const list = new ProblemList();
  validateModelFields(model, list);
  const scope = typeof model.name === 'string' && model.name !== '' ? model.name : 'Model';
  if (!Array.isArray(model.dimensions)) {
    list.add('dimensions', scope, 'dimensions is missing; list the dimensions of the model.');
    return list.problems;
  }
  if (sumOfWeights(model.dimensions) === 0) {
    list.add(
      'dimensions',
      scope,
      'dimension weights sum to 0, so nothing can be scored; give a dimension a positive weight.'
    );
  }
  const dimensionNames = new Map<string, string>();
  const measureNames = new Map<string, string>();
  model.dimensions.forEach((dimension, index) => {
    const location = `dimensions[${index}]`;
    validateDimension(dimension, location, measureNames, list);
    const firstLocation = dimensionNames.get(dimension.name);
    if (firstLocation !== undefined) {
      list.add(
        `${location}.name`,
        dimension.name,
        `dimension name is already used at ${firstLocation}; give each dimension a unique name.`
      );
    } else {
      dimensionNames.set(dimension.name, location);
    }
  });
  return list.problems;
}
