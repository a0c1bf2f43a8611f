// Validates every metadata XML file against the Metadata API schema that ships inside jsforce (generated from the
// Metadata API WSDL): the XML is well formed, the root element matches the file suffix, every element is a known
// field of its type, and number and boolean values parse. `sf project convert source` accepts malformed XML and
// unknown elements, so this is the offline stand-in for the deploy-time schema check. It does not know picklist
// values, required fields or cross-references, except for reports, report types, dashboards and their folders:
// metadata-analytics.mjs checks those against the current Metadata API types, enumerated values included, and checks
// the references between them and the project's objects.
//
// Usage: node scripts/gates/validate-metadata.mjs <folder>...
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ANALYTICS_TYPES, checkAnalyticsReferences, validateAnalyticsFile } from './metadata-analytics.mjs';

const require = createRequire(import.meta.url);
const { ApiSchemas: wsdlSchemas } = require('@jsforce/jsforce-node/lib/api/metadata/schema.js');

/**
 * Types and fields that the current Metadata API has but the WSDL snapshot inside jsforce lacks (shapes taken from
 * @salesforce/types' metadata.d.ts). `targetConfigs` contains nested XML although the WSDL types it as a string.
 */
const SCHEMA_ADDITIONS = {
  FlexiPageRegion: { itemInstances: ['ItemInstance'] },
  ItemInstance: { componentInstance: '?ComponentInstance', fieldInstance: '?FieldInstance' },
  ComponentInstance: { componentType: '?string', flexipageDataSources: ['any'], identifier: '?string' },
  FieldInstance: {
    fieldInstanceProperties: ['FieldInstanceProperty'],
    fieldItem: 'string',
    identifier: '?string',
    visibilityRule: '?UiFormulaRule'
  },
  FieldInstanceProperty: { name: '?string', value: '?string' },
  LightningComponentBundle: { targetConfigs: '?any' }
};

const ApiSchemas = { ...wsdlSchemas };
for (const [type, props] of Object.entries(SCHEMA_ADDITIONS)) {
  const base = ApiSchemas[type] ?? { type, props: {} };
  ApiSchemas[type] = { ...base, props: { ...base.props, ...props } };
}

/** File suffix (before `-meta.xml`) to Metadata API type. Add a line here when the project adds a new kind. */
const SUFFIX_TYPES = {
  app: 'CustomApplication',
  cls: 'ApexClass',
  compactLayout: 'CompactLayout',
  customPermission: 'CustomPermission',
  dashboard: 'Dashboard',
  dashboardFolder: 'DashboardFolder',
  field: 'CustomField',
  flexipage: 'FlexiPage',
  js: 'LightningComponentBundle',
  labels: 'CustomLabels',
  layout: 'Layout',
  listView: 'ListView',
  md: 'CustomMetadata',
  notiftype: 'CustomNotificationType',
  object: 'CustomObject',
  permissionset: 'PermissionSet',
  permissionsetgroup: 'PermissionSetGroup',
  quickAction: 'QuickAction',
  report: 'Report',
  reportFolder: 'ReportFolder',
  reportType: 'ReportType',
  resource: 'StaticResource',
  tab: 'CustomTab',
  trigger: 'ApexTrigger',
  validationRule: 'ValidationRule'
};

function propsOf(typeName) {
  const props = {};
  let schema = ApiSchemas[typeName];
  while (schema) {
    Object.assign(props, schema.props ?? {});
    schema = schema.extends ? ApiSchemas[schema.extends] : null;
  }
  return props;
}

function checkValue(spec, value, where, problems) {
  const elementType = Array.isArray(spec) ? spec[0] : spec;
  const baseType = String(elementType).replace(/^\?/, '');
  const values = Array.isArray(value) ? value : [value];
  if (!Array.isArray(spec) && Array.isArray(value) && value.length > 1) {
    problems.push(`${where} appears ${value.length} times but holds a single value`);
  }
  for (const item of values) {
    if (baseType === 'any') {
      continue;
    }
    if (baseType === 'string') {
      if (item !== null && typeof item === 'object' && Object.keys(item).some((key) => !key.startsWith('@_'))) {
        problems.push(`${where} must be text, found nested elements`);
      }
      continue;
    }
    const text = item !== null && typeof item === 'object' ? item['#text'] : item;
    if (baseType === 'number') {
      if (text === undefined || text === '' || Number.isNaN(Number(text))) {
        problems.push(`${where} must be a number, found "${text ?? ''}"`);
      }
      continue;
    }
    if (baseType === 'boolean') {
      if (text !== 'true' && text !== 'false') {
        problems.push(`${where} must be true or false, found "${text ?? ''}"`);
      }
      continue;
    }
    if (ApiSchemas[baseType]) {
      checkElement(baseType, item, where, problems);
    }
  }
}

function checkElement(typeName, element, where, problems) {
  if (element === null || typeof element !== 'object') {
    return;
  }
  const props = propsOf(typeName);
  for (const [key, value] of Object.entries(element)) {
    if (key.startsWith('@_') || key === '#text') {
      continue;
    }
    const spec = props[key];
    if (spec === undefined) {
      problems.push(`<${key}> is not a field of ${typeName} (in ${where})`);
      continue;
    }
    checkValue(spec, value, `${where}/${key}`, problems);
  }
}

function typeOf(fileName) {
  const match = /\.([A-Za-z]+)-meta\.xml$/.exec(fileName);
  return match ? SUFFIX_TYPES[match[1]] : undefined;
}

function parseXml(text) {
  return new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true }).parse(text);
}

/**
 * Validates one metadata file's text and returns its problems.
 * @param {string} fileName
 * @param {string} text
 * @returns {string[]}
 */
export function validateMetadataFile(fileName, text) {
  const typeName = typeOf(fileName);
  if (!typeName) {
    return [`unknown metadata suffix; add it to SUFFIX_TYPES in the metadata validator if it is a real type`];
  }
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true) {
    const { line, msg } = wellFormed.err;
    return [`line ${line}: not well-formed XML: ${msg}`];
  }
  const document = parseXml(text);
  const roots = Object.keys(document).filter((key) => key !== '?xml');
  if (roots.length !== 1 || roots[0] !== typeName) {
    return [`root element must be <${typeName}>, found <${roots.join('>, <')}>`];
  }
  const root = document[typeName];
  const problems = [];
  if (typeof root === 'object' && root !== null && root['@_xmlns'] !== 'http://soap.sforce.com/2006/04/metadata') {
    problems.push('root element must declare xmlns="http://soap.sforce.com/2006/04/metadata"');
  }
  if (ANALYTICS_TYPES.includes(typeName)) {
    problems.push(...validateAnalyticsFile(typeName, text));
  } else {
    checkElement(typeName, root, typeName, problems);
  }
  return problems;
}

function findMetadataFiles(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '__tests__') {
      findMetadataFiles(full, found);
    } else if (entry.isFile() && entry.name.endsWith('-meta.xml')) {
      found.push(full);
    }
  }
  return found;
}

/**
 * Lists the static resource files that have no `<name>.resource-meta.xml` beside them. Source conversion skips such a
 * file without a word, so the resource would be missing from the deploy.
 * @param {string} dir
 * @param {string[]} found
 * @returns {string[]}
 */
export function findResourcesWithoutMeta(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name === 'staticresources') {
      const names = readdirSync(full);
      for (const name of names) {
        if (name.endsWith('-meta.xml')) continue;
        const base = name.replace(/\.[^.]+$/, '');
        if (!names.includes(`${base}.resource-meta.xml`)) found.push(path.join(full, name));
      }
    } else if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '__tests__') {
      findResourcesWithoutMeta(full, found);
    }
  }
  return found;
}

function main(folders) {
  if (!folders.length) {
    console.error('Usage: node scripts/gates/validate-metadata.mjs <folder>...');
    process.exit(2);
  }
  const files = folders.flatMap((folder) => findMetadataFiles(folder)).sort();
  let failures = 0;
  const parsed = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const problems = validateMetadataFile(file, text);
    for (const problem of problems) {
      console.error(`${file}: ${problem}`);
    }
    failures += problems.length;
    if (!problems.some((problem) => /not well-formed|root element must be|unknown metadata suffix/.test(problem))) {
      const typeName = typeOf(file);
      parsed.push({ file, typeName, root: parseXml(text)[typeName] });
    }
  }
  for (const { file, problem } of checkAnalyticsReferences(parsed)) {
    console.error(`${file}: ${problem}`);
    failures += 1;
  }
  for (const file of folders.flatMap((folder) => findResourcesWithoutMeta(folder)).sort()) {
    console.error(`${file}: static resource without a .resource-meta.xml file; add one with its contentType`);
    failures += 1;
  }
  console.log(`check:metadata: ${files.length} files, ${failures} problems`);
  process.exit(failures ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2));
}
