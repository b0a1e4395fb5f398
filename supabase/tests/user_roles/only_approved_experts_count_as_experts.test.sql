-- Rule 7.8: a pending (or rejected) expert is not an expert: has_role is false, and reviews
-- about them are not public the way reviews about approved experts are.
begin;
select plan(5);

-- given
select tests.create_user('max', '{expert}');
select tests.create_user('raj');
select tests.set_role('raj', 'expert', 'pending');
select tests.create_user('olga');
select tests.create_event('talk', organizer => 'olga', status => 'draft', starts_in => '-2 days');
select tests.add_participant('talk', h, 'speaker', 'accepted', 'invited') from unnest(array['max', 'raj']) as h;
select tests.add_participant('talk', 'pia', status => 'accepted');
update public.events set status = 'published' where id = tests.event_id('talk');
update public.event_participants set status = 'attended' where user_id = tests.uid('pia');
update public.events set status = 'ended' where id = tests.event_id('talk');
-- an attendee reviews both speakers
insert into public.reviews (event_id, reviewer_id, reviewee_id, rating, comment) values
  (tests.event_id('talk'), tests.uid('pia'), tests.uid('max'), 5, 'about-max'),
  (tests.event_id('talk'), tests.uid('pia'), tests.uid('raj'), 5, 'about-raj');

-- then
select is(tests.attempt('raj', $$ select private.has_role('expert') where private.has_role('expert') $$), 'hidden',
  'a pending expert does not have the expert role');
select is(tests.attempt('max', $$ select private.has_role('expert') where private.has_role('expert') $$), 'allowed',
  'an approved expert has it');
select is(tests.attempt('anon', $$ select 1 from public.reviews where comment = 'about-max' $$), 'allowed',
  'reviews about an approved expert are public');
select is(tests.attempt('anon', $$ select 1 from public.reviews where comment = 'about-raj' $$), 'hidden',
  'reviews about a pending expert are not');
select is(tests.attempt('raj', $$ select 1 from public.reviews where comment = 'about-raj' $$), 'allowed',
  'the reviewee still sees a review about himself');

select * from finish();
rollback;
