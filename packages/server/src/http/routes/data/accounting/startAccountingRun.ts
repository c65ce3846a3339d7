/**
 * `POST /api/v1/accounting/runs {mode, model?, from?, to?}` → 202 the job (Location: the job).
 * `retry` accounts for the records in error or pending; `reaccount` posts what the current rules
 * ask beyond what each invoice and payment already posted.
 */
import { z } from 'zod';
import { UNIFIED_MODELS } from '../../../../domain/unifiedModels.js';
import { startAccountingRun } from '../../../../records/accountingRuns.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { jobSingle } from '../../../schemas/jobs.js';

const day = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });

const body = z
  .strictObject({
    mode: z.enum(['retry', 'reaccount']),
    model: z.enum(UNIFIED_MODELS).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .meta({ id: 'AccountingRunRequest' });

export default function route(app: LinksApp, services: LinksServices): void {
  app.post('/api/v1/accounting/runs', { config: { permission: 'write' }, schema: { body, response: { 202: jobSingle } } }, async (request, reply) => {
    const scope = ledgerScope(request, services);
    const outcome = await startAccountingRun(scope, writeRequest(request), request.body);
    services.wakeJobs(scope.environment);
    reply.header('Location', `/api/v1/jobs/${outcome.body.data.id}`);
    return sendOutcome(reply, outcome);
  });
}
