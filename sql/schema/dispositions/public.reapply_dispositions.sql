CREATE FUNCTION public.reapply_dispositions(p_code text DEFAULT NULL::text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  if not (select dialbridge.is_admin()) then
    raise exception 'only admins re-apply disposition mappings' using errcode = 'DB036';
  end if;
  return dialbridge.reapply_dispositions(p_code);
end
$$;

COMMENT ON FUNCTION public.reapply_dispositions(p_code text) IS 'RPC (admins): after adding or fixing a disposition mapping, apply it to the past calls it now matches.
p_code: that mapping''s code (null: every mapping). Returns the number of calls applied.';

REVOKE ALL ON FUNCTION public.reapply_dispositions(p_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.reapply_dispositions(p_code text) TO authenticated;
GRANT ALL ON FUNCTION public.reapply_dispositions(p_code text) TO service_role;
