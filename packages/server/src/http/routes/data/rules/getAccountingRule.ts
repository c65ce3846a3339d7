/** `GET /api/v1/accounting-rules/{event}` → the rule for that event. */
import { getRule } from '../../../../rules/accountingRules.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { ruleEventParam, ruleView } from '../../../schemas/accountingRules.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/accounting-rules/:event',
    { config: { permission: 'read' }, schema: { params: ruleEventParam, response: { 200: single(ruleView) } } },
    async (request) => ({ data: await getRule(ledgerScope(request, services), request.params.event) }),
  );
}
