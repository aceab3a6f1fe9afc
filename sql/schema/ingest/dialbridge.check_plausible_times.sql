CREATE FUNCTION dialbridge.check_plausible_times(p_event_at timestamp with time zone, p_started_at timestamp with time zone, p_connected_at timestamp with time zone, p_ended_at timestamp with time zone, p_disposition_at timestamp with time zone, p_callback_at timestamp with time zone) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_floor constant timestamptz := '2000-01-01 00:00:00+00';
  v_ceiling timestamptz := pg_catalog.now() + interval '1 day';
  v_bad text;
begin
  v_bad := case
    when p_event_at not between v_floor and v_ceiling then 'event time ' || p_event_at
    when p_started_at not between v_floor and v_ceiling then 'start ' || p_started_at
    when p_connected_at not between v_floor and v_ceiling then 'answer ' || p_connected_at
    when p_ended_at not between v_floor and v_ceiling then 'end ' || p_ended_at
    when p_disposition_at not between v_floor and v_ceiling then 'disposition time ' || p_disposition_at
    when p_callback_at not between v_floor and pg_catalog.now() + interval '2 years' then 'callback time ' || p_callback_at end;
  if v_bad is not null then
    raise exception 'quarantined: the call''s % is not a plausible time (calls happen between 2000 and tomorrow; callbacks within two years): the event is kept and not projected — fix the sender or its time zone, then replay it',
      v_bad using errcode = 'DB068';
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.check_plausible_times(p_event_at timestamp with time zone, p_started_at timestamp with time zone, p_connected_at timestamp with time zone, p_ended_at timestamp with time zone, p_disposition_at timestamp with time zone, p_callback_at timestamp with time zone) IS 'Quarantine of implausible times (every provider''s processing calls it on each normalised event): a call''s event, start, answer, end or disposition time before 2000 or after tomorrow, or a callback before 2000 or more than two years ahead, raises DB068 — the event stays stored, failed with the reason (dialbridge.webhook_failures), is never projected into activities or statistics, and can be replayed once the sender is fixed.';

REVOKE ALL ON FUNCTION dialbridge.check_plausible_times(p_event_at timestamp with time zone, p_started_at timestamp with time zone, p_connected_at timestamp with time zone, p_ended_at timestamp with time zone, p_disposition_at timestamp with time zone, p_callback_at timestamp with time zone) FROM PUBLIC;
