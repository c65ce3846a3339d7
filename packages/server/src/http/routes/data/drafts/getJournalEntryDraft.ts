/** `GET /api/v1/journal-entry-drafts/{id}` → the draft. */
import { z } from 'zod';
import { getJournalEntryDraft } from '../../../../ledger/journalEntryDrafts.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single, uuid } from '../../../schemas/common.js';
import { journalEntryDraftView } from '../../../schemas/journalEntryDrafts.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/journal-entry-drafts/:id',
    { config: { permission: 'read' }, schema: { params: z.object({ id: uuid }), response: { 200: single(journalEntryDraftView) } } },
    async (request) => ({ data: await getJournalEntryDraft(ledgerScope(request, services), request.params.id) }),
  );
}
