/**
 * `links connections`: external connections (a CSV upload, or a read-only PostgreSQL table or query)
 * mapped onto a unified model. Syncing them is not part of this group.
 */
import type { Command } from 'commander';
import type { ExternalConnection, ExternalConnectionCreateInput } from '@links/sdk';
import { leaf, readJson, readText } from '../commandKit.js';
import { withData, type DataOptions } from '../connection.js';
import { CliError, emit, emitList, renderRecord, type OutputOptions } from '../output.js';

type Options = DataOptions & OutputOptions;

function source(connection: ExternalConnection): string {
  const { table, query, rows } = connection.source;
  return table ?? query ?? (rows === undefined ? '' : `${rows} row${rows === 1 ? '' : 's'}`);
}

function renderConnection(connection: ExternalConnection, columns?: Array<{ column_name: string; data_type: string }>): string {
  return renderRecord([
    ['id', connection.id],
    ['name', connection.name],
    ['type', connection.type],
    ['status', connection.status],
    ['source', source(connection)],
    ['model', connection.mapping?.model],
    ['fields', connection.mapping ? Object.entries(connection.mapping.fields).map(([field, column]) => `${field}←${column}`).join(', ') : ''],
    ...(columns ? ([['columns', columns.map((c) => `${c.column_name} (${c.data_type})`).join(', ')]] as Array<[string, string]>) : []),
    ['last sync', connection.last_sync ? JSON.stringify(connection.last_sync) : ''],
    ['created', connection.created_at],
  ]);
}

export function registerConnections(program: Command): void {
  const connections = program.command('connections').description('external connections: CSV uploads and PostgreSQL tables or queries, mapped onto a unified model');
  leaf(connections, 'list', 'list external connections').action(async (options: Options) =>
    withData(options, async ({ sdk }) => {
      const items: ExternalConnection[] = [];
      for (let page = 1; ; page++) {
        const { data } = await sdk.externalConnectionApi.getExternalConnection(page, 100);
        items.push(...data.data);
        if (data.page >= data.totalPages) break;
      }
      emitList(options, items, 'external connections', ['id', 'name', 'type', 'status', 'model', 'source'], (c) => [c.id, c.name, c.type, c.status, c.mapping?.model, source(c)]);
    }),
  );
  leaf(connections, 'create', 'create a connection: the source is read first, and an unreadable one is refused')
    .requiredOption('--file <path>', 'the connection as JSON: {"name", "type": "csv"|"postgres", "csv" | "connection_string" + "table"|"query", "mapping"} (- for stdin)')
    .option('--csv <path>', 'the CSV upload, read from this file (instead of a "csv" field in --file)')
    .action(async (options: Options & { file: string; csv?: string }) => {
      const body = readJson(options.file, 'the connection as {"name", "type", …, "mapping"}') as ExternalConnectionCreateInput;
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new CliError(`${options.file}: write one connection as {"name", "type", …}`);
      if (options.csv !== undefined) {
        if (body.csv !== undefined) throw new CliError(`connections create: the CSV comes from --csv or from the "csv" field of ${options.file}, not both`);
        body.csv = readText(options.csv);
      }
      await withData(options, async ({ sdk }) => {
        const { data } = await sdk.externalConnectionApi.createExternalConnection(body);
        emit(options, data.data, () => renderConnection(data.data));
      });
    });
  leaf(connections, 'show', "show a connection and its source's columns")
    .argument('<id>')
    .action(async (id: string, options: Options) =>
      withData(options, async ({ sdk }) => {
        const { data } = await sdk.externalConnectionApi.getExternalConnectionById(id);
        const columns = (await sdk.externalConnectionApi.getExternalConnectionSchema(id)).data;
        emit(options, { ...data.data, columns }, () => renderConnection(data.data, columns));
      }),
    );
}
