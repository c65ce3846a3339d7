/** CSV (csv-parse): uploads held in memory and files streamed by the CLI, with the same records, line numbers and errors; guessed column types. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvError, readCsv } from '../../src/cli/csv.js';
import { inferColumnTypes } from '../../src/sources/columnTypes.js';
import { parseCsvText } from '../../src/sources/csvText.js';
import { SourceError } from '../../src/sources/sourceError.js';

function fieldsOf(text: string): Array<Record<string, string>> {
  return parseCsvText(text).rows.map((r) => r.fields);
}

function errorOf(text: string): SourceError {
  try {
    parseCsvText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    return error as SourceError;
  }
  throw new Error('parsed without an error');
}

describe('parseCsvText', () => {
  it('reads a header and rows, with their starting line numbers', () => {
    const parsed = parseCsvText('id,amount\ninv-1,10.50\ninv-2,3\n');
    expect(parsed.header).toEqual(['id', 'amount']);
    expect(parsed.rows).toEqual([
      { line: 2, fields: { id: 'inv-1', amount: '10.50' } },
      { line: 3, fields: { id: 'inv-2', amount: '3' } },
    ]);
  });

  it('honours quotes: commas, doubled quotes and line breaks inside a field', () => {
    const parsed = parseCsvText('id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,after\n');
    expect(parsed.rows.map((r) => r.fields.note)).toEqual(['a, b', 'say "hi"', 'two\nlines', 'after']);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 4, 6]);
  });

  it('drops a byte order mark, accepts CRLF, skips empty lines and trims header names', () => {
    const parsed = parseCsvText('\uFEFF id , name \r\n\r\n1,"x\r\ny"\r\n\r\n2,z\r\n');
    expect(parsed.header).toEqual(['id', 'name']);
    expect(parsed.rows).toEqual([
      { line: 3, fields: { id: '1', name: 'x\ny' } },
      { line: 6, fields: { id: '2', name: 'z' } },
    ]);
  });

  it('keeps empty lines inside a quoted field', () => {
    expect(fieldsOf('a\n"one\n\ntwo"\n')).toEqual([{ a: 'one\n\ntwo' }]);
  });

  it('pads a short row with empty strings and keeps empty fields', () => {
    expect(fieldsOf('a,b,c\n1\n,,\n')).toEqual([
      { a: '1', b: '', c: '' },
      { a: '', b: '', c: '' },
    ]);
  });

  it('has no rows for a header alone', () => {
    expect(parseCsvText('a,b')).toEqual({ header: ['a', 'b'], rows: [] });
  });

  it('names the line of a row with more fields than the header', () => {
    expect(errorOf('a,b\n1,2\n\n1,2,3\n').message).toBe('line 4 has 3 fields but the header has 2');
  });

  it('names the line where an unclosed quote starts', () => {
    expect(errorOf('a,b\n1,2\n3,"open\nstill open\n').message).toBe('line 3: a quoted field is not closed before the end of the text');
  });

  it('refuses empty and duplicate header names', () => {
    expect(errorOf('a,b,,d\n').message).toBe('column 3 has no name');
    expect(errorOf('a, ,c\n').message).toBe('column 2 has no name');
    expect(errorOf('x,y, x\n').message).toBe('column "x" appears twice');
  });

  it('refuses a text with no header', () => {
    expect(errorOf('').message).toBe('the CSV has no header row');
    expect(errorOf('\r\n\n').message).toBe('the CSV has no header row');
  });
});

describe('readCsv (streamed)', () => {
  async function readFile(text: string): Promise<{ records: Array<{ line: number; fields: string[] }>; bytes: number }> {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'links-csv-')), 'in.csv');
    fs.writeFileSync(file, text);
    let bytes = 0;
    const records = [];
    try {
      for await (const record of readCsv(file, (n) => (bytes += n))) records.push(record);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    return { records, bytes };
  }

  it('reads what an upload reads: BOM dropped, CRLF and LF (mixed) lines, line breaks inside quotes as LF, empty lines skipped, starting lines counted', async () => {
    const text = '\uFEFFid,note\r\n\r\n1,"x\r\ny"\r\n2,"a, ""b"""\n\n3,"one\r\rtwo"\n4,end';
    const { records, bytes } = await readFile(text);
    expect(records).toEqual([
      { line: 1, fields: ['id', 'note'] },
      { line: 3, fields: ['1', 'x\ny'] },
      { line: 5, fields: ['2', 'a, "b"'] },
      { line: 7, fields: ['3', 'one\n\ntwo'] },
      { line: 10, fields: ['4', 'end'] },
    ]);
    expect(bytes).toBe(Buffer.byteLength(text));
    expect(parseCsvText(text).rows.map((r) => [r.line, r.fields.note])).toEqual(records.slice(1).map((r) => [r.line, r.fields[1]]));
  });

  it('names the line where an unclosed quote starts', async () => {
    const failure = await readFile('a,b\n1,2\n\n3,"open\nstill open\n').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CsvError);
    expect((failure as Error).message).toBe('line 4: a quoted field is not closed before the end of the file');
  });

  it('a missing file fails with the file system error', async () => {
    const failure = await (async () => {
      for await (const _ of readCsv(path.join(os.tmpdir(), 'links-no-such-file.csv'))) return undefined;
    })().catch((error: unknown) => error);
    expect((failure as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});

describe('inferColumnTypes', () => {
  const typesOf = (column: string[]) =>
    inferColumnTypes(['c'], column.map((c) => ({ c })))[0]!.data_type;

  it('guesses each type from every non-empty value', () => {
    expect(typesOf(['1', '-20', '', '300'])).toBe('integer');
    expect(typesOf(['1', '2.50', '-0.1', '.5'])).toBe('numeric');
    expect(typesOf(['true', 'FALSE', 'Yes', 'no'])).toBe('boolean');
    expect(typesOf(['2024-02-29', '1999-12-31'])).toBe('date');
    expect(typesOf(['2024-03-01T10:34:56Z', '2024-03-01 10:34', '2024-03-01T10:34:56.789+02:00'])).toBe('timestamp');
    expect(typesOf(['abc', '1'])).toBe('text');
  });

  it('falls back to text when one value does not fit', () => {
    expect(typesOf(['1', '2', '1e5'])).toBe('text');
    expect(typesOf(['1', '2.', '3'])).toBe('text');
    expect(typesOf(['true', 'maybe'])).toBe('text');
    expect(typesOf(['2023-02-29'])).toBe('text');
    expect(typesOf(['2024-13-01'])).toBe('text');
    expect(typesOf(['2024-03-01T24:00:00Z'])).toBe('text');
    expect(typesOf(['2024-03-01', '2024-03-01T10:00:00Z'])).toBe('text');
  });

  it('calls a column with only empty values text, and keeps header order', () => {
    expect(typesOf(['', ''])).toBe('text');
    expect(typesOf([])).toBe('text');
    const { header, rows } = parseCsvText('when,id,paid,note\n2024-01-01,1,yes,\n2024-01-02,2,no,\n');
    expect(inferColumnTypes(header, rows.map((r) => r.fields))).toEqual([
      { column_name: 'when', data_type: 'date' },
      { column_name: 'id', data_type: 'integer' },
      { column_name: 'paid', data_type: 'boolean' },
      { column_name: 'note', data_type: 'text' },
    ]);
  });
});
