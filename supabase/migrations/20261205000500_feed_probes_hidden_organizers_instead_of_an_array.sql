-- Purpose: the personal feed (P2) stops comparing every candidate event with every hidden account
-- (issue 16). private.feed_page built an array of all suspended, frozen and deleted users (1,800
-- on the 1M-event bench) on every call and tested each followed person and each candidate event's
-- organizer against it with `= any (hidden)`: a linear scan of the array per row, since a
-- PL/pgSQL variable is a parameter, not a constant the planner could hash. Measured on the bench
-- (pgbench, 1 client, the light feed): 1.19–1.27 ms per call with the array, 1.05 ms with this
-- probe of users_pkey per row, 0.94–1.0 ms with no hidden check at all.
-- Same rows: the same three conditions on the same users row (status suspended or frozen, or
-- deleted).
-- `rows 20` (a page; the default estimate for a set-returning function is 1,000): my_feed joins
-- the page to events under RLS, and with 1,000 rows expected the planner hashed a scan of every
-- event once the table was small enough — at 100,000 events the feed took 91 ms under RLS
-- against 1 ms bypassed, at 1M it was 1.4 ms (the plan flipped with the data size). With the
-- page's size it probes events_pkey at every size (100,000 events: 91.7 → 1.08 ms).
-- Touches: replaces private.feed_page(timestamptz, uuid, integer).

create or replace function private.feed_page(from_start timestamp with time zone, from_id uuid, page_size integer)
returns table(event_id uuid, start_datetime timestamp with time zone, reasons text[])
language plpgsql stable security definer rows 20 set search_path = '' as $$
#variable_conflict use_column
declare
  me uuid := (select auth.uid());
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
      where f.follower_id = me and f.followee_id is not null and not exists (select 1 from public.users u where u.id = f.followee_id and (u.status in ('suspended', 'frozen') or u.deleted_at is not null))
      union all
      select x.id, x.start_datetime, 'followed_organization'
      from public.follows f
      cross join lateral (
        select e.id, e.start_datetime from public.events e
        where e.organization_id = f.org_id
          and e.status = 'published' and e.visibility = 'public' and e.deleted_at is null
          and (e.start_datetime, e.id) > (from_start, from_id)
          and not exists (select 1 from public.users u where u.id = e.organizer_id and (u.status in ('suspended', 'frozen') or u.deleted_at is not null))
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
        and not exists (select 1 from public.users u where u.id = e.organizer_id and (u.status in ('suspended', 'frozen') or u.deleted_at is not null))
    )
    select c.id, c.start_datetime, pg_catalog.array_agg(distinct c.reason order by c.reason)
    from candidates c
    group by c.id, c.start_datetime
    order by c.start_datetime, c.id
    limit page_size;
end $$;
