CREATE FUNCTION dialbridge.record_dnc_propagation(p_id uuid, p_status text, p_actions jsonb, p_error text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_row public.phoneburner_dnc_propagations;
begin
  update public.phoneburner_dnc_propagations p
     set status = p_status,
         actions = p.actions || coalesce(p_actions, '{}'::jsonb),
         attempts = p.attempts + 1,
         last_error = p_error,
         completed_at = case when p_status <> 'pending' then pg_catalog.now() end
   where p.id = p_id
  returning * into v_row;
  if v_row.status = 'done' and (v_row.actions ? 'removed') then
    -- the same PhoneBurner contact is gone from every session of that account
    update public.phoneburner_session_contacts m
       set state = 'removed'
      from public.phoneburner_sessions s
     where m.session_id = s.id and s.created_by_user_id is not distinct from v_row.account_user_id
       and m.contact_id = v_row.contact_id and m.state <> 'removed';
    update public.phoneburner_dnc_propagations p
       set status = 'done', actions = p.actions || v_row.actions, completed_at = pg_catalog.now()
     where p.status = 'pending' and p.contact_id = v_row.contact_id
       and p.account_user_id is not distinct from v_row.account_user_id
       and p.phoneburner_contact_id is not distinct from v_row.phoneburner_contact_id;
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.record_dnc_propagation(p_id uuid, p_status text, p_actions jsonb, p_error text) IS 'Records an attempt to send a do-not-call to PhoneBurner: its status (pending to retry, done, failed), what was done (merged into actions) and the error. Once the contact is removed from the account, every membership of it in that account''s sessions is ''removed'' and its other pending rows are done.';

REVOKE ALL ON FUNCTION dialbridge.record_dnc_propagation(p_id uuid, p_status text, p_actions jsonb, p_error text) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.record_dnc_propagation(p_id uuid, p_status text, p_actions jsonb, p_error text) TO service_role;
