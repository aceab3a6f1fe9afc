CREATE FUNCTION public.calculate_contact_engagement_score(p_contact_id uuid, p_as_of timestamp with time zone DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_breakdown jsonb;
  v_best jsonb;
  v_score integer;
begin
  v_breakdown := dialbridge.engagement_score_breakdown(p_contact_id, p_as_of);
  v_best := dialbridge.best_call_time(p_contact_id, p_as_of);
  v_score := (v_breakdown ->> 'score')::integer;

  insert into dialbridge.contact_scores as s (contact_id, team_id, score, breakdown, best_call_time, as_of, computed_at)
  select c.id, c.team_id, v_score, v_breakdown, v_best, p_as_of, now()
    from public.contacts c where c.id = p_contact_id
  on conflict (contact_id) do update
     set team_id = excluded.team_id, score = excluded.score, breakdown = excluded.breakdown,
         best_call_time = excluded.best_call_time, as_of = excluded.as_of, computed_at = excluded.computed_at;

  update public.contacts c
     set call_engagement_score = v_score,
         days_since_last_engaged_call = (v_breakdown #>> '{recency,days_since_last_engaged_call}')::integer,
         best_call_day_of_week = (v_best ->> 'day_of_week')::integer,
         best_call_time_of_day = (v_best ->> 'time_of_day')::time
   where c.id = p_contact_id
     and (c.call_engagement_score, c.days_since_last_engaged_call, c.best_call_day_of_week, c.best_call_time_of_day)
         is distinct from (v_score, (v_breakdown #>> '{recency,days_since_last_engaged_call}')::integer,
                           (v_best ->> 'day_of_week')::integer, (v_best ->> 'time_of_day')::time);
  return v_score;
end
$$;

COMMENT ON FUNCTION public.calculate_contact_engagement_score(p_contact_id uuid, p_as_of timestamp with time zone) IS 'Engagement score 0–100 of a contact as of a time (seed 000, corrected); stores it with its explanation in reports.contact_engagement.';

REVOKE ALL ON FUNCTION public.calculate_contact_engagement_score(p_contact_id uuid, p_as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.calculate_contact_engagement_score(p_contact_id uuid, p_as_of timestamp with time zone) TO service_role;
