/** `GET /api/v1/reports/income-statement?from=&to=&currency=` → revenue, expenses and net income over the range. */
import { z } from 'zod';
import { incomeStatement } from '../../../ledger/reports.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single } from '../../schemas/common.js';
import { calendarDate, currency, reportSection } from '../../schemas/ledger.js';

const view = z
  .object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    currency: z.string().nullable(),
    revenue: reportSection,
    expenses: reportSection,
    net_income: z.string(),
  })
  .meta({ id: 'IncomeStatement' });

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/reports/income-statement',
    {
      config: { permission: 'read' },
      schema: {
        querystring: z
          .strictObject({ from: calendarDate.optional(), to: calendarDate.optional(), currency: currency.optional() })
          .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] }),
        response: { 200: single(view) },
      },
    },
    async (request) => ({ data: await incomeStatement(ledgerScope(request, services), request.query) }),
  );
}
