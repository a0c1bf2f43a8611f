/**
 * Writes CSV the way Data Loader does: a UTF-8 byte order mark, CRLF after every row, and double quotes only around
 * fields that contain a comma, a double quote, CR or LF, with inner quotes doubled.
 */

/** Value of one CSV field; null is written as an empty field. */
export type CsvValue = string | number | boolean | null;

/** The UTF-8 byte order mark that Data Loader writes first; as a string it is the single character U+FEFF. */
export const BYTE_ORDER_MARK = '\uFEFF';

const ROW_END = '\r\n';
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Formats one field. Booleans become `true`/`false`, and numbers use JavaScript's shortest round-trip form, which
 * the language specification fixes, so it is the same on every machine.
 * @throws Error for a number that is not finite, because Salesforce cannot store it
 */
export function formatCsvField(value: CsvValue): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Error(`CSV field value ${value} is not a finite number; fix the generator that produced it.`);
    }
    return String(value);
  }
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Formats a whole file: byte order mark, header row, then one row per record, each ended by CRLF.
 * @param header column API names
 * @param rows records, each with one value per column
 * @throws Error when a row has a different number of fields than the header
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines: string[] = [header.map(formatCsvField).join(',')];
  rows.forEach((row, index) => {
    if (row.length !== header.length) {
      throw new Error(
        `CSV row ${index + 1} has ${row.length} fields but the header has ${header.length} (${header.join(', ')}).`
      );
    }
    lines.push(row.map(formatCsvField).join(','));
  });
  return BYTE_ORDER_MARK + lines.join(ROW_END) + ROW_END;
}
