CREATE FUNCTION dialbridge.schedule_next_attempt() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  c public.dialer_campaigns;
begin
  if tg_op = 'UPDATE' and new.status is not distinct from old.status and new.attempts = old.attempts
     and new.callback_at is not distinct from old.callback_at
     and new.last_attempt_at is not distinct from old.last_attempt_at then
    return new;
  end if;
  select * into c from public.dialer_campaigns where id = new.campaign_id;
  if new.status in ('failed', 'callback') then
    new.next_attempt_at := case
      when new.attempts >= c.max_attempts then null
      when new.status = 'callback' and new.callback_at is not null then new.callback_at
      else coalesce(new.last_attempt_at, pg_catalog.now()) + pg_catalog.make_interval(secs => c.retry_interval) end;
  elsif new.status in ('completed', 'do-not-call') then
    new.next_attempt_at := null;
  end if;
  return new;
end
$$;

COMMENT ON FUNCTION dialbridge.schedule_next_attempt() IS 'Trigger function (seed 003''s name): a failed contact is retried retry_interval after its last attempt, a callback at its own time (else after retry_interval); never once max_attempts calls were made; completed and do-not-call contacts are not scheduled.';

REVOKE ALL ON FUNCTION dialbridge.schedule_next_attempt() FROM PUBLIC;
