/**
 * Reading a journal CSV into entries and chunks, streaming.
 *
 * Format: a header row naming at least `reference,date,description,currency,account,debit,credit,
 * subledger_account,memo` (any order, other columns ignored), then one row per journal line;
 * consecutive rows with the same reference form one entry. `date`, `description` and `currency`
 * may be left empty on an entry's later rows.
 *
 * What the file alone shows to be wrong (a missing field, both or neither of debit and credit, an
 * amount that is not a decimal, an entry that does not balance) is rejected here, before any
 * request. Everything else (accounts, periods) is the server's to judge.
 *
 * Entries are cut into chunks at content-defined boundaries: an entry ends a chunk when its hash
 * says so (about one entry in TARGET), so chunk boundaries depend only on the entries themselves,
 * not on their position in the file or on any option. A chunk's idempotency key is named after its
 * first entry: the same file always gives the same chunks under the same keys, and a file that was
 * changed after an import (an entry edited, entries appended) meets the keys of the chunks it
 * already posted, which refuse a different content (409) instead of posting it again.
 */
import { createHash } from 'node:crypto';
import type { JournalEntryInput } from '@links/sdk';
import { isCalendarDate } from '../domain/calendar.js';
import { formatMinor, isSupportedCurrency, parsePositiveAmount, describeAmountProblem } from '../domain/money.js';
import { readCsv } from './csv.js';
import { CliError } from './output.js';

export const COLUMNS = ['reference', 'date', 'description', 'currency', 'account', 'debit', 'credit', 'subledger_account', 'memo'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * About one entry in TARGET ends a chunk. Past LONG entries or LONG_BYTES of JSON, a looser test
 * (one in LOOSE) ends it, so chunks stay well under the server's 1000 entries and 1 MiB per batch
 * while their ends remain content-defined; MAX_ENTRIES and MAX_BYTES are the hard limits.
 */
const TARGET = 200;
const LOOSE = 16;
const LONG = 400;
const LONG_BYTES = 300 * 1024;
const MAX_ENTRIES = 1000;
const MAX_BYTES = 900 * 1024;

export interface SourceRow {
  line: number;
  /** The nine columns, in COLUMNS order. */
  values: string[];
}

export interface ImportEntry {
  /** 0-based position among the file's entries. */
  index: number;
  reference: string;
  rows: SourceRow[];
  input?: JournalEntryInput;
  /** Why the file alone rules the entry out (then it is never sent). */
  problem?: string;
  /** sha256 of the entry's JSON: what the chunk keys are made of. */
  hash: string;
  bytes: number;
}

export interface Chunk {
  ordinal: number;
  entries: ImportEntry[];
  /** Entries the file already ruled out, read while this chunk was filling (for ordered reporting). */
  refused: ImportEntry[];
  /** `import:<sha256>` of the chunk's first entry (and how many chunks before began with the same entry). */
  key: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function subKey(key: string, branch: string): string {
  return `import:${sha256(`${key}/${branch}`)}`;
}

function headerIndexes(fields: string[]): number[] {
  const names = fields.map((f) => f.trim().toLowerCase());
  const missing = COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new CliError(`the CSV header lacks ${missing.join(', ')}: it must name ${COLUMNS.join(',')}`);
  return COLUMNS.map((c) => names.indexOf(c));
}

/** Builds the request body of one entry, or says what the file gets wrong. */
function buildEntry(reference: string, rows: SourceRow[]): { input?: JournalEntryInput; problem?: string } {
  const at = (row: SourceRow, column: Column) => row.values[COLUMNS.indexOf(column)]!.trim();
  if (!reference) return { problem: `invalid_request: line ${rows[0]!.line}: reference is empty (every row names the reference of its entry)` };
  const header: Partial<Record<'date' | 'description' | 'currency', string>> = {};
  for (const row of rows) {
    for (const column of ['date', 'description', 'currency'] as const) {
      const value = at(row, column);
      if (!value) continue;
      if (header[column] === undefined) header[column] = value;
      else if (header[column] !== value) {
        return { problem: `invalid_request: line ${row.line}: ${column} ${JSON.stringify(value)} differs from ${JSON.stringify(header[column])} on an earlier row of ${reference}` };
      }
    }
  }
  const { date, description, currency } = header;
  if (!date || !isCalendarDate(date)) return { problem: `invalid_request: line ${rows[0]!.line}: date must be a calendar date YYYY-MM-DD${date ? ` (got ${JSON.stringify(date)})` : ''}` };
  if (!description) return { problem: `invalid_request: line ${rows[0]!.line}: description is empty` };
  if (!currency || !isSupportedCurrency(currency)) return { problem: `invalid_request: line ${rows[0]!.line}: currency must be a supported ISO 4217 code such as USD${currency ? ` (got ${JSON.stringify(currency)})` : ''}` };
  if (rows.length < 2) return { problem: `invalid_request: line ${rows[0]!.line}: an entry has at least 2 lines (${reference} has 1)` };
  if (rows.length > 1000) return { problem: `invalid_request: line ${rows[0]!.line}: an entry has at most 1000 lines (${reference} has ${rows.length})` };
  let debits = 0n;
  let credits = 0n;
  const lines: JournalEntryInput['lines'] = [];
  for (const row of rows) {
    const account = at(row, 'account');
    const debit = at(row, 'debit');
    const credit = at(row, 'credit');
    if (!account) return { problem: `invalid_request: line ${row.line}: account is empty` };
    if (Boolean(debit) === Boolean(credit)) return { problem: `invalid_request: line ${row.line}: a line has exactly one of debit or credit` };
    const amount = parsePositiveAmount(debit || credit, currency);
    if (typeof amount !== 'bigint') return { problem: `invalid_amount: line ${row.line}: ${debit ? 'debit' : 'credit'} ${describeAmountProblem(amount, currency)}` };
    if (debit) debits += amount;
    else credits += amount;
    const line: JournalEntryInput['lines'][number] = { account, ...(debit ? { debit } : { credit }) };
    const party = at(row, 'subledger_account');
    const memo = at(row, 'memo');
    if (party) line.subledger_account = party;
    if (memo) line.memo = memo;
    lines.push(line);
  }
  if (debits !== credits) {
    return { problem: `unbalanced_entry: debits (${formatMinor(debits, currency)}) do not equal credits (${formatMinor(credits, currency)})` };
  }
  return { input: { date, description, currency: currency as JournalEntryInput['currency'], reference, lines } };
}

export interface ReadProgress {
  bytes: number;
  lines: number;
}

/** The file's entries, in order. `progress` counts bytes and data rows read so far. */
export async function* readEntries(file: string, progress: ReadProgress): AsyncGenerator<ImportEntry> {
  let columns: number[] | undefined;
  let width = 0;
  let reference: string | undefined;
  let rows: SourceRow[] = [];
  let shortRow: string | undefined;
  let index = 0;
  const finish = (): ImportEntry => {
    const built = shortRow ? { problem: shortRow } : buildEntry(reference!, rows);
    const json = JSON.stringify(built.input ?? rows.map((r) => r.values));
    const entry: ImportEntry = { index: index++, reference: reference!, rows, ...built, hash: sha256(json), bytes: json.length };
    rows = [];
    shortRow = undefined;
    return entry;
  };
  for await (const record of readCsv(file, (n) => (progress.bytes += n))) {
    if (!columns) {
      columns = headerIndexes(record.fields);
      width = record.fields.length;
      continue;
    }
    if (record.fields.length === 1 && record.fields[0]!.trim() === '') continue; // a blank line
    progress.lines++;
    const values = columns.map((i) => record.fields[i] ?? '');
    const rowReference = values[0]!.trim();
    if (rows.length > 0 && rowReference !== reference) yield finish();
    reference = rowReference;
    rows.push({ line: record.line, values });
    if (record.fields.length !== width && !shortRow) {
      shortRow = `invalid_request: line ${record.line}: expected ${width} fields (as in the header), found ${record.fields.length}`;
    }
  }
  if (!columns) throw new CliError(`${file} is empty: it needs a header row ${COLUMNS.join(',')}`);
  if (rows.length > 0) yield finish();
}

/** Groups entries into chunks at content-defined boundaries; refused entries ride along for reporting. */
export async function* chunkEntries(entries: AsyncIterable<ImportEntry>): AsyncGenerator<Chunk> {
  let ordinal = 0;
  let current: ImportEntry[] = [];
  let refused: ImportEntry[] = [];
  let bytes = 0;
  const seen = new Map<string, number>();
  const close = (): Chunk => {
    const first = current[0]?.hash ?? '';
    const occurrence = seen.get(first) ?? 0;
    seen.set(first, occurrence + 1);
    const chunk: Chunk = { ordinal: ordinal++, entries: current, refused, key: `import:${sha256(`links-import-v1\n${first}#${occurrence}`)}` };
    current = [];
    refused = [];
    bytes = 0;
    return chunk;
  };
  for await (const entry of entries) {
    if (!entry.input) {
      refused.push(entry);
      continue;
    }
    if (current.length > 0 && bytes + entry.bytes > MAX_BYTES) yield close();
    current.push(entry);
    bytes += entry.bytes;
    const mark = Number.parseInt(entry.hash.slice(0, 8), 16);
    const long = current.length >= LONG || bytes >= LONG_BYTES;
    if (mark % TARGET === 0 || (long && mark % LOOSE === 0) || current.length >= MAX_ENTRIES) yield close();
  }
  if (current.length > 0 || refused.length > 0) yield close();
}
