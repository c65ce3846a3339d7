/**
 * `POST /api/v1/journal-entry-drafts/{id}/approve` → 201 the posted entry (the same entry again for an
 * approved draft). 403 forbidden in production when the proposer approves; 422 when the books changed.
 */
import { z } from 'zod';
import { approveJournalEntryDraft } from '../../../../ledger/journalEntryDrafts.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import { principalOf } from '../../../requestContext.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single, uuid } from '../../../schemas/common.js';
import { journalEntryView } from '../../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/journal-entry-drafts/:id/approve',
    {
      config: { permission: 'write' },
      schema: { params: z.object({ id: uuid }), body: z.strictObject({}).nullish(), response: { 201: single(journalEntryView) } },
    },
    async (request, reply) => {
      const { keyId, userId } = principalOf(request);
      return sendOutcome(reply, await approveJournalEntryDraft(ledgerScope(request, services), writeRequest(request), request.params.id, { keyId, userId }));
    },
  );
}
