/**
 * The pipeline's commands as a user runs them: `links sync CONNECTION` (a job, then the report),
 * `links accounting exceptions`, `links accounting run --mode retry`, `links jobs list|get`, each
 * with `--json`, and a failure as one line.
 */
import { describe, expect, it } from 'vitest';
import { runLinks, type LinksRun } from './support/childProcess.js';
import { postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';
import { createLedgerTenant, type Ledger } from './ledger/ledgerClient.js';

function json<T = any>(run: LinksRun): T {
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

describe.skipIf(!postgresAvailable())('links sync, jobs and accounting commands', () => {
  let links: TestLinks;
  let ledger: Ledger;
  const cli = (args: string[]) => runLinks(args, { LINKS_API_KEY: ledger.key, LINKS_SANDBOX_URL: links.url('sandbox') }, { timeoutMs: 120_000 });

  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'CLI pipeline')).sandbox;
  });

  it('syncs as a job, lists the exceptions, retries them after the template, and shows the jobs', { timeout: 300_000 }, async () => {
    await ledger.ok('POST', '/unified/customer', { email: 'ada@example.com', name: 'Ada', source_system: 'billing', source_id: 'cus_1' });
    const connection = await ledger.ok('POST', '/external-connections', {
      name: 'invoices',
      type: 'csv',
      csv: ['number,customer,total,currency,issued', ...Array.from({ length: 5 }, (_, i) => `INV-${i},cus_1,${100 + i}.00,USD,2026-11-15`)].join('\n'),
      mapping: { model: 'invoice', source_system: 'billing', fields: { source_id: 'number', source_system_customer_id: 'customer', amount_due: 'total', currency: 'currency', effective_date: 'issued' } },
    });

    const synced = json(await cli(['sync', connection.id, '--json']));
    expect(synced).toMatchObject({ kind: 'connection_sync', status: 'succeeded', progress: { done: 5, total: 5 }, result: { rows: 5, created: 5, rejected: 0 } });
    expect(synced.result.accounting_errors).toHaveLength(5);
    const human = await cli(['sync', connection.id]);
    expect(human.status, human.stderr).toBe(0);
    expect(human.stderr).toMatch(/^sync started as job [0-9a-f-]{36}$/m);
    expect(human.stdout).toMatch(/│ status +│ succeeded/);
    expect(human.stdout).toMatch(/│ unchanged +│ 5 /);

    const exceptions = json<any[]>(await cli(['accounting', 'exceptions', '--json']));
    expect(exceptions.map((e) => e.error.code)).toEqual(Array(5).fill('unknown_account'));

    await ledger.ok('POST', '/chart-templates/saas/apply');
    const run = json(await cli(['accounting', 'run', '--mode', 'retry', '--json']));
    expect(run).toMatchObject({ kind: 'accounting_run', status: 'succeeded', result: { records: 5, accounted: 5, errors: 0 } });
    expect(json<any[]>(await cli(['accounting', 'exceptions', '--json']))).toEqual([]);

    const jobs = json<any[]>(await cli(['jobs', 'list', '--json']));
    expect(jobs.map((j) => j.kind)).toEqual(['accounting_run', 'connection_sync', 'connection_sync']);
    expect(json(await cli(['jobs', 'get', run.id, '--json']))).toMatchObject({ id: run.id, status: 'succeeded' });
    const shown = await cli(['jobs', 'get', run.id]);
    expect(shown.stdout).toMatch(/│ accounted +│ 5 /);

    const missing = await cli(['jobs', 'get', '0190a4d2-0000-7000-8000-000000000000']);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    const noMode = await cli(['accounting', 'run']);
    expect(noMode.status).not.toBe(0);
    expect(noMode.stderr).toMatch(/--mode/);
  });
});
