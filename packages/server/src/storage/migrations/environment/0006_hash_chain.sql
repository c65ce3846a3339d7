-- Environment database 0006: tamper evidence. Every posted journal entry of a tenant environment is a
-- link of a hash chain: its digest covers its canonical content (header and lines), and each link's
-- hash covers the previous link's hash and the digest. ledger_chain_heads holds each tenant's last
-- link. post_journal_entries (0004) appends its entries in the posting's own transaction;
-- verify_ledger_chain recomputes everything from the posted rows and names the first link that no
-- longer matches. Someone who can rewrite rows (the database owner, disabling the immutability
-- triggers) can also rewrite the chain, but not without changing the head, so a head recorded
-- elsewhere (a report, an ERP export) exposes it.
--
-- The canonical content of an entry is jsonb text (which PostgreSQL prints deterministically): the
-- header's columns and its lines, each as journal_line_canonical. Posting computes it from the rows it
-- has just inserted (RETURNING), verification from the stored rows: both through these functions.

CREATE TABLE ledger_chain_heads (
  tenant_id uuid PRIMARY KEY,
  position bigint NOT NULL,
  head bytea NOT NULL
);
CREATE TABLE ledger_chain (
  tenant_id uuid NOT NULL,
  position bigint NOT NULL,
  entry_id uuid NOT NULL,
  digest bytea NOT NULL,
  link bytea NOT NULL,
  PRIMARY KEY (tenant_id, position),
  UNIQUE (tenant_id, entry_id),
  FOREIGN KEY (tenant_id, entry_id) REFERENCES journal_entries (tenant_id, id)
);
CREATE TRIGGER ledger_chain_immutable BEFORE UPDATE OR DELETE ON ledger_chain
  FOR EACH ROW EXECUTE FUNCTION refuse_posted_change();
CREATE TRIGGER ledger_chain_no_truncate BEFORE TRUNCATE ON ledger_chain
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_posted_change();

CREATE FUNCTION journal_line_canonical(l journal_lines) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT jsonb_build_array(l.line_number, l.account_id, l.debit, l.credit, l.subledger_account, l.dimensions, l.memo)
$fn$;
CREATE FUNCTION journal_entry_digest(e journal_entries, lines jsonb) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT sha256(convert_to(jsonb_build_array(
    e.id, e.sequence, e.date, e.description, e.currency, e.reference, e.reversal_of, e.metadata, e.line_count,
    (extract(epoch FROM e.created_at) * 1000000)::bigint, coalesce(lines, '[]'))::text, 'UTF8'))
$fn$;

-- Appends entries with their digests, in the given order, to the tenant's chain; the head row stays
-- locked until commit.
CREATE FUNCTION chain_journal_entries(p_tenant_id uuid, p_entry_ids uuid[], p_digests bytea[]) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  v_position bigint;
  v_head bytea;
  v_links bytea[] := '{}';
  v_digest bytea;
BEGIN
  IF coalesce(cardinality(p_entry_ids), 0) = 0 THEN RETURN; END IF;
  SELECT position, head INTO v_position, v_head FROM ledger_chain_heads WHERE tenant_id = p_tenant_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO ledger_chain_heads (tenant_id, position, head)
    VALUES (p_tenant_id, 0, sha256(convert_to('links-ledger-chain:' || p_tenant_id::text, 'UTF8')))
    ON CONFLICT (tenant_id) DO NOTHING;
    SELECT position, head INTO v_position, v_head FROM ledger_chain_heads WHERE tenant_id = p_tenant_id FOR UPDATE;
  END IF;
  FOREACH v_digest IN ARRAY p_digests LOOP
    v_head := sha256(v_head || v_digest);
    v_links := v_links || v_head;
  END LOOP;
  INSERT INTO ledger_chain (tenant_id, position, entry_id, digest, link)
  SELECT p_tenant_id, v_position + n, id, p_digests[n], v_links[n]
    FROM unnest(p_entry_ids) WITH ORDINALITY AS ids(id, n);
  UPDATE ledger_chain_heads SET position = v_position + cardinality(p_entry_ids), head = v_head WHERE tenant_id = p_tenant_id;
END
$fn$;

CREATE FUNCTION verify_ledger_chain(p_tenant_id uuid) RETURNS jsonb
LANGUAGE plpgsql AS $fn$
DECLARE
  v_head bytea := sha256(convert_to('links-ledger-chain:' || p_tenant_id::text, 'UTF8'));
  v_count bigint := 0;
  v_entries bigint;
  v_recorded record;
  r record;
BEGIN
  PERFORM set_config('links.tenant_id', p_tenant_id::text, true);
  FOR r IN
    SELECT c.position, c.entry_id, c.digest, c.link, journal_entry_digest(e, (SELECT jsonb_agg(journal_line_canonical(l) ORDER BY l.line_number)
                                            FROM journal_lines l WHERE l.tenant_id = e.tenant_id AND l.entry_id = e.id)) AS actual, e.id IS NOT NULL AS present
      FROM ledger_chain c LEFT JOIN journal_entries e ON e.tenant_id = c.tenant_id AND e.id = c.entry_id
     WHERE c.tenant_id = p_tenant_id ORDER BY c.position
  LOOP
    v_count := v_count + 1;
    IF r.position <> v_count THEN
      RETURN jsonb_build_object('valid', false, 'entries', v_count - 1, 'head', encode(v_head, 'hex'),
        'broken_at', jsonb_build_object('position', v_count, 'entry_id', NULL, 'reason', 'a link of the chain is missing'));
    END IF;
    IF NOT r.present OR r.actual IS DISTINCT FROM r.digest THEN
      RETURN jsonb_build_object('valid', false, 'entries', v_count - 1, 'head', encode(v_head, 'hex'),
        'broken_at', jsonb_build_object('position', r.position, 'entry_id', r.entry_id,
          'reason', CASE WHEN r.present THEN 'the entry or its lines changed after posting' ELSE 'the entry is gone' END));
    END IF;
    v_head := sha256(v_head || r.digest);
    IF v_head <> r.link THEN
      RETURN jsonb_build_object('valid', false, 'entries', v_count - 1, 'head', encode(v_head, 'hex'),
        'broken_at', jsonb_build_object('position', r.position, 'entry_id', r.entry_id, 'reason', 'the link was rewritten'));
    END IF;
  END LOOP;
  SELECT count(*) INTO v_entries FROM journal_entries WHERE tenant_id = p_tenant_id;
  SELECT position, head INTO v_recorded FROM ledger_chain_heads WHERE tenant_id = p_tenant_id;
  IF v_entries <> v_count THEN
    RETURN jsonb_build_object('valid', false, 'entries', v_count, 'head', encode(v_head, 'hex'),
      'broken_at', jsonb_build_object('position', v_count + 1, 'entry_id', NULL, 'reason', format('%s posted entries are not on the chain', v_entries - v_count)));
  END IF;
  IF v_count > 0 AND (v_recorded.position <> v_count OR v_recorded.head <> v_head) THEN
    RETURN jsonb_build_object('valid', false, 'entries', v_count, 'head', encode(v_head, 'hex'),
      'broken_at', jsonb_build_object('position', v_count, 'entry_id', NULL, 'reason', 'the recorded head does not match the chain'));
  END IF;
  RETURN jsonb_build_object('valid', true, 'entries', v_count, 'head', encode(v_head, 'hex'), 'broken_at', NULL);
END
$fn$;

-- Entries posted before this migration join the chain in sequence order, tenant by tenant.
ALTER TABLE "journal_entries" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "journal_lines" NO FORCE ROW LEVEL SECURITY;

DO $$
DECLARE t uuid;
BEGIN
  FOR t IN SELECT DISTINCT tenant_id FROM journal_entries LOOP
    PERFORM chain_journal_entries(t,
      ARRAY(SELECT e.id FROM journal_entries e WHERE e.tenant_id = t ORDER BY e.sequence),
      ARRAY(SELECT journal_entry_digest(e, (SELECT jsonb_agg(journal_line_canonical(l) ORDER BY l.line_number)
                                    FROM journal_lines l WHERE l.tenant_id = e.tenant_id AND l.entry_id = e.id)) FROM journal_entries e WHERE e.tenant_id = t ORDER BY e.sequence));
  END LOOP;
END $$;

ALTER TABLE "journal_entries" FORCE ROW LEVEL SECURITY;
ALTER TABLE "journal_lines" FORCE ROW LEVEL SECURITY;

ALTER TABLE "ledger_chain_heads" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ledger_chain_heads" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ledger_chain_heads"
  USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid);

ALTER TABLE "ledger_chain" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ledger_chain" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ledger_chain"
  USING (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('links.tenant_id', true), '')::uuid);
