/** `GET /api/v1/journal-entry-drafts?status=&cursor=` → drafts, newest first. */
import { z } from 'zod';
import { listJournalEntryDrafts } from '../../../../ledger/journalEntryDrafts.js';
import { ledgerScope } from '../../../ledgerRequest.js';
import type { LinksApp } from '../../../app.js';
import type { LinksServices } from '../../../services.js';
import { cursorList, cursorPageQueryShape } from '../../../schemas/ledger.js';
import { draftStatus, journalEntryDraftView } from '../../../schemas/journalEntryDrafts.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/journal-entry-drafts',
    {
      config: { permission: 'read' },
      schema: {
        querystring: z.strictObject({ ...cursorPageQueryShape, status: draftStatus.optional() }),
        response: { 200: cursorList(journalEntryDraftView) },
      },
    },
    async (request) => {
      const { page, limit, cursor, status } = request.query;
      return listJournalEntryDrafts(ledgerScope(request, services), { status }, { page, limit, cursor });
    },
  );
}
