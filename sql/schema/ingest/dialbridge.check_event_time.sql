CREATE FUNCTION dialbridge.check_event_time(p_auth_method text, p_event_at timestamp with time zone) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_age interval := coalesce(nullif(pg_catalog.current_setting('dialbridge.webhook_max_event_age', true), '')::interval, interval '3 days');
  v_skew interval := coalesce(nullif(pg_catalog.current_setting('dialbridge.webhook_max_event_skew', true), '')::interval, interval '5 minutes');
begin
  if p_auth_method in ('hmac', 'softphone_hmac') and p_event_at is not null
     and (p_event_at < pg_catalog.now() - v_age or p_event_at > pg_catalog.now() + v_skew) then
    raise exception 'the event''s own time (%) is outside the accepted window (% back, % ahead): a signed body is not accepted again later',
      p_event_at, v_age, v_skew
      using errcode = 'DB067', hint = 'npm run replay reprocesses events already stored';
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.check_event_time(p_auth_method text, p_event_at timestamp with time zone) IS 'The replay window of body-only signatures (the seed''s HMAC of the body, which says nothing about when it was sent): an event so authenticated whose own time is older than dialbridge.webhook_max_event_age (default 3 days: the longest retry schedule a sender uses) or ahead of now by more than dialbridge.webhook_max_event_skew (5 minutes) is refused (DB067; the webhook answers 400 and counts it as outside_time_window). Set them with alter database … set dialbridge.webhook_max_event_age = ''7 days''. Standard Webhooks deliveries carry their own timestamp, checked by the function (±5 minutes).';

REVOKE ALL ON FUNCTION dialbridge.check_event_time(p_auth_method text, p_event_at timestamp with time zone) FROM PUBLIC;
