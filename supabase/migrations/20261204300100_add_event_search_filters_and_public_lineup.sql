-- Purpose: discovery reads a frontend was missing (issue 15 §1).
-- 1. search_events gains category, price (free/paid) and include_past filters (the date range
--    existed). Past events are the ended ones (status 'ended'); cancelled events never list.
--    A new signature needs a drop: two overloads sharing argument names make PostgREST's call
--    ambiguous (PGRST203). Same design as 20261125500400 / 20261125500700: a definer helper picks
--    the page of ids with its own WHERE (rows anon may see anyway), the invoker function reads
--    them under RLS.
-- 2. public.event_lineup: the public line-up of a published (or ended) public event — accepted
--    speakers and sponsors with visible profiles, their public profile fields and the sponsor's
--    promo — readable by anon. event_participants stays unreadable to anon and is not widened:
--    a definer helper reads exactly these columns of exactly these rows.
-- Touches: drops public.search_events(text, event_format, event_type, uuid, timestamptz,
-- timestamptz, text, integer) and private.search_event_page(tsquery, event_format, event_type,
-- uuid, timestamptz, timestamptz, jsonb, integer); creates them with the new filters; new
-- index events_listing_with_past_start_idx; new type
-- public.lineup_entry, functions private.event_lineup_rows, public.event_lineup.

drop function public.search_events(text, public.event_format, public.event_type, uuid, timestamptz, timestamptz, text, integer);
drop function private.search_event_page(tsquery, public.event_format, public.event_type, uuid, timestamptz, timestamptz, jsonb, integer);

-- include_past lists published and ended events: its own partial indexes (the published-only ones
-- stay for the default listing, the common call). Category: event_categories' primary key
-- (event_id, category_id) is probed per candidate, event_categories_category_id_idx drives the
-- plan when the category is rare. Price (free/paid) splits the listing in two large halves: a
-- filter on the listing index walk, no index of its own would be more selective.
create index events_listing_with_past_start_idx on public.events (start_datetime, id)
  where status in ('published', 'ended') and visibility = 'public' and deleted_at is null;
-- (the text index for past events comes with the search documents, next migration)

create function private.search_event_page(
  text_query tsquery,
  event_format public.event_format,
  event_type public.event_type,
  in_organization uuid,
  in_category uuid,
  wanted_price public.event_registration_type,
  starts_after timestamptz,
  starts_before timestamptz,
  include_past boolean,
  after_cursor jsonb,
  page_size integer
) returns table (event_id uuid, ordinal integer, rank real, page_cursor text)
language plpgsql stable security definer
set search_path = '' set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
declare
  hidden uuid[] := array(
    select u.id from public.users u where u.status in ('suspended', 'frozen') or u.deleted_at is not null);  -- users_unlisted_idx
  cursor_rank real := (after_cursor ->> 'r')::real;
  cursor_start timestamptz := (after_cursor ->> 's')::timestamptz;
  cursor_id uuid := (after_cursor ->> 'i')::uuid;
  -- a constant array under custom plans: the planner proves the partial indexes' predicates from it
  listed public.event_status[] := case when include_past then '{published,ended}'::public.event_status[] else '{published}' end;
begin
  if text_query is null then
    return query
      select p.id, (row_number() over (order by p.start_datetime, p.id))::integer, null::real,
             pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(
               pg_catalog.jsonb_build_object('s', p.start_datetime, 'i', p.id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_')
      from (
        select e.id, e.start_datetime
        from public.events e
        where e.status = any (listed) and e.visibility = 'public' and e.deleted_at is null
          and not (e.organizer_id = any (hidden))
          and (event_format is null or e.format = event_format)
          and (event_type is null or e.type = event_type)
          and (in_organization is null or e.organization_id = in_organization)
          and (in_category is null or exists (
                select 1 from public.event_categories ec where ec.event_id = e.id and ec.category_id = in_category))
          and (wanted_price is null or e.registration_type = wanted_price)
          and (starts_after is null or e.start_datetime >= starts_after)
          and (starts_before is null or e.start_datetime < starts_before)
          and (cursor_id is null or (e.start_datetime, e.id) > (cursor_start, cursor_id))
        order by e.start_datetime, e.id
        limit page_size
      ) p;
    return;
  end if;
  return query
    select p.id, (row_number() over (order by p.rank desc, p.start_datetime, p.id))::integer, p.rank,
           pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(
             pg_catalog.jsonb_build_object('r', p.rank, 's', p.start_datetime, 'i', p.id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_')
    from (
      select h.id, h.start_datetime, h.rank
      from (
        select e.id, e.start_datetime, pg_catalog.ts_rank(e.search_vector, text_query) as rank
        from public.events e
        where e.status = any (listed) and e.visibility = 'public' and e.deleted_at is null
          and e.search_vector @@ text_query
          and not (e.organizer_id = any (hidden))
          and (event_format is null or e.format = event_format)
          and (event_type is null or e.type = event_type)
          and (in_organization is null or e.organization_id = in_organization)
          and (in_category is null or exists (
                select 1 from public.event_categories ec where ec.event_id = e.id and ec.category_id = in_category))
          and (wanted_price is null or e.registration_type = wanted_price)
          and (starts_after is null or e.start_datetime >= starts_after)
          and (starts_before is null or e.start_datetime < starts_before)
      ) h
      where cursor_id is null or h.rank < cursor_rank
         or (h.rank = cursor_rank and (h.start_datetime, h.id) > (cursor_start, cursor_id))
      order by h.rank desc, h.start_datetime, h.id
      limit page_size
    ) p;
end $$;
comment on function private.search_event_page(tsquery, public.event_format, public.event_type, uuid, uuid, public.event_registration_type, timestamptz, timestamptz, boolean, jsonb, integer) is
  'One page of listable event ids (published — and ended with include_past —, public, live, listed organizer) for search_events, with cursors.';
revoke all on function private.search_event_page(tsquery, public.event_format, public.event_type, uuid, uuid, public.event_registration_type, timestamptz, timestamptz, boolean, jsonb, integer) from public;
grant execute on function private.search_event_page(tsquery, public.event_format, public.event_type, uuid, uuid, public.event_registration_type, timestamptz, timestamptz, boolean, jsonb, integer)
  to anon, authenticated, service_role;

create function public.search_events(
  query text default null,
  format public.event_format default null,
  type public.event_type default null,
  organization_id uuid default null,
  category_id uuid default null,
  price public.event_registration_type default null,
  starts_after timestamptz default null,
  starts_before timestamptz default null,
  include_past boolean default false,
  after_cursor text default null,
  page_size integer default 20
) returns setof public.event_search_result
language plpgsql stable security invoker
set search_path = '' set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
declare
  text_query tsquery;
  decoded jsonb;
begin
  if page_size is null or page_size < 1 or page_size > 100 then
    raise exception using errcode = 'invalid_parameter_value', message = 'page_size must be between 1 and 100';
  end if;
  if starts_after is not null and starts_before is not null and starts_after >= starts_before then
    raise exception using errcode = 'invalid_parameter_value', message = 'starts_after must be before starts_before';
  end if;
  if query is not null and pg_catalog.char_length(query) > 200 then
    raise exception using errcode = 'invalid_parameter_value', message = 'query must be at most 200 characters';
  end if;
  if include_past is null then
    raise exception using errcode = 'invalid_parameter_value', message = 'include_past must be true or false';
  end if;
  if pg_catalog.btrim(coalesce(query, '')) <> '' then
    text_query := pg_catalog.websearch_to_tsquery('english'::regconfig, query);
    if pg_catalog.numnode(text_query) = 0 then
      text_query := null;
    end if;
  end if;
  if after_cursor is not null then
    decoded := private.decode_cursor(after_cursor);
    if (decoded ? 'r') <> (text_query is not null) or not (decoded ? 's' and decoded ? 'i') then
      raise exception using errcode = 'invalid_parameter_value',
        message = 'after_cursor belongs to a different search: pass the cursor of the last row of this search';
    end if;
    begin
      perform (decoded ->> 's')::timestamptz, (decoded ->> 'i')::uuid, (decoded ->> 'r')::real;
    exception when others then
      raise exception using errcode = 'invalid_parameter_value',
        message = 'after_cursor is not a cursor returned by this function: pass the cursor of the last row you received';
    end;
  end if;

  return query
    select e.id, e.title, e.description, e.format, e.type, e.start_datetime, e.end_datetime, e.timezone,
           e.organizer_id, e.organization_id, e.cover_url, e.logo_url, e.registration_type, e.registration_status,
           e.price, e.currency, e.max_participant, e.participant_count, e.reviews_count, e.average_rating,
           e.search_tags, p.rank, p.page_cursor, null::text[]
    from private.search_event_page(text_query, search_events.format, search_events.type, search_events.organization_id,
                                   search_events.category_id, search_events.price,
                                   search_events.starts_after, search_events.starts_before, search_events.include_past,
                                   decoded, search_events.page_size) p
    join public.events e on e.id = p.event_id
    order by p.ordinal;
end $$;
comment on function public.search_events(text, public.event_format, public.event_type, uuid, uuid, public.event_registration_type, timestamptz, timestamptz, boolean, text, integer) is
  'Search published public events: websearch-style text over title, tags, description (ranked); format, type, organization, category, price (free/paid), date range, include_past (ended events too) filters; keyset pages (pass the last row''s cursor as after_cursor).';
revoke all on function public.search_events(text, public.event_format, public.event_type, uuid, uuid, public.event_registration_type, timestamptz, timestamptz, boolean, text, integer)
  from public, anon, authenticated, service_role;
grant execute on function public.search_events(text, public.event_format, public.event_type, uuid, uuid, public.event_registration_type, timestamptz, timestamptz, boolean, text, integer)
  to anon, authenticated, service_role;

-- ── public line-up ──────────────────────────────────────────────────────────────────────────
create type public.lineup_entry as (
  user_id uuid,
  participant_role public.event_participant_role,
  full_name text,
  title text,
  avatar_url text,
  badges public.app_role[],
  sponsor_tier text,
  promo_link text,
  promo_image_url text
);
comment on type public.lineup_entry is
  'One speaker or sponsor of an event''s public line-up: public profile fields, and the sponsor''s promo (null for speakers).';

-- Definer: event_participants is not readable by anon, and fellows read it only through a narrow
-- path. Its WHERE clause is the whole rule: a published or ended, public, undeleted event; accepted
-- (or attended) speakers and sponsors; visible profiles only (a private profile is left out,
-- never masked, so nothing about it shows).
create function private.event_lineup_rows(lineup_event uuid)
returns setof public.lineup_entry
language sql stable security definer set search_path = '' as $$
  select p.user_id, p.role, pr.full_name, pr.title, pr.avatar_url, pr.badges, pr.sponsor_tier,
         case when p.role = 'sponsor' then p.promo_link end,
         case when p.role = 'sponsor' then p.promo_image_url end
  from public.events e
  join public.event_participants p on p.event_id = e.id  -- event_participants_event_status_idx
  join public.profiles pr on pr.user_id = p.user_id
  join public.users u on u.id = p.user_id
  where e.id = lineup_event
    and e.status in ('published', 'ended') and e.visibility = 'public' and e.deleted_at is null
    and p.status in ('accepted', 'attended') and p.role in ('speaker', 'sponsor')
    and pr.visibility = 'public' and u.status = 'active' and u.deleted_at is null
  order by p.role, pr.full_name, p.user_id
$$;
comment on function private.event_lineup_rows(uuid) is
  'The public line-up of a listed event (speakers, sponsors with visible profiles) for public.event_lineup.';
revoke all on function private.event_lineup_rows(uuid) from public;
grant execute on function private.event_lineup_rows(uuid) to anon, authenticated, service_role;

create function public.event_lineup(event_id uuid)
returns setof public.lineup_entry
language plpgsql stable security invoker set search_path = '' as $$
begin
  if event_id is null then
    raise exception using errcode = 'invalid_parameter_value', message = 'event_id is required';
  end if;
  -- The caller must see the event itself (events RLS); an event they may not see has no line-up.
  if not exists (select 1 from public.events e where e.id = event_lineup.event_id) then
    return;
  end if;
  return query select * from private.event_lineup_rows(event_lineup.event_id);
end $$;
comment on function public.event_lineup(uuid) is
  'Speakers and sponsors of a published public event (visible profiles only), speakers first; anyone may call it.';
revoke all on function public.event_lineup(uuid) from public, anon, authenticated, service_role;
grant execute on function public.event_lineup(uuid) to anon, authenticated, service_role;
