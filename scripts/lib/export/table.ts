import { CsvTokenizer, readCsvFile } from './csv';
import type { CsvSink } from './csv';
import { ExportProblem, RowRejection } from './problems';
import {
  DATE_EXAMPLE,
  DATE_TIME_EXAMPLE,
  parseBoolean,
  parseDateTime,
  parseDateTimeDay,
  parseDay,
  parseNumber
} from './values';

/** Columns of one known export file. */
export interface FileSpec {
  /** File name, which is the object's API name plus `.csv`. */
  name: string;
  /** Columns without which the file is skipped. */
  required: readonly string[];
  /** Columns read when present. */
  optional: readonly string[];
}

/** Per-file cap on reported rejected rows; the rest are summed up in one closing problem. */
export const MAX_PROBLEMS_PER_FILE = 100;

/**
 * Access to the fields of the current row by column name. Value getters throw `RowRejection` for a bad value,
 * so a row handler can read its fields in order and let the table reader report the first bad one.
 */
export class RowReader {
  fields: string[] = [];
  /** Field position by column name as the rules spell it, so the header lookup runs once per name. */
  private readonly positions = new Map<string, number>();

  constructor(private readonly index: ReadonlyMap<string, number>) {}

  private position(column: string): number {
    let position = this.positions.get(column);
    if (position === undefined) {
      position = this.index.get(column.toLowerCase()) ?? -1;
      this.positions.set(column, position);
    }
    return position;
  }

  /** True when the header has the column. */
  has(column: string): boolean {
    return this.position(column) >= 0;
  }

  /** Trimmed text of a column; blank when the column is absent. */
  text(column: string): string {
    const position = this.position(column);
    return position < 0 ? '' : this.fields[position].trim();
  }

  /** Trimmed text that must not be blank. */
  requiredText(column: string): string {
    const value = this.text(column);
    if (value === '') throw new RowRejection(column, `missing value; every row needs a ${column}`);
    return value;
  }

  /** ISO date of a date column (a date-time gives its UTC day); null when blank and not required. */
  day(column: string, required: boolean): string | null {
    const value = this.text(column);
    if (value === '') {
      if (required) throw new RowRejection(column, `missing date; use the format ${DATE_EXAMPLE}`);
      return null;
    }
    const day = parseDay(value);
    if (day === undefined) throw new RowRejection(column, `invalid date "${value}"; use the format ${DATE_EXAMPLE}`);
    return day;
  }

  /** ISO date of the UTC day of a date-time column; null when blank and not required. */
  dateTimeDay(column: string, required: boolean): string | null {
    const value = this.text(column);
    if (value === '') {
      if (required) throw new RowRejection(column, `missing date-time; use the format ${DATE_TIME_EXAMPLE}`);
      return null;
    }
    const day = parseDateTimeDay(value);
    if (day === undefined) {
      throw new RowRejection(column, `invalid date-time "${value}"; use the format ${DATE_TIME_EXAMPLE}`);
    }
    return day;
  }

  /** UTC date-time of a date-time column as `2024-07-11T21:22:07.000Z`; null when blank and not required. */
  dateTime(column: string, required: boolean): string | null {
    const value = this.text(column);
    if (value === '') {
      if (required) throw new RowRejection(column, `missing date-time; use the format ${DATE_TIME_EXAMPLE}`);
      return null;
    }
    const moment = parseDateTime(value);
    if (moment === undefined) {
      throw new RowRejection(column, `invalid date-time "${value}"; use the format ${DATE_TIME_EXAMPLE}`);
    }
    return moment;
  }

  /**
   * Picklist value as its API name; null when blank. The value matches an API name or a label without regard to
   * letter case, spaces and hyphens, so both `OnHold` and `On Hold` read as `OnHold`.
   * @param values API names of the picklist
   * @param aliases further spellings (lower case, letters and digits only) mapped to their API name
   */
  picklist<T extends string>(
    column: string,
    values: readonly T[],
    aliases: Readonly<Record<string, T>> = {}
  ): T | null {
    const value = this.text(column);
    if (value === '') return null;
    const key = value.toLowerCase().replace(/[^a-z0-9]/g, '');
    const match = values.find((candidate) => candidate.toLowerCase() === key) ?? aliases[key];
    if (match === undefined) {
      throw new RowRejection(column, `unknown value "${value}"; use one of ${values.join(', ')}`);
    }
    return match;
  }

  /** Checkbox value; blank and an absent column are false. */
  bool(column: string): boolean {
    const value = this.text(column);
    const parsed = parseBoolean(value);
    if (parsed === undefined) throw new RowRejection(column, `invalid checkbox value "${value}"; use true or false`);
    return parsed;
  }

  /** Plain decimal; null when blank and not required. */
  number(column: string, required: boolean): number | null {
    const value = this.text(column);
    const parsed = parseNumber(value);
    if (parsed === undefined) {
      throw new RowRejection(
        column,
        `invalid number "${value}"; write a plain decimal such as 1234.5, without separators`
      );
    }
    if (parsed === null && required) throw new RowRejection(column, 'missing number; every row needs one');
    return parsed;
  }
}

/** Counts of one table read. */
export interface TableResult {
  /** False when the file was skipped (no header or a missing required column). */
  loaded: boolean;
  rows: number;
  rejected: number;
  /** Lower-case names of the columns in the header. */
  columns: ReadonlySet<string>;
}

/** Receives the tokenizer's callbacks for one table and keeps its counts. */
interface TableSink extends CsvSink {
  /** Counts of the table, once the last record was passed on. */
  finish(hasHeader: boolean): TableResult;
}

/**
 * Creates the callbacks that check the header against `spec`, call `handleRow` for every data row and report
 * rejected rows. A row whose field count differs from the header, or whose handler throws `RowRejection`, is rejected
 * and reported; the other rows still load. A missing required column skips the whole file with one problem naming the
 * columns.
 */
function createTableSink(
  spec: FileSpec,
  problems: ExportProblem[],
  handleRow: (row: RowReader, line: number) => void
): TableSink {
  const index = new Map<string, number>();
  const row = new RowReader(index);
  let loaded = false;
  let rows = 0;
  let rejected = 0;
  let headerLength = 0;
  let reported = 0;

  const reject = (line: number, column: string | null, message: string): void => {
    rejected++;
    if (reported < MAX_PROBLEMS_PER_FILE) problems.push({ file: spec.name, line, column, message });
    reported++;
  };

  return {
    onHeader(header, line) {
      header.forEach((name, position) => {
        const key = name.trim().toLowerCase();
        if (!index.has(key)) index.set(key, position);
      });
      headerLength = header.length;
      const missing = spec.required.filter((column) => !index.has(column.toLowerCase()));
      if (missing.length > 0) {
        const names = missing.join(', ');
        const noun = missing.length === 1 ? 'column' : 'columns';
        problems.push({
          file: spec.name,
          line,
          column: null,
          message: `missing required ${noun} ${names}; add the ${noun} or re-export with ${missing.length === 1 ? 'it' : 'them'}. The file was skipped.`
        });
        return false;
      }
      loaded = true;
      return true;
    },
    onRecord(fields, line) {
      rows++;
      if (fields.length !== headerLength) {
        reject(
          line,
          null,
          `expected ${headerLength} fields as in the header, found ${fields.length}; ` +
            'quote values that contain commas or line breaks'
        );
        return;
      }
      row.fields = fields;
      try {
        handleRow(row, line);
      } catch (error: unknown) {
        if (!(error instanceof RowRejection)) throw error;
        reject(line, error.column, error.message);
      }
    },
    onMalformed(line, message) {
      rows++;
      reject(line, null, `${message}; close the quote or remove the stray quote character`);
    },
    finish(hasHeader) {
      if (!hasHeader) {
        problems.push({
          file: spec.name,
          line: null,
          column: null,
          message: 'the file is empty; re-export it with a header row. The file was skipped.'
        });
      }
      if (reported > MAX_PROBLEMS_PER_FILE) {
        problems.push({
          file: spec.name,
          line: null,
          column: null,
          message: `${reported - MAX_PROBLEMS_PER_FILE} more rejected rows are not listed; fix the rows above and read the export again`
        });
      }
      return { loaded, rows, rejected, columns: new Set(index.keys()) };
    }
  };
}

/**
 * Reads one export file as a stream, checks its header against `spec` and calls `handleRow` for every data row.
 * `createTableSink` describes how rows are rejected. The promise rejects when the file cannot be opened or read.
 */
export async function readTable(
  path: string,
  spec: FileSpec,
  problems: ExportProblem[],
  handleRow: (row: RowReader, line: number) => void
): Promise<TableResult> {
  const sink = createTableSink(spec, problems, handleRow);
  const result = await readCsvFile(path, sink);
  return sink.finish(result.hasHeader);
}

/** Reads one export file held in memory as text, like `readTable` does for a file on disk. */
export function readTableText(
  text: string,
  spec: FileSpec,
  problems: ExportProblem[],
  handleRow: (row: RowReader, line: number) => void
): TableResult {
  const sink = createTableSink(spec, problems, handleRow);
  const tokenizer = new CsvTokenizer(sink);
  tokenizer.push(text);
  return sink.finish(tokenizer.finish().hasHeader);
}
