/**
 * `links start` as an operator runs it: the first-run banner, graceful shutdown on SIGTERM, one
 * clear line and a non-zero exit for bad configuration or a busy port, and logs free of secrets.
 */
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnLinks } from './support/childProcess.js';
import { AdminClient, call } from './support/http.js';
import { backend, newStorage, postgresAvailable, type TestStorage } from './support/linksServer.js';

const ephemeralPorts = { LINKS_PRODUCTION_PORT: '0', LINKS_SANDBOX_PORT: '0', LINKS_CONSOLE_PORT: '0' };

describe.skipIf(!postgresAvailable())('links start', () => {
  const storages: TestStorage[] = [];
  const storage = () => {
    const s = newStorage();
    storages.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of storages) await s.destroy();
  });

  it('prints the endpoints, the storage and the generated admin token once; serves; stops cleanly on SIGTERM', async () => {
    const env: Record<string, string> = { ...ephemeralPorts, ...storage().env };
    const links = spawnLinks(env);
    await links.waitFor(/Links is running\./);
    const production = (await links.waitFor(/production API\s+(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/))[1]!;
    const sandbox = (await links.waitFor(/sandbox API\s+(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/))[1]!;
    const consoleUrl = (await links.waitFor(/console\s+(http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    const token = (await links.waitFor(/(lk_admin_[0-9A-Za-z]{49})/))[1]!;
    if (backend === 'pglite') {
      expect(links.output()).toContain(`data directory  ${env.LINKS_DATA_DIR}`);
      expect(links.output()).toMatch(/saved to .*admin-token \(mode 0600\)/);
    } else {
      expect(links.output()).toMatch(/database\s+postgres:\/\//);
    }

    for (const origin of [production, sandbox].map((u) => u.replace('/api/v1', '')).concat(consoleUrl)) {
      expect((await call(origin, 'GET', '/healthz')).status).toBe(200);
    }
    const admin = new AdminClient(consoleUrl, token);
    const tenant = await admin.createTenant('CLI');
    const user = await admin.createUser('cli@cli.example');
    await admin.addMember(tenant.id, user.id, 'owner');
    const key = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id });
    const origin = sandbox.replace('/api/v1', '');
    expect((await call(origin, 'GET', '/api/v1/whoami', { token: key.key })).status).toBe(200);
    expect((await call(origin, 'GET', `/api/v1/whoami?apiKey=${key.key}`)).status).toBe(401);
    expect((await call(origin, 'GET', '/api/v1/whoami', { token: key.key.slice(0, -1) })).status).toBe(401);

    links.child.kill('SIGTERM');
    expect(await links.exited).toBe(0);
    const output = links.output();
    expect(output).toContain('shutting down');
    expect(output).not.toContain(key.key.slice(11));
    expect(output.split(token).length - 1).toBe(1); // the banner, once
    expect(output).toContain('[REDACTED]');
  });

  it('exits non-zero with one line for a bad configuration value', async () => {
    const links = spawnLinks({ ...storage().env, LINKS_PRODUCTION_PORT: 'eighty' });
    expect(await links.exited).toBe(1);
    expect(links.output().trim()).toBe('links: LINKS_PRODUCTION_PORT must be a port number from 0 to 65535 (got "eighty")');
  });

  it('exits non-zero with one line in PostgreSQL mode without LINKS_SECRETS_KEY, before touching any database or key file', async () => {
    const links = spawnLinks({ ...ephemeralPorts, LINKS_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/links', LINKS_DATA_DIR: storage().env.LINKS_DATA_DIR ?? '' });
    expect(await links.exited).toBe(1);
    expect(links.output().trim()).toBe(
      'links: LINKS_SECRETS_KEY is required with LINKS_DATABASE_URL (every process sharing the database seals connection secrets with it); make one with `openssl rand -base64 32`',
    );
  });

  it('exits non-zero with one line when a port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const links = spawnLinks({ ...ephemeralPorts, ...storage().env, LINKS_SANDBOX_PORT: String(port) });
      expect(await links.exited).toBe(1);
      expect(links.output().trim().split('\n').at(-1)).toBe(`links: port ${port} (sandbox API) is already in use: stop what holds it or set LINKS_SANDBOX_PORT`);
    } finally {
      blocker.close();
    }
  });
});
