-- Permission matrix for public.categories, public.skills and public.tags — the taxonomies: everyone
-- reads, admins write (rule 7.18) (DOMAIN.md §4). One matrix, run for each table.
-- Each operation × actor runs the way PostgREST runs a request (role + request.jwt.claims from the
-- access-token hook, in a transaction) and is rolled back; expected: y = allowed, n = denied
-- (hidden by RLS or refused with 42501).
-- Actors, in column order: anon · stan (signed-in stranger) · pia (owner of personal rows;
-- accepted participant of meetup) · olga (organizer) · kai (accepted committee) · pat (fellow
-- accepted participant) · omar (org admin of club) · ada (platform admin) · sue (suspended).
begin;
select plan(117);

-- given
select tests.create_world();

-- then
select is(
  tests.can(actor.handle, format(matrix.statement, taxonomy.tbl, taxonomy.seeded)),
  case substr(matrix.expected, actor.position::integer, 1) when 'y' then 'allowed' else 'denied' end,
  format('%s: %s may %s%s a %s', taxonomy.tbl, actor.handle,
    case substr(matrix.expected, actor.position::integer, 1) when 'y' then '' else 'not ' end, matrix.operation, taxonomy.noun)
)
from (values ('categories', 'category', 'w-tech'), ('skills', 'skill', 'w-sql'), ('tags', 'tag', 'w-cloud'))
  as taxonomy (tbl, noun, seeded)
cross join (values
  ('select', $q$select 1 from public.%I where name = %L$q$, 'yyyyyyyyy'),
  ('insert', $q$insert into public.%I (name) select 'w-new' where %L is not null$q$, 'nnnnnnnyn'),
  ('rename', $q$update public.%I set name = 'w-renamed' where name = %L$q$, 'nnnnnnnyn'),
  ('delete', $q$delete from public.%I where name = %L$q$, 'nnnnnnnyn')
) as matrix (operation, statement, expected)
cross join unnest(array['anon', 'stan', 'pia', 'olga', 'kai', 'pat', 'omar', 'ada', 'sue']) with ordinality as actor (handle, position);

-- and every row's target exists (read past RLS with the claims of the actors it denies, or of
-- every actor when it denies none): "denied" means hidden or refused, never "no such row". The
-- insert row writes a literal value and has no prior target.
select ok(
  tests.target_exists(format(matrix.statement, taxonomy.tbl, taxonomy.seeded), coalesce(nullif(array(
    select a.handle from unnest(array['anon', 'stan', 'pia', 'olga', 'kai', 'pat', 'omar', 'ada', 'sue']) with ordinality as a (handle, position)
    where substr(matrix.expected, a.position::integer, 1) = 'n'), '{}'), array['anon', 'stan', 'pia', 'olga', 'kai', 'pat', 'omar', 'ada', 'sue'])),
  format('%s: the target of "%s" exists', taxonomy.tbl, matrix.operation))
from (values ('categories', 'w-tech'), ('skills', 'w-sql'), ('tags', 'w-cloud')) as taxonomy (tbl, seeded)
cross join (values
  ('select', $q$select 1 from public.%I where name = %L$q$, 'yyyyyyyyy'),
  ('rename', $q$update public.%I set name = 'w-renamed' where name = %L$q$, 'nnnnnnnyn'),
  ('delete', $q$delete from public.%I where name = %L$q$, 'nnnnnnnyn')
) as matrix (operation, statement, expected);

select * from finish();
rollback;
