CREATE FUNCTION dialbridge.tg_voicemail_drop_uses__count() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    update public.voicemail_drops d set usage_count = d.usage_count + x.n
      from (select n.voicemail_drop_id as id, count(*) as n from new_rows n group by 1) x where d.id = x.id;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    update public.voicemail_drops d set usage_count = d.usage_count - x.n
      from (select o.voicemail_drop_id as id, count(*) as n from old_rows o group by 1) x where d.id = x.id;
  end if;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_voicemail_drop_uses__count() IS 'Trigger function: keeps voicemail_drops.usage_count equal to its uses (dialbridge.recompute_voicemail_usage rebuilds it).';

REVOKE ALL ON FUNCTION dialbridge.tg_voicemail_drop_uses__count() FROM PUBLIC;
