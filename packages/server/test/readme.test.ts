/**
 * The README's walkthrough and the docs' guides run as written against a real server: the docs
 * cannot drift from the code. Every request goes through an OpenAPI validator (Prism) loaded with
 * the document the server serves, so the document cannot drift either: an undocumented status, a
 * body off its schema or an undocumented operation fails the test.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, call } from './support/http.js';
import { defectsOf, startSpecValidator, type SpecValidator } from './support/openApiValidator.js';
import { postgresAvailable, useTestServer, type TestLinks } from './support/linksServer.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const README = path.join(ROOT, 'README.md');
const RECORDS_GUIDE = path.join(ROOT, 'docs', 'records.md');
const LEDGER_GUIDE = path.join(ROOT, 'docs/ledger.md');

function bashBlocks(markdown: string): string {
  return [...markdown.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
}

function runBash(script: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { env, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe.skipIf(!postgresAvailable())('README walkthrough and docs guides, through an OpenAPI validator', () => {
  let links: TestLinks;
  let sandbox: SpecValidator;
  let production: SpecValidator;
  let console: SpecValidator;
  let folder: string;
  useTestServer((started) => {
    links = started;
  });
  beforeAll(async () => {
    const dataPlane = `${links.url('sandbox')}/api/v1/openapi`;
    // The operator API's document needs the admin token, which Prism cannot send: it reads a copy.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'links-readme-'));
    const operator = path.join(folder, 'operator-openapi.json');
    fs.writeFileSync(operator, (await call(links.url('console'), 'GET', '/admin/v1/openapi', { token: links.adminToken })).text);
    [sandbox, production, console] = await Promise.all([
      startSpecValidator(dataPlane, links.url('sandbox')),
      startSpecValidator(dataPlane, links.url('production')),
      startSpecValidator(operator, links.url('console')),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([sandbox?.close(), production?.close(), console?.close()]);
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The walkthrough's traffic reached the server through the validator, and the document describes every exchange. */
  function expectTruthfulDocument(validator: SpecValidator, since: number) {
    const exchanges = validator.exchanges.slice(since);
    expect(exchanges.length).toBeGreaterThan(0);
    expect(defectsOf(exchanges), 'violations of the served OpenAPI document').toEqual([]);
  }

  /** Runs a guide's bash blocks as a new tenant's owner, with SANDBOX and KEY set as the guide says. */
  async function runGuide(guide: string, tenantName: string) {
    const admin = new AdminClient(links.url('console'), links.adminToken);
    const tenant = await admin.createTenant(tenantName);
    const user = await admin.createUser(`guide-${tenant.id}@guides.example`);
    await admin.addMember(tenant.id, user.id, 'owner');
    const key = await admin.createKey(tenant.id, { environment: 'sandbox', user_id: user.id });
    const since = sandbox.exchanges.length;
    const result = await runBash(bashBlocks(fs.readFileSync(guide, 'utf8')), { PATH: process.env.PATH ?? '', SANDBOX: sandbox.url, KEY: key.key });
    expectTruthfulDocument(sandbox, since);
    return result;
  }

  it('runs from start to end with the documented results', async () => {
    const script = bashBlocks(fs.readFileSync(README, 'utf8'));
    expect(script).toContain('whoami');
    // Asynchronous on purpose: the server under test lives in this process's event loop.
    const result = await runBash(script, {
      PATH: process.env.PATH ?? '',
      CONSOLE: console.url,
      SANDBOX: sandbox.url,
      PRODUCTION: production.url,
      LINKS_ADMIN_TOKEN: links.adminToken,
    });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expectTruthfulDocument(sandbox, 0);
    expectTruthfulDocument(production, 0);
    expectTruthfulDocument(console, 0);
    const out = result.stdout;
    expect(out).toMatch(/"environment":"sandbox","key_id":"key_\w+","user_id":"[\w-]+","permissions":\["read","write"\]/);
    expect(out).toMatch(/"environment":"production","key_id":"key_\w+","user_id":"[\w-]+","permissions":\["read"\]/);
    expect(out).toContain('"code":"environment_mismatch"');
    expect(out).toContain('This API key belongs to the sandbox environment');
    expect(out).toContain('"action":"api_key.rotated"');
    expect(out).toContain('"code":"period_closed"');
    expect(out).toContain('{"subledger_account":"cus_42","currency":"USD","debits":"1200.00","credits":"1200.00","balance":"0.00"}');
    expect(out).toContain('"total_debits":"1200.00","total_credits":"1200.00"');
    expect(out).toContain('{"code":"1000","name":"Cash","type":"asset","debit":"1195.00","credit":"0.00"}');
    expect(out.trim().split('\n').at(-1)).toBe('{"data":[],"page":1,"limit":10,"totalPages":0,"totalResults":0}');
  });

  it('docs/ledger.md runs as written, with the results it describes', async () => {
    const result = await runGuide(LEDGER_GUIDE, 'Ledger guide');
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const out = result.stdout;
    expect(out).toContain('{"currency":"EUR","debits":"800.00","credits":"0.00","balance":"800.00"},{"currency":"USD","debits":"5000.00","credits":"0.00","balance":"5000.00"}');
    expect(out).toContain('"reversed_by":"');
    expect(out).toContain('{"subledger_account":"cus_ada","currency":"USD","debits":"300.00","credits":"0.00","balance":"300.00"}],"page":1,"limit":10,"totalPages":1,"totalResults":1');
    expect(out).toContain('"totals":[{"currency":"USD","debits":"750.00","credits":"0.00","balance":"750.00"}]');
    expect(out).toContain('"total_debits":"5750.00","total_credits":"5750.00"');
    expect(out).toContain('"action":"period.reopened"');
    expect(out).toContain('"template":"saas","created":["1200","2000","2100","2400","3900","4100","5100","6000","6100","6200","6300"]');
    expect(out).toContain('{"code":"1100","reason":"exists restricted to USD; the template\'s account takes any currency"}');
    expect(out).toContain('"subledgers_existing":["AR"]');
    expect(out).toContain('"control_account_balance":"750.00"');
    expect(out).toContain('{"customer":"cus_ada","current":"0.00","days_1_30":"0.00","days_31_60":"0.00","days_61_90":"0.00","days_over_90":"0.00","unallocated":"300.00","total":"300.00"}');
    expect(out).toContain('"code":"period_not_ended"');
    expect(out).toContain('{"data":{"period":"2099-12","status":"closed"');
    expect(out).toContain('"year":"2025","status":"closed","retained_earnings_account":"3900"');
    expect(out).toContain('"net_income":"150.00"');
    expect(out).toContain('"equity":{"accounts":[{"code":"3900","name":"Retained earnings","balance":"150.00"}],"total":"150.00","current_earnings":"0.00"}');
    expect(out).toContain('"year":"2025","status":"open","retained_earnings_account":"3900"');
  });

  it('docs/records.md runs as written, with the results it describes', async () => {
    const result = await runGuide(RECORDS_GUIDE, 'Records guide');
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const out = result.stdout;
    expect(out).toContain('{"column_name":"id","data_type":"text"}');
    expect(out).toContain('"rows":2,"created":2,"updated":0,"unchanged":0,"rejected":0');
    expect(out).toContain('"rows":4,"created":3,"updated":0,"unchanged":0,"rejected":1');
    expect(out).toContain('"source_id":"INV-4","code":"invalid_amount","message":"amount_due USD has 2 decimal places at most"');
    expect(out).toContain('"totals":[{"currency":"USD","debits":"1500.00","credits":"1200.00","balance":"300.00"}]');
    expect(out).toContain('"total_debits":"1500.00","total_credits":"1500.00"');
    expect(out).toContain('"rows":4,"created":0,"updated":0,"unchanged":3,"rejected":1');
    expect(out).toContain('"rows":3,"created":0,"updated":1,"unchanged":2,"rejected":0');
    expect(out).toContain('"description":"Invoice INV-2 amount changed"');
    expect(out).toContain('"balance":"340.00"');
    expect(out).toContain('"matches":true');
    expect(out).toContain('{"account":"1100","debit":"99.00","subledger_account":"');
    expect(out).toMatch(/"source_id":"INV-OLD".*"accounting":\{"status":"error","entries":\[\],"error":\{"code":"period_closed"/);
    expect(out).toMatch(/"data":\[\{"record_id":"[0-9a-f-]{36}","model":"invoice","version":1,"source_system":"billing","source_id":"INV-OLD","error":\{"code":"period_closed"/);
    expect(out).toMatch(/"version":2,.*"source_id":"INV-OLD".*"accounting":\{"status":"accounted","entries":\["[0-9a-f-]{36}"\],"error":null\}/);
    expect(out).toContain('{"data":[],"limit":10,"next_cursor":null}');
    // The pipeline: a retry run accounts for the invoice of the reopened month; a reaccount posts nothing.
    expect(out).toMatch(/"source_id":"INV-FEB".*"accounting":\{"status":"error","entries":\[\],"error":\{"code":"period_closed"/);
    expect(out).toMatch(/"kind":"accounting_run","status":"succeeded","params":\{"mode":"retry","model":"invoice"\},"progress":\{"done":1,"total":1\},"result":\{[^}]*"accounted":1[,}]/);
    expect(out).toMatch(/"kind":"accounting_run","status":"succeeded","params":\{"mode":"reaccount"\}.*"result":\{[^}]*"entries":0[,}]/);
  });
});
