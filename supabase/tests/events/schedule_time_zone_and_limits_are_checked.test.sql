-- The schedule ends after it starts, uses a known IANA zone, and an event has at most 3
-- categories; a webinar defaults to online, everything else to physical; creating an event adds
-- the organizer's accepted participant row (which uses no seat).
begin;
select plan(8);

-- given
select tests.create_user('olga');
insert into public.categories (name) values ('c1'), ('c2'), ('c3'), ('c4');

-- then
select is(tests.violated_constraint($$ insert into public.events (organizer_id, title, format, start_datetime, end_datetime)
  values (tests.uid('olga'), 'Backwards', 'other', now() + interval '2 days', now() + interval '1 day') $$),
  'events_end_after_start', 'the end must come after the start');
select is(tests.violated_constraint($$ insert into public.events (organizer_id, title, format, timezone) values (tests.uid('olga'), 'Zoned', 'other', 'Mars/Olympus') $$),
  'events_timezone_is_known', 'an unknown time zone is refused');
select is(tests.violated_constraint($$ insert into public.events (organizer_id, title, format, timezone) values (tests.uid('olga'), 'Zoned', 'other', 'Europe/Berlin') $$),
  '', 'a known time zone is accepted');
select tests.create_event('web', organizer => 'olga', format => 'webinar', status => 'draft');
select tests.create_event('hall', organizer => 'olga', format => 'seminar', status => 'draft');
select results_eq($$ select title, type::text from public.events where title in ('web', 'hall') order by title $$,
  $$ values ('hall', 'physical'), ('web', 'online') $$, 'the type defaults from the format');
select results_eq($$ select role::text, status::text, join_method::text from public.event_participants where event_id = tests.event_id('web') $$,
  $$ values ('organizer', 'accepted', 'organizer') $$, 'the organizer gets an accepted organizer row');
select is((select participant_count from public.events where id = tests.event_id('web')), 0, 'the organizer uses no seat');
insert into public.event_categories (event_id, category_id) select tests.event_id('web'), id from public.categories where name in ('c1', 'c2', 'c3');
select is(tests.violated_constraint($$ insert into public.event_categories (event_id, category_id) select tests.event_id('web'), id from public.categories where name = 'c4' $$),
  'event_categories_at_most_three', 'a fourth category is refused');
select is(tests.violated_constraint($$ insert into public.events (organizer_id, title, format) values (tests.uid('olga'), 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen', 'other') $$),
  'events_title_has_at_most_15_words', 'a title has at most 15 words');

select * from finish();
rollback;
