-- Notification data has one key style, snake_case (event_id), whoever writes it: private.notify
-- converts camelCase keys, and a direct write with a camelCase key is refused by name.
begin;
select plan(4);

select tests.create_user('nk_ada');
select tests.create_user('nk_bob');
select private.notify(tests.uid('nk_ada'), 'participant_joined', 'Someone joined', '/events/x',
  jsonb_build_object('eventId', 'e1', 'participantId', 'p1', 'paymentStatus', 'verified', 'slot', '1h'));
select is((select data from public.notifications where recipient_id = tests.uid('nk_ada') and kind = 'participant_joined'),
  '{"event_id": "e1", "participant_id": "p1", "payment_status": "verified", "slot": "1h"}'::jsonb,
  'private.notify stores camelCase keys as snake_case');
select throws_ok($$ insert into public.notifications (recipient_id, type, kind, content, data)
  values (tests.uid('nk_ada'), 'event', 'participant_joined', 'Hi', '{"eventId": "e1"}') $$,
  '23514', null, 'a direct write with a camelCase key is refused');
select is((select count(*)::int from public.notifications where not private.keys_are_snake_case(data)), 0,
  'no stored notification has a camelCase key (existing rows were rewritten)');

select tests.sign_in_as('nk_bob');
insert into public.follows (follower_id, followee_id) values (tests.uid('nk_bob'), tests.uid('nk_ada'));
select tests.sign_out();
reset role;
select is((select data from public.notifications where recipient_id = tests.uid('nk_ada') and kind = 'new_follower'),
  jsonb_build_object('follower_id', tests.uid('nk_bob')), 'trigger writers keep their snake_case keys');

select * from finish();
rollback;
