CREATE VIEW public.unmapped_dispositions WITH (security_invoker='true') AS
 WITH received AS (
         SELECT a.disposition_code,
            a.disposition_label,
            count(*) AS call_count,
            count(DISTINCT a.contact_id) AS contact_count,
            min(COALESCE(a.disposition_set_at, a.created_at)) AS first_seen_at,
            max(COALESCE(a.disposition_set_at, a.created_at)) AS last_seen_at,
            (array_agg(a.id ORDER BY COALESCE(a.disposition_set_at, a.created_at) DESC, a.id DESC))[1] AS example_activity_id
           FROM public.contact_activities a
          WHERE (((a.disposition_code IS NOT NULL) OR (a.disposition_label IS NOT NULL)) AND (a.deleted_at IS NULL))
          GROUP BY a.disposition_code, a.disposition_label
        )
 SELECT r.disposition_code,
    r.disposition_label,
    r.call_count,
    r.contact_count,
    r.first_seen_at,
    r.last_seen_at,
    r.example_activity_id
   FROM received r
  WHERE ((dialbridge.find_disposition_mapping(r.disposition_code, r.disposition_label)).id IS NULL);

COMMENT ON VIEW public.unmapped_dispositions IS 'Dispositions from the dialer that no active disposition mapping matches, for review: add a mapping, then run reapply_dispositions(code). Shows the calls the viewer may see.';

COMMENT ON COLUMN public.unmapped_dispositions.disposition_code IS 'Disposition code as received (null when the dialer sent only a label, as real PhoneBurner does).';

COMMENT ON COLUMN public.unmapped_dispositions.disposition_label IS 'Disposition label as received.';

COMMENT ON COLUMN public.unmapped_dispositions.call_count IS 'Calls recorded with this disposition.';

COMMENT ON COLUMN public.unmapped_dispositions.contact_count IS 'Distinct contacts among those calls (unmatched calls not counted).';

COMMENT ON COLUMN public.unmapped_dispositions.first_seen_at IS 'First time it was set.';

COMMENT ON COLUMN public.unmapped_dispositions.last_seen_at IS 'Most recent time it was set.';

COMMENT ON COLUMN public.unmapped_dispositions.example_activity_id IS 'The most recent call with it (contact_activities.id).';

GRANT ALL ON TABLE public.unmapped_dispositions TO service_role;
GRANT SELECT ON TABLE public.unmapped_dispositions TO authenticated;
