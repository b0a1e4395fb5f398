-- Permission matrix for public.event_pictures — event pictures: visible with the event; the team writes (DOMAIN.md §4).
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
-- the draft plan has a picture: only its team and admins see it (found by mutation testing: opening
-- the read policy to every row failed no test).
insert into public.event_pictures (event_id, url) values (tests.event_id('plan'), 'event-pictures/' || tests.event_id('plan') || '/1.jpg');

-- then
select is(
  tests.can(actor.handle, matrix.statement),
  case substr(matrix.expected, actor.position::integer, 1) when 'y' then 'allowed' else 'denied' end,
  format('event_pictures: %s may %s%s', actor.handle,
    case substr(matrix.expected, actor.position::integer, 1) when 'y' then '' else 'not ' end, matrix.operation)
)
from (values
  ($q$select the draft plan's pictures$q$, $q$select 1 from public.event_pictures where event_id = tests.event_id('plan')$q$, 'nnnyynnyn'),
  ($q$select the meetup's pictures$q$, $q$select 1 from public.event_pictures where event_id = tests.event_id('meetup')$q$, 'yyyyyyyyy'),
  ($q$add a picture to the meetup$q$, $q$insert into public.event_pictures (event_id, url) values (tests.event_id('meetup'), 'event-pictures/' || tests.event_id('meetup') || '/2.jpg')$q$, 'nnnyynnnn'),
  ($q$caption the meetup's picture$q$, $q$update public.event_pictures set caption = 'changed' where event_id = tests.event_id('meetup')$q$, 'nnnyynnnn'),
  ($q$remove the meetup's pictures$q$, $q$delete from public.event_pictures where event_id = tests.event_id('meetup')$q$, 'nnnyynnnn')
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
  format('event_pictures: the target of "%s" exists', matrix.operation))
from (values
  ($q$select the draft plan's pictures$q$, $q$select 1 from public.event_pictures where event_id = tests.event_id('plan')$q$, 'nnnyynnyn'),
  ($q$select the meetup's pictures$q$, $q$select 1 from public.event_pictures where event_id = tests.event_id('meetup')$q$, 'yyyyyyyyy'),
  ($q$caption the meetup's picture$q$, $q$update public.event_pictures set caption = 'changed' where event_id = tests.event_id('meetup')$q$, 'nnnyynnnn'),
  ($q$remove the meetup's pictures$q$, $q$delete from public.event_pictures where event_id = tests.event_id('meetup')$q$, 'nnnyynnnn')
) as matrix (operation, statement, expected);

select * from finish();
rollback;
