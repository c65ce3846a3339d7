/**
 * `links import entries FILE.csv`: bulk posting from a CSV, streamed, in idempotent batches.
 * A re-run posts nothing twice: what went in before is replayed and counted as skipped. Rejected
 * entries go, with their reason, to FILE.rejects.csv (same columns plus `error`): fix them there
 * and import that file. Exit code 0 when every entry is posted or skipped, 1 when any is rejected.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { addDataOptions, describeDataError, withData, type DataOptions } from '../connection.js';
import { CsvError, csvRow } from '../csv.js';
import { AccountCheck, ChunkPoster, FatalImportError, type ChunkResult, type Rejection } from '../importPosting.js';
import { chunkEntries, COLUMNS, readEntries, type ReadProgress } from '../journalImport.js';
import { CliError, renderRecord, writeErr, writeJson, writeOut, type OutputOptions } from '../output.js';

const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

type Options = DataOptions & OutputOptions & { rejects?: string; concurrency?: number };

const REJECTS_HEADER = csvRow([...COLUMNS, 'error']);

export interface ImportSummary {
  file: string;
  entries: number;
  posted: number;
  skipped: number;
  rejected: number;
  lines: number;
  elapsed_ms: number;
  rejects_file: string | null;
  /** Present when Ctrl-C stopped the import: the counts are of what was done until then. */
  interrupted?: true;
}

/** The exit code of a command stopped by Ctrl-C (SIGINT), as shells report it. */
const INTERRUPTED_EXIT = 130;
const RESUME = 'run the same command again to continue: what is already in the books is skipped, nothing is posted twice';

/**
 * Ctrl-C stops reading the file; the batches in flight finish, so the summary counts what is in
 * the books. A second Ctrl-C stops at once.
 */
function onInterrupt(): { interrupted: () => boolean; release: () => void } {
  let interrupted = false;
  const handler = () => {
    if (interrupted) {
      writeErr(`\nlinks: interrupted again, stopping now; the batches in flight may or may not be posted: ${RESUME}`);
      process.exit(INTERRUPTED_EXIT);
    }
    interrupted = true;
    writeErr('\nInterrupted: finishing the batches in flight (Ctrl-C again to stop at once)…');
  };
  process.on('SIGINT', handler);
  return { interrupted: () => interrupted, release: () => process.off('SIGINT', handler) };
}

function defaultRejectsPath(file: string): string {
  return /\.csv$/i.test(file) ? file.replace(/\.csv$/i, '.rejects.csv') : `${file}.rejects.csv`;
}

/** The rejects file, opened at the first rejection (so a clean run leaves none behind). */
class RejectsFile {
  private fd: number | undefined;
  count = 0;

  constructor(readonly file: string) {}

  write(rejections: Rejection[]): void {
    if (rejections.length === 0) return;
    if (this.fd === undefined) {
      try {
        this.fd = fs.openSync(this.file, 'w');
      } catch (error) {
        throw new CliError(`cannot write the rejects file ${this.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      fs.writeSync(this.fd, REJECTS_HEADER);
    }
    let text = '';
    for (const { entry, reason } of rejections) for (const row of entry.rows) text += csvRow([...row.values, reason]);
    fs.writeSync(this.fd, text);
    this.count += rejections.length;
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    else removeStale(this.file);
  }
}

/** A rejects file of an earlier run of this import no longer describes anything: remove it. */
function removeStale(file: string): void {
  try {
    const fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(REJECTS_HEADER.length);
    fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
    if (head.toString('utf8') === REJECTS_HEADER) fs.unlinkSync(file);
  } catch {
    // no such file, or not ours: leave it
  }
}

function progressBar(options: Options, total: number): cliProgress.SingleBar | undefined {
  if (options.json || !process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'importing {bar} {percentage}% | {lines} lines | {posted} posted, {skipped} skipped, {rejected} rejected',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), 0, { lines: 0, posted: 0, skipped: 0, rejected: 0 });
  return bar;
}

function printSummary(options: Options, summary: ImportSummary): void {
  if (options.json) {
    writeJson(summary);
    return;
  }
  writeOut(
    [
      `Import of ${summary.file}${summary.interrupted ? ' (interrupted: what was done until then)' : ''}`,
      renderRecord([
        ['posted', summary.posted],
        ['skipped (already posted)', summary.skipped],
        ['rejected', summary.rejected],
        ['lines read', summary.lines],
        ['elapsed', `${(summary.elapsed_ms / 1000).toFixed(1)} s`],
      ]),
    ].join('\n'),
  );
}

async function importEntries(file: string, options: Options): Promise<void> {
  const started = performance.now();
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CliError(`${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const rejects = new RejectsFile(options.rejects ?? defaultRejectsPath(file));
  if (path.resolve(rejects.file) === path.resolve(file)) throw new CliError('--rejects must name another file than the one imported');
  const concurrency = options.concurrency ?? 4;

  await withData(
    options,
    async (connection) => {
      const check = await AccountCheck.load(connection.sdk);
      const progress: ReadProgress = { bytes: 0, lines: 0 };
      const totals = { posted: 0, skipped: 0, rejected: 0 };
      const bar = progressBar(options, size);
      const tick = () => bar?.update(Math.min(progress.bytes, size), { lines: progress.lines, ...totals });
      const poster = new ChunkPoster(connection.sdk, check, (posted, skipped, rejected) => {
        totals.posted += posted;
        totals.skipped += skipped;
        totals.rejected += rejected;
        tick();
      });

      // Results are written in file order, whatever order the chunks finish in.
      const done = new Map<number, ChunkResult>();
      let nextOrdinal = 0;
      const flush = (all = false) => {
        for (;;) {
          const ordinal = all ? Math.min(...done.keys()) : nextOrdinal;
          const result = done.get(ordinal);
          if (!result) return;
          done.delete(ordinal);
          nextOrdinal = ordinal + 1;
          rejects.write(result.rejected);
        }
      };

      let fatal: unknown;
      const inFlight = new Set<Promise<void>>();
      const interrupt = onInterrupt();
      try {
        for await (const chunk of chunkEntries(readEntries(file, progress))) {
          const task: Promise<void> = poster
            .post(chunk)
            .then((result) => {
              done.set(chunk.ordinal, result);
              flush();
            })
            .catch((error: unknown) => {
              fatal ??= error;
            })
            .finally(() => inFlight.delete(task));
          inFlight.add(task);
          tick();
          if (inFlight.size >= concurrency) await Promise.race(inFlight);
          if (fatal || interrupt.interrupted()) break;
        }
      } catch (error) {
        fatal ??= error;
      }
      await Promise.all(inFlight);
      interrupt.release();
      flush(true);
      rejects.close();
      const stoppedEarly = Boolean(fatal) || interrupt.interrupted();
      bar?.update(stoppedEarly ? Math.min(progress.bytes, size) : size, { lines: progress.lines, ...totals });
      bar?.stop();

      const summary: ImportSummary = {
        file,
        entries: totals.posted + totals.skipped + rejects.count,
        posted: totals.posted,
        skipped: totals.skipped,
        rejected: rejects.count,
        lines: progress.lines,
        elapsed_ms: Math.round(performance.now() - started),
        rejects_file: rejects.count > 0 ? rejects.file : null,
      };
      if (fatal) {
        if (fatal instanceof CliError) throw fatal;
        const reason =
          fatal instanceof CsvError ? `${file}: ${fatal.message}` : describeDataError(fatal instanceof FatalImportError ? fatal.failure : fatal, connection).message;
        printSummary(options, summary);
        throw new CliError(`${reason}; the import stopped after ${summary.posted} posted and ${summary.skipped} skipped: run it again to continue (nothing is posted twice)`);
      }
      if (interrupt.interrupted()) {
        printSummary(options, { ...summary, interrupted: true });
        const rejected = summary.rejected > 0 ? ` (their rows are in ${rejects.file})` : '';
        throw new CliError(
          `interrupted after ${summary.lines} lines: ${summary.posted} posted, ${summary.skipped} skipped, ${summary.rejected} rejected${rejected}; ${RESUME}`,
          INTERRUPTED_EXIT,
        );
      }
      printSummary(options, summary);
      if (summary.rejected > 0) {
        throw new CliError(`${summary.rejected} of ${entries(summary.entries)} rejected; their rows and reasons are in ${rejects.file}`);
      }
      if (!options.json) writeErr(`All ${entries(summary.entries)} are in the books (${summary.posted} posted now, ${summary.skipped} already posted).`);
    },
    { maxRetries: 6 },
  );
}

function concurrencyValue(value: string): number {
  if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 16) throw new InvalidArgumentError('must be from 1 to 16');
  return Number(value);
}

export function registerImport(program: Command): void {
  const group = program.command('import').description('bulk imports');
  addDataOptions(
    group
      .command('entries')
      .description(`post journal entries from a CSV (header: ${COLUMNS.join(',')}; one row per line, consecutive rows with one reference form an entry)`)
      .argument('<file>', 'the CSV file')
      .option('--rejects <path>', 'where rejected entries go, with their reason (default FILE.rejects.csv)')
      .option('--concurrency <n>', 'batch requests in flight (default 4)', concurrencyValue)
      .option('--json', 'print the summary as JSON'),
  ).action(importEntries);
}
