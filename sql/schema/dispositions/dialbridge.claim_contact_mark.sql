CREATE FUNCTION dialbridge.claim_contact_mark(p_contact_id uuid, p_kind text, p_activity_id uuid, p_at timestamp with time zone) RETURNS boolean
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  with claimed as (
    insert into dialbridge.contact_marks as m (contact_id, kind, activity_id, marked_at)
    values (p_contact_id, p_kind, p_activity_id, p_at)
    on conflict (contact_id, kind) do update
       set activity_id = excluded.activity_id, marked_at = excluded.marked_at
     where m.activity_id = excluded.activity_id
        or (m.marked_at, m.activity_id) < (excluded.marked_at, excluded.activity_id)
    returning 1
  )
  select exists (select 1 from claimed)
$$;

COMMENT ON FUNCTION dialbridge.claim_contact_mark(p_contact_id uuid, p_kind text, p_activity_id uuid, p_at timestamp with time zone) IS 'Claims a contact''s status or next action for an activity if its event time is the newest seen (ties:
larger activity id; the same activity always re-claims). True when the caller should write it.';

REVOKE ALL ON FUNCTION dialbridge.claim_contact_mark(p_contact_id uuid, p_kind text, p_activity_id uuid, p_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.claim_contact_mark(p_contact_id uuid, p_kind text, p_activity_id uuid, p_at timestamp with time zone) TO service_role;
