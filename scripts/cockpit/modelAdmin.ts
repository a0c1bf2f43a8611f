/**
 * HealthModelAdminController offline: the problems of the active health models read from the model records, and the
 * preview data of one model from the scored export. The raw measure values come from each account's evaluation on
 * the as-of date, rounded to 4 places as HealthContribution__c.RawValue__c stores them. The overrides come from the
 * change store. So the component re-scores the same values it would get in an org.
 *
 * NOTE: the model check and the record details (sort orders, model description) read the package's model records.
 * With `npm start -- --model-dir <folder>` the export is scored with that folder's models, and the preview uses them,
 * but the check still reads the package's records, because the scored export does not keep the folder it read.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { validateModel } from 'c/healthEngine';
import type { HealthModel } from 'c/healthEngine';
import { locateProblems } from '../../force-app/main/portfolio/lwc/healthModelPreview/modelProblems';
import { loadModelsFromMetadata, ModelLoadError, packageCustomMetadataDir } from '../lib/model';
import type { ModelLoadProblem } from '../lib/model';
import { readMetadataRecord, RecordReader } from '../lib/model/metadataRecords';
import {
  HEALTH_DIMENSION_FIELDS,
  HEALTH_DIMENSION_TYPE,
  HEALTH_MEASURE_FIELDS,
  HEALTH_MEASURE_TYPE,
  HEALTH_MODEL_FIELDS,
  HEALTH_MODEL_TYPE
} from '../lib/model/metadataSchema';
import type { TypeSpec } from '../lib/model/metadataSchema';
import { ApexError } from './apexErrors';
import type { CockpitData } from './data';
import { approvedOverrides } from './scorecard';
import type { CockpitStore } from './store';
import type { CockpitUser } from './users';

type ModelValidation = ApexTypes.HealthModelAdminController_ModelValidation;
type ModelReport = ApexTypes.HealthModelAdminController_ModelReport;
type Problem = ApexTypes.HealthModelAdminController_Problem;
type PreviewData = ApexTypes.HealthModelAdminController_PreviewData;
type PreviewAccount = ApexTypes.HealthModelAdminController_PreviewAccount;
type ModelDefinition = ApexTypes.HealthModelDefinition;

/** Permission set that grants the health model Custom Metadata types, as in the org. */
export const ADMIN_PERMISSION_SET = 'SuccessCockpitAdmin';
/** Maximum and default number of preview accounts, as HealthModelAdminService.MAX_ACCOUNTS. */
export const MAX_ACCOUNTS = 2000;
/** Ledger lines one preview may read, as HealthModelAdminService.LEDGER_ROW_BUDGET. */
export const LEDGER_ROW_BUDGET = 40000;

/** Data, store and user of the model methods, and the folder of the model records. */
export interface ModelAdminContext {
  data: CockpitData;
  store: CockpitStore;
  user: CockpitUser;
  /** customMetadata folder of the model records; the package's when left out. */
  modelDir?: string;
}

/** Parameters of getPreviewData after conversion to their Apex types. */
export interface PreviewParams {
  modelName: string | null;
  maxAccounts: number | null;
}

/** Index of the model records: the parent of each record, and the record fields that the models leave out. */
interface RecordIndex {
  modelLabels: Map<string, string>;
  modelDescriptions: Map<string, string | null>;
  modelOfDimension: Map<string, string>;
  dimensionOfMeasure: Map<string, string>;
  dimensionSortOrders: Map<string, number | null>;
  measureSortOrders: Map<string, number | null>;
}

function requireAdmin(user: CockpitUser): void {
  if (!user.permissionSets.includes(ADMIN_PERMISSION_SET)) {
    throw new ApexError(
      'Access denied: you cannot read the health model records (HealthModel__mdt, HealthDimension__mdt and ' +
        'HealthMeasure__mdt), so you cannot check or preview the health model. Ask your Salesforce admin to assign ' +
        'you the Success Cockpit Admin permission set.'
    );
  }
}

/**
 * Reads the model, dimension and measure records of a folder for their relationships, labels, descriptions and sort
 * orders. A record that cannot be read is skipped, because the model loader reports it.
 */
function readRecordIndex(modelDir: string): RecordIndex {
  const index: RecordIndex = {
    modelLabels: new Map(),
    modelDescriptions: new Map(),
    modelOfDimension: new Map(),
    dimensionOfMeasure: new Map(),
    dimensionSortOrders: new Map(),
    measureSortOrders: new Map()
  };
  let files: string[];
  try {
    files = readdirSync(modelDir).sort();
  } catch {
    return index;
  }
  const read = (typeName: string, spec: TypeSpec): RecordReader[] => {
    const prefix = `${typeName.replace(/__mdt$/, '')}.`;
    return files
      .filter((file) => file.startsWith(prefix) && file.endsWith('.md-meta.xml'))
      .map((file) => readMetadataRecord(path.join(modelDir, file), typeName, spec, []))
      .flatMap((record) => (record === null ? [] : [new RecordReader(record, spec, [])]));
  };
  for (const reader of read(HEALTH_MODEL_TYPE, HEALTH_MODEL_FIELDS)) {
    if (reader.checkbox('IsActive__c')) {
      index.modelLabels.set(reader.record.developerName, reader.record.label);
      index.modelDescriptions.set(reader.record.developerName, reader.text('Description__c'));
    }
  }
  for (const reader of read(HEALTH_DIMENSION_TYPE, HEALTH_DIMENSION_FIELDS)) {
    const model = reader.text('Model__c');
    if (model !== null) {
      index.modelOfDimension.set(reader.record.developerName, model);
      index.dimensionSortOrders.set(reader.record.developerName, reader.number('SortOrder__c'));
    }
  }
  for (const reader of read(HEALTH_MEASURE_TYPE, HEALTH_MEASURE_FIELDS)) {
    const dimension = reader.text('Dimension__c');
    if (dimension !== null) {
      index.dimensionOfMeasure.set(reader.record.developerName, dimension);
      index.measureSortOrders.set(reader.record.developerName, reader.number('SortOrder__c'));
    }
  }
  return index;
}

const RECORD_FILE = /^(HealthModel|HealthDimension|HealthMeasure)\.([^.]+)\.md-meta\.xml$/;

/** Turns a problem of the model loader into a problem of its record, as HealthModelAdminProblems does in Apex. */
function toRecordProblem(problem: ModelLoadProblem, index: RecordIndex): Problem {
  const fileName = path.basename(problem.file);
  const where = problem.line === null ? fileName : `${fileName} line ${problem.line}`;
  const located: Problem = {
    model: null,
    dimension: null,
    measure: null,
    field: problem.field,
    location: problem.field === null ? where : `${where}: ${problem.field}`,
    message: `${where}: ${problem.field === null ? '' : `${problem.field}: `}${problem.message}`
  };
  const match = RECORD_FILE.exec(fileName);
  if (match === null) {
    return located;
  }
  const [, type, name] = match;
  if (type === 'HealthModel') {
    located.model = name;
  } else if (type === 'HealthDimension') {
    located.dimension = name;
    located.model = index.modelOfDimension.get(name) ?? null;
  } else {
    located.measure = name;
    located.dimension = index.dimensionOfMeasure.get(name) ?? null;
    located.model = located.dimension === null ? null : (index.modelOfDimension.get(located.dimension) ?? null);
  }
  return located;
}

function countProblems(reports: ModelReport[]): number {
  return reports.reduce((sum, report) => sum + (report.problems ?? []).length, 0);
}

/** Builds one report per active model, and one for problems of records that belong to no active model. */
function unreadableReports(problems: Problem[], index: RecordIndex): ModelReport[] {
  const names = [...index.modelLabels.keys()].sort();
  const reports: ModelReport[] = names.map((name) => ({
    modelName: name,
    label: index.modelLabels.get(name) ?? name,
    version: null,
    problems: problems.filter((problem) => problem.model === name)
  }));
  const others = problems.filter((problem) => problem.model === null || !index.modelLabels.has(problem.model));
  if (others.length > 0) {
    reports.push({ modelName: null, label: 'Records of no active model', version: null, problems: others });
  }
  return reports;
}

/**
 * HealthModelAdminController.getModelValidation: reads the active models from the model records and checks each one
 * with the engine's `validateModel`. Records the loader cannot read are reported with their file and line.
 * @throws ApexError when the user lacks the Success Cockpit Admin permission set.
 */
export function getModelValidation(context: ModelAdminContext): ModelValidation {
  requireAdmin(context.user);
  const modelDir = context.modelDir ?? packageCustomMetadataDir();
  let models: HealthModel[];
  try {
    models = loadModelsFromMetadata(modelDir);
  } catch (error) {
    if (!(error instanceof ModelLoadError)) {
      throw error;
    }
    const index = readRecordIndex(modelDir);
    const reports = unreadableReports(
      error.problems.map((problem) => toRecordProblem(problem, index)),
      index
    );
    return { models: reports, problemCount: countProblems(reports), hasUnreadableRecords: true };
  }
  const reports: ModelReport[] = models.map((model) => ({
    modelName: model.name,
    label: model.label,
    version: model.version,
    problems: locateProblems(model, validateModel(model))
  }));
  return { models: reports, problemCount: countProblems(reports), hasUnreadableRecords: false };
}

/** Converts an engine model to the HealthModelDefinition that Apex sends. */
export function toDefinition(model: HealthModel): ModelDefinition {
  return {
    name: model.name,
    label: model.label,
    version: model.version,
    segmentField: model.segment?.field ?? null,
    segmentValues: model.segment?.values ?? [],
    greenMin: model.greenMin,
    yellowMin: model.yellowMin,
    neutralScore: model.neutralScore,
    minimumCoverage: model.minimumCoverage,
    criticalCapScore: model.criticalCapScore,
    trendWindowDays: model.trendWindowDays,
    trendDeadBand: model.trendDeadBand,
    dimensions: model.dimensions.map((dimension) => ({
      name: dimension.name,
      label: dimension.label,
      weight: dimension.weight,
      category: dimension.category ?? null,
      recommendedAction: dimension.recommendedAction ?? null,
      description: dimension.description ?? null,
      measures: dimension.measures.map((measure) => ({
        name: measure.name,
        label: measure.label,
        signal: measure.signal,
        windowDays: measure.windowDays,
        direction: measure.direction,
        curve: measure.curve,
        lowerThreshold: measure.lowerThreshold,
        upperThreshold: measure.upperThreshold,
        bands: measure.bands.map((step) => ({ min: step.min, score: step.score })),
        missingData: measure.missingData,
        isCritical: measure.isCritical,
        weight: measure.weight,
        description: measure.description ?? null
      }))
    }))
  };
}

function normalizeMaxAccounts(maxAccounts: number | null): number {
  if (maxAccounts === null) {
    return MAX_ACCOUNTS;
  }
  if (maxAccounts < 1 || maxAccounts > MAX_ACCOUNTS) {
    throw new ApexError(
      `Maximum accounts ${maxAccounts} is outside 1 to ${MAX_ACCOUNTS}. Send a number in that range, or leave it ` +
        `empty for ${MAX_ACCOUNTS}.`
    );
  }
  return maxAccounts;
}

function toObject(map: Map<string, number | null>, names: string[]): Record<string, number> {
  // Apex serializes a null map value as null; the generated type lists the values as numbers.
  const entries = names.filter((name) => map.has(name)).map((name) => [name, map.get(name) as number]);
  return Object.fromEntries(entries);
}

/** Orders like the Apex query, by name and then by Id. localeCompare is close to the org's collation. */
function compareAccounts(left: PreviewAccount, right: PreviewAccount): number {
  const byName = (left.accountName ?? '').localeCompare(right.accountName ?? '');
  return byName !== 0 ? byName : (left.accountId ?? '').localeCompare(right.accountId ?? '');
}

/**
 * HealthModelAdminController.getPreviewData: the model the export was scored with, its problems, its record
 * details, and the accounts it scored with their raw measure values and approved overrides.
 * @throws ApexError when the user lacks the Success Cockpit Admin permission set, or a parameter is invalid.
 */
export function getPreviewData(context: ModelAdminContext, params: PreviewParams): PreviewData {
  const requested = normalizeMaxAccounts(params.maxAccounts);
  if (params.modelName === null || params.modelName.trim() === '') {
    throw new ApexError(
      'The model name is empty. Choose an active health model, such as Default, and load the preview again.'
    );
  }
  requireAdmin(context.user);
  const modelName = params.modelName.trim();
  const model = context.data.models.find((candidate) => candidate.name === modelName);
  if (model === undefined) {
    const names = context.data.models.map((candidate) => candidate.name).sort();
    throw new ApexError(`Health model "${modelName}" is not an active model. Choose one of: ${names.join(', ')}.`);
  }

  const index = readRecordIndex(context.modelDir ?? packageCustomMetadataDir());
  const dimensionNames = model.dimensions.map((dimension) => dimension.name);
  const measureNames = model.dimensions.flatMap((dimension) => dimension.measures.map((measure) => measure.name));
  const maxAccounts = Math.min(
    requested,
    Math.max(1, Math.floor(LEDGER_ROW_BUDGET / Math.max(1, measureNames.length)))
  );

  const problems = locateProblems(model, validateModel(model));
  const scored: PreviewAccount[] = [];
  // A model with problems scores nothing, so the preview shows its problems and reads no account, as in Apex.
  const states = problems.length > 0 ? [] : context.data.accountsByRisk();
  for (const state of states) {
    if (state.model?.name !== modelName || state.health === null) {
      continue;
    }
    const health = state.health;
    const rawByMeasure = new Map(health.ledger.map((entry) => [entry.measure, entry.raw]));
    const accountId = state.signals.accountId;
    scored.push({
      accountId,
      accountName: state.signals.accountName,
      asOf: health.asOf,
      modelVersion: health.modelVersion,
      score: health.score,
      band: health.band,
      // Apex sends null for a measure without data; the generated type lists the values as numbers.
      rawValues: measureNames.map((name) => rawByMeasure.get(name) ?? null) as number[],
      measuresWithoutLine: measureNames.filter((name) => !rawByMeasure.has(name)),
      overrides: approvedOverrides(context.store, accountId)
        .filter((override) => override.expiresOn >= health.asOf)
        .map((override) => ({
          id: override.id,
          measure: override.measure,
          value: override.value,
          expiresOn: override.expiresOn
        }))
    });
  }
  scored.sort(compareAccounts);

  return {
    modelName,
    model: toDefinition(model),
    problems,
    records: {
      modelDescription: index.modelDescriptions.get(modelName) ?? null,
      dimensionSortOrders: toObject(index.dimensionSortOrders, dimensionNames),
      measureSortOrders: toObject(index.measureSortOrders, measureNames)
    },
    measureNames,
    accounts: scored.slice(0, maxAccounts),
    maxAccounts,
    hasMore: scored.length > maxAccounts,
    overridesIncluded: true
  };
}
