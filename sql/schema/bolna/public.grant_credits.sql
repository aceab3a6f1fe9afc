CREATE FUNCTION public.grant_credits(p_user_id uuid, p_amount integer, p_note text) RETURNS public.credit_balances
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_b public.credit_balances;
begin
  if auth.uid() is not null and not dialbridge.is_admin() then
    raise exception 'only admins grant credits' using errcode = '42501';
  end if;
  if coalesce(p_amount, 0) = 0 or nullif(pg_catalog.btrim(p_note), '') is null then
    raise exception 'say how many credits and why' using errcode = '22023';
  end if;
  insert into public.credit_ledger (user_id, kind, amount, note)
  values (p_user_id, case when p_amount > 0 then 'grant' else 'adjustment' end, p_amount, pg_catalog.btrim(p_note));
  select * into v_b from public.credit_balances where user_id = p_user_id;
  return v_b;
end
$$;

COMMENT ON FUNCTION public.grant_credits(p_user_id uuid, p_amount integer, p_note text) IS 'Adds (or, negative, takes) voice-agent credits for a user, with a note, in the ledger. Admins and the service role only (42501).';

REVOKE ALL ON FUNCTION public.grant_credits(p_user_id uuid, p_amount integer, p_note text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.grant_credits(p_user_id uuid, p_amount integer, p_note text) TO authenticated;
GRANT ALL ON FUNCTION public.grant_credits(p_user_id uuid, p_amount integer, p_note text) TO service_role;
