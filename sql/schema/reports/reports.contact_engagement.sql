CREATE VIEW reports.contact_engagement WITH (security_invoker='true') AS
 SELECT c.id AS contact_id,
    c.team_id,
    c.first_name,
    c.last_name,
    c.company,
    c.contact_type,
    c.industry,
    c.call_engagement_score AS score,
    ((s.breakdown #>> '{connection_rate,rate_pct}'::text[]))::numeric AS connection_rate_pct,
    ((s.breakdown #>> '{connection_rate,points}'::text[]))::integer AS connection_rate_points,
    ((s.breakdown #>> '{talk_time,average_seconds}'::text[]))::numeric AS avg_talk_time_seconds,
    ((s.breakdown #>> '{talk_time,points}'::text[]))::integer AS talk_time_points,
    ((s.breakdown #>> '{dispositions,sum_of_deltas}'::text[]))::integer AS disposition_deltas,
    ((s.breakdown #>> '{dispositions,points}'::text[]))::integer AS disposition_points,
    c.days_since_last_engaged_call,
    ((s.breakdown #>> '{recency,points}'::text[]))::integer AS recency_points,
    ((s.breakdown ->> 'raw_score'::text))::integer AS raw_score,
    c.last_engaged_call_at,
    c.best_call_day_of_week,
    c.best_call_time_of_day,
    (s.best_call_time ->> 'source'::text) AS best_call_time_source,
    s.breakdown,
    s.as_of AS scored_as_of,
    s.computed_at AS scored_at
   FROM (dialbridge.report_contacts c
     LEFT JOIN dialbridge.contact_scores s ON ((s.contact_id = c.id)));

COMMENT ON VIEW reports.contact_engagement IS 'Engagement score of each contact with the factors that produced it (seed 000 scoring, corrected) and the best time to call.';

COMMENT ON COLUMN reports.contact_engagement.contact_id IS 'Contact id.';

COMMENT ON COLUMN reports.contact_engagement.team_id IS 'Team id.';

COMMENT ON COLUMN reports.contact_engagement.first_name IS 'Contact first name.';

COMMENT ON COLUMN reports.contact_engagement.last_name IS 'Contact last name.';

COMMENT ON COLUMN reports.contact_engagement.company IS 'Contact company.';

COMMENT ON COLUMN reports.contact_engagement.contact_type IS 'buyer, seller (or mixed for sessions; unspecified when blank).';

COMMENT ON COLUMN reports.contact_engagement.industry IS 'Contact industry (unspecified when blank).';

COMMENT ON COLUMN reports.contact_engagement.score IS 'Engagement score 0–100.';

COMMENT ON COLUMN reports.contact_engagement.connection_rate_pct IS 'connections / dials × 100.';

COMMENT ON COLUMN reports.contact_engagement.connection_rate_points IS 'Points from the connection rate (rate ÷ 5, 0–20).';

COMMENT ON COLUMN reports.contact_engagement.avg_talk_time_seconds IS 'Average talk time per connection, seconds.';

COMMENT ON COLUMN reports.contact_engagement.talk_time_points IS 'Points from average talk time (+5 over 1 min, +10 over 2, +15 over 3).';

COMMENT ON COLUMN reports.contact_engagement.disposition_deltas IS 'Sum of the mapping engagement deltas of the contact''s dispositions.';

COMMENT ON COLUMN reports.contact_engagement.disposition_points IS 'Points from dispositions (the sum, bounded to −50…+50).';

COMMENT ON COLUMN reports.contact_engagement.days_since_last_engaged_call IS 'Days since the last engaged call (connected, over 2 minutes, positive).';

COMMENT ON COLUMN reports.contact_engagement.recency_points IS 'Recency penalty (−5 over 30 days, −10 over 90, −20 over 180).';

COMMENT ON COLUMN reports.contact_engagement.raw_score IS 'Score before clamping to 0–100.';

COMMENT ON COLUMN reports.contact_engagement.last_engaged_call_at IS 'Last engaged call.';

COMMENT ON COLUMN reports.contact_engagement.best_call_day_of_week IS 'Best ISO day of week to call (1 = Monday).';

COMMENT ON COLUMN reports.contact_engagement.best_call_time_of_day IS 'Best hour to call (contact''s time zone when known).';

COMMENT ON COLUMN reports.contact_engagement.best_call_time_source IS 'contact (its own connections), segment or everyone.';

COMMENT ON COLUMN reports.contact_engagement.breakdown IS 'Every factor of the score as JSON.';

COMMENT ON COLUMN reports.contact_engagement.scored_as_of IS 'The time the score describes.';

COMMENT ON COLUMN reports.contact_engagement.scored_at IS 'When the score was computed.';

GRANT SELECT ON TABLE reports.contact_engagement TO authenticated;
GRANT SELECT ON TABLE reports.contact_engagement TO service_role;
GRANT SELECT ON TABLE reports.contact_engagement TO dialbridge_metabase;
