/** `GET /api/v1/jobs?kind=&status=` → the tenant environment's jobs, newest first, with cursor paging. */
import { z } from 'zod';
import { JOB_KINDS, JOB_STATUSES } from '../../../../domain/jobs.js';
import { listJobs } from '../../../../jobs/jobs.js';
import { cursorOf } from '../../../../ledger/scope.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { pageQueryShape } from '../../../schemas/common.js';
import { jobPage } from '../../../schemas/jobs.js';

const query = z.strictObject({
  kind: z.enum(JOB_KINDS).optional(),
  status: z.enum(JOB_STATUSES).optional(),
  limit: pageQueryShape.limit,
  cursor: z.string().max(512).optional(),
});

export default function route(app: LinksApp, services: LinksServices): void {
  app.get('/api/v1/jobs', { config: { permission: 'read' }, schema: { querystring: query, response: { 200: jobPage } } }, async (request) => {
    const scope = ledgerScope(request, services);
    return listJobs(scope, request.query, cursorOf(scope, 'jobs'));
  });
}
