import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CsvTokenizer, readCsvFile } from '../csv';

interface Parsed {
  header: string[] | null;
  records: Array<{ fields: string[]; line: number }>;
  malformed: Array<{ line: number; message: string }>;
}

/** Feeds `text` to a tokenizer in the given chunk sizes (the last size repeats) and collects what it emits. */
function tokenize(text: string, chunkSizes: number[] = [text.length || 1]): Parsed {
  const parsed: Parsed = { header: null, records: [], malformed: [] };
  const tokenizer = new CsvTokenizer({
    onHeader(header) {
      parsed.header = header;
      return true;
    },
    onRecord(fields, line) {
      parsed.records.push({ fields, line });
    },
    onMalformed(line, message) {
      parsed.malformed.push({ line, message });
    }
  });
  let pos = 0;
  let index = 0;
  while (pos < text.length) {
    const size = Math.max(1, chunkSizes[Math.min(index, chunkSizes.length - 1)]);
    tokenizer.push(text.slice(pos, pos + size));
    pos += size;
    index++;
  }
  tokenizer.finish();
  return parsed;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) || field === '' ? `"${field.replace(/"/g, '""')}"` : field;
}

describe('CsvTokenizer', () => {
  it('strips a UTF-8 BOM from the header', () => {
    const parsed = tokenize('\uFEFFId,Name\n1,Acme\n');

    expect(parsed.header).toEqual(['Id', 'Name']);
    expect(parsed.records).toEqual([{ fields: ['1', 'Acme'], line: 2 }]);
  });

  it('strips a BOM split across chunks', () => {
    const parsed = tokenize('\uFEFFId,Name\n1,Acme\n', [1, 3]);

    expect(parsed.header).toEqual(['Id', 'Name']);
  });

  it('reads CRLF line ends', () => {
    const parsed = tokenize('Id,Name\r\n1,Acme\r\n2,"Globex"\r\n');

    expect(parsed.records.map((record) => record.fields)).toEqual([
      ['1', 'Acme'],
      ['2', 'Globex']
    ]);
  });

  it('keeps line breaks inside quoted fields', () => {
    const parsed = tokenize('Id,Text\n1,"first\nsecond\r\nthird"\n2,plain\n');

    expect(parsed.records[0].fields).toEqual(['1', 'first\nsecond\r\nthird']);
    expect(parsed.records[1]).toEqual({ fields: ['2', 'plain'], line: 5 });
  });

  it('unescapes doubled quotes', () => {
    const parsed = tokenize('Id,Text\n1,"say ""hi"", then go"\n');

    expect(parsed.records[0].fields).toEqual(['1', 'say "hi", then go']);
  });

  it('keeps a quote inside an unquoted field', () => {
    const parsed = tokenize('Id,Text\n1,5" screen\n');

    expect(parsed.records[0].fields).toEqual(['1', '5" screen']);
  });

  it('skips blank lines but counts them', () => {
    const parsed = tokenize('Id,Name\n\n1,Acme\n\r\n2,Globex');

    expect(parsed.records).toEqual([
      { fields: ['1', 'Acme'], line: 3 },
      { fields: ['2', 'Globex'], line: 5 }
    ]);
  });

  it('reads a last row without a line end', () => {
    const parsed = tokenize('Id,Name\n1,"Acme"');

    expect(parsed.records).toEqual([{ fields: ['1', 'Acme'], line: 2 }]);
  });

  it('reports a quote left open at the end', () => {
    const parsed = tokenize('Id,Text\n1,ok\n2,"never closed\n3,more\n');

    expect(parsed.records).toHaveLength(1);
    expect(parsed.malformed).toEqual([{ line: 3, message: 'a quoted field is not closed before the end of the file' }]);
  });

  it('stops when the header is rejected', () => {
    const seen: string[][] = [];
    const tokenizer = new CsvTokenizer({
      onHeader: () => false,
      onRecord: (fields) => seen.push(fields),
      onMalformed: () => undefined
    });

    tokenizer.push('Id\n1\n2\n');
    const result = tokenizer.finish();

    expect(tokenizer.isStopped).toBe(true);
    expect(seen).toEqual([]);
    expect(result.records).toBe(0);
  });

  it('matches the written table for any chunking', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '😀'), maxLength: 8 });
    const table = fc
      .integer({ min: 2, max: 4 })
      .chain((columns) =>
        fc.array(fc.array(field, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 12 })
      );

    fc.assert(
      fc.property(
        table,
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }),
        (rows, lineEnd, withBom, chunkSizes) => {
          const text = (withBom ? '\uFEFF' : '') + rows.map((row) => row.map(quote).join(',')).join(lineEnd) + lineEnd;

          const parsed = tokenize(text, chunkSizes);

          expect(parsed.malformed).toEqual([]);
          expect([parsed.header, ...parsed.records.map((record) => record.fields)]).toEqual(rows);
        }
      ),
      { numRuns: 300 }
    );
  });

  it('numbers records by their first line', () => {
    const rows = [
      ['h1', 'h2'],
      ['a\nb', 'c'],
      ['d', 'e\n\nf'],
      ['g', 'h']
    ];
    const text = rows.map((row) => row.map(quote).join(',')).join('\n') + '\n';

    const parsed = tokenize(text, [2]);

    expect(parsed.records.map((record) => record.line)).toEqual([2, 4, 7]);
  });

  it('parses a long quoted field in linear chunks', () => {
    const long = 'x\n'.repeat(50_000);
    const text = `Id,Text\n1,"${long}"\n2,end\n`;

    const parsed = tokenize(text, [1024]);

    expect(parsed.records[0].fields[1]).toBe(long);
    expect(parsed.records[1]).toEqual({ fields: ['2', 'end'], line: 50_003 });
  });
});

describe('readCsvFile', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'csv-test-'));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('streams a file larger than one chunk', async () => {
    const path = join(folder, 'big.csv');
    const lines = ['Id,Text'];
    for (let i = 0; i < 30_000; i++) lines.push(`${i},"row ${i}, ""quoted"" é"`);
    writeFileSync(path, '\uFEFF' + lines.join('\r\n') + '\r\n');
    const seen: string[][] = [];

    const result = await readCsvFile(path, {
      onHeader: () => true,
      onRecord: (fields) => seen.push(fields),
      onMalformed: () => undefined
    });

    expect(result).toEqual({ records: 30_000, hasHeader: true });
    expect(seen[29_999]).toEqual(['29999', 'row 29999, "quoted" é']);
  });

  it('reports an empty file as headerless', async () => {
    const path = join(folder, 'empty.csv');
    writeFileSync(path, '');

    const result = await readCsvFile(path, {
      onHeader: () => true,
      onRecord: () => undefined,
      onMalformed: () => undefined
    });

    expect(result).toEqual({ records: 0, hasHeader: false });
  });

  it('rejects a missing file', async () => {
    await expect(
      readCsvFile(join(folder, 'absent.csv'), {
        onHeader: () => true,
        onRecord: () => undefined,
        onMalformed: () => undefined
      })
    ).rejects.toThrow('ENOENT');
  });
});
