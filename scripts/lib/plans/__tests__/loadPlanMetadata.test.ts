import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { loadDefaultModels } from '../../model';
import { repoRoot } from '../../paths';
import { DEFAULT_LEAD_DAYS, loadPlanMetadata, packagePlanMetadataDir, PlanMetadataError } from '..';
import { PLAN_METADATA_TYPES, TEXT_AREA_FIELDS } from '../metadataSchema';

const objectsDir = path.join(repoRoot(), 'force-app', 'main', 'plans', 'objects');
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'value' });
const measureNames = loadDefaultModels().flatMap((model) =>
  model.dimensions.flatMap((dimension) => dimension.measures.map((measure) => measure.name))
);

interface FieldXml {
  fullName: string;
  type: string;
  label: string;
  description?: string;
  inlineHelpText?: string;
  required?: string;
  precision?: string;
  scale?: string;
  length?: string;
  valueSet?: { restricted: string; valueSetDefinition: { value: { fullName: string }[] } };
}

function readField(typeName: string, fieldName: string): FieldXml {
  const file = path.join(objectsDir, typeName, 'fields', `${fieldName}.field-meta.xml`);
  return (parser.parse(fs.readFileSync(file, 'utf8')) as { CustomField: FieldXml }).CustomField;
}

function copyRecords(edit: (name: string, text: string) => string | null): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-metadata-'));
  for (const name of fs.readdirSync(packagePlanMetadataDir())) {
    const text = edit(name, fs.readFileSync(path.join(packagePlanMetadataDir(), name), 'utf8'));
    if (text !== null) {
      fs.writeFileSync(path.join(folder, name), text);
    }
  }
  return folder;
}

function setValue(text: string, field: string, value: string): string {
  const pattern = new RegExp(`(<field>${field}</field>\\s*<value)[^>]*(?:/>|>[^<]*</value>)`);
  if (!pattern.test(text)) {
    throw new Error(`Field ${field} not found in the record`);
  }
  return text.replace(pattern, `$1 ${value}`);
}

function loadError(folder: string): PlanMetadataError {
  try {
    loadPlanMetadata(folder, measureNames);
  } catch (error) {
    if (error instanceof PlanMetadataError) {
      return error;
    }
    throw error;
  }
  throw new Error(`loadPlanMetadata accepted ${folder}`);
}

/** Returns the name of the first record file that starts with `prefix` and whose text matches `pattern`. */
function firstRecord(prefix: string, pattern: RegExp = /./): string {
  const name = fs
    .readdirSync(packagePlanMetadataDir())
    .sort()
    .find(
      (entry) =>
        entry.startsWith(prefix) && pattern.test(fs.readFileSync(path.join(packagePlanMetadataDir(), entry), 'utf8'))
    );
  if (name === undefined) {
    throw new Error(`No ${prefix} record matching ${String(pattern)} in ${packagePlanMetadataDir()}`);
  }
  return name;
}

describe('loadPlanMetadata', () => {
  const folders: string[] = [];

  afterEach(() => {
    for (const folder of folders.splice(0)) {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('loads the shipped templates', () => {
    const { templates, items } = loadPlanMetadata(packagePlanMetadataDir(), measureNames);

    expect(templates.map((template) => [template.name, template.stage, template.durationDays])).toEqual([
      ['Onboarding', 'Onboarding', 90],
      ['Adoption', 'Adoption', 180],
      ['PreRenewal', 'PreRenewal', 180]
    ]);
    expect(templates.every((template) => template.isActive)).toBe(true);
    for (const template of templates) {
      const own = items.filter((item) => item.template === template.name);
      const objectives = own.filter((item) => item.itemType === 'Objective');
      const milestones = own.filter((item) => item.itemType === 'Milestone');

      expect({ template: template.name, objectives: objectives.length >= 2 && objectives.length <= 4 }).toEqual({
        template: template.name,
        objectives: true
      });
      expect({ template: template.name, milestones: milestones.length >= 3 && milestones.length <= 5 }).toEqual({
        template: template.name,
        milestones: true
      });
      expect(milestones.filter((item) => item.criteriaMeasure !== null).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('loads the shipped checkpoints', () => {
    const { checkpoints } = loadPlanMetadata(packagePlanMetadataDir(), measureNames);

    expect(checkpoints.map((checkpoint) => [checkpoint.name, checkpoint.playbook, checkpoint.requiresCall])).toEqual([
      ['Days365', 'ValueReview', false],
      ['Days270', 'SponsorTouch', false],
      ['Days180', 'QBR', true],
      ['Days120', 'ValueReview', false],
      ['Days90', 'Proposal', true],
      ['Days60', 'SponsorTouch', false],
      ['Days30', 'Proposal', false]
    ]);
    expect(checkpoints.map((checkpoint) => checkpoint.daysBefore)).toEqual([365, 270, 180, 120, 90, 60, 30]);
    expect(checkpoints.every((checkpoint) => checkpoint.isActive && checkpoint.taskSubject !== '')).toBe(true);
  });

  it('defaults blank lead days', () => {
    const record = 'RenewalCheckpoint.Days60.md-meta.xml';
    const folder = copyRecords((name, text) =>
      name === record ? setValue(text, 'LeadDays__c', 'xsi:nil="true"></value>') : text
    );
    folders.push(folder);

    const { checkpoints } = loadPlanMetadata(folder, measureNames);

    expect(checkpoints.find((checkpoint) => checkpoint.name === 'Days60')?.leadDays).toBe(DEFAULT_LEAD_DAYS);
  });

  it('reports an unknown measure through the template check', () => {
    const record = firstRecord('PlanTemplateItem.', /<field>CriteriaMeasure__c<\/field>\s*<value xsi:type/);
    const folder = copyRecords((name, text) =>
      name === record ? setValue(text, 'CriteriaMeasure__c', 'xsi:type="xsd:string">NoSuchMeasure</value>') : text
    );
    folders.push(folder);

    const error = loadError(folder);

    expect(error.message).toContain('unknown measure NoSuchMeasure');
  });

  it('reports a bad picklist value with file and line', () => {
    const record = firstRecord('PlanTemplate.');
    const folder = copyRecords((name, text) =>
      name === record ? setValue(text, 'Stage__c', 'xsi:type="xsd:string">Renewal</value>') : text
    );
    folders.push(folder);

    const error = loadError(folder);

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].file).toBe(path.join(folder, record));
    expect(error.problems[0].field).toBe('Stage__c');
    expect(error.problems[0].line).toBeGreaterThan(1);
    expect(error.message).toContain(
      'value "Renewal" is not an allowed value; use one of Onboarding, Adoption, PreRenewal, AtRisk, Expansion'
    );
  });

  it('reports an item of an unknown template', () => {
    const record = firstRecord('PlanTemplateItem.');
    const folder = copyRecords((name, text) =>
      name === record ? setValue(text, 'Template__c', 'xsi:type="xsd:string">Expansion</value>') : text
    );
    folders.push(folder);

    const error = loadError(folder);

    expect(error.problems.map((problem) => problem.field)).toContain('Template__c');
    expect(error.message).toContain('names template Expansion, which has no PlanTemplate record');
  });

  it('reports two active checkpoints on the same day', () => {
    const folder = copyRecords((name, text) =>
      name === 'RenewalCheckpoint.Days60.md-meta.xml'
        ? setValue(text, 'DaysBefore__c', 'xsi:type="xsd:double">90.0</value>')
        : text
    );
    folders.push(folder);

    const error = loadError(folder);

    expect(error.message).toContain('90 days is also the due day of active checkpoint');
  });

  it('reports a folder without templates or checkpoints', () => {
    const folder = copyRecords(() => null);
    folders.push(folder);

    const error = loadError(folder);

    expect(error.message).toContain('contains no PlanTemplate.<Name>.md-meta.xml record');
    expect(error.message).toContain('contains no RenewalCheckpoint.<Name>.md-meta.xml record');
  });

  it('reports a missing folder', () => {
    expect(loadError(path.join(os.tmpdir(), 'no-such-plan-folder')).message).toContain('folder not found');
  });
});

describe('plan metadata schema', () => {
  it.each(Object.keys(PLAN_METADATA_TYPES))('lists every field file of %s', (typeName) => {
    const files = fs.readdirSync(path.join(objectsDir, typeName, 'fields')).map((name) => name.split('.')[0]);

    expect(files.sort()).toEqual(Object.keys(PLAN_METADATA_TYPES[typeName]).sort());
  });

  const fieldCases = Object.entries(PLAN_METADATA_TYPES).flatMap(([typeName, spec]) =>
    Object.entries(spec).map(([fieldName, fieldSpec]) => ({ typeName, fieldName, fieldSpec }))
  );

  it.each(fieldCases)('matches $typeName.$fieldName', ({ typeName, fieldName, fieldSpec }) => {
    const field = readField(typeName, fieldName);
    const isTextArea = TEXT_AREA_FIELDS.has(`${typeName}.${fieldName}`);

    expect(field.fullName).toBe(fieldName);
    expect(field.type).toBe(isTextArea ? 'TextArea' : fieldSpec.kind);
    expect(field.required === 'true').toBe(fieldSpec.required);
    expect(field.precision).toBe(fieldSpec.precision?.toString());
    expect(field.scale).toBe(fieldSpec.scale?.toString());
    expect(field.length).toBe(isTextArea ? undefined : fieldSpec.length?.toString());
    expect(field.valueSet?.valueSetDefinition.value.map((value) => value.fullName)).toEqual(fieldSpec.values);
    if (fieldSpec.values !== undefined) {
      expect(field.valueSet?.restricted).toBe('true');
    }
  });
});
