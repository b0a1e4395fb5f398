-- DOMAIN.md §3.1: inactive → active, active ⇄ suspended, active|suspended → inactive (deletion);
-- frozen is reserved; a suspension needs a reason and never targets one's own account.
begin;
select plan(6);

-- given
select tests.create_user('ada', '{admin}');
select tests.create_user('pia');

-- then
select is(tests.violated_constraint($$ update public.users set status = 'frozen' where id = tests.uid('pia') $$),
  'users_status_transition', 'active → frozen is refused');
select is(tests.violated_constraint($$ update public.users set status = 'suspended' where id = tests.uid('pia') $$),
  'users_suspension_has_reason', 'a suspension needs a reason');
select is(tests.violated_constraint($$ update public.users set status = 'suspended', suspended_reason = 'x' where id = tests.uid('pia') $$),
  '', 'active → suspended with a reason is accepted');

-- when an admin (acting through a function, claims set) tries to suspend herself
select set_config('request.jwt.claims', tests.access_token_claims('ada')::text, true);
select is(tests.violated_constraint($$ update public.users set status = 'suspended', suspended_reason = 'x' where id = tests.uid('ada') $$),
  'users_not_suspended_by_self', 'no one suspends their own account');
select set_config('request.jwt.claims', '', true);

update public.users set status = 'inactive', deleted_at = now() where id = tests.uid('pia');
select is(tests.violated_constraint($$ update public.users set status = 'suspended', suspended_reason = 'x' where id = tests.uid('pia') $$),
  'users_status_transition', 'inactive → suspended is refused');
select is(tests.violated_constraint($$ update public.users set status = 'active', deleted_at = null where id = tests.uid('pia') $$),
  '', 'deleted → active (the admin''s restore) is accepted');

select * from finish();
rollback;
