-- Rule 7.14: exactly one owner member, equal to organizations.owner_id, checked at commit (so a
-- transfer can change both in one transaction). `set constraints all immediate` makes the
-- deferred check run at each statement here.
begin;
select plan(5);

-- given
select tests.create_org('club', owner => 'owen');
select tests.add_org_member('club', 'omar', 'admin');
set constraints all immediate;

-- then
select is(tests.violated_constraint($$ update public.organization_members set role = 'owner' where user_id = tests.uid('omar') $$),
  'organization_members_one_owner', 'a second owner row is refused');
select is(tests.violated_constraint($$ delete from public.organization_members where user_id = tests.uid('owen') $$),
  'organizations_single_owner', 'the owner cannot leave');
select is(tests.violated_constraint($$ update public.organizations set owner_id = tests.uid('omar') where id = tests.org_id('club') $$),
  'organizations_single_owner', 'owner_id cannot move without the membership');
select is(tests.violated_constraint($$ insert into public.organization_members (org_id, user_id, role, status) values (tests.org_id('club'), tests.uid('omar'), 'member', 'invited') $$),
  'organization_members_pkey', 'a member has one row per organization');

-- when ownership is transferred in one transaction (deferred check at the end)
set constraints all deferred;
update public.organization_members set role = 'admin' where user_id = tests.uid('owen');
update public.organization_members set role = 'owner' where user_id = tests.uid('omar');
update public.organizations set owner_id = tests.uid('omar') where id = tests.org_id('club');
select lives_ok($$ set constraints all immediate $$, 'a complete transfer passes the check');

select * from finish();
rollback;
