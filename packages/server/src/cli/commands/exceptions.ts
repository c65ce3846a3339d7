/** `links exceptions`: records the books could not account for (a missing account, a closed month, …), and why. */
import type { Command } from 'commander';
import { count, leaf, take } from '../commandKit.js';
import { withData, type DataOptions } from '../connection.js';
import { emitList, type OutputOptions } from '../output.js';

type Options = DataOptions & OutputOptions & { model?: string; code?: string; limit?: number };

export function registerExceptions(program: Command): void {
  const exceptions = program.command('exceptions').description('accounting exceptions: records whose latest version could not be accounted for');
  leaf(exceptions, 'list', 'list them, newest first')
    .option('--model <model>', 'only this model, e.g. invoice')
    .option('--code <code>', 'only this error code, e.g. period_closed')
    .option('--limit <n>', 'at most this many (default 50)', count)
    .action(async (options: Options) =>
      withData(options, async ({ sdk }) => {
        const limit = options.limit ?? 50;
        const items = await take(sdk.accounting.exceptions({ model: options.model, code: options.code, limit: Math.min(limit, 100) }), limit);
        emitList(options, items, 'accounting exceptions', ['record', 'model', 'version', 'source', 'error', 'message', 'since'], (e) => [
          e.record_id,
          e.model,
          e.version,
          e.source_id ? `${e.source_system ?? ''}/${e.source_id}` : '',
          e.error.code,
          e.error.message,
          e.created_at,
        ]);
      }),
    );
}
