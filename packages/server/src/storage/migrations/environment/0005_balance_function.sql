-- Environment database 0005: an account's balance in one round trip. account_balance sets the tenant
-- for row-level security and reads the account and its per-currency totals in one statement, without
-- BEGIN/COMMIT around it. SECURITY INVOKER: row-level security applies. With p_as_of it sums the
-- per-day movements up to that day instead of the running totals. No row: no such account.

CREATE FUNCTION account_balance(p_tenant_id uuid, p_code text, p_as_of date, p_currency text, p_include_children boolean)
RETURNS TABLE (account_code text, account_type text, account_currency text, currency text, debits numeric, credits numeric)
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM set_config('links.tenant_id', p_tenant_id::text, true);
  RETURN QUERY
  WITH RECURSIVE account AS (
    SELECT a.id, a.code, a.type, a.currency FROM accounts a WHERE a.tenant_id = p_tenant_id AND a.code = p_code),
  tree AS (
    SELECT id FROM account
    UNION ALL
    SELECT a.id FROM accounts a JOIN tree t ON a.tenant_id = p_tenant_id AND a.parent_id = t.id WHERE p_include_children),
  totals AS (
    SELECT b.currency, sum(b.debits) AS debits, sum(b.credits) AS credits
      FROM account_balances b
     WHERE p_as_of IS NULL AND b.tenant_id = p_tenant_id AND b.account_id IN (SELECT id FROM tree)
       AND (p_currency IS NULL OR b.currency = p_currency)
     GROUP BY b.currency
    UNION ALL
    SELECT d.currency, sum(d.debits), sum(d.credits)
      FROM account_daily_balances d
     WHERE p_as_of IS NOT NULL AND d.tenant_id = p_tenant_id AND d.account_id IN (SELECT id FROM tree) AND d.date <= p_as_of
       AND (p_currency IS NULL OR d.currency = p_currency)
     GROUP BY d.currency)
  SELECT account.code, account.type, account.currency, totals.currency, totals.debits, totals.credits
    FROM account LEFT JOIN totals ON true
   ORDER BY totals.currency;
END
$fn$;
