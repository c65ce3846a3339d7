/**
 * The Xero stand-in speaks Xero's protocol where the connector tests do not look: a used refresh
 * token works only within the grace period, a wrong organisation is 403 with Xero's body, an
 * unknown journal is the plain-text 404, GET /ManualJournals honours `where`, `page` and
 * `If-Modified-Since`, a reused Idempotency-Key with another body is refused, limits answer 429, a
 * manual journal on a bank account is refused.
 */
import { describe, expect, it } from 'vitest';
import { BANK_ACCOUNT_REFUSAL } from '../support/xero/xeroLedger.js';
import { REFRESH_GRACE_MS, REFRESH_IDLE_MS } from '../support/xero/xeroIdentity.js';
import { type XeroRequest, XeroModel } from '../support/xero/xeroModel.js';

function setup() {
  const clock = {
    t: Date.parse('2026-12-07T00:00:00Z'),
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  const model = new XeroModel(clock);
  const org = model.addOrganisation('Protocol Ltd');
  org.addAccount('090', 'Bank', 'BANK');
  org.addAccount('091', 'Cash clearing', 'CURRENT');
  org.addAccount('200', 'Sales', 'REVENUE');
  model.identity.addApp({ clientId: 'WEB', clientSecret: 'secret', tenantIds: [org.tenantId], customConnection: false });
  const call = async (method: string, path: string, options: { headers?: Record<string, string>; body?: string; query?: string } = {}) => {
    const request: XeroRequest = { method, path, query: new URLSearchParams(options.query ?? ''), headers: options.headers ?? {}, body: options.body ?? '' };
    const answer = await model.handle(request);
    if (!answer) throw new Error('dropped');
    return { ...answer, json: () => JSON.parse(answer.body) as Record<string, unknown> };
  };
  const basic = `Basic ${Buffer.from('WEB:secret').toString('base64')}`;
  return { clock, model, org, call, basic };
}

async function authorised(s: ReturnType<typeof setup>) {
  const redirect = await s.call('GET', '/identity/connect/authorize', { query: 'response_type=code&client_id=WEB&redirect_uri=https://cb.example/&state=st' });
  const code = new URL(redirect.headers.location as string).searchParams.get('code') as string;
  const tokens = await s.call('POST', '/connect/token', { headers: { authorization: s.basic }, body: `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent('https://cb.example/')}` });
  return tokens.json() as { access_token: string; refresh_token: string };
}

describe('Xero stand-in protocol', () => {
  it('rotates refresh tokens: the old one works again only within the grace period', async () => {
    const s = setup();
    const first = await authorised(s);
    const refresh = (token: string) => s.call('POST', '/connect/token', { headers: { authorization: s.basic }, body: `grant_type=refresh_token&refresh_token=${token}` });
    const second = (await refresh(first.refresh_token)).json();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await refresh(first.refresh_token)).status).toBe(200);
    s.clock.t += REFRESH_GRACE_MS + 1;
    const late = await refresh(first.refresh_token);
    expect([late.status, late.json()]).toEqual([400, { error: 'invalid_grant' }]);
    expect((await refresh(second.refresh_token as string)).status).toBe(200);
  });

  it("answers 401 TokenExpired, 403 for another organisation and the plain-text 404, with Xero's bodies", async () => {
    const s = setup();
    const { access_token } = await authorised(s);
    const auth = { authorization: `Bearer ${access_token}`, 'xero-tenant-id': s.org.tenantId };
    const other = await s.call('GET', '/api.xro/2.0/Accounts', { headers: { ...auth, 'xero-tenant-id': '00000000-0000-0000-0000-000000000000' } });
    expect([other.status, other.json()]).toMatchObject([403, { Title: 'Forbidden', Status: 403, Detail: 'AuthenticationUnsuccessful' }]);
    const missing = await s.call('GET', '/api.xro/2.0/ManualJournals/6f1c0a52-8d5b-4d55-9bd3-2f1f1f1f1f1f', { headers: auth });
    expect([missing.status, missing.body]).toEqual([404, "The resource you're looking for cannot be found"]);
    s.model.identity.expireAccessTokens();
    const expired = await s.call('GET', '/api.xro/2.0/Accounts', { headers: auth });
    expect(expired.status).toBe(401);
    expect(expired.json().Detail).toMatch(/^TokenExpired: /);
    expect(expired.headers['www-authenticate']).toMatch(/invalid_token/);
  });

  it('lists journals by where, page and If-Modified-Since; refuses a reused key with another body; limits answer 429', async () => {
    const s = setup();
    const { access_token } = await authorised(s);
    const auth = { authorization: `Bearer ${access_token}`, 'xero-tenant-id': s.org.tenantId };
    const put = (narration: string, key: string, amount = 1) =>
      s.call('PUT', '/api.xro/2.0/ManualJournals', {
        headers: { ...auth, 'idempotency-key': key },
        body: JSON.stringify({ ManualJournals: [{ Narration: narration, Date: '2026-12-01', Status: 'POSTED', JournalLines: [{ LineAmount: amount, AccountCode: '091' }, { LineAmount: -amount, AccountCode: '200' }] }] }),
      });
    expect((await put('first (links:a)', 'k1')).status).toBe(200);
    s.clock.t += 1000;
    const since = new Date(s.clock.t).toISOString();
    expect((await put('second (links:b)', 'k2')).status).toBe(200);
    const reused = await put('second (links:b)', 'k2', 2);
    expect([reused.status, reused.json().Type]).toEqual([400, 'ValidationException']);
    expect(JSON.stringify(reused.json())).toContain('is used with a different request');
    const list = async (query: string, headers: Record<string, string> = {}) => ((await s.call('GET', '/api.xro/2.0/ManualJournals', { headers: { ...auth, ...headers }, query })).json().ManualJournals as Array<{ Narration: string }>).map((j) => j.Narration);
    expect(await list('where=Narration.Contains("links:b")')).toEqual(['second (links:b)']);
    expect(await list(`where=${encodeURIComponent('Date==DateTime(2026,12,1) && Narration.StartsWith("first")')}`)).toEqual(['first (links:a)']);
    expect(await list(`where=${encodeURIComponent('Date>DateTime(2026,12,1) OR Narration.EndsWith("(links:b)")')}`)).toEqual(['second (links:b)']);
    const firstId = s.org.journals[0]?.ManualJournalID as string;
    expect(await list(`where=${encodeURIComponent(`ManualJournalID==GUID("${firstId.toUpperCase()}") AND Status!="DRAFT"`)}`)).toEqual(['first (links:a)']);
    const unknownField = await s.call('GET', '/api.xro/2.0/ManualJournals', { headers: auth, query: 'where=Reference=="x"' });
    expect([unknownField.status, unknownField.json()]).toMatchObject([400, { Type: 'QueryParseException', Message: "No property or field 'Reference' exists in type 'ManualJournal'" }]);
    expect(await list('', { 'if-modified-since': since })).toEqual(['second (links:b)']);
    const paged = (await s.call('GET', '/api.xro/2.0/ManualJournals', { headers: auth, query: 'page=2&pageSize=1' })).json();
    expect(paged.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, itemCount: 2 });
    const longKey = await put('third', 'k'.repeat(129));
    expect(longKey.status).toBe(400);
    for (let i = 0; i < 57; i++) await s.call('GET', '/api.xro/2.0/Accounts', { headers: auth });
    const limited = await s.call('GET', '/api.xro/2.0/Accounts', { headers: auth });
    expect(limited.status).toBe(429);
    expect(limited.headers['x-rate-limit-problem']).toBe('minute');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a manual journal with a line on a BANK account: 400 ValidationException (summarizeErrors), or the journal marked ERROR; nothing stored', async () => {
    const s = setup();
    const { access_token } = await authorised(s);
    const auth = { authorization: `Bearer ${access_token}`, 'xero-tenant-id': s.org.tenantId };
    const journal = { Narration: 'to the bank', Date: '2026-12-01', Status: 'POSTED', JournalLines: [{ LineAmount: 5, AccountCode: '090' }, { LineAmount: -5, AccountCode: '200' }] };
    const summarized = await s.call('PUT', '/api.xro/2.0/ManualJournals', { headers: auth, query: 'summarizeErrors=true', body: JSON.stringify({ ManualJournals: [journal] }) });
    expect(summarized.status).toBe(400);
    expect(summarized.json()).toMatchObject({ ErrorNumber: 10, Type: 'ValidationException', Elements: [{ Narration: 'to the bank', ValidationErrors: [{ Message: BANK_ACCOUNT_REFUSAL }] }] });
    const mixed = await s.call('PUT', '/api.xro/2.0/ManualJournals', { headers: auth, body: JSON.stringify({ ManualJournals: [journal] }) });
    expect(mixed.status).toBe(200);
    expect(mixed.json().ManualJournals).toMatchObject([{ StatusAttributeString: 'ERROR', ValidationErrors: [{ Message: BANK_ACCOUNT_REFUSAL }] }]);
    expect(s.org.journals).toHaveLength(0);
    const cleared = await s.call('PUT', '/api.xro/2.0/ManualJournals', { headers: auth, query: 'summarizeErrors=true', body: JSON.stringify({ ManualJournals: [{ ...journal, JournalLines: [{ LineAmount: 5, AccountCode: '091' }, { LineAmount: -5, AccountCode: '200' }] }] }) });
    expect(cleared.status).toBe(200);
    expect(s.org.journals).toHaveLength(1);
  });

  it("builds the trial balance in Xero's shape: sections in Xero's order, the month and the year to date, earlier years' profit on Retained Earnings", async () => {
    const s = setup();
    s.org.addAccount('320', 'Retained Earnings', 'EQUITY', 'ACTIVE', 'RETAINEDEARNINGS');
    const { access_token } = await authorised(s);
    const auth = { authorization: `Bearer ${access_token}`, 'xero-tenant-id': s.org.tenantId };
    const post = (date: string, amount: number) =>
      s.call('PUT', '/api.xro/2.0/ManualJournals', { headers: auth, body: JSON.stringify({ ManualJournals: [{ Narration: date, Date: date, Status: 'POSTED', JournalLines: [{ LineAmount: amount, AccountCode: '091' }, { LineAmount: -amount, AccountCode: '200' }] }] }) });
    expect((await post('2025-06-30', 50)).status).toBe(200);
    expect((await post('2026-11-15', 20)).status).toBe(200);
    expect((await post('2026-12-01', 7.5)).status).toBe(200);
    const tb = (await s.call('GET', '/api.xro/2.0/Reports/TrialBalance', { headers: auth, query: 'date=2026-12-31' })).json();
    expect(tb.Status).toBe('OK');
    const report = (tb.Reports as Array<{ ReportTitles: string[]; Rows: Array<{ RowType: string; Title?: string; Cells?: Array<{ Value: string }>; Rows?: Array<{ RowType: string; Cells: Array<{ Value: string; Attributes?: unknown[] }> }> }> }>)[0];
    expect(report?.ReportTitles).toEqual(['Trial Balance', 'Protocol Ltd', 'As at 31 December 2026']);
    expect(report?.Rows.map((r) => [r.RowType, r.Title ?? null])).toEqual([['Header', null], ['Section', 'Revenue'], ['Section', 'Assets'], ['Section', 'Equity'], ['Section', '']]);
    const cells = (title: string) => report?.Rows.find((r) => r.Title === title)?.Rows?.[0]?.Cells.map((c) => c.Value);
    expect(cells('Revenue')).toEqual(['Sales (200)', '', '7.50', '', '27.50']);
    expect(cells('Assets')).toEqual(['Cash clearing (091)', '7.50', '', '77.50', '']);
    expect(cells('Equity')).toEqual(['Retained Earnings (320)', '', '', '', '50.00']);
    expect(report?.Rows.at(-1)?.Rows?.[0]?.Cells.map((c) => c.Value)).toEqual(['Total', '7.50', '7.50', '77.50', '77.50']);
  });

  it('a concurrent-limit 429 has no Retry-After; an unused refresh token dies after 60 days', async () => {
    const s = setup();
    const first = await authorised(s);
    const auth = { authorization: `Bearer ${first.access_token}`, 'xero-tenant-id': s.org.tenantId };
    s.model.faults = () => ({ kind: 'rate_429', problem: 'concurrent', retryAfterSeconds: 0 });
    const limited = await s.call('GET', '/api.xro/2.0/Accounts', { headers: auth });
    s.model.faults = () => undefined;
    expect([limited.status, limited.headers['x-rate-limit-problem'], limited.headers['retry-after']]).toEqual([429, 'concurrent', undefined]);
    expect(limited.headers['x-minlimit-remaining']).toBeDefined();
    s.clock.t += REFRESH_IDLE_MS + 1;
    const stale = await s.call('POST', '/connect/token', { headers: { authorization: s.basic }, body: `grant_type=refresh_token&refresh_token=${first.refresh_token}` });
    expect([stale.status, stale.json()]).toEqual([400, { error: 'invalid_grant' }]);
  });
});
