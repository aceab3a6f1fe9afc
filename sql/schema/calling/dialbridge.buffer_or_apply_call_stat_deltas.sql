CREATE FUNCTION dialbridge.buffer_or_apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if p_deltas is null or pg_catalog.cardinality(p_deltas) = 0 then
    return;
  end if;
  if pg_catalog.current_setting('dialbridge.defer_call_stats', true) = 'on'
     and pg_catalog.to_regclass('pg_temp.dialbridge_call_stat_deltas') is not null then
    insert into pg_temp.dialbridge_call_stat_deltas select * from unnest(p_deltas);
  else
    perform dialbridge.apply_call_stat_deltas(p_deltas);
  end if;
end
$$;

COMMENT ON FUNCTION dialbridge.buffer_or_apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]) IS 'Within a batch of the event processor (setting dialbridge.defer_call_stats = on for the transaction)
statement deltas are buffered in a temporary table and applied once, by flush_call_stat_deltas(), at
the end of the batch: each contact and session is then updated and locked once per batch, in id order,
for the shortest time. Everywhere else (the browser, link_unmatched_activity, …) they apply at once.';

REVOKE ALL ON FUNCTION dialbridge.buffer_or_apply_call_stat_deltas(p_deltas dialbridge.activity_stat_delta[]) FROM PUBLIC;
