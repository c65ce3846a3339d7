import { afterAll, beforeAll, it } from 'vitest';
import { startTestLinks, type TestLinks } from '../support/linksServer.js';
import { call } from '../support/http.js';
import { createLedgerTenant, cr, dr, entry, type Ledger } from './ledgerClient.js';
let links: TestLinks; let ledger: Ledger;
beforeAll(async () => { links = await startTestLinks(); ledger = (await createLedgerTenant(links)).sandbox; });
afterAll(async () => { await links.stop(); await links.storage.destroy(); });
it('probe', async () => {
  const x = await ledger.accounts({ old: 'asset', income: 'revenue' });
  const e1 = await ledger.postEntry(entry('2026-03-08', [dr(x.old, '3.00'), cr(x.income, '3.00')]));
  const e2 = await ledger.postEntry(entry('2026-03-08', [dr(x.old, '3.00'), cr(x.income, '3.00')]));
  console.log('nobody', (await ledger.post(`/journal-entries/${e1.id}/reverse`)).text);
  console.log('empty json', (await call(ledger.origin, 'POST', `/api/v1/journal-entries/${e1.id}/reverse`, { token: ledger.key, rawBody: '', headers: {'content-type':'application/json'} })).text);
  console.log('no ct', (await call(ledger.origin, 'POST', `/api/v1/journal-entries/${e2.id}/reverse`, { token: ledger.key, headers: {} })).text);
  console.log('extra', (await ledger.post('/accounts', { code: 'zz', name: 'x', type: 'asset', colour: 'red' })).text);
  console.log('patch empty', (await ledger.patch('/accounts/zz', {})).text);
  console.log('close', (await ledger.post('/periods/2026-10/close')).text);
  console.log('close2', (await ledger.post('/periods/2026-09/close', {})).text);
});
