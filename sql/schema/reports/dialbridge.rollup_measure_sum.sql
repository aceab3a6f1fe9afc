CREATE FUNCTION dialbridge.rollup_measure_sum(p_measure text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO ''
    AS $_$
  select case p_measure
    when 'qualified' then $m$coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'qualified'), 0)$m$
    when 'nurture' then $m$coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'nurture'), 0)$m$
    when 'disqualified' then $m$coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'disqualified'), 0)$m$
    when 'suppressed' then $m$coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'suppressed'), 0)$m$
    when 'other_dispositions' then $m$coalesce(sum(s.w * s.calls) filter (where s.outcome_group in ('attempted', 'invalid', 'other')), 0)$m$
    when 'unmapped_dispositions' then $m$coalesce(sum(s.w * s.calls) filter (where s.outcome_group = 'unmapped'), 0)$m$
    when 'meetings' then $m$coalesce(sum(s.w * s.calls) filter (where s.is_meeting), 0)$m$
    else 'coalesce(sum(s.w * s.' || pg_catalog.quote_ident(p_measure) || '), 0)'
  end
$_$;

COMMENT ON FUNCTION dialbridge.rollup_measure_sum(p_measure text) IS 'What a roll-up measure adds up over a source s of dialbridge.rollup_contribution rows (SQL text): the
classified measures count calls by outcome group (qualified, nurture, disqualified, suppressed, other =
attempted/invalid/other, unmapped) or meeting; every other measure is the sum of its signed column.';

REVOKE ALL ON FUNCTION dialbridge.rollup_measure_sum(p_measure text) FROM PUBLIC;
