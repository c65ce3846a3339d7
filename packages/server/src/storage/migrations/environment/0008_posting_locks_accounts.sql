-- Migration 0008: post_journal_entries (last defined by 0004) in a new version.
-- * It locks the accounts its lines name before it reads them (step 3a), so a sub-ledger created at
--   the same time cannot miss this posting's party-less lines, nor this posting miss the sub-ledger.
-- * A request may name the record version it posts for (requests[].record_id, record_version,
--   record_event): its entries are linked to it in record_postings by the same statement, so a
--   record write can make the posting its last statement — the tenant's hash-chain head, locked by
--   the posting until commit, is then held for the commit only.
-- Everything else is as in 0004 (see storage/migrations/postingFunction.ts for the call's shape).
CREATE OR REPLACE FUNCTION post_journal_entries(p_tenant_id uuid, p_batch jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $fn$
DECLARE
  v_allow_inactive boolean := coalesce((p_batch->>'allow_inactive')::boolean, false);
  -- Milliseconds, as everywhere in the API: audit cursors carry the time at that precision.
  v_now timestamptz := date_trunc('milliseconds', now());
  v_claimed text[];
  v_settled jsonb;
  v_dead int[];
  v_errors jsonb;
  v_refused int[];
  v_failed int[];
  v_count int;
  v_periods text[];
  v_closed text[];
  v_seq_of bigint[];
  v_account uuid[];
  v_chain_ids uuid[];
  v_chain_digests bytea[];
BEGIN
  PERFORM set_config('links.tenant_id', p_tenant_id::text, true);

  -- 1. Claim every key at once, in key order; a key another transaction holds waits for it. The
  --    answer is stored with the claim (it names the entries, whose ids the caller chose): a
  --    refused request deletes its claim below, and nothing is visible before the commit.
  WITH claimed AS (
    INSERT INTO idempotency_keys (tenant_id, key, request_hash, response_status, response_body)
    SELECT p_tenant_id, key, decode(hash, 'hex'), 201, jsonb_build_object('journal_entry_ids', entry_ids)
      FROM jsonb_to_recordset(p_batch->'requests') AS x(r int, key text, hash text, entry_ids jsonb)
     WHERE key IS NOT NULL ORDER BY key
    ON CONFLICT (tenant_id, key) DO NOTHING RETURNING key)
  SELECT coalesce(array_agg(key), '{}') INTO v_claimed FROM claimed;

  -- 2. A key used before settles its request: the same request replays, another is refused.
  v_settled := '[]';
  v_dead := '{}';
  IF cardinality(v_claimed) < coalesce((p_batch->>'keyed')::int, 0) THEN
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'r', req.r,
           'outcome', CASE WHEN k.request_hash = decode(req.hash, 'hex') THEN 'replayed' ELSE 'reused' END,
           'status', k.response_status,
           'body', k.response_body)), '[]'),
         coalesce(array_agg(req.r), '{}')
    INTO v_settled, v_dead
    FROM jsonb_to_recordset(p_batch->'requests') AS req(r int, key text, hash text)
    CROSS JOIN LATERAL (
      SELECT request_hash, response_status, response_body FROM idempotency_keys
       WHERE tenant_id = p_tenant_id AND key = req.key LIMIT 1) k
   WHERE req.key IS NOT NULL AND req.key <> ALL (v_claimed);
  END IF;

  -- 3a. Lock the accounts the lines name (key share, in id order) before reading them: a sub-ledger
  --     is created under an update lock on its control account (ledger/subledgers.ts), so either it
  --     waits for this posting to commit and then sees its lines, or this posting waits for it and
  --     the next statement (a fresh snapshot) sees the account as a control account.
  PERFORM 1 FROM accounts a
   WHERE a.tenant_id = p_tenant_id
     AND a.code IN (SELECT DISTINCT l.account FROM jsonb_to_recordset(p_batch->'lines') AS l(account text))
   ORDER BY a.id FOR KEY SHARE;

  -- 3. Each line's account, looked up once by its unique code (an index probe per line, whatever
  --    the table's statistics say); then each live entry's first refused line, else its own refusal.
  WITH checked AS (
    SELECT l.o, l.e, l.r, l.n, a.id AS account_id, a.currency AS account_currency,
           CASE WHEN l.refused IS NOT NULL THEN l.refused
                WHEN a.id IS NULL THEN 'unknown_account'
                WHEN NOT a.is_active AND NOT v_allow_inactive THEN 'inactive_account'
                WHEN a.currency IS NOT NULL AND a.currency <> l.currency THEN 'currency_mismatch'
                WHEN a.is_control AND l.party IS NULL THEN 'subledger_account_required'
                WHEN NOT a.is_control AND l.party IS NOT NULL THEN 'invalid_request'
           END AS code
      FROM jsonb_to_recordset(p_batch->'lines')
           AS l(e int, r int, n int, account text, currency text, party text, refused text, o int)
      LEFT JOIN LATERAL (
        SELECT a.id, a.currency, a.is_active,
               EXISTS (SELECT 1 FROM subledgers s WHERE s.tenant_id = p_tenant_id AND s.control_account_id = a.id) AS is_control
          FROM accounts a WHERE a.tenant_id = p_tenant_id AND a.code = l.account LIMIT 1) a ON true),
  first_line AS (
    SELECT DISTINCT ON (e) e, n, code, account_currency FROM checked
     WHERE code IS NOT NULL AND r <> ALL (v_dead) ORDER BY e, n),
  found AS (
    SELECT e, n, code, account_currency FROM first_line
    UNION ALL
    SELECT e, NULL, refused, NULL FROM jsonb_to_recordset(p_batch->'entries') AS x(e int, r int, refused text)
     WHERE refused IS NOT NULL AND r <> ALL (v_dead) AND e NOT IN (SELECT e FROM first_line))
  SELECT (SELECT coalesce(jsonb_agg(jsonb_build_object('e', e, 'n', n, 'code', code, 'account_currency', account_currency)), '[]') FROM found),
         (SELECT coalesce(array_agg(e), '{}') FROM found),
         (SELECT array_agg(account_id ORDER BY o) FROM checked)
    INTO v_errors, v_refused, v_account;

  -- 4. Periods: share-lock every month posted into (a close waits for this posting, or this
  --    posting sees the month closed); a month without its row yet gets one first.
  SELECT coalesce(array_agg(DISTINCT to_char(date, 'YYYY-MM')), '{}') INTO v_periods
    FROM jsonb_to_recordset(p_batch->'entries') AS x(e int, r int, date date)
   WHERE r <> ALL (v_dead) AND e <> ALL (v_refused);
  SELECT count(*), coalesce(array_agg(period) FILTER (WHERE status = 'closed'), '{}') INTO v_count, v_closed
    FROM (SELECT period, status FROM periods WHERE tenant_id = p_tenant_id AND period = ANY (v_periods) ORDER BY period FOR SHARE) locked;
  IF v_count < cardinality(v_periods) THEN
    INSERT INTO periods (tenant_id, period, status)
    SELECT p_tenant_id, period, 'open' FROM unnest(v_periods) AS period ORDER BY period
    ON CONFLICT (tenant_id, period) DO NOTHING;
    SELECT coalesce(array_agg(period) FILTER (WHERE status = 'closed'), '{}') INTO v_closed
      FROM (SELECT period, status FROM periods WHERE tenant_id = p_tenant_id AND period = ANY (v_periods) ORDER BY period FOR SHARE) locked;
  END IF;
  IF cardinality(v_closed) > 0 THEN
    SELECT v_errors || coalesce(jsonb_agg(jsonb_build_object('e', e, 'code', 'period_closed')), '[]'),
           v_refused || coalesce(array_agg(e), '{}')
      INTO v_errors, v_refused
      FROM jsonb_to_recordset(p_batch->'entries') AS x(e int, r int, date date)
     WHERE r <> ALL (v_dead) AND e <> ALL (v_refused) AND to_char(date, 'YYYY-MM') = ANY (v_closed);
  END IF;

  -- 5. A request with a refused entry posts nothing and releases its key for a corrected retry.
  v_failed := '{}';
  IF cardinality(v_refused) > 0 THEN
    SELECT coalesce(array_agg(DISTINCT r), '{}') INTO v_failed
      FROM jsonb_to_recordset(p_batch->'entries') AS x(e int, r int)
     WHERE e = ANY (v_refused);
    DELETE FROM idempotency_keys
     WHERE tenant_id = p_tenant_id
       AND key = ANY (ARRAY(SELECT key FROM jsonb_to_recordset(p_batch->'requests') AS x(r int, key text) WHERE r = ANY (v_failed) AND key IS NOT NULL));
  END IF;

  -- 6. Write the rest. Each entry gets a slot in v_seq_of: its sequence number, or NULL when it is
  --    not written (numbers follow entry order: the scan reads the array in order).
  SELECT array_agg(CASE WHEN r <> ALL (v_dead) AND r <> ALL (v_failed) THEN nextval('journal_entry_sequence') END ORDER BY e),
         count(*) FILTER (WHERE r <> ALL (v_dead) AND r <> ALL (v_failed))
    INTO v_seq_of, v_count
    FROM jsonb_to_recordset(p_batch->'entries') AS x(e int, r int);
  IF v_count > 0 THEN
    -- One statement writes it all. Arrays are joined as row sets (unnest), never subscripted per
    -- row (a PL/pgSQL array read inside a query is copied on every read). Balance movements are
    -- aggregated per row and applied in key order: a hot account is locked and updated once, and
    -- two calls lock shared rows in the same order.
    WITH slot AS (
      SELECT seq, (slot - 1)::int AS e FROM unnest(v_seq_of) WITH ORDINALITY AS sq(seq, slot) WHERE seq IS NOT NULL),
    line AS (
      SELECT l.*, slot.seq, acc.id AS account_id
        FROM jsonb_to_recordset(p_batch->'lines')
             AS l(o int, e int, n int, entry_id uuid, date date, currency text, debit bigint, credit bigint, party text, dimensions jsonb, memo text)
        JOIN slot ON slot.e = l.e
        JOIN unnest(v_account) WITH ORDINALITY AS acc(id, o) ON acc.o = l.o),
    posted AS (
      INSERT INTO journal_entries AS je (tenant_id, id, sequence, date, description, currency, reference, reversal_of, metadata, line_count, created_at)
      SELECT p_tenant_id, x.id, slot.seq, x.date, x.description, x.currency, x.reference, x.reversal_of, coalesce(x.metadata, '{}'), x.line_count, v_now
        FROM jsonb_to_recordset(p_batch->'entries')
             AS x(e int, id uuid, date date, description text, currency text, reference text, reversal_of uuid, metadata jsonb, line_count int)
        JOIN slot ON slot.e = x.e
       ORDER BY x.e
      RETURNING je),
    lines_posted AS (
      INSERT INTO journal_lines AS jl (tenant_id, entry_id, line_number, sequence, date, account_id, currency, debit, credit, subledger_account, dimensions, memo)
      SELECT p_tenant_id, entry_id, n, seq, date, account_id, currency, debit, credit, party, dimensions, memo FROM line
      RETURNING jl),
    -- Tamper evidence: each entry's digest, from the rows just inserted (migration 0006).
    lines_of AS (
      SELECT (jl).entry_id, jsonb_agg(journal_line_canonical(jl) ORDER BY (jl).line_number) AS lines FROM lines_posted GROUP BY (jl).entry_id),
    digests AS (
      SELECT (je).id, (je).sequence, journal_entry_digest(je, lines_of.lines) AS digest
        FROM posted JOIN lines_of ON lines_of.entry_id = (je).id),
    audited AS (
      INSERT INTO audit_events (tenant_id, id, at, actor_type, actor_id, action, resource_type, resource_id, request_id)
      SELECT p_tenant_id, ent.audit_id, v_now, req.actor_type, req.actor_id,
             CASE WHEN ent.reversal_of IS NULL THEN 'journal_entry.posted' ELSE 'journal_entry.reversed' END,
             'journal_entry', ent.id::text, req.request_id
        FROM jsonb_to_recordset(p_batch->'entries') AS ent(e int, r int, id uuid, audit_id uuid, reversal_of uuid)
        JOIN jsonb_to_recordset(p_batch->'requests') AS req(r int, actor_type text, actor_id text, request_id text) ON req.r = ent.r
        JOIN slot ON slot.e = ent.e
       ORDER BY ent.e),
    totals AS (
      INSERT INTO account_balances AS b (tenant_id, account_id, currency, debits, credits)
      SELECT p_tenant_id, account_id, currency, sum(debit), sum(credit) FROM line
       GROUP BY account_id, currency ORDER BY account_id, currency
      ON CONFLICT (tenant_id, account_id, currency) DO UPDATE
        SET debits = b.debits + excluded.debits, credits = b.credits + excluded.credits),
    daily AS (
      INSERT INTO account_daily_balances AS b (tenant_id, account_id, currency, date, debits, credits, lines)
      SELECT p_tenant_id, account_id, currency, date, sum(debit), sum(credit), count(*) FROM line
       GROUP BY account_id, currency, date ORDER BY account_id, currency, date
      ON CONFLICT (tenant_id, account_id, currency, date) DO UPDATE
        SET debits = b.debits + excluded.debits, credits = b.credits + excluded.credits, lines = b.lines + excluded.lines),
    -- A request made for a record version links each entry to it (record_postings, migration 0007).
    linked AS (
      INSERT INTO record_postings (tenant_id, record_id, version, currency, event, entry_id)
      SELECT p_tenant_id, req.record_id, req.record_version, ent.currency, req.record_event, ent.id
        FROM jsonb_to_recordset(p_batch->'entries') AS ent(e int, r int, id uuid, currency text)
        JOIN jsonb_to_recordset(p_batch->'requests') AS req(r int, record_id uuid, record_version int, record_event text) ON req.r = ent.r
        JOIN slot ON slot.e = ent.e
       WHERE req.record_id IS NOT NULL),
    parties AS (
      INSERT INTO party_daily_balances AS b (tenant_id, account_id, party, currency, date, debits, credits)
      SELECT p_tenant_id, account_id, party, currency, date, sum(debit), sum(credit) FROM line
       WHERE party IS NOT NULL
       GROUP BY account_id, party, currency, date ORDER BY account_id, party, currency, date
      ON CONFLICT (tenant_id, account_id, party, currency, date) DO UPDATE
        SET debits = b.debits + excluded.debits, credits = b.credits + excluded.credits)
    SELECT array_agg(id ORDER BY sequence), array_agg(digest ORDER BY sequence) INTO v_chain_ids, v_chain_digests FROM digests;

    -- 7. The new entries join the tenant's hash chain in sequence order (chain_journal_entries,
    --    migration 0006); its head row stays locked until the commit, so this comes last.
    PERFORM chain_journal_entries(p_tenant_id, v_chain_ids, v_chain_digests);
  END IF;

  RETURN jsonb_build_object(
    'created_at_ms', floor(extract(epoch FROM v_now) * 1000)::bigint,
    'settled', v_settled,
    'errors', v_errors);
END
$fn$;
