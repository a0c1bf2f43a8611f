import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RiskRule } from 'c/riskEngine';
import { repoRoot } from '../../paths';
import { loadRiskMetadata, packageRiskMetadataDir, RiskMetadataError } from '..';
import { RISK_METADATA_TYPES } from '../metadataSchema';

const root = repoRoot();
const objectsDir = path.join(root, 'force-app', 'main', 'risk', 'objects');
const vectorsFile = path.join(root, 'unpackaged', 'risk', 'staticresources', 'RiskRuleVectors.json');
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'value' });

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
  fieldManageability?: string;
  valueSet?: { restricted: string; valueSetDefinition: { value: { fullName: string }[] } };
}

function readField(typeName: string, fieldName: string): FieldXml {
  const file = path.join(objectsDir, typeName, 'fields', `${fieldName}.field-meta.xml`);
  return (parser.parse(fs.readFileSync(file, 'utf8')) as { CustomField: FieldXml }).CustomField;
}

function copyRecords(edit: (name: string, text: string) => string | null): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'risk-metadata-'));
  for (const name of fs.readdirSync(packageRiskMetadataDir())) {
    const text = edit(name, fs.readFileSync(path.join(packageRiskMetadataDir(), name), 'utf8'));
    if (text !== null) {
      fs.writeFileSync(path.join(folder, name), text);
    }
  }
  return folder;
}

function setValue(text: string, field: string, value: string): string {
  return text.replace(new RegExp(`(<field>${field}</field>\\s*<value)[^>]*>[^<]*</value>`), `$1 ${value}`);
}

function loadError(folder: string): RiskMetadataError {
  try {
    loadRiskMetadata(folder);
  } catch (error) {
    if (error instanceof RiskMetadataError) {
      return error;
    }
    throw error;
  }
  throw new Error(`loadRiskMetadata accepted ${folder}`);
}

describe('loadRiskMetadata', () => {
  const folders: string[] = [];

  afterEach(() => {
    for (const folder of folders.splice(0)) {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('loads the shipped rules and rungs', () => {
    const { rules, rungs } = loadRiskMetadata(packageRiskMetadataDir());

    expect(rules.map((rule) => rule.name)).toEqual([
      'BandDrop',
      'ChampionGone',
      'HighPrioritySpike',
      'LoginDrop',
      'RenewalWhileRed',
      'ScoreDrop',
      'SponsorSilence'
    ]);
    expect(rules.every((rule) => rule.isActive && (rule.description?.length ?? 0) > 100)).toBe(true);
    expect(rungs.map((rung) => [rung.rung, rung.deadlineDays])).toEqual([
      ['CSM', 7],
      ['Manager', 5],
      ['VP', 5],
      ['Executive', 10]
    ]);
  });

  it('matches the rules of the shared vectors', () => {
    const { rules } = loadRiskMetadata(packageRiskMetadataDir());
    const vectors = JSON.parse(fs.readFileSync(vectorsFile, 'utf8')) as { shippedRules: RiskRule[] };
    const withoutDescription = rules.map(({ description, ...rule }) => {
      expect(description).toBeDefined();
      return rule;
    });

    expect(withoutDescription).toEqual(
      [...vectors.shippedRules].sort((left, right) => left.name.localeCompare(right.name))
    );
  });

  it('reports a bad picklist value with file and line', () => {
    const folder = copyRecords((name, text) =>
      name === 'RiskRule.LoginDrop.md-meta.xml'
        ? setValue(text, 'Severity__c', 'xsi:type="xsd:string">Urgent</value>')
        : text
    );
    folders.push(folder);

    const error = loadError(folder);

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].file).toBe(path.join(folder, 'RiskRule.LoginDrop.md-meta.xml'));
    expect(error.problems[0].field).toBe('Severity__c');
    expect(error.problems[0].line).toBeGreaterThan(1);
    expect(error.message).toContain('value "Urgent" is not an allowed value; use one of Critical, High, Medium, Low');
  });

  it('reports a rule that fails validation', () => {
    const folder = copyRecords((name, text) =>
      name === 'RiskRule.ScoreDrop.md-meta.xml' ? setValue(text, 'Threshold__c', 'xsi:nil="true"></value>') : text
    );
    folders.push(folder);

    const error = loadError(folder);

    expect(error.message).toContain('RiskRule.ScoreDrop.md-meta.xml');
    expect(error.message).toContain('Risk rule ScoreDrop: Threshold__c is blank');
  });

  it('reports a ladder without rungs', () => {
    const folder = copyRecords((name, text) => (name.startsWith('EscalationRung.') ? null : text));
    folders.push(folder);

    expect(loadError(folder).message).toContain('No escalation rung is defined');
  });

  it('reports a folder without rules', () => {
    const folder = copyRecords(() => null);
    folders.push(folder);

    expect(loadError(folder).message).toContain('contains no RiskRule.<Name>.md-meta.xml record');
  });

  it('reports a missing folder', () => {
    expect(loadError(path.join(os.tmpdir(), 'no-such-risk-folder')).message).toContain('folder not found');
  });
});

describe('risk metadata schema', () => {
  it.each(Object.keys(RISK_METADATA_TYPES))('lists every field file of %s', (typeName) => {
    const files = fs.readdirSync(path.join(objectsDir, typeName, 'fields')).map((name) => name.split('.')[0]);

    expect(files.sort()).toEqual(Object.keys(RISK_METADATA_TYPES[typeName]).sort());
  });

  const fieldCases = Object.entries(RISK_METADATA_TYPES).flatMap(([typeName, spec]) =>
    Object.entries(spec).map(([fieldName, fieldSpec]) => ({ typeName, fieldName, fieldSpec }))
  );

  it.each(fieldCases)('matches $typeName.$fieldName', ({ typeName, fieldName, fieldSpec }) => {
    const field = readField(typeName, fieldName);

    expect(field.fullName).toBe(fieldName);
    expect(field.type).toBe(fieldSpec.kind);
    expect(field.required === 'true').toBe(fieldSpec.required);
    expect(field.precision).toBe(fieldSpec.precision?.toString());
    expect(field.scale).toBe(fieldSpec.scale?.toString());
    expect(field.length).toBe(fieldSpec.length?.toString());
    expect(field.valueSet?.valueSetDefinition.value.map((value) => value.fullName)).toEqual(fieldSpec.values);
    if (fieldSpec.values !== undefined) {
      expect(field.valueSet?.restricted).toBe('true');
    }
  });

  it.each(fieldCases)('documents $typeName.$fieldName', ({ typeName, fieldName }) => {
    const field = readField(typeName, fieldName);

    expect(field.description?.length).toBeGreaterThan(20);
    expect(field.description?.length).toBeLessThanOrEqual(1000);
    expect(field.inlineHelpText?.length).toBeGreaterThan(20);
    expect(field.inlineHelpText?.length).toBeLessThanOrEqual(510);
    expect(field.label.length).toBeLessThanOrEqual(40);
    expect(field.fieldManageability).toBe('SubscriberControlled');
  });

  const xmlFiles = [
    ...Object.keys(RISK_METADATA_TYPES).flatMap((typeName) =>
      fs
        .readdirSync(path.join(objectsDir, typeName), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.xml'))
        .map((name) => path.join(objectsDir, typeName, name))
    ),
    ...fs.readdirSync(packageRiskMetadataDir()).map((name) => path.join(packageRiskMetadataDir(), name))
  ].map((file) => path.relative(root, file));

  it.each(xmlFiles)('keeps texts unwrapped in %s', (file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const contents = [...text.matchAll(/>([^<]*[^<\s][^<]*)</g)].map((match) => match[1]);

    expect(XMLValidator.validate(text)).toBe(true);
    for (const content of contents) {
      expect(content).toBe(content.trim());
      expect(content).not.toMatch(/\n/);
    }
  });
});
