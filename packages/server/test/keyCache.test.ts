/**
 * The key verification cache of one process, on a real control database: an entry older than the
 * maximum age is looked up again (so a change that bypassed the polled stamps is still seen), and
 * a load that an eviction overtook is not cached. The real lookup is held after the database has
 * answered, so the race plays out deterministically; a fake monotonic clock stands in for the wait. (Across processes and clocks: test/postgres/keyCacheProcesses.test.ts.)
 */
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyAuthenticator } from '../src/auth/apiKeyAuthenticator.js';
import { loadConfig } from '../src/config/config.js';
import { createApiKey, revokeApiKey } from '../src/controlPlane/apiKeys.js';
import { addMember } from '../src/controlPlane/memberships.js';
import { createTenant } from '../src/controlPlane/tenants.js';
import { createUser } from '../src/controlPlane/users.js';
import type { WriteContext } from '../src/domain/audit.js';
import type { ControlDatabase } from '../src/storage/controlSchema.js';
import { openDatabase, type DatabaseHandle } from '../src/storage/database.js';
import { findVerifiedKey, type FindVerifiedKey } from '../src/storage/keyVerification.js';
import { newStorage, postgresAvailable, type TestStorage } from './support/linksServer.js';

const OPERATOR: WriteContext = { actor: { type: 'admin', id: 'admin' }, requestId: 'req_keycache' };
const MAX_AGE_MS = 60_000;

/** The real lookup; its first answer (once the database has given it) is held until released. */
function heldLookup() {
  let release: () => void = () => {};
  let reached: () => void = () => {};
  let holding = true;
  const answered = new Promise<void>((resolve) => (reached = resolve));
  const find: FindVerifiedKey = async (control, secretHash) => {
    const key = await findVerifiedKey(control, secretHash);
    if (!holding) return key;
    holding = false;
    await new Promise<void>((resolve) => {
      release = resolve;
      reached();
    });
    return key;
  };
  return { find, answered, release: () => release() };
}

describe.skipIf(!postgresAvailable())('key verification cache', () => {
  let storage: TestStorage;
  let handle: DatabaseHandle<ControlDatabase>;
  let tenantId: string;
  let userId: string;

  beforeAll(async () => {
    storage = newStorage();
    handle = await openDatabase<ControlDatabase>('control', loadConfig(storage.env));
    tenantId = (await createTenant(handle.db, OPERATOR, { name: 'Cached' })).id;
    userId = (await createUser(handle.db, OPERATOR, { email: 'cached@keys.example', name: 'Cached' })).id;
    await addMember(handle.db, OPERATOR, tenantId, { user_id: userId, role: 'owner' });
  });
  afterAll(async () => {
    await handle?.close();
    await storage?.destroy();
  });

  const newKey = () => createApiKey(handle.db, OPERATOR, tenantId, { environment: 'sandbox', user_id: userId });
  const bearer = (key: string) => `Bearer ${key}`;

  it('an entry older than the maximum age is looked up again: a role changed behind every stamp is seen', async () => {
    let now = 0;
    const authenticator = new ApiKeyAuthenticator(handle.db, { pollMs: 250, maxAgeMs: MAX_AGE_MS, now: () => now }, pino({ level: 'silent' }));
    const key = await newKey();
    expect((await authenticator.authenticate(bearer(key.key), 'sandbox')).permissions).toEqual(['read', 'write']);
    // A DBA's direct update: no updated_at stamp for any poll to find, no listener told.
    await sql`UPDATE memberships SET role = 'viewer' WHERE tenant_id = ${tenantId} AND user_id = ${userId}`.execute(handle.db);
    try {
      now = MAX_AGE_MS - 1;
      expect((await authenticator.authenticate(bearer(key.key), 'sandbox')).permissions).toEqual(['read', 'write']); // still cached
      now = MAX_AGE_MS;
      expect((await authenticator.authenticate(bearer(key.key), 'sandbox')).permissions).toEqual(['read']);
    } finally {
      await sql`UPDATE memberships SET role = 'owner' WHERE tenant_id = ${tenantId} AND user_id = ${userId}`.execute(handle.db);
    }
  });

  it('a load in flight when its key is revoked answers its own request but is not cached', async () => {
    const held = heldLookup();
    const authenticator = new ApiKeyAuthenticator(handle.db, { pollMs: 250, maxAgeMs: MAX_AGE_MS, find: held.find }, pino({ level: 'silent' }));
    const key = await newKey();
    const racing = authenticator.authenticate(bearer(key.key), 'sandbox');
    await held.answered; // the database has answered with the key as it was: not revoked
    await revokeApiKey(handle.db, OPERATOR, key.id, authenticator); // evicts while that load is still in flight
    held.release();
    expect((await racing).keyId).toBe(key.id); // began before the revocation committed
    await expect(authenticator.authenticate(bearer(key.key), 'sandbox')).rejects.toThrow(/revoked/);
  });
});
