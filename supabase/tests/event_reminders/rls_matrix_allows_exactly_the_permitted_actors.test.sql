-- Permission matrix for public.event_reminders — reminders: own, for events one takes part in (DOMAIN.md §4).
-- Each operation × actor runs the way PostgREST runs a request (role + request.jwt.claims from the
-- access-token hook, in a transaction) and is rolled back; expected: y = allowed, n = denied
-- (hidden by RLS or refused with 42501).
-- Actors, in column order: anon · stan (signed-in stranger) · pia (owner of personal rows;
-- accepted participant of meetup) · olga (organizer) · kai (accepted committee) · pat (fellow
-- accepted participant) · omar (org admin of club) · ada (platform admin) · sue (suspended).
begin;
select plan(49);

-- given
select tests.create_world();
-- "no filter" row: a DELETE without WHERE needs no SELECT policy, so only the DELETE policy holds
-- it (found by mutation testing: opening it failed no test, the filtered row hid it).

-- then
select is(
  tests.can(actor.handle, matrix.statement),
  case substr(matrix.expected, actor.position::integer, 1) when 'y' then 'allowed' else 'denied' end,
  format('event_reminders: %s may %s%s', actor.handle,
    case substr(matrix.expected, actor.position::integer, 1) when 'y' then '' else 'not ' end, matrix.operation)
)
from (values
  ($q$delete every reminder, no filter$q$, $q$delete from public.event_reminders$q$, 'nnynnnnnn'),
  ($q$select pia's reminder$q$, $q$select 1 from public.event_reminders where user_id = tests.uid('pia')$q$, 'nnynnnnnn'),
  ($q$set a reminder for the meetup$q$, $q$insert into public.event_reminders (event_id, user_id, option) values (tests.event_id('meetup'), (select auth.uid()), 'three_days')$q$, 'nnyyyynnn'),
  ($q$move pia's reminder$q$, $q$update public.event_reminders set option = 'one_week' where user_id = tests.uid('pia')$q$, 'nnnnnnnnn'),
  ($q$delete pia's reminder$q$, $q$delete from public.event_reminders where user_id = tests.uid('pia')$q$, 'nnynnnnnn')
) as matrix (operation, statement, expected)
cross join unnest(array['anon', 'stan', 'pia', 'olga', 'kai', 'pat', 'omar', 'ada', 'sue']) with ordinality as actor (handle, position);

-- and every row's target exists (read past RLS with the claims of the actors it denies, or of
-- every actor when it denies none): "denied" means hidden or refused, never "no such row". Rows that
-- insert literal values have no prior target and are left out.
select ok(
  tests.target_exists(matrix.statement, coalesce(nullif(array(
    select a.handle from unnest(array['anon', 'stan', 'pia', 'olga', 'kai', 'pat', 'omar', 'ada', 'sue']) with ordinality as a (handle, position)
    where substr(matrix.expected, a.position::integer, 1) = 'n'
      -- anon has no rows of its own: "one's own" rows are checked for the signed-in actors
      and not (a.handle = 'anon' and matrix.statement like '%auth.uid()%')), '{}'), array['anon', 'stan', 'pia', 'olga', 'kai', 'pat', 'omar', 'ada', 'sue'])),
  format('event_reminders: the target of "%s" exists', matrix.operation))
from (values
  ($q$delete every reminder, no filter$q$, $q$delete from public.event_reminders$q$, 'nnynnnnnn'),
  ($q$select pia's reminder$q$, $q$select 1 from public.event_reminders where user_id = tests.uid('pia')$q$, 'nnynnnnnn'),
  ($q$move pia's reminder$q$, $q$update public.event_reminders set option = 'one_week' where user_id = tests.uid('pia')$q$, 'nnnnnnnnn'),
  ($q$delete pia's reminder$q$, $q$delete from public.event_reminders where user_id = tests.uid('pia')$q$, 'nnynnnnnn')
) as matrix (operation, statement, expected);

select * from finish();
rollback;
