CREATE FUNCTION public.sync_phoneburner_transcripts(p_limit integer DEFAULT 100, p_listing_id uuid DEFAULT NULL::uuid, p_backfill_all boolean DEFAULT false) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_team uuid := dialbridge.current_team_id();
  v_admin boolean := dialbridge.is_admin();
  v_checked integer;
  v_synced integer;
begin
  if auth.uid() is null or (v_team is null and not v_admin) then
    raise exception 'only members of a team can sync transcripts' using errcode = 'DB042';
  end if;
  with cand as materialized (
    select a.id, a.dedupe_key
      from public.contact_activities a
     where a.source_system = 'phoneburner' and a.call_transcript is null and a.deleted_at is null
       and a.dedupe_key like 'phoneburner:call:%'
       and (v_admin or a.team_id = v_team)
       and (p_listing_id is null or a.listing_id = p_listing_id)
       and (p_backfill_all or a.created_at >= pg_catalog.now() - interval '30 days')
     order by a.created_at desc
     limit least(greatest(coalesce(p_limit, 100), 1), 1000)
  ), found as (
    select c.id,
           (select coalesce(dialbridge.jsonb_string(l.envelope -> 'Transcript'), dialbridge.jsonb_string(l.envelope -> 'transcript'))
              from dialbridge.phoneburner_call_events e
              join public.phoneburner_webhooks_log l on l.id = e.log_id
             where e.call_key = c.dedupe_key
               and coalesce(dialbridge.jsonb_string(l.envelope -> 'Transcript'), dialbridge.jsonb_string(l.envelope -> 'transcript')) is not null
             order by l.received_at desc, l.id desc
             limit 1) as transcript
      from cand c
  ), upd as (
    update public.contact_activities a set call_transcript = f.transcript
      from found f
     where a.id = f.id and f.transcript is not null
    returning a.id
  )
  select (select pg_catalog.count(*) from cand), (select pg_catalog.count(*) from upd) into v_checked, v_synced;
  return pg_catalog.jsonb_build_object('success', true, 'checked', v_checked, 'synced', v_synced);
end
$$;

COMMENT ON FUNCTION public.sync_phoneburner_transcripts(p_limit integer, p_listing_id uuid, p_backfill_all boolean) IS 'SourceCo''s sync-phoneburner-transcripts: for the caller''s team''s PhoneBurner calls without a transcript (admins: every team''s; one listing if given; the last 30 days unless p_backfill_all; newest first, at most p_limit ≤ 1000), the newest transcript one of the call''s deliveries carried (the wrapper of a {body, Transcript, status} delivery, kept in the webhook log). Returns {success, checked, synced}.';

REVOKE ALL ON FUNCTION public.sync_phoneburner_transcripts(p_limit integer, p_listing_id uuid, p_backfill_all boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION public.sync_phoneburner_transcripts(p_limit integer, p_listing_id uuid, p_backfill_all boolean) TO authenticated;
GRANT ALL ON FUNCTION public.sync_phoneburner_transcripts(p_limit integer, p_listing_id uuid, p_backfill_all boolean) TO service_role;
