-- Purpose: discovery at a million events (findings of sql/bench/discovery_explain.sql).
-- 1. search_event_page numbered its rows with a window function over the whole match set, which
--    forced a full sort of every match (an external merge sort on disk for a common term at 1M
--    events) instead of a top-N heapsort; the page is now cut first, then numbered, and the
--    cursor is encoded for the page's rows only. Ranking uses ts_rank (weights title > tags >
--    description, term frequency) instead of ts_rank_cd: cover density costs ~2x the CPU per
--    match (+120 ms vs +35 ms over 19,000 matches) and adds little for short event texts.
-- 2. my_feed evaluated the events RLS policy for every candidate (up to page_size per followed
--    source plus every participation of the caller, past ones included): ~70 ms for a user with
--    350 participations. The page of ids is now chosen by a definer helper restricted, like
--    search_event_page, to rows the caller may see anyway (public published events of followed
--    people and organizations; events the caller has a live participation in, which the events
--    policy shows them), and my_feed (invoker) reads just those rows under RLS.
-- Touches: replaces private.search_event_page and public.my_feed (same signatures); new
-- function private.feed_page.

create or replace function private.search_event_page(
  text_query tsquery,
  event_format public.event_format,
  event_type public.event_type,
  in_organization uuid,
  starts_after timestamptz,
  starts_before timestamptz,
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
begin
  if text_query is null then
    return query
      select p.id, (row_number() over (order by p.start_datetime, p.id))::integer, null::real,
             pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(
               pg_catalog.jsonb_build_object('s', p.start_datetime, 'i', p.id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_')
      from (
        select e.id, e.start_datetime
        from public.events e
        where e.status = 'published' and e.visibility = 'public' and e.deleted_at is null
          and not (e.organizer_id = any (hidden))
          and (event_format is null or e.format = event_format)
          and (event_type is null or e.type = event_type)
          and (in_organization is null or e.organization_id = in_organization)
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
        where e.status = 'published' and e.visibility = 'public' and e.deleted_at is null
          and e.search_vector @@ text_query
          and not (e.organizer_id = any (hidden))
          and (event_format is null or e.format = event_format)
          and (event_type is null or e.type = event_type)
          and (in_organization is null or e.organization_id = in_organization)
          and (starts_after is null or e.start_datetime >= starts_after)
          and (starts_before is null or e.start_datetime < starts_before)
      ) h
      where cursor_id is null or h.rank < cursor_rank
         or (h.rank = cursor_rank and (h.start_datetime, h.id) > (cursor_start, cursor_id))
      order by h.rank desc, h.start_datetime, h.id
      limit page_size
    ) p;
end $$;

-- Definer (see the header): the caller's feed page as ids, soonest first, with the reasons.
-- Reads the caller from auth.uid(), never from a parameter.
create function private.feed_page(from_start timestamptz, from_id uuid, page_size integer)
returns table (event_id uuid, start_datetime timestamptz, reasons text[])
language plpgsql stable security definer
set search_path = '' set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
declare
  me uuid := (select auth.uid());
  hidden uuid[] := array(
    select u.id from public.users u where u.status in ('suspended', 'frozen') or u.deleted_at is not null);  -- users_unlisted_idx
begin
  if me is null or not private.is_active() then
    return;  -- suspended or deleted callers read nothing private (the events policy would agree)
  end if;
  return query
    with candidates as (
      select x.id, x.start_datetime, 'followed_person'::text as reason
      from public.follows f
      cross join lateral (
        select e.id, e.start_datetime from public.events e
        where e.organizer_id = f.followee_id
          and e.status = 'published' and e.visibility = 'public' and e.deleted_at is null
          and (e.start_datetime, e.id) > (from_start, from_id)
        order by e.start_datetime, e.id
        limit page_size
      ) x
      where f.follower_id = me and f.followee_id is not null and not (f.followee_id = any (hidden))
      union all
      select x.id, x.start_datetime, 'followed_organization'
      from public.follows f
      cross join lateral (
        select e.id, e.start_datetime from public.events e
        where e.organization_id = f.org_id
          and e.status = 'published' and e.visibility = 'public' and e.deleted_at is null
          and (e.start_datetime, e.id) > (from_start, from_id)
          and not (e.organizer_id = any (hidden))
        order by e.start_datetime, e.id
        limit page_size
      ) x
      where f.follower_id = me and f.org_id is not null
      union all
      select e.id, e.start_datetime, 'participating'
      from public.event_participants p
      join public.events e on e.id = p.event_id
      where p.user_id = me and p.status in ('pending', 'accepted', 'waitlisted')
        and e.status = 'published' and e.deleted_at is null
        and (e.start_datetime, e.id) > (from_start, from_id)
        and not (e.organizer_id = any (hidden))
    )
    select c.id, c.start_datetime, pg_catalog.array_agg(distinct c.reason order by c.reason)
    from candidates c
    group by c.id, c.start_datetime
    order by c.start_datetime, c.id
    limit page_size;
end $$;
comment on function private.feed_page(timestamptz, uuid, integer) is
  'One page of the caller''s feed (event ids, start, reasons) for my_feed; only events the caller may see.';
revoke all on function private.feed_page(timestamptz, uuid, integer) from public;
grant execute on function private.feed_page(timestamptz, uuid, integer) to authenticated, service_role;

create or replace function public.my_feed(after_cursor text default null, page_size integer default 20)
returns setof public.event_search_result
language plpgsql stable security invoker
set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  decoded jsonb;
  -- Upcoming = starts after now; the cursor moves the lower bound forward.
  from_start timestamptz := pg_catalog.now();
  from_id uuid := '00000000-0000-0000-0000-000000000000';
begin
  if (select auth.uid()) is null then
    raise exception using errcode = 'insufficient_privilege', message = 'Sign in to see your feed';
  end if;
  if page_size is null or page_size < 1 or page_size > 100 then
    raise exception using errcode = 'invalid_parameter_value', message = 'page_size must be between 1 and 100';
  end if;
  if after_cursor is not null then
    decoded := private.decode_cursor(after_cursor);
    begin
      from_start := (decoded ->> 's')::timestamptz;
      from_id := (decoded ->> 'i')::uuid;
    exception when others then
      from_start := null;
    end;
    if from_start is null or from_id is null or decoded ? 'r' then
      raise exception using errcode = 'invalid_parameter_value',
        message = 'after_cursor is not a cursor returned by my_feed: pass the cursor of the last row you received';
    end if;
    from_start := greatest(from_start, pg_catalog.now());
  end if;

  -- The page's rows as the caller may see them (events RLS applies here, to page_size rows).
  return query
    select e.id, e.title, e.description, e.format, e.type, e.start_datetime, e.end_datetime, e.timezone,
           e.organizer_id, e.organization_id, e.cover_url, e.logo_url, e.registration_type, e.registration_status,
           e.price, e.currency, e.max_participant, e.participant_count, e.reviews_count, e.average_rating,
           e.search_tags, null::real,
           pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(
             pg_catalog.jsonb_build_object('s', e.start_datetime, 'i', e.id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_'),
           p.reasons
    from private.feed_page(from_start, from_id, page_size) p
    join public.events e on e.id = p.event_id
    order by p.start_datetime, p.event_id;
end $$;
