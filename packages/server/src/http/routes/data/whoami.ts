/** `GET /api/v1/whoami` → the tenant environment and key this request acts as. */
import { z } from 'zod';
import { mayPostDirectlyAsAgent } from '../../../domain/agentPosting.js';
import type { LinksApp } from '../../app.js';
import { principalOf } from '../../requestContext.js';
import { single } from '../../schemas/common.js';
import { environment, permission } from '../../schemas/controlPlane.js';

const whoami = z
  .object({
    tenant_id: z.string(),
    tenant_name: z.string(),
    environment,
    key_id: z.string(),
    user_id: z.string(),
    permissions: z.array(permission),
    agent_posting: z.boolean().meta({ description: 'Whether an agent may post journal entries directly with this key (MCP post_journal_entry) rather than propose drafts.' }),
  })
  .meta({ id: 'Whoami' });

export default function route(app: LinksApp): void {
  app.get('/api/v1/whoami', { config: { permission: 'read' }, schema: { response: { 200: single(whoami) } } }, async (request) => {
    const p = principalOf(request);
    return {
      data: {
        tenant_id: p.tenantId,
        tenant_name: p.tenantName,
        environment: p.environment,
        key_id: p.keyId,
        user_id: p.userId,
        permissions: p.permissions,
        agent_posting: mayPostDirectlyAsAgent(p),
      },
    };
  });
}
