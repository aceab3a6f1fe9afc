CREATE FUNCTION dialbridge.tg_contacts__move_segment_rollups() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_segments dialbridge.segment_delta[];
  v_new_type text; v_new_source text; v_new_industry text; v_new_state text; v_new_country text;
begin
  if tg_op = 'UPDATE' then
    v_new_type := new.contact_type; v_new_source := new.list_source; v_new_industry := new.industry;
    v_new_state := new.state; v_new_country := new.country;
  end if;
  with f as (
    select f.* from public.contact_activities a cross join lateral dialbridge.activity_facts(a) f
     where a.contact_id = old.id
  ), d as (
    select -1 as sign, f.*, s.dimension, s.value
      from f cross join lateral dialbridge.contact_segment_values(old.contact_type, old.list_source, old.industry, old.state, old.country) s
    union all
    select 1, f.*, s.dimension, s.value
      from f cross join lateral dialbridge.contact_segment_values(v_new_type, v_new_source, v_new_industry, v_new_state, v_new_country) s
  )
  select pg_catalog.array_agg(row(d.team_id, d.day, d.dimension, d.value, d.disposition_code, d.label_key,
           d.sign * d.calls, d.sign * d.connections, d.sign * d.decision_maker_conversations,
           d.sign * d.gatekeeper_conversations, d.sign * d.voicemails, d.sign * d.no_answers,
           d.sign * d.talk_time_seconds, d.sign * d.call_duration_seconds, d.sign * d.dispositioned_calls,
           d.sign * d.callbacks_scheduled)::dialbridge.segment_delta)
    into v_segments
    from d;
  perform dialbridge.upsert_segment_deltas(v_segments);
  if tg_op = 'DELETE' then
    return old;
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contacts__move_segment_rollups() IS 'Trigger function: a contact''s segment columns changed → move its calls'' contributions from the old
segment values to the new ones. Before a contact is deleted, its contributions move to blank values:
the activities that keep pointing at it are then detached by the foreign key (contact_id set null),
and the roll-up trigger finds no contact to read segments from.';

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__move_segment_rollups() FROM PUBLIC;
