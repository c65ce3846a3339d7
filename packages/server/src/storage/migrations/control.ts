/**
 * Control database privileges, granted at every start after the migrations (control/*.sql), which
 * create the tables.
 */

/** What the application role may do per table: audit events are insert-only. */
export const controlGrants: Record<string, string> = {
  tenants: 'SELECT, INSERT, UPDATE',
  users: 'SELECT, INSERT, UPDATE',
  memberships: 'SELECT, INSERT, UPDATE, DELETE',
  api_keys: 'SELECT, INSERT, UPDATE',
  control_audit_events: 'SELECT, INSERT',
  operator_credentials: 'SELECT, INSERT',
};
