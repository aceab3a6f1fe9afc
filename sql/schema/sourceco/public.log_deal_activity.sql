CREATE FUNCTION public.log_deal_activity(p_deal_id uuid, p_activity_type text, p_title text, p_description text DEFAULT NULL::text, p_admin_id uuid DEFAULT NULL::uuid, p_metadata jsonb DEFAULT NULL::jsonb) RETURNS uuid
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
declare
  v_id uuid;
begin
  if p_deal_id is null or nullif(pg_catalog.btrim(p_activity_type), '') is null or nullif(pg_catalog.btrim(p_title), '') is null then
    raise exception 'log_deal_activity needs a deal, an activity type and a title' using errcode = 'DB040';
  end if;
  insert into public.deal_activities (deal_id, team_id, activity_type, title, description, admin_id, metadata)
  values (p_deal_id, dialbridge.current_team_id(), pg_catalog.btrim(p_activity_type), pg_catalog.btrim(p_title), p_description,
          coalesce(p_admin_id, auth.uid()), coalesce(p_metadata, '{}'::jsonb))
  returning id into v_id;
  return v_id;
end
$$;

COMMENT ON FUNCTION public.log_deal_activity(p_deal_id uuid, p_activity_type text, p_title text, p_description text, p_admin_id uuid, p_metadata jsonb) IS 'SourceCo''s log_deal_activity: records a deal event in the caller''s team (with the caller''s rights: RLS applies; p_admin_id defaults to the caller). Unlike SourceCo''s own, errors are raised, not swallowed.';

REVOKE ALL ON FUNCTION public.log_deal_activity(p_deal_id uuid, p_activity_type text, p_title text, p_description text, p_admin_id uuid, p_metadata jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.log_deal_activity(p_deal_id uuid, p_activity_type text, p_title text, p_description text, p_admin_id uuid, p_metadata jsonb) TO authenticated;
GRANT ALL ON FUNCTION public.log_deal_activity(p_deal_id uuid, p_activity_type text, p_title text, p_description text, p_admin_id uuid, p_metadata jsonb) TO service_role;
