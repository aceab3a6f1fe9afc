CREATE FUNCTION dialbridge.add_dialer_pacing(p_new public.call_logs[], p_old public.call_logs[]) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  insert into dialbridge.dialer_pacing_daily as s
  select d.campaign_id, d.day, sum(d.dialled), sum(d.live_answers), sum(d.machine_answers), sum(d.abandoned),
         sum(d.ring_seconds), sum(d.talk_seconds), sum(d.connected)
    from (select * from dialbridge.dialer_pacing_rows(p_new, 1) union all select * from dialbridge.dialer_pacing_rows(p_old, -1)) d
   where exists (select 1 from public.dialer_campaigns c where c.id = d.campaign_id)
   group by 1, 2
  having sum(d.dialled) <> 0 or sum(d.live_answers) <> 0 or sum(d.machine_answers) <> 0 or sum(d.abandoned) <> 0
      or sum(d.ring_seconds) <> 0 or sum(d.talk_seconds) <> 0 or sum(d.connected) <> 0
   order by 1, 2
  on conflict (campaign_id, day) do update
    set dialled = s.dialled + excluded.dialled, live_answers = s.live_answers + excluded.live_answers,
        machine_answers = s.machine_answers + excluded.machine_answers, abandoned = s.abandoned + excluded.abandoned,
        ring_seconds = s.ring_seconds + excluded.ring_seconds, talk_seconds = s.talk_seconds + excluded.talk_seconds,
        connected = s.connected + excluded.connected
$$;

COMMENT ON FUNCTION dialbridge.add_dialer_pacing(p_new public.call_logs[], p_old public.call_logs[]) IS 'Adds the difference between new and old call log rows to dialbridge.dialer_pacing_daily, one upsert per key in key order.';

REVOKE ALL ON FUNCTION dialbridge.add_dialer_pacing(p_new public.call_logs[], p_old public.call_logs[]) FROM PUBLIC;
