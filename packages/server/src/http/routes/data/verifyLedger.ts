/** `GET /api/v1/ledger/verify` → recomputes the hash chain over every posted entry: valid, or where it breaks. */
import { z } from 'zod';
import { verifyLedger } from '../../../ledger/verification.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single } from '../../schemas/common.js';

const verification = z
  .object({
    valid: z.boolean(),
    entries: z.number().int(),
    head: z.string(),
    broken_at: z.object({ position: z.number().int(), entry_id: z.string().nullable(), reason: z.string() }).nullable(),
  })
  .meta({ id: 'LedgerVerification' });

export default function route(app: LinksApp, services: LinksServices): void {
  app.get('/api/v1/ledger/verify', { config: { permission: 'read' }, schema: { response: { 200: single(verification) } } }, async (request) => ({
    data: await verifyLedger(ledgerScope(request, services)),
  }));
}
