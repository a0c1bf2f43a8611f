import { createReadStream } from 'fs';

/** Receives the records of one CSV file as they are parsed. */
export interface CsvSink {
  /** Receives the header row; returning false stops reading the file. */
  onHeader(header: string[], line: number): boolean;
  /** Receives one data row; `line` is the 1-based physical line where the record starts. */
  onRecord(fields: string[], line: number): void;
  /** Receives a record that could not be parsed, such as a quoted field left open at the end of the file. */
  onMalformed(line: number, message: string): void;
}

/** Counts of one file read by `readCsvFile`. */
export interface CsvReadResult {
  /** Data rows passed to `onRecord` or `onMalformed`, the header excluded. */
  records: number;
  /** False when the file had no header row at all. */
  hasHeader: boolean;
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/** Result of parsing one record that contains quotes. */
interface QuotedRecord {
  fields: string[];
  /** Index just past the record's line break (or the end of the text). */
  end: number;
  /** Line breaks consumed, the record's own terminator included. */
  lineBreaks: number;
  /** True when the text ended inside a quoted field. */
  unclosed: boolean;
}

/**
 * Parses one record starting at `start` that contains at least one double quote, following RFC 4180:
 * quoted fields may hold commas, line breaks and "" escapes. Text after a closing quote is kept literally,
 * as Python's csv module does. Returns null when the text ends before the record does and more text may follow.
 */
function parseQuotedRecord(text: string, start: number, isFinal: boolean): QuotedRecord | null {
  const fields: string[] = [];
  const length = text.length;
  let lineBreaks = 0;
  let pos = start;

  for (;;) {
    let value = '';
    if (pos < length && text.charCodeAt(pos) === QUOTE) {
      pos++;
      let segmentStart = pos;
      for (;;) {
        const quote = text.indexOf('"', pos);
        if (quote === -1) {
          if (!isFinal) return null;
          value += text.slice(segmentStart);
          lineBreaks += countLineBreaks(text, segmentStart, length);
          fields.push(value);
          return { fields, end: length, lineBreaks, unclosed: true };
        }
        lineBreaks += countLineBreaks(text, pos, quote);
        if (quote + 1 < length && text.charCodeAt(quote + 1) === QUOTE) {
          value += text.slice(segmentStart, quote + 1);
          pos = quote + 2;
          segmentStart = pos;
          continue;
        }
        if (quote + 1 >= length && !isFinal) return null;
        value += text.slice(segmentStart, quote);
        pos = quote + 1;
        break;
      }
    }

    // Unquoted field, or the rest of a quoted one up to the next delimiter.
    const fieldStart = pos;
    while (pos < length) {
      const code = text.charCodeAt(pos);
      if (code === COMMA || code === LF) break;
      pos++;
    }
    if (pos >= length && !isFinal) return null;
    let fieldEnd = pos;
    if (
      fieldEnd > fieldStart &&
      text.charCodeAt(fieldEnd - 1) === CR &&
      (pos >= length || text.charCodeAt(pos) === LF)
    ) {
      fieldEnd--;
    }
    value += text.slice(fieldStart, fieldEnd);
    fields.push(value);

    if (pos >= length) return { fields, end: length, lineBreaks, unclosed: false };
    if (text.charCodeAt(pos) === LF) return { fields, end: pos + 1, lineBreaks: lineBreaks + 1, unclosed: false };
    pos++; // comma
  }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  let index = text.indexOf('\n', from);
  while (index !== -1 && index < to) {
    count++;
    index = text.indexOf('\n', index + 1);
  }
  return count;
}

/**
 * Streaming CSV tokenizer for the files Data Loader and the Salesforce CLI write: comma separated,
 * double-quote quoting with "" escapes, quoted fields spanning lines, LF or CRLF line ends, optional UTF-8 BOM.
 * Rows without quotes take a fast path through `String.split`; rows with quotes go through a state machine.
 */
export class CsvTokenizer {
  private carry = '';
  /** Carry length below which a record that did not fit is not retried, so long records parse in linear time. */
  private retryAt = 0;
  private line = 1;
  private started = false;
  private headerSeen = false;
  private stopped = false;
  private records = 0;

  constructor(private readonly sink: CsvSink) {}

  /** True once the sink has rejected the header. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Parses the next piece of decoded text. */
  push(chunk: string): void {
    if (this.stopped) return;
    let text = this.carry.length > 0 ? this.carry + chunk : chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length < this.retryAt) {
      this.carry = text;
      return;
    }
    this.parse(text, false);
  }

  /** Parses what is left after the last chunk and returns the counts. */
  finish(): CsvReadResult {
    if (!this.stopped && this.carry.length > 0) this.parse(this.carry, true);
    this.carry = '';
    return { records: this.records, hasHeader: this.headerSeen };
  }

  private parse(text: string, isFinal: boolean): void {
    const length = text.length;
    let pos = 0;
    let nextQuote = text.indexOf('"');

    while (pos < length && !this.stopped) {
      let lineEnd = text.indexOf('\n', pos);
      if (lineEnd === -1) {
        if (!isFinal) break;
        lineEnd = length;
      }
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);

      if (nextQuote === -1 || nextQuote > lineEnd) {
        let contentEnd = lineEnd;
        if (contentEnd > pos && text.charCodeAt(contentEnd - 1) === CR) contentEnd--;
        const content = text.slice(pos, contentEnd);
        const startLine = this.line;
        this.line++;
        pos = lineEnd + 1;
        this.emit(content, startLine);
        continue;
      }

      const record = parseQuotedRecord(text, pos, isFinal);
      if (record === null) break;
      const startLine = this.line;
      this.line += record.lineBreaks;
      pos = record.end;
      if (record.unclosed) {
        this.records++;
        this.sink.onMalformed(startLine, 'a quoted field is not closed before the end of the file');
      } else {
        this.deliver(record.fields, startLine);
      }
    }

    this.carry = pos < length ? text.slice(pos) : '';
    this.retryAt = this.carry.length > 0 && pos === 0 ? this.carry.length * 2 : 0;
  }

  private emit(content: string, line: number): void {
    if (content.length === 0) return; // blank line: not a record
    this.deliver(content.split(','), line);
  }

  private deliver(fields: string[], line: number): void {
    if (!this.headerSeen) {
      this.headerSeen = true;
      if (!this.sink.onHeader(fields, line)) this.stopped = true;
      return;
    }
    if (fields.length === 1 && fields[0] === '') return;
    this.records++;
    this.sink.onRecord(fields, line);
  }
}

/**
 * Reads a CSV file as a stream and passes its header and records to `sink`.
 * Rejects when the file cannot be opened or read.
 */
export async function readCsvFile(path: string, sink: CsvSink): Promise<CsvReadResult> {
  const tokenizer = new CsvTokenizer(sink);
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      tokenizer.push(chunk as string);
      if (tokenizer.isStopped) break;
    }
  } finally {
    stream.destroy();
  }
  return tokenizer.finish();
}
