/**
 * Loader of health models from Custom Metadata record files, for the command-line tools and tests. The Apex side
 * reads the same records from the org; both must build the same HealthModel from them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SIGNAL_NAMES } from 'c/healthEngine';
import type {
  BandStep,
  CurveType,
  DimensionDefinition,
  HealthModel,
  MeasureDefinition,
  SegmentCriteria
} from 'c/healthEngine';
import { BandsSyntaxError, parseBands } from './bands';
import {
  CURVES,
  DIRECTIONS,
  HEALTH_DIMENSION_FIELDS,
  HEALTH_DIMENSION_TYPE,
  HEALTH_MEASURE_FIELDS,
  HEALTH_MEASURE_TYPE,
  HEALTH_MODEL_FIELDS,
  HEALTH_MODEL_TYPE,
  MISSING_DATA_POLICIES,
  TypeSpec
} from './metadataSchema';
import { MetadataRecord, ModelLoadError, ModelLoadProblem, readMetadataRecord, RecordReader } from './metadataRecords';
import { repoRoot } from '../paths';

export { ModelLoadError, formatProblem } from './metadataRecords';
export type { ModelLoadProblem } from './metadataRecords';

/** Folder of the package's own model records, relative to the repository root. */
export const DEFAULT_MODEL_DIR = path.join('force-app', 'main', 'health', 'customMetadata');

/** A loaded model with its IsActive__c flag, which the engine does not use. */
export interface LoadedHealthModel extends HealthModel {
  isActive: boolean;
}

/** Options of {@link loadModelsFromMetadata}. */
export interface LoadModelsOptions {
  /** Also return models whose IsActive__c is false; by default only active models are returned. */
  includeInactive?: boolean;
}

const RECORD_FILE = /^(HealthModel|HealthDimension|HealthMeasure)\.[^.]+\.md-meta\.xml$/;
const FIELD_API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A definition with what is needed to attach it to its parent and order it among its siblings. */
interface Child<T> {
  record: MetadataRecord;
  parent: string;
  sortOrder: number | null;
  definition: T;
}

/**
 * Loads every health model defined by the HealthModel, HealthDimension and HealthMeasure record files of a
 * source-format `customMetadata` folder. Other files in the folder are ignored. A dimension names its model by
 * DeveloperName (the middle part of the record's file name), and a measure names its dimension the same way. These
 * DeveloperNames are also the dimension and measure names in the result. Dimensions and measures are ordered by
 * SortOrder__c (blank last), then by name. This function checks structure and syntax, and the engine's
 * `validateModel` checks weights, threshold ranges and band directions.
 *
 * @param customMetadataDir folder holding the record files, for example `force-app/main/health/customMetadata`
 * @param options `includeInactive` to return inactive models too
 * @returns the models sorted by name
 * @throws ModelLoadError listing every problem found (file, line, field and what to change) when the folder is
 *   missing, holds no HealthModel record, or any record is invalid
 */
export function loadModelsFromMetadata(
  customMetadataDir: string,
  options: LoadModelsOptions = {}
): LoadedHealthModel[] {
  const problems: ModelLoadProblem[] = [];
  const files = listRecordFiles(customMetadataDir);
  const read = (typeName: string, spec: TypeSpec): RecordReader[] => {
    const prefix = `${typeName.replace(/__mdt$/, '')}.`;
    return files
      .filter((file) => path.basename(file).startsWith(prefix))
      .map((file) => readMetadataRecord(file, typeName, spec, problems))
      .filter((record): record is MetadataRecord => record !== null)
      .map((record) => new RecordReader(record, spec, problems));
  };

  const models = new Map<string, LoadedHealthModel>();
  for (const reader of read(HEALTH_MODEL_TYPE, HEALTH_MODEL_FIELDS)) {
    models.set(reader.record.developerName, readModel(reader));
  }
  if (models.size === 0 && problems.length === 0) {
    problems.push({
      file: customMetadataDir,
      field: null,
      line: null,
      message:
        'holds no HealthModel.<Name>.md-meta.xml record; pass the customMetadata folder that contains the model ' +
        `records, for example ${DEFAULT_MODEL_DIR}`
    });
  }

  const dimensions = new Map<string, Child<DimensionDefinition>>();
  for (const reader of read(HEALTH_DIMENSION_TYPE, HEALTH_DIMENSION_FIELDS)) {
    const dimension = readDimension(reader);
    const parent = readParent(reader, 'Model__c', 'HealthModel', [...models.keys()]);
    if (parent !== null) {
      dimensions.set(reader.record.developerName, { ...dimension, record: reader.record, parent });
    }
  }

  const measures: Child<MeasureDefinition>[] = [];
  for (const reader of read(HEALTH_MEASURE_TYPE, HEALTH_MEASURE_FIELDS)) {
    const measure = readMeasure(reader);
    const parent = readParent(reader, 'Dimension__c', 'HealthDimension', [...dimensions.keys()]);
    if (parent !== null) {
      measures.push({ ...measure, record: reader.record, parent });
    }
  }

  if (problems.length > 0) {
    throw new ModelLoadError(problems);
  }

  for (const measure of sortChildren(measures)) {
    dimensions.get(measure.parent)?.definition.measures.push(measure.definition);
  }
  for (const dimension of sortChildren([...dimensions.values()])) {
    models.get(dimension.parent)?.dimensions.push(dimension.definition);
  }

  return [...models.values()]
    .filter((model) => model.isActive || options.includeInactive === true)
    .sort((a, b) => compareText(a.name, b.name));
}

/**
 * Loads the models shipped with the package, from the `customMetadata` folder of the health feature in the
 * repository that contains this file. Only active models are returned unless `options.includeInactive` is set.
 *
 * @throws ModelLoadError as {@link loadModelsFromMetadata} does
 */
export function loadDefaultModels(options: LoadModelsOptions = {}): LoadedHealthModel[] {
  return loadModelsFromMetadata(packageCustomMetadataDir(), options);
}

/** Returns the absolute path of the package's own model records. */
export function packageCustomMetadataDir(): string {
  return path.join(repoRoot(), DEFAULT_MODEL_DIR);
}

function listRecordFiles(customMetadataDir: string): string[] {
  if (!fs.existsSync(customMetadataDir) || !fs.statSync(customMetadataDir).isDirectory()) {
    throw new ModelLoadError([
      {
        file: customMetadataDir,
        field: null,
        line: null,
        message: `folder not found; pass the customMetadata folder that contains the model records, for example ${DEFAULT_MODEL_DIR}`
      }
    ]);
  }
  return fs
    .readdirSync(customMetadataDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && RECORD_FILE.test(entry.name))
    .map((entry) => path.join(customMetadataDir, entry.name))
    .sort(compareText);
}

function readModel(reader: RecordReader): LoadedHealthModel {
  return {
    name: reader.record.developerName,
    label: reader.record.label,
    isActive: reader.checkbox('IsActive__c'),
    version: reader.requireNumber('Version__c'),
    segment: readSegment(reader),
    greenMin: reader.requireNumber('GreenMin__c'),
    yellowMin: reader.requireNumber('YellowMin__c'),
    neutralScore: reader.requireNumber('NeutralScore__c'),
    minimumCoverage: reader.requireNumber('MinimumCoverage__c'),
    criticalCapScore: reader.requireNumber('CriticalCapScore__c'),
    trendWindowDays: reader.requireNumber('TrendWindowDays__c'),
    trendDeadBand: reader.requireNumber('TrendDeadBand__c'),
    dimensions: []
  };
}

/** Reads the segment criteria; both fields blank means the model applies to every account. */
function readSegment(reader: RecordReader): SegmentCriteria | null {
  const field = reader.text('SegmentField__c');
  const valuesText = reader.text('SegmentValues__c');
  const values = (valuesText ?? '')
    .split(';')
    .map((value) => value.trim())
    .filter((value) => value !== '');

  if (field === null && values.length === 0) {
    return null;
  }
  if (field === null) {
    reader.problem('SegmentField__c', 'is blank but Segment Values is set; name the Account field, or clear both');
    return null;
  }
  if (!FIELD_API_NAME.test(field)) {
    reader.problem('SegmentField__c', `"${field}" is not a field API name; write one such as Industry or Segment__c`);
    return null;
  }
  if (values.length === 0) {
    reader.problem(
      'SegmentValues__c',
      `is blank but Segment Field is ${field}; list the values that select this model, separated by semicolons`
    );
    return null;
  }
  return { field, values };
}

function readDimension(reader: RecordReader): Omit<Child<DimensionDefinition>, 'record' | 'parent'> {
  const definition: DimensionDefinition = {
    name: reader.record.developerName,
    label: reader.record.label,
    weight: reader.requireNumber('Weight__c'),
    measures: []
  };
  const description = reader.text('Description__c');
  if (description !== null) {
    definition.description = description;
  }
  const recommendedAction = reader.text('RecommendedAction__c');
  if (recommendedAction !== null) {
    definition.recommendedAction = recommendedAction;
  }
  return { definition, sortOrder: reader.number('SortOrder__c') };
}

function readMeasure(reader: RecordReader): Omit<Child<MeasureDefinition>, 'record' | 'parent'> {
  // A blank or unknown curve is already a problem; skip the checks that depend on it to avoid follow-on problems.
  const curve = reader.picklist('Curve__c', CURVES);
  const definition: MeasureDefinition = {
    name: reader.record.developerName,
    label: reader.record.label,
    signal: reader.requirePicklist('Signal__c', SIGNAL_NAMES),
    windowDays: reader.requireNumber('WindowDays__c'),
    direction: reader.requirePicklist('Direction__c', DIRECTIONS),
    curve: curve ?? CURVES[0],
    lowerThreshold: reader.number('LowerThreshold__c'),
    upperThreshold: reader.number('UpperThreshold__c'),
    bands: curve === null ? [] : readBands(reader, curve),
    missingData: reader.requirePicklist('MissingDataPolicy__c', MISSING_DATA_POLICIES),
    isCritical: reader.checkbox('IsCritical__c'),
    weight: reader.requireNumber('Weight__c')
  };
  if (curve === 'Linear') {
    for (const field of ['LowerThreshold__c', 'UpperThreshold__c']) {
      if (reader.text(field) === null) {
        reader.problem(field, 'is blank but Curve is Linear; set both thresholds, or set Curve to Bands');
      }
    }
  }
  const description = reader.text('Description__c');
  if (description !== null) {
    definition.description = description;
  }
  return { definition, sortOrder: reader.number('SortOrder__c') };
}

/** Reads Bands__c: required for a banded curve, and left blank for a linear one so that no setting is ignored. */
function readBands(reader: RecordReader, curve: CurveType): BandStep[] {
  const text = reader.text('Bands__c');
  if (curve === 'Linear') {
    if (text !== null) {
      reader.problem('Bands__c', `is "${text}" but Curve is Linear, which ignores it; clear it or set Curve to Bands`);
    }
    return [];
  }
  if (text === null) {
    reader.problem('Bands__c', 'is blank but Curve is Bands; write steps such as 0:100;1:60;3:20');
    return [];
  }
  try {
    return parseBands(text);
  } catch (error) {
    if (error instanceof BandsSyntaxError) {
      reader.problem('Bands__c', error.message);
      return [];
    }
    throw error;
  }
}

/** Reads a relationship field and checks that it names a record of the parent type that was loaded. */
function readParent(reader: RecordReader, field: string, parentType: string, knownNames: string[]): string | null {
  const name = reader.text(field);
  if (name === null) {
    return null;
  }
  if (knownNames.includes(name)) {
    return name;
  }
  const caseMatch = knownNames.find((known) => known.toLowerCase() === name.toLowerCase());
  const hint =
    caseMatch !== undefined
      ? `did you mean ${caseMatch}?`
      : `use one of ${knownNames.length > 0 ? knownNames.join(', ') : '(none loaded)'}, or add that record`;
  reader.problem(
    field,
    `names ${parentType} "${name}", but the folder has no valid ${parentType}.${name}.md-meta.xml; ${hint}`
  );
  return null;
}

/** Orders by SortOrder__c with blanks last, then by DeveloperName. */
function sortChildren<T>(children: Child<T>[]): Child<T>[] {
  return [...children].sort((a, b) => {
    if (a.sortOrder !== b.sortOrder) {
      if (a.sortOrder === null) {
        return 1;
      }
      if (b.sortOrder === null) {
        return -1;
      }
      return a.sortOrder - b.sortOrder;
    }
    return compareText(a.record.developerName, b.record.developerName);
  });
}

/** Compares by UTF-16 code units, so the order does not depend on the machine's locale. */
function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
