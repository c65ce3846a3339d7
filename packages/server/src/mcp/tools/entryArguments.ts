/** The journal entry the write tools take (as the REST API takes it), and how a tool's write is identified. */
import { z } from 'zod';
import type { WriteRequest } from '../../ledger/scope.js';
import { journalEntryInput } from '../../http/schemas/ledger.js';
import type { ToolContext } from '../tool.js';

export const entryArguments = {
  entry: journalEntryInput.describe(
    'The journal entry: date (YYYY-MM-DD), description, currency, optional reference, and at least two lines, each with account (code) and exactly one of debit or credit as a decimal string ("120.00"); debits must equal credits.',
  ),
};

export const idempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,255}$/, 'must be 1–255 visible ASCII characters')
  .describe('A key of your choosing, unique per intended write: a retry with the same key and arguments answers the first result instead of writing again.');

/** The write as the ledger sees it: the key as actor, the call's request id, the tool and its arguments as the fingerprint. */
export function toolWriteRequest(context: ToolContext, args: unknown, key: string | undefined): WriteRequest {
  return {
    context: { actor: { type: 'api_key', id: context.principal.keyId }, requestId: context.requestId },
    idempotencyKey: key,
    fingerprint: { tool: context.toolName, args },
  };
}
