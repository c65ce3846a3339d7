/**
 * `links start` logs as an operator reads them: the banner before any log line, then one line per
 * request with its status, duration, error code, tenant and key id — readable lines with
 * LINKS_LOG_FORMAT=pretty (what a terminal gets), JSON when stdout is a pipe.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnLinks, type LinksProcess } from './support/childProcess.js';
import { AdminClient, call } from './support/http.js';
import { newStorage, postgresAvailable, TEST_ADMIN_TOKEN, type TestStorage } from './support/linksServer.js';

const ephemeralPorts = { LINKS_PRODUCTION_PORT: '0', LINKS_SANDBOX_PORT: '0', LINKS_CONSOLE_PORT: '0' };

/** Starts `links start`, makes a tenant with a sandbox key, and posts an entry the books refuse. */
async function refusedEntry(env: Record<string, string>) {
  const proc = spawnLinks({ ...ephemeralPorts, LINKS_ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...env });
  const sandbox = (await proc.waitFor(/sandbox API\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/, 300_000))[1]!;
  const consoleUrl = (await proc.waitFor(/console\s+(http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  const admin = new AdminClient(consoleUrl, TEST_ADMIN_TOKEN);
  const tenant = await admin.createTenant('Logged');
  const user = await admin.createUser('ops@logged.example');
  await admin.addMember(tenant.id, user.id, 'owner');
  const key = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id });
  const entry = { date: '2026-01-05', description: 'No such account', currency: 'USD', lines: [{ account: '9999', debit: '1.00' }, { account: '9998', credit: '1.00' }] };
  const refused = await call(sandbox, 'POST', '/api/v1/journal-entries', { token: key.key, body: entry });
  expect(refused.status).toBe(422);
  expect(refused.body.error.code).toBe('unknown_account');
  return { proc, tenant, key, requestId: refused.headers.get('request-id')! };
}

/** The banner is the first thing printed: no log line before it. */
function expectBannerFirst(proc: LinksProcess) {
  expect(proc.output().startsWith('\nLinks is running.\n')).toBe(true);
}

describe.skipIf(!postgresAvailable())('links start logs', () => {
  const storages: TestStorage[] = [];
  const running: LinksProcess[] = [];
  const storage = () => {
    const s = newStorage();
    storages.push(s);
    return s;
  };
  afterAll(async () => {
    for (const proc of running) {
      if (proc.child.exitCode === null) {
        proc.child.kill('SIGTERM');
        await proc.exited;
      }
    }
    for (const s of storages) await s.destroy();
  });

  it('LINKS_LOG_FORMAT=pretty: one readable line per request; a refused entry shows its code, tenant and key', async () => {
    const { proc, tenant, key, requestId } = await refusedEntry({ ...storage().env, LINKS_LOG_FORMAT: 'pretty' });
    running.push(proc);
    const line = (await proc.waitFor(new RegExp(`^.*${requestId}$`, 'm')))[0];
    expect(line).toMatch(
      new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z WARN  sandbox POST /api/v1/journal-entries 422 [\\d.]+ms unknown_account tenant=${tenant.id} key=${key.id} ${requestId}$`),
    );
    expect(proc.output().split(requestId).length - 1).toBe(1); // one line for the request, not two
    expectBannerFirst(proc);
    // Operator calls are logged as the admin's, without a tenant.
    expect(proc.output()).toMatch(/ INFO {2}console POST \/admin\/v1\/tenants 201 [\d.]+ms tenant=- key=admin req_/);
    expect(proc.output()).not.toMatch(/^\{/m);
  }, 400_000);

  it('stdout not a terminal: JSON lines with ISO times, the same fields, after the banner', async () => {
    const { proc, tenant, key, requestId } = await refusedEntry(storage().env);
    running.push(proc);
    await proc.waitFor(new RegExp(requestId));
    expectBannerFirst(proc);
    const logLines = proc.output().split('\n').filter((l) => l.startsWith('{'));
    const entries = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const refused = entries.filter((e) => e.reqId === requestId);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ level: 'warn', listener: 'sandbox', method: 'POST', path: '/api/v1/journal-entries', status: 422, code: 'unknown_account', tenant_id: tenant.id, key_id: key.id });
    expect(refused[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(entries.some((e) => e.msg === 'sandbox API listening at ' + (e.msg as string).split(' at ')[1])).toBe(true);
  }, 400_000);
});
