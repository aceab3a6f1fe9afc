CREATE FUNCTION dialbridge.phoneburner_reassign_idless(p_subject text, p_at timestamp with time zone) RETURNS text[]
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_fact record;
  v_key text;
  v_changed text[] := '{}';
begin
  if p_subject is null then
    return v_changed;
  end if;
  for v_fact in
    select e.log_id, e.call_key
      from dialbridge.phoneburner_call_events e
     where e.subject = p_subject and e.call_id is null and e.kind in ('call', 'callback')
       and e.event_at between p_at - interval '14 hours' and p_at + interval '14 hours'
     order by e.event_at, e.event_id
  loop
    v_key := dialbridge.phoneburner_idless_call_key(v_fact.log_id);
    if v_key is distinct from v_fact.call_key then
      update dialbridge.phoneburner_call_events set call_key = v_key where log_id = v_fact.log_id;
      v_changed := v_changed || array[v_fact.call_key, v_key];
    end if;
  end loop;
  return v_changed;
end
$$;

COMMENT ON FUNCTION dialbridge.phoneburner_reassign_idless(p_subject text, p_at timestamp with time zone) IS 'Re-derives the call keys of a subject''s events without call id around a time (the window every key a
new event can change lies in) and returns the keys whose events changed: old and new.';

REVOKE ALL ON FUNCTION dialbridge.phoneburner_reassign_idless(p_subject text, p_at timestamp with time zone) FROM PUBLIC;
