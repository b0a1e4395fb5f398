-- Password reset, a new sign-in or a repeated e-mail confirmation never reactivates a suspended
-- or deleted account (rule 7.2, DOMAIN.md §3.1); only the first confirmation activates.
begin;
select plan(5);

-- given
select tests.create_user('newbie', '{}', 'inactive');
select tests.create_user('sid', '{student}', 'suspended');
select tests.create_user('dee');
update public.users set status = 'inactive', deleted_at = now() where id = tests.uid('dee');

-- when: each account confirms again, resets its password and signs in
update auth.users set email_confirmed_at = null where id in (tests.uid('sid'), tests.uid('dee'));
update auth.users set email_confirmed_at = now(), encrypted_password = 'new-hash', recovery_token = '',
  last_sign_in_at = now() where id in (tests.uid('newbie'), tests.uid('sid'), tests.uid('dee'));

-- then
select is((select status::text from public.users where id = tests.uid('newbie')), 'active', 'a first confirmation activates (allowed case)');
select is((select status::text from public.users where id = tests.uid('sid')), 'suspended', 'a suspended account stays suspended');
select is((select status::text from public.users where id = tests.uid('dee')), 'inactive', 'a deleted account stays inactive');
select isnt((select deleted_at from public.users where id = tests.uid('dee')), null, 'and stays deleted');
select is(tests.access_token_claims('sid') ->> 'account_status', 'suspended', 'the next token still says suspended');

select * from finish();
rollback;
