-- Rules 7.3 and 7.11: attendance needs an accepted row; pending, waitlisted and rejected rows can
-- never become attended, and only walk-ins are created attended. A participant never writes
-- their own status through the API.
begin;
select plan(8);

-- given
select tests.create_event('talk', organizer => 'olga', max_participant => 5);
select tests.add_participant('talk', 'pia');
select tests.add_participant('talk', 'pen', status => 'pending');
select tests.add_participant('talk', 'rex', status => 'rejected');
select tests.create_event('packed', organizer => 'olga', max_participant => 1);
select tests.add_participant('packed', 'ann');
select tests.add_participant('packed', 'wes', status => 'waitlisted');

-- then
select is(tests.violated_constraint($$ update public.event_participants set status = 'attended' where user_id = tests.uid('pen') $$),
  'event_participants_status_transition', 'pending → attended is refused');
select is(tests.violated_constraint($$ update public.event_participants set status = 'attended' where user_id = tests.uid('rex') $$),
  'event_participants_status_transition', 'rejected → attended is refused');
select is(tests.violated_constraint($$ update public.event_participants set status = 'attended' where user_id = tests.uid('wes') $$),
  'event_participants_status_transition', 'waitlisted → attended is refused');
select is(tests.violated_constraint($$ insert into public.event_participants (event_id, user_id, join_method, status)
  values (tests.event_id('talk'), tests.uid('olga'), 'registered', 'attended') $$),
  'event_participants_status_transition', 'a registration is never created attended');
select is(tests.attempt('pia', $$ update public.event_participants set status = 'attended' where user_id = (select auth.uid()) $$),
  'forbidden', 'pia cannot mark herself attended through the API');
update public.event_participants set status = 'attended' where user_id = tests.uid('pia');
select isnt((select attended_at from public.event_participants where user_id = tests.uid('pia')), null,
  'accepted → attended stamps attended_at');
select is(tests.violated_constraint($$ update public.event_participants set status = 'pending' where user_id = tests.uid('pia') $$),
  'event_participants_status_transition', 'attended is final');
update public.event_participants set status = 'accepted' where user_id = tests.uid('pen');
select isnt((select responded_at from public.event_participants where user_id = tests.uid('pen')), null,
  'answering a pending row stamps responded_at');

select * from finish();
rollback;
