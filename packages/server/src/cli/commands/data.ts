/**
 * Data commands through @links/sdk (docs/ledger.md): the chart of accounts, journal entries, the trial
 * balance and account balances of the tenant environment the API key belongs to.
 */
import { Argument, type Command, Option } from 'commander';
import type { Account, AccountBalance, JournalEntry, JournalEntryInput, ResponseInfo, TrialBalance } from '@links/sdk';
import { count, date, leaf, readJson, take } from '../commandKit.js';
import { withData, type DataOptions } from '../connection.js';
import { CliError, emit, emitList, renderRecord, renderTable, writeErr, type OutputOptions } from '../output.js';

type Options = DataOptions & OutputOptions;

const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'expense'];

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Sum of decimal strings, exactly (amounts keep the widest scale they come with). */
export function sumDecimals(values: Array<string | null | undefined>): string {
  const present = values.filter((v): v is string => typeof v === 'string' && v !== '');
  const scale = Math.max(0, ...present.map((v) => (v.split('.')[1] ?? '').length));
  let total = 0n;
  for (const v of present) {
    const [whole, fraction = ''] = v.split('.');
    total += BigInt(whole! + fraction.padEnd(scale, '0'));
  }
  const digits = total.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** `ACCOUNT:debit:AMOUNT[:party]` → a journal line. */
export function parseLine(spec: string): JournalEntryInput['lines'][number] {
  const [account, side, amount, ...party] = spec.split(':');
  if (!account || !amount || (side !== 'debit' && side !== 'credit')) {
    throw new CliError(`--line ${JSON.stringify(spec)}: write ACCOUNT:debit:AMOUNT or ACCOUNT:credit:AMOUNT, optionally followed by :PARTY (the sub-ledger account)`);
  }
  const line: JournalEntryInput['lines'][number] = { account, [side]: amount };
  if (party.length > 0) line.subledger_account = party.join(':');
  return line;
}

export function renderEntry(entry: JournalEntry): string {
  const head = renderRecord([
    ['id', entry.id],
    ['date', entry.date],
    ['description', entry.description],
    ['currency', entry.currency],
    ['reference', entry.reference],
    ['status', entry.status],
    ...(entry.reversal_of ? ([['reversal of', entry.reversal_of]] as Array<[string, string]>) : []),
    ...(entry.reversed_by ? ([['reversed by', entry.reversed_by]] as Array<[string, string]>) : []),
    ['created', entry.created_at],
  ]);
  const lines = renderTable(
    ['account', 'debit', 'credit', 'sub-ledger account', 'memo'],
    entry.lines.map((l) => [l.account, l.debit, l.credit, l.subledger_account, l.memo]),
    { align: ['left', 'right', 'right', 'left', 'left'] },
  );
  return `${head}\n${lines}`;
}

function noteReplay(options: OutputOptions): { onResponse: (info: ResponseInfo) => void; replayed: () => boolean } {
  let replayed = false;
  return {
    onResponse: (info) => {
      replayed = info.idempotentReplayed;
    },
    replayed: () => {
      if (replayed && !options.json) writeErr('Already posted with this Idempotency-Key (Idempotent-Replayed): nothing new was created.');
      return replayed;
    },
  };
}

function registerAccounts(program: Command): void {
  const accounts = program.command('accounts').description('the chart of accounts');
  leaf(accounts, 'list', 'list accounts')
    .addOption(new Option('--type <type>', 'only this type').choices(ACCOUNT_TYPES))
    .action(async (options: Options & { type?: Account['type'] }) =>
      withData(options, async ({ sdk }) => {
        const items = await sdk.accounts.list({ type: options.type, limit: 100 }).all();
        emitList(options, items, 'accounts', ['code', 'name', 'type', 'currency', 'parent', 'active'], (a) => [
          a.code,
          a.name,
          a.type,
          a.currency ?? 'any',
          a.parent_code,
          a.is_active ? 'yes' : 'no',
        ]);
      }),
    );
  leaf(accounts, 'create', 'create an account')
    .argument('<code>', '1–32 of letters, digits, . _ -')
    .argument('<name>')
    .addArgument(new Argument('<type>', ACCOUNT_TYPES.join(', ')).choices(ACCOUNT_TYPES))
    .option('--currency <code>', 'the only currency the account takes (ISO 4217)')
    .option('--parent <code>', 'the parent account')
    .option('--description <text>')
    .action(async (code: string, name: string, type: Account['type'], options: Options & { currency?: string; parent?: string; description?: string }) =>
      withData(options, async ({ sdk }) => {
        const account = await sdk.accounts.create({ code, name, type, currency: options.currency, parent_code: options.parent, description: options.description });
        emit(options, account, () =>
          renderRecord([
            ['code', account.code],
            ['name', account.name],
            ['type', account.type],
            ['currency', account.currency ?? 'any'],
            ['parent', account.parent_code],
            ['id', account.id],
          ]),
        );
      }),
    );
}

export type PostOptions = Options & {
  date?: string;
  description?: string;
  currency?: string;
  line?: string[];
  reference?: string;
  idempotencyKey?: string;
  file?: string;
};

/** The entry of `entries post` or `drafts propose` (`command` names it in errors). */
export function entryFromOptions(options: PostOptions, command = 'entries post'): JournalEntryInput {
  if (options.file !== undefined) {
    if (options.date || options.description || options.currency || options.line || options.reference) {
      throw new CliError(`${command}: --file holds the whole entry; leave out --date, --description, --currency, --line and --reference`);
    }
    return readJson(options.file, 'the entry as {"date", "description", "currency", "lines": [...]}') as JournalEntryInput;
  }
  const missing = (['date', 'description', 'currency'] as const).filter((o) => !options[o]).map((o) => `--${o}`);
  if (missing.length > 0) throw new CliError(`${command}: missing ${missing.join(', ')} (or pass --file entry.json)`);
  if (!options.line || options.line.length < 2) throw new CliError(`${command}: an entry has at least 2 lines: pass --line ACCOUNT:debit:AMOUNT --line ACCOUNT:credit:AMOUNT`);
  return {
    date: options.date!,
    description: options.description!,
    currency: options.currency! as JournalEntryInput['currency'],
    ...(options.reference ? { reference: options.reference } : {}),
    lines: options.line.map(parseLine),
  };
}

function registerEntries(program: Command): void {
  const entries = program.command('entries').description('journal entries');
  leaf(entries, 'post', 'post a journal entry')
    .option('--date <date>', 'YYYY-MM-DD', date)
    .option('--description <text>')
    .option('--currency <code>', 'ISO 4217, e.g. USD')
    .option('--line <ACCOUNT:debit|credit:AMOUNT[:PARTY]>', 'a line (repeat: at least two)', collect)
    .option('--reference <text>', 'your reference, e.g. an invoice number')
    .option('--idempotency-key <key>', 'post at most once under this key (e.g. the invoice number)')
    .option('--file <path>', 'the entry as JSON (- for stdin) instead of the options above')
    .action(async (options: PostOptions) => {
      const input = entryFromOptions(options);
      await withData(options, async ({ sdk }) => {
        const replay = noteReplay(options);
        const entry = await sdk.journalEntries.create(input, { idempotencyKey: options.idempotencyKey, onResponse: replay.onResponse });
        replay.replayed();
        emit(options, entry, () => renderEntry(entry));
      });
    });
  leaf(entries, 'list', 'list journal entries, newest first')
    .option('--account <code>', 'entries with a line on this account')
    .option('--from <date>', 'from this date', date)
    .option('--to <date>', 'up to this date', date)
    .option('--reference <text>')
    .option('--limit <n>', 'at most this many (default 20)', count)
    .action(async (options: Options & { account?: string; from?: string; to?: string; reference?: string; limit?: number }) =>
      withData(options, async ({ sdk }) => {
        const limit = options.limit ?? 20;
        const items = await take(sdk.journalEntries.list({ account: options.account, from: options.from, to: options.to, reference: options.reference, limit: Math.min(limit, 100) }), limit);
        emitList(
          options,
          items,
          'journal entries',
          ['id', 'date', 'reference', 'description', 'currency', 'amount', 'lines'],
          (e) => [e.id, e.date, e.reference, e.description, e.currency, sumDecimals(e.lines.map((l) => l.debit)), e.lines.length],
          ['left', 'left', 'left', 'left', 'left', 'right', 'right'],
        );
      }),
    );
  leaf(entries, 'get', 'show one journal entry')
    .argument('<id>')
    .action(async (id: string, options: Options) =>
      withData(options, async ({ sdk }) => {
        const entry = await sdk.journalEntries.get(id);
        emit(options, entry, () => renderEntry(entry));
      }),
    );
  leaf(entries, 'reverse', 'reverse a journal entry: a new entry with every line mirrored')
    .argument('<id>')
    .option('--date <date>', 'the reversal date (default today)', date)
    .option('--description <text>')
    .option('--idempotency-key <key>', 'reverse at most once under this key')
    .action(async (id: string, options: Options & { date?: string; description?: string; idempotencyKey?: string }) =>
      withData(options, async ({ sdk }) => {
        const replay = noteReplay(options);
        const body = { ...(options.date ? { date: options.date } : {}), ...(options.description ? { description: options.description } : {}) };
        const entry = await sdk.journalEntries.reverse(id, body, { idempotencyKey: options.idempotencyKey, onResponse: replay.onResponse });
        replay.replayed();
        emit(options, entry, () => renderEntry(entry));
      }),
    );
}

function registerReports(program: Command): void {
  leaf(program, 'trial-balance', 'the trial balance: every account with a balance, debits and credits')
    .option('--as-of <date>', 'as of the end of this date', date)
    .option('--currency <code>', 'required when the books hold several currencies')
    .action(async (options: Options & { asOf?: string; currency?: string }) =>
      withData(options, async ({ sdk }) => {
        const report: TrialBalance = await sdk.reports.trialBalance({ as_of: options.asOf, currency: options.currency });
        emit(options, report, () => {
          const title = `Trial balance${report.currency ? ` (${report.currency})` : ''}${report.as_of ? ` as of ${report.as_of}` : ''}`;
          const rows: Array<Array<string | null>> = report.accounts.map((a) => [a.code, a.name, a.type, a.debit, a.credit]);
          rows.push(['', 'Total', '', report.total_debits, report.total_credits]);
          return `${title}\n${renderTable(['code', 'name', 'type', 'debit', 'credit'], rows, { align: ['left', 'left', 'left', 'right', 'right'] })}`;
        });
      }),
    );
  leaf(program, 'balance', "an account's balance per currency, signed by its normal side")
    .argument('<account>', 'the account code')
    .option('--as-of <date>', 'as of the end of this date', date)
    .option('--currency <code>', 'only this currency')
    .option('--include-children', "add the child accounts' balances")
    .action(async (account: string, options: Options & { asOf?: string; currency?: string; includeChildren?: boolean }) =>
      withData(options, async ({ sdk }) => {
        const balance: AccountBalance = await sdk.accounts.balance(account, { as_of: options.asOf, currency: options.currency, include_children: options.includeChildren });
        emit(options, balance, () => {
          const title = `Balance of ${balance.account}${balance.include_children ? ' and its children' : ''}${balance.as_of ? ` as of ${balance.as_of}` : ''}`;
          if (balance.balances.length === 0) return `${title}: no postings.`;
          const rows = balance.balances.map((b) => [b.currency, b.debits, b.credits, b.balance]);
          return `${title}\n${renderTable(['currency', 'debits', 'credits', 'balance'], rows, { align: ['left', 'right', 'right', 'right'] })}`;
        });
      }),
    );
}

export function registerData(program: Command): void {
  registerAccounts(program);
  registerEntries(program);
  registerReports(program);
}
