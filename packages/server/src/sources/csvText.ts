/**
 * CSV: the one record parser (also streamed by the CLI's readCsv) and parsing of an uploaded CSV
 * held in memory. Quoted fields may hold commas, doubled quotes ("") and line breaks; a UTF-8 byte
 * order mark is dropped; CRLF and LF both end a line.
 */
import { SourceError } from './sourceError.js';

/** Parses one record that may span several lines: feed lines until it reports a complete record. */
export class RecordParser {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  private open = false;

  /** Returns the record's fields when the line completes it, or undefined while a quote is open. */
  push(line: string): string[] | undefined {
    let i = 0;
    if (this.open) {
      this.field += '\n';
    } else {
      this.fields = [];
      this.field = '';
      this.quoted = false;
    }
    this.open = false;
    while (i <= line.length) {
      if (this.quoted) {
        const quote = line.indexOf('"', i);
        if (quote === -1) {
          this.field += line.slice(i);
          this.open = true;
          return undefined;
        }
        this.field += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          this.field += '"';
          i = quote + 2;
        } else {
          this.quoted = false;
          i = quote + 1;
        }
        continue;
      }
      if (i === line.length) break;
      const ch = line[i]!;
      if (ch === ',') {
        this.fields.push(this.field);
        this.field = '';
        i++;
      } else if (ch === '"' && this.field === '') {
        this.quoted = true;
        i++;
      } else {
        const comma = line.indexOf(',', i);
        const end = comma === -1 ? line.length : comma;
        this.field += line.slice(i, end);
        i = end;
      }
    }
    this.fields.push(this.field);
    return this.fields;
  }

  get pending(): boolean {
    return this.open;
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

/** The header and rows of a CSV text; fully empty lines are skipped, short rows padded with "". */
export function parseCsvText(text: string): CsvText {
  // Same line breaks as node:readline, so the CLI and uploads count lines alike.
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\n|\r/);
  const parser = new RecordParser();
  let header: string[] | undefined;
  const rows: CsvTextRow[] = [];
  let start = 0;
  lines.forEach((line, index) => {
    if (!parser.pending) {
      if (line === '') return;
      start = index + 1;
    }
    const fields = parser.push(line);
    if (!fields) return;
    if (!header) {
      header = checkHeader(fields);
      return;
    }
    if (fields.length > header.length) {
      throw new SourceError(`line ${start} has ${fields.length} fields but the header has ${header.length}`);
    }
    rows.push({ line: start, fields: Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ''])) });
  });
  if (parser.pending) throw new SourceError(`line ${start}: a quoted field is not closed before the end of the text`);
  if (!header) throw new SourceError('the CSV has no header row');
  return { header, rows };
}
