/**
 * Data sources as tools: every connection published to MCP (`mcp.enabled`) is a read-only tool
 * `source_<tool_name>` of its own, the oldest 20 of the tenant environment (clients cap how many
 * tools they show); beyond those, query_data_source reads any source.
 */
import { z } from 'zod';
import { listPublishedConnections, type ExternalConnection } from '../../connections/externalConnections.js';
import { defineTool, READS_EXTERNAL_SOURCE, READ_ONLY_NOTE, type AnyLinksTool, type McpCall } from '../tool.js';
import { sourceQueryArguments, sourceRows, sourceRowsOutput } from './dataSourceQuery.js';

export const MAX_SOURCE_TOOLS = 20;

export async function dataSourceTools(call: McpCall): Promise<AnyLinksTool[]> {
  if (!call.principal.permissions.includes('read')) return [];
  return (await listPublishedConnections(call.scope, MAX_SOURCE_TOOLS)).map(sourceTool);
}

function sourceTool(connection: ExternalConnection): AnyLinksTool {
  const about = connection.mcp.description ?? `Rows of the data source ${JSON.stringify(connection.name)} (${connection.type}).`;
  return defineTool({
    name: `source_${connection.mcp.tool_name}`,
    title: `Data source: ${connection.name}`,
    description: `${about} Read live from the source, filtered by exact column values. ${READ_ONLY_NOTE}`,
    input: z.object(sourceQueryArguments),
    output: sourceRowsOutput,
    annotations: READS_EXTERNAL_SOURCE,
    permission: 'read',
    run: (context, args) => sourceRows(context, connection.id, args),
  });
}
