-- Rule 7.2: confirming an e-mail (or a verified Google sign-in) activates an inactive account,
-- but never reactivates a suspended or deleted one.
begin;
select plan(3);

-- given: three unconfirmed sign-ups; one is suspended, one deleted before confirming
select tests.create_user('una', status => 'inactive');
select tests.create_user('sid', status => 'inactive');
select tests.create_user('del', status => 'inactive');
update public.users set status = 'active' where id = tests.uid('sid');
update public.users set status = 'suspended', suspended_reason = 'Spam' where id = tests.uid('sid');
update public.users set deleted_at = now() where id = tests.uid('del');

-- when each confirms
update auth.users set email_confirmed_at = now() where id in (tests.uid('una'), tests.uid('sid'), tests.uid('del'));

-- then
select is((select status from public.users where id = tests.uid('una')), 'active'::public.user_status,
  'an inactive account becomes active');
select is((select status from public.users where id = tests.uid('sid')), 'suspended'::public.user_status,
  'a suspended account stays suspended');
select is((select status from public.users where id = tests.uid('del')), 'inactive'::public.user_status,
  'a deleted account stays inactive');

select * from finish();
rollback;
