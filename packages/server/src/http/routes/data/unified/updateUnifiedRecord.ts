/** `PUT /api/v1/unified/{model}/{id}` → the record with the fields sent replaced; rules post what changed. */
import { updateRecord } from '../../../../records/unifiedRecords.js';
import { UNIFIED_MODELS } from '../../../../domain/unifiedModels.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { errorBody } from '../../../schemas/common.js';
import { recordId, recordSingle, recordUpdateBody } from '../../../schemas/unified.js';

export default function route(app: LinksApp, services: LinksServices): void {
  for (const model of UNIFIED_MODELS) {
    app.put(
      `/api/v1/unified/${model}/:id`,
      { config: { permission: 'write' }, schema: { params: recordId, body: recordUpdateBody(model), response: { 200: recordSingle(model), 422: errorBody } } },
      async (request, reply) => sendOutcome(reply, await updateRecord(ledgerScope(request, services), writeRequest(request), model, request.params.id, request.body as Record<string, unknown>)),
    );
  }
}
