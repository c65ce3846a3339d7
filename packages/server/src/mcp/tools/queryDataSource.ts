/** `query_data_source`: rows of any connected data source, filtered, a page at a time. */
import { z } from 'zod';
import { defineTool, READS_EXTERNAL_SOURCE, READ_ONLY_NOTE } from '../tool.js';
import { sourceQueryArguments, sourceRows, sourceRowsOutput } from './dataSourceQuery.js';

export default defineTool({
  name: 'query_data_source',
  title: 'Query a data source',
  description: `Rows of a connected data source (see list_data_sources; its columns: describe_data_source), read live from the CSV file or the database, filtered by exact column values. ${READ_ONLY_NOTE}`,
  input: z.object({ source_id: z.uuid().describe('The data source (external connection) id.'), ...sourceQueryArguments }),
  output: sourceRowsOutput,
  annotations: READS_EXTERNAL_SOURCE,
  permission: 'read',
  async run(context, { source_id, ...args }) {
    return sourceRows(context, source_id, args);
  },
});
