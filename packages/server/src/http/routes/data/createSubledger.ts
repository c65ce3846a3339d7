/** `POST /api/v1/subledgers` {code, name, control_account} → 201 the sub-ledger. */
import { z } from 'zod';
import { createSubledger } from '../../../ledger/subledgers.js';
import { ledgerScope, sendOutcome, writeRequest } from '../../ledgerRequest.js';
import type { LinksApp } from '../../app.js';
import type { LinksServices } from '../../services.js';
import { single, text } from '../../schemas/common.js';
import { accountCode, subledgerView } from '../../schemas/ledger.js';

export default function route(app: LinksApp, services: LinksServices): void {
  app.post(
    '/api/v1/subledgers',
    {
      config: { permission: 'write' },
      schema: {
        body: z.strictObject({ code: accountCode, name: text(200), control_account: accountCode }),
        response: { 201: single(subledgerView) },
      },
    },
    async (request, reply) => sendOutcome(reply, await createSubledger(ledgerScope(request, services), writeRequest(request), request.body)),
  );
}
