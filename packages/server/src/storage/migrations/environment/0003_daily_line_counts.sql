-- Environment database 0003: per-day line counts, so statements count lines from the per-day rows.
-- The backfill reads every tenant: row-level security is lifted for it only (the owner is subject to
-- it too, FORCE), inside the migration's transaction.

ALTER TABLE account_daily_balances ADD COLUMN lines bigint NOT NULL DEFAULT 0;

ALTER TABLE "account_daily_balances" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "journal_lines" NO FORCE ROW LEVEL SECURITY;

UPDATE account_daily_balances d SET lines = c.n
  FROM (SELECT tenant_id, account_id, currency, date, count(*) AS n FROM journal_lines GROUP BY 1, 2, 3, 4) c
 WHERE d.tenant_id = c.tenant_id AND d.account_id = c.account_id AND d.currency = c.currency AND d.date = c.date;

ALTER TABLE "account_daily_balances" FORCE ROW LEVEL SECURITY;
ALTER TABLE "journal_lines" FORCE ROW LEVEL SECURITY;
