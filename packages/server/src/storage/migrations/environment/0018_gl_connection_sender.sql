-- Environment database 0018: one sender per GL connection across processes. The process whose
-- lease this is sends the connection's transfers; another skips the connection until the lease
-- lapses (its sender died) or is released. The ERP's rate limits (Xero: 5 in flight, 60 a minute
-- per organisation) are shaped inside the sending process, so they hold across processes too.
-- Released leases keep sender_lease_until: the next sender starts no earlier (the last sender's
-- requests leave the ERP's minute window first).

ALTER TABLE gl_connections ADD COLUMN sender_id uuid;
ALTER TABLE gl_connections ADD COLUMN sender_lease_until timestamptz;
