/**
 * Journal-entry drafts as the API shows them (docs/ledger.md, "Drafts and approval"): an entry
 * proposed by a key (a person's script, or an agent over MCP) that posts only when a person approves
 * it. Money is decimal strings.
 */
import type { JournalEntryInput } from './ledger.js';

export const DRAFT_STATUSES = ['pending_approval', 'approved', 'rejected'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** How a draft was proposed: the REST API or the MCP endpoint. */
export type DraftChannel = 'api' | 'mcp';

/** The key, and the person who holds it, that proposed or decided a draft. */
export interface DraftActor {
  keyId: string;
  userId: string;
}

export interface DraftProposer extends DraftActor {
  via: DraftChannel;
}

/** One account's balance in one currency before and after the entry, signed by its normal side. */
export interface DraftImpact {
  account: string;
  currency: string;
  before: string;
  after: string;
}

export interface JournalEntryDraft {
  id: string;
  status: DraftStatus;
  /** The entry exactly as submitted. */
  entry: JournalEntryInput;
  /** As the books stood when the draft was proposed. */
  impact: DraftImpact[];
  proposed_by: { key_id: string; user_id: string; via: DraftChannel };
  created_at: string;
  /** Who approved or rejected it, and when; null while pending. */
  decided_by: { key_id: string; user_id: string } | null;
  decided_at: string | null;
  /** Why it was rejected. */
  reason: string | null;
  /** The entry its approval posted. */
  journal_entry_id: string | null;
}
