CREATE FUNCTION dialbridge.recompute_voicemail_usage() RETURNS TABLE(voicemail_drop_id uuid, was integer, now_is integer)
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with r as (
    select d.id, d.usage_count as was, (select count(*) from public.voicemail_drop_uses u where u.voicemail_drop_id = d.id)::integer as n
      from public.voicemail_drops d
  ), fixed as (
    update public.voicemail_drops d set usage_count = r.n from r where d.id = r.id and d.usage_count <> r.n
    returning d.id
  )
  select r.id, r.was, r.n from r join fixed f on f.id = r.id
$$;

COMMENT ON FUNCTION dialbridge.recompute_voicemail_usage() IS 'Reconciliation: rewrites every voicemail_drops.usage_count that differs from its uses; returns those fixed.';

REVOKE ALL ON FUNCTION dialbridge.recompute_voicemail_usage() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.recompute_voicemail_usage() TO service_role;
