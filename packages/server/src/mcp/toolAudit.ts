/**
 * Every tool call is audited like an API write: a data audit event (actor: the key; action
 * `mcp.tool_called` or `mcp.tool_failed`; resource: the tool) in the tenant environment, and a log
 * line naming tenant, key and tool. Neither ever holds the key itself.
 */
import { recordDataEvent } from '../audit/environmentAudit.js';
import { inTenantTransaction } from '../storage/tenantScope.js';
import type { ToolContext } from './tool.js';

export async function recordToolCall(context: ToolContext, failed: boolean): Promise<void> {
  const { principal, scope, toolName } = context;
  context.log.info({ tenant_id: principal.tenantId, key_id: principal.keyId, tool: toolName, is_error: failed }, 'mcp tool call');
  await inTenantTransaction(scope.db, scope.tenantId, (trx) =>
    recordDataEvent(trx, scope.tenantId, { actor: { type: 'api_key', id: principal.keyId }, requestId: context.requestId }, {
      action: failed ? 'mcp.tool_failed' : 'mcp.tool_called',
      resourceType: 'mcp_tool',
      resourceId: toolName,
    }),
  );
}
