-- Environment database 0015: journal-entry drafts. An entry proposed (by a person's key or an agent
-- over MCP) waits here until a person approves it (it is then posted, and the draft names the
-- entry) or rejects it. The entry is kept exactly as submitted; the impact is the balance of each
-- account and currency before and after, as the books stood when it was proposed.

CREATE TABLE journal_entry_drafts (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('pending_approval', 'approved', 'rejected')),
  entry jsonb NOT NULL,
  impact jsonb NOT NULL,
  proposed_by_key text NOT NULL,
  proposed_by_user uuid NOT NULL,
  proposed_via text NOT NULL CHECK (proposed_via IN ('api', 'mcp')),
  decided_by_key text,
  decided_by_user uuid,
  reason text,
  journal_entry_id uuid,
  created_at timestamptz NOT NULL,
  decided_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, journal_entry_id) REFERENCES journal_entries (tenant_id, id),
  -- A pending draft is undecided; an approved one names its entry; a rejected one says why.
  CHECK ((status = 'pending_approval') = (decided_at IS NULL AND decided_by_key IS NULL AND decided_by_user IS NULL)),
  CHECK ((status = 'approved') = (journal_entry_id IS NOT NULL)),
  CHECK ((status = 'rejected') = (reason IS NOT NULL))
);
CREATE UNIQUE INDEX journal_entry_drafts_entry ON journal_entry_drafts (tenant_id, journal_entry_id) WHERE journal_entry_id IS NOT NULL;
CREATE INDEX journal_entry_drafts_status ON journal_entry_drafts (tenant_id, status, id);

ALTER TABLE "journal_entry_drafts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "journal_entry_drafts" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "journal_entry_drafts"
  USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid);
