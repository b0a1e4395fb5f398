-- Permission matrix for public.profile_tags — profile tags: visible with the profile; owner and admins write (DOMAIN.md §4).
-- Each operation × actor runs the way PostgREST runs a request (role + request.jwt.claims from the
-- access-token hook, in a transaction) and is rolled back; expected: y = allowed, n = denied
-- (hidden by RLS or refused with 42501).
-- Actors, in column order: anon · stan (signed-in stranger) · pia (owner of personal rows;
-- accepted participant of meetup) · olga (organizer) · kai (accepted committee) · pat (fellow
-- accepted participant) · omar (org admin of club) · ada (platform admin) · sue (suspended).
begin;
select plan(50);

-- given
select tests.create_world();
-- pat keeps a private profile: only pat and admins read pat's tags (found by mutation testing:
-- opening the read policy to every row failed no test).
update public.profiles set visibility = 'private' where user_id = tests.uid('pat');
insert into public.profile_tags (profile_id, tag_id) select tests.uid('pat'), id from public.tags where name = 'w-cloud';

-- then
select is(
  tests.can(actor.handle, matrix.statement),
  case substr(matrix.expected, actor.position::integer, 1) when 'y' then 'allowed' else 'denied' end,
  format('profile_tags: %s may %s%s', actor.handle,
    case substr(matrix.expected, actor.position::integer, 1) when 'y' then '' else 'not ' end, matrix.operation)
)
from (values
  ($q$select pat's tags (private profile)$q$, $q$select 1 from public.profile_tags where profile_id = tests.uid('pat')$q$, 'nnnnnynyn'),
  ($q$select pia's tags$q$, $q$select 1 from public.profile_tags where profile_id = tests.uid('pia')$q$, 'yyyyyyyyy'),
  ($q$tag pia's profile$q$, $q$insert into public.profile_tags (profile_id, tag_id) select tests.uid('pia'), id from public.tags where name = 'w-ai'$q$, 'nnynnnnyn'),
  ($q$update pia's tag$q$, $q$update public.profile_tags set tag_id = tag_id where profile_id = tests.uid('pia')$q$, 'nnnnnnnnn'),
  ($q$untag pia's profile$q$, $q$delete from public.profile_tags where profile_id = tests.uid('pia')$q$, 'nnynnnnyn')
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
  format('profile_tags: the target of "%s" exists', matrix.operation))
from (values
  ($q$select pat's tags (private profile)$q$, $q$select 1 from public.profile_tags where profile_id = tests.uid('pat')$q$, 'nnnnnynyn'),
  ($q$select pia's tags$q$, $q$select 1 from public.profile_tags where profile_id = tests.uid('pia')$q$, 'yyyyyyyyy'),
  ($q$tag pia's profile$q$, $q$insert into public.profile_tags (profile_id, tag_id) select tests.uid('pia'), id from public.tags where name = 'w-ai'$q$, 'nnynnnnyn'),
  ($q$update pia's tag$q$, $q$update public.profile_tags set tag_id = tag_id where profile_id = tests.uid('pia')$q$, 'nnnnnnnnn'),
  ($q$untag pia's profile$q$, $q$delete from public.profile_tags where profile_id = tests.uid('pia')$q$, 'nnynnnnyn')
) as matrix (operation, statement, expected);

select * from finish();
rollback;
