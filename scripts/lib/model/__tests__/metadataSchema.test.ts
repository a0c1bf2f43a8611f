import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SIGNAL_NAMES } from 'c/healthEngine';
import { repoRoot } from '../../paths';
import { HEALTH_MODEL_TYPES, HEALTH_MEASURE_FIELDS } from '../metadataSchema';

const root = repoRoot();
const objectsDir = path.join(root, 'force-app', 'main', 'health', 'objects');
const recordsDir = path.join(root, 'force-app', 'main', 'health', 'customMetadata');
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
  referenceTo?: string;
  fieldManageability?: string;
  valueSet?: { restricted: string; valueSetDefinition: { value: { fullName: string }[] } };
}

function readField(typeName: string, fieldName: string): FieldXml {
  const file = path.join(objectsDir, typeName, 'fields', `${fieldName}.field-meta.xml`);
  return (parser.parse(fs.readFileSync(file, 'utf8')) as { CustomField: FieldXml }).CustomField;
}

function listXmlFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? listXmlFiles(full) : entry.name.endsWith('.xml') ? [full] : [];
  });
}

describe('metadata schema', () => {
  it.each(Object.keys(HEALTH_MODEL_TYPES))('lists every field file of %s', (typeName) => {
    const files = fs.readdirSync(path.join(objectsDir, typeName, 'fields')).map((name) => name.split('.')[0]);

    expect(files.sort()).toEqual(Object.keys(HEALTH_MODEL_TYPES[typeName]).sort());
  });

  const fieldCases = Object.entries(HEALTH_MODEL_TYPES).flatMap(([typeName, spec]) =>
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
    expect(field.referenceTo).toBe(fieldSpec.referenceTo);
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

  it('offers every engine signal', () => {
    const field = readField('HealthMeasure__mdt', 'Signal__c');

    expect(field.valueSet?.valueSetDefinition.value.map((value) => value.fullName)).toEqual([...SIGNAL_NAMES]);
    expect(HEALTH_MEASURE_FIELDS.Signal__c.values).toEqual(SIGNAL_NAMES);
  });

  const xmlFiles = [
    ...Object.keys(HEALTH_MODEL_TYPES).flatMap((typeName) => listXmlFiles(path.join(objectsDir, typeName))),
    ...listXmlFiles(recordsDir).filter((file) => /^Health(Model|Dimension|Measure)\./.test(path.basename(file)))
  ].map((file) => path.relative(root, file));

  it.each(xmlFiles)('parses %s', (file) => {
    expect(XMLValidator.validate(fs.readFileSync(path.join(root, file), 'utf8'))).toBe(true);
  });

  // The platform stores element text verbatim, so a formatter that wraps long texts would change what users read.
  it.each(xmlFiles)('keeps texts unwrapped in %s', (file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const contents = [...text.matchAll(/>([^<]*[^<\s][^<]*)</g)].map((match) => match[1]);

    for (const content of contents) {
      expect(content).toBe(content.trim());
      expect(content).not.toMatch(/\n/);
    }
  });
});
