CREATE FUNCTION dialbridge.calling_place_id(p_time_zones text[], p_state text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_id bigint;
begin
  select p.id into v_id from dialbridge.calling_places p
   where p.time_zones = coalesce(p_time_zones, '{}') and p.calling_state is not distinct from p_state;
  if v_id is null then
    insert into dialbridge.calling_places (time_zones, calling_state) values (coalesce(p_time_zones, '{}'), p_state)
    on conflict (time_zones, calling_state) do nothing
    returning id into v_id;
    if v_id is null then
      select p.id into v_id from dialbridge.calling_places p
       where p.time_zones = coalesce(p_time_zones, '{}') and p.calling_state is not distinct from p_state;
    end if;
  end if;
  return v_id;
end
$$;

COMMENT ON FUNCTION dialbridge.calling_place_id(p_time_zones text[], p_state text) IS 'The dialbridge.calling_places id of candidate zones and a state, created on first use.';

REVOKE ALL ON FUNCTION dialbridge.calling_place_id(p_time_zones text[], p_state text) FROM PUBLIC;
