/**
 * What the `links` commands print. Humans get tables on stdout; `--json` gets exactly one JSON
 * document on stdout, so a script can pipe it. Progress and notes go to stderr. A failure is one
 * line, `links: <reason>`, on stderr and a non-zero exit code.
 */
import Table from 'cli-table3';

/** Options every command that prints something accepts. */
export interface OutputOptions {
  json?: boolean;
}

/** A failure the user can act on: its message is the whole line printed after `links: `. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export type Cell = string | number | boolean | null | undefined;

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** A plain table: no colours, so it reads the same in a terminal, a file or a pipe. */
export function renderTable(head: string[], rows: Cell[][], options: { align?: Array<'left' | 'right'> } = {}): string {
  const table = new Table({
    head,
    style: { head: [], border: [], compact: true },
    colAligns: options.align ?? head.map(() => 'left'),
    wordWrap: false,
  });
  for (const row of rows) table.push(row.map(cellText));
  return table.toString();
}

/** Field/value pairs of one object, as a two-column table. */
export function renderRecord(pairs: Array<[string, Cell]>): string {
  const table = new Table({ style: { head: [], border: [], compact: true } });
  for (const [field, value] of pairs) table.push({ [field]: cellText(value) });
  return table.toString();
}

export function writeOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function writeErr(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function writeJson(value: unknown): void {
  writeOut(JSON.stringify(value, null, 2));
}

/** `--json`: the value as JSON; otherwise what `human` renders. */
export function emit(options: OutputOptions, value: unknown, human: () => string): void {
  if (options.json) writeJson(value);
  else writeOut(human());
}

/** An empty list says so, rather than printing a bare header. */
export function emitList<T>(options: OutputOptions, items: T[], what: string, head: string[], row: (item: T) => Cell[], align?: Array<'left' | 'right'>): void {
  emit(options, items, () => (items.length === 0 ? `No ${what}.` : renderTable(head, items.map(row), { align })));
}
