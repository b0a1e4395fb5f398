-- Permission matrix for public.event_proposal_comments — proposal comments: readers of the proposal read and comment; authors edit their own (DOMAIN.md §4).
-- Each operation × actor runs the way PostgREST runs a request (role + request.jwt.claims from the
-- access-token hook, in a transaction) and is rolled back; expected: y = allowed, n = denied
-- (hidden by RLS or refused with 42501).
-- Actors, in column order: anon · stan (signed-in stranger) · pia (owner of personal rows;
-- accepted participant of meetup) · olga (organizer) · kai (accepted committee) · pat (fellow
-- accepted participant) · omar (org admin of club) · ada (platform admin) · sue (suspended).
-- "by its id": the proposal named without a filtered SELECT, so WITH CHECK alone refuses a
-- non-reader (found by mutation testing: opening it failed no test).
begin;
select plan(49);

-- given
select tests.create_world();

-- then
select is(
  tests.can(actor.handle, matrix.statement),
  case substr(matrix.expected, actor.position::integer, 1) when 'y' then 'allowed' else 'denied' end,
  format('event_proposal_comments: %s may %s%s', actor.handle,
    case substr(matrix.expected, actor.position::integer, 1) when 'y' then '' else 'not ' end, matrix.operation)
)
from (values
  ($q$comment on the keynote by its id$q$, $q$insert into public.event_proposal_comments (proposal_id, user_id, content) values (tests.proposal_id('keynote'), (select auth.uid()), 'hello')$q$, 'nnnyyynyn'),
  ($q$select kai's comment$q$, $q$select 1 from public.event_proposal_comments where content = 'kai-comment'$q$, 'nnnyyynyn'),
  ($q$comment on the keynote$q$, $q$insert into public.event_proposal_comments (proposal_id, user_id, content) select id, (select auth.uid()), 'hello' from public.event_proposals where title = 'keynote'$q$, 'nnnyyynyn'),
  ($q$edit kai's comment$q$, $q$update public.event_proposal_comments set content = 'edited' where content = 'kai-comment'$q$, 'nnnnynnnn'),
  ($q$delete kai's comment$q$, $q$delete from public.event_proposal_comments where content = 'kai-comment'$q$, 'nnnnynnnn')
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
  format('event_proposal_comments: the target of "%s" exists', matrix.operation))
from (values
  ($q$select kai's comment$q$, $q$select 1 from public.event_proposal_comments where content = 'kai-comment'$q$, 'nnnyyynyn'),
  ($q$comment on the keynote$q$, $q$insert into public.event_proposal_comments (proposal_id, user_id, content) select id, (select auth.uid()), 'hello' from public.event_proposals where title = 'keynote'$q$, 'nnnyyynyn'),
  ($q$edit kai's comment$q$, $q$update public.event_proposal_comments set content = 'edited' where content = 'kai-comment'$q$, 'nnnnynnnn'),
  ($q$delete kai's comment$q$, $q$delete from public.event_proposal_comments where content = 'kai-comment'$q$, 'nnnnynnnn')
) as matrix (operation, statement, expected);

select * from finish();
rollback;
