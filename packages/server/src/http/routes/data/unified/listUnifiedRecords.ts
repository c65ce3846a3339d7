/** `GET /api/v1/unified/{plural}?page=&limit=&source_system=&source_id=&unified_customer_id=&include_deleted=` → the model's records, oldest first. */
import { listRecords, type RecordFilter } from '../../../../records/unifiedRecords.js';
import { PLURAL, UNIFIED_MODELS } from '../../../../domain/unifiedModels.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { recordList, recordListQuery } from '../../../schemas/unified.js';

export default function route(app: LinksApp, services: LinksServices): void {
  for (const model of UNIFIED_MODELS) {
    app.get(
      `/api/v1/unified/${PLURAL[model]}`,
      { config: { permission: 'read' }, schema: { querystring: recordListQuery(model), response: { 200: recordList(model) } } },
      async (request) => {
        const { page, limit, ...filter } = request.query;
        return listRecords(ledgerScope(request, services), model, filter as RecordFilter, { page, limit });
      },
    );
  }
}
