/**
 * External connections: where unified records come from — an uploaded CSV file, or a table or
 * query of a PostgreSQL database read with a read-only connection. The connection string is sealed
 * with the process's secrets key (AES-256-GCM, bound to the tenant and connection) and never returned.
 * A connection may be published to MCP agents (`mcp`): a read-only tool of its own (src/mcp/).
 * Errors: not_found, conflict (name or MCP tool name taken), invalid_request (unreadable source, a sealed connection
 * string this server's key cannot open, mapping that names unknown fields or columns).
 */
import { v7 as uuidv7 } from 'uuid';
import type { Selectable } from 'kysely';
import { recordDataEvent } from '../audit/environmentAudit.js';
import { LinksError } from '../domain/errors.js';
import { offsetOf, toPage, type Page, type PageRequest } from '../domain/pagination.js';
import { isUnifiedModel, writableFields, type UnifiedModel } from '../domain/unifiedModels.js';
import { readLedger, writeLedger, type LedgerScope, type LedgerTransaction, type WriteOutcome, type WriteRequest } from '../ledger/scope.js';
import type { ExternalConnectionRow } from '../storage/environmentSchema.js';
import { isUniqueViolation } from '../storage/postgresErrors.js';
import { inferColumnTypes, type SourceColumn } from '../sources/columnTypes.js';
import { parseCsvText } from '../sources/csvText.js';
import { describePostgresSource, readPostgresSource, type PostgresSourceSpec } from '../sources/postgresSource.js';
import { isLegacySealed, openSecret, sealSecret, SecretBoxError, type SecretBinding } from '../sources/secretBox.js';
import { SourceError } from '../sources/sourceError.js';

export type ConnectionType = 'csv' | 'postgres';

/** Which source column fills which field of one unified model. */
export interface ConnectionMapping {
  model: UnifiedModel;
  /** The records' source_system (default: the connection's name): a source id is unique within it. */
  source_system?: string | undefined;
  /** unified field → source column; `source_id` is required, so a re-run updates instead of duplicating. */
  fields: Record<string, string>;
  /** Values for fields no column fills (e.g. currency). */
  defaults?: Record<string, string | number | boolean> | undefined;
}

export interface ExternalConnection {
  id: string;
  name: string;
  type: ConnectionType;
  status: 'needs_mapping' | 'ready' | 'error';
  source: { table?: string; query?: string; rows?: number };
  has_connection_string: boolean;
  mapping: ConnectionMapping | null;
  last_sync: Record<string, unknown> | null;
  mcp: McpPublication;
  created_at: string;
  updated_at: string;
}

/** Whether agents see the connection as a tool of its own, under which name, described how. */
export interface McpPublication {
  enabled: boolean;
  tool_name: string | null;
  description: string | null;
}

export interface ConnectionInput {
  name?: string | undefined;
  type?: ConnectionType | undefined;
  csv?: string | undefined;
  connection_string?: string | undefined;
  table?: string | undefined;
  query?: string | undefined;
  mapping?: ConnectionMapping | undefined;
  mcp?: { enabled: boolean; tool_name?: string | undefined; description?: string | undefined } | undefined;
}

type Row = Selectable<ExternalConnectionRow>;

/** The rows and columns a connection reads now. */
export interface SourceSnapshot {
  columns: SourceColumn[];
  rows: Array<{ row: number; values: Record<string, string | null> }>;
}

export function connectionView(row: Row): ExternalConnection {
  const source = row.source as { table?: string; query?: string; rows?: number };
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    status: row.status as ExternalConnection['status'],
    source,
    has_connection_string: row.sealed_secret !== null,
    mapping: (row.mapping as ConnectionMapping | null) ?? null,
    last_sync: row.last_sync ?? null,
    mcp: { enabled: row.mcp_enabled, tool_name: row.mcp_tool_name, description: row.mcp_description },
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function sourceFailure(error: unknown): LinksError {
  if (error instanceof SourceError) return new LinksError('invalid_request', `The source cannot be read: ${error.message}`, [{ path: error.path ?? 'source', message: error.message }]);
  return error as LinksError;
}

type SourceRow = Pick<Row, 'tenant_id' | 'id' | 'type' | 'csv_content' | 'source' | 'sealed_secret'>;

const bindingOf = (row: Pick<Row, 'tenant_id' | 'id'>): SecretBinding => ({ tenantId: row.tenant_id, connectionId: row.id });

/** The connection string, opened with this row's binding; a value that will not open is the client's to replace. */
function openConnectionString(row: Pick<Row, 'tenant_id' | 'id' | 'sealed_secret'>, secretsKey: () => Buffer): string {
  try {
    return openSecret(row.sealed_secret!, secretsKey(), bindingOf(row));
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    throw new LinksError(
      'invalid_request',
      "The connection's stored connection_string cannot be opened with this server's LINKS_SECRETS_KEY (sealed with another key, for another connection, or altered); send connection_string again (PUT /api/v1/external-connections/{id}).",
      [{ path: 'connection_string', message: 'cannot be opened; send it again' }],
    );
  }
}

/** A v1 (unbound) sealed value sealed again, bound to its row; undefined when there is nothing to upgrade. */
export function resealedLegacySecret(row: Pick<Row, 'tenant_id' | 'id' | 'sealed_secret'>, secretsKey: () => Buffer): string | undefined {
  if (row.sealed_secret === null || !isLegacySealed(row.sealed_secret)) return undefined;
  return sealSecret(openConnectionString(row, secretsKey), secretsKey(), bindingOf(row));
}

/** A postgres connection's table or query, with its connection string unsealed for this read only. */
function postgresSpec(row: SourceRow, secretsKey: () => Buffer): PostgresSourceSpec {
  return { connectionString: openConnectionString(row, secretsKey), ...(row.source as { table?: string; query?: string }) };
}

/** Reads every row of the source (CSV: parsed; PostgreSQL: read-only, bounded). */
export async function readSource(row: SourceRow, secretsKey: () => Buffer): Promise<SourceSnapshot> {
  try {
    if (row.type === 'csv') {
      const csv = parseCsvText(row.csv_content ?? '');
      return { columns: inferColumnTypes(csv.header, csv.rows.map((r) => r.fields)), rows: csv.rows.map((r) => ({ row: r.line, values: r.fields })) };
    }
    const data = await readPostgresSource(postgresSpec(row, secretsKey));
    return { columns: data.columns, rows: data.rows.map((values, i) => ({ row: i + 1, values })) };
  } catch (error) {
    throw sourceFailure(error);
  }
}

async function describeSource(row: SourceRow, secretsKey: () => Buffer): Promise<SourceColumn[]> {
  if (row.type === 'csv') return (await readSource(row, secretsKey)).columns;
  try {
    return await describePostgresSource(postgresSpec(row, secretsKey));
  } catch (error) {
    throw sourceFailure(error);
  }
}

/** A mapping must name fields of its model and columns of the source, and map source_id. */
function checkMapping(mapping: ConnectionMapping, columns: SourceColumn[]): void {
  if (!isUnifiedModel(mapping.model)) throw new LinksError('invalid_request', `mapping.model ${JSON.stringify(mapping.model)} is not a unified model.`, [{ path: 'mapping.model', message: 'unknown model' }]);
  const fields = writableFields(mapping.model);
  const names = new Set(columns.map((c) => c.column_name));
  const problems: Array<{ path: string; message: string }> = [];
  if (!mapping.fields.source_id) problems.push({ path: 'mapping.fields.source_id', message: 'map a column to source_id, so a re-run updates records instead of duplicating them' });
  for (const [field, column] of Object.entries(mapping.fields)) {
    const spec = fields[field];
    if (!spec || spec.kind === 'object' || spec.kind === 'invoiceLines' || field === 'source_system') problems.push({ path: `mapping.fields.${field}`, message: `not a field a ${mapping.model} column can fill` });
    else if (!names.has(column)) problems.push({ path: `mapping.fields.${field}`, message: `no column ${JSON.stringify(column)} in the source` });
  }
  for (const field of Object.keys(mapping.defaults ?? {})) {
    const spec = fields[field];
    if (!spec || spec.kind === 'object' || spec.kind === 'invoiceLines') problems.push({ path: `mapping.defaults.${field}`, message: `not a field of ${mapping.model}` });
  }
  if (problems.length > 0) throw new LinksError('invalid_request', `Invalid mapping: ${problems[0]!.path}: ${problems[0]!.message}.`, problems);
}

async function findConnection(trx: LedgerTransaction, id: string): Promise<Row> {
  const row = await trx.selectFrom('external_connections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new LinksError('not_found', `No external connection ${JSON.stringify(id)} in this scope.`);
  return row;
}

/** What the stored row becomes from the input: CSV text, or the sealed connection string and its table or query. */
function sourceColumns(type: ConnectionType, input: ConnectionInput, previous: Row | undefined, secretsKey: () => Buffer, binding: SecretBinding) {
  if (type === 'csv') {
    const csv = input.csv ?? previous?.csv_content ?? undefined;
    if (csv === undefined) throw new LinksError('invalid_request', 'A csv connection needs the file: send its text as `csv`.', [{ path: 'csv', message: 'required' }]);
    if (input.connection_string !== undefined || input.table !== undefined || input.query !== undefined) {
      throw new LinksError('invalid_request', 'A csv connection takes `csv`, not connection_string, table or query.', [{ path: 'type', message: 'csv' }]);
    }
    return { csv_content: csv, sealed_secret: null, source: {} as Record<string, unknown> };
  }
  if (input.csv !== undefined) throw new LinksError('invalid_request', 'A postgres connection reads a database; send connection_string and table or query, not csv.', [{ path: 'csv', message: 'not for postgres' }]);
  const sealed =
    input.connection_string !== undefined
      ? sealSecret(input.connection_string, secretsKey(), binding)
      : previous && (resealedLegacySecret(previous, secretsKey) ?? previous.sealed_secret);
  if (!sealed) throw new LinksError('invalid_request', 'A postgres connection needs connection_string (a read-only role is best).', [{ path: 'connection_string', message: 'required' }]);
  const prior = (previous?.source ?? {}) as { table?: string; query?: string };
  const source = input.table !== undefined || input.query !== undefined ? { table: input.table, query: input.query } : prior;
  if ((source.table === undefined) === (source.query === undefined)) {
    throw new LinksError('invalid_request', 'A postgres connection reads exactly one of table or query.', [{ path: source.table === undefined ? 'table' : 'query', message: 'send exactly one of table or query' }]);
  }
  return { csv_content: null, sealed_secret: sealed, source: JSON.parse(JSON.stringify(source)) as Record<string, unknown> };
}

/**
 * Creates or changes a connection. The source is read and the mapping checked before the write's
 * transaction opens: a slow external database never holds a transaction of ours.
 */
async function saveConnection(scope: LedgerScope, request: WriteRequest, secretsKey: () => Buffer, id: string | undefined, input: ConnectionInput): Promise<WriteOutcome<ExternalConnection>> {
  const previous = id ? await loadConnection(scope, id) : undefined;
  const type = previous?.type ?? input.type!;
  // A new connection's id is fixed before sealing: the sealed value is bound to it.
  const connectionId = previous?.id ?? uuidv7();
  const stored = sourceColumns(type, input, previous, secretsKey, { tenantId: scope.tenantId, connectionId });
  const located = { tenant_id: scope.tenantId, id: connectionId, type, ...stored };
  const snapshot = type === 'csv' ? await readSource(located, secretsKey) : undefined;
  const columns = snapshot?.columns ?? (await describeSource(located, secretsKey));
  const sent = input.mapping;
  // The source system is fixed when the mapping is saved: renaming the connection later must not orphan its records.
  const mapping = sent ? { ...sent, source_system: sent.source_system ?? input.name ?? previous!.name } : ((previous?.mapping as ConnectionMapping | null | undefined) ?? null);
  if (mapping) checkMapping(mapping, columns);
  try {
    return await writeLedger(scope, request, id ? 200 : 201, async (trx) => {
      const now = new Date();
      const values = {
        name: input.name ?? previous!.name,
        status: mapping ? 'ready' : 'needs_mapping',
        csv_content: stored.csv_content,
        sealed_secret: stored.sealed_secret,
        source: JSON.stringify({ ...stored.source, ...(snapshot ? { rows: snapshot.rows.length } : {}) }),
        mapping: mapping ? JSON.stringify(mapping) : null,
        ...mcpColumns(input, previous),
        updated_at: now,
      };
      if (previous) await findConnection(trx, previous.id);
      if (values.mcp_tool_name) await checkToolNameFree(trx, values.mcp_tool_name, connectionId);
      const row = previous
        ? await trx.updateTable('external_connections').set(values).where('id', '=', previous.id).returningAll().executeTakeFirstOrThrow()
        : await trx.insertInto('external_connections').values({ tenant_id: scope.tenantId, id: connectionId, type, created_at: now, ...values }).returningAll().executeTakeFirstOrThrow();
      await recordDataEvent(trx, scope.tenantId, request.context, { action: previous ? 'external_connection.updated' : 'external_connection.created', resourceType: 'external_connection', resourceId: row.id });
      return connectionView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error) && (error as { constraint?: string }).constraint === 'external_connections_mcp_tool_name') {
      throw new LinksError('conflict', 'The MCP tool name was taken by another connection at the same moment; choose another mcp.tool_name.', [{ path: 'mcp.tool_name', message: 'taken' }]);
    }
    if (isUniqueViolation(error)) throw new LinksError('conflict', `An external connection named ${JSON.stringify(input.name)} exists already.`, [{ path: 'name', message: 'taken' }]);
    throw error;
  }
}

/** A tool name from the connection's name: lower-case letters, digits and underscores. */
export function toolNameOf(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return /^[a-z]/.test(slug) ? slug : `source_${slug}`.slice(0, 40).replace(/_+$/, '');
}

/** The MCP columns the input sets; a name once given stays when the input leaves it out. */
function mcpColumns(input: ConnectionInput, previous: Row | undefined) {
  const sent = input.mcp;
  if (!sent) return {};
  const toolName = sent.tool_name ?? previous?.mcp_tool_name ?? (sent.enabled ? toolNameOf(input.name ?? previous!.name) : null);
  return { mcp_enabled: sent.enabled, mcp_tool_name: toolName, mcp_description: sent.description ?? previous?.mcp_description ?? null };
}

async function checkToolNameFree(trx: LedgerTransaction, toolName: string, connectionId: string): Promise<void> {
  const holder = await trx.selectFrom('external_connections').select('name').where('mcp_tool_name', '=', toolName).where('id', '<>', connectionId).executeTakeFirst();
  if (holder) {
    throw new LinksError('conflict', `The MCP tool name ${JSON.stringify(toolName)} is taken by the connection ${JSON.stringify(holder.name)}; choose another mcp.tool_name.`, [
      { path: 'mcp.tool_name', message: 'taken' },
    ]);
  }
}

/** The connections published to MCP, oldest first, at most `limit`. */
export async function listPublishedConnections(scope: LedgerScope, limit: number): Promise<ExternalConnection[]> {
  return readLedger(scope, async (trx) => {
    const rows = await trx.selectFrom('external_connections').selectAll().where('mcp_enabled', '=', true).orderBy('created_at').orderBy('id').limit(limit).execute();
    return rows.map(connectionView);
  });
}

export function createConnection(scope: LedgerScope, request: WriteRequest, secretsKey: () => Buffer, input: ConnectionInput & { name: string; type: ConnectionType }) {
  return saveConnection(scope, request, secretsKey, undefined, input);
}

export function updateConnection(scope: LedgerScope, request: WriteRequest, secretsKey: () => Buffer, id: string, input: ConnectionInput) {
  return saveConnection(scope, request, secretsKey, id, input);
}

export async function listConnections(scope: LedgerScope, page: PageRequest): Promise<Page<ExternalConnection>> {
  return readLedger(scope, async (trx) => {
    const rows = await trx.selectFrom('external_connections').selectAll().orderBy('created_at').orderBy('id').limit(page.limit).offset(offsetOf(page)).execute();
    const count = await trx.selectFrom('external_connections').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return toPage(rows.map(connectionView), Number(count.n), page);
  });
}

export async function getConnection(scope: LedgerScope, id: string): Promise<ExternalConnection> {
  return readLedger(scope, async (trx) => connectionView(await findConnection(trx, id)));
}

/** The source's columns now, with their types (CSV: inferred from the values). */
export async function connectionSchema(scope: LedgerScope, secretsKey: () => Buffer, id: string): Promise<SourceColumn[]> {
  const row = await readLedger(scope, (trx) => findConnection(trx, id));
  return describeSource(row, secretsKey);
}

export async function loadConnection(scope: LedgerScope, id: string): Promise<Row> {
  return readLedger(scope, (trx) => findConnection(trx, id));
}
