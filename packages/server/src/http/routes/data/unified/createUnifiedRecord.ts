/**
 * `POST /api/v1/unified/{model}` for every model → 201 the record; 200 when a record with the same
 * (source_system, source_id) existed and was updated (or already held this). Invoices and payments
 * post through the accounting rules before the answer.
 */
import { createRecord } from '../../../../records/unifiedRecords.js';
import { UNIFIED_MODELS } from '../../../../domain/unifiedModels.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { errorBody } from '../../../schemas/common.js';
import { recordCreateBody, recordSingle } from '../../../schemas/unified.js';

export default function route(app: LinksApp, services: LinksServices): void {
  for (const model of UNIFIED_MODELS) {
    app.post(
      `/api/v1/unified/${model}`,
      {
        config: { permission: 'write' },
        schema: { body: recordCreateBody(model), response: { 200: recordSingle(model), 201: recordSingle(model), 422: errorBody } },
      },
      async (request, reply) => sendOutcome(reply, await createRecord(ledgerScope(request, services), writeRequest(request), model, request.body as Record<string, unknown>)),
    );
  }
}
