/** `GET /api/v1/accounts/{code}/lines?from=&to=&currency=&subledger_account=&cursor=` → the statement (of one party, with subledger_account), with running balances. */
import { z } from 'zod';
import { accountStatement } from '../../../ledger/statement.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { accountCode, calendarDate, currency, cursorList, cursorPageQueryShape } from '../../schemas/ledger.js';

const statementLine = z
  .object({
    entry_id: z.string(),
    line_number: z.number().int(),
    date: z.string(),
    description: z.string(),
    reference: z.string().nullable(),
    currency: z.string(),
    debit: z.string().nullable(),
    credit: z.string().nullable(),
    subledger_account: z.string().nullable(),
    subledger_account_name: z.string().nullable().describe("the party's name when it is a recorded customer, else null"),
    memo: z.string().nullable(),
    running_balance: z.string(),
  })
  .meta({ id: 'StatementLine' });

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/accounts/:code/lines',
    {
      config: { permission: 'read' },
      schema: {
        params: z.object({ code: accountCode }),
        querystring: z.strictObject({ ...cursorPageQueryShape, from: calendarDate.optional(), to: calendarDate.optional(), currency: currency.optional(), subledger_account: z.string().min(1).max(255).optional().describe("one party's statement: a customer's Links id, source_system:source_id, or a party of your own") }),
        response: { 200: cursorList(statementLine) },
      },
    },
    async (request) => {
      const { page, limit, cursor, ...query } = request.query;
      return accountStatement(ledgerScope(request, services), request.params.code, query, { page, limit, cursor });
    },
  );
}
