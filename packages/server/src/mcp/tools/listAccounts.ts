/** `list_accounts`: the chart of accounts as a tree (parents before their children), balances optional. */
import { z } from 'zod';
import type { Account } from '../../domain/ledger.js';
import { accountBalance, listAccounts } from '../../ledger/accounts.js';
import type { LedgerScope } from '../../ledger/scope.js';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';
import { listArguments, listOutput, offsetPage } from '../toolResults.js';
import { accountTypeSchema, currencyBalanceSchema, dateArgument } from './toolSchemas.js';

/** A chart larger than this is not a chart an agent should page through as a tree. */
const MAX_ACCOUNTS = 5000;

const accountItem = z.object({
  code: z.string(),
  name: z.string(),
  type: accountTypeSchema,
  currency: z.string().nullable(),
  parent_code: z.string().nullable(),
  depth: z.number().int().describe('0 for a top-level account, 1 for its children, …'),
  is_active: z.boolean(),
  subledger: z.string().nullable(),
  description: z.string().nullable(),
  balances: z.array(currencyBalanceSchema).optional().describe('Only with with_balances.'),
});

async function wholeChart(scope: LedgerScope, filter: { type?: Account['type'] | undefined; is_active?: boolean | undefined }): Promise<Account[]> {
  const accounts: Account[] = [];
  for (let page = 1; accounts.length < MAX_ACCOUNTS; page += 1) {
    const served = await listAccounts(scope, filter, { page, limit: 100 });
    accounts.push(...served.data);
    if (page >= served.totalPages) break;
  }
  return accounts;
}

/** Depth-first by code: each account right after its parent (an account whose parent is filtered out is a root). */
function asTree(accounts: Account[]): Array<Account & { depth: number }> {
  const codes = new Set(accounts.map((a) => a.code));
  const children = new Map<string | null, Account[]>();
  for (const account of accounts) {
    const parent = account.parent_code !== null && codes.has(account.parent_code) ? account.parent_code : null;
    children.set(parent, [...(children.get(parent) ?? []), account]);
  }
  const ordered: Array<Account & { depth: number }> = [];
  const visit = (parent: string | null, depth: number) => {
    for (const account of children.get(parent) ?? []) {
      ordered.push({ ...account, depth });
      visit(account.code, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

export default defineTool({
  name: 'list_accounts',
  title: 'Chart of accounts',
  description: `The chart of accounts as a tree: each account right after its parent, with its depth. with_balances adds each listed account's balance (as of as_of). ${READ_ONLY_NOTE}`,
  input: z.object({
    type: accountTypeSchema.optional(),
    include_inactive: z.boolean().default(false),
    with_balances: z.boolean().default(false),
    as_of: dateArgument.optional().describe('Balances at the end of this day (with_balances); default: now.'),
    ...listArguments,
  }),
  output: listOutput(accountItem),
  annotations: READ_ONLY,
  permission: 'read',
  async run(context, args) {
    const tree = asTree(await wholeChart(context.scope, { type: args.type, is_active: args.include_inactive ? undefined : true }));
    const page = await offsetPage(context, args, async ({ page, limit }) => ({ data: tree.slice((page - 1) * limit, page * limit), totalResults: tree.length }));
    const data = await Promise.all(
      page.data.map(async (a) => ({
        code: a.code,
        name: a.name,
        type: a.type,
        currency: a.currency,
        parent_code: a.parent_code,
        depth: a.depth,
        is_active: a.is_active,
        subledger: a.subledger,
        description: a.description,
        ...(args.with_balances ? { balances: (await accountBalance(context.scope, a.code, { as_of: args.as_of })).balances } : {}),
      })),
    );
    return { ...page, data };
  },
});
