CREATE FUNCTION dialbridge.pacing_stats(p_campaign_id uuid, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with w as (
    -- the 30-day window: this UTC day and the 29 before it
    select s.*, s.hour >= (((as_of at time zone 'UTC')::date - 6)::timestamp at time zone 'UTC') as recent
      from dialbridge.dialer_call_stats s
     where s.campaign_id = p_campaign_id
       and s.hour >= (((as_of at time zone 'UTC')::date - 29)::timestamp at time zone 'UTC')
       and s.hour < (((as_of at time zone 'UTC')::date + 1)::timestamp at time zone 'UTC')
  )
  select pg_catalog.jsonb_build_object(
    'dialled', coalesce(sum(w.calls) filter (where w.recent and w.status <> 'canceled'), 0),
    'liveAnswers', coalesce(sum(w.answered - w.machine_answers) filter (where w.recent), 0),
    'machineAnswers', coalesce(sum(w.machine_answers) filter (where w.recent), 0),
    'ringMean', coalesce(sum(w.ring_seconds) filter (where w.recent)::numeric
                         / nullif(sum(w.answered - w.machine_answers) filter (where w.recent), 0), 12),
    'talkMean', coalesce(sum(w.talk_seconds) filter (where w.recent)::numeric / nullif(sum(w.connected) filter (where w.recent), 0), 180),
    'wrapMean', 30,
    'noAnswerTimeout', 25,
    'windowLiveAnswers', coalesce(sum(w.answered - w.machine_answers), 0),
    'windowAbandoned', coalesce(sum(w.abandoned), 0))
    from w
$$;

COMMENT ON FUNCTION dialbridge.pacing_stats(p_campaign_id uuid, as_of timestamp with time zone) IS 'The pacer''s measurements of a campaign as JSON (jobs/pacing/pacer.ts CampaignStats): the last 7 UTC days'' dials, live and machine answers, mean ring seconds to a live answer and mean talk seconds (defaults 12 and 180 without history; wrap-up 30 s and the no-answer timeout 25 s are settings), and the 30-day window''s live answers and abandoned calls.';

REVOKE ALL ON FUNCTION dialbridge.pacing_stats(p_campaign_id uuid, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.pacing_stats(p_campaign_id uuid, as_of timestamp with time zone) TO service_role;
