-- Reviewer shown "Anonymous" when their profile is private or their account not active
-- (DOMAIN.md §3.7): reviewer_id is not readable from the table, and review_cards masks it.
begin;
select plan(9);

-- given: three organization reviews: by a public member, a private member and a suspended member
select tests.create_org('maskguild', owner => 'mask_owen');
select tests.add_org_member('maskguild', 'mask_pub');
select tests.add_org_member('maskguild', 'mask_priv');
select tests.add_org_member('maskguild', 'mask_sus');
select tests.create_user('mask_root', '{admin}');
select tests.create_user('mask_stan');
select tests.act_for('mask_pub');
insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('maskguild'), tests.uid('mask_pub'), 5);
select tests.act_for('mask_priv');
insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('maskguild'), tests.uid('mask_priv'), 4);
select tests.act_for('mask_sus');
insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('maskguild'), tests.uid('mask_sus'), 3);
reset role;
select set_config('request.jwt.claims', '', true);  -- back to a system caller
update public.profiles set visibility = 'private' where user_id = tests.uid('mask_priv');
update public.users set status = 'suspended', suspended_reason = 'test' where id = tests.uid('mask_sus');

-- then
select tests.sign_out();
select throws_ok($$ select reviewer_id from public.reviews $$, '42501', null, 'anon cannot read reviewer_id from the table');
select results_eq(
  $$ select rating::int, reviewer_id, reviewer_is_anonymous, reviewer_name from public.review_cards
     where organization_id = tests.org_id('maskguild') order by rating desc $$,
  $$ values (5, tests.uid('mask_pub'), false, 'Mask_Pub'), (4, null::uuid, true, null::text), (3, null::uuid, true, null::text) $$,
  'anon sees the public reviewer and two anonymous ones');
select tests.sign_in_as('mask_owen');
select throws_ok($$ select reviewer_id from public.reviews $$, '42501', null, 'members cannot read reviewer_id from the table either');
select is((select count(*)::int from public.review_cards where organization_id = tests.org_id('maskguild') and reviewer_is_anonymous), 2,
  'the organization owner sees the same two as anonymous');
select tests.sign_in_as('mask_priv');
select results_eq(
  $$ select reviewer_id, is_mine from public.review_cards where rating = 4 and organization_id = tests.org_id('maskguild') $$,
  $$ values (tests.uid('mask_priv'), true) $$, 'the private reviewer sees herself on her own review');
select is((select count(*)::int from public.review_cards where organization_id = tests.org_id('maskguild') and is_mine), 1,
  'and only that one is hers');
select tests.sign_in_as('mask_root');
select is((select count(*)::int from public.review_cards where organization_id = tests.org_id('maskguild') and not reviewer_is_anonymous), 3,
  'an admin sees every reviewer');
select tests.sign_in_as('mask_stan');
select is((select reviewer_name from public.review_cards where rating = 5 and organization_id = tests.org_id('maskguild')), 'Mask_Pub',
  'a stranger sees the public reviewer''s name');
select is((select count(*)::int from public.review_cards where organization_id = tests.org_id('maskguild')), 3, 'and all three reviews');

select * from finish();
rollback;
