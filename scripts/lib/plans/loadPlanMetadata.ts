/**
 * Loader of the success plan templates and the renewal checkpoint definitions from Custom Metadata record files, for
 * the command-line tools, the demo generator and tests. The Apex repositories read the same records from the org.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validatePlanTemplate } from 'c/planEngine';
import type { CheckpointDefinition, PlanTemplate, PlanTemplateItem } from 'c/planEngine';
import { CRITERIA_OPERATORS, MILESTONE_PHASES, PLAN_STAGES, PLAYBOOKS } from 'c/planEngine';
import { formatProblem, readMetadataRecord, RecordReader } from '../model/metadataRecords';
import type { MetadataRecord, ModelLoadProblem } from '../model/metadataRecords';
import type { TypeSpec } from '../model/metadataSchema';
import { repoRoot } from '../paths';
import {
  PLAN_TEMPLATE_FIELDS,
  PLAN_TEMPLATE_ITEM_FIELDS,
  PLAN_TEMPLATE_ITEM_TYPE,
  PLAN_TEMPLATE_TYPE,
  RENEWAL_CHECKPOINT_FIELDS,
  RENEWAL_CHECKPOINT_TYPE,
  TEMPLATE_ITEM_TYPES
} from './metadataSchema';

/** Folder of the package's own plan records, relative to the repository root. */
export const DEFAULT_PLAN_METADATA_DIR = path.join('force-app', 'main', 'plans', 'customMetadata');

/** Days before a checkpoint's due date that it opens when LeadDays__c is blank. */
export const DEFAULT_LEAD_DAYS = 14;

/** Thrown when the plan metadata cannot be loaded; `problems` lists every problem found. */
export class PlanMetadataError extends Error {
  readonly problems: ModelLoadProblem[];

  constructor(problems: ModelLoadProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Invalid plan metadata (${count}):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'PlanMetadataError';
    this.problems = problems;
  }
}

/** Plan templates, their items and the renewal checkpoint definitions of one folder. */
export interface PlanMetadata {
  /** Every template, active or not, by SortOrder__c (blank last) and then DeveloperName. */
  templates: PlanTemplate[];
  /** Items of every template, sorted by record DeveloperName; `instantiateTemplate` orders them for a plan. */
  items: PlanTemplateItem[];
  /** Every checkpoint definition, active or not, most days before the renewal first. */
  checkpoints: CheckpointDefinition[];
}

/** Returns the absolute path of the package's own plan records. */
export function packagePlanMetadataDir(): string {
  return path.join(repoRoot(), DEFAULT_PLAN_METADATA_DIR);
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

function readTemplate(reader: RecordReader): PlanTemplate {
  return {
    name: reader.record.developerName,
    label: reader.record.label,
    stage: reader.requirePicklist('Stage__c', PLAN_STAGES),
    description: reader.text('Description__c'),
    durationDays: reader.requireNumber('DurationDays__c'),
    reviewCadenceDays: reader.number('ReviewCadenceDays__c'),
    sortOrder: reader.number('SortOrder__c'),
    isActive: reader.checkbox('IsActive__c')
  };
}

function readItem(reader: RecordReader): PlanTemplateItem {
  return {
    template: reader.text('Template__c') ?? '',
    itemType: reader.requirePicklist('ItemType__c', TEMPLATE_ITEM_TYPES),
    key: reader.text('Key__c'),
    title: reader.text('Title__c') ?? '',
    successMetric: reader.text('SuccessMetric__c'),
    unit: reader.text('Unit__c'),
    capability: reader.text('Capability__c'),
    target: reader.number('Target__c'),
    offsetDays: reader.number('OffsetDays__c'),
    phase: reader.picklist('Phase__c', MILESTONE_PHASES),
    criteria: reader.text('Criteria__c'),
    criteriaMeasure: reader.text('CriteriaMeasure__c'),
    criteriaOperator: reader.picklist('CriteriaOperator__c', CRITERIA_OPERATORS),
    criteriaValue: reader.number('CriteriaValue__c'),
    objectiveKey: reader.text('ObjectiveKey__c'),
    sortOrder: reader.number('SortOrder__c')
  };
}

function readCheckpoint(reader: RecordReader): CheckpointDefinition {
  const daysBefore = reader.requireNumber('DaysBefore__c');
  if (daysBefore < 0) {
    reader.problem('DaysBefore__c', `value ${daysBefore} is negative; set the days before the renewal, 0 or more`);
  }
  const leadDays = reader.number('LeadDays__c') ?? DEFAULT_LEAD_DAYS;
  if (leadDays < 0) {
    reader.problem('LeadDays__c', `value ${leadDays} is negative; set the days before the due date, 0 or more`);
  }
  return {
    name: reader.record.developerName,
    daysBefore,
    playbook: reader.requirePicklist('Playbook__c', PLAYBOOKS),
    taskSubject: reader.text('TaskSubject__c') ?? '',
    guidance: reader.text('Guidance__c'),
    requiresCall: reader.checkbox('RequiresCall__c'),
    leadDays,
    isActive: reader.checkbox('IsActive__c')
  };
}

/** Records a problem for the whole folder. */
function folderProblem(problems: ModelLoadProblem[], folder: string, message: string): void {
  problems.push({ file: folder, field: null, line: null, message });
}

function loadTemplates(
  folder: string,
  measureNames: readonly string[],
  problems: ModelLoadProblem[]
): Pick<PlanMetadata, 'templates' | 'items'> {
  const templateReaders = readRecords(folder, PLAN_TEMPLATE_TYPE, PLAN_TEMPLATE_FIELDS, problems);
  const templates = templateReaders.map(readTemplate);
  const itemReaders = readRecords(folder, PLAN_TEMPLATE_ITEM_TYPE, PLAN_TEMPLATE_ITEM_FIELDS, problems);
  const items = itemReaders.map(readItem);
  if (templates.length === 0) {
    folderProblem(
      problems,
      folder,
      `contains no PlanTemplate.<Name>.md-meta.xml record; pass the folder of the plan records, for example ${DEFAULT_PLAN_METADATA_DIR}`
    );
  }

  const templateNames = new Set(templates.map((template) => template.name));
  items.forEach((item, index) => {
    const reader = itemReaders[index] as RecordReader;
    if (item.template !== '' && !templateNames.has(item.template)) {
      reader.problem(
        'Template__c',
        `names template ${item.template}, which has no PlanTemplate record; use one of ${[...templateNames].join(', ')}`
      );
    }
  });
  // The template checks run once the records read cleanly, because a bad field value already explains the problem.
  if (problems.length === 0) {
    templates.forEach((template, index) => {
      const labelLine = (templateReaders[index] as RecordReader).record.labelLine;
      const file = (templateReaders[index] as RecordReader).record.file;
      for (const message of validatePlanTemplate(template, items, [...measureNames])) {
        problems.push({ file, field: null, line: labelLine, message });
      }
    });
  }

  templates.sort(
    (left, right) =>
      (left.sortOrder ?? Number.MAX_SAFE_INTEGER) - (right.sortOrder ?? Number.MAX_SAFE_INTEGER) ||
      compareText(left.name, right.name)
  );
  return { templates, items };
}

function loadCheckpoints(folder: string, problems: ModelLoadProblem[]): CheckpointDefinition[] {
  const readers = readRecords(folder, RENEWAL_CHECKPOINT_TYPE, RENEWAL_CHECKPOINT_FIELDS, problems);
  const checkpoints = readers.map(readCheckpoint);
  if (checkpoints.length === 0) {
    folderProblem(
      problems,
      folder,
      `contains no RenewalCheckpoint.<Name>.md-meta.xml record; pass the folder of the plan records, for example ${DEFAULT_PLAN_METADATA_DIR}`
    );
  }
  const activeByDays = new Map<number, string>();
  checkpoints.forEach((checkpoint, index) => {
    if (!checkpoint.isActive) {
      return;
    }
    const other = activeByDays.get(checkpoint.daysBefore);
    if (other !== undefined) {
      (readers[index] as RecordReader).problem(
        'DaysBefore__c',
        `${checkpoint.daysBefore} days is also the due day of active checkpoint ${other}; ` +
          'give each active checkpoint its own DaysBefore__c or deactivate one'
      );
    }
    activeByDays.set(checkpoint.daysBefore, checkpoint.name);
  });
  return checkpoints.sort((left, right) => right.daysBefore - left.daysBefore || compareText(left.name, right.name));
}

/**
 * Loads the PlanTemplate, PlanTemplateItem and RenewalCheckpoint records of a source-format `customMetadata` folder;
 * other files are ignored. Each template (inactive ones too, so they can be switched on safely) is checked with
 * `validatePlanTemplate`, every item must name an existing template, and no two active checkpoints may share a due day.
 * @param customMetadataDir Folder holding the record files, for example `force-app/main/plans/customMetadata`.
 * @param measureNames DeveloperNames of the HealthMeasure__mdt records that milestone criteria may name.
 * @returns The templates, their items and the checkpoint definitions.
 * @throws PlanMetadataError listing every problem (file, line, field and what to change) when the folder is missing,
 *   lacks templates or checkpoints, or any record is invalid.
 */
export function loadPlanMetadata(customMetadataDir: string, measureNames: readonly string[]): PlanMetadata {
  if (!fs.existsSync(customMetadataDir) || !fs.statSync(customMetadataDir).isDirectory()) {
    throw new PlanMetadataError([
      {
        file: customMetadataDir,
        field: null,
        line: null,
        message: `folder not found; pass the customMetadata folder that contains the plan records, for example ${DEFAULT_PLAN_METADATA_DIR}`
      }
    ]);
  }
  const problems: ModelLoadProblem[] = [];
  const { templates, items } = loadTemplates(customMetadataDir, measureNames, problems);
  const checkpoints = loadCheckpoints(customMetadataDir, problems);
  if (problems.length > 0) {
    throw new PlanMetadataError(problems);
  }
  return { templates, items, checkpoints };
}
