-- Permission matrix for public.communication_logs — communication logs: admins read; the service role writes (rule 7.6) (DOMAIN.md §4).
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
  format('communication_logs: %s may %s%s', actor.handle,
    case substr(matrix.expected, actor.position::integer, 1) when 'y' then '' else 'not ' end, matrix.operation)
)
from (values
  ($q$select pia's e-mail log$q$, $q$select 1 from public.communication_logs where recipient_id = tests.uid('pia')$q$, 'nnnnnnnyn'),
  ($q$insert a log$q$, $q$insert into public.communication_logs (type, recipient_id) values ('email', tests.uid('pia'))$q$, 'nnnnnnnnn'),
  ($q$edit pia's e-mail log$q$, $q$update public.communication_logs set subject = 'x' where recipient_id = tests.uid('pia')$q$, 'nnnnnnnnn'),
  ($q$delete pia's e-mail log$q$, $q$delete from public.communication_logs where recipient_id = tests.uid('pia')$q$, 'nnnnnnnnn')
) as matrix (operation, statement, expected)
cross join unnest(array['anon', 'stan', 'pia', 'olga', 'kai', 'pat', 'omar', 'ada', 'sue']) with ordinality as actor (handle, position);

select * from finish();
rollback;
