/**
 * What a connection sends for a run of posted entries: one journal per entry (summarize "none"), or
 * per date or month and currency ("daily", "monthly"), its lines summed per ERP account and
 * dimension set. A Links account the mapping does not name goes to the ERP account with its code;
 * a dimension the mapping does not name keeps its own name.
 */
import type { GlJournal, GlJournalLine, GlSummarizeMode } from '../domain/glTransfer.js';
import { lastDayOf, periodOf } from '../domain/calendar.js';
import type { ChainedEntry } from '../storage/glTransfers.js';

export interface GlMapping {
  accounts: Record<string, string>;
  dimensions: Record<string, string>;
}

/** A transfer before it has an id: the journal it will carry and the chain positions it covers. */
export interface TransferDraft {
  entryIds: string[];
  firstPosition: bigint;
  lastPosition: bigint;
  date: string;
  currency: string;
  journal: Omit<GlJournal, 'transferId'>;
}

function groupKey(entry: ChainedEntry, mode: GlSummarizeMode): string {
  if (mode === 'none') return entry.entry_id;
  return `${mode === 'daily' ? entry.date : periodOf(entry.date)}|${entry.currency}`;
}

function mappedDimensions(dimensions: Record<string, string> | null, mapping: GlMapping): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(dimensions ?? {}).sort(([a], [b]) => a.localeCompare(b))) out[mapping.dimensions[key] ?? key] = String(value);
  return out;
}

/** Lines summed per (ERP account, dimensions); lines that sum to zero are left out. */
function summedLines(entries: ChainedEntry[], mapping: GlMapping, describe: (entry: ChainedEntry, memo: string | null) => string): GlJournalLine[] {
  const sums = new Map<string, GlJournalLine>();
  for (const entry of entries) {
    for (const line of entry.lines) {
      const erpAccountCode = mapping.accounts[line.account_code] ?? line.account_code;
      const dimensions = mappedDimensions(line.dimensions, mapping);
      const key = JSON.stringify([erpAccountCode, dimensions]);
      const sum = sums.get(key) ?? { erpAccountCode, amountMinor: 0n, description: describe(entry, line.memo), dimensions };
      sum.amountMinor += line.debit - line.credit;
      sums.set(key, sum);
    }
  }
  return [...sums.values()].filter((l) => l.amountMinor !== 0n);
}

export function buildTransferDrafts(entries: ChainedEntry[], mode: GlSummarizeMode, mapping: GlMapping): TransferDraft[] {
  const groups = new Map<string, ChainedEntry[]>();
  for (const entry of entries) {
    const key = groupKey(entry, mode);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const date = mode === 'monthly' ? lastDayOf(periodOf(first.date)) : first.date;
    const narration =
      mode === 'none' ? first.description : `Links ${mode === 'daily' ? 'daily' : 'monthly'} summary ${mode === 'daily' ? first.date : periodOf(first.date)} (${group.length} ${group.length === 1 ? 'entry' : 'entries'})`;
    const describe = mode === 'none' ? (entry: ChainedEntry, memo: string | null) => memo ?? entry.description : () => narration;
    return {
      entryIds: group.map((e) => e.entry_id),
      // Entries come in chain order: the group's first and last are its lowest and highest positions.
      firstPosition: first.position,
      lastPosition: group.at(-1)!.position,
      date,
      currency: first.currency,
      journal: { date, currency: first.currency, narration, entryIds: group.map((e) => e.entry_id), lines: summedLines(group, mapping, describe) },
    };
  });
}

/** The stored form of a journal (amounts as strings: JSON has no bigint). */
export function storedJournal(journal: Omit<GlJournal, 'transferId'>): Record<string, unknown> {
  return { ...journal, lines: journal.lines.map((l) => ({ ...l, amountMinor: l.amountMinor.toString() })) };
}

export function journalFromStored(transferId: string, stored: Record<string, unknown>): GlJournal {
  const journal = stored as unknown as Omit<GlJournal, 'transferId'> & { lines: Array<Omit<GlJournalLine, 'amountMinor'> & { amountMinor: string }> };
  return { ...journal, transferId, lines: journal.lines.map((l) => ({ ...l, amountMinor: BigInt(l.amountMinor) })) };
}
