CREATE FUNCTION dialbridge.tg_call_logs__pacing() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'INSERT' then
    perform dialbridge.add_dialer_pacing(array(select n::public.call_logs from new_rows n), '{}'::public.call_logs[]);
  elsif tg_op = 'DELETE' then
    perform dialbridge.add_dialer_pacing('{}'::public.call_logs[], array(select o::public.call_logs from old_rows o));
  else
    perform dialbridge.add_dialer_pacing(array(select n::public.call_logs from new_rows n), array(select o::public.call_logs from old_rows o));
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_call_logs__pacing() IS 'Trigger function: adds each statement''s change of call logs to dialbridge.dialer_pacing_daily.';

REVOKE ALL ON FUNCTION dialbridge.tg_call_logs__pacing() FROM PUBLIC;
