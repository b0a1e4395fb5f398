-- The security boundary as a whole: RLS on every table in public; no blanket privileges (truncate,
-- references, trigger) for the API roles; security definer only in private, always with an empty
-- search_path; private is not exposed; an index under every foreign key.
begin;
select plan(7);

-- then
select is_empty($$ select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                   and not c.relrowsecurity $$, 'every table in public has row-level security on');
select is_empty($$ select t.table_name || ' ' || p.grantee || ' ' || p.privilege_type from information_schema.tables t
                   join information_schema.table_privileges p on p.table_schema = t.table_schema and p.table_name = t.table_name
                   where t.table_schema = 'public' and p.grantee in ('anon', 'authenticated', 'service_role')
                     and p.privilege_type in ('TRUNCATE', 'REFERENCES', 'TRIGGER') $$,
  'no API role may truncate, reference or add triggers to a table');
select is_empty($$ select t.table_name from information_schema.tables t
                   join information_schema.table_privileges p on p.table_schema = t.table_schema and p.table_name = t.table_name
                   where t.table_schema = 'public' and p.grantee = 'anon' and p.privilege_type in ('INSERT', 'UPDATE', 'DELETE') $$,
  'anon can write no table');
select is_empty($$ select p.oid::regprocedure::text from pg_proc p where p.prosecdef
                   and p.pronamespace not in ('private'::regnamespace, 'tests'::regnamespace)
                   and p.pronamespace in (select oid from pg_namespace where nspname in ('public', 'graphql_public')) $$,
  'no security definer function lives in an exposed schema');
select is_empty($$ select p.oid::regprocedure::text from pg_proc p where p.pronamespace = 'private'::regnamespace
                   and not coalesce(p.proconfig @> array['search_path=""'], false) $$,
  'every private function pins search_path to empty');
select ok(current_setting('pgrst.db_schemas', true) is null or current_setting('pgrst.db_schemas', true) not like '%private%',
  'private is not an exposed schema');
select is_empty($$
  select c.conrelid::regclass || '(' || c.conname || ')'
  from pg_constraint c
  where c.contype = 'f' and c.connamespace = 'public'::regnamespace
    and not exists (select 1 from pg_index i where i.indrelid = c.conrelid
                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey) $$,
  'every foreign key has an index on its leading columns');

select * from finish();
rollback;
