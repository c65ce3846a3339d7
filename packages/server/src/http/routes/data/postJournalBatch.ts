/** `POST /api/v1/journal-entries/batch` {entries: [… up to 1000]} → 201 all posted in one transaction, or none. */
import { z } from 'zod';
import { MAX_BATCH_ENTRIES, postJournalBatch } from '../../../ledger/journalEntries.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single } from '../../schemas/common.js';
import { journalEntryInput, journalEntryView } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/journal-entries/batch',
    {
      config: { permission: 'write' },
      schema: {
        body: z.strictObject({
          entries: z.array(journalEntryInput).min(1, 'a batch has at least 1 entry').max(MAX_BATCH_ENTRIES, `a batch has at most ${MAX_BATCH_ENTRIES} entries`),
        }),
        response: { 201: single(z.object({ entries: z.array(journalEntryView) })) },
      },
    },
    async (request, reply) => sendOutcome(reply, await postJournalBatch(ledgerScope(request, services), writeRequest(request), request.body.entries)),
  );
}
