-- migrate:up
-- The VoIPStudio dialer (seed 003): campaigns, their contacts, a compliant dialing queue, call logs,
-- dispositions, recordings, voicemail drops, agent availability and analytics — on the shared pipeline.
--
--   data       public.dialer_campaigns (+ dialer_campaign_agents: who dials it), public.campaign_contacts
--              (each one a public.contacts row, matched or created by phone on import), public.call_logs,
--              public.call_dispositions, public.call_recordings, public.voicemail_drops (+ uses),
--              public.dialer_agent_states, public.voipstudio_credentials; public.dialer_queues is the seed's
--              queue as a view of campaign_contacts (one source of truth for a contact's place in line)
--   queue      public.next_contact_to_dial(campaign): reserves (FOR UPDATE SKIP LOCKED, one contact never
--              in two campaigns' hands) the next contact allowed now — callbacks due first, then priority,
--              schedule, fewest attempts — never do-not-call, suppressed, invalid, out of attempts or
--              outside the campaign's active hours or the legal window in the called party's local time
--              (zones from time zone, state, ZIP, else area code; uncertain → every candidate must allow it);
--              when empty, says why
--   events     VoIPStudio's per-leg webhooks are an adapter (dialbridge.voipstudio_event_identity /
--              _event_refs / _normalize) over the shared pipeline: every call is one contact_activities row;
--              its batch stage (dialbridge.voipstudio_process_events) then derives the call log, the campaign
--              contact (status, attempts, next attempt) and the agent's availability from the stored facts,
--              so any order and any duplication end the same
--   dispositions  a call_dispositions row is an event of the pipeline too ('disposition.set', stored by the
--              platform itself): the disposition engine (public.disposition_mappings) acts on it, once
--   analytics  dialbridge.dialer_call_stats (per campaign, rep, UTC hour and status, maintained by a
--              trigger, with a recompute) behind public.dialer_analytics, the seed's /analytics shape
-- Re-runnable: every statement checks or replaces.

-- ---------------------------------------------------------------------------------------------------
-- Where a called party is: US area codes and ZIP prefixes → state (reference data admins may extend)
-- ---------------------------------------------------------------------------------------------------
create table if not exists dialbridge.us_area_codes (
  area_code text primary key,
  state text not null,
  constraint us_area_codes_code_check check (area_code ~ '^[2-9][0-9]{2}$'),
  constraint us_area_codes_state_check check (state ~ '^[A-Z]{2}$')
);
comment on table dialbridge.us_area_codes is 'NANP area codes of the US states (and PR): the state a +1 number was issued in, the last resort for a called party''s time zone and calling window.';
comment on column dialbridge.us_area_codes.area_code is 'The three-digit area code (NPA).';
comment on column dialbridge.us_area_codes.state is 'The state (USPS code) it serves.';
alter table dialbridge.us_area_codes enable row level security;
revoke all on table dialbridge.us_area_codes from public, anon, authenticated;
grant select on table dialbridge.us_area_codes to authenticated, service_role;
drop policy if exists "Everyone reads area codes" on dialbridge.us_area_codes;
create policy "Everyone reads area codes" on dialbridge.us_area_codes for select to authenticated, service_role using (true);

insert into dialbridge.us_area_codes (area_code, state)
select code, s.state
  from (values
    ('AL', '205 251 256 334 659 938'), ('AK', '907'), ('AZ', '480 520 602 623 928'), ('AR', '327 479 501 870'),
    ('CA', '209 213 279 310 323 341 350 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 747 760 805 818 820 831 840 858 909 916 925 949 951'),
    ('CO', '303 719 720 970 983'), ('CT', '203 475 860 959'), ('DE', '302'), ('DC', '202 771'),
    ('FL', '239 305 321 324 352 386 407 448 561 645 656 689 727 728 754 772 786 813 850 863 904 941 954'),
    ('GA', '229 404 470 478 678 706 762 770 912 943'), ('HI', '808'), ('ID', '208 986'),
    ('IL', '217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872'),
    ('IN', '219 260 317 463 574 765 812 930'), ('IA', '319 515 563 641 712'), ('KS', '316 620 785 913'),
    ('KY', '270 364 502 606 859'), ('LA', '225 318 337 504 985'), ('ME', '207'), ('MD', '227 240 301 410 443 667'),
    ('MA', '339 351 413 508 617 774 781 857 978'), ('MI', '231 248 269 313 517 586 616 679 734 810 906 947 989'),
    ('MN', '218 320 507 612 651 763 952'), ('MS', '228 601 662 769'), ('MO', '235 314 417 557 573 636 660 816 975'),
    ('MT', '406'), ('NE', '308 402 531'), ('NV', '702 725 775'), ('NH', '603'),
    ('NJ', '201 551 609 640 732 848 856 862 908 973'), ('NM', '505 575'),
    ('NY', '212 315 329 332 347 363 516 518 585 607 624 631 646 680 716 718 838 845 914 917 929 934'),
    ('NC', '252 336 472 704 743 828 910 919 980 984'), ('ND', '701'),
    ('OH', '216 220 234 283 326 330 380 419 436 440 513 567 614 740 937'), ('OK', '405 539 572 580 918'),
    ('OR', '458 503 541 971'), ('PA', '215 223 267 272 412 445 484 570 582 610 717 724 814 835 878'),
    ('RI', '401'), ('SC', '803 821 839 843 854 864'), ('SD', '605'), ('TN', '423 615 629 731 865 901 931'),
    ('TX', '210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 915 936 940 945 956 972 979'),
    ('UT', '385 435 801'), ('VT', '802'), ('VA', '276 434 540 571 686 703 757 804 826 948'),
    ('WA', '206 253 360 425 509 564'), ('WV', '304 681'), ('WI', '262 274 353 414 534 608 715 920'), ('WY', '307'),
    ('PR', '787 939')
  ) s(state, codes)
  cross join lateral pg_catalog.regexp_split_to_table(s.codes, ' ') code
on conflict (area_code) do nothing;

create table if not exists dialbridge.us_zip_prefixes (
  zip3_from integer not null,
  zip3_to integer not null,
  state text not null,
  primary key (zip3_from),
  constraint us_zip_prefixes_range_check check (zip3_from between 0 and 999 and zip3_to between zip3_from and 999),
  constraint us_zip_prefixes_state_check check (state ~ '^[A-Z]{2}$')
);
comment on table dialbridge.us_zip_prefixes is 'Ranges of three-digit ZIP prefixes and the state they belong to: a contact''s state when only its ZIP is known.';
comment on column dialbridge.us_zip_prefixes.zip3_from is 'First ZIP prefix of the range (inclusive).';
comment on column dialbridge.us_zip_prefixes.zip3_to is 'Last ZIP prefix of the range (inclusive).';
comment on column dialbridge.us_zip_prefixes.state is 'The state (USPS code).';
alter table dialbridge.us_zip_prefixes enable row level security;
revoke all on table dialbridge.us_zip_prefixes from public, anon, authenticated;
grant select on table dialbridge.us_zip_prefixes to authenticated, service_role;
drop policy if exists "Everyone reads ZIP prefixes" on dialbridge.us_zip_prefixes;
create policy "Everyone reads ZIP prefixes" on dialbridge.us_zip_prefixes for select to authenticated, service_role using (true);
insert into dialbridge.us_zip_prefixes (zip3_from, zip3_to, state) values
  (5, 5, 'NY'), (6, 7, 'PR'), (8, 8, 'VI'), (9, 9, 'PR'), (10, 27, 'MA'), (28, 29, 'RI'), (30, 38, 'NH'),
  (39, 49, 'ME'), (50, 54, 'VT'), (55, 55, 'MA'), (56, 59, 'VT'), (60, 69, 'CT'), (70, 89, 'NJ'),
  (100, 149, 'NY'), (150, 196, 'PA'), (197, 199, 'DE'), (200, 205, 'DC'), (206, 219, 'MD'), (220, 246, 'VA'),
  (247, 268, 'WV'), (270, 289, 'NC'), (290, 299, 'SC'), (300, 319, 'GA'), (320, 349, 'FL'), (350, 369, 'AL'),
  (370, 385, 'TN'), (386, 397, 'MS'), (398, 399, 'GA'), (400, 427, 'KY'), (430, 459, 'OH'), (460, 479, 'IN'),
  (480, 499, 'MI'), (500, 528, 'IA'), (530, 549, 'WI'), (550, 567, 'MN'), (569, 569, 'DC'), (570, 577, 'SD'),
  (580, 588, 'ND'), (590, 599, 'MT'), (600, 629, 'IL'), (630, 658, 'MO'), (660, 679, 'KS'), (680, 693, 'NE'),
  (700, 715, 'LA'), (716, 729, 'AR'), (730, 749, 'OK'), (750, 799, 'TX'), (800, 816, 'CO'), (820, 831, 'WY'),
  (832, 838, 'ID'), (840, 847, 'UT'), (850, 865, 'AZ'), (870, 884, 'NM'), (885, 885, 'TX'), (889, 898, 'NV'),
  (900, 961, 'CA'), (967, 968, 'HI'), (969, 969, 'GU'), (970, 979, 'OR'), (980, 994, 'WA'), (995, 999, 'AK')
on conflict (zip3_from) do nothing;

-- stricter state windows known to the platform (admins edit public.calling_window_rules)
insert into public.calling_window_rules (region, start_local, end_local, source) values
  ('US-OK', '08:00', '20:00', 'Oklahoma Telephone Solicitation Act of 2022'),
  ('US-MD', '08:00', '20:00', 'Maryland Stop the Spam Calls Act (2023)'),
  ('US-WA', '08:00', '20:00', 'RCW 80.36.390')
on conflict (region) do nothing;

/**
 * The US state a called party is in, from what is known: the contact's state, else its ZIP, else the
 * area code of a +1 number. Null when none tells.
 */
create or replace function dialbridge.called_party_state(p_state text, p_zip text, p_phone_e164 text)
returns text
language sql stable parallel safe set search_path = ''
as $$
  select coalesce(
    (select st.state from dialbridge.us_state_time_zones st
      where st.state = pg_catalog.upper(pg_catalog.btrim(p_state)) limit 1),
    (select z.state from dialbridge.us_zip_prefixes z
      where pg_catalog.btrim(p_zip) ~ '^[0-9]{5}'
        and pg_catalog.substr(pg_catalog.btrim(p_zip), 1, 3)::integer between z.zip3_from and z.zip3_to
      order by z.zip3_from desc limit 1),
    (select a.state from dialbridge.us_area_codes a
      where p_phone_e164 ~ '^\+1[2-9][0-9]{9}$' and a.area_code = pg_catalog.substr(p_phone_e164, 3, 3)))
$$;
comment on function dialbridge.called_party_state(text, text, text) is
'The US state of a called party: its own state, else the state of its ZIP prefix (dialbridge.us_zip_prefixes), else the state of its +1 number''s area code (dialbridge.us_area_codes); null when none tells.';

/**
 * The time zones a called party may be in: its own zone when it names a real one; else every zone of its
 * state (dialbridge.called_party_state); else, for a +1 number, every US zone. Empty: unknown.
 */
create or replace function dialbridge.called_party_time_zones(p_time_zone text, p_state text, p_zip text, p_phone_e164 text)
returns text[]
language sql stable parallel safe set search_path = ''
as $$
  select coalesce(
    (select array[t.name] from dialbridge.time_zone_names t where t.name = pg_catalog.btrim(p_time_zone)),
    (select array_agg(st.time_zone order by st.time_zone) from dialbridge.us_state_time_zones st
      where st.state = dialbridge.called_party_state(p_state, p_zip, p_phone_e164)),
    case when p_phone_e164 like '+1%' then array['America/Anchorage', 'America/Chicago', 'America/Denver',
      'America/Los_Angeles', 'America/New_York', 'America/Phoenix', 'Pacific/Honolulu'] end,
    '{}'::text[])
$$;
comment on function dialbridge.called_party_time_zones(text, text, text, text) is
'Candidate IANA zones of a called party: its own valid zone; else its state''s zones (state, ZIP or area code); else every US zone for a +1 number; else empty (unknown). The calling-hours check requires every candidate to allow the call: uncertainty is resolved the most restrictive way.';

/**
 * Is a call allowed at p_at? In every candidate zone (the campaign's zone when none is known) the local
 * time must be inside the legal window of the called party's state (public.calling_window_rules: the
 * state's rule, else the default) and inside the campaign's active hours ({"start","end"} local times,
 * optional "days": ["mon", …]), both read in the called party's local time.
 */
create or replace function dialbridge.is_callable_at(p_zones text[], p_state text, p_active_hours jsonb,
  p_campaign_time_zone text, p_at timestamptz)
returns boolean
language sql stable parallel safe set search_path = ''
as $$
  select not exists (
    select 1
      from pg_catalog.unnest(case when coalesce(pg_catalog.cardinality(p_zones), 0) = 0
                                  then array[coalesce(p_campaign_time_zone, 'America/New_York')] else p_zones end) z(tz)
      cross join lateral (select (p_at at time zone z.tz) as lt) l
      cross join lateral (
        select r.start_local, r.end_local from public.calling_window_rules r
         where r.region in ('US-' || p_state, 'default')
         order by r.region = 'default' limit 1) w
     where not (l.lt::time >= w.start_local and l.lt::time < w.end_local)
        or (p_active_hours ? 'start' and l.lt::time < (p_active_hours ->> 'start')::time)
        or (p_active_hours ? 'end' and l.lt::time >= (p_active_hours ->> 'end')::time)
        or (p_active_hours ? 'days' and not (p_active_hours -> 'days') ? pg_catalog.lower(pg_catalog.to_char(l.lt, 'dy'))))
$$;
comment on function dialbridge.is_callable_at(text[], text, jsonb, text, timestamptz) is
'Whether a call is allowed at a moment: in every candidate zone of the called party (the campaign''s zone when none is known) the local time is inside the legal window of its state (public.calling_window_rules, else the default 08:00–21:00) and inside the campaign''s active hours (start/end local times, optional days), both in the called party''s local time.';

/**
 * The earliest moment from p_at on (within 8 days) when dialbridge.is_callable_at allows the call; p_at
 * itself when it is allowed now, null when nothing in the next 8 days is.
 */
create or replace function dialbridge.callable_from(p_zones text[], p_state text, p_active_hours jsonb,
  p_campaign_time_zone text, p_at timestamptz)
returns timestamptz
language sql stable parallel safe set search_path = ''
as $$
  with zones as (
    select z.tz from pg_catalog.unnest(case when coalesce(pg_catalog.cardinality(p_zones), 0) = 0
                                           then array[coalesce(p_campaign_time_zone, 'America/New_York')] else p_zones end) z(tz)
  ), starts as (
    -- every window opening of the next days, in every zone: the legal start and the campaign's start
    select ((((p_at at time zone z.tz)::date + d) + s.t) at time zone z.tz) as t
      from zones z
      cross join pg_catalog.generate_series(0, 8) d
      cross join lateral (
        (select r.start_local as t from public.calling_window_rules r
          where r.region in ('US-' || p_state, 'default') order by r.region = 'default' limit 1)
        union all
        select (p_active_hours ->> 'start')::time where p_active_hours ? 'start') s
  )
  select min(c.t)
    from (select p_at as t union all select s.t from starts s where s.t > p_at) c
   where dialbridge.is_callable_at(p_zones, p_state, p_active_hours, p_campaign_time_zone, c.t)
$$;
comment on function dialbridge.callable_from(text[], text, jsonb, text, timestamptz) is
'The earliest moment, from p_at within 8 days, when dialbridge.is_callable_at allows the call (p_at when allowed now; null when never in that time): the "outside hours until HH:MM" of the dialing queue.';

-- ---------------------------------------------------------------------------------------------------
-- The seed's tables
-- ---------------------------------------------------------------------------------------------------
/** Seed name for the updated_at trigger of the dialer's tables (the platform's one rule). */
create or replace function dialbridge.update_updated_at_column() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end
$$;
comment on function dialbridge.update_updated_at_column() is 'Trigger function (seed 003''s name): keeps updated_at current on every update of the dialer''s tables.';

create table if not exists public.dialer_campaigns (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.profiles (id) on delete restrict,
  team_id uuid references public.teams (id) on delete set null,
  name text not null,
  description text,
  type text not null default 'power',
  status text not null default 'draft',
  caller_id text,
  script text,
  max_attempts integer not null default 3,
  retry_interval integer not null default 3600,
  active_hours jsonb not null default '{"start": "09:00", "end": "17:00"}',
  timezone text not null default 'America/New_York',
  reservation_timeout_seconds integer not null default 120,
  voicemail_drop_id uuid,
  stats jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint dialer_campaigns_name_check check (pg_catalog.length(pg_catalog.btrim(name)) between 1 and 200),
  constraint dialer_campaigns_type_check check (type in ('manual', 'preview', 'power', 'predictive')),
  constraint dialer_campaigns_status_check check (status in ('draft', 'active', 'paused', 'completed', 'archived')),
  constraint dialer_campaigns_max_attempts_check check (max_attempts between 1 and 50),
  constraint dialer_campaigns_retry_interval_check check (retry_interval between 0 and 31536000),
  constraint dialer_campaigns_reservation_timeout_check check (reservation_timeout_seconds between 10 and 3600),
  constraint dialer_campaigns_active_hours_check check (
    pg_catalog.jsonb_typeof(active_hours) = 'object'
    and (not active_hours ? 'start' or (active_hours ->> 'start') ~ '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$')
    and (not active_hours ? 'end' or (active_hours ->> 'end') ~ '^(([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?|24:00)$')
    and (not (active_hours ? 'start' and active_hours ? 'end') or (active_hours ->> 'start') < (active_hours ->> 'end'))
    and (not active_hours ? 'days' or (pg_catalog.jsonb_typeof(active_hours -> 'days') = 'array'
         and (active_hours -> 'days') <@ '["mon","tue","wed","thu","fri","sat","sun"]'::jsonb))),
  constraint dialer_campaigns_stats_check check (pg_catalog.jsonb_typeof(stats) = 'object')
);
comment on table public.dialer_campaigns is 'Dialer campaigns (seed 003): a list of contacts dialed in one mode (manual, preview, power, predictive) by its owner and its agents, with retries, active hours and a script. stats is maintained by dialbridge.update_campaign_stats.';
comment on column public.dialer_campaigns.id is 'Campaign id (uuid).';
comment on column public.dialer_campaigns.user_id is 'The campaign''s owner (a rep, manager or admin).';
comment on column public.dialer_campaigns.team_id is 'The owner''s team (set from the owner): managers of the team manage it.';
comment on column public.dialer_campaigns.name is 'Campaign name.';
comment on column public.dialer_campaigns.description is 'What the campaign is for.';
comment on column public.dialer_campaigns.type is 'Dialing mode: manual (click-to-call), preview (reserve, show, confirm or skip), power (next call when the agent is free), predictive (paced; queues like power).';
comment on column public.dialer_campaigns.status is 'draft, active (the queue serves it), paused, completed, archived.';
comment on column public.dialer_campaigns.caller_id is 'Outbound caller id (E.164) sent to VoIPStudio; dropped when VoIPStudio answers "No CLI prefix set".';
comment on column public.dialer_campaigns.script is 'The agent''s call script.';
comment on column public.dialer_campaigns.max_attempts is 'Calls per contact at most (answered or not).';
comment on column public.dialer_campaigns.retry_interval is 'Seconds between a failed attempt and the next.';
comment on column public.dialer_campaigns.active_hours is 'When to call, in the called party''s local time: {"start": "09:00", "end": "17:00", "days": ["mon", …] (optional)}. The legal window applies on top.';
comment on column public.dialer_campaigns.timezone is 'The campaign''s zone: used for called parties whose zone cannot be told, and for the queue''s "until HH:MM".';
comment on column public.dialer_campaigns.reservation_timeout_seconds is 'How long a contact handed to an agent stays reserved without a call before it returns to the queue.';
comment on column public.dialer_campaigns.voicemail_drop_id is 'The voicemail drop agents use on this campaign by default.';
comment on column public.dialer_campaigns.stats is 'Maintained counts: total, pending, calling, completed, failed, do_not_call, callback, exhausted, attempts, calls, answered, talk_seconds.';
comment on column public.dialer_campaigns.created_at is 'When the campaign was created.';
comment on column public.dialer_campaigns.updated_at is 'When it last changed.';
create index if not exists dialer_campaigns_user_id_idx on public.dialer_campaigns (user_id);
create index if not exists dialer_campaigns_team_id_idx on public.dialer_campaigns (team_id);

create table if not exists public.dialer_campaign_agents (
  campaign_id uuid not null references public.dialer_campaigns (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (campaign_id, user_id)
);
comment on table public.dialer_campaign_agents is 'Agents who dial a campaign besides its owner (they see its contacts and take from its queue).';
comment on column public.dialer_campaign_agents.campaign_id is 'The campaign.';
comment on column public.dialer_campaign_agents.user_id is 'The agent (same team as the campaign).';
comment on column public.dialer_campaign_agents.added_at is 'When the agent was added.';
create index if not exists dialer_campaign_agents_user_id_idx on public.dialer_campaign_agents (user_id);

create table if not exists public.call_logs (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references public.profiles (id) on delete set null,
  team_id uuid references public.teams (id) on delete set null,
  call_id text,
  direction text not null default 'outbound',
  from_number text,
  to_number text,
  status text not null default 'initiated',
  duration integer,
  recording_url text,
  notes text,
  lead_id uuid,
  campaign_id uuid references public.dialer_campaigns (id) on delete set null,
  campaign_contact_id uuid,
  contact_id uuid references public.contacts (id) on delete set null,
  contact_activity_id uuid references public.contact_activities (id) on delete set null,
  provider text not null default 'voipstudio',
  error text,
  metadata jsonb not null default '{}',
  started_at timestamptz,
  answered_at timestamptz,
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint call_logs_direction_check check (direction in ('inbound', 'outbound')),
  constraint call_logs_status_check check (status in ('initiated', 'ringing', 'answered', 'completed', 'failed', 'busy', 'no-answer', 'canceled')),
  constraint call_logs_duration_check check (duration is null or duration >= 0),
  constraint call_logs_call_id_key unique (provider, call_id)
);
comment on table public.call_logs is 'Every VoIPStudio call (seed 003): written before the click-to-call request is sent (status initiated), then derived from VoIPStudio''s webhooks (dialbridge.voipstudio_sync_call_logs). Its activity is contact_activities.';
comment on column public.call_logs.id is 'Call log id (uuid).';
comment on column public.call_logs.user_id is 'The rep who made or took the call.';
comment on column public.call_logs.team_id is 'The rep''s team (or the contact''s).';
comment on column public.call_logs.call_id is 'VoIPStudio''s call id (the root call id of its legs).';
comment on column public.call_logs.direction is 'inbound or outbound.';
comment on column public.call_logs.from_number is 'Calling number (E.164).';
comment on column public.call_logs.to_number is 'Called number (E.164).';
comment on column public.call_logs.status is 'initiated, ringing, answered, completed, failed, busy, no-answer, canceled.';
comment on column public.call_logs.duration is 'Seconds of the call (VoIPStudio''s duration of the final leg).';
comment on column public.call_logs.recording_url is 'URL of the call''s recording (see call_recordings).';
comment on column public.call_logs.notes is 'The agent''s notes.';
comment on column public.call_logs.lead_id is 'Optional reference to a CRM lead (seed 003; free uuid).';
comment on column public.call_logs.campaign_id is 'The campaign the call was made for.';
comment on column public.call_logs.campaign_contact_id is 'The campaign contact it dialed.';
comment on column public.call_logs.contact_id is 'The platform contact (public.contacts) called.';
comment on column public.call_logs.contact_activity_id is 'The call''s contact_activities row.';
comment on column public.call_logs.provider is 'The dialer (voipstudio).';
comment on column public.call_logs.error is 'Why the call could not be placed (softphone offline, rate limited, …).';
comment on column public.call_logs.metadata is 'JSON metadata (the request''s, plus legs seen and VoIPStudio''s last state).';
comment on column public.call_logs.started_at is 'When the call started ringing.';
comment on column public.call_logs.answered_at is 'When the called party answered.';
comment on column public.call_logs.ended_at is 'When it ended.';
comment on column public.call_logs.created_at is 'When the row was written.';
comment on column public.call_logs.updated_at is 'When it last changed.';
create index if not exists idx_call_logs_user_id on public.call_logs (user_id);
create index if not exists idx_call_logs_call_id on public.call_logs (call_id);
create index if not exists idx_call_logs_status on public.call_logs (status);
create index if not exists idx_call_logs_started_at on public.call_logs (started_at);
create index if not exists call_logs_campaign_contact_idx on public.call_logs (campaign_contact_id);
create index if not exists call_logs_campaign_idx on public.call_logs (campaign_id);
create index if not exists call_logs_contact_idx on public.call_logs (contact_id);
create index if not exists call_logs_team_idx on public.call_logs (team_id);

/**
 * Where called parties are, once each: a campaign contact points at its place (its candidate zones and
 * state), so the queue asks "is it callable now?" once per place, not once per contact.
 */
create table if not exists dialbridge.calling_places (
  id bigint generated always as identity primary key,
  time_zones text[] not null,
  calling_state text,
  constraint calling_places_key unique nulls not distinct (time_zones, calling_state)
);
comment on table dialbridge.calling_places is 'The distinct places of called parties (candidate zones and US state): the dialing queue evaluates calling hours per place, then picks contacts of the places open now.';
comment on column dialbridge.calling_places.id is 'Place id.';
comment on column dialbridge.calling_places.time_zones is 'Candidate IANA zones (dialbridge.called_party_time_zones).';
comment on column dialbridge.calling_places.calling_state is 'US state, for its calling window (dialbridge.called_party_state).';
alter table dialbridge.calling_places enable row level security;
revoke all on table dialbridge.calling_places from public, anon, authenticated;
grant select on table dialbridge.calling_places to service_role;

/** The id of a place, recorded on first use. */
create or replace function dialbridge.calling_place_id(p_time_zones text[], p_state text) returns bigint
language plpgsql security definer set search_path = ''
as $$
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
comment on function dialbridge.calling_place_id(text[], text) is 'The dialbridge.calling_places id of candidate zones and a state, created on first use.';

create table if not exists public.campaign_contacts (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.dialer_campaigns (id) on delete cascade,
  contact_id uuid not null references public.contacts (id) on delete cascade,
  phone_number text not null,
  first_name text,
  last_name text,
  email text,
  company text,
  status text not null default 'pending',
  attempts integer not null default 0,
  last_attempt_at timestamptz,
  next_attempt_at timestamptz,
  last_call_id uuid references public.call_logs (id) on delete set null,
  priority integer not null default 0,
  scheduled_at timestamptz,
  callback_at timestamptz,
  time_zones text[] not null default '{}',
  calling_state text,
  place_id bigint references dialbridge.calling_places (id),
  is_callback boolean generated always as (status = 'callback') stored,
  queue_due_at timestamptz generated always as (coalesce(next_attempt_at, scheduled_at, created_at)) stored,
  reserved_by uuid references public.profiles (id) on delete set null,
  reserved_at timestamptz,
  reserved_until timestamptz,
  reserved_from_status text,
  reserved_for_call_id uuid,
  skip_reason text,
  skipped_at timestamptz,
  metadata jsonb not null default '{}',
  queue_position bigint generated by default as identity,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint campaign_contacts_status_check check (status in ('pending', 'calling', 'completed', 'failed', 'do-not-call', 'callback')),
  constraint campaign_contacts_attempts_check check (attempts >= 0),
  constraint campaign_contacts_reservation_check check ((status = 'calling') = (reserved_until is not null)),
  constraint campaign_contacts_contact_key unique (campaign_id, contact_id)
);
comment on table public.campaign_contacts is 'A campaign''s contacts (seed 003), each a public.contacts row (matched by phone or created on import), with its place in the dialing queue: status, attempts, next attempt, reservation.';
comment on column public.campaign_contacts.id is 'Campaign contact id (uuid).';
comment on column public.campaign_contacts.campaign_id is 'The campaign.';
comment on column public.campaign_contacts.contact_id is 'The platform contact (its do-not-call, suppressions and phone validity are the platform''s).';
comment on column public.campaign_contacts.phone_number is 'The number dialed (E.164).';
comment on column public.campaign_contacts.first_name is 'First name (as imported).';
comment on column public.campaign_contacts.last_name is 'Last name (as imported).';
comment on column public.campaign_contacts.email is 'Email (as imported).';
comment on column public.campaign_contacts.company is 'Company (as imported).';
comment on column public.campaign_contacts.status is 'pending, calling (reserved or on a call), completed, failed (retried after retry_interval until max_attempts), do-not-call, callback (due at callback_at).';
comment on column public.campaign_contacts.attempts is 'Calls placed to this contact by the campaign (derived from its call logs).';
comment on column public.campaign_contacts.last_attempt_at is 'When the last call started.';
comment on column public.campaign_contacts.next_attempt_at is 'Not dialed before this (set by dialbridge.schedule_next_attempt).';
comment on column public.campaign_contacts.last_call_id is 'The last call log.';
comment on column public.campaign_contacts.priority is 'Queue priority (higher first).';
comment on column public.campaign_contacts.scheduled_at is 'Not dialed before this (set on import).';
comment on column public.campaign_contacts.callback_at is 'When the contact asked to be called back (a callback disposition''s follow-up date).';
comment on column public.campaign_contacts.time_zones is 'Candidate time zones of the called party (dialbridge.called_party_time_zones), kept current with the contact.';
comment on column public.campaign_contacts.place_id is 'Its place (dialbridge.calling_places): the queue checks calling hours per place.';
comment on column public.campaign_contacts.is_callback is 'A callback (first in line when due).';
comment on column public.campaign_contacts.queue_due_at is 'Its place in line after callbacks and priority: the next attempt, else the schedule, else when it was added.';
comment on column public.campaign_contacts.calling_state is 'The called party''s US state, for its calling window (dialbridge.called_party_state).';
comment on column public.campaign_contacts.reserved_by is 'The agent the contact is reserved for.';
comment on column public.campaign_contacts.reserved_at is 'When it was reserved.';
comment on column public.campaign_contacts.reserved_until is 'The reservation returns to the queue after this unless a call started (then: held until the call ends).';
comment on column public.campaign_contacts.reserved_from_status is 'The status to return to when a reservation is released.';
comment on column public.campaign_contacts.reserved_for_call_id is 'The call that holds the reservation (null: reserved by the queue, waiting for a call).';
comment on column public.campaign_contacts.skip_reason is 'Why the agent skipped the contact in preview mode.';
comment on column public.campaign_contacts.skipped_at is 'When it was last skipped.';
comment on column public.campaign_contacts.metadata is 'JSON custom fields (as imported).';
comment on column public.campaign_contacts.queue_position is 'Order of import: the last tie-breaker of the queue (a list is dialed in the order it was added).';
comment on column public.campaign_contacts.created_at is 'When the contact was added.';
comment on column public.campaign_contacts.updated_at is 'When it last changed.';
create index if not exists campaign_contacts_contact_idx on public.campaign_contacts (contact_id);
create index if not exists campaign_contacts_line_idx
  on public.campaign_contacts (campaign_id, is_callback desc, priority desc, queue_due_at, attempts, queue_position)
  where status in ('pending', 'failed', 'callback');
create index if not exists campaign_contacts_place_idx on public.campaign_contacts (place_id);
create index if not exists campaign_contacts_calling_idx on public.campaign_contacts (contact_id) where status = 'calling';
create index if not exists campaign_contacts_reservations_idx on public.campaign_contacts (campaign_id, reserved_until) where status = 'calling';
select dialbridge.ensure_constraint('public.call_logs', 'call_logs_campaign_contact_id_fkey',
  'foreign key (campaign_contact_id) references public.campaign_contacts (id) on delete set null');
select dialbridge.ensure_constraint('public.campaign_contacts', 'campaign_contacts_reserved_for_call_id_fkey',
  'foreign key (reserved_for_call_id) references public.call_logs (id) on delete set null');

create or replace view public.dialer_queues with (security_invoker = true) as
select cc.id, cc.campaign_id, cc.contact_id, cc.priority,
       greatest(cc.scheduled_at, cc.next_attempt_at) as scheduled_at,
       case cc.status when 'pending' then 'queued' when 'callback' then 'queued' when 'calling' then 'calling'
                      when 'completed' then 'completed' when 'do-not-call' then 'skipped'
                      when 'failed' then case when cc.attempts >= c.max_attempts then 'failed' else 'queued' end end as status,
       cc.created_at
  from public.campaign_contacts cc
  join public.dialer_campaigns c on c.id = cc.campaign_id;
comment on view public.dialer_queues is 'The seed''s dialer queue, read from campaign_contacts (one source of truth): queued (pending, callback, or failed with attempts left), calling, completed, failed (out of attempts), skipped (do-not-call).';
comment on column public.dialer_queues.id is 'The campaign contact.';
comment on column public.dialer_queues.campaign_id is 'The campaign.';
comment on column public.dialer_queues.contact_id is 'The platform contact.';
comment on column public.dialer_queues.priority is 'Queue priority (higher first).';
comment on column public.dialer_queues.scheduled_at is 'Not dialed before this.';
comment on column public.dialer_queues.status is 'queued, calling, completed, failed, skipped.';
comment on column public.dialer_queues.created_at is 'When it was queued.';

create table if not exists public.call_dispositions (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references public.call_logs (id) on delete cascade,
  user_id uuid default auth.uid() references public.profiles (id) on delete set null,
  disposition text not null,
  notes text,
  follow_up_date timestamptz,
  created_at timestamptz not null default now(),
  constraint call_dispositions_disposition_check check (disposition in ('interested', 'not-interested', 'callback',
    'wrong-number', 'no-answer', 'voicemail', 'do-not-call', 'qualified', 'not-qualified'))
);
comment on table public.call_dispositions is 'Call outcomes set by the agent (seed 003). Each one goes through the shared pipeline as a disposition.set event: the disposition engine (public.disposition_mappings) acts on the call''s activity; follow-up dates become callbacks and tasks.';
comment on column public.call_dispositions.id is 'Disposition id (uuid).';
comment on column public.call_dispositions.call_id is 'The call log.';
comment on column public.call_dispositions.user_id is 'The agent who dispositioned.';
comment on column public.call_dispositions.disposition is 'interested, not-interested, callback, wrong-number, no-answer, voicemail, do-not-call, qualified, not-qualified.';
comment on column public.call_dispositions.notes is 'Disposition notes.';
comment on column public.call_dispositions.follow_up_date is 'Scheduled follow-up (a callback).';
comment on column public.call_dispositions.created_at is 'When it was set (the latest disposition of a call wins).';
create index if not exists call_dispositions_call_idx on public.call_dispositions (call_id, created_at);
create index if not exists call_dispositions_user_idx on public.call_dispositions (user_id);

create table if not exists public.call_recordings (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null references public.call_logs (id) on delete cascade,
  provider_recording_id text,
  recording_url text not null,
  duration integer,
  file_size bigint,
  transcription text,
  sentiment text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint call_recordings_sentiment_check check (sentiment in ('positive', 'neutral', 'negative')),
  constraint call_recordings_sizes_check check (coalesce(duration, 0) >= 0 and coalesce(file_size, 0) >= 0),
  constraint call_recordings_provider_key unique (call_id, recording_url)
);
comment on table public.call_recordings is 'Recordings of calls (seed 003), from VoIPStudio''s call history; transcription and sentiment are filled by the transcript analysis when it is configured.';
comment on column public.call_recordings.id is 'Recording id (uuid).';
comment on column public.call_recordings.call_id is 'The call log.';
comment on column public.call_recordings.provider_recording_id is 'VoIPStudio''s recording id.';
comment on column public.call_recordings.recording_url is 'URL of the recording file.';
comment on column public.call_recordings.duration is 'Seconds.';
comment on column public.call_recordings.file_size is 'Bytes.';
comment on column public.call_recordings.transcription is 'Transcript of the call.';
comment on column public.call_recordings.sentiment is 'positive, neutral or negative.';
comment on column public.call_recordings.created_at is 'When it was recorded here.';
comment on column public.call_recordings.updated_at is 'When it last changed.';

create table if not exists public.voicemail_drops (
  id uuid primary key default gen_random_uuid(),
  user_id uuid default auth.uid() references public.profiles (id) on delete set null,
  team_id uuid references public.teams (id) on delete cascade,
  name text not null,
  audio_url text not null,
  duration integer,
  usage_count integer not null default 0,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint voicemail_drops_name_check check (pg_catalog.length(pg_catalog.btrim(name)) between 1 and 200),
  constraint voicemail_drops_duration_check check (coalesce(duration, 0) >= 0)
);
comment on table public.voicemail_drops is 'Pre-recorded voicemail messages (seed 003), managed by admins; usage_count is maintained from voicemail_drop_uses.';
comment on column public.voicemail_drops.id is 'Voicemail drop id (uuid).';
comment on column public.voicemail_drops.user_id is 'Who added it.';
comment on column public.voicemail_drops.team_id is 'The team that uses it (null: every team).';
comment on column public.voicemail_drops.name is 'Name shown to agents.';
comment on column public.voicemail_drops.audio_url is 'URL of the audio file.';
comment on column public.voicemail_drops.duration is 'Seconds.';
comment on column public.voicemail_drops.usage_count is 'Times dropped on a call (maintained).';
comment on column public.voicemail_drops.is_active is 'Offered to agents.';
comment on column public.voicemail_drops.created_at is 'When it was added.';
comment on column public.voicemail_drops.updated_at is 'When it last changed.';
create index if not exists voicemail_drops_team_idx on public.voicemail_drops (team_id);
select dialbridge.ensure_constraint('public.dialer_campaigns', 'dialer_campaigns_voicemail_drop_id_fkey',
  'foreign key (voicemail_drop_id) references public.voicemail_drops (id) on delete set null');

-- predictive mode (issue 13): line limit, safe-harbor message, cooldown after an abandoned call; who answered
alter table public.dialer_campaigns add column if not exists max_lines integer not null default 20;
alter table public.dialer_campaigns add column if not exists safe_harbor_drop_id uuid references public.voicemail_drops (id) on delete set null;
alter table public.dialer_campaigns add column if not exists abandon_cooldown_seconds integer not null default 259200;
select dialbridge.ensure_constraint('public.dialer_campaigns', 'dialer_campaigns_max_lines_check', 'check (max_lines between 1 and 200)');
select dialbridge.ensure_constraint('public.dialer_campaigns', 'dialer_campaigns_abandon_cooldown_check',
  'check (abandon_cooldown_seconds between 0 and 2592000)');
comment on column public.dialer_campaigns.max_lines is 'Predictive mode: never more lines ringing at once than this.';
comment on column public.dialer_campaigns.safe_harbor_drop_id is 'Predictive mode: the identifying message with an opt-out played to a person no rep reached within 2 s (a voicemail drop).';
comment on column public.dialer_campaigns.abandon_cooldown_seconds is 'Predictive mode: a contact whose call was abandoned is not called by a predictive campaign again before this many seconds (72 hours by default).';
grant insert (max_lines, safe_harbor_drop_id, abandon_cooldown_seconds), update (max_lines, safe_harbor_drop_id, abandon_cooldown_seconds)
  on public.dialer_campaigns to authenticated;

alter table public.call_logs add column if not exists answered_by text;
alter table public.call_logs add column if not exists abandoned boolean not null default false;
alter table public.call_logs add column if not exists abandoned_at timestamptz;
alter table public.call_logs add column if not exists safe_harbor_drop_id uuid references public.voicemail_drops (id) on delete set null;
select dialbridge.ensure_constraint('public.call_logs', 'call_logs_answered_by_check', 'check (answered_by in (''human'', ''machine''))');
select dialbridge.ensure_constraint('public.call_logs', 'call_logs_abandoned_check',
  'check ((not abandoned) or (abandoned_at is not null and answered_at is not null and answered_by = ''human''))');
comment on column public.call_logs.answered_by is 'Who answered: human or machine (answering-machine detection); null: not answered or not known.';
comment on column public.call_logs.abandoned is 'A person answered and no rep reached them within 2 s (47 CFR 64.1200(a)(7)): counts against the campaign''s 3 % cap.';
comment on column public.call_logs.abandoned_at is 'When the call was given up on (the safe-harbor message then played).';
comment on column public.call_logs.safe_harbor_drop_id is 'The identifying message with an opt-out played to the abandoned call.';
create index if not exists call_logs_abandoned_contact_idx on public.call_logs (contact_id, abandoned_at) where abandoned;


create table if not exists public.voicemail_drop_uses (
  id uuid primary key default gen_random_uuid(),
  voicemail_drop_id uuid not null references public.voicemail_drops (id) on delete cascade,
  call_id uuid not null references public.call_logs (id) on delete cascade,
  user_id uuid references public.profiles (id) on delete set null,
  dropped_at timestamptz not null default now(),
  constraint voicemail_drop_uses_call_key unique (call_id)
);
comment on table public.voicemail_drop_uses is 'Each voicemail dropped on a call (one per call): the source of voicemail_drops.usage_count.';
comment on column public.voicemail_drop_uses.id is 'Row id (uuid).';
comment on column public.voicemail_drop_uses.voicemail_drop_id is 'The message dropped.';
comment on column public.voicemail_drop_uses.call_id is 'The call it was dropped on.';
comment on column public.voicemail_drop_uses.user_id is 'The agent.';
comment on column public.voicemail_drop_uses.dropped_at is 'When.';
create index if not exists voicemail_drop_uses_drop_idx on public.voicemail_drop_uses (voicemail_drop_id);

create table if not exists public.dialer_agent_states (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  state text not null default 'offline',
  campaign_id uuid references public.dialer_campaigns (id) on delete set null,
  current_call_id uuid references public.call_logs (id) on delete set null,
  since timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint dialer_agent_states_state_check check (state in ('offline', 'available', 'paused', 'ringing', 'on_call', 'wrap_up'))
);
comment on table public.dialer_agent_states is 'Each agent''s availability for power dialing: set by the agent (public.set_agent_availability: available, paused, offline) and by VoIPStudio''s events (ringing, on_call, wrap_up; the latest event wins).';
comment on column public.dialer_agent_states.user_id is 'The agent.';
comment on column public.dialer_agent_states.state is 'offline, available, paused, ringing, on_call, wrap_up.';
comment on column public.dialer_agent_states.campaign_id is 'The campaign the agent is dialing.';
comment on column public.dialer_agent_states.current_call_id is 'The call the agent is on.';
comment on column public.dialer_agent_states.since is 'When the state began (events older than this do not change it).';
comment on column public.dialer_agent_states.updated_at is 'When the row last changed.';

create table if not exists public.voipstudio_credentials (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  voipstudio_user_id text not null,
  api_token text,
  has_api_token boolean generated always as (api_token is not null) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint voipstudio_credentials_user_key unique (voipstudio_user_id)
);
comment on table public.voipstudio_credentials is 'Per-rep VoIPStudio credentials: the user id that places click-to-call calls (from) and a long-lived API token (POST /apitokens). The token is readable by the service role only.';
comment on column public.voipstudio_credentials.user_id is 'The rep.';
comment on column public.voipstudio_credentials.voipstudio_user_id is 'The rep''s VoIPStudio user id (POST /calls "from"; identifies the agent in webhooks).';
comment on column public.voipstudio_credentials.api_token is 'VoIPStudio API token (X-Auth-Token). Write-only for the rep; readable by the service role only.';
comment on column public.voipstudio_credentials.has_api_token is 'Whether a token is stored (what the settings screen shows).';
comment on column public.voipstudio_credentials.created_at is 'When the row was created.';
comment on column public.voipstudio_credentials.updated_at is 'When it last changed.';

do $$
declare t text;
begin
  foreach t in array array['dialer_campaigns', 'call_logs', 'campaign_contacts', 'call_recordings', 'voicemail_drops',
                           'dialer_agent_states', 'voipstudio_credentials'] loop
    execute pg_catalog.format('drop trigger if exists _100_timestamps on public.%I', t);
    execute pg_catalog.format('create trigger _100_timestamps before update on public.%I for each row execute function dialbridge.update_updated_at_column()', t);
  end loop;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Who may do what (RLS helpers)
-- ---------------------------------------------------------------------------------------------------
/** May the caller see this campaign: its owner, one of its agents, a manager of its team, an admin. */
create or replace function dialbridge.can_see_campaign(p_campaign_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.dialer_campaigns c
     where c.id = p_campaign_id
       and (c.user_id = auth.uid()
            or dialbridge.is_admin()
            or (c.team_id = dialbridge.current_team_id() and dialbridge.current_app_role() = 'manager')
            or exists (select 1 from public.dialer_campaign_agents a
                        where a.campaign_id = c.id and a.user_id = auth.uid()
                          and c.team_id is not distinct from dialbridge.current_team_id())))
$$;
comment on function dialbridge.can_see_campaign(uuid) is 'Whether the signed-in user may see a campaign and its contacts: its owner, its agents (same team), managers of its team, admins.';

/** Is the caller one of the campaign's agents? */
create or replace function dialbridge.is_campaign_agent(p_campaign_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.dialer_campaign_agents a where a.campaign_id = p_campaign_id and a.user_id = auth.uid())
$$;
comment on function dialbridge.is_campaign_agent(uuid) is 'Whether the signed-in user is one of a campaign''s agents (dialer_campaign_agents).';
revoke all on function dialbridge.is_campaign_agent(uuid) from public;
grant execute on function dialbridge.is_campaign_agent(uuid) to authenticated, service_role;

/** May the caller change this campaign: its owner, a manager of its team, an admin. */
create or replace function dialbridge.can_manage_campaign(p_campaign_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.dialer_campaigns c
     where c.id = p_campaign_id
       and (c.user_id = auth.uid()
            or dialbridge.is_admin()
            or (c.team_id = dialbridge.current_team_id() and dialbridge.current_app_role() = 'manager')))
$$;
comment on function dialbridge.can_manage_campaign(uuid) is 'Whether the signed-in user may change a campaign, its agents and its contacts: its owner, managers of its team, admins.';

/** May the caller see this call log: its rep, anyone who sees its campaign, a manager of its team, an admin. */
create or replace function dialbridge.can_see_call_log(p_call_log_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.call_logs l
     where l.id = p_call_log_id
       and (l.user_id = auth.uid()
            or dialbridge.is_admin()
            or (l.team_id = dialbridge.current_team_id() and dialbridge.current_app_role() = 'manager')
            or (l.campaign_id is not null and dialbridge.can_see_campaign(l.campaign_id))))
$$;
comment on function dialbridge.can_see_call_log(uuid) is 'Whether the signed-in user may see a call log (and its dispositions, recordings, voicemail drops): its rep, whoever sees its campaign, managers of its team, admins.';

revoke all on function dialbridge.can_see_campaign(uuid), dialbridge.can_manage_campaign(uuid),
  dialbridge.can_see_call_log(uuid) from public;
grant execute on function dialbridge.can_see_campaign(uuid), dialbridge.can_manage_campaign(uuid),
  dialbridge.can_see_call_log(uuid) to authenticated, service_role;

/** Campaign rows: the owner's team, a known time zone; agents must be of the campaign's team. */
create or replace function dialbridge.tg_dialer_campaigns__defaults() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.user_id is distinct from old.user_id then
    new.team_id := (select p.team_id from public.profiles p where p.id = new.user_id);
  end if;
  if not exists (select 1 from dialbridge.time_zone_names t where t.name = new.timezone) then
    raise exception 'unknown time zone "%"', new.timezone using errcode = '22023',
      hint = 'Use an IANA name such as America/New_York.';
  end if;
  new.name := pg_catalog.btrim(new.name);
  return new;
end
$$;
comment on function dialbridge.tg_dialer_campaigns__defaults() is 'Trigger function: a campaign belongs to its owner''s team; its time zone must be a real IANA zone (22023 otherwise).';
drop trigger if exists _050_defaults on public.dialer_campaigns;
create trigger _050_defaults before insert or update of user_id, timezone, name on public.dialer_campaigns
  for each row execute function dialbridge.tg_dialer_campaigns__defaults();

create or replace function dialbridge.tg_dialer_campaign_agents__same_team() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.dialer_campaigns c join public.profiles p on p.id = new.user_id
                  where c.id = new.campaign_id and p.team_id is not distinct from c.team_id and p.is_active) then
    raise exception 'an agent must be an active member of the campaign''s team' using errcode = '42501';
  end if;
  return new;
end
$$;
comment on function dialbridge.tg_dialer_campaign_agents__same_team() is 'Trigger function: a campaign''s agents are active members of its team (42501 otherwise).';
drop trigger if exists _050_same_team on public.dialer_campaign_agents;
create trigger _050_same_team before insert or update on public.dialer_campaign_agents
  for each row execute function dialbridge.tg_dialer_campaign_agents__same_team();

-- ---------------------------------------------------------------------------------------------------
-- Campaign statistics: incremental (statement triggers on campaign_contacts), with a recompute
-- ---------------------------------------------------------------------------------------------------
/**
 * The stats of a set of campaign contact rows, each counted with a sign (+1 added, -1 removed): the one
 * definition both the trigger's deltas and the recompute use.
 */
create or replace function dialbridge.campaign_stats_sum(p_status text[], p_attempts integer[], p_sign integer[])
returns jsonb
language sql immutable parallel safe set search_path = ''
as $$
  select pg_catalog.jsonb_build_object(
    'total', coalesce(sum(r.sign), 0),
    'pending', coalesce(sum(r.sign) filter (where r.status = 'pending'), 0),
    'calling', coalesce(sum(r.sign) filter (where r.status = 'calling'), 0),
    'completed', coalesce(sum(r.sign) filter (where r.status = 'completed'), 0),
    'failed', coalesce(sum(r.sign) filter (where r.status = 'failed'), 0),
    'do_not_call', coalesce(sum(r.sign) filter (where r.status = 'do-not-call'), 0),
    'callback', coalesce(sum(r.sign) filter (where r.status = 'callback'), 0),
    'attempts', coalesce(sum(r.sign * r.attempts), 0))
    from unnest(p_status, p_attempts, p_sign) r(status, attempts, sign)
$$;
comment on function dialbridge.campaign_stats_sum(text[], integer[], integer[]) is 'Campaign stats of campaign contact rows counted with a sign: total, pending, calling, completed, failed, do_not_call, callback, attempts. The trigger adds the delta of changed rows, the recompute sums all rows: one definition.';

/** a + b, key by key (numbers). */
create or replace function dialbridge.jsonb_add_numbers(a jsonb, b jsonb) returns jsonb
language sql immutable parallel safe set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_object_agg(k.key,
           coalesce((a ->> k.key)::numeric, 0) + coalesce((b ->> k.key)::numeric, 0)), '{}'::jsonb)
    from (select pg_catalog.jsonb_object_keys(coalesce(a, '{}')) as key
          union select pg_catalog.jsonb_object_keys(coalesce(b, '{}'))) k
$$;
comment on function dialbridge.jsonb_add_numbers(jsonb, jsonb) is 'Adds two JSON objects of numbers key by key (a missing key is 0).';

create or replace function dialbridge.update_campaign_stats() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    update public.dialer_campaigns c set stats = dialbridge.jsonb_add_numbers(c.stats, d.delta)
      from (select n.campaign_id, dialbridge.campaign_stats_sum(array_agg(n.status), array_agg(n.attempts), array_agg(1)) as delta
              from new_rows n group by n.campaign_id) d
     where c.id = d.campaign_id;
  elsif tg_op = 'DELETE' then
    update public.dialer_campaigns c set stats = dialbridge.jsonb_add_numbers(c.stats, d.delta)
      from (select o.campaign_id, dialbridge.campaign_stats_sum(array_agg(o.status), array_agg(o.attempts), array_agg(-1)) as delta
              from old_rows o group by o.campaign_id) d
     where c.id = d.campaign_id;
  else
    update public.dialer_campaigns c set stats = dialbridge.jsonb_add_numbers(c.stats, d.delta)
      from (select x.campaign_id, dialbridge.campaign_stats_sum(array_agg(x.status), array_agg(x.attempts), array_agg(x.sign)) as delta
              from (select n.campaign_id, n.status, n.attempts, 1 as sign from new_rows n
                    union all
                    select o.campaign_id, o.status, o.attempts, -1 from old_rows o) x
             group by x.campaign_id) d
     where c.id = d.campaign_id
       and d.delta <> dialbridge.campaign_stats_sum('{}', '{}', '{}');
  end if;
  return null;
end
$$;
comment on function dialbridge.update_campaign_stats() is 'Trigger function (seed 003''s name): adds each statement''s change of campaign contacts to dialer_campaigns.stats (total, pending, calling, completed, failed, do_not_call, callback, attempts), one update per campaign; dialbridge.recompute_campaign_stats rebuilds it from the rows.';
drop trigger if exists _900_stats_insert on public.campaign_contacts;
drop trigger if exists _900_stats_update on public.campaign_contacts;
drop trigger if exists _900_stats_delete on public.campaign_contacts;
create trigger _900_stats_insert after insert on public.campaign_contacts referencing new table as new_rows
  for each statement execute function dialbridge.update_campaign_stats();
create trigger _900_stats_update after update on public.campaign_contacts referencing old table as old_rows new table as new_rows
  for each statement execute function dialbridge.update_campaign_stats();
create trigger _900_stats_delete after delete on public.campaign_contacts referencing old table as old_rows
  for each statement execute function dialbridge.update_campaign_stats();

/** The stats of campaigns from their rows (what the trigger should have kept). */
create or replace function dialbridge.campaign_stats_from_rows(p_campaign_ids uuid[] default null)
returns table (campaign_id uuid, stats jsonb)
language sql stable set search_path = ''
as $$
  select c.id, dialbridge.campaign_stats_sum(coalesce(array_agg(cc.status) filter (where cc.id is not null), '{}'),
                                            coalesce(array_agg(cc.attempts) filter (where cc.id is not null), '{}'),
                                            coalesce(array_agg(1) filter (where cc.id is not null), '{}'))
    from public.dialer_campaigns c
    left join public.campaign_contacts cc on cc.campaign_id = c.id
   where p_campaign_ids is null or c.id = any (p_campaign_ids)
   group by c.id
$$;
comment on function dialbridge.campaign_stats_from_rows(uuid[]) is 'Campaign stats computed from campaign_contacts (all campaigns when null): the reference the maintained dialer_campaigns.stats is compared with.';

/** Rewrites the stats that differ from their rows; returns the campaigns fixed. */
create or replace function dialbridge.recompute_campaign_stats(p_campaign_ids uuid[] default null)
returns table (campaign_id uuid, was jsonb, now_is jsonb)
language plpgsql security definer set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  with r as (
    select x.campaign_id, x.stats, c.stats as old_stats
      from dialbridge.campaign_stats_from_rows(p_campaign_ids) x
      join public.dialer_campaigns c on c.id = x.campaign_id
     where c.stats is distinct from x.stats
  ), fixed as (
    update public.dialer_campaigns c set stats = r.stats from r where c.id = r.campaign_id
    returning c.id
  )
  select r.campaign_id, r.old_stats, r.stats from r join fixed f on f.id = r.campaign_id;
end
$$;
comment on function dialbridge.recompute_campaign_stats(uuid[]) is 'Reconciliation: rewrites every campaign''s stats that differ from its rows (dialbridge.campaign_stats_from_rows) and returns them with the old value; run nightly by the worker, compared in the tests.';
revoke all on function dialbridge.recompute_campaign_stats(uuid[]) from public;
grant execute on function dialbridge.recompute_campaign_stats(uuid[]) to service_role;

-- ---------------------------------------------------------------------------------------------------
-- A campaign contact's schedule and place
-- ---------------------------------------------------------------------------------------------------
/**
 * failed → the next attempt retry_interval after the last one, none once max_attempts is reached;
 * callback → at the callback's own time (else after retry_interval), none once max_attempts is reached;
 * completed and do-not-call → none.
 */
create or replace function dialbridge.schedule_next_attempt() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  c public.dialer_campaigns;
begin
  if tg_op = 'UPDATE' and new.status is not distinct from old.status and new.attempts = old.attempts
     and new.callback_at is not distinct from old.callback_at
     and new.last_attempt_at is not distinct from old.last_attempt_at then
    return new;
  end if;
  select * into c from public.dialer_campaigns where id = new.campaign_id;
  if new.status in ('failed', 'callback') then
    new.next_attempt_at := case
      when new.attempts >= c.max_attempts then null
      when new.status = 'callback' and new.callback_at is not null then new.callback_at
      else coalesce(new.last_attempt_at, pg_catalog.now()) + pg_catalog.make_interval(secs => c.retry_interval) end;
  elsif new.status in ('completed', 'do-not-call') then
    new.next_attempt_at := null;
  end if;
  return new;
end
$$;
comment on function dialbridge.schedule_next_attempt() is 'Trigger function (seed 003''s name): a failed contact is retried retry_interval after its last attempt, a callback at its own time (else after retry_interval); never once max_attempts calls were made; completed and do-not-call contacts are not scheduled.';
drop trigger if exists _200_schedule on public.campaign_contacts;
create trigger _200_schedule before insert or update on public.campaign_contacts
  for each row execute function dialbridge.schedule_next_attempt();

/** A campaign contact's zones and state come from its contact (kept current by the contact's trigger). */
create or replace function dialbridge.tg_campaign_contacts__place() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  k public.contacts;
begin
  if tg_op = 'UPDATE' and new.contact_id = old.contact_id and new.phone_number = old.phone_number then
    return new;
  end if;
  select * into k from public.contacts where id = new.contact_id;
  new.time_zones := dialbridge.called_party_time_zones(k.timezone, k.state, k.zip, new.phone_number);
  new.calling_state := dialbridge.called_party_state(k.state, k.zip, new.phone_number);
  new.place_id := dialbridge.calling_place_id(new.time_zones, new.calling_state);
  return new;
end
$$;
comment on function dialbridge.tg_campaign_contacts__place() is 'Trigger function: a campaign contact''s candidate time zones and calling state, from its contact''s zone, state and ZIP and the dialed number.';
drop trigger if exists _100_place on public.campaign_contacts;
create trigger _100_place before insert or update of contact_id, phone_number on public.campaign_contacts
  for each row execute function dialbridge.tg_campaign_contacts__place();

create or replace function dialbridge.tg_contacts__refresh_campaign_places() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.campaign_contacts cc
     set time_zones = p.zones, calling_state = p.state, place_id = dialbridge.calling_place_id(p.zones, p.state)
    from (select x.id,
                 dialbridge.called_party_time_zones(new.timezone, new.state, new.zip, x.phone_number) as zones,
                 dialbridge.called_party_state(new.state, new.zip, x.phone_number) as state
            from public.campaign_contacts x where x.contact_id = new.id) p
   where cc.id = p.id;
  return null;
end
$$;
comment on function dialbridge.tg_contacts__refresh_campaign_places() is 'Trigger function: when a contact''s time zone, state or ZIP changes, its campaign contacts'' calling zones and state follow.';
drop trigger if exists _950_refresh_campaign_places on public.contacts;
create trigger _950_refresh_campaign_places after update of timezone, state, zip on public.contacts
  for each row when ((old.timezone, old.state, old.zip) is distinct from (new.timezone, new.state, new.zip))
  execute function dialbridge.tg_contacts__refresh_campaign_places();

-- ---------------------------------------------------------------------------------------------------
-- Row-level security and grants: a rep manages their own campaigns, calls and dispositions and sees only
-- the contacts of their campaigns; managers their team's; admins everything
-- ---------------------------------------------------------------------------------------------------
do $$
declare t text;
begin
  foreach t in array array['dialer_campaigns', 'dialer_campaign_agents', 'call_logs', 'campaign_contacts',
                           'call_dispositions', 'call_recordings', 'voicemail_drops', 'voicemail_drop_uses',
                           'dialer_agent_states', 'voipstudio_credentials'] loop
    execute pg_catalog.format('alter table public.%I enable row level security', t);
    execute pg_catalog.format('revoke all on table public.%I from public, anon, authenticated', t);
    execute pg_catalog.format('grant all on table public.%I to service_role', t);
  end loop;
end
$$;
revoke all on public.dialer_queues from public, anon, authenticated;
revoke all on sequence public.campaign_contacts_queue_position_seq from public, anon, authenticated;
grant select on public.dialer_queues to authenticated, service_role;

-- campaigns
drop policy if exists "Users see the campaigns they own, dial or manage" on public.dialer_campaigns;
create policy "Users see the campaigns they own, dial or manage" on public.dialer_campaigns for select to authenticated
  using (user_id = (select auth.uid()) or (select dialbridge.is_admin())
         or (team_id = (select dialbridge.current_team_id()) and (select dialbridge.current_app_role()) = 'manager')
         or (team_id = (select dialbridge.current_team_id()) and (select dialbridge.is_campaign_agent(id))));
drop policy if exists "Users create their own campaigns" on public.dialer_campaigns;
create policy "Users create their own campaigns" on public.dialer_campaigns for insert to authenticated
  with check (user_id = (select auth.uid()) and (select dialbridge.current_team_id()) is not null or (select dialbridge.is_admin()));
drop policy if exists "Owners and managers change campaigns" on public.dialer_campaigns;
create policy "Owners and managers change campaigns" on public.dialer_campaigns for update to authenticated
  using ((select dialbridge.can_manage_campaign(id)))
  with check (user_id = (select auth.uid()) or (select dialbridge.is_admin())
              or exists (select 1 from public.profiles p where p.id = user_id
                          and p.team_id = (select dialbridge.current_team_id()) and (select dialbridge.current_app_role()) = 'manager'));
drop policy if exists "Owners and managers delete campaigns" on public.dialer_campaigns;
create policy "Owners and managers delete campaigns" on public.dialer_campaigns for delete to authenticated
  using ((select dialbridge.can_manage_campaign(id)));
grant select, delete on public.dialer_campaigns to authenticated;
grant insert (id, user_id, name, description, type, status, caller_id, script, max_attempts, retry_interval,
              active_hours, timezone, reservation_timeout_seconds, voicemail_drop_id) on public.dialer_campaigns to authenticated;
grant update (user_id, name, description, type, status, caller_id, script, max_attempts, retry_interval,
              active_hours, timezone, reservation_timeout_seconds, voicemail_drop_id) on public.dialer_campaigns to authenticated;

-- agents of a campaign
drop policy if exists "Users see the agents of campaigns they see" on public.dialer_campaign_agents;
create policy "Users see the agents of campaigns they see" on public.dialer_campaign_agents for select to authenticated
  using ((select dialbridge.can_see_campaign(campaign_id)));
drop policy if exists "Owners and managers add agents" on public.dialer_campaign_agents;
create policy "Owners and managers add agents" on public.dialer_campaign_agents for insert to authenticated
  with check ((select dialbridge.can_manage_campaign(campaign_id)));
drop policy if exists "Owners and managers remove agents" on public.dialer_campaign_agents;
create policy "Owners and managers remove agents" on public.dialer_campaign_agents for delete to authenticated
  using ((select dialbridge.can_manage_campaign(campaign_id)));
grant select, delete on public.dialer_campaign_agents to authenticated;
grant insert (campaign_id, user_id) on public.dialer_campaign_agents to authenticated;

-- campaign contacts (added through public.add_campaign_contacts, which matches or creates the contact)
drop policy if exists "Users see the contacts of campaigns they see" on public.campaign_contacts;
create policy "Users see the contacts of campaigns they see" on public.campaign_contacts for select to authenticated
  using ((select dialbridge.can_see_campaign(campaign_id)));
drop policy if exists "Owners and managers change campaign contacts" on public.campaign_contacts;
create policy "Owners and managers change campaign contacts" on public.campaign_contacts for update to authenticated
  using ((select dialbridge.can_manage_campaign(campaign_id))) with check ((select dialbridge.can_manage_campaign(campaign_id)));
drop policy if exists "Owners and managers remove campaign contacts" on public.campaign_contacts;
create policy "Owners and managers remove campaign contacts" on public.campaign_contacts for delete to authenticated
  using ((select dialbridge.can_manage_campaign(campaign_id)));
grant select, delete on public.campaign_contacts to authenticated;
grant update (priority, scheduled_at, first_name, last_name, email, company, metadata) on public.campaign_contacts to authenticated;

-- call logs
drop policy if exists "Users see their calls and their campaigns' calls" on public.call_logs;
create policy "Users see their calls and their campaigns' calls" on public.call_logs for select to authenticated
  using (user_id = (select auth.uid()) or (select dialbridge.is_admin())
         or (team_id = (select dialbridge.current_team_id()) and (select dialbridge.current_app_role()) = 'manager')
         or (campaign_id is not null and (select dialbridge.can_see_campaign(campaign_id))));
drop policy if exists "Users log their own calls" on public.call_logs;
create policy "Users log their own calls" on public.call_logs for insert to authenticated
  with check (user_id = (select auth.uid()) and (campaign_id is null or (select dialbridge.can_see_campaign(campaign_id))));
drop policy if exists "Users update their own calls, managers their team's" on public.call_logs;
create policy "Users update their own calls, managers their team's" on public.call_logs for update to authenticated
  using (user_id = (select auth.uid()) or (select dialbridge.is_admin())
         or (team_id = (select dialbridge.current_team_id()) and (select dialbridge.current_app_role()) = 'manager'))
  with check (user_id = (select auth.uid()) or (select dialbridge.is_admin())
         or (team_id = (select dialbridge.current_team_id()) and (select dialbridge.current_app_role()) = 'manager'));
drop policy if exists "Users delete their own calls, managers their team's" on public.call_logs;
create policy "Users delete their own calls, managers their team's" on public.call_logs for delete to authenticated
  using (user_id = (select auth.uid()) or (select dialbridge.is_admin())
         or (team_id = (select dialbridge.current_team_id()) and (select dialbridge.current_app_role()) = 'manager'));
grant select, delete on public.call_logs to authenticated;
grant insert (id, user_id, direction, from_number, to_number, status, duration, recording_url, notes, lead_id,
              campaign_id, campaign_contact_id, contact_id, metadata, started_at, answered_at, ended_at) on public.call_logs to authenticated;
grant update (status, notes, duration, recording_url, metadata, ended_at) on public.call_logs to authenticated;

-- dispositions
drop policy if exists "Users see the dispositions of calls they see" on public.call_dispositions;
create policy "Users see the dispositions of calls they see" on public.call_dispositions for select to authenticated
  using ((select dialbridge.can_see_call_log(call_id)));
drop policy if exists "Users disposition calls they see" on public.call_dispositions;
create policy "Users disposition calls they see" on public.call_dispositions for insert to authenticated
  with check (user_id = (select auth.uid()) and (select dialbridge.can_see_call_log(call_id)));
drop policy if exists "Users change their own dispositions, managers their team's" on public.call_dispositions;
create policy "Users change their own dispositions, managers their team's" on public.call_dispositions for update to authenticated
  using (user_id = (select auth.uid()) or (select dialbridge.is_manager_or_admin()) and (select dialbridge.can_see_call_log(call_id)))
  with check ((select dialbridge.can_see_call_log(call_id)));
grant select on public.call_dispositions to authenticated;
grant insert (id, call_id, user_id, disposition, notes, follow_up_date) on public.call_dispositions to authenticated;
grant update (notes) on public.call_dispositions to authenticated;

-- recordings (written from VoIPStudio's history by the service role)
drop policy if exists "Users see the recordings of calls they see" on public.call_recordings;
create policy "Users see the recordings of calls they see" on public.call_recordings for select to authenticated
  using ((select dialbridge.can_see_call_log(call_id)));
grant select on public.call_recordings to authenticated;

-- voicemail drops: admins manage the library, everyone of a team uses theirs
drop policy if exists "Users see their team's voicemail drops" on public.voicemail_drops;
create policy "Users see their team's voicemail drops" on public.voicemail_drops for select to authenticated
  using (team_id is null or team_id = (select dialbridge.current_team_id()) or (select dialbridge.is_admin()));
drop policy if exists "Admins add voicemail drops" on public.voicemail_drops;
create policy "Admins add voicemail drops" on public.voicemail_drops for insert to authenticated with check ((select dialbridge.is_admin()));
drop policy if exists "Admins change voicemail drops" on public.voicemail_drops;
create policy "Admins change voicemail drops" on public.voicemail_drops for update to authenticated
  using ((select dialbridge.is_admin())) with check ((select dialbridge.is_admin()));
drop policy if exists "Admins delete voicemail drops" on public.voicemail_drops;
create policy "Admins delete voicemail drops" on public.voicemail_drops for delete to authenticated using ((select dialbridge.is_admin()));
grant select, delete on public.voicemail_drops to authenticated;
grant insert (id, user_id, team_id, name, audio_url, duration, is_active) on public.voicemail_drops to authenticated;
grant update (team_id, name, audio_url, duration, is_active) on public.voicemail_drops to authenticated;
drop policy if exists "Users see the drops on calls they see" on public.voicemail_drop_uses;
create policy "Users see the drops on calls they see" on public.voicemail_drop_uses for select to authenticated
  using ((select dialbridge.can_see_call_log(call_id)));
grant select on public.voicemail_drop_uses to authenticated;

-- agent availability (written through public.set_agent_availability and by the events)
drop policy if exists "Users see their own state, managers their team's" on public.dialer_agent_states;
create policy "Users see their own state, managers their team's" on public.dialer_agent_states for select to authenticated
  using (user_id = (select auth.uid()) or (select dialbridge.is_admin())
         or ((select dialbridge.current_app_role()) = 'manager'
             and exists (select 1 from public.profiles p where p.id = user_id and p.team_id = (select dialbridge.current_team_id()))));
grant select on public.dialer_agent_states to authenticated;

-- VoIPStudio credentials: a rep writes their own; the token is never readable through the API
drop policy if exists "Users see their own VoIPStudio settings, admins all" on public.voipstudio_credentials;
create policy "Users see their own VoIPStudio settings, admins all" on public.voipstudio_credentials for select to authenticated
  using (user_id = (select auth.uid()) or (select dialbridge.is_admin()));
drop policy if exists "Users add their own VoIPStudio settings" on public.voipstudio_credentials;
create policy "Users add their own VoIPStudio settings" on public.voipstudio_credentials for insert to authenticated
  with check (user_id = (select auth.uid()));
drop policy if exists "Users change their own VoIPStudio settings" on public.voipstudio_credentials;
create policy "Users change their own VoIPStudio settings" on public.voipstudio_credentials for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
drop policy if exists "Users remove their own VoIPStudio settings, admins any" on public.voipstudio_credentials;
create policy "Users remove their own VoIPStudio settings, admins any" on public.voipstudio_credentials for delete to authenticated
  using (user_id = (select auth.uid()) or (select dialbridge.is_admin()));
grant select (user_id, voipstudio_user_id, has_api_token, created_at, updated_at) on public.voipstudio_credentials to authenticated;
grant insert (user_id, voipstudio_user_id, api_token) on public.voipstudio_credentials to authenticated;
grant update (voipstudio_user_id, api_token) on public.voipstudio_credentials to authenticated;
grant delete on public.voipstudio_credentials to authenticated;

/** A rep's VoIPStudio user id and token (service role only: the browser never reads tokens). */
create or replace function dialbridge.voipstudio_credentials_of(p_user_id uuid)
returns table (voipstudio_user_id text, api_token text)
language sql stable security definer set search_path = ''
as $$ select c.voipstudio_user_id, c.api_token from public.voipstudio_credentials c where c.user_id = p_user_id $$;
comment on function dialbridge.voipstudio_credentials_of(uuid) is 'A rep''s VoIPStudio user id and API token (service role only: the browser never reads tokens).';
revoke all on function dialbridge.voipstudio_credentials_of(uuid) from public, authenticated;
grant execute on function dialbridge.voipstudio_credentials_of(uuid) to service_role;

-- ---------------------------------------------------------------------------------------------------
-- Compliance: the push's blocking rules, once, for the push and the dialer
-- ---------------------------------------------------------------------------------------------------
/**
 * What blocks dialing each (contact, number) pair, strongest first per pair — the platform's one rule: legal
 * and internal do-not-call and suppressions of the contact or its number (dialbridge.suppression_statuses),
 * and a number marked do-not-call on any other contact. A pair may name no contact (a number typed by hand).
 */
create or replace function dialbridge.dial_blocks(p_contact_ids uuid[], p_phones text[], as_of timestamptz default now())
returns table (ordinality bigint, contact_id uuid, block text, detail text, blocked_until timestamptz)
language sql stable security definer set search_path = ''
as $$
  with input as (
    select i.n as ordinality, i.contact_id, dialbridge.suppression_phone(i.phone) as phone_e164
      from unnest(p_contact_ids, p_phones) with ordinality as i (contact_id, phone, n)
  ), hits as (
    select s.ordinality, s.contact_id,
           case when s.is_legal then 'legal_dnc' when s.until is null then 'internal_dnc' else 'suppressed' end as kind,
           case when s.is_legal and s.reason = 'user_requested' then 'Requested removal'
                when s.is_legal and s.reason = 'legal_requirement' then 'Legal DNC list'
                else coalesce(dialbridge.humanize_reason(s.reason), 'Suppressed') end as detail,
           s.until, 1 as src
      from dialbridge.suppression_statuses(p_contact_ids, p_phones, as_of) s
     where s.is_suppressed
    union all
    select i.ordinality, i.contact_id, 'legal_dnc',
           case when i.contact_id is null then 'Number marked do-not-call' else 'Number marked do-not-call on another contact' end,
           null::timestamptz, 2
      from input i
     where i.phone_e164 is not null
       and exists (select 1 from public.contacts o
                    where o.phone_e164 = i.phone_e164 and o.id is distinct from i.contact_id and o.do_not_call)
  )
  select distinct on (h.ordinality) h.ordinality, h.contact_id, h.kind, h.detail, h.until
    from hits h
   order by h.ordinality, case h.kind when 'legal_dnc' then 1 when 'internal_dnc' then 2 else 3 end,
            h.until desc nulls first, h.src
$$;
comment on function dialbridge.dial_blocks(uuid[], text[], timestamptz) is
'What blocks dialing each (contact, number) pair, strongest first per pair: legal_dnc, internal_dnc (no end date) or suppressed (with the end date) — the disposition engine''s suppression rules (dialbridge.suppression_statuses) plus a number marked do-not-call on any other contact. The contact may be null (a number typed by hand). No visibility filter: service role and the platform''s own security-definer functions only.';
revoke all on function dialbridge.dial_blocks(uuid[], text[], timestamptz) from public, authenticated;
grant execute on function dialbridge.dial_blocks(uuid[], text[], timestamptz) to service_role;

/** What blocks dialing each contact (dialbridge.dial_blocks over the contacts and their numbers). */
create or replace function dialbridge.contact_blocks(p_contact_ids uuid[], as_of timestamptz default now())
returns table (contact_id uuid, block text, detail text, blocked_until timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_ids uuid[];
  v_phones text[];
begin
  -- the rules are asked only about contacts with something to find (do-not-call flag, a suppression row of
  -- the contact or of its number, another contact marking its number do-not-call): the same answer, without
  -- normalising thousands of clean numbers again (a valid phone_e164 is its own suppression key)
  select pg_catalog.array_agg(c.id order by c.id), pg_catalog.array_agg(coalesce(c.phone_e164, c.phone) order by c.id)
    into v_ids, v_phones
    from public.contacts c
   where c.id = any (p_contact_ids)
     and (c.do_not_call
          or exists (select 1 from public.suppressions s where s.contact_id = c.id)
          or exists (select 1 from public.suppressions s
                      where s.phone_e164 = coalesce(c.phone_e164, dialbridge.suppression_phone(c.phone)))
          or (c.phone_e164 is not null
              and exists (select 1 from public.contacts o where o.phone_e164 = c.phone_e164 and o.id <> c.id and o.do_not_call)));
  return query
  select b.contact_id, b.block, b.detail, b.blocked_until
    from dialbridge.dial_blocks(coalesce(v_ids, '{}'), coalesce(v_phones, '{}'), as_of) b;
end
$$;
comment on function dialbridge.contact_blocks(uuid[], timestamptz) is
'What blocks dialing each contact, strongest first per contact (dialbridge.dial_blocks over the contacts and their numbers), asked only about contacts with something to find. No visibility filter (service role and the platform''s own security-definer functions only): dialbridge.push_blocks filters it for the API, the dialing queue checks the campaign.';
revoke all on function dialbridge.contact_blocks(uuid[], timestamptz) from public, authenticated;
grant execute on function dialbridge.contact_blocks(uuid[], timestamptz) to service_role;

create or replace function dialbridge.push_blocks(p_contact_ids uuid[], as_of timestamptz default now())
returns table (contact_id uuid, block text, detail text, blocked_until timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_all boolean;
  v_team uuid;
begin
  if v_uid is null then
    -- server-side callers only: the service role, or a direct connection without request claims
    v_all := coalesce(auth.role(), 'service_role') = 'service_role';
  else
    v_all := dialbridge.is_admin();
    v_team := dialbridge.current_team_id();
  end if;
  if not v_all and v_team is null then
    return;
  end if;
  return query
  select b.* from dialbridge.contact_blocks(
    array(select c.id from public.contacts c where c.id = any (p_contact_ids) and (v_all or c.team_id = v_team)), as_of) b;
end
$$;
comment on function dialbridge.push_blocks(uuid[], timestamptz) is
'What blocks dialing each contact (dialbridge.contact_blocks), for the contacts the caller can see (explicit team check): a number''s legal status is found whatever team recorded it, and callers only learn about contacts they can see, never about the other rows. Set-based for the preview''s 10,000-contact lists.';

-- ---------------------------------------------------------------------------------------------------
-- The dialing queue
-- ---------------------------------------------------------------------------------------------------
/** The agent a queue call acts for: the signed-in user, or (service role only) the one named. */
create or replace function dialbridge.dialer_agent(p_agent_id uuid) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  if auth.uid() is not null then
    if p_agent_id is not null and p_agent_id <> auth.uid() then
      raise exception 'you can only dial for yourself' using errcode = '42501';
    end if;
    return auth.uid();
  end if;
  if coalesce(auth.role(), 'service_role') <> 'service_role' then
    raise exception 'sign in to dial' using errcode = '42501';
  end if;
  if p_agent_id is null then
    raise exception 'name the agent to dial for' using errcode = '22023';
  end if;
  return p_agent_id;
end
$$;
comment on function dialbridge.dialer_agent(uuid) is 'The agent a dialing call acts for: the signed-in user (who may not name another), or for the service role (the power dialer) the agent it names.';

/** "09:00" when t is on as_of's local day in the zone, else "Mon 09:00" (within a week) or "2027-01-04 09:00". */
create or replace function dialbridge.local_clock_text(p_t timestamptz, p_time_zone text, as_of timestamptz)
returns text
language sql stable parallel safe set search_path = ''
as $$
  select case when (p_t at time zone p_time_zone)::date = (as_of at time zone p_time_zone)::date
              then pg_catalog.to_char(p_t at time zone p_time_zone, 'HH24:MI')
              when p_t < as_of + interval '6 days' then pg_catalog.to_char(p_t at time zone p_time_zone, 'Dy HH24:MI')
              else pg_catalog.to_char(p_t at time zone p_time_zone, 'YYYY-MM-DD HH24:MI') end
$$;
comment on function dialbridge.local_clock_text(timestamptz, text, timestamptz) is 'A moment as a wall clock in a zone, relative to as_of: "09:00" the same local day, "Mon 09:00" within the week, else the date.';

/** Why a campaign's queue has nothing to hand out now, and when it will. */
create or replace function dialbridge.empty_queue_reason(p_campaign public.dialer_campaigns, as_of timestamptz)
returns table (reason text, detail text, available_at timestamptz)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_left integer;
  v_reserved integer;
  v_blocked integer;
  v_due timestamptz;
  v_open timestamptz;
  v_tz text := p_campaign.timezone;
begin
  select count(*) filter (where cc.status in ('pending', 'failed', 'callback') and cc.attempts < p_campaign.max_attempts
                                and not k.do_not_call and not k.phone_number_invalid),
         count(*) filter (where cc.status = 'calling'),
         count(*) filter (where cc.status in ('pending', 'failed', 'callback') and cc.attempts < p_campaign.max_attempts
                                and (k.do_not_call or k.phone_number_invalid))
    into v_left, v_reserved, v_blocked
    from public.campaign_contacts cc join public.contacts k on k.id = cc.contact_id
   where cc.campaign_id = p_campaign.id;
  if v_left = 0 then
    return query select case when v_reserved > 0 then 'all_reserved' else 'nothing_left' end,
      case when v_reserved > 0 then pg_catalog.format('Every contact left is with an agent (%s)', v_reserved)
           else 'Nothing left to dial' || case when v_blocked > 0 then pg_catalog.format(' (%s blocked: do-not-call or invalid number)', v_blocked) else '' end end,
      null::timestamptz;
    return;
  end if;
  -- the contact that opens first: its retry or schedule (due), then its calling window (open)
  select g.due, dialbridge.callable_from(g.time_zones, g.calling_state, p_campaign.active_hours, v_tz, g.due) as open
    into v_due, v_open
    from (select p.time_zones, p.calling_state, d.due
            from (select cc.place_id, greatest(cc.next_attempt_at, cc.scheduled_at, as_of) as due
                    from public.campaign_contacts cc join public.contacts k on k.id = cc.contact_id
                   where cc.campaign_id = p_campaign.id and cc.status in ('pending', 'failed', 'callback')
                     and cc.attempts < p_campaign.max_attempts and not k.do_not_call and not k.phone_number_invalid
                   group by 1, 2) d
            join dialbridge.calling_places p on p.id = d.place_id) g
   order by 2 nulls last, 1
   limit 1;
  if v_open is not null and v_open <= as_of then
    -- callable now, yet not handed out: held by another campaign's agent (or being reserved right now)
    return query select 'all_reserved', 'The contacts callable now are with other agents or campaigns; try again shortly', as_of;
  elsif v_open is not null and v_open = v_due then
    return query select 'waiting_for_retry',
      pg_catalog.format('Nothing to dial now: the next retry is due at %s (%s)', dialbridge.local_clock_text(v_open, v_tz, as_of), v_tz), v_open;
  else
    return query select 'outside_hours',
      case when v_open is null then 'Nothing to dial now: everyone left is outside calling hours for the next 8 days'
           else pg_catalog.format('Nothing to dial now: everyone left is outside calling hours until %s (%s)',
                                  dialbridge.local_clock_text(v_open, v_tz, as_of), v_tz) end,
      v_open;
  end if;
end
$$;
comment on function dialbridge.empty_queue_reason(public.dialer_campaigns, timestamptz) is 'Why a campaign''s queue hands nothing out now: nothing_left (with the blocked count), all_reserved, waiting_for_retry (until the next retry) or outside_hours (until the earliest opening of a contact''s calling window, in the campaign''s zone).';

/**
 * Reserves and returns the next contact the agent should call in a campaign, or — one row with no contact —
 * why there is none (queue_status: campaign_not_active, nothing_left, all_reserved, waiting_for_retry,
 * outside_hours, with detail and available_at).
 */
create or replace function public.next_contact_to_dial(p_campaign_id uuid, p_agent_id uuid default null, as_of timestamptz default now())
returns table (campaign_contact_id uuid, contact_id uuid, phone_number text, first_name text, last_name text,
               company text, email text, attempts integer, is_callback boolean, reserved_until timestamptz,
               script text, queue_status text, detail text, available_at timestamptz)
language plpgsql security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  v_agent uuid := dialbridge.dialer_agent(p_agent_id);
  v_c public.dialer_campaigns;
  v_cc public.campaign_contacts;
  v_skip uuid[] := '{}';
  v_open bigint[];
  v_block record;
  i integer;
begin
  select * into v_c from public.dialer_campaigns c where c.id = p_campaign_id;
  if not found or not (
       v_c.user_id = v_agent
       or exists (select 1 from public.dialer_campaign_agents a where a.campaign_id = v_c.id and a.user_id = v_agent)
       or (auth.uid() is not null and dialbridge.can_manage_campaign(v_c.id))) then
    raise exception 'campaign % not found or not yours to dial', p_campaign_id using errcode = '42501';
  end if;
  if v_c.status <> 'active' then
    return query select null::uuid, null::uuid, null::text, null::text, null::text, null::text, null::text, null::integer,
      null::boolean, null::timestamptz, v_c.script, 'campaign_not_active', pg_catalog.format('The campaign is %s', v_c.status), null::timestamptz;
    return;
  end if;

  -- reservations nobody followed with a call go back to the queue
  update public.campaign_contacts cc
     set status = coalesce(cc.reserved_from_status, 'pending'), reserved_by = null, reserved_at = null,
         reserved_until = null, reserved_from_status = null, reserved_for_call_id = null
   where cc.id in (select x.id from public.campaign_contacts x
                    where x.campaign_id = v_c.id and x.status = 'calling' and x.reserved_until <= as_of
                    for update skip locked);

  -- calling hours, once per place (a handful), not once per contact
  v_open := array(select p.id from dialbridge.calling_places p
                   where dialbridge.is_callable_at(p.time_zones, p.calling_state, v_c.active_hours, v_c.timezone, as_of));
  for i in 1 .. 50 loop
    select cc.* into v_cc
      from public.campaign_contacts cc
      join public.contacts k on k.id = cc.contact_id
     where cc.campaign_id = v_c.id
       and cc.status in ('pending', 'failed', 'callback')
       and cc.attempts < v_c.max_attempts
       and (cc.next_attempt_at is null or cc.next_attempt_at <= as_of)
       and (cc.scheduled_at is null or cc.scheduled_at <= as_of)
       and not k.do_not_call and not k.phone_number_invalid
       and cc.id <> all (v_skip)
       and cc.place_id = any (v_open)
       and not exists (select 1 from public.campaign_contacts o
                        where o.contact_id = cc.contact_id and o.status = 'calling' and o.id <> cc.id)
       -- predictive campaigns leave alone a contact whose call was abandoned within the cooldown
       and (v_c.type <> 'predictive' or not exists (
             select 1 from public.call_logs al join public.dialer_campaigns ac on ac.id = al.campaign_id
              where al.contact_id = cc.contact_id and al.abandoned and ac.type = 'predictive'
                and al.abandoned_at > as_of - pg_catalog.make_interval(secs => v_c.abandon_cooldown_seconds)))
     order by cc.is_callback desc, cc.priority desc, cc.queue_due_at, cc.attempts, cc.queue_position
     limit 1
       for update of cc skip locked;
    exit when not found;

    -- one contact is never in two campaigns' hands: whoever holds its lock decides, then the
    -- reservation is checked again with what has committed since
    if not pg_catalog.pg_try_advisory_xact_lock(pg_catalog.hashtextextended('dialbridge.dial:' || v_cc.contact_id::text, 0))
       or exists (select 1 from public.campaign_contacts o
                   where o.contact_id = v_cc.contact_id and o.status = 'calling' and o.id <> v_cc.id) then
      v_skip := v_skip || v_cc.id;
      continue;
    end if;

    -- the platform's compliance rules, in this transaction
    select b.* into v_block from dialbridge.contact_blocks(array[v_cc.contact_id], as_of) b;
    if found then
      if v_block.block in ('legal_dnc', 'internal_dnc') then
        update public.campaign_contacts set status = 'do-not-call', skip_reason = v_block.detail where id = v_cc.id;
      else
        update public.campaign_contacts set next_attempt_at = v_block.blocked_until, skip_reason = v_block.detail where id = v_cc.id;
      end if;
      v_skip := v_skip || v_cc.id;
      continue;
    end if;

    update public.campaign_contacts cc
       set reserved_from_status = cc.status, status = 'calling', reserved_by = v_agent, reserved_at = as_of, reserved_for_call_id = null,
           reserved_until = as_of + pg_catalog.make_interval(secs => v_c.reservation_timeout_seconds)
     where cc.id = v_cc.id
    returning cc.* into v_cc;
    return query select v_cc.id, v_cc.contact_id, v_cc.phone_number, v_cc.first_name, v_cc.last_name, v_cc.company,
      v_cc.email, v_cc.attempts, v_cc.reserved_from_status = 'callback', v_cc.reserved_until, v_c.script,
      'reserved', null::text, as_of;
    return;
  end loop;

  return query select null::uuid, null::uuid, null::text, null::text, null::text, null::text, null::text, null::integer,
    null::boolean, null::timestamptz, v_c.script, r.reason, r.detail, r.available_at
    from dialbridge.empty_queue_reason(v_c, as_of) r;
end
$$;
comment on function public.next_contact_to_dial(uuid, uuid, timestamptz) is
'The dialing queue: reserves the next contact of an active campaign for the agent (the signed-in user; the service role names one) and returns it — due callbacks first, then priority, then the scheduled or next-attempt time, then the fewest attempts. FOR UPDATE SKIP LOCKED: concurrent agents never get the same contact, and a per-contact lock keeps a contact out of two campaigns'' hands. Never returns a contact on do-not-call or suppressed (dialbridge.contact_blocks, same transaction: legal or internal do-not-call marks it do-not-call, a timed suppression postpones it), with an invalid number, out of attempts, or whose local time (every candidate zone) is outside the campaign''s active hours or the legal window; a predictive campaign also skips a contact whose predictive call was abandoned within its abandon_cooldown_seconds. A reservation not followed by a call within reservation_timeout_seconds returns to the queue. When it has none: one row without a contact, queue_status campaign_not_active, nothing_left, all_reserved, waiting_for_retry or outside_hours, with detail ("…until 09:00 (America/New_York)") and available_at.';
revoke all on function public.next_contact_to_dial(uuid, uuid, timestamptz) from public;
grant execute on function public.next_contact_to_dial(uuid, uuid, timestamptz) to authenticated, service_role;

/** Preview mode: the agent skips the contact it was handed, with a reason; it returns to the queue later. */
create or replace function public.skip_campaign_contact(p_campaign_contact_id uuid, p_reason text, as_of timestamptz default now())
returns public.campaign_contacts
language plpgsql security definer set search_path = ''
as $$
declare
  v_cc public.campaign_contacts;
  v_c public.dialer_campaigns;
begin
  if nullif(pg_catalog.btrim(p_reason), '') is null then
    raise exception 'say why the contact is skipped' using errcode = '22023';
  end if;
  select * into v_cc from public.campaign_contacts where id = p_campaign_contact_id for update;
  if not found or not (v_cc.reserved_by = auth.uid() or dialbridge.can_manage_campaign(v_cc.campaign_id)) then
    raise exception 'campaign contact % is not reserved for you', p_campaign_contact_id using errcode = '42501';
  end if;
  if v_cc.status <> 'calling' or exists (select 1 from public.call_logs l where l.campaign_contact_id = v_cc.id
                                           and l.status in ('initiated', 'ringing', 'answered')) then
    raise exception 'campaign contact % is not waiting for a decision', p_campaign_contact_id using errcode = '55000';
  end if;
  select * into v_c from public.dialer_campaigns where id = v_cc.campaign_id;
  update public.campaign_contacts cc
     set status = coalesce(cc.reserved_from_status, 'pending'), reserved_by = null, reserved_at = null,
         reserved_until = null, reserved_from_status = null, reserved_for_call_id = null, skip_reason = pg_catalog.btrim(p_reason), skipped_at = as_of,
         next_attempt_at = as_of + pg_catalog.make_interval(secs => greatest(v_c.retry_interval, 60))
   where cc.id = v_cc.id
  returning cc.* into v_cc;
  return v_cc;
end
$$;
comment on function public.skip_campaign_contact(uuid, text, timestamptz) is 'Preview dialing: the agent (or a manager) skips the contact it was handed, with a reason (22023 without one); it returns to the queue after the campaign''s retry interval (at least a minute), without counting an attempt.';
revoke all on function public.skip_campaign_contact(uuid, text, timestamptz) from public;
grant execute on function public.skip_campaign_contact(uuid, text, timestamptz) to authenticated, service_role;

/** Power dialing: the agent goes available, pauses or goes offline (events set ringing, on call, wrap-up). */
create or replace function public.set_agent_availability(p_state text, p_campaign_id uuid default null, p_agent_id uuid default null)
returns public.dialer_agent_states
language plpgsql security definer set search_path = ''
as $$
declare
  v_agent uuid := dialbridge.dialer_agent(p_agent_id);
  v_row public.dialer_agent_states;
begin
  if p_state not in ('available', 'paused', 'offline') then
    raise exception 'an agent can be available, paused or offline, not %', p_state using errcode = '22023';
  end if;
  if p_campaign_id is not null and not exists (
       select 1 from public.dialer_campaigns c where c.id = p_campaign_id
          and (c.user_id = v_agent or exists (select 1 from public.dialer_campaign_agents a where a.campaign_id = c.id and a.user_id = v_agent))) then
    raise exception 'campaign % not found or not yours to dial', p_campaign_id using errcode = '42501';
  end if;
  insert into public.dialer_agent_states as s (user_id, state, campaign_id, since)
  values (v_agent, p_state, p_campaign_id, pg_catalog.clock_timestamp())
  on conflict (user_id) do update
    set state = excluded.state, since = excluded.since,
        campaign_id = coalesce(excluded.campaign_id, case when excluded.state = 'offline' then null else s.campaign_id end),
        current_call_id = case when excluded.state = 'offline' then null else s.current_call_id end
  returning s.* into v_row;
  return v_row;
end
$$;
comment on function public.set_agent_availability(text, uuid, uuid) is 'Power dialing: the agent (the signed-in user; the service role names one) goes available (on a campaign they dial), paused or offline. VoIPStudio''s events move them through ringing, on_call and wrap_up; the latest state wins.';
revoke all on function public.set_agent_availability(text, uuid, uuid) from public;
grant execute on function public.set_agent_availability(text, uuid, uuid) to authenticated, service_role;

/** An agent who goes available on a power campaign gets their next call: the worker's job is queued here. */
create or replace function dialbridge.tg_dialer_agent_states__queue_power_dial() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (select 1 from public.dialer_campaigns c where c.id = new.campaign_id and c.status = 'active'
                and c.type in ('power', 'predictive')) then
    begin
      perform graphile_worker.add_job('dialer_agent_states__power_dial', pg_catalog.json_build_object('user_id', new.user_id),
        job_key := 'dialer_agent_states__power_dial:' || new.user_id, job_key_mode := 'replace');
    exception when others then
      raise warning 'dialbridge: could not queue the power dialer for agent % (%): the minute sweep will', new.user_id, sqlstate;
    end;
  end if;
  return null;
end
$$;
comment on function dialbridge.tg_dialer_agent_states__queue_power_dial() is 'Trigger function: an agent who becomes available on an active power (or predictive) campaign gets the worker''s dialer_agent_states__power_dial job (coalesced per agent); if it cannot be queued, the minute sweep dials.';
drop trigger if exists _900_queue_power_dial on public.dialer_agent_states;
create trigger _900_queue_power_dial after insert or update of state, campaign_id on public.dialer_agent_states
  for each row when (new.state = 'available' and new.campaign_id is not null)
  execute function dialbridge.tg_dialer_agent_states__queue_power_dial();

/** Agents free for their power (or predictive) campaign's next call. */
create or replace view dialbridge.dialer_agents_ready as
select s.user_id, s.campaign_id, s.since, c.type
  from public.dialer_agent_states s
  join public.dialer_campaigns c on c.id = s.campaign_id
 where s.state = 'available' and c.status = 'active' and c.type in ('power', 'predictive');
comment on view dialbridge.dialer_agents_ready is 'Agents available on an active power or predictive campaign: the power dialer starts their next call (public.next_contact_to_dial, then click-to-call).';
comment on column dialbridge.dialer_agents_ready.user_id is 'The agent.';
comment on column dialbridge.dialer_agents_ready.campaign_id is 'The campaign.';
comment on column dialbridge.dialer_agents_ready.since is 'Free since.';
comment on column dialbridge.dialer_agents_ready.type is 'power or predictive.';
revoke all on dialbridge.dialer_agents_ready from public, authenticated;
grant select on dialbridge.dialer_agents_ready to service_role;

-- ---------------------------------------------------------------------------------------------------
-- Calls: may this call be made, the call log before the request, and what VoIPStudio answered
-- ---------------------------------------------------------------------------------------------------
/**
 * May the agent call this number now? The contact's (or, for a bare number, the number's) do-not-call and
 * suppressions, a valid number, and the legal window in the called party's local time (plus the campaign's
 * active hours when a campaign is named). allowed, the first reason (do_not_call, suppressed,
 * invalid_phone, outside_hours), its detail and when the call becomes allowed.
 */
create or replace function public.check_call_allowed(p_phone text, p_contact_id uuid default null,
  p_campaign_id uuid default null, as_of timestamptz default now())
returns table (allowed boolean, reason text, detail text, allowed_from timestamptz, contact_id uuid, phone_e164 text)
language plpgsql stable security definer set search_path = ''
as $$
#variable_conflict use_column
declare
  v_phone text := pg_catalog.regexp_replace(coalesce(p_phone, ''), '[^0-9+]', '', 'g');
  v_k public.contacts;
  v_c public.dialer_campaigns;
  v_block record;
  v_blocked boolean := false;
  v_zones text[];
  v_state text;
  v_from timestamptz;
begin
  if v_phone !~ '^\+' and v_phone ~ '^[2-9][0-9]{9}$' then
    v_phone := '+1' || v_phone;
  elsif v_phone !~ '^\+' and v_phone ~ '^1[2-9][0-9]{9}$' then
    v_phone := '+' || v_phone;
  end if;
  if p_contact_id is not null then
    select * into v_k from public.contacts k where k.id = p_contact_id
       and (k.team_id = dialbridge.current_team_id() or dialbridge.is_admin() or auth.uid() is null);
    if not found then
      raise exception 'contact % not found', p_contact_id using errcode = 'DB070';
    end if;
  elsif v_phone ~ '^\+[1-9][0-9]{7,14}$' then
    -- the number's contact, when exactly one of the caller's team has it
    select * into v_k from public.contacts k
     where k.phone_e164 = v_phone and (k.team_id = dialbridge.current_team_id() or auth.uid() is null)
       and (select count(*) from public.contacts k2 where k2.phone_e164 = v_phone
              and (k2.team_id = dialbridge.current_team_id() or auth.uid() is null)) = 1;
  end if;
  if p_campaign_id is not null then
    select * into v_c from public.dialer_campaigns c where c.id = p_campaign_id;
  end if;
  if v_phone !~ '^\+[1-9][0-9]{7,14}$' then
    return query select false, 'invalid_phone', 'Not a phone number in E.164 form (+ and 8 to 15 digits)', null::timestamptz, v_k.id, null::text;
    return;
  end if;
  if v_k.id is not null and (v_k.phone_number_invalid or v_k.phone_status = 'invalid') and v_k.phone_e164 is not distinct from v_phone then
    return query select false, 'invalid_phone', 'Flagged: ' || coalesce(pg_catalog.lower(dialbridge.humanize_reason(v_k.phone_number_invalid_reason)), 'known bad number'),
      null::timestamptz, v_k.id, v_phone;
    return;
  end if;
  -- the contact's rules and the dialled number's, or the bare number's (dialbridge.dial_blocks: one rule)
  select b.block, b.detail, b.blocked_until into v_block
    from dialbridge.dial_blocks(array[v_k.id], array[v_phone], as_of) b;
  v_blocked := found;
  if v_blocked then
    return query select false, case when v_block.block = 'suppressed' then 'suppressed' else 'do_not_call' end,
      v_block.detail::text, v_block.blocked_until::timestamptz, v_k.id, v_phone;
    return;
  end if;
  v_zones := dialbridge.called_party_time_zones(v_k.timezone, v_k.state, v_k.zip, v_phone);
  v_state := dialbridge.called_party_state(v_k.state, v_k.zip, v_phone);
  v_from := dialbridge.callable_from(v_zones, v_state, coalesce(v_c.active_hours, '{}'), coalesce(v_c.timezone, 'America/New_York'), as_of);
  if v_from is distinct from as_of then
    return query select false, 'outside_hours',
      case when v_from is null then 'Outside calling hours for the next 8 days'
           else pg_catalog.format('Outside calling hours in the called party''s local time until %s (%s)',
                  dialbridge.local_clock_text(v_from, coalesce(v_c.timezone, v_zones[1], 'America/New_York'), as_of),
                  coalesce(v_c.timezone, v_zones[1], 'America/New_York')) end,
      v_from, v_k.id, v_phone;
    return;
  end if;
  return query select true, null::text, null::text, as_of, v_k.id, v_phone;
end
$$;
comment on function public.check_call_allowed(text, uuid, uuid, timestamptz) is
'Click-to-call''s compliance check (manual dialing is still checked): the number in E.164 (10-digit US numbers accepted), the contact named or the one contact of the caller''s team with that number, its do-not-call and suppressions and the dialled number''s (dialbridge.dial_blocks, the rule the queue and the push use), a flagged number, and the legal window in the called party''s local time (all candidate zones) plus the campaign''s active hours when one is named. Answers allowed, the reason (invalid_phone, do_not_call, suppressed, outside_hours), its detail and when it becomes allowed. DB070: contact not found.';
revoke all on function public.check_call_allowed(text, uuid, uuid, timestamptz) from public;
grant execute on function public.check_call_allowed(text, uuid, uuid, timestamptz) to authenticated, service_role;

/**
 * The call log of a click-to-call, written before VoIPStudio is asked (status initiated): what was asked,
 * checked (public.check_call_allowed; DB071 when not allowed), for which campaign contact (the agent's
 * reservation, or — manual campaigns — any of its contacts).
 */
create or replace function public.start_dialer_call(p_to text, p_campaign_id uuid default null,
  p_campaign_contact_id uuid default null, p_contact_id uuid default null, p_lead_id uuid default null,
  p_metadata jsonb default '{}', p_from text default null, p_agent_id uuid default null, as_of timestamptz default now())
returns public.call_logs
language plpgsql security definer set search_path = ''
as $$
declare
  v_agent uuid := dialbridge.dialer_agent(p_agent_id);
  v_cc public.campaign_contacts;
  v_c public.dialer_campaigns;
  v_check record;
  v_log public.call_logs;
begin
  if p_campaign_contact_id is not null then
    select * into v_cc from public.campaign_contacts where id = p_campaign_contact_id for update;
    if not found then
      raise exception 'campaign contact % not found', p_campaign_contact_id using errcode = 'DB070';
    end if;
    if p_campaign_id is not null and p_campaign_id <> v_cc.campaign_id then
      raise exception 'campaign contact % is not in campaign %', p_campaign_contact_id, p_campaign_id using errcode = '22023';
    end if;
  end if;
  select * into v_c from public.dialer_campaigns where id = coalesce(v_cc.campaign_id, p_campaign_id);
  if coalesce(v_cc.campaign_id, p_campaign_id) is not null and (v_c.id is null or not (
       v_c.user_id = v_agent or exists (select 1 from public.dialer_campaign_agents a where a.campaign_id = v_c.id and a.user_id = v_agent))) then
    raise exception 'campaign % not found or not yours to dial', coalesce(v_cc.campaign_id, p_campaign_id) using errcode = '42501';
  end if;
  if v_cc.id is not null then
    if v_c.status <> 'active' then
      raise exception 'the campaign is %', v_c.status using errcode = 'DB072';
    end if;
    if not ((v_cc.status = 'calling' and v_cc.reserved_by = v_agent
             and not exists (select 1 from public.call_logs l where l.campaign_contact_id = v_cc.id and l.status in ('initiated', 'ringing', 'answered')))
            or (v_c.type = 'manual' and v_cc.status in ('pending', 'failed', 'callback') and v_cc.attempts < v_c.max_attempts)) then
      raise exception 'campaign contact % is not yours to call now (reserve it with next_contact_to_dial)', v_cc.id using errcode = 'DB073';
    end if;
  end if;
  select * into v_check from public.check_call_allowed(coalesce(nullif(p_to, ''), v_cc.phone_number), coalesce(v_cc.contact_id, p_contact_id), v_c.id, as_of);
  if not v_check.allowed then
    raise exception 'call not allowed: %', v_check.detail using errcode = 'DB071',
      detail = v_check.reason, hint = coalesce('allowed from ' || v_check.allowed_from, '');
  end if;
  insert into public.call_logs (user_id, team_id, direction, from_number, to_number, status, lead_id, campaign_id,
                                campaign_contact_id, contact_id, metadata)
  values (v_agent, coalesce(v_c.team_id, (select p.team_id from public.profiles p where p.id = v_agent)), 'outbound',
          coalesce(nullif(p_from, ''), v_c.caller_id), v_check.phone_e164, 'initiated', p_lead_id, v_c.id, v_cc.id,
          v_check.contact_id, coalesce(p_metadata, '{}'))
  returning * into v_log;
  insert into public.dialer_agent_states as s (user_id, state, campaign_id, current_call_id, since)
  values (v_agent, 'ringing', v_c.id, v_log.id, pg_catalog.clock_timestamp())
  on conflict (user_id) do update set state = 'ringing', current_call_id = excluded.current_call_id,
    campaign_id = coalesce(excluded.campaign_id, s.campaign_id), since = excluded.since;
  return v_log;
end
$$;
comment on function public.start_dialer_call(text, uuid, uuid, uuid, uuid, jsonb, text, uuid, timestamptz) is
'Click-to-call, step 1 (before VoIPStudio is asked, so nothing is lost if the request dies): checks the call (public.check_call_allowed: DB071 with the reason when not allowed), that a campaign contact is the agent''s reservation or, in a manual campaign, callable (DB073), that the campaign is active (DB072), and writes the call log (status initiated, from the campaign''s caller id unless one is given); the campaign contact is held by the call; the agent is ringing.';
revoke all on function public.start_dialer_call(text, uuid, uuid, uuid, uuid, jsonb, text, uuid, timestamptz) from public;
grant execute on function public.start_dialer_call(text, uuid, uuid, uuid, uuid, jsonb, text, uuid, timestamptz) to authenticated, service_role;

/** Click-to-call, step 2: VoIPStudio took the call (201): its id is the root call id of the webhooks. */
create or replace function dialbridge.voipstudio_call_placed(p_call_log_id uuid, p_call_id text, p_voip_status jsonb default '{}')
returns public.call_logs
language plpgsql security definer set search_path = ''
as $$
declare
  v_log public.call_logs;
  v_orphan uuid;
  v_events bigint[];
begin
  perform dialbridge.lock_call_projection();
  select l.id into v_orphan from public.call_logs l
   where l.provider = 'voipstudio' and l.call_id = p_call_id and l.id <> p_call_log_id;
  if v_orphan is not null then
    -- the webhooks were faster than the answer: their call log becomes this one
    update public.call_dispositions set call_id = p_call_log_id where call_id = v_orphan;
    update public.call_recordings set call_id = p_call_log_id where call_id = v_orphan;
    delete from public.call_logs where id = v_orphan;
  end if;
  update public.call_logs l set call_id = p_call_id,
         metadata = l.metadata || pg_catalog.jsonb_build_object('voip_status', coalesce(p_voip_status, '{}'))
   where l.id = p_call_log_id
  returning * into v_log;
  if not found then
    raise exception 'call log % not found', p_call_log_id using errcode = 'DB070';
  end if;
  -- events already stored for this call are read again, now that they can find its contact and rep
  v_events := array(select e.log_id from dialbridge.call_events e where e.provider = 'voipstudio' and e.call_id = p_call_id);
  if pg_catalog.cardinality(v_events) > 0 then
    perform 1 from dialbridge.voipstudio_process_events('voipstudio', v_events, pg_catalog.now());
  end if;
  select * into v_log from public.call_logs where id = p_call_log_id;
  return v_log;
end
$$;
comment on function dialbridge.voipstudio_call_placed(uuid, text, jsonb) is 'Click-to-call, step 2: VoIPStudio answered 201 with its call id (the root call id of the webhooks). A call log the webhooks created first is folded into this one, and events already stored for the call are projected again with its contact and rep. Service role.';
revoke all on function dialbridge.voipstudio_call_placed(uuid, text, jsonb) from public, authenticated;
grant execute on function dialbridge.voipstudio_call_placed(uuid, text, jsonb) to service_role;

/** Click-to-call, step 2 on failure: VoIPStudio never placed the call (it does not count as an attempt). */
create or replace function dialbridge.voipstudio_call_not_placed(p_call_log_id uuid, p_error text)
returns public.call_logs
language plpgsql security definer set search_path = ''
as $$
declare
  v_log public.call_logs;
begin
  update public.call_logs l set status = 'canceled', error = pg_catalog.left(p_error, 1000), ended_at = pg_catalog.now()
   where l.id = p_call_log_id and l.status = 'initiated'
  returning * into v_log;
  if not found then
    select * into v_log from public.call_logs where id = p_call_log_id;
  end if;
  update public.dialer_agent_states s set state = 'available', current_call_id = null, since = pg_catalog.clock_timestamp()
   where s.user_id = v_log.user_id and s.current_call_id = v_log.id;
  return v_log;
end
$$;
comment on function dialbridge.voipstudio_call_not_placed(uuid, text) is 'Click-to-call, step 2 on failure (softphone offline, refused, timed out): the call log is canceled with the error; the campaign contact returns to its reservation (not an attempt); the agent is available again. Service role.';
revoke all on function dialbridge.voipstudio_call_not_placed(uuid, text) from public, authenticated;
grant execute on function dialbridge.voipstudio_call_not_placed(uuid, text) to service_role;

/**
 * A campaign contact's status, attempts and reservation, derived from its call logs and the latest
 * disposition of its last call: one rule, whatever order the calls' events and dispositions came in.
 */
create or replace function dialbridge.refresh_campaign_contacts(p_ids uuid[])
returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_n integer;
begin
  with calls as (
    select l.campaign_contact_id as cc_id, count(*) as n, max(coalesce(l.started_at, l.created_at)) as last_at
      from public.call_logs l
     where l.campaign_contact_id = any (p_ids) and l.status <> 'canceled'
     group by l.campaign_contact_id
  ), last_call as (
    select distinct on (l.campaign_contact_id) l.campaign_contact_id as cc_id, l.id, l.status, l.user_id, l.created_at
      from public.call_logs l
     where l.campaign_contact_id = any (p_ids) and l.status <> 'canceled'
     order by l.campaign_contact_id, coalesce(l.started_at, l.created_at) desc, l.created_at desc, l.id desc
  ), live_call as (
    -- a call in progress holds the contact, whatever its start time says about its place among the others
    select distinct on (l.campaign_contact_id) l.campaign_contact_id as cc_id, l.id, l.user_id, l.created_at
      from public.call_logs l
     where l.campaign_contact_id = any (p_ids) and l.status in ('initiated', 'ringing', 'answered')
     order by l.campaign_contact_id, l.created_at desc, l.id desc
  ), last_disp as (
    select distinct on (d.call_id) d.call_id, d.disposition, d.follow_up_date
      from public.call_dispositions d join last_call lc on lc.id = d.call_id
     order by d.call_id, d.created_at desc, d.id desc
  ), derived as (
    select cc.id, coalesce(c.n, 0)::integer as attempts, c.last_at, lc.id as last_call_id, ld.disposition,
           -- what holds the contact: a live call, the queue's reservation waiting for a call (also when the
           -- call it was waiting for was never placed), or nothing
           case when cc.status = 'do-not-call' then 'none'
                when live.id is not null then 'call'
                when cc.status = 'calling' and (cc.reserved_for_call_id is null or rc.status = 'canceled') then 'queue'
                else 'none' end as hold,
           coalesce(rc.status = 'canceled', false) as call_not_placed,
           live.id as live_call_id, live.user_id as caller, live.created_at as call_created_at,
           case when ld.disposition = 'callback' then ld.follow_up_date else cc.callback_at end as callback_at,
           cp.reservation_timeout_seconds, lc.status as call_status, cc.status as old_status
      from public.campaign_contacts cc
      join public.dialer_campaigns cp on cp.id = cc.campaign_id
      left join calls c on c.cc_id = cc.id
      left join last_call lc on lc.cc_id = cc.id
      left join live_call live on live.cc_id = cc.id
      left join last_disp ld on ld.call_id = lc.id
      left join public.call_logs rc on rc.id = cc.reserved_for_call_id
     where cc.id = any (p_ids)
  ), target as (
    select d.*,
           case when d.old_status = 'do-not-call' then 'do-not-call'
                when d.hold in ('call', 'queue') then 'calling'
                when d.last_call_id is null then case when d.old_status = 'calling' then 'pending' else d.old_status end
                when d.disposition = 'do-not-call' then 'do-not-call'
                when d.disposition = 'callback' then 'callback'
                when d.disposition in ('no-answer', 'voicemail') then 'failed'
                when d.disposition is not null then 'completed'
                when d.call_status = 'completed' then 'completed'
                else 'failed' end as status
      from derived d
  )
  update public.campaign_contacts cc
     set attempts = t.attempts, last_attempt_at = t.last_at, last_call_id = t.last_call_id, callback_at = t.callback_at,
         status = t.status,
         reserved_by = case when t.hold = 'none' then null when t.hold = 'call' then t.caller else cc.reserved_by end,
         reserved_at = case when t.hold = 'none' then null else coalesce(cc.reserved_at, pg_catalog.now()) end,
         reserved_for_call_id = case when t.hold = 'call' then t.live_call_id end,
         reserved_until = case when t.hold = 'none' then null
                               when t.hold = 'call' then t.call_created_at + interval '4 hours'
                               when t.call_not_placed then pg_catalog.now() + pg_catalog.make_interval(secs => t.reservation_timeout_seconds)
                               else cc.reserved_until end,
         reserved_from_status = case when t.hold = 'none' then null
                                     else coalesce(cc.reserved_from_status, case when cc.status <> 'calling' then cc.status end, 'pending') end
    from target t
   where cc.id = t.id
     and (cc.attempts, cc.last_attempt_at, cc.last_call_id, cc.callback_at, cc.status, cc.reserved_for_call_id, t.call_not_placed)
         is distinct from
         (t.attempts, t.last_at, t.last_call_id, t.callback_at, t.status,
          case when t.hold = 'call' then t.live_call_id end, false);
  get diagnostics v_n = row_count;
  return v_n;
end
$$;
comment on function dialbridge.refresh_campaign_contacts(uuid[]) is
'Derives campaign contacts from their calls: attempts (calls placed; a call VoIPStudio never placed is canceled and does not count), last attempt and call, and the status — calling while a live call holds it (up to 4 hours: reserved_for_call_id) or the queue''s reservation waits for a call (also after a call VoIPStudio did not place: the agent may try again), else from the latest disposition of the last call (do-not-call; callback with its follow-up date; no-answer and voicemail fail and are retried; the rest complete), else from the call (completed, or failed: retried). do-not-call is sticky. Writes only what changed; dialbridge.schedule_next_attempt then schedules the retry.';

create or replace function dialbridge.tg_call_logs__refresh_campaign_contacts() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform dialbridge.refresh_campaign_contacts(array(select distinct n.campaign_contact_id from new_rows n where n.campaign_contact_id is not null));
  elsif tg_op = 'DELETE' then
    perform dialbridge.refresh_campaign_contacts(array(select distinct o.campaign_contact_id from old_rows o where o.campaign_contact_id is not null));
  else
    perform dialbridge.refresh_campaign_contacts(array(
      select x.cc from (select n.campaign_contact_id as cc, n.status, n.started_at from new_rows n
                        union all select o.campaign_contact_id, o.status, o.started_at from old_rows o) x
       where x.cc is not null group by x.cc having count(distinct (x.status, x.started_at)) > 1 or count(*) = 1));
  end if;
  return null;
end
$$;
comment on function dialbridge.tg_call_logs__refresh_campaign_contacts() is 'Trigger function: a statement that adds, removes or changes the status or start of call logs re-derives their campaign contacts (dialbridge.refresh_campaign_contacts).';
drop trigger if exists _900_refresh_insert on public.call_logs;
drop trigger if exists _900_refresh_update on public.call_logs;
drop trigger if exists _900_refresh_delete on public.call_logs;
create trigger _900_refresh_insert after insert on public.call_logs referencing new table as new_rows
  for each statement execute function dialbridge.tg_call_logs__refresh_campaign_contacts();
create trigger _900_refresh_update after update on public.call_logs referencing old table as old_rows new table as new_rows
  for each statement execute function dialbridge.tg_call_logs__refresh_campaign_contacts();
create trigger _900_refresh_delete after delete on public.call_logs referencing old table as old_rows
  for each statement execute function dialbridge.tg_call_logs__refresh_campaign_contacts();

-- ---------------------------------------------------------------------------------------------------
-- The VoIPStudio adapter (docs/architecture.md "Adding a provider")
--   webhook  {id, event_time, event_name: call.ringing | call.connected | call.ended | call.missed | call.dtmf,
--             call_id (this leg), root_call_id, state, start_time, connected_at, duration, src, dst, final, …}
--            one POST per leg; the leg with final: true is the called party's: it decides the outcome
--   platform {id: "disposition:<uuid>", event_name: "disposition.set", event_time, root_call_id | call_log_id,
--             disposition, notes, follow_up_date, user_email, contact_id} — written by call_dispositions
-- ---------------------------------------------------------------------------------------------------
/** A VoIPStudio time: ISO text (zone-less read as UTC, as VoIPStudio reports), or Unix seconds. */
create or replace function dialbridge.voipstudio_time(p_value jsonb) returns timestamptz
language plpgsql immutable parallel safe set search_path = ''
as $$
declare
  v text := pg_catalog.btrim(p_value #>> '{}');
begin
  if v is null or v = '' then
    return null;
  elsif v ~ '^[0-9]{9,11}(\.[0-9]+)?$' then
    return pg_catalog.to_timestamp(v::double precision);
  elsif v ~ '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' then
    return v::timestamptz;
  else
    return v::timestamp at time zone 'UTC';
  end if;
exception when others then
  return null;
end
$$;
comment on function dialbridge.voipstudio_time(jsonb) is 'A time in a VoIPStudio event: ISO 8601 (zone-less values are UTC, as VoIPStudio reports them) or Unix seconds; null when unreadable.';

/** The event's identity: its id, else the delivery header, else the leg and what happened to it. */
create or replace function dialbridge.voipstudio_event_identity(p_event_type text, p_payload jsonb, p_header_event_id text)
returns text
language sql immutable set search_path = ''
as $$
  select coalesce(nullif(p_payload ->> 'id', ''), nullif(p_header_event_id, ''),
                  p_event_type || ':' || coalesce(p_payload ->> 'call_id', p_payload ->> 'root_call_id', '') || ':'
                    || coalesce(p_payload ->> 'event_time', p_payload ->> 'state', ''))
$$;
comment on function dialbridge.voipstudio_event_identity(text, jsonb, text) is 'VoIPStudio event identity: its id, else the delivery''s header id, else event name, leg id and event time (a leg''s event delivered twice is stored once).';

/** What is stored beside a VoIPStudio event: the root call, contact and agent hints, when. */
create or replace function dialbridge.voipstudio_event_refs(p_event_type text, p_payload jsonb)
returns table (call_id text, contact_id text, sourceco_contact_id text, user_id text, session_id text, event_at timestamptz)
language sql stable set search_path = ''
as $$
  select coalesce(nullif(p_payload ->> 'root_call_id', ''), nullif(p_payload ->> 'call_id', ''),
                  'log-' || (p_payload ->> 'call_log_id')),
         null::text, p_payload ->> 'contact_id', coalesce(p_payload ->> 'user_id', p_payload ->> 'user_email'),
         p_payload ->> 'campaign_id', dialbridge.voipstudio_time(p_payload -> 'event_time')
$$;
comment on function dialbridge.voipstudio_event_refs(text, jsonb) is 'What is stored beside a VoIPStudio event: the root call id (a platform disposition of a call VoIPStudio never placed: log-<call log id>), the contact and agent hints, the campaign, the event time.';

/** One stored VoIPStudio event as the shared call record. */
create or replace function dialbridge.voipstudio_normalize(e dialbridge.webhook_events) returns dialbridge.call_events
language plpgsql stable set search_path = ''
as $$
declare
  r dialbridge.call_events;
  p jsonb := e.payload;
  v_log public.call_logs;
  v_final boolean := coalesce(dialbridge.jsonb_flag(e.payload -> 'final'), false);
  v_state text := pg_catalog.upper(coalesce(e.payload ->> 'state', ''));
  v_duration integer := dialbridge.jsonb_seconds(e.payload -> 'duration');
  v_direction text;
begin
  if e.event_type = 'call.dtmf' then
    r.kind := 'ignored';
    return r;
  end if;
  if e.event_type not in ('call.ringing', 'call.connected', 'call.ended', 'call.missed', 'disposition.set') then
    raise exception 'VoIPStudio: % is not an event the platform projects', e.event_type using errcode = 'DB060';
  end if;
  r.kind := 'call';
  r.call_id := coalesce(nullif(p ->> 'root_call_id', ''), nullif(p ->> 'call_id', ''),
                        case when p ? 'call_log_id' then 'log-' || (p ->> 'call_log_id') end);
  if r.call_id is null then
    raise exception 'VoIPStudio % event names no call', e.event_type using errcode = 'DB061';
  end if;
  r.event_at := coalesce(dialbridge.voipstudio_time(p -> 'event_time'), e.received_at);
  if r.call_id like 'log-%' then
    select * into v_log from public.call_logs l where l.id::text = pg_catalog.substr(r.call_id, 5);
  else
    select * into v_log from public.call_logs l where l.provider = 'voipstudio' and l.call_id = r.call_id;
  end if;
  r.sourceco_contact_id := coalesce(v_log.contact_id::text, p ->> 'contact_id');
  r.user_email := coalesce(p ->> 'user_email',
                           (select pr.email from public.profiles pr where pr.id = v_log.user_id),
                           (select pr.email from public.voipstudio_credentials vc join public.profiles pr on pr.id = vc.user_id
                             where vc.voipstudio_user_id = p ->> 'user_id'));
  r.provider_user_id := p ->> 'user_id';
  r.provider_session_id := coalesce(v_log.campaign_id::text, p ->> 'campaign_id');

  if e.event_type = 'disposition.set' then
    if nullif(pg_catalog.btrim(p ->> 'disposition'), '') is null then
      raise exception 'VoIPStudio disposition event without a disposition' using errcode = 'DB061';
    end if;
    r.disposition_label := p ->> 'disposition';
    r.disposition_notes := p ->> 'notes';
    r.disposition_at := r.event_at;
    r.callback_at := dialbridge.voipstudio_time(p -> 'follow_up_date');
    r.phone_e164 := coalesce(dialbridge.phone_e164_candidates(v_log.to_number), '{}');
    return r;
  end if;

  -- a call leg
  v_direction := coalesce(nullif(pg_catalog.lower(p ->> 'direction'), ''), v_log.direction, 'outbound');
  r.phone_e164 := case when v_direction = 'inbound' then dialbridge.phone_e164_candidates(p ->> 'src')
                       else dialbridge.phone_e164_candidates(p ->> 'dst') end
                  || coalesce(dialbridge.phone_e164_candidates(v_log.to_number), '{}');
  r.started_at := dialbridge.voipstudio_time(p -> 'start_time');
  if v_final then
    r.connected_at := coalesce(dialbridge.voipstudio_time(p -> 'connected_at'),
                               case when e.event_type = 'call.connected' then r.event_at end);
    if e.event_type in ('call.ended', 'call.missed') then
      r.ended_at := r.event_at;
      r.total_seconds := v_duration;
      r.outcome := case
        when e.event_type = 'call.missed' then 'no_answer'
        when v_state ~ 'BUSY' then 'busy'
        when v_state ~ 'FAIL|CONGEST|UNAVAIL|ERROR' then 'failed'
        when v_state ~ 'REJECT|DECLIN' then 'rejected'
        when r.connected_at is not null or v_state ~ 'ANSWER|CONNECT|UP' then 'connected'
        else 'no_answer' end;
      if r.outcome = 'connected' then
        -- VoIPStudio's duration of the answered final leg is its talk time
        r.talk_seconds := v_duration;
      end if;
    end if;
  end if;
  r.extra := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'voipstudio_direction', v_direction,
    'voipstudio_state', nullif(v_state, ''),
    'voipstudio_src', p ->> 'src',
    'voipstudio_dst', p ->> 'dst'));
  return r;
end
$$;
comment on function dialbridge.voipstudio_normalize(dialbridge.webhook_events) is
'One stored VoIPStudio event as the shared call record (dialbridge.call_events), keyed on the root call id: any leg''s start time; the final leg (final: true, the called party''s) gives the answer time, and its call.ended / call.missed the end, duration (the talk time of an answered call) and outcome (missed → no_answer; state BUSY → busy, FAILED/CONGESTION → failed, REJECTED → rejected; answered → connected; else no_answer). The contact and rep come from the call log of that call (else the number, else the VoIPStudio user). A disposition.set event (written by public.call_dispositions) carries the disposition, notes and follow-up. call.dtmf is stored and ignored; other types are skipped (DB060).';

/** VoIPStudio's batch stage: the shared projection, then the call logs, campaign contacts and agents. */
create or replace function dialbridge.voipstudio_process_events(p_provider text, p_ids bigint[], as_of timestamptz)
returns table (log_id bigint, status text, error text, code text, ms numeric, contact_activity_id uuid)
language plpgsql set search_path = ''
as $$
begin
  return query select * from dialbridge.project_call_events(p_provider, p_ids, as_of);
  perform dialbridge.voipstudio_sync_call_logs(array(
    select distinct e.call_id from dialbridge.call_events e
     where e.log_id = any (p_ids) and e.provider = p_provider and e.kind = 'call'));
end
$$;
comment on function dialbridge.voipstudio_process_events(text, bigint[], timestamptz) is 'VoIPStudio''s batch stage: the generic projection (dialbridge.project_call_events: one contact_activities row per root call), then the call logs, campaign contacts and agent states of the calls it touched are derived from the stored facts (dialbridge.voipstudio_sync_call_logs).';

/**
 * The call logs of VoIPStudio calls, derived from all their stored facts (any order, any duplication): a
 * call log is created for a call the platform did not place (inbound, or placed elsewhere); the agent's
 * availability follows the newest event.
 */
create or replace function dialbridge.voipstudio_sync_call_logs(p_call_ids text[])
returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_n integer;
begin
  if coalesce(pg_catalog.cardinality(p_call_ids), 0) = 0 then
    return 0;
  end if;
  if pg_catalog.to_regclass('pg_temp.voipstudio_call_sync') is null then
  create temporary table voipstudio_call_sync (
    call_id text primary key, status text, started_at timestamptz, answered_at timestamptz, ended_at timestamptz,
    duration integer, recording_url text, direction text, from_number text, to_number text, last_event_at timestamptz,
    activity_id uuid, contact_id uuid, rep_id uuid, team_id uuid, has_leg_events boolean, log_id uuid) on commit drop;
  end if;
  truncate pg_temp.voipstudio_call_sync;
  insert into pg_temp.voipstudio_call_sync
  select f.call_id,
         case when max(f.ended_at) is not null or bool_or(f.outcome is not null) then
                case (array_agg(f.outcome order by f.event_at desc, f.event_id desc) filter (where f.outcome is not null))[1]
                  when 'connected' then 'completed' when 'busy' then 'busy' when 'failed' then 'failed'
                  when 'rejected' then 'failed' else 'no-answer' end
              when min(f.connected_at) is not null then 'answered'
              when bool_or(f.event_type like 'call.%') then 'ringing' end,
         min(f.started_at), min(f.connected_at), max(f.ended_at), max(f.total_seconds),
         (array_agg(f.recording_url order by f.event_at desc) filter (where f.recording_url is not null))[1],
         (array_agg(f.extra ->> 'voipstudio_direction' order by f.event_at) filter (where f.extra ? 'voipstudio_direction'))[1],
         (array_agg(f.extra ->> 'voipstudio_src' order by f.ended_at nulls last, f.event_at) filter (where f.extra ? 'voipstudio_src'))[1],
         (array_agg(f.extra ->> 'voipstudio_dst' order by f.ended_at nulls last, f.event_at) filter (where f.extra ? 'voipstudio_dst'))[1],
         max(f.event_at) filter (where f.event_type like 'call.%'),
         a.id, a.contact_id, a.user_id, a.team_id,
         bool_or(f.event_type like 'call.%'), null::uuid
    from dialbridge.call_events f
    left join public.contact_activities a on a.dedupe_key = 'voipstudio:call:' || f.call_id
   where f.provider = 'voipstudio' and f.kind = 'call' and f.call_id = any (p_call_ids)
   group by f.call_id, a.id, a.contact_id, a.user_id, a.team_id;

  -- calls the platform did not place get their call log from the events
  insert into public.call_logs (call_id, user_id, team_id, direction, from_number, to_number, status, contact_id,
                                contact_activity_id, started_at, answered_at, ended_at, duration, metadata)
  select s.call_id, s.rep_id, s.team_id, coalesce(s.direction, 'outbound'),
         pg_catalog.left(('+' || pg_catalog.regexp_replace(coalesce(s.from_number, ''), '\D', '', 'g')), 16),
         pg_catalog.left(('+' || pg_catalog.regexp_replace(coalesce(s.to_number, ''), '\D', '', 'g')), 16),
         coalesce(s.status, 'ringing'), s.contact_id, s.activity_id, s.started_at, s.answered_at, s.ended_at, s.duration,
         pg_catalog.jsonb_build_object('created_from', 'voipstudio_webhooks')
    from pg_temp.voipstudio_call_sync s
   where s.has_leg_events
     and not exists (select 1 from public.call_logs l where l.provider = 'voipstudio' and l.call_id = s.call_id)
     and s.call_id not like 'log-%'
  on conflict (provider, call_id) do nothing;

  update pg_temp.voipstudio_call_sync s
     set log_id = case when s.call_id like 'log-%' then pg_catalog.substr(s.call_id, 5)::uuid
                       else (select l.id from public.call_logs l where l.provider = 'voipstudio' and l.call_id = s.call_id) end;

  update public.call_logs l
     set status = coalesce(s.status, l.status),
         started_at = coalesce(s.started_at, l.started_at),
         answered_at = coalesce(s.answered_at, l.answered_at),
         ended_at = coalesce(s.ended_at, l.ended_at),
         duration = coalesce(s.duration, l.duration),
         recording_url = coalesce(s.recording_url, l.recording_url),
         contact_activity_id = coalesce(s.activity_id, l.contact_activity_id),
         contact_id = coalesce(l.contact_id, s.contact_id)
    from pg_temp.voipstudio_call_sync s
   where l.id = s.log_id
     and (l.status, l.started_at, l.answered_at, l.ended_at, l.duration, l.recording_url, l.contact_activity_id, l.contact_id)
         is distinct from
         (coalesce(s.status, l.status), coalesce(s.started_at, l.started_at), coalesce(s.answered_at, l.answered_at),
          coalesce(s.ended_at, l.ended_at), coalesce(s.duration, l.duration), coalesce(s.recording_url, l.recording_url),
          coalesce(s.activity_id, l.contact_activity_id), coalesce(l.contact_id, s.contact_id));
  get diagnostics v_n = row_count;

  -- the agent: ringing, on the call, wrapping up — unless something newer (their own choice) came since
  insert into public.dialer_agent_states as a (user_id, state, campaign_id, current_call_id, since)
  select distinct on (l.user_id) l.user_id,
         case l.status when 'ringing' then 'ringing' when 'initiated' then 'ringing' when 'answered' then 'on_call' else 'wrap_up' end,
         l.campaign_id, l.id, s.last_event_at
    from pg_temp.voipstudio_call_sync s
    join public.call_logs l on l.provider = 'voipstudio' and l.call_id = s.call_id
   where l.user_id is not null and s.last_event_at is not null
   order by l.user_id, s.last_event_at desc
  on conflict (user_id) do update
    set state = excluded.state, current_call_id = excluded.current_call_id,
        campaign_id = coalesce(excluded.campaign_id, a.campaign_id), since = excluded.since
    where a.since <= excluded.since and a.state not in ('paused', 'offline');
  return v_n;
end
$$;
comment on function dialbridge.voipstudio_sync_call_logs(text[]) is
'Derives VoIPStudio call logs from all stored facts of their calls (so any order and duplication end the same): status (ringing → answered → completed, or no-answer, busy, failed), times, duration, recording, the activity and contact; creates the call log of a call the platform did not place (inbound, or dialed elsewhere). The agent''s availability follows the newest event of their calls (ringing, on_call, wrap_up) unless they chose a state since (paused, offline, or available after that call).';

-- ---------------------------------------------------------------------------------------------------
-- Dispositions: through the pipeline, so the engine acts on the call's one activity
-- ---------------------------------------------------------------------------------------------------
alter table dialbridge.webhook_events drop constraint if exists webhook_events_auth_method_check;
alter table dialbridge.webhook_events add constraint webhook_events_auth_method_check
  check (auth_method in ('hmac', 'url_token', 'basic', 'header_token', 'replay', 'reconciliation', 'internal'));
comment on column dialbridge.webhook_events.auth_method is 'How the sender was authenticated: hmac, url_token, basic, header_token (or replay, reconciliation; internal: written by the platform itself, e.g. a VoIPStudio call''s disposition).';

create or replace function dialbridge.tg_call_dispositions__to_pipeline() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_log public.call_logs;
  v_payload jsonb;
begin
  select * into v_log from public.call_logs where id = new.call_id;
  if v_log.provider = 'voipstudio' then
    v_payload := pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'id', 'disposition:' || new.id,
      'event_name', 'disposition.set',
      'event_time', pg_catalog.to_char(new.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'root_call_id', v_log.call_id,
      'call_log_id', v_log.id,
      'disposition', new.disposition,
      'notes', new.notes,
      'follow_up_date', pg_catalog.to_char(new.follow_up_date at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'user_email', (select p.email from public.profiles p where p.id = coalesce(new.user_id, v_log.user_id)),
      'contact_id', v_log.contact_id,
      'campaign_id', v_log.campaign_id));
    perform dialbridge.receive_webhook_event('voipstudio', 'disposition.set', v_payload, null,
      pg_catalog.octet_length(v_payload::text), 'internal', null, null, 'dialbridge');
  end if;
  if v_log.campaign_contact_id is not null then
    perform dialbridge.refresh_campaign_contacts(array[v_log.campaign_contact_id]);
  end if;
  return null;
end
$$;
comment on function dialbridge.tg_call_dispositions__to_pipeline() is 'Trigger function: a VoIPStudio call''s disposition becomes a disposition.set event of the shared pipeline (stored and queued in this transaction; the disposition engine acts on the call''s activity, once, whatever the order with the call''s own events), and its campaign contact is re-derived (status, callback, retry).';
drop trigger if exists _900_to_pipeline on public.call_dispositions;
create trigger _900_to_pipeline after insert on public.call_dispositions
  for each row execute function dialbridge.tg_call_dispositions__to_pipeline();

-- the seed's dispositions reach the mappings by label; the two the platform did not know yet
insert into public.disposition_mappings (
  phoneburner_disposition_code, phoneburner_disposition_label, label_aliases, category,
  sourceco_contact_status, sourceco_contact_stage, is_connected_outcome,
  trigger_workflow, workflow_name, create_task, task_type, task_due_offset_days, task_priority,
  suppress_contact, suppress_duration_days, suppress_reason, mark_phone_invalid, mark_do_not_call,
  next_action_type, next_action_offset_days, engagement_score_delta, notes)
values
  ('QUALIFIED', 'Qualified', '{"Qualified Lead"}', 'positive',
   'Qualified', 'Engaged', true, false, null, true, 'follow_up', 1, 'high',
   false, null, null, false, false, 'call', 1, 30, 'Seed 003 (VoIPStudio dialer): qualified lead, follow up tomorrow.'),
  ('NOT_QUALIFIED', 'Not Qualified', '{"Unqualified"}', 'negative',
   'Disqualified', 'Dead', true, false, null, false, null, null, null,
   true, 180, 'not_qualified', false, false, null, null, -20, 'Seed 003 (VoIPStudio dialer): does not qualify; suppressed 180 days.')
on conflict (phoneburner_disposition_code) do nothing;

-- ---------------------------------------------------------------------------------------------------
-- Recordings and voicemail drops
-- ---------------------------------------------------------------------------------------------------
/** A recording from VoIPStudio's call history (idempotent on the call and URL). */
create or replace function dialbridge.record_voipstudio_recording(p_call_id text, p_recording_url text,
  p_duration integer default null, p_file_size bigint default null, p_provider_recording_id text default null)
returns public.call_recordings
language plpgsql security definer set search_path = ''
as $$
declare
  v_log public.call_logs;
  v_row public.call_recordings;
begin
  select * into v_log from public.call_logs where provider = 'voipstudio' and call_id = p_call_id;
  if not found then
    raise exception 'no call log for VoIPStudio call %', p_call_id using errcode = 'DB070';
  end if;
  insert into public.call_recordings as r (call_id, recording_url, duration, file_size, provider_recording_id)
  values (v_log.id, p_recording_url, p_duration, p_file_size, p_provider_recording_id)
  on conflict (call_id, recording_url) do update
    set duration = coalesce(excluded.duration, r.duration), file_size = coalesce(excluded.file_size, r.file_size),
        provider_recording_id = coalesce(excluded.provider_recording_id, r.provider_recording_id)
  returning r.* into v_row;
  update public.call_logs set recording_url = p_recording_url where id = v_log.id and recording_url is distinct from p_recording_url;
  update public.contact_activities a
     set recording_url = p_recording_url, recording_duration_seconds = coalesce(p_duration, a.recording_duration_seconds)
   where a.id = v_log.contact_activity_id and a.recording_url is distinct from p_recording_url;
  return v_row;
end
$$;
comment on function dialbridge.record_voipstudio_recording(text, text, integer, bigint, text) is 'Stores a recording found in VoIPStudio''s call history (idempotent on call and URL) and puts its URL on the call log and the call''s activity. Service role (the worker''s history sync). DB070: no call log for that call.';
revoke all on function dialbridge.record_voipstudio_recording(text, text, integer, bigint, text) from public, authenticated;
grant execute on function dialbridge.record_voipstudio_recording(text, text, integer, bigint, text) to service_role;

/** The agent drops a voicemail message on a call (recorded and counted once per call). */
create or replace function public.drop_voicemail(p_call_id uuid, p_voicemail_drop_id uuid default null)
returns public.voicemail_drop_uses
language plpgsql security definer set search_path = ''
as $$
declare
  v_log public.call_logs;
  v_drop public.voicemail_drops;
  v_row public.voicemail_drop_uses;
begin
  select * into v_log from public.call_logs where id = p_call_id;
  if not found or not (v_log.user_id = auth.uid() or auth.uid() is null) then
    raise exception 'call % not found or not yours', p_call_id using errcode = '42501';
  end if;
  select * into v_drop from public.voicemail_drops d
   where d.id = coalesce(p_voicemail_drop_id, (select c.voicemail_drop_id from public.dialer_campaigns c where c.id = v_log.campaign_id))
     and d.is_active and (d.team_id is null or d.team_id = v_log.team_id);
  if not found then
    raise exception 'no active voicemail drop % for this call''s team', coalesce(p_voicemail_drop_id::text, '(campaign default)') using errcode = 'DB074';
  end if;
  insert into public.voicemail_drop_uses as u (voicemail_drop_id, call_id, user_id)
  values (v_drop.id, v_log.id, v_log.user_id)
  on conflict (call_id) do nothing
  returning u.* into v_row;
  if v_row.id is null then
    select * into v_row from public.voicemail_drop_uses where call_id = v_log.id;
  end if;
  return v_row;
end
$$;
comment on function public.drop_voicemail(uuid, uuid) is 'Voicemail drop: the call''s agent drops a message (the one named, else the campaign''s default) on the call; recorded once per call and counted in voicemail_drops.usage_count. DB074: no active drop for the call''s team.';
revoke all on function public.drop_voicemail(uuid, uuid) from public;
grant execute on function public.drop_voicemail(uuid, uuid) to authenticated, service_role;

create or replace function dialbridge.tg_voicemail_drop_uses__count() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    update public.voicemail_drops d set usage_count = d.usage_count + x.n
      from (select n.voicemail_drop_id as id, count(*) as n from new_rows n group by 1) x where d.id = x.id;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    update public.voicemail_drops d set usage_count = d.usage_count - x.n
      from (select o.voicemail_drop_id as id, count(*) as n from old_rows o group by 1) x where d.id = x.id;
  end if;
  return null;
end
$$;
comment on function dialbridge.tg_voicemail_drop_uses__count() is 'Trigger function: keeps voicemail_drops.usage_count equal to its uses (dialbridge.recompute_voicemail_usage rebuilds it).';
drop trigger if exists _900_count_insert on public.voicemail_drop_uses;
drop trigger if exists _900_count_update on public.voicemail_drop_uses;
drop trigger if exists _900_count_delete on public.voicemail_drop_uses;
create trigger _900_count_insert after insert on public.voicemail_drop_uses referencing new table as new_rows
  for each statement execute function dialbridge.tg_voicemail_drop_uses__count();
create trigger _900_count_update after update on public.voicemail_drop_uses referencing old table as old_rows new table as new_rows
  for each statement execute function dialbridge.tg_voicemail_drop_uses__count();
create trigger _900_count_delete after delete on public.voicemail_drop_uses referencing old table as old_rows
  for each statement execute function dialbridge.tg_voicemail_drop_uses__count();

create or replace function dialbridge.recompute_voicemail_usage()
returns table (voicemail_drop_id uuid, was integer, now_is integer)
language sql security definer set search_path = ''
as $$
  with r as (
    select d.id, d.usage_count as was, (select count(*) from public.voicemail_drop_uses u where u.voicemail_drop_id = d.id)::integer as n
      from public.voicemail_drops d
  ), fixed as (
    update public.voicemail_drops d set usage_count = r.n from r where d.id = r.id and d.usage_count <> r.n
    returning d.id
  )
  select r.id, r.was, r.n from r join fixed f on f.id = r.id
$$;
comment on function dialbridge.recompute_voicemail_usage() is 'Reconciliation: rewrites every voicemail_drops.usage_count that differs from its uses; returns those fixed.';
revoke all on function dialbridge.recompute_voicemail_usage() from public, authenticated;
grant execute on function dialbridge.recompute_voicemail_usage() to service_role;

-- ---------------------------------------------------------------------------------------------------
-- Analytics: a roll-up of call logs per team, campaign, rep, UTC hour and status, maintained by trigger
-- ---------------------------------------------------------------------------------------------------
create table if not exists dialbridge.dialer_call_stats (
  team_id uuid,
  campaign_id uuid,
  user_id uuid,
  hour timestamptz not null,
  status text not null,
  calls bigint not null default 0,
  answered bigint not null default 0,
  duration_seconds bigint not null default 0,
  machine_answers bigint not null default 0,
  abandoned bigint not null default 0,
  ring_seconds bigint not null default 0,
  connected bigint not null default 0,
  talk_seconds bigint not null default 0,
  constraint dialer_call_stats_key unique nulls not distinct (team_id, campaign_id, user_id, hour, status)
);
comment on table dialbridge.dialer_call_stats is 'Call logs added up per team, campaign, rep, UTC hour (of the start, else of the row) and status: what public.dialer_analytics, the dialer reports and the predictive pacer (dialbridge.pacing_stats) read instead of scanning call logs. Maintained by statement triggers on call_logs; dialbridge.recompute_dialer_call_stats rebuilds it.';
comment on column dialbridge.dialer_call_stats.team_id is 'The call''s team.';
comment on column dialbridge.dialer_call_stats.campaign_id is 'The call''s campaign (null: none).';
comment on column dialbridge.dialer_call_stats.user_id is 'The rep.';
comment on column dialbridge.dialer_call_stats.hour is 'The UTC hour the call started in.';
comment on column dialbridge.dialer_call_stats.status is 'The call''s status.';
comment on column dialbridge.dialer_call_stats.calls is 'Calls.';
comment on column dialbridge.dialer_call_stats.answered is 'Calls answered (answered_at set).';
comment on column dialbridge.dialer_call_stats.duration_seconds is 'Seconds of calls.';
comment on column dialbridge.dialer_call_stats.machine_answers is 'Calls a machine answered (answering-machine detection).';
comment on column dialbridge.dialer_call_stats.abandoned is 'Live answers no rep reached within 2 s (predictive mode).';
comment on column dialbridge.dialer_call_stats.ring_seconds is 'Seconds from the start to a person''s answer, summed over live answers.';
comment on column dialbridge.dialer_call_stats.connected is 'Live answers a rep took.';
comment on column dialbridge.dialer_call_stats.talk_seconds is 'Seconds of the calls a rep took.';
alter table dialbridge.dialer_call_stats enable row level security;
revoke all on table dialbridge.dialer_call_stats from public, anon, authenticated;
grant all on table dialbridge.dialer_call_stats to service_role;

/** What call log rows add to dialbridge.dialer_call_stats, each counted with a sign: the one definition. */
create or replace function dialbridge.dialer_call_stat_rows(p_rows public.call_logs[], p_sign integer)
returns setof dialbridge.dialer_call_stats
language sql immutable parallel safe set search_path = ''
as $$
  select x.team_id, x.campaign_id, x.user_id, x.hour, x.status, sum(p_sign)::bigint,
         sum(p_sign * x.answered::integer)::bigint, sum(p_sign * coalesce(x.duration, 0))::bigint,
         sum(p_sign * x.machine::integer)::bigint, sum(p_sign * x.abandoned::integer)::bigint,
         sum(p_sign * case when x.live and x.started_at is not null
                           then greatest(0, pg_catalog.round(extract(epoch from x.answered_at - x.started_at)))::integer else 0 end)::bigint,
         sum(p_sign * (x.live and not x.abandoned)::integer)::bigint,
         sum(p_sign * case when x.live and not x.abandoned then coalesce(x.duration, 0) else 0 end)::bigint
    from (select r.*, pg_catalog.date_trunc('hour', coalesce(r.started_at, r.created_at), 'UTC') as hour,
                 r.answered_at is not null as answered, coalesce(r.answered_by = 'machine', false) as machine,
                 r.answered_at is not null and r.answered_by is distinct from 'machine' as live
            from pg_catalog.unnest(p_rows) r) x
   group by x.team_id, x.campaign_id, x.user_id, x.hour, x.status
$$;
comment on function dialbridge.dialer_call_stat_rows(public.call_logs[], integer) is 'What call logs contribute to dialbridge.dialer_call_stats (per team, campaign, rep, UTC hour of the start, status: calls, answered, seconds, machine answers, abandoned, ring seconds of live answers, connected calls and their talk seconds), counted with a sign: the trigger''s deltas and the recompute use it.';

/** Adds the change from p_old to p_new to the roll-up, one upsert per key in key order. */
create or replace function dialbridge.add_dialer_call_stats(p_new public.call_logs[], p_old public.call_logs[])
returns void
language sql security definer set search_path = ''
as $$
  insert into dialbridge.dialer_call_stats as s
  select d.team_id, d.campaign_id, d.user_id, d.hour, d.status, sum(d.calls), sum(d.answered), sum(d.duration_seconds),
         sum(d.machine_answers), sum(d.abandoned), sum(d.ring_seconds), sum(d.connected), sum(d.talk_seconds)
    from (select * from dialbridge.dialer_call_stat_rows(p_new, 1)
          union all select * from dialbridge.dialer_call_stat_rows(p_old, -1)) d
   group by 1, 2, 3, 4, 5
  having sum(d.calls) <> 0 or sum(d.answered) <> 0 or sum(d.duration_seconds) <> 0 or sum(d.machine_answers) <> 0
      or sum(d.abandoned) <> 0 or sum(d.ring_seconds) <> 0 or sum(d.connected) <> 0 or sum(d.talk_seconds) <> 0
   order by 1, 2, 3, 4, 5
  on conflict (team_id, campaign_id, user_id, hour, status) do update
    set calls = s.calls + excluded.calls, answered = s.answered + excluded.answered,
        duration_seconds = s.duration_seconds + excluded.duration_seconds,
        machine_answers = s.machine_answers + excluded.machine_answers, abandoned = s.abandoned + excluded.abandoned,
        ring_seconds = s.ring_seconds + excluded.ring_seconds, connected = s.connected + excluded.connected,
        talk_seconds = s.talk_seconds + excluded.talk_seconds
$$;
comment on function dialbridge.add_dialer_call_stats(public.call_logs[], public.call_logs[]) is 'Adds the difference between new and old call log rows to dialbridge.dialer_call_stats, one upsert per key in key order (no deadlocks between concurrent statements).';

create or replace function dialbridge.tg_call_logs__call_stats() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform dialbridge.add_dialer_call_stats(array(select n::public.call_logs from new_rows n), '{}'::public.call_logs[]);
  elsif tg_op = 'DELETE' then
    perform dialbridge.add_dialer_call_stats('{}'::public.call_logs[], array(select o::public.call_logs from old_rows o));
  else
    perform dialbridge.add_dialer_call_stats(array(select n::public.call_logs from new_rows n), array(select o::public.call_logs from old_rows o));
  end if;
  return null;
end
$$;
comment on function dialbridge.tg_call_logs__call_stats() is 'Trigger function: adds each statement''s change of call logs to dialbridge.dialer_call_stats.';
drop trigger if exists _910_call_stats_insert on public.call_logs;
drop trigger if exists _910_call_stats_update on public.call_logs;
drop trigger if exists _910_call_stats_delete on public.call_logs;
create trigger _910_call_stats_insert after insert on public.call_logs referencing new table as new_rows
  for each statement execute function dialbridge.tg_call_logs__call_stats();
create trigger _910_call_stats_update after update on public.call_logs referencing old table as old_rows new table as new_rows
  for each statement execute function dialbridge.tg_call_logs__call_stats();
create trigger _910_call_stats_delete after delete on public.call_logs referencing old table as old_rows
  for each statement execute function dialbridge.tg_call_logs__call_stats();

/** The roll-up from the call logs themselves (what the trigger should have kept). */
create or replace function dialbridge.dialer_call_stats_from_rows()
returns setof dialbridge.dialer_call_stats
language sql stable security definer set search_path = ''
as $$
  select * from dialbridge.dialer_call_stat_rows(array(select l from public.call_logs l), 1)
$$;
comment on function dialbridge.dialer_call_stats_from_rows() is 'dialbridge.dialer_call_stats computed from all call logs: the reference for the comparison and the recompute.';
revoke all on function dialbridge.dialer_call_stats_from_rows() from public, authenticated;
grant execute on function dialbridge.dialer_call_stats_from_rows() to service_role;

/** Rewrites the roll-up where it differs from the call logs; returns how many keys were fixed. */
create or replace function dialbridge.recompute_dialer_call_stats()
returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_n integer;
begin
  lock table dialbridge.dialer_call_stats in share row exclusive mode;
  -- a key none of whose call logs remain holds only zeros (every measure is a sum over its calls)
  create temporary table dialer_call_stats_expected on commit drop as select * from dialbridge.dialer_call_stats_from_rows();
  select count(*) into v_n
    from ((select * from pg_temp.dialer_call_stats_expected
           except select * from dialbridge.dialer_call_stats where calls <> 0)
          union all
          (select * from dialbridge.dialer_call_stats where calls <> 0
           except select * from pg_temp.dialer_call_stats_expected)) x;
  if v_n > 0 then
    delete from dialbridge.dialer_call_stats;
    insert into dialbridge.dialer_call_stats select * from pg_temp.dialer_call_stats_expected;
  end if;
  drop table pg_temp.dialer_call_stats_expected;
  return v_n;
end
$$;
comment on function dialbridge.recompute_dialer_call_stats() is 'Reconciliation: compares dialbridge.dialer_call_stats with the call logs (dialbridge.dialer_call_stats_from_rows) and rebuilds it when they differ; returns the number of differing keys (0: the trigger kept it right).';
revoke all on function dialbridge.recompute_dialer_call_stats() from public, authenticated;
grant execute on function dialbridge.recompute_dialer_call_stats() to service_role;

/** A date-only bound is a whole day in the zone; anything else is a moment. */
create or replace function dialbridge.analytics_bound(p_value text, p_time_zone text, p_end boolean)
returns timestamptz
language sql stable set search_path = ''
as $$
  select case when nullif(pg_catalog.btrim(p_value), '') is null then null
              when pg_catalog.btrim(p_value) ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                then ((pg_catalog.btrim(p_value)::date + case when p_end then 1 else 0 end)::timestamp at time zone p_time_zone)
              else pg_catalog.btrim(p_value)::timestamptz end
$$;
comment on function dialbridge.analytics_bound(text, text, boolean) is 'An analytics date bound: "2025-01-31" is that whole day in the zone (an end bound: up to the next midnight, excluded); an ISO time is that moment.';

/**
 * GET /api/dialer/analytics: the seed's shape — overview (totals, answered, completed, failed, busy,
 * no-answer, duration, answer and completion rates), byHour[24] (in p_time_zone), byStatus, recentCalls
 * (the last 10) — over the calls the caller may see, from the maintained roll-up.
 */
create or replace function public.dialer_analytics(start_date text default null, end_date text default null,
  campaign_id uuid default null, time_zone text default 'UTC')
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_all boolean := auth.uid() is null or dialbridge.is_admin();
  v_manager boolean := dialbridge.current_app_role() = 'manager';
  v_team uuid := dialbridge.current_team_id();
  v_from timestamptz;
  v_to timestamptz;
  v_result jsonb;
begin
  if not exists (select 1 from dialbridge.time_zone_names t where t.name = time_zone) then
    raise exception 'unknown time zone "%"', time_zone using errcode = 'DB052';
  end if;
  begin
    v_from := dialbridge.analytics_bound(start_date, time_zone, false);
    v_to := dialbridge.analytics_bound(end_date, time_zone, true);
  exception when others then
    raise exception 'start_date and end_date are ISO 8601 dates or times' using errcode = '22007';
  end;
  with s as (
    select st.* from dialbridge.dialer_call_stats st
     where (v_from is null or st.hour >= pg_catalog.date_trunc('hour', v_from, 'UTC'))
       and (v_to is null or st.hour < v_to)
       and (dialer_analytics.campaign_id is null or st.campaign_id = dialer_analytics.campaign_id)
       and (v_all or st.user_id = v_uid or (v_manager and st.team_id = v_team)
            or (st.campaign_id is not null and dialbridge.can_see_campaign(st.campaign_id)))
  ), o as (
    select coalesce(sum(s.calls), 0) as total, coalesce(sum(s.answered), 0) as answered,
           coalesce(sum(s.calls) filter (where s.status = 'completed'), 0) as completed,
           coalesce(sum(s.calls) filter (where s.status = 'failed'), 0) as failed,
           coalesce(sum(s.calls) filter (where s.status = 'busy'), 0) as busy,
           coalesce(sum(s.calls) filter (where s.status = 'no-answer'), 0) as no_answer,
           coalesce(sum(s.duration_seconds), 0) as duration
      from s
  ), h as (
    select extract(hour from (s.hour at time zone dialer_analytics.time_zone))::integer as hr, sum(s.calls) as n
      from s group by 1
  ), st as (
    select x.status, coalesce((select sum(s.calls) from s where s.status = x.status), 0) as n
      from pg_catalog.unnest(array['initiated', 'ringing', 'answered', 'completed', 'failed', 'busy', 'no-answer', 'canceled']) x(status)
  ), recent as (
    select l.id, l.call_id, l.direction, l.from_number, l.to_number, l.status, l.duration, l.campaign_id, l.contact_id,
           l.user_id, l.started_at, l.answered_at, l.ended_at, l.created_at
      from public.call_logs l
     where (v_from is null or coalesce(l.started_at, l.created_at) >= v_from)
       and (v_to is null or coalesce(l.started_at, l.created_at) < v_to)
       and (dialer_analytics.campaign_id is null or l.campaign_id = dialer_analytics.campaign_id)
       and (v_all or l.user_id = v_uid or (v_manager and l.team_id = v_team)
            or (l.campaign_id is not null and dialbridge.can_see_campaign(l.campaign_id)))
     order by coalesce(l.started_at, l.created_at) desc, l.id desc
     limit 10
  )
  select pg_catalog.jsonb_build_object('analytics', pg_catalog.jsonb_build_object(
    'overview', pg_catalog.jsonb_build_object(
      'totalCalls', o.total, 'answeredCalls', o.answered, 'completedCalls', o.completed, 'failedCalls', o.failed,
      'busyCalls', o.busy, 'noAnswerCalls', o.no_answer, 'totalDuration', o.duration,
      'avgDuration', case when o.answered > 0 then pg_catalog.round(o.duration::numeric / o.answered)::bigint else 0 end,
      'answerRate', case when o.total > 0 then pg_catalog.round(100.0 * o.answered / o.total, 1) else 0 end,
      'completionRate', case when o.total > 0 then pg_catalog.round(100.0 * o.completed / o.total, 1) else 0 end),
    'distribution', pg_catalog.jsonb_build_object(
      'byHour', (select pg_catalog.jsonb_agg(coalesce(h.n, 0) order by g.hr)
                   from pg_catalog.generate_series(0, 23) g(hr) left join h on h.hr = g.hr),
      'byStatus', (select pg_catalog.jsonb_object_agg(st.status, st.n) from st)),
    'recentCalls', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r) order by coalesce(r.started_at, r.created_at) desc, r.id desc) from recent r), '[]'::jsonb)))
    into v_result
    from o;
  return v_result;
end
$$;
comment on function public.dialer_analytics(text, text, uuid, text) is
'GET /api/dialer/analytics in the seed''s shape: {analytics: {overview: {totalCalls, answeredCalls, completedCalls, failedCalls, busyCalls, noAnswerCalls, totalDuration, avgDuration (seconds per answered call), answerRate, completionRate (percent of all calls)}, distribution: {byHour[24] (hour of day in time_zone), byStatus}, recentCalls (the last 10)}}, from dialbridge.dialer_call_stats (not by scanning call logs), over the calls the caller may see (their own, their campaigns'', their team''s for managers, all for admins). start_date / end_date: a date is that whole day in time_zone, else an ISO moment. DB052: unknown zone.';
revoke all on function public.dialer_analytics(text, text, uuid, text) from public;
grant execute on function public.dialer_analytics(text, text, uuid, text) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Adding contacts to a campaign: the push's matching and validation
-- ---------------------------------------------------------------------------------------------------
/**
 * POST /api/dialer/campaigns/{id}/contacts: each contact ({phone_number (E.164), first_name, last_name,
 * email, company, metadata} or {contact_id}) is matched to the team's contact with that number (or
 * created), validated as the push validates (dialbridge.push_candidates: do-not-call, suppressions,
 * invalid or missing numbers, duplicates in the list) and added; the answer lists what was excluded and why.
 */
create or replace function public.add_campaign_contacts(p_campaign_id uuid, p_contacts jsonb, p_options jsonb default '{}')
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_items jsonb := '[]';
  v_pos integer[] := '{}';
  v_excluded jsonb := '[]';
  v_ids uuid[];
  v_item jsonb;
  v_phone text;
  v_n integer := 0;
  v_seen uuid[] := '{}';
  v_phones text[] := '{}';
  v_reason text;
  v_out integer[] := '{}';
  i integer;
  v_added uuid[];
begin
  if not dialbridge.can_manage_campaign(p_campaign_id) and not (auth.uid() is null and exists (
       select 1 from public.dialer_campaigns c where c.id = p_campaign_id)) then
    raise exception 'campaign % not found or not yours to change', p_campaign_id using errcode = '42501';
  end if;
  if p_contacts is null or pg_catalog.jsonb_typeof(p_contacts) <> 'array' then
    raise exception 'contacts must be an array' using errcode = 'DB040';
  end if;
  if pg_catalog.jsonb_array_length(p_contacts) > 5000 then
    raise exception 'at most 5,000 contacts per request' using errcode = 'DB047';
  end if;
  perform dialbridge.validate_push_options(coalesce(p_options, '{}'));
  -- numbers first: an unusable number is excluded before any contact is matched or created
  for i in 0 .. pg_catalog.jsonb_array_length(p_contacts) - 1 loop
    v_item := p_contacts -> i;
    v_phone := pg_catalog.regexp_replace(coalesce(v_item ->> 'phone_number', v_item ->> 'phone', ''), '[^0-9+]', '', 'g');
    if v_item ->> 'contact_id' is null and v_phone !~ '^\+[1-9][0-9]{7,14}$' then
      v_reason := case when nullif(pg_catalog.btrim(coalesce(v_item ->> 'phone_number', v_item ->> 'phone', '')), '') is null
                       then 'missing_phone' else 'invalid_phone' end;
      v_excluded := v_excluded || pg_catalog.jsonb_build_object('index', i, 'phone_number', v_item ->> 'phone_number',
        'reason', v_reason, 'label', dialbridge.push_reason_label(v_reason),
        'detail', case when v_reason = 'missing_phone' then 'No phone number' else 'Not a phone number in E.164 form (+ and 8 to 15 digits)' end);
      continue;
    end if;
    if v_phone <> '' and v_phone = any (v_phones) then
      -- the same number twice in the list (a new contact's number is normalised later: match it here)
      v_excluded := v_excluded || pg_catalog.jsonb_build_object('index', i, 'phone_number', v_item ->> 'phone_number',
        'reason', 'duplicate_in_list', 'label', dialbridge.push_reason_label('duplicate_in_list'),
        'detail', 'Same phone as an earlier row');
      continue;
    end if;
    v_phones := v_phones || v_phone;
    v_items := v_items || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'contact_id', v_item ->> 'contact_id', 'phone', nullif(v_phone, ''), 'phone_e164', nullif(v_phone, ''),
      'name', nullif(pg_catalog.btrim(coalesce(v_item ->> 'first_name', '') || ' ' || coalesce(v_item ->> 'last_name', '')), ''),
      'email', v_item ->> 'email', 'company', v_item ->> 'company'));
    v_pos := v_pos || i;
  end loop;
  v_ids := dialbridge.resolve_inline_contacts(v_items);

  if pg_catalog.to_regclass('pg_temp.campaign_contact_import') is null then
    create temporary table campaign_contact_import (pos integer, contact_id uuid, status text, reason text, detail text) on commit drop;
  end if;
  truncate pg_temp.campaign_contact_import;
  insert into pg_temp.campaign_contact_import
  select v_pos[c.ord], c.contact_id, c.status, c.reason, c.detail
    from dialbridge.push_candidates(v_ids, '{"skip_recently_contacted": false}'::jsonb || coalesce(p_options, '{}')) c;

  for i in 1 .. coalesce(pg_catalog.cardinality(v_ids), 0) loop
    if v_ids[i] = any (v_seen) then
      v_excluded := v_excluded || pg_catalog.jsonb_build_object('index', v_pos[i], 'contact_id', v_ids[i],
        'phone_number', p_contacts -> v_pos[i] ->> 'phone_number', 'reason', 'duplicate_in_list',
        'label', dialbridge.push_reason_label('duplicate_in_list'), 'detail', 'Same contact as an earlier row');
      v_out := v_out || v_pos[i];
    elsif not exists (select 1 from public.contacts k where k.id = v_ids[i]
                       and (k.team_id = dialbridge.current_team_id() or dialbridge.is_admin() or auth.uid() is null)) then
      v_excluded := v_excluded || pg_catalog.jsonb_build_object('index', v_pos[i], 'contact_id', v_ids[i],
        'reason', 'not_found', 'label', 'Not found', 'detail', 'No such contact in your team');
      v_out := v_out || v_pos[i];
    elsif exists (select 1 from public.campaign_contacts cc where cc.campaign_id = p_campaign_id and cc.contact_id = v_ids[i]) then
      v_excluded := v_excluded || pg_catalog.jsonb_build_object('index', v_pos[i], 'contact_id', v_ids[i],
        'phone_number', p_contacts -> v_pos[i] ->> 'phone_number', 'reason', 'already_in_campaign',
        'label', 'Already in campaign', 'detail', 'Already in this campaign');
      v_out := v_out || v_pos[i];
    end if;
    v_seen := v_seen || v_ids[i];
  end loop;
  v_excluded := v_excluded || coalesce((
    select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object('index', x.pos, 'contact_id', x.contact_id,
             'phone_number', p_contacts -> x.pos ->> 'phone_number', 'reason', x.reason,
             'label', dialbridge.push_reason_label(x.reason), 'detail', x.detail) order by x.pos)
      from pg_temp.campaign_contact_import x
     where x.status = 'excluded' and x.pos <> all (v_out)), '[]');

  with added as (
    insert into public.campaign_contacts (campaign_id, contact_id, phone_number, first_name, last_name, email, company, priority, scheduled_at, metadata)
    select p_campaign_id, x.contact_id, coalesce(k.phone_e164, p_contacts -> x.pos ->> 'phone_number'),
           coalesce(p_contacts -> x.pos ->> 'first_name', k.first_name), coalesce(p_contacts -> x.pos ->> 'last_name', k.last_name),
           coalesce(p_contacts -> x.pos ->> 'email', k.email), coalesce(p_contacts -> x.pos ->> 'company', k.company),
           coalesce((p_contacts -> x.pos ->> 'priority')::integer, 0), (p_contacts -> x.pos ->> 'scheduled_at')::timestamptz,
           coalesce(p_contacts -> x.pos -> 'metadata', '{}')
      from pg_temp.campaign_contact_import x
      join public.contacts k on k.id = x.contact_id
     where x.status = 'ready' and x.pos <> all (v_out)
     order by x.pos
    on conflict (campaign_id, contact_id) do nothing
    returning id
  )
  select array_agg(a.id) into v_added from added a;
  return pg_catalog.jsonb_build_object('success', true, 'added', coalesce(pg_catalog.cardinality(v_added), 0),
    'excluded', (select coalesce(pg_catalog.jsonb_agg(e order by (e ->> 'index')::integer), '[]') from pg_catalog.jsonb_array_elements(v_excluded) e),
    'contacts', coalesce((select pg_catalog.jsonb_agg(pg_catalog.to_jsonb(cc) order by cc.created_at, cc.id)
                            from public.campaign_contacts cc where cc.id = any (v_added)), '[]'));
end
$$;
comment on function public.add_campaign_contacts(uuid, jsonb, jsonb) is
'POST /api/dialer/campaigns/{id}/contacts: matches each contact to the caller''s team contact with that number (or creates it, as the push does: dialbridge.resolve_inline_contacts), validates with the push''s rules (dialbridge.push_candidates, options as for a push; recently contacted not applied unless asked) and adds the ready ones. Answers {success, added, excluded: [{index, phone_number, contact_id, reason, label, detail}], contacts}. Owners and managers of the campaign only (42501); DB040/DB047 as for a push.';
revoke all on function public.add_campaign_contacts(uuid, jsonb, jsonb) from public;
grant execute on function public.add_campaign_contacts(uuid, jsonb, jsonb) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Reports for Metabase and the frontend (the same numbers as /analytics, from the same roll-up)
-- ---------------------------------------------------------------------------------------------------
-- the report views' filters run as their reader: Metabase may ask them (they answer false for it)
grant execute on function dialbridge.current_app_role(), dialbridge.can_see_campaign(uuid) to dialbridge_metabase;

create or replace view dialbridge.report_dialer_campaigns with (security_barrier = true) as
select c.* from public.dialer_campaigns c
 where (select dialbridge.reads_all_reports()) or dialbridge.can_see_campaign(c.id);
comment on view dialbridge.report_dialer_campaigns is 'Dialer campaigns the caller may see (Metabase and the service role: all). Read by reports views.';
revoke all on dialbridge.report_dialer_campaigns from public, anon;
grant select on dialbridge.report_dialer_campaigns to authenticated, service_role, dialbridge_metabase;

create or replace view dialbridge.report_dialer_call_stats with (security_barrier = true) as
select s.* from dialbridge.dialer_call_stats s
 where (select dialbridge.reads_all_reports()) or (select dialbridge.is_admin())
    or s.user_id = (select auth.uid())
    or (s.team_id = (select dialbridge.current_team_id()) and (select dialbridge.current_app_role()) = 'manager')
    or (s.campaign_id is not null and dialbridge.can_see_campaign(s.campaign_id));
comment on view dialbridge.report_dialer_call_stats is 'The dialer''s call roll-up rows the caller may see (their calls, their campaigns'', their team''s for managers; Metabase: all). Read by reports views.';
revoke all on dialbridge.report_dialer_call_stats from public, anon;
grant select on dialbridge.report_dialer_call_stats to authenticated, service_role, dialbridge_metabase;

create or replace view reports.dialer_campaign_results with (security_invoker = true) as
select c.id as campaign_id, c.name as campaign_name, c.type, c.status, c.team_id, t.name as team_name,
       c.user_id as owner_id, coalesce(p.display_name, p.email) as owner_name, c.created_at,
       coalesce((c.stats ->> 'total')::integer, 0) as contacts,
       coalesce((c.stats ->> 'pending')::integer, 0) as contacts_pending,
       coalesce((c.stats ->> 'completed')::integer, 0) as contacts_completed,
       coalesce((c.stats ->> 'failed')::integer, 0) as contacts_failed,
       coalesce((c.stats ->> 'callback')::integer, 0) as contacts_callback,
       coalesce((c.stats ->> 'do_not_call')::integer, 0) as contacts_do_not_call,
       coalesce(x.calls, 0) as calls, coalesce(x.answered, 0) as answered_calls, coalesce(x.completed, 0) as completed_calls,
       coalesce(x.no_answer, 0) as no_answer_calls, coalesce(x.busy, 0) as busy_calls, coalesce(x.failed, 0) as failed_calls,
       coalesce(x.duration, 0) as total_duration_seconds,
       round(x.duration::numeric / nullif(x.answered, 0)) as avg_duration_seconds,
       round(100.0 * x.answered / nullif(x.calls, 0), 1) as answer_rate_pct,
       round(100.0 * x.completed / nullif(x.calls, 0), 1) as completion_rate_pct
  from dialbridge.report_dialer_campaigns c
  left join lateral (
    select sum(s.calls)::bigint as calls, sum(s.answered)::bigint as answered,
           (sum(s.calls) filter (where s.status = 'completed'))::bigint as completed,
           (sum(s.calls) filter (where s.status = 'no-answer'))::bigint as no_answer,
           (sum(s.calls) filter (where s.status = 'busy'))::bigint as busy,
           (sum(s.calls) filter (where s.status = 'failed'))::bigint as failed,
           sum(s.duration_seconds)::bigint as duration
      from dialbridge.report_dialer_call_stats s where s.campaign_id = c.id) x on true
  left join dialbridge.report_profiles p on p.id = c.user_id
  left join dialbridge.report_teams t on t.id = c.team_id;
comment on view reports.dialer_campaign_results is 'VoIPStudio dialer campaigns: contacts by status (maintained stats) and calls, answered, completed, no-answer, busy, failed, talk seconds and rates (the analytics roll-up), per campaign — the same numbers as GET /analytics?campaign_id.';
comment on column reports.dialer_campaign_results.campaign_id is 'The campaign.';
comment on column reports.dialer_campaign_results.campaign_name is 'Its name.';
comment on column reports.dialer_campaign_results.type is 'manual, preview, power or predictive.';
comment on column reports.dialer_campaign_results.status is 'draft, active, paused, completed, archived.';
comment on column reports.dialer_campaign_results.team_id is 'The owner''s team.';
comment on column reports.dialer_campaign_results.team_name is 'Its name.';
comment on column reports.dialer_campaign_results.owner_id is 'The owner.';
comment on column reports.dialer_campaign_results.owner_name is 'The owner''s name.';
comment on column reports.dialer_campaign_results.created_at is 'When the campaign was created.';
comment on column reports.dialer_campaign_results.contacts is 'Contacts in the campaign.';
comment on column reports.dialer_campaign_results.contacts_pending is 'Not called yet.';
comment on column reports.dialer_campaign_results.contacts_completed is 'Done (answered or dispositioned to an end).';
comment on column reports.dialer_campaign_results.contacts_failed is 'Last attempt failed (retried until max attempts).';
comment on column reports.dialer_campaign_results.contacts_callback is 'Waiting for their callback.';
comment on column reports.dialer_campaign_results.contacts_do_not_call is 'Out of the campaign: do-not-call.';
comment on column reports.dialer_campaign_results.calls is 'Calls of the campaign.';
comment on column reports.dialer_campaign_results.answered_calls is 'Answered.';
comment on column reports.dialer_campaign_results.completed_calls is 'Completed (answered and ended).';
comment on column reports.dialer_campaign_results.no_answer_calls is 'Not answered.';
comment on column reports.dialer_campaign_results.busy_calls is 'Busy.';
comment on column reports.dialer_campaign_results.failed_calls is 'Failed.';
comment on column reports.dialer_campaign_results.total_duration_seconds is 'Seconds of calls.';
comment on column reports.dialer_campaign_results.avg_duration_seconds is 'Seconds per answered call.';
comment on column reports.dialer_campaign_results.answer_rate_pct is 'Answered ÷ calls, %.';
comment on column reports.dialer_campaign_results.completion_rate_pct is 'Completed ÷ calls, %.';

create or replace view reports.dialer_calls_hourly with (security_invoker = true) as
select s.hour as hour_utc, (s.hour at time zone dialbridge.report_time_zone()) as hour_local,
       s.campaign_id, c.name as campaign_name, s.user_id as rep_id, coalesce(p.display_name, p.email) as rep_name,
       s.status, s.calls, s.answered as answered_calls, s.duration_seconds
  from dialbridge.report_dialer_call_stats s
  left join dialbridge.report_dialer_campaigns c on c.id = s.campaign_id
  left join dialbridge.report_profiles p on p.id = s.user_id
 where s.calls <> 0 or s.answered <> 0 or s.duration_seconds <> 0;
comment on view reports.dialer_calls_hourly is 'VoIPStudio dialer calls per hour, campaign, rep and status (the analytics roll-up): for calls-by-hour charts and rep activity. hour_local is in the reporting time zone.';
comment on column reports.dialer_calls_hourly.hour_utc is 'The hour the calls started in (UTC).';
comment on column reports.dialer_calls_hourly.hour_local is 'The same hour in the reporting time zone.';
comment on column reports.dialer_calls_hourly.campaign_id is 'The campaign (null: calls outside campaigns).';
comment on column reports.dialer_calls_hourly.campaign_name is 'Its name.';
comment on column reports.dialer_calls_hourly.rep_id is 'The rep.';
comment on column reports.dialer_calls_hourly.rep_name is 'The rep''s name.';
comment on column reports.dialer_calls_hourly.status is 'The calls'' status.';
comment on column reports.dialer_calls_hourly.calls is 'Calls.';
comment on column reports.dialer_calls_hourly.answered_calls is 'Answered calls.';
comment on column reports.dialer_calls_hourly.duration_seconds is 'Seconds of calls.';
revoke all on reports.dialer_campaign_results, reports.dialer_calls_hourly from public, anon;
grant select on reports.dialer_campaign_results, reports.dialer_calls_hourly to authenticated, service_role, dialbridge_metabase;

-- ---------------------------------------------------------------------------------------------------
-- Registration, realtime
-- ---------------------------------------------------------------------------------------------------
select dialbridge.register_webhook_provider('voipstudio', 'VoIPStudio dialer backend (per-leg call webhooks, click-to-call, campaigns)',
  'dialbridge.voipstudio_event_identity', 'dialbridge.voipstudio_event_refs', 'dialbridge.voipstudio_normalize',
  p_process_fn => 'dialbridge.voipstudio_process_events',
  p_event_types => array['call.ringing', 'call.connected', 'call.ended', 'call.missed', 'call.dtmf', 'disposition.set']);

do $$
declare t text;
begin
  if exists (select 1 from pg_catalog.pg_publication where pubname = 'supabase_realtime') then
    foreach t in array array['call_logs', 'dialer_campaigns', 'dialer_agent_states'] loop
      if not exists (select 1 from pg_catalog.pg_publication_tables
                      where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = t) then
        execute pg_catalog.format('alter publication supabase_realtime add table public.%I', t);
      end if;
    end loop;
  end if;
end
$$;

-- private functions run only where they are granted (RLS helpers and RPCs above)
revoke execute on all functions in schema dialbridge from public;

-- migrate:down
