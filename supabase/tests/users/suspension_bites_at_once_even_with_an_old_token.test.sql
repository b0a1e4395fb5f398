-- Rule 7.2: policies read the account's current status, not the token. A token minted while pia
-- was active stops working for writes and private reads the moment she is suspended; public data
-- stays readable.
begin;
select plan(10);

-- given: pia, accepted at meetup, holds a token minted while active
select tests.create_world();
create temporary table old_token on commit drop as select tests.access_token_claims('pia') as claims;
select is((select claims ->> 'account_status' from old_token), 'active', 'the token was minted while active');
select is(tests.attempt_with_claims((select claims from old_token),
  $$ update public.profiles set bio = 'before' where user_id = (select auth.uid()) $$), 'allowed',
  'before the suspension she edits her profile');

-- when an admin suspends her
update public.users set status = 'suspended', suspended_reason = 'Harassment' where id = tests.uid('pia');

-- then: the same token
select is(tests.attempt_with_claims((select claims from old_token),
  $$ update public.profiles set bio = 'after' where user_id = (select auth.uid()) $$), 'hidden',
  'she can no longer edit her profile');
select is(tests.attempt_with_claims((select claims from old_token),
  $$ insert into public.follows (follower_id, followee_id) values ((select auth.uid()), tests.uid('kai')) $$), 'forbidden',
  'she can no longer follow anyone');
select is(tests.attempt_with_claims((select claims from old_token),
  $$ insert into public.events (organizer_id, title, format) values ((select auth.uid()), 'Sneaky', 'other') $$), 'forbidden',
  'she can no longer create events');
select is(tests.attempt_with_claims((select claims from old_token),
  $$ select 1 from public.notifications where recipient_id = (select auth.uid()) $$), 'hidden',
  'she can no longer read her notifications');
select is(tests.attempt_with_claims((select claims from old_token),
  $$ select 1 from public.event_meeting_links where event_id = tests.event_id('meetup') $$), 'hidden',
  'she can no longer read the meeting link of her event');
select is(tests.attempt_with_claims((select claims from old_token),
  $$ select 1 from public.events where id = tests.event_id('meetup') $$), 'allowed',
  'she still reads public events');
select is(tests.attempt('stan', $$ select 1 from public.profiles where user_id = tests.uid('pia') $$), 'hidden',
  'she disappears from other people''s view at once');

-- and a revoked admin loses admin rights at once too
create temporary table admin_token on commit drop as select tests.access_token_claims('ada') as claims;
update public.user_roles set status = 'revoked' where user_id = tests.uid('ada') and role = 'admin';
select is(tests.attempt_with_claims((select claims from admin_token), $$ insert into public.tags (name) values ('late') $$),
  'forbidden', 'a revoked admin''s old token no longer writes admin tables');

select * from finish();
rollback;
