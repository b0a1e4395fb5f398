-- A walk-in token created without an expiry expires when its event ends; an explicit expiry is
-- kept (trigger event_walk_in_tokens_prepare, DOMAIN.md §2). Found by mutation testing
-- (npm run test:security): disabling that trigger failed no test.
begin;
select plan(2);

-- given
select tests.create_world();

-- when
insert into public.event_walk_in_tokens (event_id, label) values (tests.event_id('meetup'), 'no expiry given');
insert into public.event_walk_in_tokens (event_id, label, expires_at)
values (tests.event_id('meetup'), 'explicit expiry', timestamptz '2030-01-01 00:00:00+00');

-- then
select is(
  (select expires_at from public.event_walk_in_tokens where label = 'no expiry given'),
  (select end_datetime from public.events where id = tests.event_id('meetup')),
  'a token without an expiry expires when its event ends');
select is(
  (select expires_at from public.event_walk_in_tokens where label = 'explicit expiry'),
  timestamptz '2030-01-01 00:00:00+00',
  'an explicit expiry is kept');

select * from finish();
rollback;
