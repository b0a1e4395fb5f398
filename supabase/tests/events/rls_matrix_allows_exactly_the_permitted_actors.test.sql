-- Permission matrix for public.events — events: published public ones for all; drafts and private ones for their people; the team edits drafts (DOMAIN.md §4).
-- Each operation × actor runs the way PostgREST runs a request (role + request.jwt.claims from the
-- access-token hook, in a transaction) and is rolled back; expected: y = allowed, n = denied
-- (hidden by RLS or refused with 42501).
-- Actors, in column order: anon · stan (signed-in stranger) · pia (owner of personal rows;
-- accepted participant of meetup) · olga (organizer) · kai (accepted committee) · pat (fellow
-- accepted participant) · omar (org admin of club) · ada (platform admin) · sue (suspended).
begin;
select plan(88);

-- given
select tests.create_world();

-- then
select is(
  tests.can(actor.handle, matrix.statement),
  case substr(matrix.expected, actor.position::integer, 1) when 'y' then 'allowed' else 'denied' end,
  format('events: %s may %s%s', actor.handle,
    case substr(matrix.expected, actor.position::integer, 1) when 'y' then '' else 'not ' end, matrix.operation)
)
from (values
  ($q$select the published meetup$q$, $q$select 1 from public.events where id = tests.event_id('meetup')$q$, 'yyyyyyyyy'),
  ($q$select the draft plan$q$, $q$select 1 from public.events where id = tests.event_id('plan')$q$, 'nnnyynnyn'),
  ($q$select the private retreat$q$, $q$select 1 from public.events where id = tests.event_id('retreat')$q$, 'nnnyynnyn'),
  ($q$create a draft as oneself$q$, $q$insert into public.events (organizer_id, title, format, start_datetime, end_datetime) values ((select auth.uid()), 'New event', 'workshop', now() + interval '3 days', now() + interval '3 days 2 hours')$q$, 'nyyyyyyyn'),
  ($q$create a draft in olga's name$q$, $q$insert into public.events (organizer_id, title, format) values (tests.uid('olga'), 'Forged', 'workshop')$q$, 'nnnynnnnn'),
  ($q$edit the draft plan$q$, $q$update public.events set description = 'changed' where id = tests.event_id('plan')$q$, 'nnnyynnyn'),
  ($q$edit the published meetup$q$, $q$update public.events set description = 'changed' where id = tests.event_id('meetup')$q$, 'nnnnnnnnn'),
  ($q$publish the draft plan$q$, $q$update public.events set status = 'published' where id = tests.event_id('plan')$q$, 'nnnnnnnnn'),
  ($q$delete the draft plan$q$, $q$delete from public.events where id = tests.event_id('plan')$q$, 'nnnnnnnnn')
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
  format('events: the target of "%s" exists', matrix.operation))
from (values
  ($q$select the published meetup$q$, $q$select 1 from public.events where id = tests.event_id('meetup')$q$, 'yyyyyyyyy'),
  ($q$select the draft plan$q$, $q$select 1 from public.events where id = tests.event_id('plan')$q$, 'nnnyynnyn'),
  ($q$select the private retreat$q$, $q$select 1 from public.events where id = tests.event_id('retreat')$q$, 'nnnyynnyn'),
  ($q$edit the draft plan$q$, $q$update public.events set description = 'changed' where id = tests.event_id('plan')$q$, 'nnnyynnyn'),
  ($q$edit the published meetup$q$, $q$update public.events set description = 'changed' where id = tests.event_id('meetup')$q$, 'nnnnnnnnn'),
  ($q$publish the draft plan$q$, $q$update public.events set status = 'published' where id = tests.event_id('plan')$q$, 'nnnnnnnnn'),
  ($q$delete the draft plan$q$, $q$delete from public.events where id = tests.event_id('plan')$q$, 'nnnnnnnnn')
) as matrix (operation, statement, expected);

select * from finish();
rollback;
