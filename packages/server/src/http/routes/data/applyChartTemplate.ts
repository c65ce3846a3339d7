/** `POST /api/v1/chart-templates/{name}/apply` → adds the template's missing accounts; 201 when it added any, else 200. */
import { z } from 'zod';
import { applyChartTemplate } from '../../../ledger/chartTemplates.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { appliedTemplateView, templateName } from '../../schemas/books.js';
import { single } from '../../schemas/common.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/chart-templates/:name/apply',
    {
      config: { permission: 'write' },
      schema: {
        params: z.object({ name: templateName }),
        body: z.strictObject({}).nullish(),
        response: { 200: single(appliedTemplateView), 201: single(appliedTemplateView) },
      },
    },
    async (request, reply) => sendOutcome(reply, await applyChartTemplate(ledgerScope(request, services), writeRequest(request), request.params.name)),
  );
}
