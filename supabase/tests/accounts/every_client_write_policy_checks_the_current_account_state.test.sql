-- Structural guard for rule 7.2 over every table, including ones added later: wherever
-- `authenticated` may insert, update or delete, each permissive policy for that command calls
-- private.is_active() or private.is_admin() (both read the current account row), and no such
-- write is left without a policy.
begin;
select plan(2);

-- given: the (table, command) pairs authenticated holds a privilege for
create temporary table writable on commit drop as
select c.oid, c.relname::text as relname, cmd
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
cross join unnest(array['INSERT', 'UPDATE', 'DELETE']) as cmd
where c.relkind in ('r', 'p')
  and (pg_catalog.has_table_privilege('authenticated', c.oid, cmd)
       or (cmd <> 'DELETE' and pg_catalog.has_any_column_privilege('authenticated', c.oid, cmd)));

-- then
select is(
  array(
    select w.relname || ' ' || w.cmd from writable w
    where not exists (
      select 1 from pg_catalog.pg_policy p
      where p.polrelid = w.oid and p.polpermissive
        and p.polcmd in (case w.cmd when 'INSERT' then 'a' when 'UPDATE' then 'w' else 'd' end, '*')
        and (p.polroles = '{0}' or 'authenticated'::regrole = any (p.polroles)))
    order by 1),
  '{}'::text[],
  'every write authenticated may attempt has a policy (RLS on, nothing open by grant alone)');

select is(
  array(
    select w.relname || ' ' || w.cmd || ' "' || p.polname || '"' from writable w
    join pg_catalog.pg_policy p on p.polrelid = w.oid and p.polpermissive
      and p.polcmd in (case w.cmd when 'INSERT' then 'a' when 'UPDATE' then 'w' else 'd' end, '*')
      and (p.polroles = '{0}' or 'authenticated'::regrole = any (p.polroles))
    where coalesce(pg_catalog.pg_get_expr(p.polqual, p.polrelid), '') || ' '
          || coalesce(pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid), '') !~ 'private\.(is_active|is_admin)\(\)'
    order by 1),
  '{}'::text[],
  'every write policy for authenticated checks the current account state (is_active or is_admin)');

select * from finish();
rollback;
