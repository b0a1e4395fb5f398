-- A suspension bites at once (rule 7.2): the policies read the account's CURRENT status, so a
-- token (claims) built while the user was active writes nothing after the suspension.
begin;
select plan(15);

-- given: sam (student) owns an organization and organizes a draft event; kim is someone to follow
select tests.create_user('sam');
select tests.create_user('kim');
select tests.create_org('sam-org', owner => 'sam');
select tests.create_event('samdraft', organizer => 'sam', status => 'draft');
insert into public.notifications (recipient_id, type, kind, content) values (tests.uid('sam'), 'system', 'welcome', 'Welcome');

-- sam signs in while active: these claims are what the old token carries
select tests.sign_in_as('sam');
select is(current_setting('request.jwt.claims')::jsonb ->> 'account_status', 'active', 'the claims were built while sam was active');
select lives_ok($$ insert into public.educations (user_id, school) values (tests.uid('sam'), 'Before suspension') $$,
  'while active, sam writes an education (the allowed case)');
select set_config('test.stale_claims', current_setting('request.jwt.claims'), true);

-- an admin suspends sam (as the system, no caller claims)
reset role;
select set_config('request.jwt.claims', '', true);
update public.users set status = 'suspended', suspended_reason = 'Spam' where id = tests.uid('sam');

-- sam comes back with the stale claims
select set_config('role', 'authenticated', true);
select set_config('request.jwt.claims', current_setting('test.stale_claims'), true);
select is(current_setting('request.jwt.claims')::jsonb ->> 'account_status', 'active', 'the stale claims still say active');

-- then: every write is refused or reaches no row
select throws_ok($$ insert into public.educations (user_id, school) values (tests.uid('sam'), 'After suspension') $$,
  '42501', null, 'insert education refused');
select throws_ok($$ insert into public.job_experiences (user_id, title) values (tests.uid('sam'), 'Spammer') $$,
  '42501', null, 'insert job refused');
select throws_ok($$ insert into public.events (organizer_id, title, format) values (tests.uid('sam'), 'Spam', 'other') $$,
  '42501', null, 'create event refused');
select throws_ok($$ insert into public.follows (follower_id, followee_id) values (tests.uid('sam'), tests.uid('kim')) $$,
  '42501', null, 'follow refused');
select is_empty($$ update public.profiles set bio = 'spam' where user_id = tests.uid('sam') returning 1 $$, 'own profile not updatable');
select is_empty($$ update public.educations set school = 'spam' where user_id = tests.uid('sam') returning 1 $$, 'own education not updatable');
select is_empty($$ delete from public.educations where user_id = tests.uid('sam') returning 1 $$, 'own education not deletable');
select is_empty($$ update public.organizations set description = 'spam' where id = tests.org_id('sam-org') returning 1 $$,
  'own organization not updatable');
select is_empty($$ update public.events set description = 'spam' where id = tests.event_id('samdraft') returning 1 $$,
  'own draft event not updatable');
select is_empty($$ update public.user_onboardings set step = 3 where user_id = tests.uid('sam') returning 1 $$,
  'own onboarding progress not updatable');
select is_empty($$ update public.notifications set is_read = true where recipient_id = tests.uid('sam') returning 1 $$,
  'own notifications cannot even be marked read');

reset role;
select is((select count(*)::int from public.educations where user_id = tests.uid('sam')), 1,
  'only the education written before the suspension exists');

select * from finish();
rollback;
