CREATE FUNCTION dialbridge.rollup_filter(p_rollup text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select case p_rollup
    when 'rep_daily_stats' then $f$s.kind = 'call'$f$
    when 'rep_day_totals' then $f$s.kind = 'classified'$f$
    when 'session_stats' then $f$s.kind = 'call' and s.session_id is not null$f$
    when 'session_contact_stats' then $f$s.kind = 'call' and s.session_id is not null and s.contact_id is not null and s.calls = 1$f$
    when 'session_totals' then $f$s.kind in ('classified', 'reach') and s.session_id is not null$f$
    when 'segment_daily_stats' then $f$s.kind = 'segment'$f$
  end
$_$;

COMMENT ON FUNCTION dialbridge.rollup_filter(p_rollup text) IS 'Which contributions a roll-up takes (SQL text over a source s of dialbridge.rollup_contribution rows); null for a table that is not a roll-up.';

REVOKE ALL ON FUNCTION dialbridge.rollup_filter(p_rollup text) FROM PUBLIC;
