-- Rule 7.19 and DOMAIN.md §3.3: organizations are created pending; pending → approved|rejected;
-- rejected → pending (resubmission); the creator becomes the single active owner member.
begin;
select plan(6);

-- given
select tests.create_user('owen');

-- then
select is(tests.violated_constraint($$ insert into public.organizations (owner_id, name, status) values (tests.uid('owen'), 'Instant', 'approved') $$),
  'organizations_status_transition', 'an organization cannot be created approved');
insert into public.organizations (owner_id, name) values (tests.uid('owen'), 'Acme Society');
select results_eq($$ select m.role::text, m.status::text from public.organization_members m join public.organizations o on o.id = m.org_id
                     where o.name = 'Acme Society' $$,
  $$ values ('owner', 'active') $$, 'the creator is the active owner member');
select is(tests.attempt('anon', $$ select 1 from public.organizations where name = 'Acme Society' $$), 'hidden',
  'a pending organization is not public');
update public.organizations set status = 'rejected' where name = 'Acme Society';
select is(tests.violated_constraint($$ update public.organizations set status = 'approved' where name = 'Acme Society' $$),
  'organizations_status_transition', 'rejected → approved is refused');
update public.organizations set status = 'pending' where name = 'Acme Society';
update public.organizations set status = 'approved' where name = 'Acme Society';
select is(tests.attempt('anon', $$ select 1 from public.organizations where name = 'Acme Society' $$), 'allowed',
  'after resubmission and approval it is public');
select is(tests.violated_constraint($$ update public.organizations set status = 'pending' where name = 'Acme Society' $$),
  'organizations_status_transition', 'approved → pending is refused');

select * from finish();
rollback;
