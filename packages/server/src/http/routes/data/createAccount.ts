/** `POST /api/v1/accounts` → 201 the account; 409 when the code is taken. */
import { z } from 'zod';
import { createAccount } from '../../../ledger/accounts.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single, text } from '../../schemas/common.js';
import { accountCode, accountType, accountView, currency, metadata } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/accounts',
    {
      config: { permission: 'write' },
      schema: {
        body: z.strictObject({
          code: accountCode,
          name: text(200),
          type: accountType,
          currency: currency.optional(),
          parent_code: accountCode.optional(),
          description: text(1000).optional(),
          metadata: metadata.optional(),
        }),
        response: { 201: single(accountView) },
      },
    },
    async (request, reply) => sendOutcome(reply, await createAccount(ledgerScope(request, services), writeRequest(request), request.body)),
  );
}
