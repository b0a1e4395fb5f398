-- review_cards shows a reviewer from the kept column reviews.shown_reviewer_id, and the profiles
-- policy reads the kept column profiles.is_listed (issue 16: no definer call per row). Both must
-- follow every change of the reviewer's profile visibility and account status, both ways.
begin;
select plan(8);

-- given: an organization review by a member with a public profile
select tests.create_org('showguild', owner => 'show_owen');
select tests.add_org_member('showguild', 'show_rita');
select tests.act_for('show_rita');
insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('showguild'), tests.uid('show_rita'), 5);
reset role;
select set_config('request.jwt.claims', '', true);  -- back to a system caller

create temp table seen (step text, reviewer uuid, listed_profiles int);
grant all on seen to anon;  -- written as anon (RLS applies per statement)
-- when: the profile goes private, then public again; the account is suspended, then reactivated
select tests.sign_out();
insert into seen select 'public', (select reviewer_id from public.review_cards where organization_id = tests.org_id('showguild')),
  (select count(*)::int from public.profiles where user_id = tests.uid('show_rita'));
reset role;
select set_config('request.jwt.claims', '', true);
update public.profiles set visibility = 'private' where user_id = tests.uid('show_rita');
select tests.sign_out();
insert into seen select 'private', (select reviewer_id from public.review_cards where organization_id = tests.org_id('showguild')),
  (select count(*)::int from public.profiles where user_id = tests.uid('show_rita'));
reset role;
select set_config('request.jwt.claims', '', true);
update public.profiles set visibility = 'public' where user_id = tests.uid('show_rita');
select tests.sign_out();
insert into seen select 'public again', (select reviewer_id from public.review_cards where organization_id = tests.org_id('showguild')),
  (select count(*)::int from public.profiles where user_id = tests.uid('show_rita'));
reset role;
select set_config('request.jwt.claims', '', true);
update public.users set status = 'suspended', suspended_reason = 'test' where id = tests.uid('show_rita');
select tests.sign_out();
insert into seen select 'suspended', (select reviewer_id from public.review_cards where organization_id = tests.org_id('showguild')),
  (select count(*)::int from public.profiles where user_id = tests.uid('show_rita'));
reset role;
select set_config('request.jwt.claims', '', true);
update public.users set status = 'active', suspended_reason = null where id = tests.uid('show_rita');
select tests.sign_out();
insert into seen select 'reactivated', (select reviewer_id from public.review_cards where organization_id = tests.org_id('showguild')),
  (select count(*)::int from public.profiles where user_id = tests.uid('show_rita'));
reset role;
select set_config('request.jwt.claims', '', true);

-- then: anon sees the reviewer and the profile exactly when the profile is public and the account active
select results_eq($$ select step, reviewer is not null, listed_profiles from seen order by ctid $$,
  $$ values ('public', true, 1), ('private', false, 0), ('public again', true, 1), ('suspended', false, 0), ('reactivated', true, 1) $$,
  'the shown reviewer and the profile follow visibility and account status both ways');
select is((select reviewer from seen where step = 'reactivated'), tests.uid('show_rita'), 'the shown reviewer is the reviewer');

-- and: nobody writes the kept columns through the API
select tests.sign_in_as('show_rita');
select throws_ok($$ update public.profiles set is_listed = false where user_id = tests.uid('show_rita') $$, '42501', null,
  'a member cannot write is_listed');
select throws_ok($$ update public.reviews set shown_reviewer_id = null $$, '42501', null,
  'a member cannot write shown_reviewer_id');
reset role;
select set_config('request.jwt.claims', '', true);
-- a service-role write is recomputed by the triggers
update public.profiles set is_listed = false where user_id = tests.uid('show_rita');
select is((select is_listed from public.profiles where user_id = tests.uid('show_rita')), true, 'a direct write of is_listed is recomputed');
update public.reviews set shown_reviewer_id = null where reviewer_id = tests.uid('show_rita');
select is((select shown_reviewer_id from public.reviews where reviewer_id = tests.uid('show_rita')), tests.uid('show_rita'),
  'a direct write of shown_reviewer_id is recomputed');

-- and: the private reviewer still sees herself; a stranger does not
update public.profiles set visibility = 'private' where user_id = tests.uid('show_rita');
select tests.sign_in_as('show_rita');
select is((select reviewer_id from public.review_cards where organization_id = tests.org_id('showguild')), tests.uid('show_rita'),
  'the author sees herself on her own review while private');
select tests.sign_in_as('show_owen');
select is((select reviewer_id from public.review_cards where organization_id = tests.org_id('showguild')), null::uuid,
  'another member sees her as anonymous');

select * from finish();
rollback;
