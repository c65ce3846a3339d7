/** `GET /api/v1/journal-entries?account=&from=&to=&reference=&cursor=` → entries, newest posted first. */
import { z } from 'zod';
import { listJournalEntries } from '../../../ledger/journalEntries.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { text } from '../../schemas/common.js';
import { accountCode, calendarDate, cursorList, cursorPageQueryShape, journalEntryView } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.get(
    '/api/v1/journal-entries',
    {
      config: { permission: 'read' },
      schema: {
        querystring: z.strictObject({
          ...cursorPageQueryShape,
          account: accountCode.optional(),
          from: calendarDate.optional(),
          to: calendarDate.optional(),
          reference: text(255).optional(),
        }),
        response: { 200: cursorList(journalEntryView) },
      },
    },
    async (request) => {
      const { page, limit, cursor, ...filter } = request.query;
      return listJournalEntries(ledgerScope(request, services), filter, { page, limit, cursor });
    },
  );
}
