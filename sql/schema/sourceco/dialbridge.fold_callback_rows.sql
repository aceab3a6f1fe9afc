CREATE FUNCTION dialbridge.fold_callback_rows() RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  r record;
  v_call_key text;
  v_call public.contact_activities;
  v_folded integer := 0;
begin
  if not exists (select 1 from public.contact_activities a
                  where a.dedupe_key ~ '^[a-z_]+:callback:' and a.activity_type = 'callback_scheduled') then
    return 0;
  end if;
  perform dialbridge.lock_call_projection();
  for r in select a.* from public.contact_activities a
            where a.dedupe_key ~ '^[a-z_]+:callback:' and a.activity_type = 'callback_scheduled'
            order by a.dedupe_key
  loop
    v_call_key := pg_catalog.regexp_replace(r.dedupe_key, '^([a-z_]+):callback:', '\1:call:');
    select * into v_call from public.contact_activities a where a.dedupe_key = v_call_key;
    if not found then
      -- a callback without its call: the row is the call's, under the call's key
      update public.contact_activities a set dedupe_key = v_call_key where a.id = r.id;
    else
      update public.contact_activities a
         set callback_scheduled_date = coalesce(r.callback_scheduled_date, a.callback_scheduled_date),
             details = a.details || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
               'callback_notes', coalesce(r.details ->> 'notes', r.disposition_notes),
               'callback_event_at', r.details ->> 'event_at',
               'callback_event_id', coalesce(r.phoneburner_event_id, r.details ->> 'event_id'),
               'callback_timezone', r.details ->> 'timezone',
               'callback_user_id', case when r.user_id is distinct from a.user_id then r.user_id end,
               'callback_details', nullif(r.details - 'notes' - 'event_at' - 'event_id' - 'timezone' - 'provider' - 'provider_call_id', '{}'::jsonb)))
       where a.id = v_call.id;
      update public.tasks t set source_activity_id = v_call.id where t.source_activity_id = r.id;
      update dialbridge.webhook_events e set contact_activity_id = v_call.id where e.contact_activity_id = r.id;
      update public.phoneburner_webhooks_log l set contact_activity_id = v_call.id where l.contact_activity_id = r.id;
      update public.suppressions s set source_activity_id = v_call.id where s.source_activity_id = r.id;
      update public.workflow_runs w set source_activity_id = v_call.id where w.source_activity_id = r.id;
      if exists (select 1 from dialbridge.callback_applications ap where ap.activity_id = v_call.id) then
        delete from dialbridge.callback_applications ap where ap.activity_id = r.id;
      else
        update dialbridge.callback_applications ap set activity_id = v_call.id where ap.activity_id = r.id;
      end if;
      delete from public.contact_activities a where a.id = r.id;
    end if;
    v_folded := v_folded + 1;
  end loop;
  -- the counters were kept under the old rule (a callback counted on its own row): recompute them
  perform count(*) from dialbridge.recompute_contact_call_stats();
  perform count(*) from dialbridge.recompute_session_call_stats();
  perform count(*) from dialbridge.recompute_rollups(true);
  return v_folded;
end
$$;

COMMENT ON FUNCTION dialbridge.fold_callback_rows() IS 'Folds the callback_scheduled rows of earlier releases (dedupe key <provider>:callback:<call>) into their call''s row — callback date, notes, event time, zone and rep into the call; tasks, webhook log links, suppressions, workflow runs and the callback''s application moved to it — or, without a call row, renames them to the call''s key; then recomputes the call statistics and roll-ups. Returns the rows folded. Run by the migration; idempotent.';

REVOKE ALL ON FUNCTION dialbridge.fold_callback_rows() FROM PUBLIC;
