-- 1,000 organizations, owned by users 1..1000 (owner k owns organization k); 10% pending, 10%
-- rejected, 1 in 7 private; 1..20 (the heavy organizers' organizations) approved and public.
-- The owner membership row (trigger private.add_organization_owner) plus 5 active members each.
set session_replication_role = replica;
set synchronous_commit = off;

insert into public.organizations (id, owner_id, name, description, type, visibility, status, decided_at, created_at, updated_at)
select bench.org_id(k), bench.uid(k), 'Bench organization ' || k,
       'A benchmark organization number ' || k,
       (array['company', 'university', 'community', 'nonprofit', 'government'])[1 + k % 5]::public.organization_type,
       case when k > 20 and k % 7 = 0 then 'private' else 'public' end::public.visibility,
       case when k <= 20 then 'approved' when k % 10 = 0 then 'pending' when k % 10 = 5 then 'rejected' else 'approved' end::public.organization_status,
       case when k <= 20 or k % 10 <> 0 then now() - interval '300 days' end,
       now() - interval '365 days', now() - interval '300 days'
from generate_series(1, 1000) k;

insert into public.organization_members (org_id, user_id, role, status, created_at, updated_at)
select bench.org_id(k), bench.uid(k), 'owner'::public.organization_role, 'active'::public.organization_member_status, now() - interval '365 days', now() - interval '365 days'
from generate_series(1, 1000) k
union all
select bench.org_id(k), bench.uid(m), case when j = 1 then 'admin' else 'member' end::public.organization_role, 'active'::public.organization_member_status,
       now() - interval '200 days', now() - interval '200 days'
from generate_series(1, 1000) k, generate_series(1, 5) j, lateral (select ((k * 13 + j * 9973) % 100000) + 1 as m) x
where m <> k;
