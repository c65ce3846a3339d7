/** `GET /api/v1/reports/balance-sheet?as_of=&currency=` → assets = liabilities + equity (with current earnings). */
import { z } from 'zod';
import { balanceSheet } from '../../../ledger/reports.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single } from '../../schemas/common.js';
import { calendarDate, currency, reportSection } from '../../schemas/ledger.js';

const view = z
  .object({
    as_of: z.string().nullable(),
    currency: z.string().nullable(),
    assets: reportSection,
    liabilities: reportSection,
    equity: reportSection.extend({ current_earnings: z.string() }),
    total_liabilities_and_equity: z.string(),
  })
  .meta({ id: 'BalanceSheet' });

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/reports/balance-sheet',
    {
      config: { permission: 'read' },
      schema: { querystring: z.strictObject({ as_of: calendarDate.optional(), currency: currency.optional() }), response: { 200: single(view) } },
    },
    async (request) => ({ data: await balanceSheet(ledgerScope(request, services), request.query) }),
  );
}
