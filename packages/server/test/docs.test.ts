/**
 * The docs run top to bottom in ONE shell, as pasted, against one server and one tenant: the
 * README's walkthrough (which makes the tenant and keeps its rotated sandbox key in KEY), then
 * docs/ledger.md, docs/records.md (and the guides after them), then the SDK README's examples with
 * tsx. Every request goes through an OpenAPI validator (Prism) loaded with the documents the server
 * serves, and each guide's requests are checked on their own: an undocumented status, a body off
 * its schema or an undocumented operation fails the guide that sent it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS } from './support/browser.js';
import { ensureSdkBuilt } from './support/sdkBuild.js';
import { docsScript, runBash, splitOutput, type DocsPart } from './support/docsScript.js';
import { call } from './support/http.js';
import { defectsOf, startSpecValidator, type SpecValidator } from './support/openApiValidator.js';
import { backend, plantedSecrets, postgresAvailable, startTestLinks, type TestLinks } from './support/linksServer.js';
import { DEMO_CUSTOM_APP, startDemoStandIn, type DemoStandIn } from './support/xero/demoStandIn.js';
import { standInEnv } from './support/xero/xeroHttp.js';

describe.skipIf(!postgresAvailable())('the docs, in one shell, through an OpenAPI validator', () => {
  let links: TestLinks;
  let validators: SpecValidator[];
  let folder: string;
  let parts: DocsPart[];
  /** docs/gl.md's Xero walkthrough: the stand-in `npm run xero-standin` serves, on a free port. */
  let xero: DemoStandIn;
  beforeAll(async () => {
    xero = await startDemoStandIn(0);
    plantedSecrets.push(DEMO_CUSTOM_APP.clientSecret);
    links = await startTestLinks({ env: standInEnv(xero) });
    const dataPlane = `${links.url('sandbox')}/api/v1/openapi`;
    // The operator API's document needs the admin token, which Prism cannot send: it reads a copy.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'links-docs-'));
    const operator = path.join(folder, 'operator-openapi.json');
    fs.writeFileSync(operator, (await call(links.url('console'), 'GET', '/admin/v1/openapi', { token: links.adminToken })).text);
    validators = await Promise.all([
      startSpecValidator(dataPlane, links.url('sandbox')),
      startSpecValidator(dataPlane, links.url('production')),
      startSpecValidator(operator, links.url('console')),
    ]);
    // The SDK examples import @links/sdk from the workspace: its built package, as users get it.
    ensureSdkBuilt();
  }, 300_000);
  afterAll(async () => {
    await Promise.all((validators ?? []).map((v) => v.close()));
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
    await links?.stop();
    await links?.storage.destroy();
    await xero?.close();
  });

  const part = (file: string) => {
    const found = parts.find((p) => p.file === file);
    if (!found) throw new Error(`${file} did not run`);
    return found.output;
  };

  it('runs README → docs/ledger.md → docs/records.md → … → the SDK README as pasted', async () => {
    const [sandbox, production, console] = validators;
    const { script, parts: expected } = docsScript(path.join(ARTIFACTS, `sdk-examples-${backend}`));
    const result = await runBash(script, {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      CONSOLE: console!.url,
      SANDBOX: sandbox!.url,
      PRODUCTION: production!.url,
      LINKS_ADMIN_TOKEN: links.adminToken,
    });
    parts = splitOutput(result.stdout);
    // What a newcomer's terminal shows, kept for people to read.
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, `docs-output-${backend}.txt`), `${result.stdout}\n--- stderr ---\n${result.stderr}`);
    expect(result.status, `${result.stderr}\n${result.stdout}`).toBe(0);
    expect(parts.map((p) => p.file)).toEqual(expected);
    for (const p of parts) {
      const exchanges = validators.flatMap((v) => v.exchanges).filter((e) => e.at >= p.startedAt && e.at <= p.endedAt);
      expect(exchanges.length, `${p.file} sent no request`).toBeGreaterThan(0);
      expect(defectsOf(exchanges), `${p.file}: violations of the served OpenAPI document`).toEqual([]);
    }
    // The README's whole walkthrough used the console and both environments.
    for (const v of validators) expect(v.exchanges.length).toBeGreaterThan(0);
  }, 900_000);

  it('README: the walkthrough prints what it shows', () => {
    const out = part('README.md');
    expect(out).toMatch(/^\{"data":\{"tenant_id":"[\w-]+","tenant_name":"Acme Corp","environment":"sandbox","key_id":"key_\w+","user_id":"[\w-]+","permissions":\["read","write"\],"agent_posting":true\}\}$/m);
    expect(out).toMatch(/^\{"data":\{"tenant_id":"[\w-]+","tenant_name":"Acme Corp","environment":"production","key_id":"key_\w+","user_id":"[\w-]+","permissions":\["read"\],"agent_posting":false\}\}$/m);
    expect(out).toMatch(/^\{"error":\{"code":"environment_mismatch","message":"This API key belongs to the sandbox environment; send it to the sandbox endpoint, not the production one\.","request_id":"req_\w+","details":\[\]\}\}$/m);
    expect(out).toContain('"action":"api_key.rotated"');
    expect(out).toMatch(/^\{"error":\{"code":"period_closed","message":"the period 2026-11 is closed; reopen it or post in an open month"/m);
    // The saas template's rules posted the invoice record; the payment named the customer by billing:cus_42: one party.
    expect(out).toMatch(/"source_id":"INV-1001".*"accounting":\{"status":"accounted","entries":\["[0-9a-f-]{36}"\]/);
    expect(out).toMatch(/^\{"data":\[\{"subledger_account":"[0-9a-f-]{36}","name":"Ada Lovelace Ltd","currency":"USD","debits":"1200.00","credits":"1200.00","balance":"0.00"\}\],/m);
    expect(out).toMatch(
      /^\{"data":\{"as_of":null,"currency":"USD","accounts":\[\{"code":"1000","name":"Cash","type":"asset","debit":"1195\.00","credit":"0\.00"\},\{"code":"4000","name":"Subscription revenue","type":"revenue","debit":"0\.00","credit":"1200\.00"\},\{"code":"6300","name":"Bank fees","type":"expense","debit":"5\.00","credit":"0\.00"\}\],"total_debits":"1200\.00","total_credits":"1200\.00"\}\}$/m,
    );
    expect(out.trim().split('\n').at(-1)).toBe('{"data":[],"page":1,"limit":10,"totalPages":0,"totalResults":0}');
  });

  it('docs/ledger.md: the results it describes, on the walkthrough\'s books', () => {
    const out = part('docs/ledger.md');
    expect(out).toContain('{"currency":"EUR","debits":"800.00","credits":"0.00","balance":"800.00"},{"currency":"USD","debits":"5000.00","credits":"0.00","balance":"5000.00"}');
    expect(out).toContain('"reversed_by":"');
    expect(out).toContain('{"subledger_account":"cus_ada","name":null,"currency":"USD","debits":"300.00","credits":"0.00","balance":"300.00"}],"page":1,"limit":10,"totalPages":1,"totalResults":1');
    // The walkthrough's customer is in the same sub-ledger: settled, so the balance is the guide's 750.
    expect(out).toContain('"totals":[{"currency":"USD","debits":"1950.00","credits":"1200.00","balance":"750.00"}]');
    // A manual line naming the customer by source_system:source_id lands on the customer, named; an unknown one is refused.
    expect(out).toMatch(/\{"subledger_account":"[0-9a-f-]{36}","name":"Carol Data Ltd","currency":"USD","debits":"125.00"/);
    expect(out).toMatch(/"subledger_account":"[0-9a-f-]{36}","subledger_account_name":"Carol Data Ltd","memo":null,"running_balance":"125.00"\}\],"page":1,"limit":10,"totalPages":1,"totalResults":1/);
    expect(out).toContain('"code":"unknown_account","message":"no customer \\"stripe:cus_nobody\\"');
    // The walkthrough's 1195 cash and 5 fee, and the guide's own books.
    expect(out).toContain('"total_debits":"7075.00","total_credits":"7075.00"');
    expect(out).toContain('"action":"period.reopened"');
    // The walkthrough applied the template already: applying again creates nothing.
    expect(out).toContain('{"data":{"template":"saas","created":[],"existing":["1000","1100","1200","2000","2100","2400","3000","3900","4000","4100","5000","5100","6000","6100","6200","6300"],"subledgers_created":[],"subledgers_existing":["AR"],"conflicts":[]}}');
    // October's receivables: the guide's three customers (the walkthrough's invoice is November's).
    expect(out).toContain('"control_account_balance":"875.00"');
    expect(out).toContain('{"customer":"cus_ada","name":null,"current":"0.00","days_1_30":"0.00","days_31_60":"0.00","days_61_90":"0.00","days_over_90":"0.00","unallocated":"300.00","total":"300.00"}');
    expect(out).toContain('"code":"period_not_ended"');
    expect(out).toContain('{"data":{"period":"2099-12","status":"closed"');
    expect(out).toContain('"year":"2025","status":"closed","retained_earnings_account":"3900"');
    expect(out).toContain('"net_income":"150.00"');
    expect(out).toContain('"equity":{"accounts":[{"code":"3900","name":"Retained earnings","balance":"150.00"}],"total":"150.00","current_earnings":"0.00"}');
    expect(out).toContain('"year":"2025","status":"open","retained_earnings_account":"3900"');
    expect(out).toMatch(/"valid":true,"entries":\d+/);
    // Drafts: proposed without posting, with the impact; approved once; the second draft rejected.
    expect(out).toContain('"status":"pending_approval"');
    expect(out).toContain('"impact":[{"account":"6400","currency":"USD","before":"170.00","after":"210.00"},{"account":"1051","currency":"USD","before":"5030.00","after":"4990.00"}]');
    expect(out).toContain('"proposed_by":{"key_id":"key_');
    expect(out.match(/"reference":"paper-1","status":"posted"/g)).toHaveLength(3);
    expect(out).toContain('"status":"rejected"');
    expect(out).toContain('"reason":"Already ordered"');
  });

  it('docs/records.md: the results it describes', () => {
    const out = part('docs/records.md');
    expect(out).toContain('{"column_name":"id","data_type":"text"}');
    expect(out).toContain('"rows":2,"created":2,"updated":0,"unchanged":0,"rejected":0');
    expect(out).toContain('"rows":4,"created":3,"updated":0,"unchanged":0,"rejected":1');
    expect(out).toContain('"source_id":"INV-4","code":"invalid_amount","message":"amount_due USD has 2 decimal places at most"');
    expect(out).toMatch(/"total_debits":"(\d+\.\d\d)","total_credits":"\1"/);
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
    // After the retry run the exceptions list no longer names the February invoice.
    expect(out.trim().split('\n').filter((line) => line.startsWith('{"data":[{"record_id"') || line === '{"data":[],"limit":10,"next_cursor":null}').at(-1)).toBe('{"data":[],"limit":10,"next_cursor":null}');
  });

  it('docs/gl.md: a paused webhook connection queues today\'s entries and sends nothing', () => {
    const out = part('docs/gl.md');
    const today = new Date().toISOString().slice(0, 10);
    const run = out.split('\n').find((line) => line.includes('"kind":"gl_run"'));
    expect(run).toMatch(/"status":"succeeded"/);
    const result = JSON.parse(run!).data.result;
    expect(result).toEqual({ queued: result.waiting, confirmed: 0, failed: 0, waiting: result.waiting, connection_status: 'paused' });
    expect(result.waiting).toBeGreaterThan(0);
    expect(out).toMatch(new RegExp(`"status":"pending","entry_ids":\\[[^\\]]+\\],"date":"${today}","currency":"USD","erp_document_id":null,"attempts":0`));
    expect(out).toMatch(new RegExp(`^\\{"data":\\{"as_of":"${today}","currency":"USD","matched":false,`, 'm'));
    expect(out).toMatch(/"provider":"webhook","name":"GL walkthrough","status":"paused","settings":\{"start_date":"\d{4}-\d\d-\d\d","summarize":"daily","paused":true\}/);
    expect(out).not.toContain('signing_secret');
  });

  it('docs/gl.md: the Xero walkthrough sends today\'s entries to the stand-in as one journal, reconciled', () => {
    const out = part('docs/gl.md');
    const today = new Date().toISOString().slice(0, 10);
    const org = xero.organisation;
    expect(out).toMatch(
      new RegExp(`^\\{"data":\\{"id":"[0-9a-f-]{36}","provider":"xero","name":"Xero stand-in","status":"paused","settings":\\{"start_date":"${today}","summarize":"daily","paused":true\\},"mapping":\\{"accounts":\\{\\},"dimensions":\\{\\}\\},"created_at":"[^"]+","updated_at":"[^"]+","organisation":\\{"tenant_id":"${org.tenantId}","name":"Demo Company \\(Stand-in\\)"\\}\\}\\}$`, 'm'),
    );
    expect(out).toContain(
      '{"data":[{"code":"090","name":"Business Bank Account","type":"BANK","status":"active","accepts_journals":false},{"code":"091","name":"Cash clearing","type":"CURRENT","status":"active","accepts_journals":true},{"code":"200","name":"Sales","type":"REVENUE","status":"active","accepts_journals":true},{"code":"400","name":"Advertising","type":"OVERHEADS","status":"active","accepts_journals":true},{"code":"453","name":"Office Expenses","type":"OVERHEADS","status":"active","accepts_journals":true},{"code":"610","name":"Accounts Receivable","type":"CURRENT","status":"active","accepts_journals":true},{"code":"800","name":"Accounts Payable","type":"CURRLIAB","status":"active","accepts_journals":true},{"code":"970","name":"Owner A Funds Introduced","type":"EQUITY","status":"active","accepts_journals":true}]}\n',
    );
    expect(out).toContain(`"status":"paused","settings":{"start_date":"${today}","summarize":"daily","paused":true},"mapping":{"accounts":{"1000":"091","1051":"091","1100":"610","4000":"200","6400":"453"},"dimensions":{}}`);
    // A mapping to the bank account is refused, saying why (Xero takes no manual journal there).
    expect(out).toContain('\nunknown_erp_account accounts.1000: Xero does not take manual journals on bank account 090 (Business Bank Account); map to a clearing or current-asset account\n');
    expect(out).toMatch(/^succeeded: waiting 0, failed 0, connection active$/m);
    // One journal for today's three entries, confirmed as the one the stand-in holds, marked with the transfer's id.
    const transfers = out.split('\n').find((line) => line.startsWith('{"data":[{"id":') && line.includes('"status":"confirmed"'));
    const [transfer] = JSON.parse(transfers!).data;
    expect(transfer).toMatchObject({ status: 'confirmed', date: today, currency: 'USD', attempts: 1, last_error: null });
    expect(transfer.entry_ids).toHaveLength(3);
    expect(org.journals.map((j) => [j.ManualJournalID, j.Status, j.Date.slice(0, 10)])).toEqual([[transfer.erp_document_id, 'POSTED', today]]);
    expect(org.journals[0]!.Narration).toContain(`(links:${transfer.id})`);
    expect(out).toContain(
      `{"data":{"as_of":"${today}","currency":"USD","matched":true,"accounts":[{"erp_account":"091","links_balance":"1160.00","erp_balance":"1160.00","difference":"0.00"},{"erp_account":"200","links_balance":"-40.00","erp_balance":"-40.00","difference":"0.00"},{"erp_account":"453","links_balance":"40.00","erp_balance":"40.00","difference":"0.00"},{"erp_account":"610","links_balance":"-1160.00","erp_balance":"-1160.00","difference":"0.00"}]}}\n`,
    );
    // Deleted at the end: what the later guides post today is not sent.
    expect(out).toMatch(/"provider":"xero","name":"Xero stand-in","status":"active".*\}\}\n$/);
  });

  it('docs/mcp.md: the results it describes, on the walkthrough\'s tenant', () => {
    const out = part('docs/mcp.md');
    expect(out).toContain('"protocolVersion":"2025-11-25"');
    expect(out).toMatch(/"structuredContent":\{"tenant_id":"[0-9a-f-]{36}","tenant_name":"Acme Corp","environment":"sandbox"/);
    expect(out).toContain('whoami list_accounts get_account_balance get_trial_balance get_balance_sheet get_income_statement list_journal_entries get_journal_entry list_records get_record get_customer_balance list_accounting_exceptions list_gl_connections list_gl_transfers list_data_sources describe_data_source query_data_source propose_journal_entry post_journal_entry');
    expect(out).toMatch(/"structuredContent":\{"as_of":null,"currency":"USD","accounts":\[.*\],"total_debits":"([\d.]+)","total_credits":"\1"\}/);
    expect(out).toContain('"capabilities":{"tools":{"listChanged":true}},"serverInfo":{"name":"links","title":"Links","version":"1.0.0"}');
    expect(out).toContain('{"enabled":true,"tool_name":"guide_vendors","description":"Vendors we buy office supplies from."}');
    expect(out).toContain('[{"vendor":"Bolt Supplies","city":"York"}]');
    expect(out).toContain('pending_approval [{"account":"6550","currency":"USD","before":"0.00","after":"42.50"},{"account":"1060","currency":"USD","before":"0.00","after":"-42.50"}]');
  });

  it('the SDK README: its examples print what their comments say, dated today', () => {
    const out = part('packages/sdk/README.md');
    expect(out).toContain('Acme Corp (sandbox): read, write');
    expect(out).toContain("[ '250.00', '250.00' ]");
    expect(out).toContain(`${new Date().toISOString().slice(0, 10)} Invoice INV-7`);
    expect(out).toMatch(/^\d+ entries touch 1000$/m);
    expect(out).toContain('unbalanced_entry');
    expect(out).toContain('201 1200.00');
    expect(out).toContain("[ '1100: 1200.00' ]");
    expect(out).toContain("[ 'email', 'first' ]");
    expect(out).toMatch(/^synced 1, \d+ contacts$/m);
    expect(out).toContain("[ '1100 50.00', '4000 -50.00' ]");
  });
});
