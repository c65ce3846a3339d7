/**
 * Sealed connection strings (issue 12 §6): a sealed value is bound to its tenant and connection, so
 * one copied by the database owner into another row does not open there; a value sealed before the
 * binding existed still opens and is sealed again, bound, by the next sync; a server whose key cannot
 * open a value answers a clear 400, never a raw 500; connection strings never reach the logs.
 */
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { createCipheriv } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSecretsKey, sealSecret } from '../src/sources/secretBox.js';
import { asDatabaseOwner } from './support/databaseOwner.js';
import { newStorage, plantedSecrets, startTestLinks, type TestLinks, type TestStorage } from './support/linksServer.js';
import { createLedgerTenant, Ledger } from './ledger/ledgerClient.js';

const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;
plantedSecrets.push(PASSWORD);
/** Nothing listens on port 1: a connection string that opens fails to connect, one that does not open fails before. */
const CONNECTION_STRING = `postgres://reader:${PASSWORD}@127.0.0.1:1/books`;
const MAPPING = { model: 'customer', source_system: 'billing', fields: { source_id: 'id', email: 'email', name: 'name' } };

/** As the code before the binding sealed: `v1.`, no associated data. */
function sealV1(plaintext: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
}

describe('sealed connection strings', () => {
  const storage: TestStorage = newStorage();
  let links: TestLinks;
  const tenants: Record<'a' | 'b', { id: string; ledger: Ledger }> = {} as never;
  const ids = { a1: uuidv7(), a2: uuidv7(), a3: uuidv7(), b1: uuidv7() };

  /** A ledger of the tenant on the running server (ports change on each restart). */
  const on = (tenant: 'a' | 'b') => new Ledger(links.url('sandbox'), tenants[tenant].ledger.key, tenants[tenant].ledger.keyId, tenants[tenant].id);
  const sync = (tenant: 'a' | 'b', id: string) => on(tenant).post(`/external-connections/${id}/sync`);

  beforeAll(async () => {
    links = await startTestLinks({ storage });
    for (const name of ['a', 'b'] as const) {
      const created = await createLedgerTenant(links, `Secrets ${name}`);
      tenants[name] = { id: created.tenantId, ledger: created.sandbox };
    }
    await links.stop();
    const key = loadSecretsKey({ secretsKey: storage.env.LINKS_SECRETS_KEY, dataDir: storage.env.LINKS_DATA_DIR });
    const sealedForA1 = sealSecret(CONNECTION_STRING, key, { tenantId: tenants.a.id, connectionId: ids.a1 });
    const rows: Array<[string, string, string, string]> = [
      [tenants.a.id, ids.a1, 'a1 own', sealedForA1],
      [tenants.a.id, ids.a2, 'a2 copied from a1', sealedForA1],
      [tenants.a.id, ids.a3, 'a3 sealed the old way', sealV1(CONNECTION_STRING, key)],
      [tenants.b.id, ids.b1, 'b1 copied from tenant a', sealedForA1],
    ];
    // As the database owner (or someone with its password) would: straight into the table.
    await asDatabaseOwner(storage, 'sandbox', async (owner) => {
      for (const [tenantId, id, name, sealed] of rows) {
        await owner.query(
          `INSERT INTO external_connections (tenant_id, id, name, type, status, sealed_secret, source, mapping, created_at, updated_at)
           VALUES ($1, $2, $3, 'postgres', 'ready', $4, '{"table":"billing.customers"}', $5, now(), now())`,
          [tenantId, id, name, sealed, JSON.stringify(MAPPING)],
        );
      }
    });
    links = await startTestLinks({ storage });
  });

  afterAll(async () => {
    await links?.stop();
    await storage.destroy();
  });

  it('opens a value in its own row: the sync gets as far as connecting', async () => {
    const own = await sync('a', ids.a1);
    expect(own.status, own.text).toBe(400);
    expect(own.body.error.code).toBe('invalid_request');
    expect(own.body.error.message).toMatch(/The source cannot be read/);
  });

  it.each([
    ['another connection of the same tenant', 'a', 'a2'],
    ['a connection of another tenant', 'b', 'b1'],
  ] as const)('a value copied into %s does not open there: a clear 400, not a connection', async (_case, tenant, id) => {
    const copied = await sync(tenant, ids[id]);
    expect(copied.status, copied.text).toBe(400);
    expect(copied.body.error).toMatchObject({ code: 'invalid_request', details: [{ path: 'connection_string', message: 'cannot be opened; send it again' }] });
    expect(copied.body.error.message).toMatch(/cannot be opened with this server's LINKS_SECRETS_KEY/);
    expect(copied.text).not.toContain(PASSWORD);
  });

  it('a value sealed the old way (v1, unbound) still opens, and the sync seals it again bound to its row', async () => {
    const old = await sync('a', ids.a3);
    expect(old.status, old.text).toBe(400);
    expect(old.body.error.message).toMatch(/The source cannot be read/);
    await links.stop();
    const [row] = await asDatabaseOwner(storage, 'sandbox', (owner) => owner.query<{ sealed_secret: string }>('SELECT sealed_secret FROM external_connections WHERE id = $1', [ids.a3]));
    expect(row!.sealed_secret).toMatch(/^v2\./);
    links = await startTestLinks({ storage });
    expect((await sync('a', ids.a3)).body.error.message).toMatch(/The source cannot be read/);
  });

  it('a server with another LINKS_SECRETS_KEY answers a clear 400 on sync and schema, never a raw 500', async () => {
    await links.stop();
    links = await startTestLinks({ storage, env: { LINKS_SECRETS_KEY: randomBytes(32).toString('base64') } });
    for (const response of [await sync('a', ids.a1), await on('a').get(`/external-connections/${ids.a1}/schema`)]) {
      expect(response.status, response.text).toBe(400);
      expect(response.body.error.details).toEqual([{ path: 'connection_string', message: 'cannot be opened; send it again' }]);
    }
    // Sending the connection string again heals it.
    const healed = await on('a').request('PUT', `/external-connections/${ids.a1}`, { connection_string: CONNECTION_STRING });
    expect(healed.status, healed.text).toBe(400);
    expect(healed.body.error.message).toMatch(/The source cannot be read/);
  });

  it('never writes a connection string sent in a body to the logs', async () => {
    const ledger = on('a');
    await ledger.post('/external-connections', { name: 'unreachable', type: 'postgres', connection_string: CONNECTION_STRING, table: 'billing.customers' });
    await ledger.post('/external-connections', { name: 'bad', type: 'postgres', connection_string: CONNECTION_STRING, table: 'x', surprise: CONNECTION_STRING });
    await ledger.post('/external-connections', { name: 'csv', type: 'csv', csv: 'id\n1\n', connection_string: CONNECTION_STRING });
    await ledger.post('/external-connections', { name: 7, connection_string: { nested: CONNECTION_STRING } });
    expect(links.logs.join('')).not.toContain(PASSWORD);
  });
});
