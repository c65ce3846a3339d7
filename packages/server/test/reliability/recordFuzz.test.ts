/**
 * Bad input on unified records, seeded and random (fast-check): bodies built from each model's own
 * field names with values of every shape — ids that are not ids, dates that are not dates, money in
 * every form, wrong types — sent to create, update and preview. Every answer is a 2xx or a contract
 * 4xx, never a 5xx, and the books stay balanced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_FIELDS, PROVENANCE_FIELDS, UNIFIED_MODELS } from '../../src/domain/unifiedModels.js';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, type Ledger } from '../ledger/ledgerClient.js';

const text = fc.oneof(
  fc.constantFrom('', ' ', 'cus_1', 'not-a-uuid', '01a2b3c4-0000-7000-8000-000000000000', '2026-02-30', '2026-11-30', '2026-11-30T25:00:00Z', 'USD', 'usd', 'VOID', 'paid', '1e3', '-0', '12.345', '99999999999999999999', 'a@b', '{{x}}'),
  fc.string({ maxLength: 20 }),
);
const value = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.record({ amount: text, revenue_account: text }), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), text, { maxKeys: 3 }));

/** The smallest valid body of the models with required fields. */
const MINIMAL: Partial<Record<(typeof UNIFIED_MODELS)[number], Record<string, string>>> = {
  customer: { email: 'f@example.com', name: 'F' },
  contact: { email: 'f@example.com', first_name: 'F' },
  product: { name: 'P', type: 't', price: '1.00' },
};

describe.skipIf(!postgresAvailable())('random record bodies never break a route', () => {
  let links: TestLinks;
  let ledger: Ledger;

  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'Record fuzz')).sandbox;
    for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue']]) await ledger.createAccount(code!, type!);
    await ledger.ok('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
  });

  it.each(UNIFIED_MODELS.map((m) => [m]))('%s: create, update and preview answer 2xx or a contract 4xx', async (model) => {
    const names = [...Object.keys(MODEL_FIELDS[model]), ...Object.keys(PROVENANCE_FIELDS), 'id', 'version'];
    const bodies = fc.sample(fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 6 }), { numRuns: 60, seed: 7 });
    const existing = await ledger.post(`/unified/${model}`, MINIMAL[model] ?? {});
    expect(existing.status, existing.text).toBe(201);
    let accepted = 0;
    for (const body of bodies) {
      for (const [method, path, sent] of [
        ['POST', `/unified/${model}`, body],
        ['PUT', `/unified/${model}/${existing.body.data.id}`, body],
        ...(model === 'invoice' || model === 'payment' ? [['POST', `/accounting-rules/${model === 'invoice' ? 'invoice.issued' : 'payment.received'}/preview`, { record: body }] as const] : []),
      ] as const) {
        const answer = await ledger.request(method, path, sent);
        expect(answer.status, `${method} ${path} ${JSON.stringify(sent)}: ${answer.text}`).toBeLessThan(500);
        if (answer.status < 300) accepted += 1;
        else expect(answer.body.error.code, answer.text).toMatch(/^(invalid_request|invalid_amount|not_found|conflict|unknown_account|subledger_account_required|period_closed|currency_mismatch|inactive_account)$/);
      }
    }
    const trial = await ledger.get('/reports/trial-balance?currency=USD');
    if (trial.status === 200) expect(trial.body.data.total_debits).toBe(trial.body.data.total_credits);
    expect((await ledger.ok('GET', '/ledger/verify')).valid).toBe(true);
    console.info(`reliability | record fuzz (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | ${model}: ${bodies.length} random bodies × create, update${model === 'invoice' || model === 'payment' ? ', preview' : ''} | ${accepted} accepted, the rest 4xx, 0 5xx`);
  });
});

describe.skipIf(!postgresAvailable())('random uploads and mappings never break a connection', () => {
  let links: TestLinks;
  let ledger: Ledger;

  useTestServer(async (started) => {
    links = started;
    ledger = (await createLedgerTenant(links, 'Connection fuzz')).sandbox;
  });

  it('CSV text of every shape, then random mappings and a sync: 2xx or a contract 4xx', async () => {
    const cell = fc.oneof(fc.constantFrom('', '"', '""', '"a,b"', '"x\ny"', 'id', 'email', '1.00', '\r', ' ', 'USD'), fc.string({ maxLength: 8 }));
    const csv = fc.oneof(
      // A header every mapping below can use, then rows of any shape.
      fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 6 }).map((rows) => ['id,email,name,amount,currency', ...rows.map((r) => r.join(','))].join('\n')),
      fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }).map((rows) => rows.map((r) => r.join(',')).join('\n')),
      fc.string({ maxLength: 200 }),
    );
    // Mostly mappings a user could save (the model's own fields onto the header's columns), some not.
    const mapping = fc.constantFrom(...UNIFIED_MODELS).chain((model) =>
      fc.record({
        model: fc.constant(model),
        fields: fc
          .dictionary(fc.constantFrom(...Object.keys(MODEL_FIELDS[model]).filter((f) => f !== 'lines'), 'nope'), fc.constantFrom('id', 'email', 'name', 'amount', 'currency', 'missing'), { maxKeys: 4 })
          .map((fields) => ({ source_id: 'id', ...fields })),
      }),
    );
    const samples = fc.sample(fc.tuple(csv, mapping), { numRuns: 80, seed: 11 });
    let created = 0;
    let synced = 0;
    for (const [text, map] of samples) {
      const answer = await ledger.post('/external-connections', { name: `fuzz ${created}-${Math.random()}`, type: 'csv', csv: text, mapping: map });
      expect(answer.status, `${JSON.stringify(text)} ${JSON.stringify(map)}: ${answer.text}`).toBeLessThan(500);
      if (answer.status >= 300) {
        expect(answer.body.error.code).toMatch(/^(invalid_request|conflict)$/);
        continue;
      }
      created += 1;
      const sync = await ledger.post(`/external-connections/${answer.body.data.id}/sync`);
      expect(sync.status, `${JSON.stringify(text)} ${JSON.stringify(map)}: ${sync.text}`).toBe(200);
      synced += 1;
    }
    expect(created).toBeGreaterThan(0);
    console.info(`reliability | connection fuzz (${process.env.LINKS_TEST_BACKEND ?? 'pglite'}) | ${samples.length} random CSV uploads with random mappings | ${created} accepted and synced (${synced}), the rest 4xx, 0 5xx`);
  });
});
