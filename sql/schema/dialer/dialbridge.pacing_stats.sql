CREATE FUNCTION dialbridge.pacing_stats(p_campaign_id uuid, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with w as (
    select * from dialbridge.dialer_pacing_daily d
     where d.campaign_id = p_campaign_id and d.day > ((as_of at time zone 'UTC')::date - 30) and d.day <= (as_of at time zone 'UTC')::date
  ), r as (
    select * from w where w.day > ((as_of at time zone 'UTC')::date - 7)
  )
  select pg_catalog.jsonb_build_object(
    'dialled', coalesce((select sum(dialled) from r), 0),
    'liveAnswers', coalesce((select sum(live_answers) from r), 0),
    'machineAnswers', coalesce((select sum(machine_answers) from r), 0),
    'ringMean', coalesce((select sum(ring_seconds)::numeric / nullif(sum(live_answers), 0) from r), 12),
    'talkMean', coalesce((select sum(talk_seconds)::numeric / nullif(sum(connected), 0) from r), 180),
    'wrapMean', 30,
    'noAnswerTimeout', 25,
    'windowLiveAnswers', coalesce((select sum(live_answers) from w), 0),
    'windowAbandoned', coalesce((select sum(abandoned) from w), 0))
$$;

COMMENT ON FUNCTION dialbridge.pacing_stats(p_campaign_id uuid, as_of timestamp with time zone) IS 'The pacer''s measurements of a campaign as JSON (jobs/pacing/pacer.ts CampaignStats): the last 7 UTC days'' dials, live and machine answers, mean ring seconds to a live answer and mean talk seconds (defaults 12 and 180 without history; wrap-up 30 s and the no-answer timeout 25 s are settings), and the 30-day window''s live answers and abandoned calls.';

REVOKE ALL ON FUNCTION dialbridge.pacing_stats(p_campaign_id uuid, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.pacing_stats(p_campaign_id uuid, as_of timestamp with time zone) TO service_role;
