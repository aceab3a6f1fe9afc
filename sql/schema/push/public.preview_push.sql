CREATE FUNCTION public.preview_push(p_contact_ids uuid[] DEFAULT NULL::uuid[], p_filter jsonb DEFAULT NULL::jsonb, p_options jsonb DEFAULT '{}'::jsonb, as_of timestamp with time zone DEFAULT now()) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_ids uuid[];
  v_limit integer := coalesce((p_options ->> 'detail_limit')::integer, 100);
  v_minutes numeric;
  v_result jsonb;
begin
  if auth.uid() is null then
    raise exception 'sign in to preview a push' using errcode = 'DB042';
  end if;
  perform dialbridge.validate_contact_filter(p_filter);
  perform dialbridge.validate_push_options(p_options);
  v_ids := dialbridge.resolve_push_selection(p_contact_ids, p_filter, as_of);
  select coalesce(ps.minutes_per_contact, 2.5) into v_minutes
    from (select 1) one left join public.push_settings ps on ps.team_id = dialbridge.current_team_id();

  with cand as (
    select * from dialbridge.push_candidates(v_ids, p_options, as_of, false)
  ), groups as (
    select c.reason, pg_catalog.count(*) as n,
           pg_catalog.bool_and(c.is_overridable) as all_overridable,
           pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
             'contact_id', c.contact_id, 'name', c.display_name, 'company', c.company, 'detail', c.detail,
             'is_overridable', c.is_overridable, 'blocked_until', c.blocked_until,
             'override_refused', c.override_refused) order by c.ord)
             filter (where c.rn <= v_limit) as contacts
      from (select cand.*, pg_catalog.row_number() over (partition by cand.reason order by cand.ord) as rn
              from cand where cand.status = 'excluded') c
     group by c.reason
  ), warns as (
    select w.warning, pg_catalog.count(*) as n,
           pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('contact_id', w.contact_id, 'name', w.display_name,
             'company', w.company) order by w.ord) filter (where w.rn <= v_limit) as contacts
      from (select cand.*, x.warning, pg_catalog.row_number() over (partition by x.warning order by cand.ord) as rn
              from cand, pg_catalog.unnest(cand.warnings) x(warning) where cand.status = 'ready') w
     group by w.warning
  ), outside as (
    select pg_catalog.count(*) as n,
           pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('contact_id', o.contact_id, 'name', o.display_name,
             'company', o.company, 'local_time', o.local_time, 'time_zone', o.time_zone) order by o.ord)
             filter (where o.rn <= v_limit) as contacts
      from (select cand.*, pg_catalog.row_number() over (order by cand.ord) as rn
              from cand where cand.status = 'ready' and cand.is_outside_calling_hours) o
  ), totals as (
    select pg_catalog.count(*) as total,
           pg_catalog.count(*) filter (where cand.status = 'ready') as ready,
           pg_catalog.count(*) filter (where cand.status = 'excluded') as excluded,
           pg_catalog.count(*) filter (where cand.is_overridden) as overridden,
           pg_catalog.count(*) filter (where cand.status = 'ready' or cand.reason not in
             ('legal_dnc', 'internal_dnc', 'suppressed', 'invalid_phone', 'missing_phone')) as dialable,
           pg_catalog.count(*) filter (where cand.status = 'ready' and cand.action = 'update') as updates
      from cand
  )
  select pg_catalog.jsonb_build_object(
      'total', t.total,
      'ready_count', t.ready,
      'excluded_count', t.excluded,
      'overridden_count', t.overridden,
      'update_count', t.updates,
      'dialable_count', t.dialable,
      'dialable_label', t.dialable || ' dialable / ' || t.total || ' total',
      'excluded', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'reason', g.reason, 'label', dialbridge.push_reason_label(g.reason), 'count', g.n,
                     'is_overridable', coalesce(g.all_overridable, false),
                     'contacts', coalesce(g.contacts, '[]'::jsonb), 'more', g.n - least(g.n, v_limit))
                   order by dialbridge.push_reason_rank(g.reason)) from groups g), '[]'::jsonb),
      'warnings', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                     'warning', w.warning, 'label', dialbridge.push_reason_label(w.warning), 'count', w.n,
                     'contacts', coalesce(w.contacts, '[]'::jsonb), 'more', w.n - least(w.n, v_limit))
                   order by w.warning) from warns w), '[]'::jsonb),
      'outside_calling_hours', (select pg_catalog.jsonb_build_object('count', o.n,
                     'contacts', coalesce(o.contacts, '[]'::jsonb), 'more', o.n - least(o.n, v_limit))
                   from outside o),
      'estimated_dial_minutes', pg_catalog.round(t.ready * v_minutes, 1),
      'estimated_dial_time', dialbridge.dial_time_text(t.ready * v_minutes),
      'suggested_session_name', coalesce(nullif(p_options ->> 'session_name', ''),
                                          dialbridge.suggest_session_name(
                                            coalesce(nullif(array(select cand.contact_id from cand where cand.status = 'ready'), '{}'), v_ids),
                                            p_filter, as_of)),
      'as_of', as_of)
    || dialbridge.session_suggestions(dialbridge.push_fingerprint(p_contact_ids, p_filter), as_of)
    into v_result
    from totals t;
  return v_result;
end
$$;

COMMENT ON FUNCTION public.preview_push(p_contact_ids uuid[], p_filter jsonb, p_options jsonb, as_of timestamp with time zone) IS 'What the push modal shows, for contact ids or a filter, as the caller sees the contacts (RLS): ready
and excluded counts, exclusions grouped by reason (name, company, detail, overridable), warnings,
contacts outside the calling window now, the dialable count, the estimated dial time, a suggested
session name and the rep''s sessions to add to. Options as in dialbridge.validate_push_options.

  select preview_push(p_filter => ''{"contact_type": "buyer", "buyer_type": "PE Firm"}'');
  supabase.rpc(''preview_push'', { p_contact_ids: [...], p_options: { skip_recent_days: 14 } })';

REVOKE ALL ON FUNCTION public.preview_push(p_contact_ids uuid[], p_filter jsonb, p_options jsonb, as_of timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.preview_push(p_contact_ids uuid[], p_filter jsonb, p_options jsonb, as_of timestamp with time zone) TO authenticated;
GRANT ALL ON FUNCTION public.preview_push(p_contact_ids uuid[], p_filter jsonb, p_options jsonb, as_of timestamp with time zone) TO service_role;
