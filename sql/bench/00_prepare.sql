-- Benchmark build, step 0 (runs as the cluster superuser on a THROWAWAY cluster only).
-- Deterministic ids (bench.uid(n), bench.event_id(n), bench.org_id(n)) so workloads can name
-- users, events and organizations by number; secondary indexes of the bulk-loaded tables are
-- saved and dropped here and rebuilt once at the end (a bulk build beats 3M incremental inserts).
create schema bench;
-- The workloads spell these ids out as the same expressions (md5('user:' || :n)::uuid): PostgREST
-- sends an id as a value, and a call of these functions in a prepared statement is not inlined
-- there — it was planned again on every request (0.05 ms each).
create function bench.uid(n integer) returns uuid language sql immutable parallel safe
  as $$ select md5('user:' || n)::uuid $$;
create function bench.event_id(n integer) returns uuid language sql immutable parallel safe
  as $$ select md5('event:' || n)::uuid $$;
create function bench.org_id(n integer) returns uuid language sql immutable parallel safe
  as $$ select md5('org:' || n)::uuid $$;
-- PostgREST sends the claims as one text parameter; the bench computes them from n in the same
-- statement. PL/pgSQL keeps the expression's plan, so that computation costs microseconds instead
-- of a fresh plan per request (a `language sql` body is planned on every call, 0.1 ms — it was
-- charged to every authenticated workload and not to the anon floor).
create function bench.claims(n integer) returns text language plpgsql immutable parallel safe
  as $$ begin return json_build_object('sub', md5('user:' || n)::uuid, 'role', 'authenticated', 'aud', 'authenticated',
                                       'email', 'user' || n || '@bench.atas.test', 'session_id', md5('session:' || n)::uuid)::text; end $$;
-- The shape of the data, as formulas of the event number n (and audience slot j = 1..4), shared
-- by the steps so events, participants, counts and reviews agree. Audience rows exist on even n.
-- The data set's size is :events (1,000,000 by default; the size-growth runs use others): the
-- first tenth of the events belong to the 20 heavy organizers (events/200 each).
select format($f$create function bench.organizer_of(n integer) returns integer language sql immutable parallel safe
  as $$ select case when n <= %s then ((n - 1) %% 20) + 1 else 21 + ((n * 7) %% 29980) end $$$f$, :events / 10) \gexec
create function bench.events_total() returns integer language sql immutable parallel safe as $$ select 0 $$;
select format('create or replace function bench.events_total() returns integer language sql immutable parallel safe as $$ select %s $$', :events) \gexec
create function bench.starts_of(n integer) returns timestamptz language sql stable parallel safe
  as $$ select date_trunc('hour', now()) + (((n::bigint * 7919) % (1095 * 24)) - 730 * 24) * interval '1 hour' $$;
create function bench.event_status_of(n integer) returns text language sql stable parallel safe
  as $$ select case when bench.starts_of(n) < now() then
                 case when n % 20 = 0 then 'cancelled' when n % 20 = 1 then 'draft' when n % 20 = 2 then 'published' else 'ended' end
               else
                 case when n % 10 = 0 then 'draft' when n % 10 = 1 then 'cancelled' else 'published' end
               end $$;
create function bench.audience_user(n integer, j integer) returns integer language sql immutable parallel safe
  as $$ select ((n::bigint * 7919 + j * 104729) % 100000)::integer + 1 $$;
create function bench.audience_status(n integer, j integer) returns text language sql stable parallel safe
  as $$ select case when bench.starts_of(n) < now() and n % 20 > 2 then
                      case when (n + j) % 5 < 3 then 'attended' when (n + j) % 5 = 3 then 'absent' else 'accepted' end
                    when j = 4 and n % 8 = 0 then 'pending'
                    else 'accepted' end $$;

grant usage on schema bench to public;
grant execute on all functions in schema bench to public;

create table bench.saved_indexes (table_name regclass, name text, definition text, is_constraint boolean);

insert into bench.saved_indexes
select i.indrelid::regclass, c.relname, pg_get_indexdef(i.indexrelid), false
from pg_index i join pg_class c on c.oid = i.indexrelid
where i.indrelid = any (array['auth.users', 'public.users', 'public.profiles', 'public.user_onboardings',
        'public.user_roles', 'public.organizations', 'public.organization_members', 'public.events',
        'public.event_participants', 'public.follows', 'public.notifications', 'public.reviews']::regclass[])
  and not i.indisprimary
  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid);

-- Unique constraints no foreign key leans on: dropped and re-added (re-adding checks them).
insert into bench.saved_indexes
select k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid), true
from pg_constraint k
where k.conrelid = any (array['auth.users', 'public.users', 'public.event_participants', 'public.follows']::regclass[])
  and k.contype = 'u'
  and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = k.conindid);

do $$
declare s record;
begin
  for s in select * from bench.saved_indexes loop
    if s.is_constraint then
      execute format('alter table %s drop constraint %I', s.table_name, s.name);
    else
      execute format('drop index %s.%I', (select n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                           where c.oid = s.table_name), s.name);
    end if;
  end loop;
end $$;
select count(*) || ' secondary indexes/unique constraints set aside' from bench.saved_indexes;
