/** A journal entry as the API shows it, from whichever source built it (a fresh posting or stored rows). */
import type { Selectable } from 'kysely';
import type { JournalEntry } from '../domain/ledger.js';
import { formatMinor } from '../domain/money.js';
import type { JournalEntryRow } from '../storage/environmentSchema.js';
import type { LedgerTransaction } from './scope.js';

export interface EntryHeader {
  id: string;
  date: string;
  description: string;
  currency: string;
  reference: string | null;
  created_at: Date;
  reversal_of: string | null;
  reversed_by: string | null;
  metadata: Record<string, unknown>;
}

export interface LineFacts {
  line_number: number;
  account: string;
  debit: bigint;
  credit: bigint;
  subledger_account: string | null;
  dimensions: Record<string, string> | null;
  memo: string | null;
}

export function journalEntryView(entry: EntryHeader, lines: LineFacts[]): JournalEntry {
  return {
    id: entry.id,
    date: entry.date,
    description: entry.description,
    currency: entry.currency,
    reference: entry.reference,
    status: 'posted',
    lines: lines.map((l) => ({
      line_number: l.line_number,
      account: l.account,
      debit: l.debit > 0n ? formatMinor(l.debit, entry.currency) : null,
      credit: l.credit > 0n ? formatMinor(l.credit, entry.currency) : null,
      subledger_account: l.subledger_account,
      dimensions: l.dimensions,
      memo: l.memo,
    })),
    created_at: entry.created_at.toISOString(),
    reversal_of: entry.reversal_of,
    reversed_by: entry.reversed_by,
    metadata: entry.metadata,
  };
}

/** Entries with their lines (account codes, decimal amounts) and who reversed them. */
export async function entryViews(trx: LedgerTransaction, entries: Array<Selectable<JournalEntryRow>>): Promise<JournalEntry[]> {
  if (entries.length === 0) return [];
  const ids = entries.map((e) => e.id);
  const lines = await trx
      .selectFrom('journal_lines as l')
      .innerJoin('accounts as a', (join) => join.onRef('a.tenant_id', '=', 'l.tenant_id').onRef('a.id', '=', 'l.account_id'))
      .select(['l.entry_id', 'l.line_number', 'a.code', 'l.debit', 'l.credit', 'l.subledger_account', 'l.dimensions', 'l.memo'])
      .where('l.entry_id', 'in', ids)
      .orderBy('l.entry_id')
      .orderBy('l.line_number')
      .execute();
  const reversals = await trx.selectFrom('journal_entries').select(['id', 'reversal_of']).where('reversal_of', 'in', ids).execute();
  const reversedBy = new Map(reversals.map((r) => [r.reversal_of!, r.id]));
  const linesByEntry = new Map<string, typeof lines>();
  for (const line of lines) {
    const list = linesByEntry.get(line.entry_id);
    if (list) list.push(line);
    else linesByEntry.set(line.entry_id, [line]);
  }
  return entries.map((e) =>
    journalEntryView(
      { ...e, reversed_by: reversedBy.get(e.id) ?? null },
      (linesByEntry.get(e.id) ?? []).map((l) => ({ ...l, account: l.code, debit: BigInt(l.debit), credit: BigInt(l.credit) })),
    ),
  );
}
