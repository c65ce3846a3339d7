/** `list_data_sources`: the tenant environment's connected data sources (external connections). */
import { z } from 'zod';
import { listConnections } from '../../connections/externalConnections.js';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';
import { listArguments, listOutput, offsetPage } from '../toolResults.js';

const sourceItem = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['csv', 'postgres']),
  status: z.enum(['needs_mapping', 'ready', 'error']),
  model: z.string().nullable().describe('The unified model its rows become on sync, if mapped.'),
  tool: z.string().nullable().describe('Its own MCP tool, when published to agents.'),
  description: z.string().nullable(),
});

export default defineTool({
  name: 'list_data_sources',
  title: 'Data sources',
  description: `The data sources connected to this tenant environment (CSV files, PostgreSQL tables or queries): id, name, status, the model they feed and their own tool if published. ${READ_ONLY_NOTE}`,
  input: z.object({ ...listArguments }),
  output: listOutput(sourceItem),
  annotations: READ_ONLY,
  permission: 'read',
  async run(context, args) {
    const page = await offsetPage(context, args, (p) => listConnections(context.scope, p));
    return {
      ...page,
      data: page.data.map((c) => ({
        id: c.id,
        name: c.name,
        type: c.type,
        status: c.status,
        model: c.mapping?.model ?? null,
        tool: c.mcp.enabled && c.mcp.tool_name ? `source_${c.mcp.tool_name}` : null,
        description: c.mcp.description,
      })),
    };
  },
});
