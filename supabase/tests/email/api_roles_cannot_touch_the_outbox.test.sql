-- The outbox and the hook receipts are internal: no API role reads them or queues mail directly.
begin;
select plan(5);

-- given
select tests.create_user('ada');

-- then
select tests.sign_in_as('ada');
select throws_ok($$ select * from private.email_outbox $$, '42501', null, 'a signed-in user cannot read the outbox');
select throws_ok($$ select private.enqueue_email(tests.uid('ada'), 'admin_broadcast', '{}', 'x') $$, '42501', null,
  'a signed-in user cannot queue e-mail');
select throws_ok($$ select * from private.auth_email_webhook_receipts $$, '42501', null, 'a signed-in user cannot read hook receipts');
reset role;
set local role service_role;
select throws_ok($$ select * from private.email_outbox $$, '42501', null, 'the service role cannot read the outbox through the API');
reset role;
select lives_ok($$ select private.enqueue_email(tests.uid('ada'), 'account_reactivated', '{}', 'ok') $$,
  'the database owner (functions, triggers, jobs) can queue e-mail');

select * from finish();
rollback;
