/**
 * `POST /api/v1/periods/{YYYY-MM}/close` {force?} closes a month: postings dated in it are then 422
 * period_closed. A month that has not ended is 422 period_not_ended unless `force: true`.
 */
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
    {
      config: { permission: 'write' },
      schema: {
        params: z.object({ period: periodParam }),
        body: z.strictObject({ force: z.boolean().optional() }).nullish(),
        response: { 200: single(periodView) },
      },
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await setPeriodStatus(ledgerScope(request, services), writeRequest(request), request.params.period, 'closed', { force: request.body?.force }),
      ),
  );
}
