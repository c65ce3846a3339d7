/**
 * Arguments that make each MCP tool read tenant A's books, shared by the tool tests and the
 * isolation harness's MCP section: a tool missing here fails both (every tool must be covered).
 */
import { randomBytes } from 'node:crypto';
import { call } from '../support/http.js';

/** What a tenant's sandbox holds for the tools to read. */
export interface McpBooks {
  cash: string;
  receivable: string;
  revenue: string;
  entryId: string;
  reference: string;
  customerId: string;
  sourceId: string;
  /** The per-source tool the CSV connection is published as. */
  sourceTool: string;
  /** A value only this tenant's source holds. */
  sourceMarker: string;
  /** A paused webhook GL connection with the posted entry queued as a transfer. */
  glConnectionId: string;
}

async function ok(origin: string, key: string, method: string, path: string, body?: unknown): Promise<any> {
  const result = await call(origin, method, `/api/v1${path}`, { token: key, body });
  if (result.status >= 300) throw new Error(`setup ${method} ${path} → ${result.status} ${result.text}`);
  return result.body.data;
}

/** Accounts, one posted entry, a customer, a CSV data source published to MCP and a GL connection, through the REST API. */
export async function createMcpBooks(origin: string, key: string): Promise<McpBooks> {
  const tag = randomBytes(3).toString('hex');
  const [cash, receivable, revenue] = [`C${tag}`, `R${tag}`, `V${tag}`];
  await ok(origin, key, 'POST', '/accounts', { code: cash, name: 'Cash', type: 'asset' });
  await ok(origin, key, 'POST', '/accounts', { code: receivable, name: 'Receivables', type: 'asset' });
  await ok(origin, key, 'POST', '/accounts', { code: revenue, name: 'Revenue', type: 'revenue' });
  const reference = `INV-${tag}`;
  const entry = await ok(origin, key, 'POST', '/journal-entries', {
    date: '2026-03-15',
    description: `Invoice ${reference} for consulting`,
    currency: 'USD',
    reference,
    lines: [
      { account: receivable, debit: '100.00' },
      { account: revenue, credit: '100.00' },
    ],
  });
  const customer = await ok(origin, key, 'POST', '/unified/customer', { email: `ada-${tag}@example.com`, name: `Ada ${tag}` });
  const sourceMarker = `marker-${tag}`;
  const source = await ok(origin, key, 'POST', '/external-connections', {
    name: `billing ${tag}`,
    type: 'csv',
    csv: `id,name,city\ncus_1,${sourceMarker},London\ncus_2,Grace,Arlington\n`,
    mcp: { enabled: true, tool_name: `billing_${tag}`, description: 'Customers of the billing system.' },
  });
  // Paused, so the engine sends nothing; the URL is never reached.
  const gl = await ok(origin, key, 'POST', '/gl-connections', {
    provider: 'webhook',
    name: `erp ${tag}`,
    credentials: { url: 'http://127.0.0.1:9/erp' },
    settings: { start_date: '2000-01-01', summarize: 'none', paused: true },
  });
  // The run job queues the entry, then finishes at once: the connection is paused.
  const run = await ok(origin, key, 'POST', `/gl-connections/${gl.id}/run`);
  for (let job = run; job.status !== 'succeeded'; job = await ok(origin, key, 'GET', `/jobs/${run.id}`)) {
    if (job.status === 'failed') throw new Error(`setup: the GL run failed: ${JSON.stringify(job.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { cash, receivable, revenue, entryId: entry.id, reference, customerId: customer.id, sourceId: source.id, sourceTool: `source_billing_${tag}`, sourceMarker, glConnectionId: gl.id };
}

const CORE_CASES: Record<string, (books: McpBooks) => Record<string, unknown>> = {
  whoami: () => ({}),
  list_accounts: () => ({ with_balances: true }),
  get_account_balance: (b) => ({ account: b.receivable, as_of: '2026-03-31' }),
  get_trial_balance: () => ({}),
  get_balance_sheet: () => ({ as_of: '2026-12-31' }),
  get_income_statement: () => ({ from: '2026-01-01', to: '2026-12-31' }),
  list_journal_entries: (b) => ({ text: 'consulting', account: b.receivable, from: '2026-03-01', to: '2026-03-31' }),
  get_journal_entry: (b) => ({ id: b.entryId }),
  list_records: () => ({ model: 'customer' }),
  get_record: (b) => ({ model: 'customer', id: b.customerId }),
  get_customer_balance: (b) => ({ customer_id: b.customerId }),
  list_accounting_exceptions: () => ({}),
  list_gl_connections: () => ({}),
  list_gl_transfers: (b) => ({ connection_id: b.glConnectionId, status: 'pending' }),
  list_data_sources: () => ({}),
  describe_data_source: (b) => ({ source_id: b.sourceId }),
  query_data_source: (b) => ({ source_id: b.sourceId, filters: { city: 'London' } }),
  propose_journal_entry: (b) => ({ entry: cashSale(b, '7.00') }),
  post_journal_entry: (b) => ({ entry: cashSale(b, '3.00'), idempotency_key: `post-${b.cash}` }),
};

/** A balanced cash sale on the books' accounts. */
export function cashSale(books: McpBooks, amount: string, date = '2026-03-20') {
  return {
    date,
    description: 'Cash sale',
    currency: 'USD',
    lines: [
      { account: books.cash, debit: amount },
      { account: books.revenue, credit: amount },
    ],
  };
}

/** The arguments for a tool, or undefined when the tool is not covered (a test failure). */
export function argumentsFor(tool: string, books: McpBooks): Record<string, unknown> | undefined {
  if (tool.startsWith('source_')) return tool === books.sourceTool ? { fields: ['id', 'name'] } : undefined;
  return CORE_CASES[tool]?.(books);
}
