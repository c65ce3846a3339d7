/**
 * `GET /api/v1/ledger/verify?from=&limit=` → recomputes the hash chain, at most `limit` (default and
 * maximum 50,000) links from position `from` (default 1): valid, or where it breaks, and `next_from`
 * when there is more to verify.
 */
import { z } from 'zod';
import { verifyLedger, VERIFY_LIMIT } from '../../../ledger/verification.js';
import { ledgerScope } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { integerParam, single } from '../../schemas/common.js';

const verification = z
  .object({
    valid: z.boolean(),
    entries: z.number().int(),
    head: z.string(),
    broken_at: z.object({ position: z.number().int(), entry_id: z.string().nullable(), reason: z.string() }).nullable(),
    next_from: z.number().int().nullable(),
  })
  .meta({ id: 'LedgerVerification' });

const segment = z.strictObject({ from: integerParam('from', 1, 999_999_999, 1), limit: integerParam('limit', 1, VERIFY_LIMIT, VERIFY_LIMIT) });

export default function route(app: LinksApp, services: LinksServices): void {
  app.get('/api/v1/ledger/verify', { config: { permission: 'read' }, schema: { querystring: segment, response: { 200: single(verification) } } }, async (request) => ({
    data: await verifyLedger(ledgerScope(request, services), request.query),
  }));
}
