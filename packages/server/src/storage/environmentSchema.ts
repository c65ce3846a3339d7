/**
 * Row types of an environment database (one for production, one for sandbox). Every table is keyed
 * `(tenant_id, …)` and guarded by row-level security on `links.tenant_id`.
 */
export interface AuditEventRow {
  tenant_id: string;
  id: string;
  at: Date;
  actor_type: 'admin' | 'api_key' | 'user';
  actor_id: string;
  action: string;
  resource_type: string;
  resource_id: string;
  request_id: string;
}

export interface EnvironmentDatabase {
  audit_events: AuditEventRow;
}
