/** One problem found while reading an org export: a skipped file or a rejected row. */
export interface ExportProblem {
  /** File name inside the export folder, for example `Case.csv`. */
  file: string;
  /** 1-based line where the record starts (the header is line 1); null for a problem with the whole file. */
  line: number | null;
  /** Column (API name as written in the header) holding the bad value; null when no single column is at fault. */
  column: string | null;
  /** Description of the fault and of the fix to apply. */
  message: string;
}

/**
 * Formats a problem as one line for a terminal or a log, for example
 * `Case.csv line 12, column CreatedDate: invalid date-time "2024-13-40"; use the format 2024-07-11T21:22:07.000+0000`.
 */
export function formatProblem(problem: ExportProblem): string {
  let where = problem.file;
  if (problem.line !== null) where += ` line ${problem.line}`;
  if (problem.column !== null)
    where += problem.line !== null ? `, column ${problem.column}` : ` column ${problem.column}`;
  return `${where}: ${problem.message}`;
}

/** Thrown by a row reader to reject the current row; the caller turns it into an `ExportProblem`. */
export class RowRejection extends Error {
  constructor(
    readonly column: string | null,
    message: string
  ) {
    super(message);
    this.name = 'RowRejection';
  }
}

/** Message of a caught value, which may be an Error from another realm or not an Error at all. */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
