-- migrate:up
-- Disposition matching: the seed contract sends a code (disposition.code); real PhoneBurner sends only the
-- label text (api_calldone.status). A mapping matches by code first, then by its normalised label or any
-- normalised alias. Only active mappings match.

/** Normalised aliases, for matching and for the alias index. */
create or replace function dialbridge.normalized_aliases(p_aliases text[]) returns text[]
language sql immutable parallel safe security invoker set search_path = ''
as $$
  select coalesce(array_agg(dialbridge.normalize_label(a)) filter (where dialbridge.normalize_label(a) is not null), '{}')
    from unnest(p_aliases) as a
$$;

create index if not exists disposition_mappings_aliases_idx on public.disposition_mappings
  using gin ((dialbridge.normalized_aliases(label_aliases))) where is_active;

/** The active mapping for a disposition code and/or label (null row when none matches). */
create or replace function dialbridge.find_disposition_mapping(p_code text, p_label text)
returns public.disposition_mappings
language sql stable security invoker set search_path = ''
as $$
  select m.*
    from public.disposition_mappings m
   where m.is_active
     and (   (p_code is not null and m.phoneburner_disposition_code = pg_catalog.upper(pg_catalog.btrim(p_code)))
          or (dialbridge.normalize_label(p_label) is not null
              and (   dialbridge.normalize_label(m.phoneburner_disposition_label) = dialbridge.normalize_label(p_label)
                   or dialbridge.normalized_aliases(m.label_aliases) @> array[dialbridge.normalize_label(p_label)])))
   order by (p_code is not null and m.phoneburner_disposition_code = pg_catalog.upper(pg_catalog.btrim(p_code))) desc,
            m.phoneburner_disposition_code
   limit 1
$$;

revoke execute on all functions in schema dialbridge from public;
grant execute on function dialbridge.find_disposition_mapping(text, text) to service_role;
-- The alias index evaluates normalized_aliases() as whoever writes a mapping (admins from the browser,
-- the service role): without EXECUTE every insert or alias edit fails with "permission denied".
grant execute on function dialbridge.normalized_aliases(text[]) to authenticated, service_role;

-- migrate:down
-- Migrations are append-only (roll forward with a new one); this block stays empty so that
-- `supabase db push`, which runs the whole file, applies only the up part.
