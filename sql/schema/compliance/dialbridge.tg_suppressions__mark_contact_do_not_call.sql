CREATE FUNCTION dialbridge.tg_suppressions__mark_contact_do_not_call() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  update public.contacts c
     set do_not_call = true,
         do_not_call_reason = new.reason,
         do_not_call_set_at = new.created_at,
         do_not_call_set_by_user_id = new.set_by_user_id
   where c.id = new.contact_id
     and not c.do_not_call;

  update public.contacts c
     set next_action_type = null, next_action_date = null, next_action_notes = null,
         next_action_assigned_to_user_id = null
   where c.id = new.contact_id
     and c.next_action_type = 'call';

  update public.tasks t
     set status = 'cancelled',
         notes = pg_catalog.concat_ws(E'\n\n', t.notes, 'Cancelled: the contact is on the do-not-call list.')
   where t.contact_id = new.contact_id
     and t.status = 'open'
     and t.task_type = 'call';
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_suppressions__mark_contact_do_not_call() IS 'Trigger function: a legal suppression of a contact puts the contact on the do-not-call list in the same
transaction (do_not_call, reason, set_at, set_by: the first request''s), cancels the contact''s open call
tasks and clears a planned call. security definer: reps may record a suppression but not write these
columns themselves.';

REVOKE ALL ON FUNCTION dialbridge.tg_suppressions__mark_contact_do_not_call() FROM PUBLIC;
