-- my_feed: upcoming events of followed people and organizations plus one's own participations,
-- soonest first, with reasons; never past, draft, private-to-others or hidden-organizer events.
begin;
select plan(9);

-- given: ada follows olga and an organization, and registered for an event of a stranger
select tests.create_user('feed_ada');
select tests.create_org('feedguild', owner => 'feed_owen');
select tests.create_event('fsoon', organizer => 'feed_olga', starts_in => '1 day');
select tests.create_event('flater', organizer => 'feed_olga', starts_in => '9 days');
select tests.create_event('fpast', organizer => 'feed_olga', status => 'ended', starts_in => '-3 days');
select tests.create_event('fdraft', organizer => 'feed_olga', status => 'draft');
select tests.create_event('fprivate', organizer => 'feed_olga', visibility => 'private', starts_in => '2 days');
select tests.create_event('forg', organizer => 'feed_owen', organization => 'feedguild', starts_in => '3 days');
select tests.create_event('fmine', organizer => 'feed_stan', starts_in => '4 days');
select tests.add_participant('fmine', 'feed_ada', 'audience', 'accepted');
select tests.create_event('fsus', organizer => 'feed_sus', starts_in => '5 days');
select tests.create_event('fnot', organizer => 'feed_nobody', starts_in => '1 day');
select tests.sign_in_as('feed_ada');
insert into public.follows (follower_id, followee_id) values (tests.uid('feed_ada'), tests.uid('feed_olga'));
insert into public.follows (follower_id, followee_id) values (tests.uid('feed_ada'), tests.uid('feed_sus'));
insert into public.follows (follower_id, org_id) values (tests.uid('feed_ada'), tests.org_id('feedguild'));
reset role;
update public.users set status = 'suspended', suspended_reason = 'test' where id = tests.uid('feed_sus');

-- then
select tests.sign_in_as('feed_ada');
select results_eq($$ select title, reasons from public.my_feed() $$,
  $$ values ('fsoon', array['followed_person']), ('forg', array['followed_organization']),
            ('fmine', array['participating']), ('flater', array['followed_person']) $$,
  'followed people, followed organizations and own participation, soonest first');
select results_eq($$ select title from public.my_feed(page_size => 2) $$, $$ values ('fsoon'), ('forg') $$, 'first page of two');
select results_eq($$ select title from public.my_feed(page_size => 2, after_cursor => (select cursor from public.my_feed(page_size => 2) offset 1)) $$,
  $$ values ('fmine'), ('flater') $$, 'second page of two');
select is((select count(*)::int from public.my_feed(after_cursor => (select cursor from public.my_feed() offset 3))), 0, 'then nothing');
-- once ada's participation is also a follow, the event is listed once with both reasons
reset role;
insert into public.follows (follower_id, followee_id) values (tests.uid('feed_ada'), tests.uid('feed_stan'));
select tests.sign_in_as('feed_ada');
select is((select reasons from public.my_feed() where title = 'fmine'), array['followed_person', 'participating'], 'both reasons, one row');
-- someone else's feed
select tests.sign_in_as('feed_olga');
select is((select count(*)::int from public.my_feed() where title in ('fsoon', 'flater', 'fprivate')), 3,
  'the organizer''s own events are in her feed as participation (private one included)');
select tests.sign_in_as('feed_stan');
select results_eq($$ select title from public.my_feed() $$, $$ values ('fmine') $$, 'a user following nobody sees own events only');
select tests.sign_out();
select throws_ok($$ select * from public.my_feed() $$, '42501', 'Sign in to see your feed', 'anon is told to sign in');
select tests.sign_in_as('feed_ada');
select throws_ok($$ select * from public.my_feed(after_cursor => (select cursor from public.search_events(query => 'fsoon') limit 1)) $$,
  '22023', null, 'a ranked search cursor is not a feed cursor');

select * from finish();
rollback;
