-- private.enqueue_email: non-essential e-mails honour the recipient's preference and reach active
-- accounts only (rule 7.15); essential ones always go to an account that exists.
begin;
select plan(6);

-- given: ada turned invitation e-mails off; sam is suspended; grace has no preferences
select tests.create_user('ada');
select tests.create_user('grace');
select tests.create_user('sam', status => 'suspended');
insert into public.notification_preferences (user_id, kind, email_enabled) values (tests.uid('ada'), 'event_invitation', false);

-- then
select is(private.enqueue_email(tests.uid('ada'), 'event_invitation', '{}'::jsonb, 'inv-ada'), null,
  'a non-essential e-mail whose preference is off is not queued');
select isnt(private.enqueue_email(tests.uid('ada'), 'participation_decision', '{}'::jsonb, 'dec-ada'), null,
  'an essential e-mail is queued despite the preferences');
select isnt(private.enqueue_email(tests.uid('grace'), 'event_invitation', '{}'::jsonb, 'inv-grace'), null,
  'with no preference row the e-mail is queued');
select is(private.enqueue_email(tests.uid('sam'), 'admin_broadcast', '{}'::jsonb, 'news-sam'), null,
  'a suspended account gets no broadcast');
select isnt(private.enqueue_email(tests.uid('sam'), 'account_suspended', '{}'::jsonb, 'susp-sam'), null,
  'a suspended account still gets its suspension notice');
select is((select recipient_email from private.email_outbox where idempotency_key = 'event_invitation/inv-grace'),
  tests.email_of('grace'), 'the address comes from auth.users');

select * from finish();
rollback;
