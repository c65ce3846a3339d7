/** `PUT /api/v1/accounting-rules/{event}` {enabled?, debit_account?, credit_account?, conditions?, description_template?} → the rule. */
import { putRule } from '../../../../rules/accountingRules.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { errorBody, single } from '../../../schemas/common.js';
import { ruleChangeBody, ruleEventParam, ruleView } from '../../../schemas/accountingRules.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.put(
    '/api/v1/accounting-rules/:event',
    { config: { permission: 'write' }, schema: { params: ruleEventParam, body: ruleChangeBody, response: { 200: single(ruleView), 422: errorBody } } },
    async (request, reply) => sendOutcome(reply, await putRule(ledgerScope(request, services), writeRequest(request), request.params.event, request.body)),
  );
}
