/**
 * CSV, streamed: records are read one physical line at a time (node:readline), so a file of any
 * size is never held in memory. The record parser is shared with uploads (sources/csvText.ts);
 * a UTF-8 byte order mark is dropped; CRLF and LF both end a line.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { RecordParser } from '../sources/csvText.js';

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
}

/** Every record of the file, in order, with the number of bytes read so far (for progress). */
export async function* readCsv(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<CsvRecord> {
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  const lines = readline.createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  const parser = new RecordParser();
  let lineNumber = 0;
  let start = 0;
  try {
    for await (const raw of lines) {
      lineNumber++;
      let line = raw;
      if (lineNumber === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      onBytes?.(Buffer.byteLength(raw) + 1);
      if (!parser.pending) start = lineNumber;
      const fields = parser.push(line);
      if (fields) yield { fields, line: start };
    }
    if (parser.pending) throw new CsvError(`line ${start}: a quoted field is not closed before the end of the file`);
  } finally {
    lines.close();
    stream.destroy();
  }
}

export class CsvError extends Error {
  override name = 'CsvError';
}

/** One field, quoted when it must be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(fields: string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}
