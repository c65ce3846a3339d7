/** `links periods`: months open or closed to posting, and the year-end close that moves profit to retained earnings. */
import { type Command, InvalidArgumentError } from 'commander';
import type { Period, YearEnd } from '@links/sdk';
import { leaf } from '../commandKit.js';
import { withData, type DataOptions } from '../connection.js';
import { emit, emitList, renderRecord, type OutputOptions } from '../output.js';

type Options = DataOptions & OutputOptions;

function month(value: string): string {
  if (!/^\d{4}-\d{2}$/.test(value)) throw new InvalidArgumentError('must be a month YYYY-MM');
  return value;
}

function year(value: string): string {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError('must be a year YYYY');
  return value;
}

function renderPeriod(period: Period): string {
  return renderRecord([
    ['period', period.period],
    ['status', period.status],
    ['changed', period.changed_at],
  ]);
}

function renderYearEnd(yearEnd: YearEnd): string {
  return renderRecord([
    ['year', yearEnd.year],
    ['status', yearEnd.status],
    ['retained earnings', yearEnd.retained_earnings_account],
    ['entries', yearEnd.entries.join(', ')],
    ['months', yearEnd.periods.length === 0 ? '' : `${yearEnd.periods[0]} … ${yearEnd.periods.at(-1)} (${yearEnd.periods.length})`],
  ]);
}

export function registerPeriods(program: Command): void {
  const periods = program.command('periods').description('accounting periods (months): close to stop posting, reopen to allow it again');
  leaf(periods, 'list', 'list the months that were ever closed, with their status').action(async (options: Options) =>
    withData(options, async ({ sdk }) => {
      const items = await sdk.periods.list({ limit: 100 }).all();
      emitList(options, items, 'closed or reopened periods (every month is open until closed)', ['period', 'status', 'changed'], (p) => [p.period, p.status, p.changed_at]);
    }),
  );
  leaf(periods, 'close', 'close a month: no entry can be posted into it')
    .argument('<month>', 'YYYY-MM', month)
    .option('--force', 'close a month that has not ended yet')
    .action(async (period: string, options: Options & { force?: boolean }) =>
      withData(options, async ({ sdk }) => {
        const closed = await sdk.periods.close(period, options.force ? { force: true } : {});
        emit(options, closed, () => renderPeriod(closed));
      }),
    );
  leaf(periods, 'reopen', 'reopen a closed month')
    .argument('<month>', 'YYYY-MM', month)
    .action(async (period: string, options: Options) =>
      withData(options, async ({ sdk }) => {
        const reopened = await sdk.periods.reopen(period);
        emit(options, reopened, () => renderPeriod(reopened));
      }),
    );
  leaf(periods, 'close-year', "year-end: move the year's revenue and expenses to retained earnings and close its twelve months")
    .argument('<year>', 'YYYY', year)
    .option('--retained-earnings <code>', 'the equity account that takes the profit (default: the equity account marked {"retained_earnings": true})')
    .option('--force', 'close a year that has not ended yet')
    .action(async (closedYear: string, options: Options & { retainedEarnings?: string; force?: boolean }) =>
      withData(options, async ({ sdk }) => {
        const yearEnd = await sdk.periods.closeYear(closedYear, {
          ...(options.retainedEarnings ? { retained_earnings_account: options.retainedEarnings } : {}),
          ...(options.force ? { force: true } : {}),
        });
        emit(options, yearEnd, () => renderYearEnd(yearEnd));
      }),
    );
  leaf(periods, 'reopen-year', "reopen a closed year's months and reverse its closing entries")
    .argument('<year>', 'YYYY', year)
    .action(async (reopenedYear: string, options: Options) =>
      withData(options, async ({ sdk }) => {
        const yearEnd = await sdk.periods.reopenYear(reopenedYear);
        emit(options, yearEnd, () => renderYearEnd(yearEnd));
      }),
    );
}
