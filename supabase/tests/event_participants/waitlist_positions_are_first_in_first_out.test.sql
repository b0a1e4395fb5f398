-- DOMAIN.md §3.6: a full event waitlists in arrival order; positions are assigned by the
-- database, kept unique, and cleared when a row leaves the waitlist.
begin;
select plan(5);

-- given: a full event and three people queueing
select tests.create_event('full', organizer => 'olga', max_participant => 1);
select tests.add_participant('full', 'pia');
select tests.add_participant('full', h, status => 'waitlisted') from unnest(array['ann', 'bob', 'cyd']) as h;

-- then
select results_eq($$ select p.waitlist_position from public.event_participants p join auth.users u on u.id = p.user_id
                     where p.event_id = tests.event_id('full') and p.status = 'waitlisted' order by u.email $$,
  $$ values (1), (2), (3) $$, 'positions follow arrival');
select is(tests.violated_constraint($$ update public.event_participants set waitlist_position = 1 where user_id = tests.uid('cyd') $$),
  'event_participants_waitlist_position_is_unique', 'two rows never share a position');

-- when pia leaves and the first in line is promoted
delete from public.event_participants where user_id = tests.uid('pia') and event_id = tests.event_id('full');
update public.event_participants set status = 'accepted'
where id = (select id from public.event_participants where event_id = tests.event_id('full') and status = 'waitlisted'
            order by waitlist_position limit 1);
select is(tests.participant_status('full', 'ann'), 'accepted'::public.event_participant_status, 'the first in line is promoted');
select is((select waitlist_position from public.event_participants where user_id = tests.uid('ann')), null,
  'the promoted row leaves the queue');
select tests.add_participant('full', 'dan', status => 'waitlisted');
select is((select waitlist_position from public.event_participants where user_id = tests.uid('dan')), 4,
  'a newcomer queues behind everyone who was ever ahead');

select * from finish();
rollback;
