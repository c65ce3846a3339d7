/** `whoami`: the tenant environment and key the connection acts as, and what it may do. */
import { z } from 'zod';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';

export default defineTool({
  name: 'whoami',
  title: 'Who am I',
  description: `The tenant, environment (sandbox or production) and API key this connection acts as, and its permissions. ${READ_ONLY_NOTE}`,
  input: z.object({}),
  output: z.object({
    tenant_id: z.string(),
    tenant_name: z.string(),
    environment: z.enum(['production', 'sandbox']),
    key_id: z.string(),
    user_id: z.string(),
    permissions: z.array(z.enum(['read', 'write'])),
  }),
  annotations: READ_ONLY,
  permission: 'read',
  async run({ principal }) {
    return {
      tenant_id: principal.tenantId,
      tenant_name: principal.tenantName,
      environment: principal.environment,
      key_id: principal.keyId,
      user_id: principal.userId,
      permissions: principal.permissions,
    };
  },
});
