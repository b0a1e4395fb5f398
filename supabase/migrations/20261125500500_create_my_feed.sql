-- Purpose: the personal feed (issue 6 §4): upcoming events by the people and organizations the
-- caller follows, plus the events they take part in, soonest first, keyset-paginated, as
-- `supabase.rpc('my_feed', …)`. Security invoker: follows, participants and events are read
-- under the caller's RLS.
-- Cost: for each followed person or organization, one index range scan of at most page_size
-- rows (events_listing_organizer_idx / events_listing_organization_idx, whose operators are
-- leakproof so RLS does not block them); for own participation, one probe per participant row.
-- Nothing grows with how many events a followed organizer has.
-- Touches: functions public.my_feed, private.unlisted_user_ids. Own participations use the data
-- model's event_participants_user_id_idx (user_id, status).

-- Definer: the API roles may not read public.users. Returns only ids (a short list: suspended,
-- frozen and deleted accounts), used to leave their events out of discovery.
create function private.unlisted_user_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(pg_catalog.array_agg(u.id), '{}')
  from public.users u where u.status in ('suspended', 'frozen') or u.deleted_at is not null
$$;
comment on function private.unlisted_user_ids() is 'Accounts whose events discovery hides (suspended, frozen, deleted); uses users_unlisted_idx.';
revoke all on function private.unlisted_user_ids() from public;
grant execute on function private.unlisted_user_ids() to anon, authenticated, service_role;

create function public.my_feed(after_cursor text default null, page_size integer default 20)
returns setof public.event_search_result
language plpgsql stable security invoker
set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  me uuid := (select auth.uid());
  decoded jsonb;
  -- Upcoming = starts after now; the cursor moves the lower bound forward.
  from_start timestamptz := pg_catalog.now();
  from_id uuid := '00000000-0000-0000-0000-000000000000';
  hidden uuid[];
begin
  if me is null then
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
  hidden := private.unlisted_user_ids();

  return query
    with candidates as (
      select x.id, 'followed_person'::text as reason
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
      select x.id, 'followed_organization'
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
      select e.id, 'participating'
      from public.event_participants p
      join public.events e on e.id = p.event_id
      where p.user_id = me and p.status in ('pending', 'accepted', 'waitlisted')
        and e.status = 'published' and e.deleted_at is null
        and (e.start_datetime, e.id) > (from_start, from_id)
        and not (e.organizer_id = any (hidden))
    ), page as (
      select c.id, pg_catalog.array_agg(distinct c.reason order by c.reason) as reasons
      from candidates c group by c.id
    )
    select e.id, e.title, e.description, e.format, e.type, e.start_datetime, e.end_datetime, e.timezone,
           e.organizer_id, e.organization_id, e.cover_url, e.logo_url, e.registration_type, e.registration_status,
           e.price, e.currency, e.max_participant, e.participant_count, e.reviews_count, e.average_rating,
           e.search_tags, null::real,
           pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(pg_catalog.jsonb_build_object('s', e.start_datetime, 'i', e.id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_'),
           page.reasons
    from page
    join public.events e on e.id = page.id
    order by e.start_datetime, e.id
    limit page_size;
end $$;
comment on function public.my_feed(text, integer) is
  'Upcoming events of followed people and organizations and of the caller''s own participations, soonest first. Pass the last row''s cursor as after_cursor for the next page.';
revoke all on function public.my_feed(text, integer) from public, anon, authenticated, service_role;
-- anon may call it and is told to sign in (a 401 through PostgREST) rather than "permission denied".
grant execute on function public.my_feed(text, integer) to anon, authenticated, service_role;
