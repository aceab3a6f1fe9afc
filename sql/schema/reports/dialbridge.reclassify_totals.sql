CREATE FUNCTION dialbridge.reclassify_totals() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
begin
  lock table dialbridge.rep_day_totals, dialbridge.session_totals in exclusive mode;
  -- the totals from the per-disposition roll-ups, classified by the current mappings
  perform dialbridge.rebuild_rollup('rep_day_totals', $s$
    select 'classified'::text as kind, 1 as w, r.day, r.team_id, r.user_id, null::uuid as session_id, null::uuid as contact_id,
           null::text as dimension, null::text as value, r.disposition_code, r.label_key, r.calls, r.connections,
           r.decision_maker_conversations, r.gatekeeper_conversations, r.voicemails, r.no_answers, r.talk_time_seconds,
           r.call_duration_seconds, r.dispositioned_calls, r.callbacks_scheduled, k.outcome_group, k.is_meeting,
           0 as contacts_dialed, 0 as contacts_connected
      from dialbridge.rep_daily_stats r cross join lateral dialbridge.disposition_class(r.disposition_code, r.label_key) k$s$);
  perform dialbridge.rebuild_rollup('session_totals', $s$
    select 'classified'::text as kind, 1 as w, null::date as day, r.team_id, null::uuid as user_id, r.session_id, null::uuid as contact_id,
           null::text as dimension, null::text as value, r.disposition_code, r.label_key, r.calls, r.connections,
           r.decision_maker_conversations, r.gatekeeper_conversations, r.voicemails, r.no_answers, r.talk_time_seconds,
           r.call_duration_seconds, r.dispositioned_calls, r.callbacks_scheduled, k.outcome_group, k.is_meeting,
           0 as contacts_dialed, 0 as contacts_connected
      from dialbridge.session_stats r cross join lateral dialbridge.disposition_class(r.disposition_code, r.label_key) k
    union all
    select 'reach', 1, null, s.team_id, null, s.session_id, s.contact_id, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           null, false, (s.calls > 0)::integer, (s.connections > 0)::integer
      from dialbridge.session_contact_stats s$s$);
end
$_$;

COMMENT ON FUNCTION dialbridge.reclassify_totals() IS 'Recomputes rep_day_totals and session_totals from the per-disposition roll-ups (and the sessions'' reach)
under the current mappings: run when a mapping''s classification changes (trigger on disposition_mappings)
and by the rebuild.';

REVOKE ALL ON FUNCTION dialbridge.reclassify_totals() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.reclassify_totals() TO service_role;
