-- Walk-in token rules hold in the database (issue 14): PostgREST grants the team the same writes
-- the attendance function makes, so the database refuses tokens for ended, cancelled or deleted
-- events, expiries after the event's end, and reactivation.
begin;
select plan(10);

select tests.create_world();
select tests.create_event('called-off', organizer => 'olga', status => 'cancelled');
update public.event_walk_in_tokens set is_active = false where label = 'door';  -- as the system

select is(tests.attempt('olga', $$insert into public.event_walk_in_tokens (event_id, label) values (tests.event_id('past'), 'late')$$),
  '23514 event_walk_in_tokens_event_is_live: Cannot create a walk-in token: "past" is ended',
  'no token for an ended event (PostgREST, the organizer)');
select is(tests.attempt('olga', $$insert into public.event_walk_in_tokens (event_id, label) values (tests.event_id('called-off'), 'x')$$),
  '23514 event_walk_in_tokens_event_is_live: Cannot create a walk-in token: "called-off" is cancelled',
  'no token for a cancelled event');
select alike(tests.attempt('kai', $$insert into public.event_walk_in_tokens (event_id, label, expires_at)
    values (tests.event_id('meetup'), 'late', (select end_datetime + interval '1 day' from public.events where title = 'meetup'))$$),
  '23514 event_walk_in_tokens_expiry_within_event:%', 'no token expiring after the event ends');
select alike(tests.attempt('kai', $$insert into public.event_walk_in_tokens (event_id, label, expires_at)
    values (tests.event_id('meetup'), 'late', now() - interval '1 minute')$$),
  '23514 event_walk_in_tokens_expiry_within_event:%', 'no token that has expired already');
select is(tests.attempt('kai', $$insert into public.event_walk_in_tokens (event_id, label) values (tests.event_id('meetup'), 'side')$$),
  'allowed', 'the team creates a token for a live event');
select is(tests.attempt('olga', $$update public.event_walk_in_tokens set is_active = true where label = 'door'$$),
  '23514 event_walk_in_tokens_never_reactivated: Cannot reactivate a walk-in token: create a new one',
  'a deactivated token is never reactivated');
select alike(tests.attempt('olga', $$update public.event_walk_in_tokens set expires_at = expires_at + interval '1 day' where label = 'door'$$),
  '23514 event_walk_in_tokens_expiry_within_event:%', 'a token is never extended past the event''s end');
select is(tests.attempt('olga', $$update public.event_walk_in_tokens set label = 'front door' where label = 'door'$$),
  'allowed', 'the team still relabels a token');

-- the function path: its own role with the caller's claims
select set_config('request.jwt.claims', tests.access_token_claims('olga')::text, true);
select throws_ok($$insert into public.event_walk_in_tokens (event_id, label) values (tests.event_id('past'), 'late')$$,
  '23514', null, 'a function writing for the organizer is refused too');
select throws_ok($$update public.event_walk_in_tokens set is_active = true where label = 'door'$$,
  '23514', null, 'and cannot reactivate either');

select * from finish();
rollback;
