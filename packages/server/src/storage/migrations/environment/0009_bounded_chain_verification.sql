-- Migration 0009: verifying the hash chain in bounded segments (issue 12 §6). One call checks at
-- most p_limit links, from position p_from on, starting from the link stored just before p_from
-- (the previous segment checked that link against its own recomputation), and says where to go on
-- (`next_from`). Following `next_from` from 1 to the end verifies the whole chain, as the unbounded
-- verify_ledger_chain(uuid) of migration 0006 did; that function is dropped, so no request can
-- walk a whole large chain in one statement. The digest expression is the one of 0006
-- (journal_entry_digest over journal_line_canonical).
DROP FUNCTION verify_ledger_chain(uuid);

CREATE FUNCTION verify_ledger_chain(p_tenant_id uuid, p_from bigint, p_limit integer) RETURNS jsonb
LANGUAGE plpgsql AS $fn$
DECLARE
  v_head bytea;
  v_position bigint := p_from - 1;
  v_entries bigint;
  v_recorded record;
  r record;
BEGIN
  IF p_from < 1 OR p_limit < 1 THEN RAISE EXCEPTION 'p_from and p_limit start at 1' USING ERRCODE = '22023'; END IF;
  PERFORM set_config('links.tenant_id', p_tenant_id::text, true);
  IF p_from = 1 THEN
    v_head := sha256(convert_to('links-ledger-chain:' || p_tenant_id::text, 'UTF8'));
  ELSE
    SELECT position, head INTO v_recorded FROM ledger_chain_heads WHERE tenant_id = p_tenant_id;
    IF coalesce(v_recorded.position, 0) < p_from - 1 THEN
      RETURN jsonb_build_object('past_end', coalesce(v_recorded.position, 0));
    END IF;
    SELECT link INTO v_head FROM ledger_chain WHERE tenant_id = p_tenant_id AND position = p_from - 1;
    IF NOT FOUND THEN
      RETURN jsonb_build_object('valid', false, 'entries', 0, 'head', '', 'next_from', NULL,
        'broken_at', jsonb_build_object('position', p_from - 1, 'entry_id', NULL, 'reason', 'a link of the chain is missing'));
    END IF;
  END IF;
  FOR r IN
    SELECT c.position, c.entry_id, c.digest, c.link,
           journal_entry_digest(e, (SELECT jsonb_agg(journal_line_canonical(l) ORDER BY l.line_number)
                                      FROM journal_lines l WHERE l.tenant_id = e.tenant_id AND l.entry_id = e.id)) AS actual,
           e.id IS NOT NULL AS present
      FROM ledger_chain c LEFT JOIN journal_entries e ON e.tenant_id = c.tenant_id AND e.id = c.entry_id
     WHERE c.tenant_id = p_tenant_id AND c.position >= p_from
     ORDER BY c.position
     LIMIT p_limit
  LOOP
    IF r.position <> v_position + 1 THEN
      RETURN jsonb_build_object('valid', false, 'entries', v_position, 'head', encode(v_head, 'hex'), 'next_from', NULL,
        'broken_at', jsonb_build_object('position', v_position + 1, 'entry_id', NULL, 'reason', 'a link of the chain is missing'));
    END IF;
    IF NOT r.present OR r.actual IS DISTINCT FROM r.digest THEN
      RETURN jsonb_build_object('valid', false, 'entries', v_position, 'head', encode(v_head, 'hex'), 'next_from', NULL,
        'broken_at', jsonb_build_object('position', r.position, 'entry_id', r.entry_id,
          'reason', CASE WHEN r.present THEN 'the entry or its lines changed after posting' ELSE 'the entry is gone' END));
    END IF;
    v_head := sha256(v_head || r.digest);
    IF v_head <> r.link THEN
      RETURN jsonb_build_object('valid', false, 'entries', v_position, 'head', encode(v_head, 'hex'), 'next_from', NULL,
        'broken_at', jsonb_build_object('position', r.position, 'entry_id', r.entry_id, 'reason', 'the link was rewritten'));
    END IF;
    v_position := r.position;
  END LOOP;
  -- A full segment may have more after it: the caller continues there.
  IF v_position - p_from + 1 = p_limit AND EXISTS (SELECT 1 FROM ledger_chain WHERE tenant_id = p_tenant_id AND position = v_position + 1) THEN
    RETURN jsonb_build_object('valid', true, 'entries', v_position, 'head', encode(v_head, 'hex'), 'next_from', v_position + 1, 'broken_at', NULL);
  END IF;
  -- The end of the chain: every posted entry is on it, and the recorded head is where it ends.
  SELECT count(*) INTO v_entries FROM journal_entries WHERE tenant_id = p_tenant_id;
  SELECT position, head INTO v_recorded FROM ledger_chain_heads WHERE tenant_id = p_tenant_id;
  IF v_entries <> v_position THEN
    RETURN jsonb_build_object('valid', false, 'entries', v_position, 'head', encode(v_head, 'hex'), 'next_from', NULL,
      'broken_at', jsonb_build_object('position', v_position + 1, 'entry_id', NULL, 'reason', format('%s posted entries are not on the chain', v_entries - v_position)));
  END IF;
  IF v_position > 0 AND (v_recorded.position <> v_position OR v_recorded.head <> v_head) THEN
    RETURN jsonb_build_object('valid', false, 'entries', v_position, 'head', encode(v_head, 'hex'), 'next_from', NULL,
      'broken_at', jsonb_build_object('position', v_position, 'entry_id', NULL, 'reason', 'the recorded head does not match the chain'));
  END IF;
  RETURN jsonb_build_object('valid', true, 'entries', v_position, 'head', encode(v_head, 'hex'), 'next_from', NULL, 'broken_at', NULL);
END
$fn$;
