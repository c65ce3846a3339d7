/**
 * Isolation over random worlds: fast-check builds worlds of 2–3 tenants whose members
 * hold random roles (one user may belong to all of them), each member with a key in both
 * environments, and books in every tenant environment — with the same account codes everywhere, or
 * not. Then every key calls every data-plane route with every other tenant environment's ids: the
 * answer is its own data, 403 or 404, never a 5xx and never a byte of the other's data. Seeded, so
 * a failure replays.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/tenancy.js';
import { AdminClient, call } from '../support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';

type Env = 'sandbox' | 'production';

interface Books {
  tenantId: string;
  env: Env;
  ids: string[];
  cash: string;
  entryId: string;
  subledger: string;
  head: string;
}

interface Key {
  tenantId: string;
  env: Env;
  token: string;
  write: boolean;
}

const worlds = fc.record({
  tenants: fc.array(fc.array(fc.constantFrom(...ROLES), { minLength: 0, maxLength: 2 }), { minLength: 2, maxLength: 3 }),
  sharedUser: fc.boolean(),
  sameCodes: fc.boolean(),
});

describe.skipIf(!postgresAvailable())('isolation over random worlds', () => {
  let links: TestLinks;
  useTestServer((started) => {
    links = started;
  });

  it('no key reaches another tenant environment, whatever the world', { timeout: 300_000 }, async () => {
    let attempts = 0;
    await fc.assert(
      fc.asyncProperty(worlds, async (world) => {
        const admin = new AdminClient(links.url('console'), links.adminToken);
        const run = randomBytes(3).toString('hex');
        const shared = world.sharedUser ? await admin.createUser(`shared-${run}@worlds.example`) : undefined;
        const keys: Key[] = [];
        const books: Books[] = [];
        for (const [t, roles] of world.tenants.entries()) {
          const tenant = await admin.createTenant(`World ${run} ${t}`);
          // The first member owns the tenant (someone must be able to write its books).
          for (const [m, role] of ['owner' as const, ...roles].entries()) {
            const user = m === 0 && shared ? shared : await admin.createUser(`u${t}-${m}-${run}@worlds.example`);
            await admin.addMember(tenant.id, user.id, role);
            for (const env of ['sandbox', 'production'] as const) {
              const key = await admin.createKey(tenant.id, { environment: env, user_id: user.id });
              keys.push({ tenantId: tenant.id, env, token: key.key, write: key.permissions.includes('write') });
            }
          }
          for (const env of ['sandbox', 'production'] as const) {
            const owner = keys.find((k) => k.tenantId === tenant.id && k.env === env && k.write)!;
            books.push(await setUpBooks(links, owner, world.sameCodes ? '' : `T${t}${env[0]}`));
          }
        }
        for (const key of keys) {
          // The other environment's endpoint refuses the key outright.
          const elsewhere = await call(links.url(key.env === 'sandbox' ? 'production' : 'sandbox'), 'GET', '/api/v1/whoami', { token: key.token });
          expect(elsewhere.status).toBe(403);
          attempts += 1;
          for (const foreign of books.filter((b) => !(b.tenantId === key.tenantId && b.env === key.env))) {
            for (const [method, path] of foreignRequests(foreign)) {
              const answer = await call(links.url(key.env), method, path, { token: key.token, body: method === 'POST' ? {} : undefined });
              attempts += 1;
              expect([200, 403, 404], `${method} ${path}: ${answer.text.slice(0, 200)}`).toContain(answer.status);
              if (method === 'POST') expect(answer.status).toBe(key.write ? 404 : 403);
              // An error may echo what the caller itself sent (the id in its path), nothing else.
              // The tenant's own id is no secret to its other environment.
              const secrets = [...foreign.ids, foreign.head].filter((s) => !path.includes(s) && s !== key.tenantId);
              for (const secret of secrets) {
                expect(answer.text, `${method} ${path} leaked ${secret}`).not.toContain(secret);
              }
            }
          }
        }
      }),
      { numRuns: 3, seed: 20261201 },
    );
    console.info(`reliability | isolation (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | 3 random worlds, every key × every foreign book | ${attempts} cross-tenant or cross-environment requests | 0 leaked, 0 errors`);
  });
});

/** Every data-plane read, and a write, aimed at another tenant environment's resources. */
function foreignRequests(b: Books): Array<['GET' | 'POST', string]> {
  return [
    ['GET', `/api/v1/journal-entries/${b.entryId}`],
    ['POST', `/api/v1/journal-entries/${b.entryId}/reverse`],
    ['GET', `/api/v1/accounts/${b.cash}`],
    ['GET', `/api/v1/accounts/${b.cash}/balance`],
    ['GET', `/api/v1/accounts/${b.cash}/lines`],
    ['GET', `/api/v1/subledgers/${b.subledger}`],
    ['GET', `/api/v1/subledgers/${b.subledger}/balances`],
    ['GET', `/api/v1/journal-entries?limit=100&account=${b.cash}`],
    ['GET', '/api/v1/accounts?limit=100'],
    ['GET', '/api/v1/subledgers?limit=100'],
    ['GET', '/api/v1/periods'],
    ['GET', '/api/v1/audit-events?limit=100'],
    ['GET', '/api/v1/reports/trial-balance?currency=USD'],
    ['GET', '/api/v1/reports/balance-sheet?currency=USD'],
    ['GET', '/api/v1/reports/income-statement?currency=USD'],
    ['GET', '/api/v1/ledger/verify'],
    ['GET', '/api/v1/whoami'],
  ];
}

async function setUpBooks(links: TestLinks, key: Key, prefix: string): Promise<Books> {
  const api = async (method: string, path: string, body?: unknown) => {
    const answer = await call(links.url(key.env), method, path, { token: key.token, body });
    if (answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status} ${answer.text}`);
    return answer.body.data;
  };
  const cash = await api('POST', '/api/v1/accounts', { code: `${prefix}1000`, name: 'Cash', type: 'asset' });
  const receivable = await api('POST', '/api/v1/accounts', { code: `${prefix}1100`, name: 'Receivable', type: 'asset' });
  const revenue = await api('POST', '/api/v1/accounts', { code: `${prefix}4000`, name: 'Revenue', type: 'revenue' });
  await api('POST', '/api/v1/subledgers', { code: `${prefix}CUS`, name: 'Customers', control_account: receivable.code });
  const entry = await api('POST', '/api/v1/journal-entries', {
    date: '2026-07-01',
    description: 'Invoice',
    currency: 'USD',
    lines: [
      { account: receivable.code, debit: '12.00', subledger_account: `cus_${randomBytes(4).toString('hex')}` },
      { account: revenue.code, credit: '12.00' },
    ],
  });
  await api('POST', '/api/v1/journal-entries', {
    date: '2026-07-02',
    description: 'Cash sale',
    currency: 'USD',
    lines: [
      { account: cash.code, debit: '3.00' },
      { account: revenue.code, credit: '3.00' },
    ],
  });
  const verify = await api('GET', '/api/v1/ledger/verify');
  return { tenantId: key.tenantId, env: key.env, ids: [key.tenantId, cash.id, receivable.id, revenue.id, entry.id], cash: cash.code, entryId: entry.id, subledger: `${prefix}CUS`, head: verify.head };
}
