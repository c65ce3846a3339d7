/**
 * An external PostgreSQL database as a source, read through a login role that may only SELECT:
 * exact string values, read-only transactions, and failures that never reveal the password.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describePostgresSource, readPostgresSource, type PostgresSourceSpec } from '../../src/sources/postgresSource.js';
import { SourceError } from '../../src/sources/sourceError.js';
import { postgresAvailable } from '../support/linksServer.js';
import { postgresBinariesPresent, startCluster } from '../support/postgresCluster.js';

const serverUrl = inject('postgresUrl');
const suffix = randomBytes(6).toString('hex');
const database = `src_${suffix}`;
const reader = `src_reader_${suffix}`;
const readerPassword = `reader-pw-${suffix}`;

function urlAs(user: string | undefined, password: string | undefined, db = database): string {
  const url = new URL(serverUrl!);
  if (user) url.username = user;
  url.password = password ?? '';
  url.pathname = `/${db}`;
  return url.toString();
}

async function onServer(db: string, statements: string[]): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ connectionString: urlAs(undefined, new URL(serverUrl!).password, db) });
  await client.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const sql of statements) results.push(await client.query(sql));
    return results;
  } finally {
    await client.end();
  }
}

/** The SourceError a promise rejects with; its message must never hold a secret of the connection. */
async function sourceError(promise: Promise<unknown>, connectionString: string): Promise<string> {
  const error = await promise.then(
    () => expect.unreachable('expected a SourceError'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  const { message } = error as SourceError;
  const password = decodeURIComponent(new URL(connectionString).password);
  if (password) expect(message).not.toContain(password);
  expect(message).not.toContain(connectionString);
  return message;
}

const invoiceCount = async () => Number((await onServer(database, ['SELECT count(*)::int AS n FROM billing.invoices']))[0]!.rows[0].n);

describe.skipIf(!postgresAvailable())('PostgreSQL source', () => {
  let readerUrl: string;
  const spec = (source: Omit<PostgresSourceSpec, 'connectionString'>): PostgresSourceSpec => ({ connectionString: readerUrl, ...source });

  beforeAll(async () => {
    await onServer('postgres', [`CREATE DATABASE ${database}`, `CREATE ROLE ${reader} LOGIN PASSWORD '${readerPassword}'`]);
    await onServer(database, [
      'CREATE SCHEMA billing',
      `CREATE TABLE billing.invoices (id text PRIMARY KEY, customer text, amount numeric(14,2), issued date, paid boolean,
         created timestamptz, note text NULL, meta jsonb)`,
      `INSERT INTO billing.invoices VALUES
         ('inv-1', 'Acme', 12345678901.23, '2024-02-29', true, '2024-03-01 12:34:56.789+02', 'first', '{"lines": 2, "tags": ["a"]}'),
         ('inv-2', 'Globex', 0.10, '1999-12-31', false, '2000-01-01 00:00:00+00', NULL, NULL),
         ('inv-3', 'Initech', -5, '2024-01-15', true, '2024-01-15 08:00:00.123456+00', 'say "hi", twice', '[]')`,
      // Deletes when called: shows the transaction, not only the privileges, keeps a source read-only.
      `CREATE FUNCTION billing.purge() RETURNS bigint LANGUAGE sql AS
         $$ WITH gone AS (DELETE FROM billing.invoices RETURNING 1) SELECT count(*) FROM gone $$`,
      `GRANT USAGE ON SCHEMA billing TO ${reader}`,
      `GRANT SELECT ON billing.invoices TO ${reader}`,
    ]);
    readerUrl = urlAs(reader, readerPassword);
  });

  afterAll(async () => {
    await onServer('postgres', [`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`, `DROP ROLE IF EXISTS ${reader}`]);
  });

  it('describes a table with PostgreSQL type names', async () => {
    expect(await describePostgresSource(spec({ table: 'billing.invoices' }))).toEqual([
      { column_name: 'id', data_type: 'text' },
      { column_name: 'customer', data_type: 'text' },
      { column_name: 'amount', data_type: 'numeric' },
      { column_name: 'issued', data_type: 'date' },
      { column_name: 'paid', data_type: 'boolean' },
      { column_name: 'created', data_type: 'timestamp with time zone' },
      { column_name: 'note', data_type: 'text' },
      { column_name: 'meta', data_type: 'jsonb' },
    ]);
  });

  it('describes a query', async () => {
    const query = `SELECT id, amount::float8 AS approx, created::timestamp AS local, 42 AS answer, 9007199254740993::bigint AS big
                   FROM billing.invoices -- a trailing comment`;
    expect(await describePostgresSource(spec({ query: `${query};` }))).toEqual([
      { column_name: 'id', data_type: 'text' },
      { column_name: 'approx', data_type: 'double precision' },
      { column_name: 'local', data_type: 'timestamp without time zone' },
      { column_name: 'answer', data_type: 'integer' },
      { column_name: 'big', data_type: 'bigint' },
    ]);
  });

  it('reads every value as its exact text', async () => {
    const { columns, rows } = await readPostgresSource(spec({ table: 'billing.invoices' }));
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'customer', 'amount', 'issued', 'paid', 'created', 'note', 'meta']);
    expect(rows.sort((a, b) => a.id!.localeCompare(b.id!))).toEqual([
      { id: 'inv-1', customer: 'Acme', amount: '12345678901.23', issued: '2024-02-29', paid: 'true', created: '2024-03-01T10:34:56.789Z', note: 'first', meta: '{"tags": ["a"], "lines": 2}' },
      { id: 'inv-2', customer: 'Globex', amount: '0.10', issued: '1999-12-31', paid: 'false', created: '2000-01-01T00:00:00Z', note: null, meta: null },
      { id: 'inv-3', customer: 'Initech', amount: '-5.00', issued: '2024-01-15', paid: 'true', created: '2024-01-15T08:00:00.123456Z', note: 'say "hi", twice', meta: '[]' },
    ]);
  });

  it('reads a query: integers as text, timestamps without zone as UTC', async () => {
    const { rows } = await readPostgresSource(
      spec({ query: `WITH i AS (SELECT * FROM billing.invoices WHERE paid) SELECT id, 9007199254740993::bigint AS big, 7 AS n, created::timestamp AS local FROM i ORDER BY id` }),
    );
    expect(rows).toEqual([
      { id: 'inv-1', big: '9007199254740993', n: '7', local: '2024-03-01T10:34:56.789Z' },
      { id: 'inv-3', big: '9007199254740993', n: '7', local: '2024-01-15T08:00:00.123456Z' },
    ]);
  });

  it('never writes: a deleting query fails and the rows stay', async () => {
    const cte = spec({ query: 'WITH x AS (DELETE FROM billing.invoices RETURNING *) SELECT * FROM x' });
    await sourceError(readPostgresSource(cte), readerUrl);
    // The owner could delete, but not inside the source's READ ONLY transaction.
    const owner = { connectionString: urlAs(undefined, new URL(serverUrl!).password), query: 'SELECT billing.purge() AS gone' };
    expect(await sourceError(readPostgresSource(owner), owner.connectionString)).toBe('the query tried to write; a source is only ever read');
    expect(await invoiceCount()).toBe(3);
  });

  it('refuses more than one statement, and anything but SELECT or WITH, before connecting', async () => {
    const twoStatements = spec({ query: 'SELECT 1; DELETE FROM billing.invoices' });
    expect(await sourceError(readPostgresSource(twoStatements), readerUrl)).toMatch(/single statement/);
    expect(await sourceError(readPostgresSource(spec({ query: 'DELETE FROM billing.invoices' })), readerUrl)).toMatch(/SELECT or WITH/);
    expect(await sourceError(describePostgresSource(spec({ table: 'billing.invoices; DROP TABLE x' })), readerUrl)).toMatch(/name or schema\.name/);
    expect(await sourceError(describePostgresSource(spec({ table: 'a.b.c' })), readerUrl)).toMatch(/name or schema\.name/);
    expect(await sourceError(describePostgresSource(spec({})), readerUrl)).toBe('give either a table or a query');
    expect(await sourceError(describePostgresSource(spec({ table: 'billing.invoices', query: 'SELECT 1' })), readerUrl)).toBe('give either a table or a query');
    expect(await invoiceCount()).toBe(3);
  });

  it('names a missing table', async () => {
    expect(await sourceError(describePostgresSource(spec({ table: 'billing.nope' })), readerUrl)).toBe('relation "billing.nope" does not exist');
  });

  it('refuses more rows than maxRows', async () => {
    expect(await sourceError(readPostgresSource(spec({ table: 'billing.invoices' }), { maxRows: 2 }), readerUrl)).toBe('the source has more than 2 rows');
    expect((await readPostgresSource(spec({ table: 'billing.invoices' }), { maxRows: 3 })).rows).toHaveLength(3);
    const many = spec({ query: 'SELECT g FROM generate_series(1, 100001) AS g' });
    expect(await sourceError(readPostgresSource(many), readerUrl)).toBe('the source has more than 100000 rows');
  });

  it('stops a query at the timeout', async () => {
    const slow = spec({ query: 'SELECT pg_sleep(5) AS slept' });
    expect(await sourceError(readPostgresSource(slow, { timeoutMs: 300 }), readerUrl)).toBe('the query took longer than 300 ms');
  });

  it('says why it cannot connect, without the connection string', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const closed = `postgres://${reader}:${readerPassword}@127.0.0.1:${port}/${database}`;
    expect(await sourceError(describePostgresSource({ connectionString: closed, table: 'billing.invoices' }), closed)).toBe(
      `cannot connect to 127.0.0.1:${port}: connection refused`,
    );
    const missingDb = urlAs(reader, readerPassword, `${database}_missing`);
    expect(await sourceError(describePostgresSource({ connectionString: missingDb, table: 'x' }), missingDb)).toMatch(/does not exist/);
    const mysql = `mysql://${reader}:${readerPassword}@127.0.0.1/db`;
    expect(await sourceError(describePostgresSource({ connectionString: mysql, table: 'x' }), mysql)).toMatch(/must start with postgres:\/\//);
    expect(await sourceError(describePostgresSource({ connectionString: `not a url ${readerPassword}`, table: 'x' }), 'postgres://x')).not.toContain(readerPassword);
  });

  it.skipIf(!postgresBinariesPresent())('reports a wrong password without revealing it', async () => {
    const cluster = await startCluster({ superuserPassword: 'the-right-one' });
    try {
      const wrong = `postgres://postgres:s3cret-XYZ@127.0.0.1:${cluster.port}/postgres`;
      const message = await sourceError(describePostgresSource({ connectionString: wrong, query: 'SELECT 1 AS one' }), wrong);
      expect(message).toBe('password authentication failed for user "postgres"');
      expect(message).not.toContain('s3cret-XYZ');
    } finally {
      cluster.stop();
    }
  });
});
