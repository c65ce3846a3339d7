/** `GET /api/v1/journal-entries/{id}` → the entry, with `reversed_by` when it was reversed. */
import { z } from 'zod';
import { getJournalEntry } from '../../../ledger/journalEntries.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single, uuid } from '../../schemas/common.js';
import { journalEntryView } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/journal-entries/:id',
    { config: { permission: 'read' }, schema: { params: z.object({ id: uuid }), response: { 200: single(journalEntryView) } } },
    async (request) => ({ data: await getJournalEntry(ledgerScope(request, services), request.params.id) }),
  );
}
