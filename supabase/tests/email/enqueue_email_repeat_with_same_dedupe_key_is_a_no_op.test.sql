-- private.enqueue_email: the same template and dedupe key queue one e-mail, however often called.
begin;
select plan(4);

-- given
select tests.create_user('ada');
select private.enqueue_email(tests.uid('ada'), 'role_decision', '{"role": "expert", "decision": "approved"}', 'role/ada/expert');

-- then
select is(private.enqueue_email(tests.uid('ada'), 'role_decision', '{"role": "expert", "decision": "approved"}', 'role/ada/expert'), null,
  'a repeat returns null');
select is((select count(*)::int from private.email_outbox where recipient_user_id = tests.uid('ada')), 1, 'one row is queued');
select isnt(private.enqueue_email(tests.uid('ada'), 'role_decision', '{"role": "teacher", "decision": "approved"}', 'role/ada/teacher'), null,
  'another dedupe key queues another e-mail');
select throws_ok($$ select private.enqueue_email(tests.uid('ada'), 'not_a_template', '{}', 'x') $$, '23514', null,
  'an unknown template fails in the caller''s transaction');

select * from finish();
rollback;
