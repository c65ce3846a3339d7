-- Environment database 0017: a Xero token refresh is claimed with a short lease on its row instead
-- of holding the row lock across the call to Xero (a lock held across a network call blocks the
-- embedded database's only session and pins a PostgreSQL connection). One worker of all processes
-- holds the lease; the others wait for it to end and read the refreshed tokens.

ALTER TABLE xero_tokens ADD COLUMN refresh_holder text;
ALTER TABLE xero_tokens ADD COLUMN refresh_lease_until timestamptz;
ALTER TABLE xero_tokens ADD CONSTRAINT xero_tokens_refresh_lease CHECK ((refresh_holder IS NULL) = (refresh_lease_until IS NULL));
