-- Environment database 0010: each record version carries its accounting outcome, so a record is
-- captured whatever the state of the books. `accounted` (its entries are in record_postings),
-- `not_applicable` (no rule posts it), `pending` (reserved for queued accounting) or `error` with
-- the contract error ({code, message, details}). The record row mirrors its latest version's outcome.
-- The backfill reads every tenant: row-level security is lifted for it only, inside the migration;
-- a version is otherwise never changed, so its immutability trigger is off for the backfill only.

ALTER TABLE unified_record_versions
  ADD COLUMN accounting_status text NOT NULL DEFAULT 'not_applicable'
    CHECK (accounting_status IN ('accounted', 'not_applicable', 'pending', 'error')),
  ADD COLUMN accounting_error jsonb;
ALTER TABLE unified_records
  ADD COLUMN accounting_status text NOT NULL DEFAULT 'not_applicable'
    CHECK (accounting_status IN ('accounted', 'not_applicable', 'pending', 'error')),
  ADD COLUMN accounting_error jsonb;

ALTER TABLE "unified_record_versions" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "unified_records" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "record_postings" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE unified_record_versions DISABLE TRIGGER unified_record_versions_immutable;

UPDATE unified_record_versions v SET accounting_status = 'accounted'
 WHERE EXISTS (SELECT 1 FROM record_postings p WHERE p.tenant_id = v.tenant_id AND p.record_id = v.record_id AND p.version = v.version);
UPDATE unified_records r SET accounting_status = 'accounted'
 WHERE EXISTS (SELECT 1 FROM record_postings p WHERE p.tenant_id = r.tenant_id AND p.record_id = r.id AND p.version = r.version);

ALTER TABLE unified_record_versions ENABLE TRIGGER unified_record_versions_immutable;
ALTER TABLE "unified_record_versions" FORCE ROW LEVEL SECURITY;
ALTER TABLE "unified_records" FORCE ROW LEVEL SECURITY;
ALTER TABLE "record_postings" FORCE ROW LEVEL SECURITY;

-- The exceptions list: records whose latest version could not be accounted for, newest first.
CREATE INDEX unified_records_accounting_errors ON unified_records (tenant_id, updated_at DESC, id DESC) WHERE accounting_status = 'error';
