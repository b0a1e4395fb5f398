-- Step 05 (social), part :part of 3, run at once: 0 follows, 1 notifications, 2 reviews.
-- 500,000 follows: users 90001..90100 follow the 20 heavy organizers (5,000 events each) and
-- organizations 1..5; users 90101..90200 follow 20 light organizers (5001..5020, ~30 events each)
-- and 5 light organizations; everyone else follows 4 people and 1 organization. ~520,000
-- notifications; ~85,000 reviews. Counts and ratings follow in step 06.
set session_replication_role = replica;
set synchronous_commit = off;

select :part = 0 as do_follows, :part = 1 as do_notifications, :part = 2 as do_reviews \gset

\if :do_follows
insert into public.follows (id, follower_id, followee_id, org_id, created_at)
select md5('follow:' || n || ':' || j)::uuid, bench.uid(n), bench.uid(m), null, now() - (n % 300) * interval '1 day'
from generate_series(1, 100000) n cross join generate_series(1, 4) j
cross join lateral (select ((n::bigint * 31 + j * 7717) % 100000)::integer + 1 as m) x
where m <> n and n not between 90001 and 90200
union all
select md5('follow:' || n || ':org')::uuid, bench.uid(n), null, bench.org_id(((n * 17) % 1000) + 1), now() - (n % 300) * interval '1 day'
from generate_series(1, 100000) n where n not between 90001 and 90200
union all
select md5('follow:' || n || ':' || j)::uuid, bench.uid(n), bench.uid(case when n <= 90100 then j else 5000 + j end), null, now() - interval '10 days'
from generate_series(90001, 90200) n cross join generate_series(1, 20) j
union all
select md5('follow:' || n || ':org' || j)::uuid, bench.uid(n), null,
       bench.org_id(case when n <= 90100 then j else (array[501, 502, 503, 504, 506])[j] end), now() - interval '10 days'
from generate_series(90001, 90200) n cross join generate_series(1, 5) j;

\endif

\if :do_notifications
-- 5 per user (2 unread), 200 for the "busy" users 90201..90300.
insert into public.notifications (recipient_id, actor_id, type, kind, content, link_url, data, is_read, created_at)
select bench.uid(n), bench.uid(((n * 7) % 100000) + 1), private.notification_type_for(kind), kind,
       'Benchmark notification ' || j || ' for user ' || n, '/events/' || bench.event_id(((n * 13 + j) % :events) + 1),
       '{}'::jsonb, j > 2, now() - j * interval '1 hour' - (n % 1000) * interval '1 minute'
from generate_series(1, 100000) n cross join generate_series(1, 5) j
cross join lateral (select (array['event_reminder', 'participant_joined', 'new_follower', 'review_received', 'event_changed'])[j]::public.notification_kind as kind) k
union all
select bench.uid(n), null, 'event', 'event_reminder', 'Busy notification ' || j, '/events/' || bench.event_id(j), '{}', j > 20,
       now() - j * interval '1 minute'
from generate_series(90201, 90300) n cross join generate_series(1, 200) j;

\endif

\if :do_reviews
-- Organization reviews (users 1..50000, one each) and person reviews: on every 20th event (an
-- ended one when past) the first audience row, who attended, reviews the organizer.
insert into public.reviews (event_id, org_id, reviewer_id, reviewee_id, rating, comment, created_at, updated_at)
select null, bench.org_id(((n * 11) % 1000) + 1), bench.uid(n), null, 1 + (n * 7) % 5, 'Benchmark review ' || n,
       now() - (n % 200) * interval '1 day', now() - (n % 200) * interval '1 day'
from generate_series(1, 50000) n
union all
select bench.event_id(n), null, bench.uid(m), bench.uid(organizer), 1 + (n / 20) % 5, 'Benchmark event review',
       starts + interval '1 day', starts + interval '1 day'
from generate_series(4, :events, 20) n
cross join lateral (select bench.audience_user(n, 1) as m, bench.organizer_of(n) as organizer, bench.starts_of(n) as starts) x
where m <> organizer and starts < now() - interval '3 days';

\endif
