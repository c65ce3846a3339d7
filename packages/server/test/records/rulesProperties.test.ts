/**
 * Property (fast-check, seeded): whatever sequence of invoice and payment writes, edits and deletes
 * arrives, each customer's receivable equals what its live records ask for — issued invoices minus
 * received payments, per currency — and the books stay balanced. A model in the test computes the
 * expectation independently of the server's rules engine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import { createLedgerTenant, fmt, type Ledger } from '../ledger/ledgerClient.js';

type Write =
  | { kind: 'invoice'; source: string; customer: number; cents: number; status: string; currency: string }
  | { kind: 'payment'; source: string; customer: number; cents: number; status: string; currency: string }
  | { kind: 'delete'; model: 'invoice' | 'payment'; source: string };

const ISSUED = (status: string) => !['draft', 'void', 'voided'].includes(status.toLowerCase());
const RECEIVED = (status: string) => ['completed', 'succeeded', 'paid'].includes(status.toLowerCase());

const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('invoice' as const), source: fc.constantFrom('i0', 'i1', 'i2'), customer: fc.nat(1), cents: fc.nat(50_000), status: fc.constantFrom('open', 'DRAFT', 'Void', 'paid'), currency: fc.constantFrom('USD', 'EUR') }),
  fc.record({ kind: fc.constant('payment' as const), source: fc.constantFrom('p0', 'p1'), customer: fc.nat(1), cents: fc.nat(50_000), status: fc.constantFrom('COMPLETED', 'pending', 'succeeded'), currency: fc.constantFrom('USD', 'EUR') }),
  fc.record({ kind: fc.constant('delete' as const), model: fc.constantFrom('invoice' as const, 'payment' as const), source: fc.constantFrom('i0', 'i1', 'p0', 'p1') }),
);

describe.skipIf(!postgresAvailable())('accounting rules, property-based', () => {
  let links: TestLinks;

  useTestServer(async (started) => {
    links = started;
  });

  it('each customer owes exactly what its live records say, after any sequence of writes', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 10 }), async (writes) => {
        run += 1;
        const ledger: Ledger = (await createLedgerTenant(links, `Property ${run}`)).sandbox;
        for (const [code, type] of [['1000', 'asset'], ['1100', 'asset'], ['4000', 'revenue']]) await ledger.createAccount(code!, type!);
        await ledger.ok('POST', '/subledgers', { code: 'AR', name: 'Customers', control_account: '1100' });
        const customers: string[] = [];
        for (const n of [0, 1]) customers.push((await ledger.ok('POST', '/unified/customer', { email: `c${n}@example.com`, name: `C${n}` })).id);

        // The model: the live state of every record, by source id.
        const live = new Map<string, Extract<Write, { kind: 'invoice' | 'payment' }> & { deleted: boolean }>();
        for (const w of writes) {
          if (w.kind === 'delete') {
            const record = live.get(w.source);
            const found = (await ledger.ok<any[]>('GET', `/unified/${w.model}s?source_id=${w.source}&include_deleted=true`))[0];
            if (!found || record?.kind !== w.model) continue;
            await ledger.ok('DELETE', `/unified/${w.model}/${found.id}`);
            record.deleted = true;
            continue;
          }
          const amount = fmt(BigInt(w.cents));
          const body = { source_id: w.source, status: w.status, currency: w.currency, unified_customer_id: customers[w.customer], ...(w.kind === 'invoice' ? { amount_due: amount } : { amount }) };
          const result = await ledger.post(`/unified/${w.kind}`, body);
          if (live.get(w.source)?.deleted) {
            expect(result.status, result.text).toBe(409);
            continue;
          }
          expect(result.status, result.text).toBeLessThan(300);
          live.set(w.source, { ...w, deleted: false });
        }

        const expected = new Map<string, bigint>();
        for (const record of live.values()) {
          if (record.deleted) continue;
          const signed = record.kind === 'invoice' ? (ISSUED(record.status) ? 1n : 0n) : RECEIVED(record.status) ? -1n : 0n;
          const key = `${customers[record.customer]}|${record.currency}`;
          expected.set(key, (expected.get(key) ?? 0n) + signed * BigInt(record.cents));
        }
        for (const customer of customers) {
          const balances = (await ledger.ok('GET', `/unified/customer/${customer}/balance`)).balances as Array<{ currency: string; balance: string }>;
          const actual = Object.fromEntries(balances.filter((b) => Number(b.balance) !== 0).map((b) => [b.currency, b.balance]));
          const wanted = Object.fromEntries(
            [...expected.entries()].filter(([key, v]) => key.startsWith(`${customer}|`) && v !== 0n).map(([key, v]) => [key.split('|')[1]!, fmt(v)]),
          );
          expect(actual, JSON.stringify(writes)).toEqual(wanted);
        }
        for (const currency of ['USD', 'EUR']) {
          const trial = await ledger.get(`/reports/trial-balance?currency=${currency}`);
          if (trial.status === 200) expect(trial.body.data.total_debits).toBe(trial.body.data.total_credits);
        }
        expect((await ledger.ok('GET', '/ledger/verify')).valid).toBe(true);
      }),
      { numRuns: 12, seed: 20261201, endOnFailure: true },
    );
  });
});
