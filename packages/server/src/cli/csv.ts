/**
 * CSV, streamed: the file is read in chunks through csv-parse, so a file of any size is never held
 * in memory. Options and line numbering are those of uploads (sources/csvText.ts): a UTF-8 byte
 * order mark is dropped; CRLF, LF and CR end a line; empty lines are skipped.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { CsvLines, csvOptions, type CsvRecord } from '../sources/csvText.js';

export type { CsvRecord };

/** Every record of the file, in order, with the number of bytes read so far (for progress). */
export async function* readCsv(file: string, onBytes?: (bytes: number) => void): AsyncGenerator<CsvRecord> {
  const lines = new CsvLines();
  const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  const parser = parse(csvOptions(lines));
  stream.on('error', (error) => parser.destroy(error));
  if (onBytes) stream.on('data', (chunk) => onBytes(chunk.length));
  stream.pipe(parser);
  try {
    for await (const record of parser) yield record as CsvRecord;
  } catch (error) {
    if (typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('CSV_')) throw new CsvError(lines.problem(error, 'file'));
    throw error;
  } finally {
    stream.destroy();
    parser.destroy();
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
