-- 100,000 accounts: auth.users + public.users + profiles + user_onboardings + user_roles, the rows
-- the sign-up trigger (private.handle_auth_user_created) would create, written set-based with
-- triggers off (session_replication_role = replica). Users 90001..100000 are always active
-- (workload users); otherwise 1% suspended, 1% inactive (unconfirmed).
set session_replication_role = replica;
set synchronous_commit = off;

create temp table u as
select n, bench.uid(n) as id, 'user' || n || '@bench.atas.test' as email,
       case when n > 90000 then 'active' when n % 100 = 99 then 'suspended' when n % 100 = 98 then 'inactive' else 'active' end as status,
       now() - (n % 700) * interval '1 day' as created_at
from generate_series(1, 100000) n;

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', email, '',
       case when status = 'inactive' then null else created_at end,
       '{"provider":"email","providers":["email"]}', json_build_object('full_name', 'Bench user ' || n)::jsonb,
       created_at, created_at
from u;

insert into public.users (id, email, status, is_verified, referral_code, suspended_reason, created_at, updated_at)
select id, email, status::public.user_status, status <> 'inactive', 'B' || lpad(upper(to_hex(n)), 7, '0'),
       case when status = 'suspended' then 'Benchmark: suspended account' end, created_at, created_at
from u;

-- is_listed: what the profiles_set_listing trigger would write (public profile, active account).
insert into public.profiles (user_id, full_name, title, city, country, visibility, is_listed, is_onboarded, created_at, updated_at)
select id, 'Bench user ' || n, (array['Student', 'Lecturer', 'Engineer', 'Designer', 'Founder'])[1 + n % 5],
       (array['Kuala Lumpur', 'Penang', 'Johor Bahru', 'Ipoh', 'Kuching'])[1 + n % 5], 'Malaysia',
       case when n % 10 = 0 and n <= 90000 then 'private' else 'public' end::public.visibility,
       not (n % 10 = 0 and n <= 90000) and status = 'active', true, created_at, created_at
from u;

insert into public.user_onboardings (user_id, status, step, completed_at, created_at, updated_at)
select id, 'completed', 5, created_at, created_at, created_at from u;

-- Every account is an approved student; every 50th (and organizers 1..20) an approved expert;
-- 99991..100000 admins. Decided by admin 100000 (admin 100000 by admin 99999).
insert into public.user_roles (user_id, role, status, requested_at, decided_at, decided_by)
select id, 'student'::public.app_role, 'approved'::public.role_status, created_at, created_at, bench.uid(case when n = 100000 then 99999 else 100000 end) from u
union all
select id, 'expert', 'approved', created_at, created_at, bench.uid(case when n = 100000 then 99999 else 100000 end) from u where n % 50 = 0 or n <= 20
union all
select id, 'admin', 'approved', created_at, created_at, bench.uid(case when n = 100000 then 99999 else 100000 end) from u where n > 99990;
