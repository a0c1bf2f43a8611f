// Checks for reports, custom report types, dashboards and their folders, which `sf project convert source` passes
// without looking inside and the org only rejects at deploy or install time.
//
// Schema: the shapes come from the Metadata API types of @salesforce/types (lib/metadata.d.ts, generated from the
// current Metadata API WSDL), which also lists the enumerated values that the WSDL snapshot inside jsforce lacks.
// Every element must be a known field of its type, appear in the WSDL sequence order (the Metadata API rejects an
// element out of order with "invalid at this location"), appear once unless it is a list, and required elements
// must be present.
//
// References across files: a report names an existing report type and only the columns it offers. A custom report
// type joins relationships and lists fields that exist in the project's objects. A dashboard shows existing reports
// and only their groupings and summarised columns. Every report and dashboard sits in a folder with a folder file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { XMLParser } from 'fast-xml-parser';

const require = createRequire(import.meta.url);

/** Metadata types whose files are checked by this module instead of the jsforce WSDL snapshot. */
export const ANALYTICS_TYPES = ['Report', 'ReportType', 'Dashboard', 'ReportFolder', 'DashboardFolder'];

// @salesforce/types declares the folder types as plain strings, but in the Metadata API WSDL both extend Folder.
const TYPE_ALIASES = { ReportFolder: 'Folder', DashboardFolder: 'Folder' };

// Dashboard.Description is at most 255 characters long (Salesforce Object Reference, Dashboard object).
const MAX_LENGTHS = { 'Dashboard/description': 255 };

/** Report types of the standard catalog that this project reports on, by the object whose custom fields they show. */
const STANDARD_REPORT_TYPES = { AccountList: 'Account' };

// Report columns that are not fields: the record count, and bucket and summary formula columns named in the report.
const REPORT_PSEUDO_COLUMNS = new Set(['RowCount']);

let schemaCache;

/**
 * Reads the object types and enumerations of @salesforce/types' Metadata API declarations.
 * @returns {{ objects: Map<string, { base: string | null, props: { name: string, type: string, list: boolean, optional: boolean }[] }>, enums: Map<string, string[]> }}
 */
export function loadMetadataTypes() {
  if (schemaCache) {
    return schemaCache;
  }
  // The package exports only the compiled modules, so the declarations are read from beside lib/metadata.js.
  const file = path.join(path.dirname(require.resolve('@salesforce/types/metadata')), 'metadata.d.ts');
  const lines = readFileSync(file, 'utf8').split('\n');
  const objects = new Map();
  const enums = new Map();
  for (let i = 0; i < lines.length; i += 1) {
    const enumMatch = /^export type (\w+) = ('.*');$/.exec(lines[i]);
    if (enumMatch) {
      enums.set(
        enumMatch[1],
        enumMatch[2].split(' | ').map((value) => value.slice(1, -1))
      );
      continue;
    }
    const objectMatch = /^export type (\w+) = (?:(\w+) & )?\{$/.exec(lines[i]);
    if (!objectMatch) {
      continue;
    }
    const props = [];
    for (i += 1; i < lines.length && lines[i] !== '};'; i += 1) {
      const prop = /^\s+(\w+)(\?)?: (\w+)(\[\])?;$/.exec(lines[i]);
      if (prop) {
        props.push({ name: prop[1], optional: Boolean(prop[2]), type: prop[3], list: Boolean(prop[4]) });
      }
    }
    objects.set(objectMatch[1], { base: objectMatch[2] ?? null, props });
  }
  schemaCache = { objects, enums };
  return schemaCache;
}

/** Returns the fields of a type in WSDL sequence order: inherited fields first. */
function propsOf(typeName) {
  const { objects } = loadMetadataTypes();
  const type = objects.get(TYPE_ALIASES[typeName] ?? typeName);
  if (!type) {
    return null;
  }
  return [...(type.base ? (propsOf(type.base) ?? []) : []), ...type.props];
}

function textOf(children) {
  const text = children.find((child) => '#text' in child);
  return text === undefined ? '' : String(text['#text']);
}

function elementName(node) {
  return Object.keys(node).find((key) => key !== ':@');
}

function checkValue(prop, children, where, problems) {
  const { enums, objects } = loadMetadataTypes();
  const hasElements = children.some((child) => !('#text' in child));
  if (objects.has(prop.type) || objects.has(TYPE_ALIASES[prop.type])) {
    checkOrderedElement(prop.type, children, where, problems);
    return;
  }
  if (hasElements) {
    problems.push(`${where} must be text, found nested elements`);
    return;
  }
  const text = textOf(children);
  if (enums.has(prop.type)) {
    const allowed = enums.get(prop.type);
    if (!allowed.includes(text)) {
      problems.push(`${where} must be one of ${allowed.join(', ')}; found "${text}"`);
    }
  } else if (prop.type === 'number' && (text === '' || Number.isNaN(Number(text)))) {
    problems.push(`${where} must be a number, found "${text}"`);
  } else if (prop.type === 'boolean' && text !== 'true' && text !== 'false') {
    problems.push(`${where} must be true or false, found "${text}"`);
  }
  const maxLength = MAX_LENGTHS[where.replace(/\[\d+\]/g, '')];
  if (maxLength !== undefined && text.length > maxLength) {
    problems.push(`${where} has ${text.length} characters; the Metadata API allows at most ${maxLength}`);
  }
}

/**
 * Checks one element of an analytics type, given as fast-xml-parser `preserveOrder` children: known fields only, in
 * WSDL order, single-valued fields once, required fields present, and the values of each field.
 * @param {string} typeName
 * @param {object[]} children
 * @param {string} where Path of the element for messages, such as `Report/columns`.
 * @param {string[]} problems
 */
export function checkOrderedElement(typeName, children, where, problems) {
  const props = propsOf(typeName);
  if (!props) {
    return;
  }
  const byName = new Map(props.map((prop, index) => [prop.name, { ...prop, index }]));
  const seen = new Map();
  let lastIndex = -1;
  let lastName = '';
  for (const node of children) {
    const name = elementName(node);
    if (name === undefined || name === '#text') {
      continue;
    }
    const prop = byName.get(name);
    if (!prop) {
      problems.push(`<${name}> is not a field of ${typeName} (in ${where})`);
      continue;
    }
    if (prop.index < lastIndex) {
      problems.push(
        `<${name}> must come before <${lastName}> in ${where}: the Metadata API reads the fields of ${typeName} in a fixed order`
      );
    }
    lastIndex = prop.index;
    lastName = name;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (!prop.list && count === 2) {
      problems.push(`${where}/${name} appears more than once but holds a single value`);
    }
    checkValue(prop, node[name], `${where}/${name}`, problems);
  }
  for (const prop of props) {
    if (!prop.optional && !prop.list && !seen.has(prop.name) && prop.name !== 'fullName') {
      problems.push(`${where} lacks the required element <${prop.name}>`);
    }
  }
}

/**
 * Validates the text of an analytics metadata file against the current Metadata API shapes.
 * @param {string} typeName One of ANALYTICS_TYPES.
 * @param {string} text Well-formed XML.
 * @returns {string[]}
 */
export function validateAnalyticsFile(typeName, text) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: true,
    preserveOrder: true
  });
  const document = parser.parse(text);
  const root = document.find((node) => elementName(node) === typeName);
  const problems = [];
  if (root) {
    checkOrderedElement(typeName, root[typeName], typeName, problems);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// References across files

function listOf(value) {
  if (value === undefined || value === null || value === '') {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

function text(value) {
  if (value === undefined || value === null) {
    return '';
  }
  return typeof value === 'object' ? String(value['#text'] ?? '') : String(value);
}

/**
 * Indexes the objects and fields of the project: custom objects, the custom fields of any object, and the lookup and
 * master-detail relationships between them.
 * @param {{ file: string, typeName: string, root: object }[]} entries
 */
export function indexObjects(entries) {
  const objects = new Map();
  const objectNamed = (name) => {
    const key = name.toLowerCase();
    if (!objects.has(key)) {
      objects.set(key, { name, isDefined: false, enableReports: false, fields: new Map() });
    }
    return objects.get(key);
  };
  for (const { file, typeName, root } of entries) {
    const parts = file.split(path.sep);
    const objectsAt = parts.lastIndexOf('objects');
    if (objectsAt < 0) {
      continue;
    }
    const objectName = parts[objectsAt + 1];
    if (typeName === 'CustomObject') {
      const object = objectNamed(objectName);
      object.isDefined = true;
      object.enableReports = text(root.enableReports) === 'true';
    } else if (typeName === 'CustomField') {
      const fieldName = path.basename(file).replace(/\.field-meta\.xml$/, '');
      objectNamed(objectName).fields.set(fieldName.toLowerCase(), {
        name: fieldName,
        type: text(root.type),
        referenceTo: text(root.referenceTo),
        relationshipName: text(root.relationshipName)
      });
    }
  }
  return objects;
}

function isCustomName(name) {
  return /__(c|r|mdt|e)$/i.test(name);
}

/** Finds the child object behind a child relationship name such as `Escalations__r` of a parent object. */
function childOf(objects, parentName, relationship) {
  const expectedName = relationship.replace(/__r$/i, '').toLowerCase();
  for (const object of objects.values()) {
    for (const field of object.fields.values()) {
      if (
        field.referenceTo.toLowerCase() === parentName.toLowerCase() &&
        field.relationshipName.toLowerCase() === expectedName
      ) {
        return object.name;
      }
    }
  }
  return null;
}

/**
 * Checks a field path of a report type column, such as `Status__c` or `Account__c.HealthBand__c`, against the
 * object it starts from. Standard fields and fields of objects outside the project are not checked.
 * @returns {string | null} The problem, or null.
 */
function fieldPathProblem(objects, objectName, fieldPath) {
  let current = objectName;
  const segments = fieldPath.split('.');
  for (const [index, segment] of segments.entries()) {
    const object = current ? objects.get(current.toLowerCase()) : undefined;
    if (!object || !isCustomName(segment)) {
      return null;
    }
    const field = object.fields.get(segment.toLowerCase());
    if (!field) {
      return `${current} has no field ${segment} in this project`;
    }
    if (index < segments.length - 1) {
      if (!field.referenceTo) {
        return `${current}.${segment} is not a lookup, so ${fieldPath} cannot follow it`;
      }
      current = field.referenceTo;
    }
  }
  return null;
}

/**
 * Lists the columns a custom report type offers to reports (`<table>$<field>`, lower case) and reports the problems
 * of its base object, join and sections.
 */
function describeReportType(objects, entry, report) {
  const baseObject = text(entry.root.baseObject);
  const base = objects.get(baseObject.toLowerCase());
  if (isCustomName(baseObject) && !base?.isDefined) {
    report(`base object ${baseObject} is not an object of this project`);
  }
  const requireReports = (objectName) => {
    const object = objectName ? objects.get(objectName.toLowerCase()) : undefined;
    if (object?.isDefined && !object.enableReports) {
      report(`${object.name} does not set <enableReports>true</enableReports>, so the report type cannot show it`);
    }
  };
  requireReports(baseObject);

  // Each table path (lower case) maps to its spelling and its object, which is null for objects outside the project.
  const tables = new Map([[baseObject.toLowerCase(), { path: baseObject, object: baseObject }]]);
  let join = entry.root.join;
  let tablePath = baseObject;
  let parentObject = baseObject;
  while (join) {
    const relationship = text(join.relationship);
    tablePath = `${tablePath}.${relationship}`;
    const child = isCustomName(relationship) && parentObject ? childOf(objects, parentObject, relationship) : null;
    if (isCustomName(relationship) && !child) {
      report(
        `join relationship ${relationship} not found: no lookup or master-detail field of this project points to ` +
          `${parentObject} with relationshipName ${relationship.replace(/__r$/i, '')}`
      );
    }
    tables.set(tablePath.toLowerCase(), { path: tablePath, object: child });
    requireReports(child);
    parentObject = child;
    join = join.join;
  }

  const columns = new Set();
  for (const section of listOf(entry.root.sections)) {
    for (const column of listOf(section.columns)) {
      const table = text(column.table);
      const field = text(column.field);
      if (!tables.has(table.toLowerCase())) {
        report(
          `section "${text(section.masterLabel)}" lists ${field} of table ${table}, which is neither the base object ` +
            `nor a joined relationship path (${[...tables.values()].map((known) => known.path).join(', ')})`
        );
        continue;
      }
      const problem = fieldPathProblem(objects, tables.get(table.toLowerCase()).object, field);
      if (problem) {
        report(`section "${text(section.masterLabel)}" column ${table}.${field}: ${problem}`);
      }
      columns.add(`${table}$${field}`.toLowerCase());
    }
  }
  return columns;
}

/** Returns the columns a report refers to, each with the element it came from. */
function reportColumnReferences(root) {
  const references = [];
  const add = (value, element) => {
    const column = text(value);
    if (column) {
      references.push({ column, element });
    }
  };
  for (const column of listOf(root.columns)) add(column.field, 'columns/field');
  for (const grouping of listOf(root.groupingsDown)) add(grouping.field, 'groupingsDown/field');
  for (const grouping of listOf(root.groupingsAcross)) add(grouping.field, 'groupingsAcross/field');
  for (const item of listOf(root.filter?.criteriaItems)) add(item.column, 'filter/criteriaItems/column');
  add(root.sortColumn, 'sortColumn');
  add(root.timeFrameFilter?.dateColumn, 'timeFrameFilter/dateColumn');
  add(root.chart?.groupingColumn, 'chart/groupingColumn');
  add(root.chart?.secondaryGroupingColumn, 'chart/secondaryGroupingColumn');
  for (const summary of listOf(root.chart?.chartSummaries)) add(summary.column, 'chart/chartSummaries/column');
  return references;
}

function checkReport(objects, entry, reportTypes, report) {
  const { root } = entry;
  const reportType = text(root.reportType);
  const named = new Set([
    ...listOf(root.buckets).map((bucket) => text(bucket.developerName)),
    ...listOf(root.aggregates).map((aggregate) => text(aggregate.developerName))
  ]);
  const customColumns = reportType.endsWith('__c') ? reportTypes.get(reportType.slice(0, -3).toLowerCase()) : null;
  if (reportType.endsWith('__c') && !customColumns) {
    report(
      `report type ${reportType} not found: a custom report type is named by its file name plus __c, and no ` +
        `${reportType.slice(0, -3)}.reportType-meta.xml exists`
    );
    return;
  }
  const standardObject = STANDARD_REPORT_TYPES[reportType];
  for (const { column, element } of reportColumnReferences(root)) {
    // Dashboards and charts may prefix a summarised column with its aggregate, such as s!Amount.
    const bare = column.replace(/^[a-z]+!/, '');
    if (REPORT_PSEUDO_COLUMNS.has(bare) || named.has(bare)) {
      continue;
    }
    if (customColumns) {
      if (!customColumns.has(bare.toLowerCase())) {
        report(
          `${element} ${column} is not a column of report type ${reportType}; use <table>$<field> of a column in its sections`
        );
      }
    } else if (bare.includes('$')) {
      report(
        `${element} ${column} has the custom report type form <table>$<field>, but ${reportType} is a standard report type`
      );
    } else if (standardObject) {
      const match = /^(\w+)\.(\w+__c)$/.exec(bare);
      const problem =
        match && match[1].toLowerCase() === standardObject.toLowerCase()
          ? fieldPathProblem(objects, standardObject, match[2])
          : null;
      if (problem) {
        report(`${element} ${column}: ${problem}`);
      }
    }
  }
  if (text(root.format) === 'Summary' && listOf(root.groupingsDown).length === 0) {
    report('a Summary report needs at least one <groupingsDown>; add one or use the Tabular format');
  }
  const criteriaCount = listOf(root.filter?.criteriaItems).length;
  for (const number of (text(root.filter?.booleanFilter).match(/\d+/g) ?? []).map(Number)) {
    if (number < 1 || number > criteriaCount) {
      report(`filter/booleanFilter refers to condition ${number}, but the filter has ${criteriaCount} conditions`);
    }
  }
}

/** Returns the grouping fields and the summarised columns of a report, which dashboard components may show. */
function reportOutputs(root) {
  const groupings = new Set(
    [...listOf(root.groupingsDown), ...listOf(root.groupingsAcross)].map((grouping) => text(grouping.field))
  );
  const summaries = new Map([['RowCount', new Set(['Sum'])]]);
  for (const column of listOf(root.columns)) {
    const aggregates = listOf(column.aggregateTypes).map(text);
    if (aggregates.length > 0) {
      summaries.set(text(column.field), new Set(aggregates));
    }
  }
  return { groupings, summaries };
}

function dashboardComponents(root) {
  return [
    ...listOf(root.dashboardGridLayout?.dashboardGridComponents).map((cell) => cell.dashboardComponent),
    ...['leftSection', 'middleSection', 'rightSection'].flatMap((section) => listOf(root[section]?.components))
  ].filter(Boolean);
}

function checkDashboard(entry, reports, report) {
  const { root } = entry;
  const dashboardType = text(root.dashboardType);
  if (!['LoggedInUser', 'MyTeamUser'].includes(dashboardType) || text(root.runningUser)) {
    report(
      'the dashboard must run as the viewer: set <dashboardType>LoggedInUser</dashboardType> (or MyTeamUser) and ' +
        'remove <runningUser>, because no username exists in every org that installs the package'
    );
  }
  for (const component of dashboardComponents(root)) {
    const label = `component "${text(component.header) || text(component.title) || text(component.componentType)}"`;
    const reportName = text(component.report);
    if (!reportName) {
      continue;
    }
    const shown = reports.get(reportName.toLowerCase());
    if (!shown) {
      report(
        `${label} shows report ${reportName}, which is not a report of this project (<folder>/<report file name>)`
      );
      continue;
    }
    const { groupings, summaries } = reportOutputs(shown.root);
    for (const column of listOf(component.groupingColumn).map(text)) {
      if (!groupings.has(column)) {
        report(`${label} groups by ${column}, which is not a grouping of report ${reportName}`);
      }
    }
    for (const summary of listOf(component.chartSummary)) {
      const column = text(summary.column);
      const aggregate = text(summary.aggregate) || 'Sum';
      if (!summaries.get(column)?.has(aggregate)) {
        report(`${label} shows the ${aggregate} of ${column}, which report ${reportName} does not summarise`);
      }
    }
    for (const column of listOf(component.flexComponentProperties?.flexTableColumn)) {
      const name = text(column.reportColumn);
      const type = text(column.type);
      if (type === 'grouping' && !groupings.has(name)) {
        report(`${label} lists grouping ${name}, which is not a grouping of report ${reportName}`);
      }
      if (type === 'aggregate' && !summaries.has(name)) {
        report(`${label} lists summary ${name}, which report ${reportName} does not summarise`);
      }
    }
  }
}

/** Returns the kind (reports or dashboards), folder and name of a report or dashboard file, or null outside a folder. */
function folderItem(file, suffix) {
  const parts = file.split(/[\\/]/);
  const kind = parts.at(-3);
  const fileName = parts.at(-1);
  if (kind !== `${suffix}s` || !fileName.endsWith(`.${suffix}-meta.xml`)) {
    return null;
  }
  return { kind, folder: parts.at(-2), name: fileName.slice(0, -`.${suffix}-meta.xml`.length) };
}

/**
 * Checks the references between analytics files and the objects of the project.
 * @param {{ file: string, typeName: string, root: object }[]} entries Every parsed metadata file of the checked folders.
 * @returns {{ file: string, problem: string }[]}
 */
export function checkAnalyticsReferences(entries) {
  const objects = indexObjects(entries);
  const problems = [];
  const reporterFor = (file) => (problem) => problems.push({ file, problem });
  const folders = new Set();
  for (const entry of entries) {
    const match = /^(.+)\.(report|dashboard)Folder-meta\.xml$/.exec(path.basename(entry.file));
    if (match) {
      folders.add(`${path.dirname(entry.file)}|${match[2]}s|${match[1]}`.toLowerCase());
    }
  }

  const reportTypes = new Map();
  for (const entry of entries.filter((candidate) => candidate.typeName === 'ReportType')) {
    const name = path.basename(entry.file).replace(/\.reportType-meta\.xml$/, '');
    reportTypes.set(name.toLowerCase(), describeReportType(objects, entry, reporterFor(entry.file)));
  }

  const reports = new Map();
  for (const entry of entries) {
    const suffix = { Report: 'report', Dashboard: 'dashboard' }[entry.typeName];
    if (!suffix) {
      continue;
    }
    const item = folderItem(entry.file, suffix);
    if (!item) {
      reporterFor(entry.file)(`a ${suffix} must sit in a folder: ${suffix}s/<folder>/<name>.${suffix}-meta.xml`);
      continue;
    }
    const folderDir = path.dirname(path.dirname(entry.file));
    if (!folders.has(`${folderDir}|${item.kind}|${item.folder}`.toLowerCase())) {
      reporterFor(entry.file)(
        `folder ${item.folder} has no ${item.folder}.${suffix}Folder-meta.xml beside it in ${folderDir}; ` +
          'add one with its name and accessType'
      );
    }
    if (entry.typeName === 'Report') {
      reports.set(`${item.folder}/${item.name}`.toLowerCase(), entry);
    }
  }

  for (const entry of entries) {
    if (entry.typeName === 'Report') {
      checkReport(objects, entry, reportTypes, reporterFor(entry.file));
    } else if (entry.typeName === 'Dashboard') {
      checkDashboard(entry, reports, reporterFor(entry.file));
    }
  }
  return problems;
}
