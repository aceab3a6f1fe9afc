CREATE FUNCTION public.count_dialable(p_filter jsonb DEFAULT NULL::jsonb, p_contact_ids uuid[] DEFAULT NULL::uuid[], as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_ids uuid[];
  v_total integer;
  v_dialable integer;
begin
  if auth.uid() is null then
    raise exception 'sign in to count contacts' using errcode = 'DB042';
  end if;
  v_ids := case when p_contact_ids is not null and pg_catalog.cardinality(p_contact_ids) > 0 then p_contact_ids
                else array(select dialbridge.contacts_matching(coalesce(p_filter, '{}'::jsonb) - 'dialable_only', as_of)) end;
  select pg_catalog.count(*), pg_catalog.count(*) filter (where d.is_dialable)
    into v_total, v_dialable
    from public.contact_dialability(v_ids, as_of) d;
  return pg_catalog.jsonb_build_object('dialable', v_dialable, 'total', v_total,
                                       'label', v_dialable || ' dialable / ' || v_total || ' total');
end
$$;

COMMENT ON FUNCTION public.count_dialable(p_filter jsonb, p_contact_ids uuid[], as_of timestamp with time zone) IS 'The "Dialable only" count for any filter or selection: contacts with a valid number that no
do-not-call, suppression or bad-number flag blocks. {dialable, total, label: "243 dialable / 312 total"}.';

REVOKE ALL ON FUNCTION public.count_dialable(p_filter jsonb, p_contact_ids uuid[], as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.count_dialable(p_filter jsonb, p_contact_ids uuid[], as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION public.count_dialable(p_filter jsonb, p_contact_ids uuid[], as_of timestamp with time zone) TO service_role;
