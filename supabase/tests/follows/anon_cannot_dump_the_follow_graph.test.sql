-- Issue 14: anon cannot list the follow graph (not even between public profiles); signed-out
-- visitors get counts only. Signed-in active users list follows between visible parties; a
-- suspended account lists only its own.
begin;
select plan(6);

select tests.create_world();
select ok(tests.returns_rows($$select 1 from public.follows where follower_id = tests.uid('pia') and followee_id = tests.uid('olga')$$),
  'the target follow (pia → olga, both public) exists');

select is(tests.attempt('anon', $$select * from public.follows$$), 'forbidden', 'anon cannot select follows at all');
select is(tests.attempt('anon', $$select followers_count from public.profiles where user_id = tests.uid('olga') and followers_count > 0$$),
  'allowed', 'anon still reads the counts on a public profile');
select is(tests.attempt('stan', $$select 1 from public.follows where follower_id = tests.uid('pia') and followee_id = tests.uid('olga')$$),
  'allowed', 'a signed-in active stranger reads a follow between public profiles');
select is(tests.attempt('sue', $$select 1 from public.follows where follower_id = tests.uid('pia') and followee_id = tests.uid('olga')$$),
  'hidden', 'a suspended account cannot crawl others'' follows');
select is(tests.attempt('sue', $$select 1 from public.follows where follower_id = tests.uid('sue')$$),
  'allowed', 'but still reads its own');

select * from finish();
rollback;
