/**
 * `links import entries FILE.csv` as a user runs it, against a real server: a summary that adds up,
 * a rejects file with each rejected entry's rows and reason, exit code 1 when anything is rejected,
 * and re-runs (after a fix, after a crash) that post nothing twice, checked through the API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runLinks, spawnLinks, type LinksRun } from './support/childProcess.js';
import { AdminClient, call } from './support/http.js';
import { backend, postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';

const HEADER = 'reference,date,description,currency,account,debit,credit,subledger_account,memo';

interface Books {
  key: string;
  env: Record<string, string>;
  api<T = any>(method: string, route: string, body?: unknown): Promise<T>;
  entryCount(): Promise<number>;
  trialBalance(): Promise<{ total_debits: string; total_credits: string; accounts: Array<{ code: string; debit: string; credit: string }> }>;
}

/** Writes a CSV of `count` two-line entries (cash against revenue), streaming; returns the total in cents. */
function writeBigCsv(file: string, count: number, prefix: string): bigint {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `${HEADER}\n`);
  let total = 0n;
  let text = '';
  for (let i = 0; i < count; i++) {
    const cents = 100 + ((i * 7919) % 99_900);
    total += BigInt(cents);
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    const date = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    text += `${prefix}-${i},${date},Invoice ${i},USD,1000,${amount},,,\n${prefix}-${i},${date},Invoice ${i},USD,4000,,${amount},,\n`;
    if (text.length > 1 << 20) {
      fs.writeSync(fd, text);
      text = '';
    }
  }
  fs.writeSync(fd, text);
  fs.closeSync(fd);
  return total;
}

function cents(total: bigint): string {
  return `${total / 100n}.${String(total % 100n).padStart(2, '0')}`;
}

function summaryOf(run: LinksRun): Record<string, unknown> {
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe.skipIf(!postgresAvailable())('links import entries', () => {
  let links: TestLinks;
  let admin: AdminClient;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-import-'));

  useTestServer((started) => {
    links = started;
    admin = new AdminClient(links.url('console'), links.adminToken);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A fresh tenant with an owner's sandbox key and a small chart: 1000 cash, 1100 receivables (sub-ledger AR), 4000 revenue, 6000 fees. */
  async function books(): Promise<Books> {
    const tag = randomBytes(4).toString('hex');
    const tenant = await admin.createTenant(`Import ${tag}`);
    const user = await admin.createUser(`import-${tag}@import.example`);
    await admin.addMember(tenant.id, user.id, 'owner');
    const key = (await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id })).key as string;
    const api = async (method: string, route: string, body?: unknown) => {
      const result = await call(links.url('sandbox'), method, `/api/v1${route}`, { token: key, body });
      if (result.status >= 300) throw new Error(`${method} ${route} → ${result.status} ${result.text}`);
      return result.body;
    };
    await api('POST', '/accounts', { code: '1000', name: 'Cash', type: 'asset', currency: 'USD' });
    await api('POST', '/accounts', { code: '1100', name: 'Receivables', type: 'asset' });
    await api('POST', '/accounts', { code: '4000', name: 'Revenue', type: 'revenue' });
    await api('POST', '/accounts', { code: '6000', name: 'Fees', type: 'expense' });
    await api('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
    return {
      key,
      env: { LINKS_API_KEY: key, LINKS_SANDBOX_URL: links.url('sandbox') },
      api,
      entryCount: async () => (await api('GET', '/journal-entries?limit=1')).totalResults,
      trialBalance: async () => (await api('GET', '/reports/trial-balance')).data,
    };
  }

  const SMALL = [
    HEADER,
    'INV-1,2026-10-01,"Invoice 1, consulting",USD,1100,120.00,,cus_1,"first ""big"" client"',
    'INV-1,2026-10-01,"Invoice 1, consulting",USD,4000,,120.00,,',
    'INV-2,2026-10-02,Invoice 2,USD,1100,80.50,,cus_2,',
    'INV-2,,,,4000,,80.50,,second invoice',
    'BAD-UNBALANCED,2026-10-03,Does not balance,USD,1000,10.00,,,',
    'BAD-UNBALANCED,2026-10-03,Does not balance,USD,4000,,9.99,,',
    'PAY-1,2026-10-04,Payment 1,USD,1000,115.00,,,',
    'PAY-1,2026-10-04,Payment 1,USD,6000,5.00,,,',
    'PAY-1,2026-10-04,Payment 1,USD,1100,,120.00,cus_1,',
    'BAD-ACCOUNT,2026-10-05,Unknown account,USD,1000,7.00,,,',
    'BAD-ACCOUNT,2026-10-05,Unknown account,USD,4999,,7.00,,',
    'BAD-PARTY,2026-10-06,No customer,USD,1100,3.00,,,',
    'BAD-PARTY,2026-10-06,No customer,USD,4000,,3.00,,',
    'BAD-AMOUNT,2026-10-07,Comma amount,USD,1000,"12,50",,,',
    'BAD-AMOUNT,2026-10-07,Comma amount,USD,4000,,"12,50",,',
    'BAD-MEMO,2026-10-07,Memo on two lines,USD,1000,1.00,,,"two-line',
    'memo"',
    'BAD-MEMO,2026-10-07,Memo on two lines,USD,4000,,1.00,,',
    'FEE-1,2026-10-08,Bank fee,USD,6000,2.00,,,',
    'FEE-1,2026-10-08,Bank fee,USD,1000,,2.00,,',
  ].join('\r\n');

  const SMALL_REJECTS = [
    `${HEADER},error`,
    'BAD-UNBALANCED,2026-10-03,Does not balance,USD,1000,10.00,,,,unbalanced_entry: debits (10.00) do not equal credits (9.99)',
    'BAD-UNBALANCED,2026-10-03,Does not balance,USD,4000,,9.99,,,unbalanced_entry: debits (10.00) do not equal credits (9.99)',
    'BAD-ACCOUNT,2026-10-05,Unknown account,USD,1000,7.00,,,,"unknown_account: no account ""4999"" in this ledger"',
    'BAD-ACCOUNT,2026-10-05,Unknown account,USD,4999,,7.00,,,"unknown_account: no account ""4999"" in this ledger"',
    'BAD-PARTY,2026-10-06,No customer,USD,1100,3.00,,,,subledger_account_required: account 1100 is a control account: name the sub-ledger account (for example the customer id)',
    'BAD-PARTY,2026-10-06,No customer,USD,4000,,3.00,,,subledger_account_required: account 1100 is a control account: name the sub-ledger account (for example the customer id)',
    'BAD-AMOUNT,2026-10-07,Comma amount,USD,1000,"12,50",,,,"invalid_amount: line 15: debit must be a decimal string such as ""12.50"" (no sign, exponent or spaces)"',
    'BAD-AMOUNT,2026-10-07,Comma amount,USD,4000,,"12,50",,,"invalid_amount: line 15: debit must be a decimal string such as ""12.50"" (no sign, exponent or spaces)"',
    'BAD-MEMO,2026-10-07,Memo on two lines,USD,1000,1.00,,,"two-line',
    'memo",invalid_request: Invalid request: lines.0.memo: must not contain control characters.',
    'BAD-MEMO,2026-10-07,Memo on two lines,USD,4000,,1.00,,,invalid_request: Invalid request: lines.0.memo: must not contain control characters.',
    '',
  ].join('\n');

  it('posts the good entries, rejects the bad ones with their reason, exits 1; a re-run posts nothing twice; a fix posts the rest once', async () => {
    const b = await books();
    const file = path.join(dir, 'small.csv');
    const rejects = path.join(dir, 'small.rejects.csv');
    fs.writeFileSync(file, `\ufeff${SMALL}\r\n`);

    const first = await runLinks(['import', 'entries', file, '--json'], b.env);
    expect(first.status, first.stderr).toBe(1);
    expect(summaryOf(first)).toEqual({ file, entries: 9, posted: 4, skipped: 0, rejected: 5, lines: 19, elapsed_ms: expect.any(Number), rejects_file: rejects });
    expect(first.stderr.trimEnd().split('\n').at(-1)).toBe(`links: 5 of 9 entries rejected; their rows and reasons are in ${rejects}`);
    expect(fs.readFileSync(rejects, 'utf8')).toBe(SMALL_REJECTS);

    const expectBooks = async (entries: number, totals: string) => {
      expect(await b.entryCount()).toBe(entries);
      const trial = await b.trialBalance();
      expect([trial.total_debits, trial.total_credits]).toEqual([totals, totals]);
    };
    await expectBooks(4, '200.50');
    const inv1 = (await b.api('GET', '/journal-entries?reference=INV-1')).data;
    expect(inv1).toHaveLength(1);
    expect(inv1[0].description).toBe('Invoice 1, consulting');
    expect(inv1[0].lines[0]).toMatchObject({ account: '1100', debit: '120.00', subledger_account: 'cus_1', memo: 'first "big" client' });
    const inv2 = (await b.api('GET', '/journal-entries?reference=INV-2')).data;
    expect(inv2[0]).toMatchObject({ date: '2026-10-02', description: 'Invoice 2', currency: 'USD' });
    expect(inv2[0].lines[1]).toMatchObject({ account: '4000', credit: '80.50', memo: 'second invoice' });

    // The same file again: everything already posted is skipped; the same rejects.
    const second = await runLinks(['import', 'entries', file, '--json'], b.env);
    expect(second.status).toBe(1);
    expect(summaryOf(second)).toMatchObject({ entries: 9, posted: 0, skipped: 4, rejected: 5, lines: 19 });
    expect(fs.readFileSync(rejects, 'utf8')).toBe(SMALL_REJECTS);
    await expectBooks(4, '200.50');

    // The missing account is created: the next run posts that entry, once, and nothing else.
    await b.api('POST', '/accounts', { code: '4999', name: 'Other income', type: 'revenue' });
    const third = await runLinks(['import', 'entries', file], b.env);
    expect(third.status).toBe(1);
    expect(third.stdout).toMatch(/^Import of .*small\.csv\n/);
    expect(third.stdout).toMatch(/│ posted\s+│ 1\s+│/);
    expect(third.stdout).toMatch(/│ skipped \(already posted\) │ 4\s+│/);
    expect(third.stdout).toMatch(/│ rejected\s+│ 4\s+│/);
    expect(third.stdout).toMatch(/│ lines read\s+│ 19\s+│/);
    expect(third.stderr.trimEnd().split('\n')).toEqual([`links: 4 of 9 entries rejected; their rows and reasons are in ${rejects}`]);
    await expectBooks(5, '207.50');
    const fourth = await runLinks(['import', 'entries', file, '--json', '--rejects', path.join(dir, 'elsewhere.csv')], b.env);
    expect(summaryOf(fourth)).toMatchObject({ posted: 0, skipped: 5, rejected: 4, rejects_file: path.join(dir, 'elsewhere.csv') });
    const elsewhere = fs.readFileSync(path.join(dir, 'elsewhere.csv'), 'utf8');
    expect(elsewhere).toBe(SMALL_REJECTS.split('\n').filter((line) => !line.startsWith('BAD-ACCOUNT')).join('\n'));
    await expectBooks(5, '207.50');
  });

  it('a clean file exits 0, leaves no rejects file (removing a stale one), and says so on the last line', async () => {
    const b = await books();
    const file = path.join(dir, 'clean.csv');
    fs.writeFileSync(file, [HEADER, 'C-1,2026-09-01,One,USD,1000,1.00,,,', 'C-1,2026-09-01,One,USD,4000,,1.00,,', 'C-2,2026-09-02,Two,USD,6000,2.00,,,', 'C-2,2026-09-02,Two,USD,1000,,2.00,,', ''].join('\n'));
    const stale = path.join(dir, 'clean.rejects.csv');
    fs.writeFileSync(stale, `${HEADER},error\nold,row\n`);
    const run = await runLinks(['import', 'entries', file], b.env);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('All 2 entries are in the books (2 posted now, 0 already posted).');
    expect(fs.existsSync(stale)).toBe(false);
    expect(await b.entryCount()).toBe(2);
    expect(run.stdout + run.stderr).not.toContain(b.key.slice(11));
  });

  it('fails in one line for a missing file, a bad header or a refused key, before posting anything', async () => {
    const b = await books();
    const badHeader = path.join(dir, 'header.csv');
    fs.writeFileSync(badHeader, 'ref,date,amount\nA,2026-01-01,1\n');
    const [missing, header] = await Promise.all([
      runLinks(['import', 'entries', path.join(dir, 'nope.csv')], b.env),
      runLinks(['import', 'entries', badHeader], b.env),
    ]);
    expect([missing.status, missing.stderr]).toEqual([1, `links: cannot read ${path.join(dir, 'nope.csv')}: ENOENT\n`]);
    expect([header.status, header.stderr]).toEqual([1, `links: the CSV header lacks reference, description, currency, account, debit, credit, subledger_account, memo: it must name ${HEADER}\n`]);
    const unclosed = path.join(dir, 'unclosed.csv');
    fs.writeFileSync(unclosed, [HEADER, 'U-1,2026-09-01,One,USD,1000,1.00,,,', 'U-1,2026-09-01,One,USD,4000,,1.00,,', 'U-2,2026-09-02,"Two,USD,1000,1.00,,,', 'U-2,2026-09-02,Two,USD,4000,,1.00,,', ''].join('\n'));
    const quote = await runLinks(['import', 'entries', unclosed], b.env);
    expect(quote.status).toBe(1);
    expect(quote.stderr.trimEnd().split('\n')).toEqual([
      `links: ${unclosed}: line 4: a quoted field is not closed before the end of the file; the import stopped after 0 posted and 0 skipped: run it again to continue (nothing is posted twice)`,
    ]);
    const readOnly = await admin.createKey((await b.api('GET', '/whoami')).data.tenant_id, {
      environment: 'sandbox',
      user_id: (await b.api('GET', '/whoami')).data.user_id,
      permissions: ['read'],
    });
    const small = path.join(dir, 'readonly.csv');
    fs.writeFileSync(small, [HEADER, 'R-1,2026-09-01,One,USD,1000,1.00,,,', 'R-1,2026-09-01,One,USD,4000,,1.00,,', ''].join('\n'));
    const forbidden = await runLinks(['import', 'entries', small, '--json'], { ...b.env, LINKS_API_KEY: readOnly.key });
    expect(forbidden.status).toBe(1);
    expect(summaryOf(forbidden)).toMatchObject({ posted: 0, skipped: 0, rejected: 0 });
    expect(forbidden.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^links: .* \(forbidden\); the import stopped after 0 posted and 0 skipped: run it again to continue \(nothing is posted twice\)$/),
    ]);
    expect(await b.entryCount()).toBe(0);
  });

  it('entries refused by the server inside large batches are posted exactly once after the cause is fixed', async () => {
    const b = await books();
    const file = path.join(dir, 'mixed.csv');
    const rows = [HEADER];
    const missingAccount = new Set([50, 250, 251, 420]);
    const closedPeriod = new Set([100, 300]);
    for (let i = 0; i < 600; i++) {
      const date = closedPeriod.has(i) ? '2026-01-15' : '2026-03-10';
      const credit = missingAccount.has(i) ? '4998' : '4000';
      rows.push(`M-${i},${date},Sale ${i},USD,1000,${i + 1}.00,,,`, `M-${i},${date},Sale ${i},USD,${credit},,${i + 1}.00,,`);
    }
    fs.writeFileSync(file, `${rows.join('\n')}\n`);
    await b.api('POST', '/periods/2026-01/close');

    const first = await runLinks(['import', 'entries', file, '--json'], b.env);
    expect(summaryOf(first)).toMatchObject({ entries: 600, posted: 594, skipped: 0, rejected: 6, lines: 1200 });
    const rejected = fs.readFileSync(path.join(dir, 'mixed.rejects.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rejected.map((r) => r.split(',')[0])).toEqual(['M-50', 'M-50', 'M-100', 'M-100', 'M-250', 'M-250', 'M-251', 'M-251', 'M-300', 'M-300', 'M-420', 'M-420']);
    expect(rejected.filter((r) => r.includes('period_closed'))).toHaveLength(4);
    expect(await b.entryCount()).toBe(594);

    await b.api('POST', '/accounts', { code: '4998', name: 'Late revenue', type: 'revenue' });
    await b.api('POST', '/periods/2026-01/reopen');
    const second = await runLinks(['import', 'entries', file, '--json'], b.env);
    expect(second.status, second.stderr).toBe(0);
    expect(summaryOf(second)).toMatchObject({ posted: 6, skipped: 594, rejected: 0 });
    expect(fs.existsSync(path.join(dir, 'mixed.rejects.csv'))).toBe(false);
    const third = await runLinks(['import', 'entries', file, '--json'], b.env);
    expect(summaryOf(third)).toMatchObject({ posted: 0, skipped: 600, rejected: 0 });
    expect(await b.entryCount()).toBe(600);
    const trial = await b.trialBalance();
    expect([trial.total_debits, trial.total_credits]).toEqual(['180300.00', '180300.00']);
  });

  it('a file changed after its import never posts an entry twice: chunks already posted refuse other content', async () => {
    const b = await books();
    const file = path.join(dir, 'changed.csv');
    const write = (count: number, edited: number | undefined) => {
      const rows = [HEADER];
      for (let i = 0; i < count; i++) {
        const description = i === edited ? `Sale ${i} (corrected)` : `Sale ${i}`;
        rows.push(`E-${i},2026-04-01,${description},USD,1000,${i + 1}.00,,,`, `E-${i},2026-04-01,${description},USD,4000,,${i + 1}.00,,`);
      }
      fs.writeFileSync(file, `${rows.join('\n')}\n`);
    };
    write(600, undefined);
    expect(summaryOf(await runLinks(['import', 'entries', file, '--json'], b.env))).toMatchObject({ posted: 600, rejected: 0 });

    // One entry edited in place, ten appended: whatever is not provably new is refused, not re-posted.
    write(610, 300);
    const changed = await runLinks(['import', 'entries', file, '--json'], b.env);
    const summary = summaryOf(changed);
    expect(summary.entries).toBe(610);
    expect(summary.rejected as number).toBeGreaterThan(0);
    expect(changed.status).toBe(1);
    const rejected = fs.readFileSync(path.join(dir, 'changed.rejects.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rejected.map((r) => r.split(',')[0])).toContain('E-300');
    for (const row of rejected) expect(row).toContain('this part of the file was imported before with other content');
    const references: string[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page: { data: Array<{ reference: string }>; next_cursor: string | null } = await b.api('GET', `/journal-entries?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      references.push(...page.data.map((e) => e.reference));
      cursor = page.next_cursor;
    }
    expect(references).toHaveLength(600 + (summary.posted as number));
    expect(new Set(references).size).toBe(references.length);
    expect((summary.skipped as number) + (summary.posted as number) + (summary.rejected as number)).toBe(610);
    const again = summaryOf(await runLinks(['import', 'entries', file, '--json'], b.env));
    expect(again).toMatchObject({ posted: 0, skipped: summary.skipped as number, rejected: summary.rejected as number });
    expect(await b.entryCount()).toBe(references.length);
  });

  it('a run killed midway is finished by the next run, with nothing posted twice', async () => {
    const b = await books();
    const file = path.join(dir, 'crash.csv');
    const total = writeBigCsv(file, 10_000, 'K');
    const child = spawnLinks(b.env, ['import', 'entries', file, '--json', '--concurrency', '2']);
    let seen = 0;
    while (seen === 0 && child.child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await b.entryCount();
    }
    child.child.kill('SIGKILL');
    await child.exited;
    const rerun = await runLinks(['import', 'entries', file, '--json'], b.env, { timeoutMs: 170_000 });
    expect(rerun.status, rerun.stderr).toBe(0);
    const summary = summaryOf(rerun);
    expect(summary).toMatchObject({ entries: 10_000, rejected: 0, lines: 20_000 });
    expect((summary.posted as number) + (summary.skipped as number)).toBe(10_000);
    expect(summary.skipped as number).toBeGreaterThanOrEqual(seen);
    expect(await b.entryCount()).toBe(10_000);
    const trial = await b.trialBalance();
    expect([trial.total_debits, trial.total_credits]).toEqual([cents(total), cents(total)]);
  }, 180_000);

  it('Ctrl-C prints what was done and how to resume, exits 130, and the next run finishes it', async () => {
    const b = await books();
    const file = path.join(dir, 'interrupted.csv');
    writeBigCsv(file, 10_000, 'C');
    const child = spawnLinks(b.env, ['import', 'entries', file, '--json', '--concurrency', '2']);
    let stdout = '';
    let stderr = '';
    child.child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
    child.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    while ((await b.entryCount()) === 0 && child.child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
    child.child.kill('SIGINT');
    expect(await child.exited, child.output()).toBe(130);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ file, interrupted: true, skipped: 0, rejected: 0, rejects_file: null });
    expect(summary.posted).toBe(await b.entryCount());
    expect(summary.posted).toBeLessThan(10_000);
    expect(stderr).toMatch(/^\nInterrupted: finishing the batches in flight/);
    expect(stderr.trim().split('\n').at(-1)).toBe(
      `links: interrupted after ${summary.lines} lines: ${summary.posted} posted, 0 skipped, 0 rejected; run the same command again to continue: what is already in the books is skipped, nothing is posted twice`,
    );
    const rerun = await runLinks(['import', 'entries', file, '--json'], b.env, { timeoutMs: 170_000 });
    expect(summaryOf(rerun)).toMatchObject({ entries: 10_000, posted: 10_000 - summary.posted, skipped: summary.posted, rejected: 0 });
    expect(await b.entryCount()).toBe(10_000);
  }, 180_000);

  it(`imports a 100,000-line CSV (50,000 entries) in one streamed run; a second run posts nothing`, async () => {
    const b = await books();
    const file = path.join(dir, 'big.csv');
    const total = writeBigCsv(file, 50_000, 'B');
    const first = await runLinks(['import', 'entries', file, '--json'], b.env, { timeoutMs: 170_000 });
    expect(first.status, first.stderr).toBe(0);
    const summary = summaryOf(first);
    expect(summary).toMatchObject({ entries: 50_000, posted: 50_000, skipped: 0, rejected: 0, lines: 100_000, rejects_file: null });
    const ms = summary.elapsed_ms as number;
    console.info(`[${backend}] 100,000-line import: ${(ms / 1000).toFixed(1)} s, ${Math.round(100_000 / (ms / 1000))} lines/s`);
    expect(await b.entryCount()).toBe(50_000);
    const trial = await b.trialBalance();
    expect([trial.total_debits, trial.total_credits]).toEqual([cents(total), cents(total)]);
    expect(trial.accounts.find((a) => a.code === '1000')).toMatchObject({ debit: cents(total), credit: '0.00' });

    const second = await runLinks(['import', 'entries', file, '--json'], b.env, { timeoutMs: 170_000 });
    expect(second.status, second.stderr).toBe(0);
    expect(summaryOf(second)).toMatchObject({ entries: 50_000, posted: 0, skipped: 50_000, rejected: 0, lines: 100_000 });
    expect(await b.entryCount()).toBe(50_000);
  }, 360_000);
});
