CREATE FUNCTION dialbridge.call_has_open_callback_task(p_contact_id uuid, p_activity_id uuid, p_call_id text) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select exists (
    select 1
      from public.tasks t
      join public.contact_activities ca on ca.id = t.source_activity_id
     where t.contact_id = p_contact_id
       and t.source = 'callback'
       and t.status = 'open'
       and (ca.id = p_activity_id or (p_call_id is not null and ca.phoneburner_call_id = p_call_id)))
$$;

COMMENT ON FUNCTION dialbridge.call_has_open_callback_task(p_contact_id uuid, p_activity_id uuid, p_call_id text) IS 'Whether the call (or another activity of the same PhoneBurner call) has an open callback task: the
scheduled callback is then the follow-up call, and the disposition adds no second call task.';

REVOKE ALL ON FUNCTION dialbridge.call_has_open_callback_task(p_contact_id uuid, p_activity_id uuid, p_call_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.call_has_open_callback_task(p_contact_id uuid, p_activity_id uuid, p_call_id text) TO service_role;
