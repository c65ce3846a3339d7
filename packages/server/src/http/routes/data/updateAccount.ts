/** `PATCH /api/v1/accounts/{code}` {name?, description?, is_active?, metadata?} → the account. */
import { z } from 'zod';
import { updateAccount } from '../../../ledger/accounts.js';
import { ledgerScope, writeRequest } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single, text } from '../../schemas/common.js';
import { accountCode, accountView, metadata } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.patch(
    '/api/v1/accounts/:code',
    {
      config: { permission: 'write' },
      schema: {
        params: z.object({ code: accountCode }),
        body: z
          .strictObject({ name: text(200).optional(), description: text(1000).nullable().optional(), is_active: z.boolean().optional(), metadata: metadata.optional() })
          .refine((b) => Object.keys(b).length > 0, 'name at least one of name, description, is_active, metadata'),
        response: { 200: single(accountView) },
      },
    },
    async (request) => ({ data: await updateAccount(ledgerScope(request, services), writeRequest(request), request.params.code, request.body) }),
  );
}
