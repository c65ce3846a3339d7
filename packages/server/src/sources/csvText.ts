/**
 * CSV through csv-parse (RFC 4180): an uploaded CSV held in memory, and the options and line
 * numbering shared with the CLI's streamed reader (cli/csv.ts). Quoted fields may hold commas,
 * doubled quotes ("") and line breaks; a UTF-8 byte order mark is dropped; CRLF, LF and CR each end
 * a line, mixed in one file too, and a line break inside a field reads as LF. Fully empty lines are
 * skipped.
 */
import type { InfoRecord, Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { SourceError } from './sourceError.js';

/** The parser's options; `on_record` turns each record into a CsvRecord (see CsvLines). */
export const csvOptions = (lines: CsvLines): Options => ({
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  skip_empty_lines: true,
  // Short rows are padded and long ones refused by the caller, with the line named.
  relax_column_count: true,
  // A quote inside an unquoted field is kept as written, as spreadsheets export it.
  relax_quotes: true,
  // The typings want on_record to return a record's fields; what it returns is what the parser emits.
  on_record: (fields: string[], context: InfoRecord) => lines.record(fields, context) as unknown as string[],
});

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
}

const countBreaks = (field: string) => {
  let n = 0;
  for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Physical line numbers of records. csv-parse counts the CR and the LF of a CRLF inside a quoted
 * field as two lines, so lines are counted here: a record starts after the previous one's last line
 * and the empty lines skipped since, and spans one more line per line break inside its fields.
 */
export class CsvLines {
  private lastLine = 0;
  private emptyLines = 0;

  record(fields: string[], info: Pick<InfoRecord, 'empty_lines'>): CsvRecord {
    const line = this.lastLine + 1 + (info.empty_lines - this.emptyLines);
    let breaks = 0;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      if (field.includes('\r')) fields[i] = field.replace(/\r\n?/g, '\n');
      if (field.includes('\n') || field.includes('\r')) breaks += countBreaks(fields[i]!);
    }
    this.lastLine = line + breaks;
    this.emptyLines = info.empty_lines;
    return { fields, line };
  }

  /** What went wrong, at the line where the record being read starts; `source` is "text" or "file". */
  problem(error: unknown, source: string): string {
    const failure = error as { code?: unknown; empty_lines?: unknown; message?: unknown };
    if (typeof failure.code !== 'string' || !failure.code.startsWith('CSV_')) throw error;
    const line = this.lastLine + 1 + (typeof failure.empty_lines === 'number' ? failure.empty_lines - this.emptyLines : 0);
    if (failure.code === 'CSV_QUOTE_NOT_CLOSED') return `line ${line}: a quoted field is not closed before the end of the ${source}`;
    return `line ${line}: ${String(failure.message)}`;
  }
}

export interface CsvTextRow {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: Record<string, string>;
}

export interface CsvText {
  header: string[];
  rows: CsvTextRow[];
}

function checkHeader(names: string[]): string[] {
  const header = names.map((name) => name.trim());
  const seen = new Set<string>();
  header.forEach((name, index) => {
    if (name === '') throw new SourceError(`column ${index + 1} has no name`);
    if (name.length > 255) throw new SourceError(`column ${index + 1}'s name is longer than 255 characters: is the first line a header?`);
    if (seen.has(name)) throw new SourceError(`column ${JSON.stringify(name)} appears twice`);
    seen.add(name);
  });
  return header;
}

/** The header and rows of a CSV text; short rows padded with "". */
export function parseCsvText(text: string): CsvText {
  const lines = new CsvLines();
  let records: CsvRecord[];
  try {
    records = parse(text, csvOptions(lines)) as unknown as CsvRecord[];
  } catch (error) {
    throw new SourceError(lines.problem(error, 'text'));
  }
  if (records.length === 0) throw new SourceError('the CSV has no header row');
  const header = checkHeader(records[0]!.fields);
  const rows: CsvTextRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const { fields, line } = records[r]!;
    if (fields.length > header.length) throw new SourceError(`line ${line} has ${fields.length} fields but the header has ${header.length}`);
    const row: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) row[header[i]!] = fields[i] ?? '';
    rows.push({ line, fields: row });
  }
  return { header, rows };
}
