CREATE FUNCTION dialbridge.tg_credit_ledger__balances() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  -- each statement's transition tables, as (user, delta) rows
  create temporary table if not exists credit_ledger_delta (user_id uuid, amount bigint) on commit drop;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into pg_temp.credit_ledger_delta select n.user_id, n.amount from new_rows n;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    insert into pg_temp.credit_ledger_delta select o.user_id, -o.amount from old_rows o;
  end if;
  insert into public.credit_balances as b (user_id, balance, updated_at)
  select d.user_id, sum(d.amount)::integer, pg_catalog.now() from pg_temp.credit_ledger_delta d
   where exists (select 1 from public.profiles p where p.id = d.user_id)  -- a user being deleted takes their balance along
   group by d.user_id having sum(d.amount) <> 0
  on conflict (user_id) do update set balance = b.balance + excluded.balance, updated_at = excluded.updated_at;
  truncate pg_temp.credit_ledger_delta;
  return null;
end
$$;

COMMENT ON FUNCTION dialbridge.tg_credit_ledger__balances() IS 'Trigger function: every statement on credit_ledger moves the users'' credit_balances by what it added or removed (incremental; dialbridge.recompute_credit_balances checks it).';

REVOKE ALL ON FUNCTION dialbridge.tg_credit_ledger__balances() FROM PUBLIC;
