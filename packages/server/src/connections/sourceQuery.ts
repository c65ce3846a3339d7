/**
 * Reading a connected source's rows for agents (MCP): the rows as sync reads them (the CSV text,
 * or the bounded read-only PostgreSQL read), narrowed by exact-value filters on columns, with only
 * the columns asked for, a page at a time. Nothing is written.
 * Errors: not_found (no such connection), invalid_request (a column the source lacks, an unreadable source).
 */
import { LinksError } from '../domain/errors.js';
import type { LedgerScope } from '../ledger/scope.js';
import type { SourceColumn } from '../sources/columnTypes.js';
import { loadConnection, readSource } from './externalConnections.js';

export interface SourceQuery {
  /** column → the exact value (null: empty) a row must hold. */
  filters?: Record<string, string | null> | undefined;
  /** Only these columns (default: all). */
  fields?: string[] | undefined;
  offset: number;
  limit: number;
}

export interface SourceRows {
  columns: SourceColumn[];
  rows: Array<Record<string, string | null>>;
  /** Rows matching the filters in the whole source. */
  total: number;
}

export async function querySource(scope: LedgerScope, secretsKey: () => Buffer, connectionId: string, query: SourceQuery): Promise<SourceRows> {
  const row = await loadConnection(scope, connectionId);
  const snapshot = await readSource(row, secretsKey);
  const known = new Set(snapshot.columns.map((c) => c.column_name));
  const filters = Object.entries(query.filters ?? {});
  const unknown = [...filters.map(([column]) => ['filters', column] as const), ...(query.fields ?? []).map((column) => ['fields', column] as const)].filter(([, c]) => !known.has(c));
  if (unknown.length > 0) {
    throw new LinksError('invalid_request', `The source has no column ${JSON.stringify(unknown[0]![1])} (its columns: ${[...known].join(', ')}).`, unknown.map(([where, column]) => ({ path: `${where}.${column}`, message: 'no such column' })));
  }
  const matching = snapshot.rows.filter((r) => filters.every(([column, value]) => (r.values[column] ?? null) === value));
  const columns = query.fields && query.fields.length > 0 ? snapshot.columns.filter((c) => query.fields!.includes(c.column_name)) : snapshot.columns;
  const rows = matching.slice(query.offset, query.offset + query.limit).map((r) => Object.fromEntries(columns.map((c) => [c.column_name, r.values[c.column_name] ?? null])));
  return { columns, rows, total: matching.length };
}
