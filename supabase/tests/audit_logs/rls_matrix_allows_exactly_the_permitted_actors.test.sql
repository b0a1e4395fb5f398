-- Permission matrix for public.audit_logs — audit log: admins read; no client role writes (append-only) (DOMAIN.md §4).
-- Each operation × actor runs the way PostgREST runs a request (role + request.jwt.claims from the
-- access-token hook, in a transaction) and is rolled back; expected: y = allowed, n = denied
-- (hidden by RLS or refused with 42501).
-- Actors, in column order: anon · stan (signed-in stranger) · pia (owner of personal rows;
-- accepted participant of meetup) · olga (organizer) · kai (accepted committee) · pat (fellow
-- accepted participant) · omar (org admin of club) · ada (platform admin) · sue (suspended).
begin;
select plan(36);

-- given
select tests.create_world();

-- then
select is(
  tests.can(actor.handle, matrix.statement),
  case substr(matrix.expected, actor.position::integer, 1) when 'y' then 'allowed' else 'denied' end,
  format('audit_logs: %s may %s%s', actor.handle,
    case substr(matrix.expected, actor.position::integer, 1) when 'y' then '' else 'not ' end, matrix.operation)
)
from (values
  ($q$select the suspension entry$q$, $q$select 1 from public.audit_logs where action = 'user.suspend'$q$, 'nnnnnnnyn'),
  ($q$insert an entry$q$, $q$insert into public.audit_logs (action, target_type) values ('user.suspend', 'user')$q$, 'nnnnnnnnn'),
  ($q$rewrite the suspension entry$q$, $q$update public.audit_logs set action = 'user.reactivate' where action = 'user.suspend'$q$, 'nnnnnnnnn'),
  ($q$delete the suspension entry$q$, $q$delete from public.audit_logs where action = 'user.suspend'$q$, 'nnnnnnnnn')
) as matrix (operation, statement, expected)
cross join unnest(array['anon', 'stan', 'pia', 'olga', 'kai', 'pat', 'omar', 'ada', 'sue']) with ordinality as actor (handle, position);

select * from finish();
rollback;
