-- The issue-14 probe, on the seed: for every pair of accepted/attended participants of the same
-- event (A ≠ B, both with accounts), A signs in as PostgREST would and selects B's row with every
-- sensitive column. Before the fix 8 of 8 probed pairs leaked; now none may return a row (unless
-- A is on the event's team, whose members read every row by design).
begin;
select plan(2);

create temporary table probe on commit drop as
select a.user_id as reader, b.user_id as target, b.event_id
from public.event_participants a
join public.event_participants b on b.event_id = a.event_id and b.user_id <> a.user_id
join public.users u on u.id = a.user_id and u.status = 'active' and u.deleted_at is null
where a.status in ('accepted', 'attended') and b.status in ('accepted', 'attended')
  and a.role not in ('organizer', 'committee')
  and not exists (select 1 from public.events e where e.id = a.event_id and e.organizer_id = a.user_id);
grant select on probe to authenticated;

select cmp_ok((select count(*) from probe), '>=', 8::bigint, 'the seed has at least 8 fellow pairs to probe');

create function pg_temp.leaks() returns bigint language plpgsql as $$
declare
  pair record;
  leaked bigint := 0;
  n bigint;
begin
  for pair in select * from probe loop
    perform set_config('role', 'authenticated', true);
    perform set_config('request.jwt.claims', json_build_object('sub', pair.reader, 'role', 'authenticated')::text, true);
    select count(*) into n from public.event_participants p
    where p.event_id = pair.event_id and p.user_id = pair.target
      and (p.payment_status is not null or p.payment_proof_url is not null or p.description is not null
           or p.invited_by is not null or p.walk_in_token_id is not null or p.status is not null);
    leaked := leaked + n;
    perform set_config('role', 'postgres', true);
    perform set_config('request.jwt.claims', '', true);
  end loop;
  return leaked;
end $$;

select is(pg_temp.leaks(), 0::bigint, 'no fellow reads another fellow''s participant row (any column)');

select * from finish();
rollback;
