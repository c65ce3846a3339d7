/** `GET /api/v1/unified/{model}/{id}` → the record, deleted or not. */
import { getRecord } from '../../../../records/unifiedRecords.js';
import { UNIFIED_MODELS } from '../../../../domain/unifiedModels.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { recordId, recordSingle } from '../../../schemas/unified.js';

export default function route(app: LinksApp, services: LinksServices): void {
  for (const model of UNIFIED_MODELS) {
    app.get(
      `/api/v1/unified/${model}/:id`,
      { config: { permission: 'read' }, schema: { params: recordId, response: { 200: recordSingle(model) } } },
      async (request) => ({ data: await getRecord(ledgerScope(request, services), model, request.params.id) }),
    );
  }
}
