/** `POST /api/v1/journal-entries` (Idempotency-Key recommended) → 201 the posted entry. */
import { postJournalEntry } from '../../../ledger/journalEntries.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { errorBody, single } from '../../schemas/common.js';
import { journalEntryInput, journalEntryView } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/journal-entries',
    {
      config: { permission: 'write' },
      schema: { body: journalEntryInput, response: { 201: single(journalEntryView), 422: errorBody } },
    },
    async (request, reply) => sendOutcome(reply, await postJournalEntry(ledgerScope(request, services), writeRequest(request), request.body)),
  );
}
