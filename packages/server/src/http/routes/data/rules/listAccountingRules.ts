/** `GET /api/v1/accounting-rules` → every event's rule (the tenant's edits over the shipped defaults). */
import { listRules } from '../../../../rules/accountingRules.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { list, pageQuery } from '../../../schemas/common.js';
import { ruleView } from '../../../schemas/accountingRules.js';
import { toPage } from '../../../../domain/pagination.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/accounting-rules',
    { config: { permission: 'read' }, schema: { querystring: pageQuery, response: { 200: list(ruleView) } } },
    async (request) => {
      const rules = await listRules(ledgerScope(request, services));
      const { page, limit } = request.query;
      return toPage(rules.slice((page - 1) * limit, page * limit), rules.length, { page, limit });
    },
  );
}
