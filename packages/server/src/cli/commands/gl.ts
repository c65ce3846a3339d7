/**
 * `links gl …`: transfer of the books to a general ledger through @links/sdk (docs/gl.md): connect a
 * webhook (or an ERP), see a connection's state and transfers, send now (a job), retry a failed one,
 * reconcile.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { GlConnection, GlTransfer, GlTransferStatus } from '@links/sdk';
import { addDataOptions, withData, type DataOptions } from '../connection.js';
import { finish, followJob } from './jobs.js';
import { emit, emitList, renderRecord, renderTable, writeErr, type OutputOptions } from '../output.js';

type Options = DataOptions & OutputOptions;

const STATUSES = ['pending', 'sending', 'confirmed', 'failed', 'uncertain'];

function leaf(parent: Command, name: string, description: string): Command {
  return addDataOptions(parent.command(name).description(description).option('--json', 'print JSON'));
}

function date(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('must be a date YYYY-MM-DD');
  return value;
}

function credential(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at < 1) throw new InvalidArgumentError('write NAME=VALUE');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

function renderConnection(c: GlConnection): string {
  return renderRecord([
    ['id', c.id],
    ['name', c.name],
    ['provider', c.provider],
    ['status', c.status],
    ['start date', c.settings.start_date],
    ['summarize', c.settings.summarize],
    ['mapped accounts', Object.keys(c.mapping.accounts).length],
    ['created', c.created_at],
  ]);
}

const transferRow = (t: GlTransfer) => [t.id, t.status, t.date, t.entry_ids.length, t.attempts, t.erp_document_id, t.last_error?.message];

export function registerGl(program: Command): void {
  const gl = program.command('gl').description('transfer to the general ledger (docs/gl.md)');

  leaf(gl, 'connect', 'connect a general ledger: a signed webhook (--webhook-url) or an ERP (--credential NAME=VALUE …)')
    .argument('<name>', 'a name for the connection')
    .addOption(new Option('--provider <provider>', 'where to send').choices(['webhook', 'xero']).default('webhook'))
    .option('--webhook-url <url>', 'webhook: the receiver URL')
    .option('--credential <name=value>', 'a provider credential (repeatable), e.g. client_id=…', credential)
    .option('--start-date <date>', 'entries dated before it are never sent (default: today)', date)
    .addOption(new Option('--summarize <mode>', 'one journal per entry, per day or per month').choices(['none', 'daily', 'monthly']))
    .option('--paused', 'create it paused')
    .action(async (name: string, options: Options & { provider: 'webhook' | 'xero'; webhookUrl?: string; credential?: Record<string, string>; startDate?: string; summarize?: 'none' | 'daily' | 'monthly'; paused?: boolean }) =>
      withData(options, async ({ sdk }) => {
        const credentials = { ...(options.webhookUrl ? { url: options.webhookUrl } : {}), ...options.credential };
        const created = await sdk.glConnections.create({
          provider: options.provider,
          name,
          credentials,
          settings: { start_date: options.startDate, summarize: options.summarize, paused: options.paused },
        });
        emit(options, created, () => renderConnection(created));
        if (created.signing_secret && !options.json) writeErr(`signing secret (shown once, keep it for your receiver): ${created.signing_secret}\n`);
      }),
    );

  leaf(gl, 'status', "the connections, or one connection with its transfers' counts")
    .argument('[id]', 'a connection id')
    .action(async (id: string | undefined, options: Options) =>
      withData(options, async ({ sdk }) => {
        if (!id) {
          const connections = await sdk.glConnections.list({ limit: 100 }).all();
          emitList(options, connections, 'GL connections', ['id', 'name', 'provider', 'status', 'start date', 'summarize'], (c) => [c.id, c.name, c.provider, c.status, c.settings.start_date, c.settings.summarize]);
          return;
        }
        const connection = await sdk.glConnections.get(id);
        const transfers = await sdk.glConnections.transfers(id, { limit: 100 }).all();
        const counts = Object.fromEntries(STATUSES.map((s) => [s, transfers.filter((t) => t.status === s).length]));
        emit(options, { ...connection, transfers: counts }, () => `${renderConnection(connection)}\n${renderTable(STATUSES, [STATUSES.map((s) => counts[s])])}`);
      }),
    );

  leaf(gl, 'transfers', "a connection's transfers, oldest first")
    .argument('<id>', 'a connection id')
    .addOption(new Option('--status <status>', 'only those in this state').choices(STATUSES))
    .action(async (id: string, options: Options & { status?: GlTransferStatus }) =>
      withData(options, async ({ sdk }) => {
        const transfers = await sdk.glConnections.transfers(id, { status: options.status, limit: 100 }).all();
        emitList(options, transfers, 'transfers', ['id', 'status', 'date', 'entries', 'attempts', 'ERP document', 'last error'], transferRow);
      }),
    );

  leaf(gl, 'run', "send now, as a job: queue what was posted, then a progress bar until the waiting transfers are settled, then the job's result")
    .argument('<id>', 'a connection id')
    .option('--no-wait', 'print the queued job and return')
    .action(async (id: string, options: Options & { wait: boolean }) =>
      withData(options, async ({ sdk }) => {
        const job = await sdk.glConnections.run(id);
        // The job watches for up to ten minutes once it runs (gl/glRunJobs.ts): wait longer than that.
        finish(options, options.wait ? await followJob(sdk, job, options, 'sending', 20 * 60_000) : job);
      }),
    );

  leaf(gl, 'retry', 'send a failed (fixed), uncertain or pending transfer now')
    .argument('<id>', 'a connection id')
    .argument('<transfer_id>', 'the transfer')
    .action(async (id: string, transferId: string, options: Options) =>
      withData(options, async ({ sdk }) => {
        const transfer = await sdk.glConnections.retry(id, transferId);
        emit(options, transfer, () => renderTable(['id', 'status', 'date', 'entries', 'attempts', 'ERP document', 'last error'], [transferRow(transfer)]));
      }),
    );

  leaf(gl, 'reconcile', "Links' balance per ERP account against the ERP's trial balance")
    .argument('<id>', 'a connection id')
    .option('--as-of <date>', 'the date (default: today)', date)
    .option('--currency <code>', 'the currency (default: that of the latest transfer)')
    .action(async (id: string, options: Options & { asOf?: string; currency?: string }) =>
      withData(options, async ({ sdk }) => {
        const result = await sdk.glConnections.reconciliation(id, { as_of: options.asOf, currency: options.currency });
        emit(options, result, () => {
          const table = renderTable(['ERP account', 'Links', 'ERP', 'difference'], result.accounts.map((a) => [a.erp_account, a.links_balance, a.erp_balance, a.difference]), { align: ['left', 'right', 'right', 'right'] });
          return `${result.matched ? 'matched' : 'NOT matched'} as of ${result.as_of} (${result.currency})\n${table}`;
        });
      }),
    );
}
