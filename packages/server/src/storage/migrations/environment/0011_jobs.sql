-- Environment database 0011: jobs (accounting runs, asynchronous syncs) that run in the server
-- process. A job is queued by a request, claimed by one process with FOR UPDATE SKIP LOCKED, and
-- held by a lease (claimed_by + heartbeat_at) while it runs; its progress and checkpoint are
-- committed with each step of its work, so a job whose process died is taken over when the lease
-- lapses and resumes from its checkpoint. Ids come from the application (uuid v7).

CREATE TABLE jobs (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('accounting_run', 'connection_sync')),
  params jsonb NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  progress_done int NOT NULL DEFAULT 0 CHECK (progress_done >= 0),
  progress_total int CHECK (progress_total >= 0),
  checkpoint jsonb,
  result jsonb,
  error jsonb,
  attempts int NOT NULL DEFAULT 0,
  claimed_by text,
  heartbeat_at timestamptz,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  CHECK ((status IN ('succeeded', 'failed')) = (finished_at IS NOT NULL)),
  CHECK ((status = 'running') = (claimed_by IS NOT NULL))
);

-- The tenant's list, newest first; the worker's scan of what is waiting or whose lease lapsed.
CREATE INDEX jobs_by_tenant ON jobs (tenant_id, created_at DESC, id DESC);
CREATE INDEX jobs_waiting ON jobs (created_at) WHERE status IN ('queued', 'running');

ALTER TABLE "jobs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "jobs" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "jobs"
  USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid);
-- The worker's claim is the one statement that looks across tenants: it sets links.job_claim in its
-- own transaction, reads which job is next and takes its lease; the work then runs as that tenant.
CREATE POLICY job_claim_read ON "jobs" FOR SELECT
  USING (current_setting('links.job_claim', true) = 'on');
CREATE POLICY job_claim_lease ON "jobs" FOR UPDATE
  USING (current_setting('links.job_claim', true) = 'on')
  WITH CHECK (current_setting('links.job_claim', true) = 'on');
