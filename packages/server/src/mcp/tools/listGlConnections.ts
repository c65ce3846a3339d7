/** `list_gl_connections`: the ERPs (general ledgers) this environment's entries are sent to, oldest first. */
import { z } from 'zod';
import { listGlConnections } from '../../gl/glConnections.js';
import { defineTool, READ_ONLY, READ_ONLY_NOTE } from '../tool.js';
import { listArguments, listOutput, offsetPage } from '../toolResults.js';
import { glConnectionItem } from './glSchemas.js';

export default defineTool({
  name: 'list_gl_connections',
  title: 'GL connections',
  description: `The external general ledgers (ERPs such as Xero, or a webhook) posted entries are sent to: provider, status (active, paused, needs_authorization, error), settings and account mapping; never credentials. Use an id with list_gl_transfers. ${READ_ONLY_NOTE}`,
  input: z.object({ ...listArguments }),
  output: listOutput(glConnectionItem),
  annotations: READ_ONLY,
  permission: 'read',
  run: (context, args) => offsetPage(context, args, (page) => listGlConnections(context.scope, page)),
});
