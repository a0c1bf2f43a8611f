/**
 * Loader of the feature dictionary, the expansion catalog and the sprint Task templates from Custom Metadata record
 * files, for the command-line tools, the demo generator and the offline cockpit. The Apex classes
 * AdoptionFeatureRepository, ExpansionMapSelector and AdoptionPlaybookSelector read the same records from the org.
 */
import * as fs from 'fs';
import * as path from 'path';
import { splitKeyList } from 'c/adoptionEngine';
import type { AdoptionFeature, PlaybookTaskTemplate } from 'c/adoptionEngine';
import { BARRIERS, ENTITLEMENT_SOURCES, MEASURE_TYPES } from 'c/adoptionEngine';
import { formatProblem, readMetadataRecord, RecordReader } from '../model/metadataRecords';
import type { MetadataRecord, ModelLoadProblem } from '../model/metadataRecords';
import type { TypeSpec } from '../model/metadataSchema';
import { repoRoot } from '../paths';
import {
  ADOPTION_FEATURE_FIELDS,
  ADOPTION_FEATURE_TYPE,
  EXPANSION_PRODUCT_FIELDS,
  EXPANSION_PRODUCT_TYPE,
  PLAYBOOK_TASK_TEMPLATE_FIELDS,
  PLAYBOOK_TASK_TEMPLATE_TYPE
} from './metadataSchema';

/** Folder of the package's own adoption records, relative to the repository root. */
export const DEFAULT_ADOPTION_METADATA_DIR = path.join('force-app', 'main', 'adoption', 'customMetadata');

/** Highest value rank of a feature; 1 is the lowest. */
export const MAX_VALUE_RANK = 5;

/** Thrown when the adoption metadata cannot be loaded; `problems` lists every problem found. */
export class AdoptionMetadataError extends Error {
  readonly problems: ModelLoadProblem[];

  constructor(problems: ModelLoadProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Invalid adoption metadata (${count}):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'AdoptionMetadataError';
    this.problems = problems;
  }
}

/** One record of the expansion catalog, before it is joined with its Product2. */
export interface ExpansionProductRecord {
  /** DeveloperName of the record. */
  name: string;
  label: string;
  productCode: string;
  /** Feature keys of PrerequisiteFeatures__c, trimmed, without blanks or repeats. */
  prerequisiteFeatures: string[];
  /** ProductCodes of RequiredProducts__c, trimmed, without blanks or repeats. */
  requiredProducts: string[];
  valueStatement: string | null;
  isActive: boolean;
}

/** The feature dictionary, the expansion catalog and the sprint Task templates of one folder. */
export interface AdoptionMetadata {
  /** Every feature, active or not, by label and then key, as AdoptionFeatureRepository sorts them. */
  features: AdoptionFeature[];
  /** Every catalog record, active or not, by DeveloperName. */
  products: ExpansionProductRecord[];
  /** Every template, by SortOrder__c (blank first, as SOQL sorts) and then DeveloperName. */
  templates: PlaybookTaskTemplate[];
}

/** Returns the absolute path of the package's own adoption records. */
export function packageAdoptionMetadataDir(): string {
  return path.join(repoRoot(), DEFAULT_ADOPTION_METADATA_DIR);
}

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

function listFiles(folder: string, typeName: string): string[] {
  const prefix = `${typeName.replace(/__mdt$/, '')}.`;
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.startsWith(prefix) && entry.name.endsWith('.md-meta.xml'))
    .map((entry) => path.join(folder, entry.name))
    .sort();
}

function readRecords(folder: string, typeName: string, spec: TypeSpec, problems: ModelLoadProblem[]): RecordReader[] {
  return listFiles(folder, typeName)
    .map((file) => readMetadataRecord(file, typeName, spec, problems))
    .filter((record): record is MetadataRecord => record !== null)
    .map((record) => new RecordReader(record, spec, problems));
}

/** Reads a Date field as an ISO date, or null when blank; records a problem for text that is not a calendar date. */
function readDate(reader: RecordReader, field: string): string | null {
  const text = reader.text(field);
  if (text === null) {
    return null;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match === null ? null : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date === null || date.toISOString().slice(0, 10) !== text) {
    reader.problem(field, `value "${text}" is not a date; write it as YYYY-MM-DD, for example 2026-10-19`);
    return null;
  }
  return text;
}

function readFeature(reader: RecordReader): AdoptionFeature {
  const valueRank = reader.requireNumber('ValueRank__c');
  if (valueRank < 1 || valueRank > MAX_VALUE_RANK) {
    reader.problem('ValueRank__c', `value ${valueRank} is out of range; set a rank from 1 to ${MAX_VALUE_RANK}`);
  }
  const targetPercent = reader.requireNumber('TargetAdoptionPercent__c');
  if (targetPercent <= 0 || targetPercent > 100) {
    reader.problem(
      'TargetAdoptionPercent__c',
      `value ${targetPercent} is out of range; set a target above 0 and at most 100`
    );
  }
  return {
    key: reader.record.developerName,
    label: reader.record.label,
    productCode: reader.text('Product__c'),
    valueStatement: reader.text('ValueStatement__c'),
    valueRank,
    measureType: reader.requirePicklist('MeasureType__c', MEASURE_TYPES),
    sourceObject: reader.text('SourceObject__c'),
    permissionSetName: reader.text('PermissionSetName__c'),
    entitlementSource: reader.picklist('EntitlementSource__c', ENTITLEMENT_SOURCES),
    licenseName: reader.text('LicenseName__c'),
    targetPercent,
    enablementAction: reader.text('EnablementAction__c'),
    availableSince: readDate(reader, 'AvailableSince__c'),
    isActive: reader.checkbox('IsActive__c')
  };
}

function readProduct(reader: RecordReader): ExpansionProductRecord {
  return {
    name: reader.record.developerName,
    label: reader.record.label,
    productCode: reader.text('ProductCode__c') ?? '',
    prerequisiteFeatures: splitKeyList(reader.text('PrerequisiteFeatures__c')),
    requiredProducts: splitKeyList(reader.text('RequiredProducts__c')),
    valueStatement: reader.text('ValueStatement__c'),
    isActive: reader.checkbox('IsActive__c')
  };
}

function readTemplate(reader: RecordReader): PlaybookTaskTemplate & { name: string } {
  return {
    name: reader.record.developerName,
    barrier: reader.requirePicklist('Barrier__c', BARRIERS),
    dayOffset: reader.requireNumber('DayOffset__c'),
    subject: reader.text('Subject__c') ?? '',
    description: reader.text('Description__c'),
    sortOrder: reader.number('SortOrder__c')
  };
}

/** Checks that the catalog names features of the dictionary, and that no ProductCode has two active records. */
function checkCatalog(products: ExpansionProductRecord[], readers: RecordReader[], features: AdoptionFeature[]): void {
  const featureKeys = new Set(features.map((feature) => feature.key));
  const activeByCode = new Map<string, string>();
  products.forEach((product, index) => {
    const reader = readers[index] as RecordReader;
    const unknown = product.prerequisiteFeatures.filter((key) => !featureKeys.has(key));
    if (unknown.length > 0) {
      reader.problem(
        'PrerequisiteFeatures__c',
        `names ${unknown.join(', ')}, which the feature dictionary does not contain; use AdoptionFeature ` +
          'DeveloperNames separated by commas'
      );
    }
    if (!product.isActive) {
      return;
    }
    const other = activeByCode.get(product.productCode);
    if (other !== undefined) {
      reader.problem(
        'ProductCode__c',
        `${product.productCode} is also the ProductCode of active record ${other}; keep one active record per product`
      );
    }
    activeByCode.set(product.productCode, product.name);
  });
}

/**
 * Loads the AdoptionFeature, ExpansionProduct and PlaybookTaskTemplate records of a source-format `customMetadata`
 * folder; other files are ignored. Besides the field types, it checks that value ranks run from 1 to 5, targets lie
 * above 0 and at most 100, the catalog's prerequisite features are in the dictionary, and no ProductCode has two
 * active catalog records.
 * @param customMetadataDir Folder holding the record files, for example `force-app/main/adoption/customMetadata`.
 * @returns The features, the catalog and the templates; a folder without records of a type gives an empty list.
 * @throws AdoptionMetadataError listing every problem (file, line, field and what to change) when the folder is
 *   missing or a record is invalid.
 */
export function loadAdoptionMetadata(customMetadataDir: string): AdoptionMetadata {
  if (!fs.existsSync(customMetadataDir) || !fs.statSync(customMetadataDir).isDirectory()) {
    throw new AdoptionMetadataError([
      {
        file: customMetadataDir,
        field: null,
        line: null,
        message: `folder not found; pass the customMetadata folder that contains the adoption records, for example ${DEFAULT_ADOPTION_METADATA_DIR}`
      }
    ]);
  }
  const problems: ModelLoadProblem[] = [];
  const features = readRecords(customMetadataDir, ADOPTION_FEATURE_TYPE, ADOPTION_FEATURE_FIELDS, problems).map(
    readFeature
  );
  const productReaders = readRecords(customMetadataDir, EXPANSION_PRODUCT_TYPE, EXPANSION_PRODUCT_FIELDS, problems);
  const products = productReaders.map(readProduct);
  const templates = readRecords(
    customMetadataDir,
    PLAYBOOK_TASK_TEMPLATE_TYPE,
    PLAYBOOK_TASK_TEMPLATE_FIELDS,
    problems
  ).map(readTemplate);
  checkCatalog(products, productReaders, features);
  if (problems.length > 0) {
    throw new AdoptionMetadataError(problems);
  }

  features.sort((left, right) => compareText(left.label, right.label) || compareText(left.key, right.key));
  products.sort((left, right) => compareText(left.name, right.name));
  templates.sort(
    (left, right) =>
      (left.sortOrder ?? Number.MIN_SAFE_INTEGER) - (right.sortOrder ?? Number.MIN_SAFE_INTEGER) ||
      compareText(left.name, right.name)
  );
  return {
    features,
    products,
    templates: templates.map(({ name: _name, ...template }) => template)
  };
}
