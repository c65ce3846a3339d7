/** `links audit`: who did what in this tenant environment (keys, writes, closes), newest first. */
import type { Command } from 'commander';
import { count, leaf, take } from '../commandKit.js';
import { withData, type DataOptions } from '../connection.js';
import { emitList, type OutputOptions } from '../output.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit trail of this tenant environment');
  leaf(audit, 'list', 'list audit events, newest first')
    .option('--limit <n>', 'at most this many (default 50)', count)
    .action(async (options: DataOptions & OutputOptions & { limit?: number }) =>
      withData(options, async ({ sdk }) => {
        const limit = options.limit ?? 50;
        const items = await take(sdk.auditEvents.list({ limit: Math.min(limit, 100) }), limit);
        emitList(options, items, 'audit events', ['at', 'actor', 'action', 'resource', 'request'], (e) => [
          e.at,
          `${e.actor.type} ${e.actor.id}`,
          e.action,
          `${e.resource_type} ${e.resource_id}`,
          e.request_id,
        ]);
      }),
    );
}
