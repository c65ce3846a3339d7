/** A journal entry as the API shows it, from whichever source built it (a fresh posting or stored rows). */
import type { JournalEntry } from '../domain/ledger.js';
import { formatMinor } from '../domain/money.js';

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
