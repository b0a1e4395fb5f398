-- notification_preferences decide which kinds also e-mail: the owner writes their own rows
-- (email_enabled only), and the e-mail outbox (email branch) skips a non-essential e-mail whose
-- kind is off while essential ones still go out.
begin;
select plan(10);

-- given
select tests.create_user('pref_ada');
select tests.create_user('pref_bob');

-- then: the owner switches review_request e-mails off
select tests.sign_in_as('pref_ada');
select lives_ok($$ insert into public.notification_preferences (user_id, kind, email_enabled) values (tests.uid('pref_ada'), 'review_request', false) $$,
  'ada turns review_request e-mails off');
select throws_ok($$ insert into public.notification_preferences (user_id, kind, email_enabled) values (tests.uid('pref_bob'), 'review_request', false) $$,
  '42501', null, 'nobody sets someone else''s preferences');
select throws_ok($$ update public.notification_preferences set kind = 'event_reminder' $$, '42501', null, 'kind is not writable');
-- the one-call rpc: insert, then flip, only the caller's row
select lives_ok($$ select public.set_notification_email('event_reminder', false) $$, 'set_notification_email creates a preference');
select lives_ok($$ select public.set_notification_email('event_reminder', true) $$, 'and flips it');
reset role;
select results_eq($$ select kind::text, email_enabled from public.notification_preferences where user_id = tests.uid('pref_ada') order by kind $$,
  $$ values ('event_reminder', true), ('review_request', false) $$, 'ada has exactly her two preferences');
select tests.sign_out();
select throws_ok($$ select public.set_notification_email('event_reminder', false) $$, '42501', null, 'anon cannot call it');
reset role;

select is(private.enqueue_email(tests.uid('pref_ada'), 'review_request',
  jsonb_build_object('eventId', gen_random_uuid(), 'eventTitle', 'Rust 101', 'reviewDeadline', '2026-12-01T00:00:00Z'), 'pref-test-1'),
  null, 'a non-essential e-mail of a switched-off kind is not queued');
select isnt(private.enqueue_email(tests.uid('pref_bob'), 'review_request',
  jsonb_build_object('eventId', gen_random_uuid(), 'eventTitle', 'Rust 101', 'reviewDeadline', '2026-12-01T00:00:00Z'), 'pref-test-2'),
  null, 'the same e-mail to someone with no preference row is queued');
select isnt(private.enqueue_email(tests.uid('pref_ada'), 'event_cancelled',
  jsonb_build_object('eventId', gen_random_uuid(), 'eventTitle', 'Rust 101'), 'pref-test-3'),
  null, 'essential e-mails ignore preferences');

select * from finish();
rollback;
