CREATE FUNCTION dialbridge.push_candidates(p_contact_ids uuid[], p_options jsonb DEFAULT '{}'::jsonb, as_of timestamp with time zone DEFAULT now(), p_for_push boolean DEFAULT false) RETURNS TABLE(contact_id uuid, ord integer, team_id uuid, display_name text, company text, contact_type text, phone_e164 text, email text, status text, reason text, detail text, blocked_until timestamp with time zone, is_overridable boolean, is_overridden boolean, overridden_reason text, override_reason text, override_refused boolean, action text, warnings text[], time_zone text, local_time text, is_outside_calling_hours boolean, last_call_attempt_at timestamp with time zone)
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
#variable_conflict use_column
declare
  v_options jsonb := coalesce(p_options, '{}'::jsonb);
  v_skip_recent boolean;
  v_recent_days integer;
  v_update_existing boolean;
  v_target uuid;
begin
  perform dialbridge.validate_push_options(v_options);
  v_skip_recent := coalesce((v_options ->> 'skip_recently_contacted')::boolean, true);
  v_recent_days := (v_options ->> 'skip_recent_days')::integer;
  v_update_existing := coalesce((v_options ->> 'update_existing')::boolean, true);
  v_target := (v_options ->> 'target_session_id')::uuid;

  return query
  with input as (
    select x.id, pg_catalog.min(x.n)::integer as ord
      from pg_catalog.unnest(p_contact_ids) with ordinality as x(id, n)
     where x.id is not null
     group by x.id
  ), base as (
    select c.id, i.ord, c.team_id, c.first_name, c.last_name, c.company, c.contact_type, c.email, c.phone,
           c.phone_e164, c.phone_status, c.phone_number_invalid, c.phone_number_invalid_reason,
           c.last_call_attempt_at, c.timezone, c.state, c.country,
           nullif(pg_catalog.btrim(pg_catalog.concat_ws(' ', nullif(pg_catalog.btrim(c.first_name), ''),
                                                         nullif(pg_catalog.btrim(c.last_name), ''))), '') as full_name,
           case when not v_skip_recent then 0
                when v_recent_days is not null then v_recent_days
                when c.contact_type = 'buyer' then coalesce(ps.recent_contact_days_buyer, 7)
                when c.contact_type = 'seller' then coalesce(ps.recent_contact_days_seller, 14)
                else coalesce(ps.recent_contact_days_other, 7) end as recent_days,
           coalesce(ps.active_session_days, 14) as active_session_days
      from input i
      join public.contacts c on c.id = i.id
      left join public.push_settings ps on ps.team_id = c.team_id
  ), blocks as (
    select b.* from dialbridge.push_blocks(array(select base.id from base), as_of) b
  ), sessions as (
    select distinct on (m.contact_id) m.contact_id, s.id as session_id, s.session_name, m.added_at
      from public.phoneburner_session_contacts m
      join public.phoneburner_sessions s on s.id = m.session_id
      join base on base.id = m.contact_id
     where s.session_status = 'active' and s.deleted_at is null
       and m.state in ('pending', 'dialed')
       and (s.id = v_target
            or coalesce(s.last_activity_at, s.created_at) >= as_of - pg_catalog.make_interval(days => base.active_session_days))
     order by m.contact_id, (s.id is not distinct from v_target) desc, m.added_at desc
  ), overrides as (
    select distinct on ((o ->> 'contact_id')::uuid) (o ->> 'contact_id')::uuid as id,
           nullif(pg_catalog.btrim(o ->> 'reason'), '') as why
      from pg_catalog.jsonb_array_elements(coalesce(v_options -> 'overrides', '[]'::jsonb)) o
     order by (o ->> 'contact_id')::uuid
  ), checked as (
    select b.*, bl.block, bl.detail as block_detail, bl.blocked_until, s.session_id, s.session_name, s.added_at,
           coalesce(s.session_id is not null and s.session_id = v_target, false) as in_target,
           ov.id is not null as has_override, ov.why,
           case
             when bl.block is not null then bl.block
             when b.phone_status = 'invalid' then 'invalid_phone'
             when b.phone_status = 'missing' or b.phone_status is null then 'missing_phone'
             when b.phone_status = 'pending' and p_for_push then 'invalid_phone'
             when b.phone_number_invalid then 'invalid_phone'
             when nullif(pg_catalog.btrim(b.first_name), '') is null or nullif(pg_catalog.btrim(b.last_name), '') is null then 'missing_name'
             when b.recent_days > 0 and b.last_call_attempt_at >= as_of - pg_catalog.make_interval(days => b.recent_days) then 'recently_contacted'
             when s.session_id is not null and not (s.session_id is not distinct from v_target and v_update_existing) then 'already_in_session'
           end as first_reason
      from base b
      left join blocks bl on bl.contact_id = b.id
      left join sessions s on s.contact_id = b.id
      left join overrides ov on ov.id = b.id
  ), classified as (
    select k.*,
           case
             when k.first_reason is null then null
             when k.first_reason in ('legal_dnc', 'missing_phone') then false
             when k.first_reason = 'invalid_phone' then k.phone_status = 'valid'
             else true end as overridable
      from checked k
  ), pre as (
    -- ready before duplicate checks: no reason, or overridden past an overridable one
    select k.*, (k.first_reason is null or (k.overridable and k.has_override)) as pre_ready
      from classified k
  ), dup_phone as (
    select p.id,
           pg_catalog.first_value(p.full_name) over w as first_name_seen,
           pg_catalog.row_number() over w as rn
      from pre p
     where p.pre_ready and p.phone_e164 is not null
    window w as (partition by p.phone_e164 order by p.ord)
  ), after_phone as (
    select p.*, dp.first_name_seen as phone_dup_of
      from pre p
      left join dup_phone dp on dp.id = p.id and dp.rn > 1
  ), dup_email as (
    select p.id, pg_catalog.first_value(p.full_name) over w as first_name_seen, pg_catalog.row_number() over w as rn
      from after_phone p
     where p.pre_ready and p.phone_dup_of is null and nullif(pg_catalog.btrim(p.email), '') is not null
    window w as (partition by pg_catalog.lower(pg_catalog.btrim(p.email)) order by p.ord)
  ), after_email as (
    select p.*, de.first_name_seen as email_dup_of
      from after_phone p
      left join dup_email de on de.id = p.id and de.rn > 1
  ), dup_name as (
    select p.id, pg_catalog.row_number() over w as rn
      from after_email p
     where p.pre_ready and p.phone_dup_of is null and p.email_dup_of is null
       and p.full_name is not null and nullif(pg_catalog.btrim(p.company), '') is not null
    window w as (partition by pg_catalog.lower(p.full_name), pg_catalog.lower(pg_catalog.btrim(p.company)) order by p.ord)
  ), deduped as (
    select p.*,
           case when p.phone_dup_of is not null then 'Same phone as ' || coalesce(p.phone_dup_of, 'an earlier contact')
                when p.email_dup_of is not null then 'Same email as ' || coalesce(p.email_dup_of, 'an earlier contact')
                when dn.id is not null then 'Same name and company as an earlier contact' end as dup_detail
      from after_email p
      left join dup_name dn on dn.id = p.id and dn.rn > 1
  ), final as (
    select d.*,
           coalesce(d.first_reason, case when d.dup_detail is not null then 'duplicate_in_list' end) as natural_reason
      from deduped d
  ), zones as (
    -- candidate time zones: the contact's own, else its US state's, else every US zone for a +1 number
    -- (the preview shows calling hours; a push does not need them)
    select f.id, z.tz
      from final f
      cross join lateral (
        select tzn.name as tz from dialbridge.time_zone_names tzn where tzn.name = pg_catalog.btrim(f.timezone)
        union all
        select st.time_zone from dialbridge.us_state_time_zones st
         where st.state = pg_catalog.upper(pg_catalog.btrim(f.state))
           and not exists (select 1 from dialbridge.time_zone_names t2 where t2.name = pg_catalog.btrim(f.timezone))
        union all
        select u.tz from pg_catalog.unnest(array['America/New_York', 'America/Chicago', 'America/Denver',
                 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu']) u(tz)
         where f.phone_e164 like '+1%'
           and not exists (select 1 from dialbridge.time_zone_names t2 where t2.name = pg_catalog.btrim(f.timezone))
           and not exists (select 1 from dialbridge.us_state_time_zones s2 where s2.state = pg_catalog.upper(pg_catalog.btrim(f.state)))
      ) z
     where not p_for_push
  ), hours as (
    select zz.id,
           pg_catalog.string_agg(zz.tz, ', ' order by zz.tz) as tzs,
           pg_catalog.string_agg(pg_catalog.to_char(as_of at time zone zz.tz, 'HH24:MI'), ', ' order by zz.tz) as local_times,
           pg_catalog.bool_or(not ((as_of at time zone zz.tz)::time >= w.start_local
                                   and (as_of at time zone zz.tz)::time < w.end_local)) as outside
      from zones zz
      join final f on f.id = zz.id
      cross join lateral (
        select r.start_local, r.end_local from public.calling_window_rules r
         where r.region in ('US-' || pg_catalog.upper(pg_catalog.btrim(f.state)), 'default')
         order by r.region = 'default' limit 1) w
     group by zz.id
  )
  select f.id, f.ord, f.team_id,
         coalesce(f.full_name, nullif(pg_catalog.btrim(f.email), ''), f.phone, 'Unnamed contact'),
         nullif(pg_catalog.btrim(f.company), ''), f.contact_type, f.phone_e164, nullif(pg_catalog.btrim(f.email), ''),
         case when f.natural_reason is null or (f.has_override and coalesce(f.overridable, true)) then 'ready' else 'excluded' end,
         case when f.natural_reason is null or (f.has_override and coalesce(f.overridable, true)) then null else f.natural_reason end,
         case f.natural_reason
           when 'legal_dnc' then f.block_detail
           when 'internal_dnc' then f.block_detail
           when 'suppressed' then f.block_detail || ' (until ' || pg_catalog.to_char(f.blocked_until at time zone 'UTC', 'YYYY-MM-DD') || ')'
           when 'invalid_phone' then case
             when f.phone_status = 'invalid' then 'Number cannot be read as a phone number'
             when f.phone_status = 'pending' then 'Number changed and not verified yet'
             else 'Flagged: ' || coalesce(pg_catalog.lower(dialbridge.humanize_reason(f.phone_number_invalid_reason)), 'known bad number') end
           when 'missing_phone' then 'No phone number'
           when 'missing_name' then case when nullif(pg_catalog.btrim(f.first_name), '') is null then 'No first name' else 'No last name' end
           when 'recently_contacted' then dialbridge.called_ago(f.last_call_attempt_at, as_of)
           when 'already_in_session' then case when f.in_target then 'Already in this session'
             else 'In "' || f.session_name || '" since ' || pg_catalog.to_char(f.added_at at time zone 'UTC', 'YYYY-MM-DD') end
           when 'duplicate_in_list' then f.dup_detail
         end,
         case when f.natural_reason = 'suppressed' then f.blocked_until end,
         coalesce(f.overridable, f.natural_reason is not null),
         f.natural_reason is not null and f.has_override and coalesce(f.overridable, true),
         case when f.natural_reason is not null and f.has_override and coalesce(f.overridable, true) then f.natural_reason end,
         case when f.natural_reason is not null and f.has_override and coalesce(f.overridable, true) then f.why end,
         f.natural_reason is not null and f.has_override and not coalesce(f.overridable, true),
         case when f.in_target then 'update' else 'add' end,
         array_remove(array[
           case when nullif(pg_catalog.btrim(f.email), '') is null then 'missing_email' end,
           case when nullif(pg_catalog.btrim(f.company), '') is null then 'missing_company' end,
           case when f.phone_status = 'pending' and not p_for_push then 'phone_unverified' end], null),
         h.tzs, h.local_times, coalesce(h.outside, false), f.last_call_attempt_at
    from final f
    left join hours h on h.id = f.id
   order by f.ord;
end
$$;

COMMENT ON FUNCTION dialbridge.push_candidates(p_contact_ids uuid[], p_options jsonb, as_of timestamp with time zone, p_for_push boolean) IS 'Validates contacts for a push, one row per distinct contact the caller can see (security invoker: RLS
applies), in the given order: status ready or excluded, the first exclusion reason with its detail,
whether it may be overridden (and was), warnings, and the contact''s local time against the calling
window. Options as in dialbridge.validate_push_options. p_for_push: a number changed but not yet
normalised is excluded (the push normalises first; the preview only warns).

An override forces a contact in past every overridable reason; legal do-not-call, a missing number and
an unparseable number can never be overridden (override_refused marks such attempts).';

REVOKE ALL ON FUNCTION dialbridge.push_candidates(p_contact_ids uuid[], p_options jsonb, as_of timestamp with time zone, p_for_push boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.push_candidates(p_contact_ids uuid[], p_options jsonb, as_of timestamp with time zone, p_for_push boolean) TO authenticated;
GRANT ALL ON FUNCTION dialbridge.push_candidates(p_contact_ids uuid[], p_options jsonb, as_of timestamp with time zone, p_for_push boolean) TO service_role;
