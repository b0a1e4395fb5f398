-- Rules the events function checks are held by the database too (issue 14): whatever the path
-- (PostgREST as the caller, or a function writing with its own role and the caller's claims).
begin;
select plan(14);

select tests.create_world();
select tests.create_org('rejected-org', owner => 'owen', status => 'rejected');
select tests.create_org('gone-org', owner => 'owen');
update public.organizations set deleted_at = now() where name = 'gone-org';

-- ── organizations: approved and live only (owen owns all three; PostgREST insert) ─────────
select is(
  tests.attempt('owen', $$insert into public.events (organizer_id, organization_id, title, format, start_datetime, end_datetime)
    values ((select auth.uid()), tests.org_id('pending-org'), 'e1', 'workshop', now() + interval '3 days', now() + interval '3 days 2 hours')$$),
  '23514 events_organization_is_approved: Cannot attach event "e1" to organization "pending-org": it is pending, only approved organizations hold events',
  'a draft cannot be attached to a pending organization through PostgREST');
select alike(
  tests.attempt('owen', $$insert into public.events (organizer_id, organization_id, title, format, start_datetime, end_datetime)
    values ((select auth.uid()), tests.org_id('rejected-org'), 'e2', 'workshop', now() + interval '3 days', now() + interval '3 days 2 hours')$$),
  '23514 events_organization_is_approved:%rejected%', 'nor to a rejected one');
select alike(
  tests.attempt('owen', $$insert into public.events (organizer_id, organization_id, title, format, start_datetime, end_datetime)
    values ((select auth.uid()), tests.org_id('gone-org'), 'e3', 'workshop', now() + interval '3 days', now() + interval '3 days 2 hours')$$),
  '23514 events_organization_is_approved:%deleted%', 'nor to a soft-deleted one');
select is(
  tests.attempt('owen', $$insert into public.events (organizer_id, organization_id, title, format, start_datetime, end_datetime)
    values ((select auth.uid()), tests.org_id('club'), 'e4', 'workshop', now() + interval '3 days', now() + interval '3 days 2 hours')$$),
  'allowed', 'an approved organization''s owner attaches a draft to it');
insert into public.events (organizer_id, organization_id, title, format, start_datetime, end_datetime)
values (tests.uid('owen'), tests.org_id('club'), 'e4', 'workshop', now() + interval '3 days', now() + interval '3 days 2 hours');
select set_config('request.jwt.claims', tests.access_token_claims('owen')::text, true);
select throws_ok($$update public.events set organization_id = tests.org_id('pending-org') where title = 'e4'$$, '23514', null,
  'a function cannot move a draft to a pending organization either');
select set_config('request.jwt.claims', '', true);

-- ── publishing (the function path: own role, the caller's claims) ───────────────────────────
update public.events set description = null, venue_remark = null, venue_place_id = null where title = 'plan';
select set_config('request.jwt.claims', tests.access_token_claims('olga')::text, true);
select throws_ok($$update public.events set status = 'published' where title = 'plan'$$, '23514',
  'Cannot publish event "plan": it has no description; it is physical but has no venue',
  'publishing needs a description and a venue, whoever writes');
update public.events set description = 'All about plans', venue_remark = 'Room 1', start_datetime = now() - interval '1 hour',
  end_datetime = now() + interval '1 hour' where title = 'plan';
select throws_ok($$update public.events set status = 'published' where title = 'plan'$$, '23514',
  'Cannot publish event "plan": its start time is not in the future', 'publishing needs a start in the future');
update public.events set start_datetime = now() + interval '2 days', end_datetime = now() + interval '2 days 1 hour',
  registration_type = 'paid', auto_accept_registration = false, price = 0 where title = 'plan';
select throws_ok($$update public.events set status = 'published' where title = 'plan'$$, '23514',
  'Cannot publish event "plan": it is paid but has no price', 'a paid event needs a price');
update public.events set price = 10 where title = 'plan';
select lives_ok($$update public.events set status = 'published' where title = 'plan'$$, 'a complete draft publishes');

-- ── core fields ─────────────────────────────────────────────────────────────────────────────
select lives_ok($$update public.events set title = 'meetup2', max_participant = 12 where title = 'meetup'$$,
  'core fields of a published event change before it starts');
select throws_ok($$update public.events set title = 'past2' where title = 'past'$$, '23514',
  'Cannot change title of event "past": it is ended', 'core fields of an ended event are locked');
select set_config('request.jwt.claims', '', true);
update public.events set start_datetime = now() - interval '10 minutes' where title = 'meetup2';  -- history, as the system
select set_config('request.jwt.claims', tests.access_token_claims('olga')::text, true);
select throws_ok($$update public.events set start_datetime = now() + interval '1 day', end_datetime = now() + interval '1 day 2 hours' where title = 'meetup2'$$,
  '23514', 'Cannot change start_datetime, end_datetime of event "meetup2": it has already started',
  'core fields of a started event are locked');
select lives_ok($$update public.events set description = 'Now with snacks' where title = 'meetup2'$$,
  'non-core fields of a started event still change');
select set_config('request.jwt.claims', '{"role": "authenticated"}', true);
select throws_ok($$update public.events set title = 'x' where title = 'past'$$, '23514', null,
  'claims without a user are no system path: the lock holds');

select * from finish();
rollback;
