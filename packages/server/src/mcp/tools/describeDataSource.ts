/** `describe_data_source`: one data source, its columns (with types) and its mapping to a unified model. */
import { z } from 'zod';
import { connectionSchema, getConnection } from '../../connections/externalConnections.js';
import { defineTool, READS_EXTERNAL_SOURCE, READ_ONLY_NOTE } from '../tool.js';

export default defineTool({
  name: 'describe_data_source',
  title: 'Describe a data source',
  description: `One data source by id: its type, status, columns with their types (read from the source now) and which unified fields its columns fill. ${READ_ONLY_NOTE}`,
  input: z.object({ source_id: z.uuid() }),
  output: z.object({
    id: z.string(),
    name: z.string(),
    type: z.enum(['csv', 'postgres']),
    status: z.enum(['needs_mapping', 'ready', 'error']),
    columns: z.array(z.object({ column_name: z.string(), data_type: z.string() })),
    mapping: z.object({ model: z.string(), fields: z.record(z.string(), z.string()) }).nullable(),
    tool: z.string().nullable(),
  }),
  annotations: READS_EXTERNAL_SOURCE,
  permission: 'read',
  async run({ scope, services }, { source_id }) {
    const connection = await getConnection(scope, source_id);
    const columns = await connectionSchema(scope, services.secretsKey, source_id);
    return {
      id: connection.id,
      name: connection.name,
      type: connection.type,
      status: connection.status,
      columns: columns.map((c) => ({ column_name: c.column_name, data_type: c.data_type })),
      mapping: connection.mapping ? { model: connection.mapping.model, fields: connection.mapping.fields } : null,
      tool: connection.mcp.enabled && connection.mcp.tool_name ? `source_${connection.mcp.tool_name}` : null,
    };
  },
});
