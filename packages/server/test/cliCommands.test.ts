/**
 * The `links` command line against a running server, run as its own process the way a user runs
 * it: operator commands, quickstart, data commands through the SDK, `--json` output, and failures
 * as one line `links: <reason>` with a non-zero exit code. A plaintext key appears only in the
 * output of the commands that create it.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLinks, type LinksRun } from './support/childProcess.js';
import { AdminClient, call } from './support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';

/** A failure: exit 1, nothing on stdout, exactly one line on stderr. */
function expectFailure(run: LinksRun, line: RegExp | string): void {
  expect(run.status, run.stdout + run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  if (typeof line === 'string') expect(lines[0]).toBe(line);
  else expect(lines[0]).toMatch(line);
}

function json<T = any>(run: LinksRun): T {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(!postgresAvailable())('links CLI commands', () => {
  let links: TestLinks;
  let admin: AdminClient;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-cli-'));
  /** Output of every command that must not print a key, checked at the end against all issued keys. */
  const quiet: LinksRun[] = [];
  const issued: string[] = [];

  useTestServer((started) => {
    links = started;
    admin = new AdminClient(links.url('console'), links.adminToken);
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Operator env: console URL and token; LINKS_DATA_DIR points at an empty directory. */
  const operatorEnv = () => ({ LINKS_CONSOLE_URL: links.url('console'), LINKS_ADMIN_TOKEN: links.adminToken, LINKS_DATA_DIR: dataDir });
  const dataEnv = (key: string) => ({ LINKS_API_KEY: key, LINKS_SANDBOX_URL: links.url('sandbox'), LINKS_PRODUCTION_URL: links.url('production') });
  const op = async (args: string[], env: Record<string, string> = {}) => {
    const run = await runLinks(args, { ...operatorEnv(), ...env });
    if (!['create', 'rotate', 'quickstart'].some((a) => args.includes(a))) quiet.push(run);
    return run;
  };

  it('manages tenants, users, members and keys over /admin/v1, with --json and tables', async () => {
    const tenant = json(await op(['tenants', 'create', 'CLI Corp', '--json']));
    expect(tenant).toMatchObject({ name: 'CLI Corp' });
    expect(tenant.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(json(await op(['tenants', 'get', tenant.id, '--json']))).toEqual(tenant);
    const listed = json<any[]>(await op(['tenants', 'list', '--json']));
    expect(listed.map((t) => t.id)).toContain(tenant.id);

    const table = await op(['tenants', 'list']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`│ ${tenant.id} │ CLI Corp\\s+│`));
    expect(table.stdout.split('\n')[1]).toMatch(/│ id\s+│ name\s+│ created\s+│/);

    const user = json(await op(['users', 'create', 'ops@cli.example', 'Ops', '--json']));
    expect(user).toMatchObject({ email: 'ops@cli.example', name: 'Ops' });
    expect(json<any[]>(await op(['users', 'list', '--json'])).map((u) => u.email)).toContain('ops@cli.example');

    const membership = json(await op(['members', 'add', tenant.id, user.id, 'developer', '--json']));
    expect(membership).toMatchObject({ tenant_id: tenant.id, user_id: user.id, role: 'developer' });
    expect(json<any[]>(await op(['members', 'list', tenant.id, '--json']))).toEqual([expect.objectContaining({ user_id: user.id, role: 'developer' })]);

    // A developer's production key defaults to read; the sandbox key asked for read only.
    const production = json(await op(['keys', 'create', tenant.id, '--user', user.id, '--env', 'production', '--name', 'ci', '--json']));
    expect(production.key).toMatch(/^lk_production_[0-9A-Za-z]{49}$/);
    expect(production).toMatchObject({ environment: 'production', name: 'ci', permissions: ['read'] });
    const human = await op(['keys', 'create', tenant.id, '--user', user.id, '--env', 'sandbox', '--permissions', 'read', '--expires-at', '2099-01-01T00:00:00Z']);
    expect(human.status).toBe(0);
    const sandboxKey = /API key \(shown once; store it now\): (lk_sandbox_[0-9A-Za-z]{49})/.exec(human.stdout)?.[1];
    expect(sandboxKey).toBeDefined();
    expect(human.stdout).toMatch(/│ permissions\s+│ read\s+│/);
    expect(human.stdout).toMatch(/│ expires\s+│ 2099-01-01T00:00:00\.000Z\s+│/);
    issued.push(production.key, sandboxKey!);

    const byTenant = json<any[]>(await op(['keys', 'list', '--tenant', tenant.id, '--json']));
    expect(byTenant).toHaveLength(2);
    for (const key of byTenant) expect(key).not.toHaveProperty('key');
    const byUser = await op(['keys', 'list', '--user', user.id]);
    expect(byUser.status).toBe(0);
    expect(byUser.stdout).toContain(production.id);
    expect(byUser.stdout).toMatch(new RegExp(`│ ${production.id}\\s+│ production\\s+│ ${tenant.id} │ ci\\s+│ read\\s+│ ${production.last4}\\s+│ active\\s+│`));

    // Rotation prints the successor once; the old key keeps working through the grace period.
    const rotated = json(await op(['keys', 'rotate', production.id, '--grace-seconds', '60', '--json']));
    expect(rotated.key).toMatch(/^lk_production_/);
    expect(rotated.key).not.toBe(production.key);
    issued.push(rotated.key);
    expect((await call(links.url('production'), 'GET', '/api/v1/whoami', { token: production.key })).status).toBe(200);
    expect((await call(links.url('production'), 'GET', '/api/v1/whoami', { token: rotated.key })).status).toBe(200);

    const revoked = json(await op(['keys', 'revoke', rotated.id, '--json']));
    expect(revoked.id).toBe(rotated.id);
    expect(revoked.revoked_at).toEqual(expect.any(String));
    expect(revoked).not.toHaveProperty('key');
    expect((await call(links.url('production'), 'GET', '/api/v1/whoami', { token: rotated.key })).status).toBe(401);
    const statuses = json<any[]>(await op(['keys', 'list', '--tenant', tenant.id, '--json']));
    expect(statuses.find((k) => k.id === rotated.id).revoked_at).toBe(revoked.revoked_at);
  });

  it('finds the admin token in LINKS_DATA_DIR/admin-token, and fails in one line without one or with a wrong one', async () => {
    const withFile = fs.mkdtempSync(path.join(os.tmpdir(), 'links-cli-token-'));
    try {
      fs.writeFileSync(path.join(withFile, 'admin-token'), `${links.adminToken}\n`, { mode: 0o600 });
      const run = await op(['tenants', 'list', '--json'], { LINKS_ADMIN_TOKEN: '', LINKS_DATA_DIR: withFile });
      expect(Array.isArray(json(run))).toBe(true);
    } finally {
      fs.rmSync(withFile, { recursive: true, force: true });
    }
    expectFailure(
      await op(['tenants', 'list'], { LINKS_ADMIN_TOKEN: '' }),
      `links: no admin token: pass --admin-token, set LINKS_ADMIN_TOKEN, or run where ${path.join(dataDir, 'admin-token')} exists (links start writes it)`,
    );
    expectFailure(await op(['tenants', 'list', '--admin-token', 'lk_admin_wrong']), 'links: the console refused the admin token from --admin-token (unauthenticated)');
    const port = await closedPort();
    expectFailure(
      await op(['users', 'list'], { LINKS_CONSOLE_URL: `http://127.0.0.1:${port}` }),
      `links: cannot reach the console at http://127.0.0.1:${port} (connection refused): is the server running? Set --console-url or LINKS_CONSOLE_URL`,
    );
    expectFailure(await op(['tenants', 'get', 'not-a-uuid']), 'links: Invalid request: params.tenant_id: must be a UUID (invalid_request)');
    expectFailure(await op(['tenants', 'get', '01234567-89ab-7def-8123-456789abcdef']), /^links: .* \(not_found\)$/);
    expectFailure(await op(['users', 'create', 'ops@cli.example', 'Again']), /^links: .* \(conflict\)$/);
  });

  it('reports usage mistakes in one line', async () => {
    const [missing, choice, neither, noUser, unknown, grace] = await Promise.all([
      op(['tenants', 'create']),
      op(['members', 'add', 'a', 'b', 'superuser']),
      op(['keys', 'list']),
      op(['keys', 'create', 't', '--env', 'sandbox']),
      op(['tenants', 'list', '--bogus']),
      op(['keys', 'rotate', 'key_x', '--grace-seconds', 'soon']),
    ]);
    expectFailure(missing, "links: missing required argument 'name'");
    expectFailure(choice, /^links: command-argument value 'superuser' is invalid for argument 'role'\. Allowed choices are owner, admin, developer, viewer\.$/);
    expectFailure(neither, 'links: keys list: pass exactly one of --tenant <tenant_id> or --user <user_id>');
    expectFailure(noUser, "links: required option '--user <user_id>' not specified");
    expectFailure(unknown, "links: unknown option '--bogus'");
    expectFailure(grace, /^links: option '--grace-seconds <n>' argument 'soon' is invalid\. must be a whole number of seconds$/);
  });

  let sandboxKey: string;
  let productionKey: string;

  it('quickstart: a demo tenant, an owner and two working keys, printed with a curl line and an SDK snippet', async () => {
    const env = { LINKS_SANDBOX_URL: links.url('sandbox') };
    const human = await op(['quickstart'], env);
    expect(human.status, human.stderr).toBe(0);
    const shownSandbox = /sandbox key\s+(lk_sandbox_[0-9A-Za-z]{49})/.exec(human.stdout)?.[1];
    const shownProduction = /production key\s+(lk_production_[0-9A-Za-z]{49})/.exec(human.stdout)?.[1];
    expect(shownSandbox && shownProduction).toBeTruthy();
    expect(human.stdout).toContain(`curl -s ${links.url('sandbox')}/api/v1/whoami -H "Authorization: Bearer ${shownSandbox}"`);
    expect(human.stdout).toContain("import { LinksSDK } from '@links/sdk';");
    expect(human.stdout).toContain('new LinksSDK({ apiKey: process.env.LINKS_API_KEY })');
    issued.push(shownSandbox!, shownProduction!);

    const result = json(await op(['quickstart', '--json', '--tenant-name', 'Quick Co'], env));
    expect(result.tenant.name).toBe('Quick Co');
    expect(result.role).toBe('owner');
    expect(result.keys.sandbox.key).toMatch(/^lk_sandbox_/);
    expect(result.keys.production.key).toMatch(/^lk_production_/);
    expect(result.curl).toContain(result.keys.sandbox.key);
    expect(result.sdk).toContain("from '@links/sdk'");
    expect(result.endpoints.sandbox).toBe(`${links.url('sandbox')}/api/v1`);
    sandboxKey = result.keys.sandbox.key;
    productionKey = result.keys.production.key;
    issued.push(sandboxKey, productionKey);
    for (const [environment, key] of [['sandbox', sandboxKey], ['production', productionKey]] as const) {
      const whoami = await call(links.url(environment), 'GET', '/api/v1/whoami', { token: key });
      expect(whoami.body.data).toMatchObject({ tenant_id: result.tenant.id, tenant_name: 'Quick Co', environment, user_id: result.user.id, permissions: ['read', 'write'] });
    }
  });

  it('data commands: accounts, entries (posted once per Idempotency-Key), reversal, trial balance, balance', async () => {
    const data = async (args: string[], env: Record<string, string> = {}) => {
      const run = await runLinks(args, { ...dataEnv(sandboxKey), ...env });
      quiet.push(run);
      return run;
    };
    expect(json(await data(['accounts', 'create', '1000', 'Cash', 'asset', '--currency', 'USD', '--json']))).toMatchObject({ code: '1000', type: 'asset', currency: 'USD' });
    const created = await data(['accounts', 'create', '4000', 'Revenue', 'revenue']);
    expect(created.stdout).toMatch(/│ code\s+│ 4000\s+│/);
    expect(json(await data(['accounts', 'create', '4100', 'Services', 'revenue', '--parent', '4000', '--json']))).toMatchObject({ parent_code: '4000' });
    expect(json<any[]>(await data(['accounts', 'list', '--json'])).map((a) => a.code)).toEqual(['1000', '4000', '4100']);
    expect(json<any[]>(await data(['accounts', 'list', '--type', 'asset', '--json'])).map((a) => a.code)).toEqual(['1000']);
    expectFailure(await data(['accounts', 'create', '1000', 'Again', 'asset']), /^links: .* \(conflict\)$/);

    const post = ['entries', 'post', '--date', '2026-11-03', '--description', 'Invoice 7', '--currency', 'USD', '--reference', 'INV-7', '--line', '1000:debit:250.00', '--line', '4100:credit:250.00', '--idempotency-key', 'inv-7'];
    const entry = json(await data([...post, '--json']));
    expect(entry).toMatchObject({ date: '2026-11-03', reference: 'INV-7', status: 'posted' });
    expect(entry.lines.map((l: any) => [l.account, l.debit, l.credit])).toEqual([['1000', '250.00', null], ['4100', null, '250.00']]);
    const again = await data(post);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(entry.id);
    expect(again.stderr).toContain('Already posted with this Idempotency-Key (Idempotent-Replayed): nothing new was created.');

    const file = path.join(dataDir, 'entry.json');
    fs.writeFileSync(file, JSON.stringify({ date: '2026-11-04', description: 'Cash sale', currency: 'USD', lines: [{ account: '1000', debit: '50.00' }, { account: '4000', credit: '50.00' }] }));
    const fromFile = json(await data(['entries', 'post', '--file', file, '--json']));
    expect(fromFile.description).toBe('Cash sale');

    const listed = json<any[]>(await data(['entries', 'list', '--json']));
    expect(listed.map((e) => e.id).sort()).toEqual([entry.id, fromFile.id].sort());
    expect(json<any[]>(await data(['entries', 'list', '--reference', 'INV-7', '--json'])).map((e) => e.id)).toEqual([entry.id]);
    expect(json<any[]>(await data(['entries', 'list', '--limit', '1', '--json']))).toHaveLength(1);
    const table = await data(['entries', 'list', '--account', '4100']);
    expect(table.stdout).toMatch(new RegExp(`│ ${entry.id} │ 2026-11-03 │ INV-7\\s+│ Invoice 7\\s+│ USD\\s+│\\s+250\\.00 │\\s+2 │`));

    const reversal = json(await data(['entries', 'reverse', fromFile.id, '--date', '2026-11-05', '--json']));
    expect(reversal).toMatchObject({ reversal_of: fromFile.id, date: '2026-11-05' });
    expect(reversal.lines.map((l: any) => [l.account, l.debit, l.credit])).toEqual([['1000', null, '50.00'], ['4000', '50.00', null]]);
    expectFailure(await data(['entries', 'reverse', fromFile.id]), /^links: .*already reversed.* \(already_reversed\)$/);

    const trial = json(await data(['trial-balance', '--json']));
    expect(trial).toMatchObject({ currency: 'USD', total_debits: '250.00', total_credits: '250.00' });
    const trialTable = await data(['trial-balance', '--as-of', '2026-11-04']);
    expect(trialTable.stdout).toContain('Trial balance (USD) as of 2026-11-04');
    expect(trialTable.stdout).toMatch(/│\s+│ Total\s+│\s+│\s+300\.00 │\s+300\.00 │/);
    expect(json(await data(['balance', '4000', '--include-children', '--json'])).balances).toEqual([{ currency: 'USD', debits: '50.00', credits: '300.00', balance: '250.00' }]);
    const balance = await data(['balance', '1000']);
    expect(balance.stdout).toMatch(/│ USD\s+│\s+300\.00 │\s+50\.00 │\s+250\.00 │/);
    expectFailure(await data(['balance', '9999']), /^links: .*9999.* \(not_found\)$/);

    // Entries the server refuses, and a read-only production key writing.
    expectFailure(
      await data(['entries', 'post', '--date', '2026-11-06', '--description', 'Off', '--currency', 'USD', '--line', '1000:debit:10.00', '--line', '4000:credit:9.00']),
      'links: debits (10.00) do not equal credits (9.00) (unbalanced_entry)',
    );
    expectFailure(await data(['entries', 'post', '--date', '2026-11-06', '--description', 'x', '--currency', 'USD', '--line', '1000:debit:1']), /^links: entries post: an entry has at least 2 lines/);
    expectFailure(await data(['entries', 'post', '--date', '2026-11-06', '--description', 'x', '--currency', 'USD', '--line', '1000:dr:1', '--line', '4000:credit:1']), /^links: --line "1000:dr:1": write ACCOUNT:debit:AMOUNT/);
    const count = (await call(links.url('sandbox'), 'GET', '/api/v1/journal-entries?limit=1', { token: sandboxKey })).body.totalResults;
    expect(count).toBe(3);
  });

  it('data commands fail in one line for a missing, malformed, mistyped, revoked or misplaced key, or no server', async () => {
    const data = async (args: string[], env: Record<string, string>) => {
      const run = await runLinks(args, env);
      quiet.push(run);
      return run;
    };
    const urls = { LINKS_SANDBOX_URL: links.url('sandbox'), LINKS_PRODUCTION_URL: links.url('production') };
    expectFailure(await data(['accounts', 'list'], urls), 'links: no API key: pass --key or set LINKS_API_KEY (keys start with lk_sandbox_ or lk_production_)');
    expectFailure(await data(['accounts', 'list', '--key', 'sk_live_123'], urls), 'links: that is not an API key: keys are lk_sandbox_… or lk_production_… followed by 49 letters and digits');
    const mistyped = sandboxKey.slice(0, -1) + (sandboxKey.endsWith('A') ? 'B' : 'A');
    expectFailure(await data(['accounts', 'list'], { ...urls, LINKS_API_KEY: mistyped }), 'links: the API key fails its checksum: it was mistyped or cut short');

    const tenant = await admin.createTenant('Revoked');
    const user = await admin.createUser('revoked@cli.example');
    await admin.addMember(tenant.id, user.id, 'owner');
    const revoked = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id });
    await admin.revokeKey(revoked.id);
    issued.push(revoked.key);
    expectFailure(await data(['trial-balance'], { ...urls, LINKS_API_KEY: revoked.key }), /^links: the sandbox API refused the API key: .* \(unauthenticated\)$/);

    // A production key sent to the sandbox endpoint with --url.
    expectFailure(
      await data(['accounts', 'list', '--url', links.url('sandbox'), '--key', productionKey], {}),
      /^links: This API key belongs to the production environment; send it to the production endpoint, not the sandbox one \(environment_mismatch\)$/,
    );
    const port = await closedPort();
    expectFailure(
      await data(['accounts', 'list'], { LINKS_API_KEY: sandboxKey, LINKS_SANDBOX_URL: `http://127.0.0.1:${port}` }),
      `links: cannot reach the sandbox API at http://127.0.0.1:${port} (no answer): is the server running? Set --url or LINKS_SANDBOX_URL`,
    );
  });

  it('never prints a key except when creating one', () => {
    expect(issued.length).toBeGreaterThanOrEqual(7);
    expect(quiet.length).toBeGreaterThan(30);
    for (const run of quiet) {
      for (const key of issued) {
        const secret = key.slice(key.lastIndexOf('_') + 1);
        expect(run.stdout + run.stderr).not.toContain(secret.slice(0, 20));
      }
    }
  });
});
