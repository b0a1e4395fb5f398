-- ~2,000,000 audience participations (this part: every :parts-th even event from 2 + 2·:part):
-- 4 rows on every even event, users spread by a multiplicative hash, never the organizer. With
-- the 1,000,000 organizer rows of step 03 that is ~3,000,000 participations. Past events:
-- attended 60%, absent 20%, accepted 20%; otherwise accepted, 1 in 8 of the 4th slots pending.
set session_replication_role = replica;
set synchronous_commit = off;

insert into public.event_participants (event_id, user_id, role, join_method, status, attended_at, responded_at, created_at, updated_at)
select bench.event_id(n), bench.uid(m), 'audience', 'registered', status::public.event_participant_status,
       case when status = 'attended' then starts + interval '10 minutes' end,
       case when status <> 'pending' then starts - interval '7 days' end,
       starts - interval '7 days', starts - interval '7 days'
from generate_series(2 + 2 * :part, :events, 2 * :parts) n
cross join generate_series(1, 4) j
cross join lateral (
  select bench.audience_user(n, j) as m, bench.starts_of(n) as starts, bench.audience_status(n, j) as status
) x
where m <> bench.organizer_of(n);
