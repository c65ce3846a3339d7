/** `links subledgers`: sub-ledgers (a control account's parties) and their per-party balances. */
import type { Command } from 'commander';
import type { Subledger } from '@links/sdk';
import { date, leaf } from '../commandKit.js';
import { withData, type DataOptions } from '../connection.js';
import { emit, emitList, renderRecord, renderTable, type OutputOptions } from '../output.js';

type Options = DataOptions & OutputOptions;

function renderSubledger(subledger: Subledger): string {
  return renderRecord([
    ['code', subledger.code],
    ['name', subledger.name],
    ['control account', subledger.control_account],
    ['id', subledger.id],
    ['created', subledger.created_at],
  ]);
}

export function registerSubledgers(program: Command): void {
  const subledgers = program.command('subledgers').description('sub-ledgers: the parties (customers, suppliers) behind a control account');
  leaf(subledgers, 'list', 'list sub-ledgers').action(async (options: Options) =>
    withData(options, async ({ sdk }) => {
      const items = await sdk.subledgers.list({ limit: 100 }).all();
      emitList(options, items, 'sub-ledgers', ['code', 'name', 'control account', 'created'], (s) => [s.code, s.name, s.control_account, s.created_at]);
    }),
  );
  leaf(subledgers, 'create', 'create a sub-ledger under a control account')
    .argument('<code>', 'e.g. AR')
    .argument('<name>')
    .requiredOption('--control-account <code>', 'the account whose lines then name a party')
    .action(async (code: string, name: string, options: Options & { controlAccount: string }) =>
      withData(options, async ({ sdk }) => {
        const subledger = await sdk.subledgers.create({ code, name, control_account: options.controlAccount });
        emit(options, subledger, () => renderSubledger(subledger));
      }),
    );
  leaf(subledgers, 'get', 'show one sub-ledger')
    .argument('<code>')
    .action(async (code: string, options: Options) =>
      withData(options, async ({ sdk }) => {
        const subledger = await sdk.subledgers.get(code);
        emit(options, subledger, () => renderSubledger(subledger));
      }),
    );
  leaf(subledgers, 'balances', "each party's balance; the totals equal the control account's")
    .argument('<code>')
    .option('--as-of <date>', 'as of the end of this date', date)
    .action(async (code: string, options: Options & { asOf?: string }) =>
      withData(options, async ({ sdk }) => {
        const pages = sdk.subledgers.balances(code, { as_of: options.asOf, limit: 100 });
        const { data: _firstPage, page: _page, limit: _limit, totalPages: _pages, totalResults: _results, ...head } = await pages;
        const report = { ...head, balances: await pages.all() };
        emit(options, report, () => {
          const title = `Sub-ledger ${report.subledger} (control account ${report.control_account})${report.as_of ? ` as of ${report.as_of}` : ''}`;
          const rows = report.balances.map((b) => [b.subledger_account, b.currency, b.debits, b.credits, b.balance]);
          for (const total of report.totals) rows.push(['Total', total.currency, total.debits, total.credits, total.balance]);
          if (rows.length === 0) return `${title}: no postings.`;
          return `${title}\n${renderTable(['party', 'currency', 'debits', 'credits', 'balance'], rows, { align: ['left', 'left', 'right', 'right', 'right'] })}`;
        });
      }),
    );
}
