CREATE FUNCTION dialbridge.apply_disposition(p_activity_id uuid) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform dialbridge.apply_dispositions(array[p_activity_id]);
end
$$;

COMMENT ON FUNCTION dialbridge.apply_disposition(p_activity_id uuid) IS 'One call''s disposition: dialbridge.apply_dispositions of that call (kept for the link RPC and callers).';

REVOKE ALL ON FUNCTION dialbridge.apply_disposition(p_activity_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION dialbridge.apply_disposition(p_activity_id uuid) TO service_role;
