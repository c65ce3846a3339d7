/**
 * The accounting pipeline's commands (docs/records.md, "pipeline"): `links sync CONNECTION` runs a
 * sync as a job with a progress bar (stderr, on a terminal) and prints its report; `links jobs
 * list|get`; `links accounting run --mode retry|reaccount` (waits for the job) and `links accounting
 * exceptions`. Each takes `--json`.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import type { AccountingException, Job, LinksSDK } from '@links/sdk';
import { addDataOptions, withData, type DataOptions } from '../connection.js';
import { CliError, emit, emitList, renderRecord, writeErr, type OutputOptions } from '../output.js';

type Options = DataOptions & OutputOptions;

function leaf(parent: Command, name: string, description: string): Command {
  return addDataOptions(parent.command(name).description(description).option('--json', 'print JSON'));
}

function date(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('must be a date YYYY-MM-DD');
  return value;
}

function count(value: string): number {
  if (!/^\d{1,7}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number, at least 1');
  return Number(value);
}

function renderJob(job: Job): string {
  const progress = job.progress.total === null ? `${job.progress.done}` : `${job.progress.done} / ${job.progress.total}`;
  const pairs: Array<[string, string | null]> = [
    ['id', job.id],
    ['kind', job.kind],
    ['status', job.status],
    ['progress', progress],
    ['created at', job.created_at],
    ['finished at', job.finished_at],
  ];
  if (job.error) pairs.push(['error', `${job.error.code}: ${job.error.message}`]);
  for (const [key, value] of Object.entries(job.result ?? {})) {
    if (typeof value !== 'object') pairs.push([key.replaceAll('_', ' '), String(value)]);
  }
  return renderRecord(pairs);
}

/**
 * Waits for the job (at most `timeoutMs`, else the SDK's ten minutes), drawing its progress on stderr
 * when that is a terminal and the output is not JSON.
 */
export async function followJob(sdk: LinksSDK, job: Job, options: OutputOptions, label: string, timeoutMs?: number): Promise<Job> {
  const bar = options.json || !process.stderr.isTTY ? undefined : new cliProgress.SingleBar({ stream: process.stderr, format: `${label} {bar} {percentage}% | {value}/{total}`, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar?.start(1, 0);
  try {
    return await sdk.jobs.wait(job.id, {
      intervalMs: 300,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      onProgress: (seen) => {
        if (seen.progress.total !== null) bar?.setTotal(Math.max(seen.progress.total, 1));
        bar?.update(seen.progress.done);
      },
    });
  } finally {
    bar?.stop();
  }
}

export function finish(options: OutputOptions, job: Job): void {
  emit(options, job, () => renderJob(job));
  if (job.status === 'failed') throw new CliError(`job ${job.id} failed: ${job.error?.message ?? 'no reason given'}`);
}

export function registerJobs(program: Command): void {
  leaf(program, 'sync', "sync an external connection as a job: a progress bar, then the sync's report")
    .argument('<connection>', 'the connection id')
    .action(async (connection: string, options: Options) =>
      withData(options, async ({ sdk }) => {
        const job = await sdk.connections.startSync(connection);
        if (!options.json) writeErr(`sync started as job ${job.id}`);
        finish(options, await followJob(sdk, job, options, 'syncing'));
      }),
    );

  const jobs = program.command('jobs').description('background jobs: accounting runs, syncs, GL sends');
  leaf(jobs, 'list', 'list jobs, newest first')
    .addOption(new Option('--kind <kind>').choices(['accounting_run', 'connection_sync', 'gl_run']))
    .addOption(new Option('--status <status>').choices(['queued', 'running', 'succeeded', 'failed']))
    .option('--limit <n>', 'at most this many (default 20)', count)
    .action(async (options: Options & { kind?: string; status?: string; limit?: number }) =>
      withData(options, async ({ sdk }) => {
        const limit = options.limit ?? 20;
        const items: Job[] = [];
        for await (const job of sdk.jobs.list({ kind: options.kind, status: options.status, limit: Math.min(limit, 100) })) {
          items.push(job);
          if (items.length >= limit) break;
        }
        emitList(options, items, 'jobs', ['id', 'kind', 'status', 'done', 'total', 'created'], (j) => [j.id, j.kind, j.status, j.progress.done, j.progress.total, j.created_at]);
      }),
    );
  leaf(jobs, 'get', 'show one job')
    .argument('<id>')
    .action(async (id: string, options: Options) =>
      withData(options, async ({ sdk }) => {
        const job = await sdk.jobs.get(id);
        emit(options, job, () => renderJob(job));
      }),
    );

  const accounting = program.command('accounting').description('the accounting pipeline: runs and exceptions');
  leaf(accounting, 'run', 'account for records again: retry those in error, or reaccount everything under the current rules')
    .addOption(new Option('--mode <mode>').choices(['retry', 'reaccount']).makeOptionMandatory())
    .addOption(new Option('--model <model>').choices(['invoice', 'payment']))
    .option('--from <date>', 'records dated from this day', date)
    .option('--to <date>', 'records dated up to this day', date)
    .option('--no-wait', 'print the queued job and return')
    .action(async (options: Options & { mode: 'retry' | 'reaccount'; model?: string; from?: string; to?: string; wait: boolean }) =>
      withData(options, async ({ sdk }) => {
        const job = await sdk.accounting.run({ mode: options.mode, model: options.model, from: options.from, to: options.to });
        finish(options, options.wait ? await followJob(sdk, job, options, options.mode) : job);
      }),
    );
  leaf(accounting, 'exceptions', 'records Links could not account for, newest first, with what to fix')
    .option('--model <model>')
    .option('--code <code>', 'an error code, e.g. unknown_account')
    .option('--limit <n>', 'at most this many (default 20)', count)
    .action(async (options: Options & { model?: string; code?: string; limit?: number }) =>
      withData(options, async ({ sdk }) => {
        const limit = options.limit ?? 20;
        const items: AccountingException[] = [];
        for await (const item of sdk.accounting.exceptions({ model: options.model, code: options.code, limit: Math.min(limit, 100) })) {
          items.push(item);
          if (items.length >= limit) break;
        }
        emitList(options, items, 'exceptions', ['record', 'model', 'source id', 'code', 'message'], (e) => [e.record_id, e.model, e.source_id, e.error.code, e.error.message]);
      }),
    );
}
