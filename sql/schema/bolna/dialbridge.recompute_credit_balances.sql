CREATE FUNCTION dialbridge.recompute_credit_balances() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_n integer;
begin
  with truth as (
    select p.id as user_id, coalesce((select sum(l.amount) from public.credit_ledger l where l.user_id = p.id), 0)::integer as balance
      from public.profiles p
     where exists (select 1 from public.credit_ledger l where l.user_id = p.id)
        or exists (select 1 from public.credit_balances b where b.user_id = p.id)
  )
  insert into public.credit_balances as b (user_id, balance, updated_at)
  select t.user_id, t.balance, pg_catalog.now() from truth t
   where not exists (select 1 from public.credit_balances x where x.user_id = t.user_id and x.balance = t.balance)
  on conflict (user_id) do update set balance = excluded.balance, updated_at = excluded.updated_at;
  get diagnostics v_n = row_count;
  return v_n;
end
$$;

COMMENT ON FUNCTION dialbridge.recompute_credit_balances() IS 'Reconciliation: sets every credit balance to the sum of its ledger; returns how many were wrong (0 when the trigger kept them right).';

REVOKE ALL ON FUNCTION dialbridge.recompute_credit_balances() FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.recompute_credit_balances() TO service_role;
