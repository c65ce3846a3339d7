/**
 * Property tests of the ledger (docs/ledger.md), over HTTP against one real server: random
 * command sequences (valid and invalid postings, batches, reversals, period closes, idempotent
 * replays and key reuse) run against a fresh tenant and an exact BigInt model; after every command
 * the entry count matches, a refused or replayed request changes nothing, and at the end every
 * report, balance, statement and sub-ledger agrees with the model. Seeded: a failure prints the
 * seed and the shrunk command list that reproduce it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postgresAvailable, useTestServer, type TestLinks } from '../support/linksServer.js';
import {
  Api,
  CODES,
  CONTROL,
  DIGITS,
  LedgerModel,
  PARTIES,
  USD_ONLY,
  balanceMap,
  checkBooks,
  createChart,
  entryCount,
  fingerprint,
  fmt,
  newTenant,
  trimmed,
  type ModelEntry,
  type ModelLine,
} from './ledgerModel.js';

// ---------------------------------------------------------------- generators -----------------

const MONTHS = ['2026-01', '2026-02', '2026-03'];
const dateArb = fc
  .record({ month: fc.constantFrom(...MONTHS), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ month, day }) => `${month}-${String(day).padStart(2, '0')}`);
const amountArb = fc.oneof({ weight: 5, arbitrary: fc.bigInt(1n, 99_999n) }, { weight: 1, arbitrary: fc.bigInt(1n, 10n ** 13n) });
const legArb = fc.record({ account: fc.constantFrom(...CODES), amount: amountArb, party: fc.constantFrom(...PARTIES) });

interface EntrySpec {
  date: string;
  currency: 'USD' | 'EUR';
  debits: Array<{ account: string; amount: bigint; party: string }>;
  credits: Array<{ account: string; amount: bigint; party: string }>;
  balancer: { account: string; party: string };
  trim: boolean;
}
const specArb: fc.Arbitrary<EntrySpec> = fc.record({
  date: dateArb,
  currency: fc.constantFrom('USD' as const, 'EUR' as const),
  debits: fc.array(legArb, { minLength: 1, maxLength: 3 }),
  credits: fc.array(legArb, { minLength: 1, maxLength: 3 }),
  balancer: legArb,
  trim: fc.boolean(),
});

type Fault = 'unbalanced' | 'unknown_account' | 'decimals' | 'missing_party' | 'currency_mismatch' | 'closed_month';
const FAULT_CODE: Record<Fault, string> = {
  unbalanced: 'unbalanced_entry',
  unknown_account: 'unknown_account',
  decimals: 'invalid_amount',
  missing_party: 'subledger_account_required',
  currency_mismatch: 'currency_mismatch',
  closed_month: 'period_closed',
};
const faultArb = fc.constantFrom<Fault>('unbalanced', 'unknown_account', 'decimals', 'missing_party', 'currency_mismatch', 'closed_month');

type Command =
  | { t: 'post'; e: EntrySpec; key: boolean }
  | { t: 'bad'; e: EntrySpec; fault: Fault; key: boolean }
  | { t: 'batch'; es: EntrySpec[]; bad: { index: number; fault: Fault } | null; key: boolean }
  | { t: 'reverse'; pick: number; date: string; twice: boolean; key: boolean }
  | { t: 'close' | 'reopen'; month: string }
  | { t: 'replay'; pick: number }
  | { t: 'reuse'; pick: number; e: EntrySpec };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('post' as const), e: specArb, key: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('bad' as const), e: specArb, fault: faultArb, key: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('batch' as const),
      es: fc.array(specArb, { minLength: 1, maxLength: 4 }),
      bad: fc.option(fc.record({ index: fc.nat(), fault: faultArb }), { nil: null, freq: 2 }),
      key: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('reverse' as const), pick: fc.nat(), date: dateArb, twice: fc.boolean(), key: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constantFrom('close' as const, 'reopen' as const), month: fc.constantFrom(...MONTHS) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('replay' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('reuse' as const), pick: fc.nat(), e: specArb }) },
);

// ---------------------------------------------------------------- entries --------------------

/** The balanced lines of a spec: USD-only account mapped away for EUR, a party exactly on the control account. */
function linesOf(spec: EntrySpec): ModelLine[] {
  const account = (code: string) => (code === USD_ONLY && spec.currency !== 'USD' ? '1000' : code);
  const line = (leg: { account: string; party: string }, debit: bigint, credit: bigint): ModelLine => ({
    account: account(leg.account),
    debit,
    credit,
    party: account(leg.account) === CONTROL ? leg.party : null,
  });
  const lines = [...spec.debits.map((d) => line(d, d.amount, 0n)), ...spec.credits.map((c) => line(c, 0n, c.amount))];
  const net = lines.reduce((n, l) => n + l.debit - l.credit, 0n);
  if (net > 0n) lines.push(line(spec.balancer, 0n, net));
  if (net < 0n) lines.push(line(spec.balancer, -net, 0n));
  return lines;
}

type Body = { date: string; description: string; currency: string; reference: string; lines: Array<Record<string, string>> };

function bodyOf(spec: EntrySpec, lines: ModelLine[], description: string): Body {
  const text = (minor: bigint) => (spec.trim ? trimmed(minor, spec.currency) : fmt(minor, spec.currency));
  return {
    date: spec.date,
    description,
    currency: spec.currency,
    reference: description,
    lines: lines.map((l) => ({
      account: l.account,
      ...(l.debit > 0n ? { debit: text(l.debit) } : { credit: text(l.credit) }),
      ...(l.party ? { subledger_account: l.party } : {}),
    })),
  };
}

/** Breaks a body the way `fault` says (closed_month leaves it valid: the caller closes its month). */
function breakBody(body: Body, fault: Fault): void {
  const first = body.lines[0]!;
  const side = first.debit !== undefined ? 'debit' : 'credit';
  if (fault === 'unbalanced') {
    const last = body.lines.at(-1)!;
    const lastSide = last.debit !== undefined ? 'debit' : 'credit';
    last[lastSide] = fmt(parseLoose(last[lastSide]!, body.currency) + 1n, body.currency);
  } else if (fault === 'unknown_account') {
    first.account = 'NO-SUCH-9';
    delete first.subledger_account;
  } else if (fault === 'decimals') {
    first[side] = `${fmt(parseLoose(first[side]!, body.currency), body.currency)}0`;
  } else if (fault === 'missing_party') {
    const control = body.lines.find((l) => l.account === CONTROL) ?? first;
    control.account = CONTROL;
    delete control.subledger_account;
  } else if (fault === 'currency_mismatch') {
    body.currency = 'EUR';
    for (const l of body.lines) if (l.account === USD_ONLY) l.account = '1000';
    first.account = USD_ONLY;
    delete first.subledger_account;
  }
}

/** Parses the (possibly trimmed) amount strings this file writes. */
function parseLoose(text: string, currency: string): bigint {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole!) * 10n ** BigInt(DIGITS[currency]!) + BigInt(fraction.padEnd(DIGITS[currency]!, '0') || '0');
}

const viewLines = (lines: any[]) => lines.map((l) => ({ account: l.account, debit: l.debit, credit: l.credit, party: l.subledger_account }));
const modelView = (lines: ModelLine[], currency: string) =>
  lines.map((l) => ({ account: l.account, debit: l.debit > 0n ? fmt(l.debit, currency) : null, credit: l.credit > 0n ? fmt(l.credit, currency) : null, party: l.party }));

// ---------------------------------------------------------------- the runner -----------------

interface Keyed {
  path: string;
  body: unknown;
  key: string;
  status: number;
  response: unknown;
}

class Runner {
  readonly model = new LedgerModel();
  readonly keyed: Keyed[] = [];
  private n = 0;
  constructor(private readonly api: Api) {}

  private next(prefix: string): string {
    return `${prefix}-${++this.n}`;
  }

  private async send(path: string, body: unknown, key: boolean) {
    const idempotencyKey = key ? this.next('idem') : undefined;
    const result = await this.api.send('POST', path, body, idempotencyKey);
    if (idempotencyKey && result.status === 201) this.keyed.push({ path, body, key: idempotencyKey, status: result.status, response: result.body });
    return result;
  }

  private async setMonth(month: string, status: 'closed' | 'open'): Promise<void> {
    const data = await this.api.must('POST', `/periods/${month}/${status === 'closed' ? 'close' : 'reopen'}`, undefined, 200);
    expect(data, `${status} ${month}`).toMatchObject({ period: month, status });
    if (status === 'closed') this.model.closed.add(month);
    else this.model.closed.delete(month);
  }

  /** A request that must be refused with one of `codes`, changing nothing. */
  private async refused(path: string, body: unknown, key: boolean, codes: string[], label: string) {
    const before = await fingerprint(this.api);
    const result = await this.send(path, body, key);
    expect(result.status === 422 || result.status === 409 ? result.body.error.code : `HTTP ${result.status} ${result.text}`, label).toBeOneOf(codes);
    expect(await fingerprint(this.api), `${label}: a refused request changed the books`).toEqual(before);
    return result;
  }

  async exec(cmd: Command, step: string): Promise<void> {
    const label = `${step} ${cmd.t}`;
    const m = this.model;
    if (cmd.t === 'post') {
      const lines = linesOf(cmd.e);
      const body = bodyOf(cmd.e, lines, this.next('entry'));
      if (m.isClosed(cmd.e.date)) return void (await this.refused('/journal-entries', body, cmd.key, ['period_closed'], label));
      const result = await this.send('/journal-entries', body, cmd.key);
      expect(result.status, `${label}: ${result.text}`).toBe(201);
      const entry = result.body.data;
      expect(entry, label).toMatchObject({ date: cmd.e.date, currency: cmd.e.currency, status: 'posted', reversal_of: null, reversed_by: null });
      expect(viewLines(entry.lines), label).toEqual(modelView(lines, cmd.e.currency));
      m.entries.push({ id: entry.id, date: cmd.e.date, currency: cmd.e.currency, lines, reversalOf: null, reversedBy: null });
    } else if (cmd.t === 'bad') {
      const body = bodyOf(cmd.e, linesOf(cmd.e), this.next('bad'));
      breakBody(body, cmd.fault);
      if (cmd.fault === 'closed_month' && !m.isClosed(body.date)) await this.setMonth(body.date.slice(0, 7), 'closed');
      const codes = [FAULT_CODE[cmd.fault], ...(m.isClosed(body.date) ? ['period_closed'] : [])];
      await this.refused('/journal-entries', body, cmd.key, codes, `${label} ${cmd.fault}`);
    } else if (cmd.t === 'batch') {
      const specs = cmd.es.map((e) => ({ e, lines: linesOf(e) }));
      const bodies = specs.map(({ e, lines }) => bodyOf(e, lines, this.next('batch')));
      const bad = cmd.bad ? { index: cmd.bad.index % bodies.length, fault: cmd.bad.fault } : null;
      if (bad) {
        breakBody(bodies[bad.index]!, bad.fault);
        if (bad.fault === 'closed_month' && !m.isClosed(bodies[bad.index]!.date)) await this.setMonth(bodies[bad.index]!.date.slice(0, 7), 'closed');
      }
      const closedAt = bodies.flatMap((b, i) => (m.isClosed(b.date) ? [i] : []));
      if (bad || closedAt.length > 0) {
        const codes = [...(bad ? [FAULT_CODE[bad.fault]] : []), ...(closedAt.length ? ['period_closed'] : [])];
        const result = await this.refused('/journal-entries/batch', { entries: bodies }, cmd.key, codes, `${label} ${bad?.fault ?? 'closed'}`);
        // The error names the failing entry's index.
        const index = Number(/^entries\.(\d+)\./.exec(result.body.error.details?.[0]?.path ?? '')?.[1] ?? -1);
        const culprits = result.body.error.code === 'period_closed' ? closedAt : [bad?.index];
        expect(culprits, `${label}: the error names entry ${index}: ${result.text}`).toContain(index);
        expect(result.body.error.message, label).toContain(`entries[${index}]`);
        return;
      }
      const result = await this.send('/journal-entries/batch', { entries: bodies }, cmd.key);
      expect(result.status, `${label}: ${result.text}`).toBe(201);
      const posted = result.body.data.entries;
      expect(posted.length, label).toBe(bodies.length);
      specs.forEach(({ e, lines }, i) => {
        expect(viewLines(posted[i].lines), `${label} #${i}`).toEqual(modelView(lines, e.currency));
        m.entries.push({ id: posted[i].id, date: e.date, currency: e.currency, lines, reversalOf: null, reversedBy: null });
      });
    } else if (cmd.t === 'reverse') {
      if (m.entries.length === 0) return;
      const original = m.entries[cmd.pick % m.entries.length]!;
      for (let attempt = 0; attempt < (cmd.twice ? 2 : 1); attempt++) {
        const path = `/journal-entries/${original.id}/reverse`;
        const body = { date: cmd.date, description: this.next('reversal') };
        const codes = [...(original.reversedBy ? ['already_reversed'] : []), ...(m.isClosed(cmd.date) ? ['period_closed'] : [])];
        if (codes.length > 0) {
          await this.refused(path, body, cmd.key, codes, `${label} #${attempt}`);
          continue;
        }
        const result = await this.send(path, body, cmd.key);
        expect(result.status, `${label}: ${result.text}`).toBe(201);
        const lines = original.lines.map((l) => ({ ...l, debit: l.credit, credit: l.debit }));
        const reversal: ModelEntry = { id: result.body.data.id, date: cmd.date, currency: original.currency, lines, reversalOf: original.id, reversedBy: null };
        expect(result.body.data, label).toMatchObject({ date: cmd.date, currency: original.currency, reversal_of: original.id });
        expect(viewLines(result.body.data.lines), label).toEqual(modelView(lines, original.currency));
        original.reversedBy = reversal.id;
        m.entries.push(reversal);
        expect((await this.api.get(`/journal-entries/${original.id}`)).data.reversed_by, `${label}: reversed_by`).toBe(reversal.id);
      }
    } else if (cmd.t === 'close' || cmd.t === 'reopen') {
      await this.setMonth(cmd.month, cmd.t === 'close' ? 'closed' : 'open');
    } else if (cmd.t === 'replay') {
      if (this.keyed.length === 0) return;
      const original = this.keyed[cmd.pick % this.keyed.length]!;
      const before = await fingerprint(this.api);
      const result = await this.api.send('POST', original.path, original.body, original.key);
      expect(result.status, `${label} ${original.key}: ${result.text}`).toBe(original.status);
      expect(result.headers.get('idempotent-replayed'), `${label} ${original.key}`).toBe('true');
      expect(result.body, `${label} ${original.key}: the original body`).toEqual(original.response);
      expect(await fingerprint(this.api), `${label} ${original.key}: a replay changed the books`).toEqual(before);
    } else if (cmd.t === 'reuse') {
      if (this.keyed.length === 0) return;
      const original = this.keyed[cmd.pick % this.keyed.length]!;
      const body = bodyOf(cmd.e, linesOf(cmd.e), this.next('reuse'));
      const before = await fingerprint(this.api);
      const result = await this.api.send('POST', '/journal-entries', body, original.key);
      expect(result.status, `${label} ${original.key}: ${result.text}`).toBe(409);
      expect(result.body.error.code, label).toBe('idempotency_key_reused');
      expect(await fingerprint(this.api), `${label}: key reuse changed the books`).toEqual(before);
    }
  }
}

// ---------------------------------------------------------------- the properties -------------

describe.skipIf(!postgresAvailable())('ledger properties', () => {
  let links: TestLinks;
  useTestServer((started) => {
    links = started;
  });

  it('random command sequences keep every report, balance and sub-ledger equal to an exact model', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 4, maxLength: 20 }), async (commands) => {
        const [api] = await newTenant(links, 'prop');
        await createChart(api!);
        const runner = new Runner(api!);
        run++;
        for (const [i, cmd] of commands.entries()) {
          await runner.exec(cmd, `run ${run} step ${i}`);
          expect(await entryCount(api!), `run ${run} step ${i} ${cmd.t}: entry count`).toBe(runner.model.entries.length);
        }
        await checkBooks(api!, runner.model, `run ${run} (${commands.length} commands)`);
      }),
      { seed: 20_260_115, numRuns: 25, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: false },
    );
  }, 200_000);

  it('amounts round-trip exactly at every currency’s minor digits, balances stay exact past 2^53, finer digits are refused', async () => {
    const MAX_LINE = 999_999_999_999_999n; // the largest single line this server takes: 10^15 − 1 minor units
    const caseArb = fc.record({
      currency: fc.constantFrom('USD', 'JPY', 'BHD', 'KWD', 'CLP', 'EUR'),
      amounts: fc.array(fc.oneof(fc.bigInt(1n, 1000n), fc.bigInt(MAX_LINE / 8n, MAX_LINE / 4n)), { minLength: 1, maxLength: 4 }),
      copies: fc.integer({ min: 1, max: 12 }),
      trim: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ currency, amounts, copies, trim }) => {
        const [api] = await newTenant(links, 'money');
        await api!.must('POST', '/accounts', { code: 'A', name: 'Asset', type: 'asset' }, 201);
        await api!.must('POST', '/accounts', { code: 'R', name: 'Revenue', type: 'revenue' }, 201);
        const text = (minor: bigint) => (trim ? trimmed(minor, currency) : fmt(minor, currency));
        const total = amounts.reduce((a, b) => a + b, 0n);
        const lines = [...amounts.map((a) => ({ account: 'A', debit: text(a) })), { account: 'R', credit: text(total) }];
        const entries = Array.from({ length: copies }, (_, i) => ({ date: '2026-04-01', description: `exact ${i}`, currency, lines }));
        const posted = await api!.must('POST', '/journal-entries/batch', { entries }, 201);
        for (const entry of posted.entries) expect(entry.lines.map((l: any) => l.debit ?? l.credit)).toEqual([...amounts, total].map((a) => fmt(a, currency)));
        const sum = total * BigInt(copies); // up to ~1.2e16 minor units: beyond 2^53, where floats lose units
        const balance = (await api!.get(`/accounts/A/balance?currency=${currency}`)).data;
        expect(balanceMap(balance.balances)).toEqual({ [currency]: { debits: fmt(sum, currency), credits: fmt(0n, currency), balance: fmt(sum, currency) } });
        const revenue = (await api!.get(`/accounts/R/balance?currency=${currency}&as_of=2026-04-01`)).data;
        expect(balanceMap(revenue.balances)).toEqual({ [currency]: { debits: fmt(0n, currency), credits: fmt(sum, currency), balance: fmt(sum, currency) } });
        const tb = (await api!.get(`/reports/trial-balance?currency=${currency}`)).data;
        expect([tb.total_debits, tb.total_credits]).toEqual([fmt(sum, currency), fmt(sum, currency)]);
        const bs = (await api!.get(`/reports/balance-sheet?currency=${currency}`)).data;
        expect([bs.assets.total, bs.total_liabilities_and_equity]).toEqual([fmt(sum, currency), fmt(sum, currency)]);

        // One digit finer than the currency has, or a JSON number instead of a string: refused, nothing posted.
        const finer = `${fmt(amounts[0]!, currency)}${DIGITS[currency] === 0 ? '.' : ''}5`;
        const tooFine = await api!.send('POST', '/journal-entries', {
          date: '2026-04-02', description: 'finer', currency,
          lines: [{ account: 'A', debit: finer }, { account: 'R', credit: finer }],
        });
        expect([tooFine.status, tooFine.body.error?.code], finer).toEqual([422, 'invalid_amount']);
        const number = await api!.send('POST', '/journal-entries', {
          date: '2026-04-02', description: 'number', currency,
          lines: [{ account: 'A', debit: 1 }, { account: 'R', credit: 1 }],
        });
        expect([number.status, number.body.error?.code]).toEqual([400, 'invalid_request']);
        expect(await entryCount(api!)).toBe(copies);
      }),
      { seed: 4217, numRuns: 15 },
    );
  }, 120_000);
});
