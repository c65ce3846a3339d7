/** `GET /api/v1/jobs/{id}` → the job: status, progress, and its result or error once finished. */
import { getJob } from '../../../../jobs/jobs.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { jobId, jobSingle } from '../../../schemas/jobs.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get('/api/v1/jobs/:id', { config: { permission: 'read' }, schema: { params: jobId, response: { 200: jobSingle } } }, async (request) => ({
    data: await getJob(ledgerScope(request, services), request.params.id),
  }));
}
