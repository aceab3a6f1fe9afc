CREATE FUNCTION dialbridge.tg_contact_activities__aggregate_calls() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'INSERT' then
    perform dialbridge.buffer_or_apply_call_stat_deltas(dialbridge.activity_stat_deltas(
      null, array(select r::public.contact_activities from new_rows r)));
  elsif tg_op = 'UPDATE' then
    perform dialbridge.buffer_or_apply_call_stat_deltas(dialbridge.activity_stat_deltas(
      array(select r::public.contact_activities from old_rows r), array(select r::public.contact_activities from new_rows r)));
  elsif tg_op = 'DELETE' then
    perform dialbridge.buffer_or_apply_call_stat_deltas(dialbridge.activity_stat_deltas(
      array(select r::public.contact_activities from old_rows r), null));
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contact_activities__aggregate_calls() IS 'Statement-level trigger on contact_activities: the transition tables'' deltas, applied or buffered.
security definer: a rep logging a call by hand may not write the statistics columns (column privileges),
yet they must follow; a trigger function cannot be called other than as a trigger.';

REVOKE ALL ON FUNCTION dialbridge.tg_contact_activities__aggregate_calls() FROM PUBLIC;
