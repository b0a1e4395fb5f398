-- A small discovery dataset (default 100,000 events) for sql/bench/discovery_explain.sql, for a
-- THROWAWAY cluster only (runs as the cluster superuser: triggers are switched off with
-- session_replication_role, so derived rows are written here directly). The benchmark build
-- (sql/bench/00_prepare.sql … on the `measure` branch) makes the 1M-event dataset; the explain
-- script works on either.
--   psql -v events=100000 -f sql/bench/discovery_dataset.sql
-- Shape: 3,000 users; users 1..20 are heavy organizers (30% of all events between them, each
-- with thousands); 100 approved organizations; events spread two years back to one year ahead,
-- past ones ended, future ones published (1 in 10 draft, 1 in 7 private, 1 in 100 deleted);
-- a third carry categories (tags); users 2001..2100 follow the 20 heavy organizers and 5
-- organizations and registered for 20 upcoming events each; user 21 is suspended.
\if :{?events}
\else
  \set events 100000
\endif

set session_replication_role = replica;
set synchronous_commit = off;

insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data, created_at, updated_at)
select md5('duser:' || n)::uuid, 'duser' || n || '@bench.atas.test', now(), '{}', now(), now()
from generate_series(1, 3000) n;
insert into public.users (id, email, status, suspended_reason)
select md5('duser:' || n)::uuid, 'duser' || n || '@bench.atas.test',
       case when n = 21 then 'suspended' else 'active' end::public.user_status,
       case when n = 21 then 'Benchmark suspension' end
from generate_series(1, 3000) n;
insert into public.profiles (user_id, full_name) select md5('duser:' || n)::uuid, 'Bench User ' || n from generate_series(1, 3000) n;

insert into public.organizations (id, owner_id, name, status, visibility)
select md5('dorg:' || n)::uuid, md5('duser:' || n)::uuid, 'Bench Organization ' || n, 'approved', 'public'
from generate_series(1, 100) n;
insert into public.organization_members (org_id, user_id, role, status)
select md5('dorg:' || n)::uuid, md5('duser:' || n)::uuid, 'owner', 'active' from generate_series(1, 100) n;

insert into public.categories (id, name)
select md5('dcat:' || n)::uuid, (array['Artificial Intelligence', 'Cloud', 'Design', 'Startups', 'Robotics', 'Climate', 'Finance',
  'Music', 'Health', 'Security', 'Data', 'Blockchain', 'Education', 'Gaming', 'Biology', 'Energy', 'Law', 'Marketing',
  'Space', 'Food'])[n] || ' (bench)'
from generate_series(1, 20) n;

insert into public.events (id, organizer_id, organization_id, title, description, format, type, start_datetime, end_datetime,
  timezone, registration_type, registration_status, status, visibility, auto_accept_registration, price, currency,
  published_at, deleted_at, created_at, updated_at)
select md5('devent:' || n)::uuid, md5('duser:' || organizer)::uuid,
       case when organizer <= 100 and n % 2 = 0 then md5('dorg:' || organizer)::uuid end,
       initcap(t1) || ' ' || t2 || ' ' || (array['meetup', 'workshop', 'talk', 'summit', 'clinic'])[1 + n % 5] || ' ' || n,
       'A ' || format || ' about ' || t1 || ' and ' || t2 || ' for students and professionals.',
       format::public.event_format, case when format = 'webinar' then 'online' else 'physical' end::public.event_type,
       starts, starts + interval '2 hours', 'Asia/Kuala_Lumpur', 'free',
       case when starts > now() and status = 'published' then 'opened' else 'closed' end::public.event_registration_status,
       status::public.event_status, case when n % 7 = 0 then 'private' else 'public' end::public.visibility, true, 0, 'MYR',
       case when status <> 'draft' then starts - interval '14 days' end,
       case when n % 100 = 50 then now() end, starts - interval '30 days', starts - interval '14 days'
from (
  select n, organizer, starts, t1, t2, format,
         case when starts < now() then 'ended' when n % 10 = 0 then 'draft' else 'published' end as status
  from (
    select n,
           case when n % 10 < 3 then 1 + (n / 10) % 20 else 21 + (n * 7) % 2980 end as organizer,
           date_trunc('hour', now()) + (((n::bigint * 7919) % (1095 * 24)) - 730 * 24) * interval '1 hour' as starts,
           (array['ai', 'cloud', 'design', 'startup', 'robotics', 'climate', 'finance', 'music', 'health', 'security',
                  'data', 'blockchain', 'education', 'gaming', 'biology', 'energy', 'law', 'marketing', 'space', 'food'])[1 + n % 20] as t1,
           (array['ethics', 'careers', 'basics', 'research', 'networking', 'hackathon', 'policy', 'tools', 'trends', 'practice',
                  'leadership', 'innovation', 'community'])[1 + (n / 20) % 13] as t2,
           (array['panel_discussion', 'workshop', 'webinar', 'seminar', 'club_event', 'other'])[1 + n % 6] as format
    from generate_series(1, :events) n
  ) base
) e;

-- Organizer rows (the trigger would add them) and tags on every third event.
insert into public.event_participants (event_id, user_id, role, join_method, status, responded_at)
select e.id, e.organizer_id, 'organizer', 'organizer', 'accepted', e.created_at from public.events e
where e.id in (select md5('devent:' || n)::uuid from generate_series(1, :events) n);
insert into public.event_categories (event_id, category_id)
select md5('devent:' || n)::uuid, md5('dcat:' || (1 + (n / 3) % 20))::uuid from generate_series(3, :events, 3) n;
update public.events e set search_tags = array[c.name::text]
from public.event_categories ec join public.categories c on c.id = ec.category_id
where ec.event_id = e.id and c.name like '% (bench)';

-- Feed subjects: users 2001..2100 follow the heavy organizers and organizations 1..5, and take
-- part in 20 upcoming events each.
insert into public.follows (follower_id, followee_id)
select md5('duser:' || n)::uuid, md5('duser:' || j)::uuid from generate_series(2001, 2100) n cross join generate_series(1, 20) j;
insert into public.follows (follower_id, org_id)
select md5('duser:' || n)::uuid, md5('dorg:' || j)::uuid from generate_series(2001, 2100) n cross join generate_series(1, 5) j;
insert into public.event_participants (event_id, user_id, role, join_method, status)
select e.id, md5('duser:' || n)::uuid, 'audience', 'registered', 'accepted'
from generate_series(2001, 2100) n
cross join lateral (
  select id from public.events where status = 'published' and start_datetime > now() and organizer_id <> md5('duser:' || n)::uuid
    and id in (select md5('devent:' || k)::uuid from generate_series(n * 37 % 5000, n * 37 % 5000 + 400) k)
  limit 20
) e;

set session_replication_role = origin;
analyze auth.users;
analyze public.users;
analyze public.profiles;
analyze public.organizations;
analyze public.events;
analyze public.event_participants;
analyze public.event_categories;
analyze public.follows;
select count(*) as events, count(*) filter (where status = 'published' and visibility = 'public' and deleted_at is null) as listable
from public.events;
