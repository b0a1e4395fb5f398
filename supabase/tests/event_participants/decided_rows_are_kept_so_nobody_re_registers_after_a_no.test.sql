-- Rejected, attended and absent rows are never deleted (issue 14): leaving or removal cannot wipe
-- a "no" so that the person registers again. Removal is accepted → rejected.
begin;
select plan(8);

select tests.create_world();
select tests.add_participant('meetup', 'rex', status => 'rejected');
select tests.add_participant('meetup', 'liv');

select set_config('request.jwt.claims', tests.access_token_claims('rex')::text, true);  -- a function leaving for rex
select throws_ok($$delete from public.event_participants where event_id = tests.event_id('meetup') and user_id = tests.uid('rex')$$,
  '23514', 'Cannot delete a participant who is rejected: the decision stays on record', 'a rejected row is not deleted by leaving');
select set_config('request.jwt.claims', tests.access_token_claims('olga')::text, true);
select throws_ok($$delete from public.event_participants where event_id = tests.event_id('past') and user_id = tests.uid('pia')$$,
  '23514', null, 'an attended row is not deleted');
select lives_ok($$update public.event_participants set status = 'rejected' where event_id = tests.event_id('meetup') and user_id = tests.uid('liv')$$,
  'removal marks an accepted row rejected');
select throws_ok($$delete from public.event_participants where event_id = tests.event_id('meetup') and user_id = tests.uid('liv')$$,
  '23514', null, 'and the removed row then stays');
select lives_ok($$delete from public.event_participants where event_id = tests.event_id('meetup') and user_id = tests.uid('pat')$$,
  'a live (accepted) row may still be deleted by leaving');
select set_config('request.jwt.claims', '{"role": "authenticated"}', true);
select throws_ok($$delete from public.event_participants where event_id = tests.event_id('meetup') and user_id = tests.uid('rex')$$,
  '23514', null, 'claims without a user are no system path');

-- the system path (fixtures, owner scripts) and a deleted event's cascade
select set_config('request.jwt.claims', '', true);
select lives_ok($$delete from public.event_participants where event_id = tests.event_id('meetup') and user_id = tests.uid('rex')$$,
  'the named system path may delete');
select lives_ok($$delete from public.events where title = 'past'$$, 'deleting an event cascades its decided rows');

select * from finish();
rollback;
