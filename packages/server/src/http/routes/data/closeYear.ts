/**
 * `POST /api/v1/periods/{YYYY}/close-year` {retained_earnings_account?, force?} posts the closing
 * entries that move the year's revenue and expenses to retained earnings and closes its months.
 */
import { z } from 'zod';
import { closeYear } from '../../../ledger/yearEnd.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { closeYearBody, yearEndView, yearParam } from '../../schemas/books.js';
import { single } from '../../schemas/common.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/periods/:year/close-year',
    { config: { permission: 'write' }, schema: { params: z.object({ year: yearParam }), body: closeYearBody, response: { 200: single(yearEndView) } } },
    async (request, reply) => sendOutcome(reply, await closeYear(ledgerScope(request, services), writeRequest(request), request.params.year, request.body ?? {})),
  );
}
