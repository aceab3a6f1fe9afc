CREATE FUNCTION dialbridge.tg_contacts__enqueue_phone_normalization() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'INSERT' then
    if exists (select 1 from new_rows where phone_status = 'pending') then
      perform dialbridge.enqueue_phone_normalization();
    end if;
  elsif exists (select 1 from new_rows n join old_rows o on o.id = n.id
                 where n.phone_status = 'pending'
                   and (o.phone_status is distinct from 'pending' or o.phone is distinct from n.phone)) then
    perform dialbridge.enqueue_phone_normalization();
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_contacts__enqueue_phone_normalization() IS 'Statement trigger: queues normalisation when the statement left a row pending that it made pending
(inserted, or its number or status changed): updates of other columns of a row already pending (call
statistics, dispositions) do not queue the job again — it is queued already, or the sweep catches it.';

REVOKE ALL ON FUNCTION dialbridge.tg_contacts__enqueue_phone_normalization() FROM PUBLIC;
