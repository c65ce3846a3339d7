/** `POST /api/v1/periods/{YYYY}/reopen-year` reopens a closed year's months and reverses its closing entries. */
import { z } from 'zod';
import { reopenYear } from '../../../ledger/yearEnd.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { yearEndView, yearParam } from '../../schemas/books.js';
import { single } from '../../schemas/common.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/periods/:year/reopen-year',
    {
      config: { permission: 'write' },
      schema: { params: z.object({ year: yearParam }), body: z.strictObject({}).nullish(), response: { 200: single(yearEndView) } },
    },
    async (request, reply) => sendOutcome(reply, await reopenYear(ledgerScope(request, services), writeRequest(request), request.params.year)),
  );
}
