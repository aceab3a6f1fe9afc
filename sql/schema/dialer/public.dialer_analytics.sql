CREATE FUNCTION public.dialer_analytics(start_date text DEFAULT NULL::text, end_date text DEFAULT NULL::text, campaign_id uuid DEFAULT NULL::uuid, time_zone text DEFAULT 'UTC'::text) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_uid uuid := auth.uid();
  v_all boolean := auth.uid() is null or dialbridge.is_admin();
  v_manager boolean := dialbridge.current_app_role() = 'manager';
  v_team uuid := dialbridge.current_team_id();
  v_from timestamptz;
  v_to timestamptz;
  v_result jsonb;
begin
  if not exists (select 1 from dialbridge.time_zone_names t where t.name = time_zone) then
    raise exception 'unknown time zone "%"', time_zone using errcode = 'DB052';
  end if;
  begin
    v_from := dialbridge.analytics_bound(start_date, time_zone, false);
    v_to := dialbridge.analytics_bound(end_date, time_zone, true);
  exception when others then
    raise exception 'start_date and end_date are ISO 8601 dates or times' using errcode = '22007';
  end;
  with s as (
    select st.* from dialbridge.dialer_call_stats st
     where (v_from is null or st.hour >= pg_catalog.date_trunc('hour', v_from, 'UTC'))
       and (v_to is null or st.hour < v_to)
       and (dialer_analytics.campaign_id is null or st.campaign_id = dialer_analytics.campaign_id)
       and (v_all or st.user_id = v_uid or (v_manager and st.team_id = v_team)
            or (st.campaign_id is not null and dialbridge.can_see_campaign(st.campaign_id)))
  ), o as (
    select coalesce(sum(s.calls), 0) as total, coalesce(sum(s.answered), 0) as answered,
           coalesce(sum(s.calls) filter (where s.status = 'completed'), 0) as completed,
           coalesce(sum(s.calls) filter (where s.status = 'failed'), 0) as failed,
           coalesce(sum(s.calls) filter (where s.status = 'busy'), 0) as busy,
           coalesce(sum(s.calls) filter (where s.status = 'no-answer'), 0) as no_answer,
           coalesce(sum(s.duration_seconds), 0) as duration
      from s
  ), h as (
    select extract(hour from (s.hour at time zone dialer_analytics.time_zone))::integer as hr, sum(s.calls) as n
      from s group by 1
  ), st as (
    select x.status, coalesce((select sum(s.calls) from s where s.status = x.status), 0) as n
      from pg_catalog.unnest(array['initiated', 'ringing', 'answered', 'completed', 'failed', 'busy', 'no-answer', 'canceled']) x(status)
  ), recent as (
    select l.id, l.call_id, l.direction, l.from_number, l.to_number, l.status, l.duration, l.campaign_id, l.contact_id,
           l.user_id, l.started_at, l.answered_at, l.ended_at, l.created_at
      from public.call_logs l
     where (v_from is null or coalesce(l.started_at, l.created_at) >= v_from)
       and (v_to is null or coalesce(l.started_at, l.created_at) < v_to)
       and (dialer_analytics.campaign_id is null or l.campaign_id = dialer_analytics.campaign_id)
       and (v_all or l.user_id = v_uid or (v_manager and l.team_id = v_team)
            or (l.campaign_id is not null and dialbridge.can_see_campaign(l.campaign_id)))
     order by coalesce(l.started_at, l.created_at) desc, l.id desc
     limit 10
  )
  select pg_catalog.jsonb_build_object('analytics', pg_catalog.jsonb_build_object(
    'overview', pg_catalog.jsonb_build_object(
      'totalCalls', o.total, 'answeredCalls', o.answered, 'completedCalls', o.completed, 'failedCalls', o.failed,
      'busyCalls', o.busy, 'noAnswerCalls', o.no_answer, 'totalDuration', o.duration,
      'avgDuration', case when o.answered > 0 then pg_catalog.round(o.duration::numeric / o.answered)::bigint else 0 end,
      'answerRate', case when o.total > 0 then pg_catalog.round(100.0 * o.answered / o.total, 1) else 0 end,
      'completionRate', case when o.total > 0 then pg_catalog.round(100.0 * o.completed / o.total, 1) else 0 end),
    'distribution', pg_catalog.jsonb_build_object(
      'byHour', (select pg_catalog.jsonb_agg(coalesce(h.n, 0) order by g.hr)
                   from pg_catalog.generate_series(0, 23) g(hr) left join h on h.hr = g.hr),
      'byStatus', (select pg_catalog.jsonb_object_agg(st.status, st.n) from st)),
    'recentCalls', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r) order by coalesce(r.started_at, r.created_at) desc, r.id desc) from recent r), '[]'::jsonb)))
    into v_result
    from o;
  return v_result;
end
$$;

COMMENT ON FUNCTION public.dialer_analytics(start_date text, end_date text, campaign_id uuid, time_zone text) IS 'GET /api/dialer/analytics in the seed''s shape: {analytics: {overview: {totalCalls, answeredCalls, completedCalls, failedCalls, busyCalls, noAnswerCalls, totalDuration, avgDuration (seconds per answered call), answerRate, completionRate (percent of all calls)}, distribution: {byHour[24] (hour of day in time_zone), byStatus}, recentCalls (the last 10)}}, from dialbridge.dialer_call_stats (not by scanning call logs), over the calls the caller may see (their own, their campaigns'', their team''s for managers, all for admins). start_date / end_date: a date is that whole day in time_zone, else an ISO moment. DB052: unknown zone.';

REVOKE ALL ON FUNCTION public.dialer_analytics(start_date text, end_date text, campaign_id uuid, time_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.dialer_analytics(start_date text, end_date text, campaign_id uuid, time_zone text) TO anon;
GRANT ALL ON FUNCTION public.dialer_analytics(start_date text, end_date text, campaign_id uuid, time_zone text) TO authenticated;
GRANT ALL ON FUNCTION public.dialer_analytics(start_date text, end_date text, campaign_id uuid, time_zone text) TO service_role;
