/**
 * The operator's audit view: control-plane events, merged with a tenant's data-plane events from
 * each environment database. Data-plane events are read only with `tenant_id`, because the
 * environment databases release rows only inside one tenant's scope (row-level security).
 */
import type { Kysely, Selectable } from 'kysely';
import type { AuditEvent } from '../domain/audit.js';
import { toPage, type Page, type PageRequest } from '../domain/pagination.js';
import { ENVIRONMENTS, type Environment } from '../domain/tenancy.js';
import { newestDataEvents } from '../audit/environmentAudit.js';
import type { ControlAuditEventRow, ControlDatabase } from '../storage/controlSchema.js';
import type { EnvironmentDatabase } from '../storage/environmentSchema.js';
import { inTenantTransaction } from '../storage/tenantScope.js';
import { getTenant } from './tenants.js';

export interface AuditFilter {
  tenant_id?: string | undefined;
  environment?: Environment | undefined;
}

function controlEventView(row: Selectable<ControlAuditEventRow>): AuditEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    tenant_id: row.tenant_id,
    environment: row.environment,
    actor: { type: row.actor_type, id: row.actor_id },
    action: row.action,
    resource_type: row.resource_type,
    resource_id: row.resource_id,
    request_id: row.request_id,
  };
}

export async function listAuditEvents(
  control: Kysely<ControlDatabase>,
  environments: Partial<Record<Environment, Kysely<EnvironmentDatabase>>>,
  filter: AuditFilter,
  request: PageRequest,
): Promise<Page<AuditEvent>> {
  if (filter.tenant_id) await getTenant(control, filter.tenant_id);
  const window = request.page * request.limit;

  let controlQuery = control.selectFrom('control_audit_events');
  if (filter.tenant_id) controlQuery = controlQuery.where('tenant_id', '=', filter.tenant_id);
  if (filter.environment) controlQuery = controlQuery.where('environment', '=', filter.environment);
  const [controlRows, controlCount] = await Promise.all([
    controlQuery.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(window).execute(),
    controlQuery.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const merged = controlRows.map(controlEventView);
  let total = Number(controlCount.n);

  const tenantId = filter.tenant_id;
  if (tenantId) {
    for (const environment of ENVIRONMENTS) {
      const db = environments[environment];
      if (!db || (filter.environment && filter.environment !== environment)) continue;
      const { events, total: n } = await inTenantTransaction(db, tenantId, (trx) => newestDataEvents(trx, environment, window));
      merged.push(...events);
      total += n;
    }
  }
  merged.sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
  return toPage(merged.slice((request.page - 1) * request.limit, window), total, request);
}
