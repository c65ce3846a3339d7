/** Response shapes of the control plane (docs/api.md, operator API). */
import { z } from 'zod';
import { ENVIRONMENTS, PERMISSIONS, ROLES } from '../../domain/tenancy.js';
import { timestamp } from './common.js';

export const environment = z.enum(ENVIRONMENTS);
export const role = z.enum(ROLES);
export const permission = z.enum(PERMISSIONS);

export const tenant = z.object({ id: z.string(), name: z.string(), created_at: timestamp }).meta({ id: 'Tenant' });

export const user = z.object({ id: z.string(), email: z.string(), name: z.string(), created_at: timestamp }).meta({ id: 'User' });

export const membership = z
  .object({ tenant_id: z.string(), user_id: z.string(), role, created_at: timestamp, updated_at: timestamp })
  .meta({ id: 'Membership' });

const apiKeyFields = {
  id: z.string(),
  tenant_id: z.string(),
  environment,
  user_id: z.string(),
  name: z.string().nullable(),
  permissions: z.array(permission),
  last4: z.string(),
  created_at: timestamp,
  expires_at: timestamp.nullable(),
  revoked_at: timestamp.nullable(),
  last_used_at: timestamp.nullable(),
  replaced_by: z.string().nullable(),
};

export const apiKey = z.object(apiKeyFields).meta({ id: 'ApiKey' });

export const issuedApiKey = z
  .object({ ...apiKeyFields, key: z.string().describe('The plaintext key: shown once, never again.') })
  .meta({ id: 'IssuedApiKey' });

export const auditEvent = z
  .object({
    id: z.string(),
    at: timestamp,
    tenant_id: z.string().nullable(),
    environment: environment.nullable(),
    actor: z.object({ type: z.enum(['api_key', 'admin', 'user', 'system']), id: z.string() }),
    action: z.string(),
    resource_type: z.string(),
    resource_id: z.string(),
    request_id: z.string(),
  })
  .meta({ id: 'AuditEvent' });
