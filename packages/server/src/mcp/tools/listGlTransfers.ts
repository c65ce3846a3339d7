/** `list_gl_transfers`: what a GL connection sent (or still has to send) to its ERP, oldest first, by cursor. */
import { z } from 'zod';
import { GL_TRANSFER_STATUSES } from '../../domain/glTransfer.js';
import { glTransferCursor, listGlTransfers } from '../../gl/glTransferService.js';
import { cursorOf } from '../../ledger/scope.js';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';
import { fitsListBudget, listArguments } from '../toolResults.js';
import { glTransferItem, shownTransfer } from './glSchemas.js';

export default defineTool({
  name: 'list_gl_transfers',
  title: 'GL transfers',
  description: `The transfers of one GL connection (see list_gl_connections), oldest first: each carries journal entries to the ERP and is pending, sending, confirmed (with the ERP's document id), failed or uncertain (with the last error). Filter by status. ${READ_ONLY_NOTE}`,
  input: z.object({
    connection_id: z.uuid().describe('The id of a GL connection (list_gl_connections).'),
    status: z.enum(GL_TRANSFER_STATUSES).optional(),
    ...listArguments,
  }),
  output: z.object({
    data: z.array(glTransferItem),
    next_cursor: z.string().nullable().describe('Pass as cursor to continue; null at the end.'),
  }),
  annotations: READ_ONLY,
  permission: 'read',
  async run(context, { connection_id: connectionId, status, limit, cursor }) {
    // The service's cursor, bound to this tool: a cursor of the REST list or another tool is refused.
    const binding = cursorOf(context.scope, `mcp.${context.toolName}`);
    const served = await listGlTransfers(context.scope, binding, connectionId, { status, limit, cursor });
    const data = fitsListBudget(served.data.map(shownTransfer));
    if (data.length === served.data.length) return { data, next_cursor: served.next_cursor };
    // Stopped early for size: continue after the last transfer shown.
    return { data, next_cursor: glTransferCursor(binding, data.at(-1)!.id) };
  },
});
