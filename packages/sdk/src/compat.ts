/**
 * The API groups of the published Links SDK (openapi-generator, axios style), so code written for it
 * runs unchanged: `client.unifiedContactsApi.createUnifiedContact(body)` resolves to
 * `{ data, status, statusText, headers }`, `data` being the HTTP body. They go through the SDK's core:
 * the same retries, timeouts, idempotent creates and typed LinksErrors as its own resources.
 */
import type { CallSpec, LinksCore, LinksResponse, RequestOptions } from './core.js';
import type { components, paths } from './generated/openapi.js';
import type {
  AccountingRuleEvent,
  AccountingRuleUpdateInput,
  ConnectionMappingInput,
  ExternalConnectionCreateInput,
  ExternalConnectionUpdateInput,
  RulePreviewInput,
  UnifiedModel,
} from './types.js';

type Schemas = components['schemas'];
type Path = CallSpec['path'];

/** The success body (200, else 201) of an operation, as the server's OpenAPI document defines it. */
type Body<P extends Path, M extends 'get' | 'post' | 'put' | 'delete'> = paths[P][M] extends { responses: infer R }
  ? (R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : never) extends { content: { 'application/json': infer B } }
    ? B
    : never
  : never;
type Reply<P extends Path, M extends 'get' | 'post' | 'put' | 'delete'> = Promise<LinksResponse<Body<P, M>>>;

const PLURAL = {
  customer: 'customers',
  contact: 'contacts',
  invoice: 'invoices',
  payment: 'payments',
  contract: 'contracts',
  product: 'products',
  opportunity: 'opportunities',
} as const satisfies Record<UnifiedModel, string>;

type OnePath<M extends UnifiedModel> = `/api/v1/unified/${M}/{id}`;

/** What every model's group does, before it takes the published SDK's method names. */
interface Operations<M extends UnifiedModel> {
  create(body: Schemas[`Unified${Capitalize<M>}CreateInput`], options?: RequestOptions): Reply<`/api/v1/unified/${M}`, 'post'>;
  list(page?: number, limit?: number, options?: RequestOptions): Reply<`/api/v1/unified/${(typeof PLURAL)[M]}`, 'get'>;
  get(id: string, options?: RequestOptions): Reply<OnePath<M>, 'get'>;
  update(id: string, body: Schemas[`Unified${Capitalize<M>}UpdateInput`], options?: RequestOptions): Reply<OnePath<M>, 'put'>;
  delete(id: string, options?: RequestOptions): Reply<OnePath<M>, 'delete'>;
}

const methodNames = <N extends string>(name: N) =>
  ({
    create: `createUnified${name}`,
    list: `getPaginatedUnified${name}Lists`,
    get: `getUnified${name}ById`,
    update: `updateUnified${name}`,
    delete: `deleteUnified${name}`,
  }) as const;

/**
 * A model's group, e.g. for invoices: `createUnifiedInvoice` (201, or 200 when a record with the same
 * `source_system` and `source_id` was updated), `getPaginatedUnifiedInvoiceLists(page, limit)`,
 * `getUnifiedInvoiceById`, `updateUnifiedInvoice` (merges the fields sent), `deleteUnifiedInvoice`
 * (marks the record deleted; what it posted is reversed).
 */
export type UnifiedApi<M extends UnifiedModel> = {
  [K in keyof Operations<M> as ReturnType<typeof methodNames<Capitalize<M>>>[K]]: Operations<M>[K];
};
export type UnifiedCustomersApi = UnifiedApi<'customer'> & {
  /** What the customer owes, per receivable account and currency. */
  getUnifiedCustomerBalance(id: string, options?: RequestOptions): Reply<'/api/v1/unified/customer/{id}/balance', 'get'>;
};
export type UnifiedContactsApi = UnifiedApi<'contact'> & {
  /** The published SDK's name for this list (the other models' end in `Lists`, as `getPaginatedUnifiedContactLists` does). */
  getPaginatedUnifiedContactList: UnifiedApi<'contact'>['getPaginatedUnifiedContactLists'];
};
export type UnifiedInvoicesApi = UnifiedApi<'invoice'>;
export type UnifiedPaymentsApi = UnifiedApi<'payment'>;
export type UnifiedContractsApi = UnifiedApi<'contract'>;
export type UnifiedProductsApi = UnifiedApi<'product'>;
export type UnifiedOpportunitiesApi = UnifiedApi<'opportunity'>;

export function unifiedApi<M extends UnifiedModel>(core: LinksCore, model: M): UnifiedApi<M> {
  const one: Path = `/api/v1/unified/${model}/{id}`;
  const operations: Operations<M> = {
    create: (body, options) => core.response({ method: 'POST', path: `/api/v1/unified/${model}`, body, creates: true, options }),
    list: (page, limit, options) => core.response({ method: 'GET', path: `/api/v1/unified/${PLURAL[model]}`, query: { page, limit }, options }),
    get: (id, options) => core.response({ method: 'GET', path: one, pathParams: { id }, options }),
    update: (id, body, options) => core.response({ method: 'PUT', path: one, pathParams: { id }, body, options }),
    delete: (id, options) => core.response({ method: 'DELETE', path: one, pathParams: { id }, options }),
  };
  const names = methodNames(model[0]!.toUpperCase() + model.slice(1));
  return Object.fromEntries(Object.entries(operations).map(([operation, method]) => [names[operation as keyof Operations<M>], method])) as UnifiedApi<M>;
}

export function unifiedCustomersApi(core: LinksCore): UnifiedCustomersApi {
  return {
    ...unifiedApi(core, 'customer'),
    getUnifiedCustomerBalance: (id, options) => core.response({ method: 'GET', path: '/api/v1/unified/customer/{id}/balance', pathParams: { id }, options }),
  };
}

export function unifiedContactsApi(core: LinksCore): UnifiedContactsApi {
  const api = unifiedApi(core, 'contact');
  return { ...api, getPaginatedUnifiedContactList: api.getPaginatedUnifiedContactLists };
}

/** CSV uploads and PostgreSQL tables or queries, mapped onto a unified model and synced into it. */
export class ExternalConnectionApi {
  constructor(private readonly core: LinksCore) {}
  /** The source is read first: an unreadable one is refused. A connection string is stored encrypted, never returned. */
  createExternalConnection(body: ExternalConnectionCreateInput, options?: RequestOptions): Reply<'/api/v1/external-connections', 'post'> {
    return this.core.response({ method: 'POST', path: '/api/v1/external-connections', body, creates: true, options });
  }
  /** The list of connections (the published SDK's name for it); one by id is `getExternalConnectionById`. */
  getExternalConnection(page?: number, limit?: number, options?: RequestOptions): Reply<'/api/v1/external-connections', 'get'> {
    return this.core.response({ method: 'GET', path: '/api/v1/external-connections', query: { page, limit }, options });
  }
  getExternalConnectionById(id: string, options?: RequestOptions): Reply<'/api/v1/external-connections/{id}', 'get'> {
    return this.core.response({ method: 'GET', path: '/api/v1/external-connections/{id}', pathParams: { id }, options });
  }
  updateExternalConnection(id: string, body: ExternalConnectionUpdateInput, options?: RequestOptions): Reply<'/api/v1/external-connections/{id}', 'put'> {
    return this.core.response({ method: 'PUT', path: '/api/v1/external-connections/{id}', pathParams: { id }, body, options });
  }
  updateExternalConnectionMapping(id: string, mapping: ConnectionMappingInput, options?: RequestOptions): Reply<'/api/v1/external-connections/{id}/mapping', 'put'> {
    return this.core.response({ method: 'PUT', path: '/api/v1/external-connections/{id}/mapping', pathParams: { id }, body: mapping, options });
  }
  /** The source's columns; `data` is the bare array `[{column_name, data_type}]`, as the server answers it. */
  getExternalConnectionSchema(id: string, options?: RequestOptions): Reply<'/api/v1/external-connections/{id}/schema', 'get'> {
    return this.core.response({ method: 'GET', path: '/api/v1/external-connections/{id}/schema', pathParams: { id }, options });
  }
  /** Writes every row (no Idempotency-Key: rows upsert by source id, so a re-run changes nothing). */
  syncExternalConnection(id: string, options?: RequestOptions): Reply<'/api/v1/external-connections/{id}/sync', 'post'> {
    return this.core.response({ method: 'POST', path: '/api/v1/external-connections/{id}/sync', pathParams: { id }, options });
  }
}

/** Which invoice and payment events post, to which accounts, under which conditions. */
export class AccountingRulesApi {
  constructor(private readonly core: LinksCore) {}
  getAccountingRules(options?: RequestOptions): Reply<'/api/v1/accounting-rules', 'get'> {
    return this.core.response({ method: 'GET', path: '/api/v1/accounting-rules', options });
  }
  getAccountingRule(event: AccountingRuleEvent, options?: RequestOptions): Reply<'/api/v1/accounting-rules/{event}', 'get'> {
    return this.core.response({ method: 'GET', path: '/api/v1/accounting-rules/{event}', pathParams: { event }, options });
  }
  updateAccountingRule(event: AccountingRuleEvent, body: AccountingRuleUpdateInput, options?: RequestOptions): Reply<'/api/v1/accounting-rules/{event}', 'put'> {
    return this.core.response({ method: 'PUT', path: '/api/v1/accounting-rules/{event}', pathParams: { event }, body, options });
  }
  /** The entries writing `record` would post under the rule; nothing is posted. */
  previewAccountingRule(event: AccountingRuleEvent, body: RulePreviewInput, options?: RequestOptions): Reply<'/api/v1/accounting-rules/{event}/preview', 'post'> {
    return this.core.response({ method: 'POST', path: '/api/v1/accounting-rules/{event}/preview', pathParams: { event }, body, options });
  }
}
