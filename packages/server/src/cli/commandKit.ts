/**
 * What the data commands share: a subcommand with `--json` and the key/URL options, argument
 * parsers that refuse bad input before any request, and reading a JSON body from a file.
 */
import fs from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { addDataOptions } from './connection.js';
import { CliError } from './output.js';

/** A data command: `--json` plus `--key` and `--url`. */
export function leaf(parent: Command, name: string, description: string): Command {
  return addDataOptions(parent.command(name).description(description).option('--json', 'print JSON'));
}

export function date(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('must be a date YYYY-MM-DD');
  return value;
}

export function count(value: string): number {
  if (!/^\d{1,7}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number, at least 1');
  return Number(value);
}

/** The text of a file, `-` being stdin; a file that cannot be read is one clear line. */
export function readText(file: string): string {
  try {
    return fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A JSON document from a file (`-` for stdin); `shape` says what it should hold, for the error. */
export function readJson(file: string, shape: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not JSON: write ${shape}`);
  }
}

/** The first `max` items of a paged list, walking pages only as far as needed. */
export async function take<T>(items: AsyncIterable<T>, max: number): Promise<T[]> {
  const taken: T[] = [];
  if (max <= 0) return taken;
  for await (const item of items) {
    taken.push(item);
    if (taken.length >= max) break;
  }
  return taken;
}
