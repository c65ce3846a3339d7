/** `POST /api/v1/journal-entry-drafts` (body as a journal entry) → 201 the draft with its impact; nothing posts. */
import { proposeJournalEntryDraft } from '../../../../ledger/journalEntryDrafts.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../../ledgerRequest.js';
import { principalOf } from '../../../requestContext.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { single } from '../../../schemas/common.js';
import { journalEntryInput } from '../../../schemas/ledger.js';
import { journalEntryDraftView } from '../../../schemas/journalEntryDrafts.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/journal-entry-drafts',
    {
      config: { permission: 'write' },
      schema: { body: journalEntryInput, response: { 201: single(journalEntryDraftView) } },
    },
    async (request, reply) => {
      const { keyId, userId } = principalOf(request);
      const outcome = await proposeJournalEntryDraft(ledgerScope(request, services), writeRequest(request), request.body, { keyId, userId, via: 'api' });
      return sendOutcome(reply, outcome);
    },
  );
}
