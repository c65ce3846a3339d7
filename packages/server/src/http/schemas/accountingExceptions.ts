/** An accounting exception as the API and the MCP tool show it: a record the books could not account for, with the error to fix. */
import { z } from 'zod';

export const accountingExceptionItem = z.object({
  record_id: z.string(),
  model: z.string(),
  version: z.number().int(),
  source_system: z.string().nullable(),
  source_id: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })) }),
  created_at: z.string(),
});
