-- events.participant_count is now kept by ±1 (not a recount) and is the seat count
-- register_for_event and the capacity trigger decide on (issue 16: less work under the event
-- lock). It must equal the seated audience rows after every kind of change, and the capacity
-- and the waitlist must still hold.
begin;
select plan(9);

select tests.create_user('pce_org');
select tests.create_event('PceCap', organizer => 'pce_org', max_participant => 2);
select tests.create_user(h) from unnest(array['pce_a', 'pce_b', 'pce_c', 'pce_d', 'pce_e', 'pce_team']) h;

create temp table pce_checks (step text, kept integer, counted integer);
create function pg_temp.check_count(step text) returns void language sql as $$
  insert into pce_checks select step,
    (select participant_count from public.events where id = tests.event_id('PceCap')),
    (select count(*)::int from public.event_participants where event_id = tests.event_id('PceCap')
       and role in ('audience', 'student', 'teacher') and status in ('accepted', 'attended'));
$$;

-- when: five registrations on two seats, then a withdrawal, a team row, a role change, a delete
select count(*) from (select private.register_for_event(tests.event_id('PceCap'), tests.uid(h)) from unnest(array['pce_a', 'pce_b', 'pce_c', 'pce_d', 'pce_e']) h) r;
select pg_temp.check_count('registered');
select private.withdraw_registration(tests.event_id('PceCap'), tests.uid('pce_a'));
select pg_temp.check_count('withdrawn and promoted');
select tests.add_participant('PceCap', 'pce_team', role => 'committee');
select pg_temp.check_count('team row');
update public.event_participants set role = 'student' where event_id = tests.event_id('PceCap') and user_id = tests.uid('pce_b');
select pg_temp.check_count('role change within the audience');
delete from public.event_participants where event_id = tests.event_id('PceCap') and user_id = tests.uid('pce_b');
select pg_temp.check_count('deleted, seat freed');

-- then
select results_eq($$ select step, kept = counted from pce_checks order by ctid $$,
  $$ values ('registered', true), ('withdrawn and promoted', true), ('team row', true),
            ('role change within the audience', true), ('deleted, seat freed', true) $$,
  'participant_count equals the seated audience rows after every change');
select is((select kept from pce_checks where step = 'registered'), 2, 'two seats taken by five registrations');
select is(tests.participant_status('PceCap', 'pce_c'), 'accepted', 'the first waitlisted took the freed seat');
select is((select array_agg(waitlist_position order by waitlist_position) from public.event_participants
           where event_id = tests.event_id('PceCap') and status = 'waitlisted'), array[2, 3], 'the others keep their places in line');
select is((select participant_count from public.events where id = tests.event_id('PceCap')), 1,
  'after the delete one seat is taken');

-- and: a waitlisted registration does not rewrite the event row; an accepted one does
select tests.create_user('pce_f');
create temp table before_wait as select ctid as row_at from public.events where id = tests.event_id('PceCap');
select private.register_for_event(tests.event_id('PceCap'), tests.uid('pce_f'));
select is(tests.participant_status('PceCap', 'pce_f'), 'waitlisted', 'newcomers never overtake the waitlist, even with a free seat');
select is((select ctid from public.events where id = tests.event_id('PceCap')), (select row_at from before_wait),
  'the waitlisted registration left the event row as it was');

-- and: the registration's commit is asynchronous; the durable announcement is not for API roles
select is(current_setting('synchronous_commit'), 'off', 'register_for_event marks its transaction for an asynchronous commit');
select ok(not has_function_privilege('authenticated', 'private.announce_registration(uuid)', 'execute')
          and not has_function_privilege('anon', 'private.announce_registration(uuid)', 'execute'), 'announce_registration is not executable by the API roles');

select * from finish();
rollback;
