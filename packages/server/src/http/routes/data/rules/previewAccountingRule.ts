/** `POST /api/v1/accounting-rules/{event}/preview` {record, record_id?} → the entries the write would post, not posted. */
import { EVENT_SPECS, ruleEventOf } from '../../../../rules/accountingRules.js';
import { previewRule } from '../../../../records/rulePreview.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import { keyWriteContext } from '../../../requestContext.js';
import type { LinksServices } from '../../../services.js';
import { errorBody, single } from '../../../schemas/common.js';
import { previewBody, previewView, ruleEventParam } from '../../../schemas/accountingRules.js';
import { parseRecordFor } from '../../../schemas/unified.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/accounting-rules/:event/preview',
    // Posts nothing, but runs the write path (rolled back): a write permission, like the write it previews.
    { config: { permission: 'write' }, schema: { params: ruleEventParam, body: previewBody, response: { 200: single(previewView), 422: errorBody } } },
    async (request) => {
      const event = ruleEventOf(request.params.event);
      const record = parseRecordFor(EVENT_SPECS[event].model, request.body.record, 'record');
      return { data: await previewRule(ledgerScope(request, services), { context: keyWriteContext(request) }, event, { record, record_id: request.body.record_id }) };
    },
  );
}
