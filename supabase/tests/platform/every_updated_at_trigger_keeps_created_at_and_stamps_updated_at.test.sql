-- Every table whose rows carry created_at/updated_at keeps created_at and stamps updated_at on
-- each update (trigger function private.set_updated_at), whoever writes. Found by policy/trigger
-- mutation testing (npm run test:security): disabling any of these triggers failed no test.
-- Each table is checked on one of its rows: an update that tries to rewrite both columns must
-- leave created_at as it was and set updated_at to the transaction's time.
begin;
select plan(2);

-- given
select tests.create_world();

create temporary table updated_at_checks (table_name text primary key, outcome text);

do $$
declare
  t record;
  row_found boolean;
  created_before timestamptz;
  created_after timestamptz;
  updated_after timestamptz;
begin
  for t in
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_trigger tg
    join pg_class c on c.oid = tg.tgrelid
    join pg_namespace n on n.oid = c.relnamespace
    where tg.tgfoid = 'private.set_updated_at()'::regprocedure and not tg.tgisinternal
    order by 1
  loop
    execute format('select true, created_at from %s limit 1', t.name) into row_found, created_before;
    if row_found is null then
      insert into updated_at_checks values (t.name, 'no row to update');
      continue;
    end if;
    begin
      execute format(
        'update %1$s set created_at = %2$L, updated_at = %2$L where ctid = (select ctid from %1$s where created_at = %3$L limit 1) returning created_at, updated_at',
        t.name, timestamptz '2000-01-01 00:00:00+00', created_before)
        into created_after, updated_after;
      insert into updated_at_checks values (t.name, case
        when created_after is distinct from created_before then 'created_at was rewritten'
        when updated_after is distinct from now() then 'updated_at was not stamped'
        else 'ok' end);
    exception when others then
      insert into updated_at_checks values (t.name, 'update failed: ' || sqlerrm);
    end;
  end loop;
end $$;

-- then
select cmp_ok((select count(*) from updated_at_checks where outcome <> 'no row to update')::integer, '>=', 20,
  'at least 20 tables with an updated_at trigger have a row in the test world to check');
select is(
  (select coalesce(array_agg(table_name || ': ' || outcome order by table_name), '{}') from updated_at_checks
   where outcome not in ('ok', 'no row to update')),
  '{}'::text[],
  'every checked table keeps created_at and stamps updated_at on update'
);

select * from finish();
rollback;
