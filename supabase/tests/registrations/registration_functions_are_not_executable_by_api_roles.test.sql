begin;
select plan(16);

-- given: the rule-carrying functions of registration and the event lifecycle
-- then: only the project owner (edge functions) and the service role may run them; PostgREST
-- clients can neither call them nor write participant rows themselves.
select ok(not has_function_privilege(r, f, 'execute'), format('%s cannot execute %s', r, f))
from unnest(array['anon', 'authenticated']) r,
     unnest(array[
       'private.register_for_event(uuid, uuid, timestamptz)',
       'private.withdraw_registration(uuid, uuid, timestamptz)',
       'private.decide_registration(uuid, uuid, boolean, uuid, text, timestamptz)',
       'private.cancel_event(uuid, uuid, text, timestamptz)',
       'private.publish_event(uuid, uuid, timestamptz)',
       'private.announce_registration(uuid)',
       'private.announce_due_registrations(timestamptz)'
     ]) f;
select tests.create_user('rfx_org');
select tests.create_user('rfx_ada');
select tests.create_event('RfxOpen', organizer => 'rfx_org');
select tests.sign_in_as('rfx_ada');
select throws_ok(format($$insert into public.event_participants (event_id, user_id, join_method, status)
  values (%L, %L, 'registered', 'accepted')$$, tests.event_id('RfxOpen'), tests.uid('rfx_ada')),
  '42501', null, 'a member cannot insert their own accepted row through PostgREST');
select tests.sign_out();
select ok(has_function_privilege('service_role', 'private.register_for_event(uuid, uuid, timestamptz)', 'execute'),
  'the service role may run the registration path (jobs, benchmark)');

select * from finish();
rollback;
