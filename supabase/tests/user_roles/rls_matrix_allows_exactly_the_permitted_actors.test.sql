-- Permission matrix for public.user_roles — roles: self and admins read; requests and decisions only through functions (DOMAIN.md §4).
-- Each operation × actor runs the way PostgREST runs a request (role + request.jwt.claims from the
-- access-token hook, in a transaction) and is rolled back; expected: y = allowed, n = denied
-- (hidden by RLS or refused with 42501).
-- Actors, in column order: anon · stan (signed-in stranger) · pia (owner of personal rows;
-- accepted participant of meetup) · olga (organizer) · kai (accepted committee) · pat (fellow
-- accepted participant) · omar (org admin of club) · ada (platform admin) · sue (suspended).
begin;
select plan(39);

-- given
select tests.create_world();

-- then
select is(
  tests.can(actor.handle, matrix.statement),
  case substr(matrix.expected, actor.position::integer, 1) when 'y' then 'allowed' else 'denied' end,
  format('user_roles: %s may %s%s', actor.handle,
    case substr(matrix.expected, actor.position::integer, 1) when 'y' then '' else 'not ' end, matrix.operation)
)
from (values
  ($q$select pia's roles$q$, $q$select 1 from public.user_roles where user_id = tests.uid('pia')$q$, 'nnynnnnyn'),
  ($q$request a role for oneself$q$, $q$insert into public.user_roles (user_id, role, status) values ((select auth.uid()), 'expert', 'pending')$q$, 'nnnnnnnnn'),
  ($q$approve pia's student role$q$, $q$update public.user_roles set status = 'revoked' where user_id = tests.uid('pia')$q$, 'nnnnnnnnn'),
  ($q$delete pia's roles$q$, $q$delete from public.user_roles where user_id = tests.uid('pia')$q$, 'nnnnnnnnn')
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
  format('user_roles: the target of "%s" exists', matrix.operation))
from (values
  ($q$select pia's roles$q$, $q$select 1 from public.user_roles where user_id = tests.uid('pia')$q$, 'nnynnnnyn'),
  ($q$approve pia's student role$q$, $q$update public.user_roles set status = 'revoked' where user_id = tests.uid('pia')$q$, 'nnnnnnnnn'),
  ($q$delete pia's roles$q$, $q$delete from public.user_roles where user_id = tests.uid('pia')$q$, 'nnnnnnnnn')
) as matrix (operation, statement, expected);

select * from finish();
rollback;
