-- Rebuild every index and unique constraint set aside in step 0, exactly as the migrations
-- declared them (pg_get_indexdef / pg_get_constraintdef). Part 0 rebuilds those of events, part
-- 1 all others, at once (different tables: no lock between them).
set maintenance_work_mem = '512MB';
set max_parallel_maintenance_workers = 2;
select set_config('bench.part', :'part', false);
do $$
declare s record;
begin
  for s in select * from bench.saved_indexes where (table_name = 'public.events'::regclass) = (current_setting('bench.part') = '0') order by is_constraint loop
    if s.is_constraint then
      execute format('alter table %s add constraint %I %s', s.table_name, s.name, s.definition);
    else
      execute s.definition;
    end if;
  end loop;
end $$;
