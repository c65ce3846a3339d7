/** `POST /api/v1/journal-entries/{id}/reverse` {date?, description?} → 201 the reversal; 409 already_reversed the second time. */
import { z } from 'zod';
import { reverseJournalEntry } from '../../../ledger/journalEntries.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single, text, uuid } from '../../schemas/common.js';
import { calendarDate, journalEntryView } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/journal-entries/:id/reverse',
    {
      config: { permission: 'write' },
      schema: {
        params: z.object({ id: uuid }),
        body: z.strictObject({ date: calendarDate.optional(), description: text(1000).optional() }).nullish(),
        response: { 201: single(journalEntryView) },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await reverseJournalEntry(ledgerScope(request, services), writeRequest(request), request.params.id, request.body ?? {})),
  );
}
