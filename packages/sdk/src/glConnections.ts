/** `glConnections.*`: transfer of the books to a general ledger (an ERP or a signed webhook), see docs/gl.md. */
import type { LinksCore, RequestOptions } from './core.js';
import { type CursorPage, PageResult, type Page, type PageParams } from './pagination.js';
import type {
  ConnectedGlConnection,
  CreatedGlConnection,
  CreateGlConnectionInput,
  ErpAccount,
  GlConnection,
  GlMappingInput,
  GlReconciliation,
  GlRotatedSecret,
  GlTransfer,
  GlTransferStatus,
  Job,
  UpdateGlConnectionInput,
} from './types.js';

type Query = Record<string, string | number | boolean | undefined>;

export class GlConnections {
  constructor(private readonly core: LinksCore) {}
  /** Creates a connection; a webhook's `signing_secret` is in this answer only: keep it. */
  create(input: CreateGlConnectionInput, options?: RequestOptions): Promise<CreatedGlConnection> {
    return this.core.data({ method: 'POST', path: '/api/v1/gl-connections', body: input, creates: true, options });
  }
  list(params: PageParams = {}, options?: RequestOptions): PageResult<GlConnection> {
    return new PageResult<GlConnection, Page<GlConnection>>(
      (p) => this.core.call<Page<GlConnection>>({ method: 'GET', path: '/api/v1/gl-connections', query: { ...(params as Query), ...(p as Query) }, options }),
      params,
    );
  }
  get(id: string, options?: RequestOptions): Promise<GlConnection> {
    return this.core.data({ method: 'GET', path: '/api/v1/gl-connections/{id}', pathParams: { id }, options });
  }
  /** Renames or changes settings; `{settings: {paused: false}}` resumes (also after `needs_authorization`). */
  update(id: string, changes: UpdateGlConnectionInput, options?: RequestOptions): Promise<GlConnection> {
    return this.core.data({ method: 'PATCH', path: '/api/v1/gl-connections/{id}', pathParams: { id }, body: changes, options });
  }
  delete(id: string, options?: RequestOptions): Promise<GlConnection> {
    return this.core.data({ method: 'DELETE', path: '/api/v1/gl-connections/{id}', pathParams: { id }, options });
  }
  /** The ERP's chart of accounts, read live. */
  accounts(id: string, options?: RequestOptions): Promise<ErpAccount[]> {
    return this.core.data({ method: 'GET', path: '/api/v1/gl-connections/{id}/accounts', pathParams: { id }, options });
  }
  /** Links account code → ERP account code (checked against the ERP's chart: `unknown_erp_account`). */
  setMapping(id: string, mapping: GlMappingInput, options?: RequestOptions): Promise<GlConnection> {
    return this.core.data({ method: 'PUT', path: '/api/v1/gl-connections/{id}/mapping', pathParams: { id }, body: mapping, options });
  }
  /** The connection's transfers, oldest first, paged by cursor; iterate it to walk them all. */
  transfers(id: string, params: { status?: GlTransferStatus; limit?: number; cursor?: string } = {}, options?: RequestOptions): PageResult<GlTransfer, CursorPage<GlTransfer>> {
    return new PageResult<GlTransfer, CursorPage<GlTransfer>>(
      (p) => this.core.call<CursorPage<GlTransfer>>({ method: 'GET', path: '/api/v1/gl-connections/{id}/transfers', pathParams: { id }, query: { ...(params as Query), ...(p as Query) }, options }),
      params,
    );
  }
  /** Sends a failed (after fixing its cause), uncertain or pending transfer now. */
  retry(id: string, transferId: string, options?: RequestOptions): Promise<GlTransfer> {
    return this.core.data({ method: 'POST', path: '/api/v1/gl-connections/{id}/transfers/{transfer_id}/retry', pathParams: { id, transfer_id: transferId }, options });
  }
  /**
   * "Send now" as a job: it queues what was posted and finishes when the transfers that were waiting
   * are settled; its result is `{queued, confirmed, failed, waiting, connection_status}`. Follow it with `jobs.wait()`.
   */
  run(id: string, options?: RequestOptions): Promise<Job> {
    return this.core.data({ method: 'POST', path: '/api/v1/gl-connections/{id}/run', pathParams: { id }, creates: true, options });
  }
  reconciliation(id: string, params: { as_of?: string; currency?: string } = {}, options?: RequestOptions): Promise<GlReconciliation> {
    return this.core.data({ method: 'GET', path: '/api/v1/gl-connections/{id}/reconciliation', pathParams: { id }, query: params, options });
  }
  /** A webhook's new signing secret (in this answer only); the previous one stays valid for a day. */
  rotateSecret(id: string, options?: RequestOptions): Promise<GlRotatedSecret> {
    return this.core.data({ method: 'POST', path: '/api/v1/gl-connections/{id}/rotate-secret', pathParams: { id }, options });
  }
  /** Xero: a new `authorize_url` (in this answer only) for an authorization-code connection, or a fresh token for a custom connection. */
  authorize(id: string, options?: RequestOptions): Promise<ConnectedGlConnection> {
    return this.core.data({ method: 'POST', path: '/api/v1/gl-connections/{id}/authorize', pathParams: { id }, options });
  }
}
