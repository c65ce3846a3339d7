/**
 * `DELETE /api/v1/unified/{model}/{id}` → the record marked `local_was_deleted`, `is_active: false`.
 * Nothing is erased; a deleted invoice's or payment's postings are reversed by its rules.
 */
import { deleteRecord } from '../../../../records/unifiedRecords.js';
import { UNIFIED_MODELS } from '../../../../domain/unifiedModels.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { errorBody } from '../../../schemas/common.js';
import { recordId, recordSingle } from '../../../schemas/unified.js';

export default function route(app: LinksApp, services: LinksServices): void {
  for (const model of UNIFIED_MODELS) {
    app.delete(
      `/api/v1/unified/${model}/:id`,
      { config: { permission: 'write' }, schema: { params: recordId, response: { 200: recordSingle(model), 422: errorBody } } },
      async (request, reply) => sendOutcome(reply, await deleteRecord(ledgerScope(request, services), writeRequest(request), model, request.params.id)),
    );
  }
}
