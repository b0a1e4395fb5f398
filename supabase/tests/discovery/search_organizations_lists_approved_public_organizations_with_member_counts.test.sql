-- search_organizations lists approved, public, undeleted organizations (anon included) by text and
-- type with keyset pages; member_count counts active members and follows joins and leaves.
begin;
select plan(9);

select tests.create_org('Quillfeather Guild', owner => 'so_owner');
select tests.create_org('Quillfeather Pending', owner => 'so_owner2', status => 'pending');
select tests.create_org('Quillfeather Rejected', owner => 'so_owner3', status => 'rejected');
select tests.create_org('Quillfeather Private', owner => 'so_owner4', visibility => 'private');
select tests.create_org('Quillfeather Gone', owner => 'so_owner5');
update public.organizations set deleted_at = now() where name = 'Quillfeather Gone';
select tests.create_org('Quillfeather University', owner => 'so_owner6');
update public.organizations set type = 'university', description = 'A quillfeather campus' where name = 'Quillfeather University';
select tests.add_org_member('Quillfeather Guild', 'so_member1');
select tests.add_org_member('Quillfeather Guild', 'so_member2');
select tests.add_org_member('Quillfeather Guild', 'so_invited', 'member', 'invited');

select tests.sign_out();
select results_eq($$ select name, member_count from public.search_organizations(query => 'quillfeather') order by name $$,
  $$ values ('Quillfeather Guild', 3), ('Quillfeather University', 1) $$,
  'anon finds only approved public live organizations; member_count counts active members (owner included), not invitations');
select results_eq($$ select name from public.search_organizations(query => 'quillfeather', type => 'university') $$,
  $$ values ('Quillfeather University') $$, 'type filter');
select ok((select bool_and(rank > 0) from public.search_organizations(query => 'quillfeather')), 'text hits are ranked');
select results_eq($$ select member_count from public.organizations where name = 'Quillfeather Guild' $$, $$ values (3) $$,
  'anon reads member_count on the organization row itself');
select results_eq(
  $$ select name from public.search_organizations(query => 'quillfeather', page_size => 1,
       after_cursor => (select cursor from public.search_organizations(query => 'quillfeather', page_size => 1))) $$,
  $$ select name from public.search_organizations(query => 'quillfeather') offset 1 $$, 'the second page starts after the first');
select throws_ok($$ select * from public.search_organizations(page_size => 101) $$, '22023', 'page_size must be between 1 and 100', 'page size checked');

-- the count follows the memberships
select tests.sign_out();
reset role;
update public.organization_members set status = 'active' where user_id = tests.uid('so_invited');
select is((select member_count from public.organizations where name = 'Quillfeather Guild'), 4, 'an accepted invitation counts');
delete from public.organization_members where user_id = tests.uid('so_member1');
select is((select member_count from public.organizations where name = 'Quillfeather Guild'), 3, 'a member who leaves is no longer counted');

select tests.sign_in_as('so_member2');
select results_eq($$ select name from public.search_organizations(query => 'quillfeather') order by name $$,
  $$ values ('Quillfeather Guild'), ('Quillfeather University') $$, 'members see the same list (their own pending ones are not listed)');

select * from finish();
rollback;
