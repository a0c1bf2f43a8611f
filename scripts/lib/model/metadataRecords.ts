/**
 * Reading of Custom Metadata record files (`<Type>.<Record>.md-meta.xml`, source format) into typed values, with every
 * problem recorded against the file, the field and the line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FieldSpec, TypeSpec, xsiTypeFor } from './metadataSchema';

/** One problem in a record file. */
export interface ModelLoadProblem {
  /** Path of the file, as built from the folder the caller passed. */
  file: string;
  /** Field API name, or null for a problem with the whole file. */
  field: string | null;
  /** 1-based line, or null when the problem has no single line. */
  line: number | null;
  message: string;
}

/** Formats a problem as `file:line: field: message`. */
export function formatProblem(problem: ModelLoadProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  return problem.field === null ? `${where}: ${problem.message}` : `${where}: ${problem.field}: ${problem.message}`;
}

/** Thrown when the health model metadata cannot be loaded; `problems` lists every problem found. */
export class ModelLoadError extends Error {
  readonly problems: ModelLoadProblem[];

  constructor(problems: ModelLoadProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Invalid health model metadata (${count}):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ModelLoadError';
    this.problems = problems;
  }
}

/** One `<values>` entry of a record; `text` is null for `xsi:nil="true"` and for an empty value. */
interface RecordValue {
  text: string | null;
  line: number | null;
}

/** A parsed record file. */
export interface MetadataRecord {
  file: string;
  /** Type API name, for example `HealthMeasure__mdt`. */
  typeName: string;
  /** DeveloperName, taken from the file name. */
  developerName: string;
  label: string;
  /** Line of `<label>`, for messages about the record as a whole. */
  labelLine: number | null;
  values: Map<string, RecordValue>;
}

/** DeveloperName rules of the platform: a letter first, letters, digits and single underscores, no final underscore. */
const DEVELOPER_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?=[A-Za-z0-9]))*$/;
const MAX_DEVELOPER_NAME_LENGTH = 40;
const MAX_LABEL_LENGTH = 40;
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (_name: string, jpath: unknown) => jpath === 'CustomMetadata.values'
});

/** Returns the 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
    }
  }
  return line;
}

/** Returns the line of the first occurrence of `needle`, or null when it does not occur verbatim. */
function lineOf(text: string, needle: string): number | null {
  const offset = text.indexOf(needle);
  return offset < 0 ? null : lineAt(text, offset);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns an attribute by local name (`type` matches `xsi:type` whatever the prefix). */
function attribute(element: Record<string, unknown>, localName: string): string | null {
  for (const [key, value] of Object.entries(element)) {
    if (key.startsWith('@_') && (key === `@_${localName}` || key.endsWith(`:${localName}`))) {
      return String(value);
    }
  }
  return null;
}

/**
 * Parses one record file. Records problems and returns null when the file is not a readable Custom Metadata
 * record; field values are checked later, by {@link RecordReader}.
 */
export function readMetadataRecord(
  file: string,
  typeName: string,
  spec: TypeSpec,
  problems: ModelLoadProblem[]
): MetadataRecord | null {
  const fileProblem = (message: string, line: number | null = null): null => {
    problems.push({ file, field: null, line, message });
    return null;
  };

  const baseName = path.basename(file);
  const typePrefix = typeName.replace(/__mdt$/, '');
  const developerName = baseName.slice(typePrefix.length + 1, -'.md-meta.xml'.length);
  if (!DEVELOPER_NAME.test(developerName) || developerName.length > MAX_DEVELOPER_NAME_LENGTH) {
    return fileProblem(
      `record name "${developerName}" is not a valid DeveloperName; rename the file so the name starts with a letter, ` +
        `has at most ${MAX_DEVELOPER_NAME_LENGTH} letters, digits and single underscores, and does not end with one`
    );
  }

  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    return fileProblem(`XML is not well formed at column ${col}: ${msg} Fix the XML and load again.`, line);
  }

  const document: unknown = parser.parse(text);
  const root = isObject(document) ? document.CustomMetadata : undefined;
  if (!isObject(root)) {
    return fileProblem('root element is not <CustomMetadata>; a record file must contain one CustomMetadata element');
  }

  const labelLine = lineOf(text, '<label>');
  const label = typeof root.label === 'string' ? root.label : '';
  if (label === '') {
    return fileProblem('<label> is missing or empty; give the record a label (at most 40 characters)', labelLine);
  }
  if (label.length > MAX_LABEL_LENGTH) {
    fileProblem(
      `label "${label}" has ${label.length} characters; shorten it to at most ${MAX_LABEL_LENGTH}`,
      labelLine
    );
  }

  const values = new Map<string, RecordValue>();
  const entries = Array.isArray(root.values) ? root.values : [];
  for (const entry of entries) {
    if (!isObject(entry) || typeof entry.field !== 'string') {
      fileProblem('a <values> element has no <field>; give each <values> a <field> and a <value>');
      continue;
    }
    const fieldName = entry.field;
    const line = lineOf(text, `<field>${fieldName}</field>`);
    const fieldProblem = (message: string): void => {
      problems.push({ file, field: fieldName, line, message });
    };

    const fieldSpec: FieldSpec | undefined = spec[fieldName];
    if (fieldSpec === undefined) {
      fieldProblem(`is not a field of ${typeName}; use one of ${Object.keys(spec).join(', ')}`);
      continue;
    }
    if (values.has(fieldName)) {
      fieldProblem('appears twice in the record; keep one <values> element per field');
      continue;
    }

    values.set(fieldName, { text: readValueText(entry.value, fieldSpec, fieldProblem), line });
  }

  return { file, typeName, developerName, label, labelLine, values };
}

/** Returns the text of a `<value>` element, checking its `xsi:type` against the field's kind. */
function readValueText(value: unknown, fieldSpec: FieldSpec, fieldProblem: (message: string) => void): string | null {
  if (value === undefined || value === '') {
    return null;
  }
  if (typeof value === 'string') {
    fieldProblem(`value has no xsi:type; write <value xsi:type="${xsiTypeFor(fieldSpec.kind)}">`);
    return value;
  }
  if (!isObject(value)) {
    fieldProblem('value is not a single <value> element; give the field one <value>');
    return null;
  }
  if (attribute(value, 'nil') === 'true') {
    return null;
  }

  const text = value['#text'];
  const content = text === undefined ? '' : String(text);
  const expected = xsiTypeFor(fieldSpec.kind);
  const actual = attribute(value, 'type');
  if (actual === null) {
    fieldProblem(`value has no xsi:type; write <value xsi:type="${expected}">`);
  } else if (actual !== expected) {
    fieldProblem(`value has xsi:type="${actual}", but a ${fieldSpec.kind} field needs xsi:type="${expected}"`);
  }
  return content === '' ? null : content;
}

/**
 * Typed access to the values of one record. Each method records a problem for an invalid or missing value. The
 * `require…` methods then return a placeholder (NaN or the first allowed value), so reading continues and reports
 * every problem. Callers must not use a record's values once a problem was recorded for it.
 */
export class RecordReader {
  readonly record: MetadataRecord;
  private readonly spec: TypeSpec;
  private readonly problems: ModelLoadProblem[];

  constructor(record: MetadataRecord, spec: TypeSpec, problems: ModelLoadProblem[]) {
    this.record = record;
    this.spec = spec;
    this.problems = problems;
  }

  /** Records a problem on a field of this record. */
  problem(field: string | null, message: string): void {
    const line = field === null ? this.record.labelLine : (this.record.values.get(field)?.line ?? null);
    this.problems.push({ file: this.record.file, field, line, message });
  }

  /** Returns the trimmed text of a field, or null when blank; records a problem when a required field is blank. */
  text(field: string): string | null {
    const spec = this.fieldSpec(field);
    const raw = this.record.values.get(field)?.text ?? null;
    const value = raw === null ? null : raw.trim();
    if (value === null || value === '') {
      if (spec.required) {
        this.problem(field, `is required but has no value; set it on record ${this.record.developerName}`);
      }
      return null;
    }
    if (spec.length !== undefined && value.length > spec.length) {
      this.problem(field, `has ${value.length} characters; the field holds at most ${spec.length}`);
    }
    return value;
  }

  /** Returns a Number field, or null when blank, after checking it fits the field's precision and scale. */
  number(field: string): number | null {
    const text = this.text(field);
    if (text === null) {
      return null;
    }
    if (!NUMBER_TEXT.test(text)) {
      this.problem(field, `value "${text}" is not a number; write a plain decimal such as 30.0 or -50.0`);
      return null;
    }
    const value = Number(text);
    const { precision, scale } = this.fieldSpec(field);
    if (precision !== undefined && scale !== undefined) {
      const shifted = value * 10 ** scale;
      if (Math.abs(shifted - Math.round(shifted)) > 1e-6) {
        const expected = scale === 0 ? 'a whole number' : `a number with at most ${scale} decimal places`;
        this.problem(field, `value "${text}" is not ${expected}; round it`);
        return null;
      }
      const limit = 10 ** (precision - scale);
      if (Math.abs(value) >= limit) {
        this.problem(field, `value "${text}" is out of range; the field holds values between -${limit} and ${limit}`);
        return null;
      }
    }
    return value;
  }

  /** Returns a required Number field, or NaN after recording a problem. */
  requireNumber(field: string): number {
    return this.number(field) ?? Number.NaN;
  }

  /** Returns a Checkbox field; a blank checkbox is false. */
  checkbox(field: string): boolean {
    const text = this.text(field);
    if (text === null || text === 'false') {
      return false;
    }
    if (text === 'true') {
      return true;
    }
    this.problem(field, `value "${text}" is not a checkbox value; write true or false`);
    return false;
  }

  /** Returns a restricted picklist value, or null when blank or not allowed (recording a problem for the latter). */
  picklist<T extends string>(field: string, allowed: readonly T[]): T | null {
    const text = this.text(field);
    if (text === null) {
      return null;
    }
    const match = allowed.find((value) => value === text);
    if (match !== undefined) {
      return match;
    }
    const caseMatch = allowed.find((value) => value.toLowerCase() === text.toLowerCase());
    const hint = caseMatch === undefined ? `use one of ${allowed.join(', ')}` : `did you mean ${caseMatch}?`;
    this.problem(field, `value "${text}" is not an allowed value; ${hint}`);
    return null;
  }

  /** Returns a required restricted picklist value, or the first allowed value after recording a problem. */
  requirePicklist<T extends string>(field: string, allowed: readonly T[]): T {
    return this.picklist(field, allowed) ?? allowed[0];
  }

  private fieldSpec(field: string): FieldSpec {
    const spec = this.spec[field];
    if (spec === undefined) {
      // A programming error in the loader, not a problem in the metadata.
      throw new Error(`${this.record.typeName} has no field ${field} in the loader's field table`);
    }
    return spec;
  }
}
