-- DOMAIN.md §3.2: pending → approved|rejected, approved → revoked, rejected → pending; decisions
-- stamp decided_at, a new request clears the decision.
begin;
select plan(7);

-- given
select tests.create_user('pia');
select tests.set_role('pia', 'expert', 'pending');

-- then
select is(tests.violated_constraint($$ update public.user_roles set status = 'revoked' where user_id = tests.uid('pia') and role = 'expert' $$),
  'user_roles_status_transition', 'pending → revoked is refused');
update public.user_roles set status = 'rejected', decision_reason = 'No proof' where user_id = tests.uid('pia') and role = 'expert';
select isnt((select decided_at from public.user_roles where user_id = tests.uid('pia') and role = 'expert'), null,
  'a decision is stamped');
select is(tests.violated_constraint($$ update public.user_roles set status = 'approved' where user_id = tests.uid('pia') and role = 'expert' $$),
  'user_roles_status_transition', 'rejected → approved is refused (a new request comes first)');
-- (past any re-request cool-down)
update public.user_roles set decided_at = now() - interval '31 days' where user_id = tests.uid('pia') and role = 'expert';
update public.user_roles set status = 'pending' where user_id = tests.uid('pia') and role = 'expert';
select results_eq($$ select decided_at, decision_reason from public.user_roles where user_id = tests.uid('pia') and role = 'expert' $$,
  $$ values (null::timestamptz, null::text) $$, 'a new request clears the old decision');
update public.user_roles set status = 'approved' where user_id = tests.uid('pia') and role = 'expert';
select ok(private.is_approved_expert(tests.uid('pia')), 'approved counts');
update public.user_roles set status = 'revoked' where user_id = tests.uid('pia') and role = 'expert';
select ok(not private.is_approved_expert(tests.uid('pia')), 'revoked no longer counts');
select is(tests.violated_constraint($$ update public.user_roles set status = 'approved' where user_id = tests.uid('pia') and role = 'expert' $$),
  'user_roles_status_transition', 'revoked is final');

select * from finish();
rollback;
