/**
 * A GL connection's credentials at rest: JSON sealed with the process's secrets key (sources/secretBox.ts),
 * bound to the tenant and connection. Opened in memory only, for one step of the engine or one call.
 */
import type { Kysely } from 'kysely';
import { recordDataEvent } from '../audit/environmentAudit.js';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';
import { updateGlConnection, type GlConnectionRecord } from '../storage/glTransfers.js';
import { inTenantTransaction } from '../storage/tenantScope.js';
import { openSecret, sealSecret, SecretBoxError } from '../sources/secretBox.js';

export function sealGlCredentials(tenantId: string, connectionId: string, credentials: Record<string, unknown>, secretsKey: () => Buffer): string {
  return sealSecret(JSON.stringify(credentials), secretsKey(), { tenantId, connectionId });
}

/** The credentials, or undefined when this process's key cannot open them (altered, another key). */
export function tryOpenGlCredentials(connection: Pick<GlConnectionRecord, 'tenant_id' | 'id' | 'sealed_credentials'>, secretsKey: () => Buffer): Record<string, unknown> | undefined {
  try {
    return JSON.parse(openSecret(connection.sealed_credentials, secretsKey(), { tenantId: connection.tenant_id, connectionId: connection.id })) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof SecretBoxError || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** For the engine: credentials that will not open put the connection in `error` (audited) and send nothing. */
export async function openGlCredentials(db: Kysely<EnvironmentDatabase>, tenantId: string, connection: GlConnectionRecord, secretsKey: () => Buffer, now: Date): Promise<Record<string, unknown> | undefined> {
  const credentials = tryOpenGlCredentials(connection, secretsKey);
  if (credentials) return credentials;
  await inTenantTransaction(db, tenantId, async (trx) => {
    await updateGlConnection(trx, connection.id, { status: 'error' }, now);
    await recordDataEvent(trx, tenantId, { actor: { type: 'system', id: 'gl-transfer-engine' }, requestId: `gl_${connection.id}` }, { action: 'gl_connection.credentials_unreadable', resourceType: 'gl_connection', resourceId: connection.id });
  });
  return undefined;
}
