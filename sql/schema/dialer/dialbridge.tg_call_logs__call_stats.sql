CREATE FUNCTION dialbridge.tg_call_logs__call_stats() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'INSERT' then
    perform dialbridge.add_dialer_call_stats(array(select n::public.call_logs from new_rows n), '{}'::public.call_logs[]);
  elsif tg_op = 'DELETE' then
    perform dialbridge.add_dialer_call_stats('{}'::public.call_logs[], array(select o::public.call_logs from old_rows o));
  else
    perform dialbridge.add_dialer_call_stats(array(select n::public.call_logs from new_rows n), array(select o::public.call_logs from old_rows o));
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_call_logs__call_stats() IS 'Trigger function: adds each statement''s change of call logs to dialbridge.dialer_call_stats.';

REVOKE ALL ON FUNCTION dialbridge.tg_call_logs__call_stats() FROM PUBLIC;
