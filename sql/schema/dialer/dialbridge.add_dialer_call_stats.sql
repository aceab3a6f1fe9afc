CREATE FUNCTION dialbridge.add_dialer_call_stats(p_new public.call_logs[], p_old public.call_logs[]) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  insert into dialbridge.dialer_call_stats as s
  select d.team_id, d.campaign_id, d.user_id, d.hour, d.status, sum(d.calls), sum(d.answered), sum(d.duration_seconds),
         sum(d.machine_answers), sum(d.abandoned), sum(d.ring_seconds), sum(d.connected), sum(d.talk_seconds)
    from (select * from dialbridge.dialer_call_stat_rows(p_new, 1)
          union all select * from dialbridge.dialer_call_stat_rows(p_old, -1)) d
   group by 1, 2, 3, 4, 5
  having sum(d.calls) <> 0 or sum(d.answered) <> 0 or sum(d.duration_seconds) <> 0 or sum(d.machine_answers) <> 0
      or sum(d.abandoned) <> 0 or sum(d.ring_seconds) <> 0 or sum(d.connected) <> 0 or sum(d.talk_seconds) <> 0
   order by 1, 2, 3, 4, 5
  on conflict (team_id, campaign_id, user_id, hour, status) do update
    set calls = s.calls + excluded.calls, answered = s.answered + excluded.answered,
        duration_seconds = s.duration_seconds + excluded.duration_seconds,
        machine_answers = s.machine_answers + excluded.machine_answers, abandoned = s.abandoned + excluded.abandoned,
        ring_seconds = s.ring_seconds + excluded.ring_seconds, connected = s.connected + excluded.connected,
        talk_seconds = s.talk_seconds + excluded.talk_seconds
$$;

COMMENT ON FUNCTION dialbridge.add_dialer_call_stats(p_new public.call_logs[], p_old public.call_logs[]) IS 'Adds the difference between new and old call log rows to dialbridge.dialer_call_stats, one upsert per key in key order (no deadlocks between concurrent statements).';

REVOKE ALL ON FUNCTION dialbridge.add_dialer_call_stats(p_new public.call_logs[], p_old public.call_logs[]) FROM PUBLIC;
