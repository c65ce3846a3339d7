/** `links drafts list|show|propose|approve|reject` as a user runs them, against a running server, with tables and --json. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runLinks, type LinksRun } from './support/childProcess.js';
import { AdminClient, call } from './support/http.js';
import { postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';

function json<T = any>(run: LinksRun): T {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

describe.skipIf(!postgresAvailable())('links drafts', () => {
  let links: TestLinks;
  let key: string;

  useTestServer(async (started) => {
    links = started;
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const tenant = await admin.createTenant(`CLI drafts ${randomBytes(3).toString('hex')}`);
    const user = await admin.createUser(`cli-drafts-${randomBytes(3).toString('hex')}@cli.example`);
    await admin.addMember(tenant.id, user.id, 'owner');
    key = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key;
    for (const account of [{ code: '1000', name: 'Cash', type: 'asset' }, { code: '6000', name: 'Rent', type: 'expense' }]) {
      await call(links.url('sandbox'), 'POST', '/api/v1/accounts', { token: key, body: account });
    }
  });

  const drafts = (args: string[]) => runLinks(['drafts', ...args], { LINKS_API_KEY: key, LINKS_SANDBOX_URL: links.url('sandbox'), LINKS_PRODUCTION_URL: links.url('production') });
  const entryCount = async () => (await call(links.url('sandbox'), 'GET', '/api/v1/journal-entries?limit=1', { token: key })).body.totalResults;

  it('proposes (nothing posts), shows the impact, lists, approves once and rejects', async () => {
    const propose = ['propose', '--date', '2026-11-01', '--description', 'November rent', '--currency', 'USD', '--line', '6000:debit:1200.00', '--line', '1000:credit:1200.00'];
    const draft = json(await drafts([...propose, '--json']));
    expect(draft).toMatchObject({ status: 'pending_approval', impact: [{ account: '6000', before: '0.00', after: '1200.00' }, { account: '1000', before: '0.00', after: '-1200.00' }] });
    expect(await entryCount()).toBe(0);

    const shown = await drafts(['show', draft.id]);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/│ status\s+│ pending_approval\s+│/);
    expect(shown.stdout).toMatch(/│ 1000\s+│ USD\s+│\s+0\.00 │\s+-1200\.00 │/);

    const table = await drafts(['list', '--status', 'pending_approval']);
    expect(table.stdout).toMatch(new RegExp(`│ ${draft.id} │ pending_approval │ 2026-11-01 │ November rent\\s+│ USD\\s+│\\s+1200\\.00 │ api\\s+│`));

    const posted = json(await drafts(['approve', draft.id, '--json']));
    expect(posted).toMatchObject({ status: 'posted', date: '2026-11-01' });
    expect(json(await drafts(['approve', draft.id, '--json'])).id).toBe(posted.id);
    expect(await entryCount()).toBe(1);
    expect(json(await drafts(['show', draft.id, '--json']))).toMatchObject({ status: 'approved', journal_entry_id: posted.id });

    const other = json(await drafts([...propose, '--json']));
    const rejected = json(await drafts(['reject', other.id, '--reason', 'Already paid', '--json']));
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Already paid' });
    expect(json<any[]>(await drafts(['list', '--status', 'rejected', '--json'])).map((d) => d.id)).toEqual([other.id]);
    expect(json<any[]>(await drafts(['list', '--json'])).map((d) => d.id)).toEqual([other.id, draft.id]);
  });

  it('fails in one line: refused entries, missing options, approving a rejected draft', async () => {
    const unbalanced = await drafts(['propose', '--date', '2026-11-02', '--description', 'Off', '--currency', 'USD', '--line', '6000:debit:10.00', '--line', '1000:credit:9.00']);
    expect(unbalanced.status).toBe(1);
    expect(unbalanced.stderr).toBe('links: debits (10.00) do not equal credits (9.00) (unbalanced_entry)\n');
    const missing = await drafts(['propose', '--description', 'x', '--currency', 'USD']);
    expect(missing.stderr).toMatch(/^links: drafts propose: missing --date/);
    const rejected = json<any[]>(await drafts(['list', '--status', 'rejected', '--json']))[0];
    const approve = await drafts(['approve', rejected.id]);
    expect(approve.status).toBe(1);
    expect(approve.stderr).toMatch(/^links: .*was rejected.* \(conflict\)\n$/);
    const noReason = await drafts(['reject', rejected.id]);
    expect(noReason.status).toBe(1);
    expect(noReason.stderr).toMatch(/--reason/);
  });
});
