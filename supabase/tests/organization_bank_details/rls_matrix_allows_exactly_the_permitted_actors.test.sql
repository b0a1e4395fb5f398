-- Permission matrix for public.organization_bank_details — bank details: organization managers and admins only (rule 7.7) (DOMAIN.md §4).
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
-- "no filter" row: an UPDATE without WHERE needs no SELECT policy, so only the UPDATE policy holds
-- it (found by mutation testing: opening it failed no test, the filtered row hid it).

-- then
select is(
  tests.can(actor.handle, matrix.statement),
  case substr(matrix.expected, actor.position::integer, 1) when 'y' then 'allowed' else 'denied' end,
  format('organization_bank_details: %s may %s%s', actor.handle,
    case substr(matrix.expected, actor.position::integer, 1) when 'y' then '' else 'not ' end, matrix.operation)
)
from (values
  ($q$change every bank detail, no filter$q$, $q$update public.organization_bank_details set holder_name = 'Someone else'$q$, 'nnnnnnyyn'),
  ($q$select the club's bank details$q$, $q$select 1 from public.organization_bank_details where organization_id = tests.org_id('club')$q$, 'nnnnnnyyn'),
  ($q$add the guild's bank details$q$, $q$insert into public.organization_bank_details (organization_id, bank_name, account_number, holder_name) values (tests.org_id('guild'), 'CIMB', '8000 1111 2222', 'Guild')$q$, 'nnnnnnyyn'),
  ($q$change the club's bank details$q$, $q$update public.organization_bank_details set holder_name = 'Someone else' where organization_id = tests.org_id('club')$q$, 'nnnnnnyyn'),
  ($q$delete the club's bank details$q$, $q$delete from public.organization_bank_details where organization_id = tests.org_id('club')$q$, 'nnnnnnnnn')
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
  format('organization_bank_details: the target of "%s" exists', matrix.operation))
from (values
  ($q$change every bank detail, no filter$q$, $q$update public.organization_bank_details set holder_name = 'Someone else'$q$, 'nnnnnnyyn'),
  ($q$select the club's bank details$q$, $q$select 1 from public.organization_bank_details where organization_id = tests.org_id('club')$q$, 'nnnnnnyyn'),
  ($q$change the club's bank details$q$, $q$update public.organization_bank_details set holder_name = 'Someone else' where organization_id = tests.org_id('club')$q$, 'nnnnnnyyn'),
  ($q$delete the club's bank details$q$, $q$delete from public.organization_bank_details where organization_id = tests.org_id('club')$q$, 'nnnnnnnnn')
) as matrix (operation, statement, expected);

select * from finish();
rollback;
