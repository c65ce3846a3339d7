/**
 * Journal-entry drafts: propose an entry for a person to approve; nothing posts until then. In
 * production the approver must be another person than the proposer.
 */
import type { LinksCore, RequestOptions } from './core.js';
import { type CursorPage, PageResult } from './pagination.js';
import type { JournalEntry, JournalEntryDraft, JournalEntryDraftStatus, JournalEntryInput } from './types.js';

export class JournalEntryDrafts {
  constructor(private readonly core: LinksCore) {}
  /** Checks the entry as posting would (same errors) and keeps it as a draft with its balance impact. */
  create(entry: JournalEntryInput, options?: RequestOptions): Promise<JournalEntryDraft> {
    return this.core.data({ method: 'POST', path: '/api/v1/journal-entry-drafts', body: entry, creates: true, options });
  }
  /** Newest first, paged by cursor; iterate it to walk them all. */
  list(
    params: { status?: JournalEntryDraftStatus; limit?: number; cursor?: string } = {},
    options?: RequestOptions,
  ): PageResult<JournalEntryDraft, CursorPage<JournalEntryDraft>> {
    return new PageResult<JournalEntryDraft, CursorPage<JournalEntryDraft>>(
      (p) => this.core.call({ method: 'GET', path: '/api/v1/journal-entry-drafts', query: { ...params, ...p }, options }),
      params,
    );
  }
  get(id: string, options?: RequestOptions): Promise<JournalEntryDraft> {
    return this.core.data({ method: 'GET', path: '/api/v1/journal-entry-drafts/{id}', pathParams: { id }, options });
  }
  /** Posts the draft (once, however often it is called) and answers the posted entry. */
  approve(id: string, options?: RequestOptions): Promise<JournalEntry> {
    return this.core.data({ method: 'POST', path: '/api/v1/journal-entry-drafts/{id}/approve', pathParams: { id }, creates: true, options });
  }
  reject(id: string, reason: string, options?: RequestOptions): Promise<JournalEntryDraft> {
    return this.core.data({ method: 'POST', path: '/api/v1/journal-entry-drafts/{id}/reject', pathParams: { id }, body: { reason }, creates: true, options });
  }
}
