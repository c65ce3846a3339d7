/** `POST /api/v1/periods/{YYYY-MM}/close` closes a month: postings dated in it are then 422 period_closed. */
import { z } from 'zod';
import { setPeriodStatus } from '../../../ledger/periods.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single } from '../../schemas/common.js';
import { periodParam, periodView } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/periods/:period/close',
    { config: { permission: 'write' }, schema: { params: z.object({ period: periodParam }), response: { 200: single(periodView) } } },
    async (request, reply) =>
      sendOutcome(reply, await setPeriodStatus(ledgerScope(request, services), writeRequest(request), request.params.period, 'closed')),
  );
}
