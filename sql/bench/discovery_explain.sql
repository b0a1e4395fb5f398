-- Shows the plans behind search_events and my_feed at scale, as PostgREST would run them (role +
-- claims in a transaction). Runs as the cluster superuser on a throwaway cluster, on the 1M-event
-- benchmark build or the smaller sql/bench/discovery_dataset.sql:
--   psql -X -f sql/bench/discovery_explain.sql 2>&1 | less
-- The functions are plpgsql, so the plans of their inner statements come from auto_explain
-- (nested statements, printed to the client at LOG level). What to look for: Bitmap Index Scan on
-- events_search_vector_idx for text queries; Index Scan on events_listing_start_idx /
-- events_listing_organization_idx for listings; per followed person an Index Scan on
-- events_listing_organizer_idx with "rows=<page_size>" at most (loops = number of follows) in the
-- feed; never a Seq Scan on events.
\set ON_ERROR_STOP on
\pset pager off
\if :{?common_term}
\else
  \set common_term robotics
\endif
\if :{?rare_term}
\else
  \set rare_term 'robotics ethics clinic'
\endif

-- The feed subject: the follower whose followed people organize the most upcoming events.
select f.follower_id as feed_user, count(*) as upcoming_events_of_followed_people
from public.follows f
join public.events e on e.organizer_id = f.followee_id and e.status = 'published' and e.start_datetime > now()
group by f.follower_id order by count(*) desc limit 1 \gset
\echo feed subject :feed_user follows people with :upcoming_events_of_followed_people upcoming events
select count(*) as follows_of_subject from public.follows where follower_id = :'feed_user' \gset
\echo ... through :follows_of_subject follows
-- An organization with many listed events, for the filter case.
select e.organization_id as busy_org from public.events e
where e.organization_id is not null and e.status = 'published' and e.visibility = 'public' and e.deleted_at is null
group by 1 order by count(*) desc limit 1 \gset

load 'auto_explain';
set auto_explain.log_min_duration = 0;
set auto_explain.log_analyze = on;
set auto_explain.log_buffers = on;
set auto_explain.log_timing = on;
set auto_explain.log_nested_statements = on;
set auto_explain.log_format = text;
set client_min_messages = log;

\echo
\echo ==== 1. anon: text search for a common term (:common_term), first page of 20
begin;
set local role anon;
select set_config('request.jwt.claims', '{"role":"anon"}', true);
select count(*) as rows_returned from public.search_events(query => :'common_term');
commit;

\echo
\echo ==== 2. anon: text search, second page (keyset cursor)
begin;
set local role anon;
select set_config('request.jwt.claims', '{"role":"anon"}', true);
select count(*) as rows_returned from public.search_events(query => :'common_term',
  after_cursor => (select cursor from public.search_events(query => :'common_term') offset 19 limit 1));
commit;

\echo
\echo ==== 3. anon: narrow text search (:rare_term)
begin;
set local role anon;
select set_config('request.jwt.claims', '{"role":"anon"}', true);
select count(*) as rows_returned from public.search_events(query => :'rare_term');
commit;

\echo
\echo ==== 4. anon: no text, upcoming webinars of the next 30 days
begin;
set local role anon;
select set_config('request.jwt.claims', '{"role":"anon"}', true);
select count(*) as rows_returned from public.search_events(format => 'webinar', starts_after => now(), starts_before => now() + interval '30 days');
commit;

\echo
\echo ==== 5. anon: the events of one busy organization
begin;
set local role anon;
select set_config('request.jwt.claims', '{"role":"anon"}', true);
select count(*) as rows_returned from public.search_events(organization_id => :'busy_org');
commit;

\echo
\echo ==== 6. authenticated: my_feed of the heaviest follower, first page and a later page
begin;
set local role authenticated;
select set_config('request.jwt.claims', json_build_object('sub', :'feed_user', 'role', 'authenticated')::text, true);
select count(*) as rows_returned from public.my_feed();
select count(*) as rows_returned from public.my_feed(after_cursor => (select cursor from public.my_feed(page_size => 100) offset 99 limit 1));
commit;

reset client_min_messages;
\echo
\echo ==== timings as anon / the feed subject (20 runs each; informative only, never asserted)
begin;
set local role anon;
select set_config('request.jwt.claims', '{"role":"anon"}', true);
do $$
declare
  started timestamptz;
  samples numeric[];
  label text;
  i integer;
begin
  foreach label in array array['search common term', 'list upcoming'] loop
    samples := '{}';
    for i in 1..20 loop
      started := clock_timestamp();
      if label = 'search common term' then
        perform count(*) from public.search_events(query => 'robotics');
      else
        perform count(*) from public.search_events(starts_after => now());
      end if;
      samples := samples || (extract(epoch from clock_timestamp() - started) * 1000)::numeric;
    end loop;
    raise notice '% — p50 % ms, p95 % ms', label,
      round((select percentile_cont(0.5) within group (order by s) from unnest(samples) s)::numeric, 2),
      round((select percentile_cont(0.95) within group (order by s) from unnest(samples) s)::numeric, 2);
  end loop;
end $$;
commit;
begin;
set local role authenticated;
select set_config('request.jwt.claims', json_build_object('sub', :'feed_user', 'role', 'authenticated')::text, true);
do $$
declare
  started timestamptz;
  samples numeric[] := '{}';
  i integer;
begin
  for i in 1..20 loop
    started := clock_timestamp();
    perform count(*) from public.my_feed();
    samples := samples || (extract(epoch from clock_timestamp() - started) * 1000)::numeric;
  end loop;
  raise notice 'my_feed first page — p50 % ms, p95 % ms',
    round((select percentile_cont(0.5) within group (order by s) from unnest(samples) s)::numeric, 2),
    round((select percentile_cont(0.95) within group (order by s) from unnest(samples) s)::numeric, 2);
end $$;
commit;
