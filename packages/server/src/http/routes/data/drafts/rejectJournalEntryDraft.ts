/** `POST /api/v1/journal-entry-drafts/{id}/reject` {reason} → the rejected draft; 409 for an approved one. */
import { z } from 'zod';
import { rejectJournalEntryDraft } from '../../../../ledger/journalEntryDrafts.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import { principalOf } from '../../../requestContext.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single, uuid } from '../../../schemas/common.js';
import { journalEntryDraftView, rejectDraftBody } from '../../../schemas/journalEntryDrafts.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/journal-entry-drafts/:id/reject',
    {
      config: { permission: 'write' },
      schema: { params: z.object({ id: uuid }), body: rejectDraftBody, response: { 200: single(journalEntryDraftView) } },
    },
    async (request, reply) => {
      const { keyId, userId } = principalOf(request);
      const scope = ledgerScope(request, services);
      return sendOutcome(reply, await rejectJournalEntryDraft(scope, writeRequest(request), request.params.id, { keyId, userId }, request.body.reason));
    },
  );
}
