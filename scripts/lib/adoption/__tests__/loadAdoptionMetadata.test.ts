import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { repoRoot } from '../../paths';
import { AdoptionMetadataError, loadAdoptionMetadata, packageAdoptionMetadataDir } from '..';
import { ADOPTION_METADATA_TYPES } from '../metadataSchema';

const objectsDir = path.join(repoRoot(), 'force-app', 'main', 'adoption', 'objects');
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'value' });

interface FieldXml {
  fullName: string;
  type: string;
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

const folders: string[] = [];

function copyRecords(edit: (name: string, text: string) => string | null): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-metadata-'));
  folders.push(folder);
  for (const name of fs.readdirSync(packageAdoptionMetadataDir())) {
    const text = edit(name, fs.readFileSync(path.join(packageAdoptionMetadataDir(), name), 'utf8'));
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

function loadError(folder: string): AdoptionMetadataError {
  try {
    loadAdoptionMetadata(folder);
  } catch (error) {
    if (error instanceof AdoptionMetadataError) {
      return error;
    }
    throw error;
  }
  throw new Error(`loadAdoptionMetadata accepted ${folder}`);
}

afterEach(() => {
  for (const folder of folders.splice(0)) {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

describe('loadAdoptionMetadata', () => {
  it('loads the shipped dictionary by label in code unit order', () => {
    const { features } = loadAdoptionMetadata(packageAdoptionMetadataDir());

    expect(features.map((feature) => feature.label)).toEqual([
      'AI Triage',
      'Approval Chains',
      'CSAT Surveys',
      'Executive Dashboards',
      'Knowledge Deflection',
      'Mobile Work Orders',
      'Portal Case Submission',
      'Route Optimizer',
      'SLA Escalations',
      'Scheduled Reports',
      'Workflow Designer'
    ]);
    expect(features.every((feature) => feature.isActive)).toBe(true);
  });

  it('reads every field of a feature', () => {
    const { features } = loadAdoptionMetadata(packageAdoptionMetadataDir());

    expect(features.find((feature) => feature.key === 'AiTriage')).toEqual({
      key: 'AiTriage',
      label: 'AI Triage',
      productCode: 'HLP-AUTO',
      valueStatement: 'Cuts triage time by classifying and prioritising new cases as they arrive.',
      valueRank: 5,
      measureType: 'Telemetry',
      sourceObject: null,
      permissionSetName: null,
      entitlementSource: 'EntitlementRecord',
      licenseName: null,
      targetPercent: 40,
      enablementAction: 'Turn on AI triage for one queue, then review its suggestions with the team lead after a week.',
      availableSince: '2026-10-19',
      isActive: true
    });
  });

  it('loads the shipped catalog', () => {
    const { products } = loadAdoptionMetadata(packageAdoptionMetadataDir());

    expect(
      products.map((product) => [product.productCode, product.prerequisiteFeatures, product.requiredProducts])
    ).toEqual([
      ['HLP-AUTO', ['PortalCaseSubmission', 'SlaEscalations'], ['HLP-DESK']],
      ['HLP-FIELD', ['WorkflowDesigner', 'PortalCaseSubmission'], ['HLP-DESK', 'HLP-AUTO']],
      ['HLP-INSIGHT', ['SlaEscalations', 'KnowledgeDeflection'], ['HLP-DESK']],
      ['HLP-DESK', [], []]
    ]);
  });

  it('sorts the sprint templates by sort order', () => {
    const { templates } = loadAdoptionMetadata(packageAdoptionMetadataDir());
    const sortOrders = templates.map((template) => template.sortOrder ?? 0);

    expect(templates).toHaveLength(14);
    expect([...sortOrders].sort((left, right) => left - right)).toEqual(sortOrders);
    expect(templates.every((template) => template.subject !== '')).toBe(true);
  });

  it('reads a blank availability date as null', () => {
    const { features } = loadAdoptionMetadata(packageAdoptionMetadataDir());

    expect(features.find((feature) => feature.key === 'SlaEscalations')?.availableSince).toBeNull();
  });

  it('rejects a value rank above 5', () => {
    const folder = copyRecords((name, text) =>
      name === 'AdoptionFeature.AiTriage.md-meta.xml'
        ? setValue(text, 'ValueRank__c', 'xsi:type="xsd:double">6.0</value>')
        : text
    );

    const error = loadError(folder);

    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain('AdoptionFeature.AiTriage.md-meta.xml');
    expect(error.message).toContain('ValueRank__c: value 6 is out of range; set a rank from 1 to 5');
  });

  it('rejects a target of 0', () => {
    const folder = copyRecords((name, text) =>
      name === 'AdoptionFeature.AiTriage.md-meta.xml'
        ? setValue(text, 'TargetAdoptionPercent__c', 'xsi:type="xsd:double">0.0</value>')
        : text
    );

    expect(loadError(folder).message).toContain('value 0 is out of range; set a target above 0 and at most 100');
  });

  it('rejects an availability date that does not exist', () => {
    const folder = copyRecords((name, text) =>
      name === 'AdoptionFeature.AiTriage.md-meta.xml'
        ? setValue(text, 'AvailableSince__c', 'xsi:type="xsd:date">2026-02-30</value>')
        : text
    );

    expect(loadError(folder).message).toContain('AvailableSince__c: value "2026-02-30" is not a date');
  });

  it('rejects a prerequisite outside the dictionary', () => {
    const folder = copyRecords((name, text) =>
      name === 'ExpansionProduct.HelplineInsights.md-meta.xml'
        ? setValue(text, 'PrerequisiteFeatures__c', 'xsi:type="xsd:string">SlaEscalations, ChatBot</value>')
        : text
    );

    expect(loadError(folder).message).toContain(
      'PrerequisiteFeatures__c: names ChatBot, which the feature dictionary does not contain'
    );
  });

  it('rejects two active records of one product', () => {
    const folder = copyRecords((name, text) =>
      name === 'ExpansionProduct.HelplineInsights.md-meta.xml'
        ? setValue(text, 'ProductCode__c', 'xsi:type="xsd:string">HLP-AUTO</value>')
        : text
    );

    expect(loadError(folder).message).toContain('HLP-AUTO is also the ProductCode of active record HelplineAutomation');
  });

  it('rejects an unknown barrier', () => {
    const folder = copyRecords((name, text) =>
      name === 'PlaybookTaskTemplate.UxAgreeChanges.md-meta.xml'
        ? setValue(text, 'Barrier__c', 'xsi:type="xsd:string">Usability</value>')
        : text
    );

    expect(loadError(folder).message).toContain('Barrier__c: value "Usability" is not an allowed value');
  });

  it('reports a missing folder', () => {
    expect(loadError(path.join(os.tmpdir(), 'no-such-adoption-folder')).message).toContain('folder not found');
  });

  it('loads a folder without adoption records as empty lists', () => {
    const folder = copyRecords(() => null);

    expect(loadAdoptionMetadata(folder)).toEqual({ features: [], products: [], templates: [] });
  });
});

describe('adoption metadata schema', () => {
  it.each(Object.keys(ADOPTION_METADATA_TYPES))('lists every field file of %s', (typeName) => {
    const files = fs.readdirSync(path.join(objectsDir, typeName, 'fields')).map((name) => name.split('.')[0]);

    expect(files.sort()).toEqual(Object.keys(ADOPTION_METADATA_TYPES[typeName]).sort());
  });

  const fieldCases = Object.entries(ADOPTION_METADATA_TYPES).flatMap(([typeName, spec]) =>
    Object.entries(spec).map(([fieldName, fieldSpec]) => ({ typeName, fieldName, fieldSpec }))
  );

  it.each(fieldCases)('matches $typeName field $fieldName', ({ typeName, fieldName, fieldSpec }) => {
    const field = readField(typeName, fieldName);

    expect(field.fullName).toBe(fieldName);
    expect(field.type).toBe(fieldSpec.kind);
    expect(field.required === 'true').toBe(fieldSpec.required);
    expect(field.precision).toBe(fieldSpec.precision?.toString());
    expect(field.scale).toBe(fieldSpec.scale?.toString());
    expect(field.length).toBe(fieldSpec.length?.toString());
    expect(field.valueSet?.valueSetDefinition.value.map((value) => value.fullName)).toEqual(fieldSpec.values);
  });
});
