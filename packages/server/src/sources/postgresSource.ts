/**
 * An external PostgreSQL database as a data source, only ever read: every statement runs in a
 * READ ONLY transaction with a statement timeout, on a client of its own that is always closed.
 * Values arrive as PostgreSQL's text output (no type parsers), so numerics keep every digit.
 */
import pg from 'pg';
import type { SourceColumn } from './columnTypes.js';
import { SourceError } from './sourceError.js';

export interface PostgresSourceSpec {
  connectionString: string;
  /** `name` or `schema.name`; exactly one of table and query. */
  table?: string;
  /** One SELECT or WITH statement. */
  query?: string;
}

export interface PostgresReadOptions {
  maxRows?: number;
  timeoutMs?: number;
}

export interface PostgresSourceData {
  columns: SourceColumn[];
  rows: Array<Record<string, string | null>>;
}

const CONNECT_TIMEOUT_MS = 10_000;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;
const BOOL_OID = 16;
const TIMESTAMP_OIDS = new Set([1114, 1184]);

/** Every value stays PostgreSQL's text; the pg typings want the overloaded parser signature. */
const TEXT_ONLY = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

function connectionUrl(connectionString: string): URL {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new SourceError('the connection string is not a URL (expected postgres://user:password@host:port/database)', 'connectionString');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new SourceError('the connection string must start with postgres://', 'connectionString');
  }
  return url;
}

/** What follows FROM: the quoted table, or the query as a subquery. */
function sourceRelation(spec: PostgresSourceSpec): string {
  const { table, query } = spec;
  if ((table === undefined) === (query === undefined)) throw new SourceError('give either a table or a query');
  if (table !== undefined) {
    const parts = table.split('.');
    if (parts.length > 2 || !parts.every((part) => IDENTIFIER.test(part))) {
      throw new SourceError('the table must be name or schema.name, of letters, digits, _ and $', 'table');
    }
    return parts.map((part) => `"${part}"`).join('.');
  }
  const statement = query!.trim().replace(/[\s;]+$/, '');
  if (!/^(select|with)\b/i.test(statement)) throw new SourceError('the query must be a SELECT or WITH statement', 'query');
  // Only one statement, so nothing can end the READ ONLY transaction (the server checks this too).
  if (statement.includes(';')) throw new SourceError('the query must be a single statement, with no ";" before its end', 'query');
  // Line breaks keep a trailing -- comment from swallowing the closing parenthesis.
  return `(\n${statement}\n)`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A last guard: whatever a driver or server message says, the password and URL never get out. */
function scrub(message: string, url: URL, connectionString: string): string {
  let safe = message.split(connectionString).join('***');
  for (const secret of [url.password, decoded(url.password)]) {
    if (secret) safe = safe.split(secret).join('***');
  }
  return safe;
}

function toSourceError(error: unknown, spec: PostgresSourceSpec, url: URL, timeoutMs: number): SourceError {
  if (error instanceof SourceError) return error;
  const { code, message = String(error) } = error as { code?: string; message?: string };
  const where = `${url.hostname}:${url.port || 5432}`;
  const safe = (text: string) => new SourceError(scrub(text, url, spec.connectionString));
  switch (code) {
    case 'ECONNREFUSED':
      return safe(`cannot connect to ${where}: connection refused`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return safe(`cannot connect to ${where}: host not found`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return safe(`cannot connect to ${where}: unreachable`);
    case '25006':
      return safe('the query tried to write; a source is only ever read');
    case '57014':
      return safe(`the query took longer than ${timeoutMs} ms`);
  }
  if (/connection timeout/i.test(message)) return safe(`cannot connect to ${where}: timed out`);
  if (/query read timeout/i.test(message)) return safe(`the query took longer than ${timeoutMs} ms`);
  return safe(message);
}

async function readOnly<T>(
  spec: PostgresSourceSpec,
  timeoutMs: number,
  work: (client: pg.Client, relation: string) => Promise<T>,
): Promise<T> {
  const url = connectionUrl(spec.connectionString);
  const relation = sourceRelation(spec);
  let client: pg.Client | undefined;
  try {
    client = new pg.Client({
      connectionString: spec.connectionString,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // A backstop for a server that stops answering; statement_timeout is the real limit.
      query_timeout: timeoutMs + CONNECT_TIMEOUT_MS,
      application_name: 'links-source',
      types: TEXT_ONLY,
    });
    // A dropped connection also fails the pending query; without a listener it would crash the process.
    client.on('error', () => undefined);
    await client.connect();
    // UTC and ISO styles make dates and timestamps come out in one known shape. No COMMIT: end() discards.
    await client.query(
      `BEGIN READ ONLY; SET LOCAL statement_timeout = ${Math.max(1, Math.round(timeoutMs))}; SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'`,
    );
    return await work(client, relation);
  } catch (error) {
    throw toSourceError(error, spec, url, timeoutMs);
  } finally {
    await client?.end().catch(() => undefined);
  }
}

/** `SELECT * FROM <relation>` through the extended protocol, which admits a single statement only. */
function selectAll(client: pg.Client, relation: string, limit: number): Promise<pg.QueryArrayResult<Array<string | null>>> {
  const query = { text: `SELECT * FROM ${relation} AS source LIMIT ${limit}`, rowMode: 'array', queryMode: 'extended' };
  return client.query(query as pg.QueryArrayConfig);
}

async function columnsOf(client: pg.Client, fields: pg.FieldDef[]): Promise<SourceColumn[]> {
  const seen = new Set<string>();
  for (const { name } of fields) {
    if (seen.has(name)) throw new SourceError(`column ${JSON.stringify(name)} appears twice`);
    seen.add(name);
  }
  const { rows } = await client.query<{ oid: string; name: string }>(
    'SELECT oid::text AS oid, format_type(oid, NULL) AS name FROM pg_catalog.pg_type WHERE oid = ANY($1::oid[])',
    [[...new Set(fields.map((f) => f.dataTypeID))]],
  );
  const typeNames = new Map(rows.map((r) => [Number(r.oid), r.name]));
  return fields.map((f) => ({ column_name: f.name, data_type: typeNames.get(f.dataTypeID) ?? 'text' }));
}

/** `2024-03-01 10:34:56.789+00` → `2024-03-01T10:34:56.789Z`; a timestamp without zone is taken as UTC. */
function isoTimestamp(text: string): string {
  const m = /^(\d{4,}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2}(?::\d{2}){0,2})?$/.exec(text);
  if (!m) return text; // infinity, -infinity and BC dates have no ISO 8601 form
  const offset = m[3];
  const zone = offset === undefined || offset === '+00' ? 'Z' : offset.length === 3 ? `${offset}:00` : offset;
  return `${m[1]}T${m[2]}${zone}`;
}

/** Dates already are YYYY-MM-DD (DateStyle ISO); numbers and JSON keep PostgreSQL's exact text. */
function sourceValue(typeId: number, text: string | null): string | null {
  if (text === null) return null;
  if (typeId === BOOL_OID) return text === 't' ? 'true' : 'false';
  if (TIMESTAMP_OIDS.has(typeId)) return isoTimestamp(text);
  return text;
}

export async function describePostgresSource(spec: PostgresSourceSpec, options: { timeoutMs?: number } = {}): Promise<SourceColumn[]> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return readOnly(spec, timeoutMs, async (client, relation) => columnsOf(client, (await selectAll(client, relation, 0)).fields));
}

export async function readPostgresSource(spec: PostgresSourceSpec, options: PostgresReadOptions = {}): Promise<PostgresSourceData> {
  const { maxRows = 100_000, timeoutMs = 30_000 } = options;
  return readOnly(spec, timeoutMs, async (client, relation) => {
    // One row past the limit tells "exactly maxRows" from "too many" without reading the rest.
    const result = await selectAll(client, relation, maxRows + 1);
    if (result.rows.length > maxRows) throw new SourceError(`the source has more than ${maxRows} rows`);
    const columns = await columnsOf(client, result.fields);
    const rows = result.rows.map((values) =>
      Object.fromEntries(result.fields.map((field, i) => [field.name, sourceValue(field.dataTypeID, values[i] ?? null)])),
    );
    return { columns, rows };
  });
}
