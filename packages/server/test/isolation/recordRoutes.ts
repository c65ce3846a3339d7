/**
 * The isolation catalogue's unified-record, accounting-rule and external-connection routes. Each
 * request is one tenant A's sandbox owns; bodies name A's records (customers, invoices), so a
 * foreign caller sending the same body must meet 404, never A's data.
 */
import { PLURAL, UNIFIED_MODELS, type UnifiedModel } from '../../src/domain/unifiedModels.js';
import { asA, booksOfA, unique } from './booksOfA.js';
import type { IsolationCase } from './routes.js';
import type { IsolationWorld } from './world.js';

interface OwnedRecord {
  id: string;
  /** Ids and texts of A's that must never show elsewhere. */
  owned: string[];
}

async function customerOfA(world: IsolationWorld): Promise<OwnedRecord> {
  const sourceId = unique('cusA-');
  const customer = await asA(world, 'POST', '/api/v1/unified/customer', { email: `${sourceId}@a.example`, name: 'Customer of A', source_system: 'crm-A', source_id: sourceId });
  return { id: customer.id, owned: [customer.id, sourceId] };
}

/** A valid create body per model; invoices and payments stay unposted (draft, pending). */
async function createBody(world: IsolationWorld, model: UnifiedModel): Promise<{ body: Record<string, unknown>; owned: string[] }> {
  switch (model) {
    case 'customer':
      return { body: { email: 'new@a.example', name: 'New customer' }, owned: [] };
    case 'product':
      return { body: { name: 'Plan', type: 'service', price: '12.00' }, owned: [] };
    case 'contact':
    case 'contract':
    case 'opportunity':
    case 'invoice': {
      const customer = await customerOfA(world);
      const own = { unified_customer_id: customer.id };
      const bodies: Record<string, Record<string, unknown>> = {
        contact: { email: 'c@a.example', first_name: 'Ada', ...own },
        contract: { contract_number: 'K-1', contract_term_months: 12, ...own },
        opportunity: { deal_name: 'Deal', amount: '100.00', ...own },
        invoice: { status: 'DRAFT', currency: 'USD', amount_due: '10.00', ...own },
      };
      return { body: bodies[model]!, owned: customer.owned };
    }
    case 'payment': {
      const invoice = await recordOfA(world, 'invoice');
      return { body: { status: 'pending', currency: 'USD', amount: '10.00', unified_invoice_id: invoice.id }, owned: invoice.owned };
    }
  }
}

async function recordOfA(world: IsolationWorld, model: UnifiedModel): Promise<OwnedRecord> {
  const { body, owned } = await createBody(world, model);
  const record = await asA(world, 'POST', `/api/v1/unified/${model}`, body);
  return { id: record.id, owned: [...owned, record.id] };
}

const recordRouteCases: IsolationCase[] = UNIFIED_MODELS.flatMap((model): IsolationCase[] => [
  {
    method: 'POST',
    route: `/api/v1/unified/${model}`,
    permission: 'write',
    prepare: async (w) => {
      const { body, owned } = await createBody(w, model);
      return { path: `/api/v1/unified/${model}`, body, ownedIds: owned };
    },
  },
  {
    method: 'GET',
    route: `/api/v1/unified/${PLURAL[model]}`,
    permission: 'read',
    prepare: async (w) => ({ path: `/api/v1/unified/${PLURAL[model]}?limit=100&include_deleted=true`, ownedIds: (await recordOfA(w, model)).owned }),
  },
  {
    method: 'GET',
    route: `/api/v1/unified/${model}/:id`,
    permission: 'read',
    prepare: async (w) => {
      const record = await recordOfA(w, model);
      return { path: `/api/v1/unified/${model}/${record.id}`, ownedIds: record.owned };
    },
  },
  {
    method: 'PUT',
    route: `/api/v1/unified/${model}/:id`,
    permission: 'write',
    prepare: async (w) => {
      const record = await recordOfA(w, model);
      return { path: `/api/v1/unified/${model}/${record.id}`, body: { source_system: 'edited-by-A' }, ownedIds: record.owned };
    },
    badInput: { nullClears: true },
  },
  {
    method: 'DELETE',
    route: `/api/v1/unified/${model}/:id`,
    permission: 'write',
    prepare: async (w) => {
      const record = await recordOfA(w, model);
      return { path: `/api/v1/unified/${model}/${record.id}`, ownedIds: record.owned };
    },
  },
]);

/** A's rules set to A's own accounts, with a template only A uses. */
async function rulesOfA(world: IsolationWorld): Promise<{ owned: string[]; body: Record<string, unknown> }> {
  const books = await booksOfA(world);
  const marker = unique('template-of-A-');
  const body = { debit_account: books.receivable.code, credit_account: books.revenue.code, description_template: `Invoice {{record}} ${marker}` };
  await asA(world, 'PUT', '/api/v1/accounting-rules/invoice.issued', body);
  return { owned: [marker, books.receivable.id, books.revenue.id], body };
}

const CUSTOMERS_CSV = 'id,email,name\ncus_1,one@a.example,One\ncus_2,two@a.example,Two\n';
const customerMapping = { model: 'customer', fields: { source_id: 'id', email: 'email', name: 'name' } };

async function connectionOfA(world: IsolationWorld): Promise<{ id: string; owned: string[] }> {
  const name = unique('connection-of-A-');
  const connection = await asA(world, 'POST', '/api/v1/external-connections', { name, type: 'csv', csv: CUSTOMERS_CSV, mapping: customerMapping });
  return { id: connection.id, owned: [connection.id, name] };
}

const ruleAndConnectionCases: IsolationCase[] = [
  {
    method: 'GET',
    route: '/api/v1/unified/customer/:id/balance',
    permission: 'read',
    prepare: async (w) => {
      const customer = await customerOfA(w);
      return { path: `/api/v1/unified/customer/${customer.id}/balance`, ownedIds: customer.owned };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/accounting/exceptions',
    permission: 'read',
    prepare: async (w) => {
      // An open invoice with no customer cannot carry its receivable: stored, listed as A's exception.
      const sourceId = unique('unaccounted-of-A-');
      const invoice = await asA(w, 'POST', '/api/v1/unified/invoice', { status: 'OPEN', currency: 'USD', amount_due: '12.00', source_system: 'billing-A', source_id: sourceId });
      return { path: '/api/v1/accounting/exceptions?limit=100', ownedIds: [invoice.id, sourceId] };
    },
  },
  {
    method: 'GET',
    route: '/api/v1/accounting-rules',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/accounting-rules', ownedIds: (await rulesOfA(w)).owned }),
  },
  {
    method: 'GET',
    route: '/api/v1/accounting-rules/:event',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/accounting-rules/invoice.issued', ownedIds: (await rulesOfA(w)).owned }),
  },
  {
    method: 'PUT',
    route: '/api/v1/accounting-rules/:event',
    permission: 'write',
    prepare: async (w) => {
      const books = await booksOfA(w);
      return { path: '/api/v1/accounting-rules/invoice.issued', body: { debit_account: books.receivable.code, credit_account: books.revenue.code }, ownedIds: [books.receivable.id] };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/accounting-rules/:event/preview',
    permission: 'write',
    prepare: async (w) => {
      const rules = await rulesOfA(w);
      const customer = await customerOfA(w);
      const record = { status: 'open', currency: 'USD', amount_due: '25.00', effective_date: '2026-03-10', unified_customer_id: customer.id };
      return { path: '/api/v1/accounting-rules/invoice.issued/preview', body: { record }, ownedIds: [...rules.owned, ...customer.owned] };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/external-connections',
    permission: 'write',
    prepare: async () => ({ path: '/api/v1/external-connections', body: { name: unique('new-connection-'), type: 'csv', csv: CUSTOMERS_CSV }, ownedIds: [] }),
  },
  {
    method: 'GET',
    route: '/api/v1/external-connections',
    permission: 'read',
    prepare: async (w) => ({ path: '/api/v1/external-connections?limit=100', ownedIds: (await connectionOfA(w)).owned }),
  },
  ...(['', '/schema'] as const).map(
    (suffix): IsolationCase => ({
      method: 'GET',
      route: `/api/v1/external-connections/:id${suffix}`,
      permission: 'read',
      prepare: async (w) => {
        const connection = await connectionOfA(w);
        return { path: `/api/v1/external-connections/${connection.id}${suffix}`, ownedIds: connection.owned };
      },
    }),
  ),
  {
    method: 'PUT',
    route: '/api/v1/external-connections/:id',
    permission: 'write',
    prepare: async (w) => {
      const connection = await connectionOfA(w);
      return { path: `/api/v1/external-connections/${connection.id}`, body: { csv: CUSTOMERS_CSV.replace('One', 'Uno') }, ownedIds: connection.owned };
    },
  },
  {
    method: 'PUT',
    route: '/api/v1/external-connections/:id/mapping',
    permission: 'write',
    prepare: async (w) => {
      const connection = await connectionOfA(w);
      return { path: `/api/v1/external-connections/${connection.id}/mapping`, body: customerMapping, ownedIds: connection.owned };
    },
  },
  {
    method: 'POST',
    route: '/api/v1/external-connections/:id/sync',
    permission: 'write',
    prepare: async (w) => {
      const connection = await connectionOfA(w);
      return { path: `/api/v1/external-connections/${connection.id}/sync`, ownedIds: connection.owned };
    },
  },
];

export const recordCases: IsolationCase[] = [...recordRouteCases, ...ruleAndConnectionCases];
