-- Issue 15, DOMAIN §3.6 E: a booking (join_method 'booking') is a speaker row of an APPROVED expert
-- linked to a proposal of the same event; any proposal_id belongs to the row's own event. Sponsor
-- promotion: promo fields only on sponsor rows; the image is a Storage path in the sponsor's own
-- avatars folder (never a URL, never someone else's folder).
begin;
select plan(9);

-- given: olga's event with a proposal; another event with its own proposal; max is an approved
-- expert, rex's expert request is pending; gina is a sponsor of the event
select tests.create_event('talks');
select tests.create_event('elsewhere');
insert into public.event_proposals (id, event_id, created_by_user_id, title) values
  ('f2000000-0000-4000-8000-000000000001', tests.event_id('talks'), tests.uid('olga'), 'Keynote'),
  ('f2000000-0000-4000-8000-000000000002', tests.event_id('elsewhere'), tests.uid('olga'), 'Other');
select tests.create_user('max', roles => '{student,expert}');
select tests.create_user('rex');
insert into public.user_roles (user_id, role, status) values (tests.uid('rex'), 'expert', 'pending');
select tests.create_user('gina', roles => '{sponsor}');
select tests.add_participant('talks', 'gina', role => 'sponsor', status => 'accepted', join_method => 'invited');
select tests.add_participant('talks', 'aud', role => 'audience', status => 'accepted');

-- then: bookings
select is(tests.violated_constraint(format($$insert into public.event_participants (event_id, user_id, role, join_method, status, proposal_id)
  values (%L, %L, 'speaker', 'booking', 'pending', 'f2000000-0000-4000-8000-000000000001')$$, tests.event_id('talks'), tests.uid('max'))), '',
  'an approved expert is booked as speaker with a proposal of the event');
select is(tests.violated_constraint(format($$insert into public.event_participants (event_id, user_id, role, join_method, status)
  values (%L, %L, 'speaker', 'booking', 'pending')$$, tests.event_id('talks'), tests.uid('max'))), 'event_participants_booking_needs_proposal',
  'a booking without a proposal is refused');
select is(tests.violated_constraint(format($$insert into public.event_participants (event_id, user_id, role, join_method, status, proposal_id)
  values (%L, %L, 'speaker', 'booking', 'pending', 'f2000000-0000-4000-8000-000000000002')$$, tests.event_id('talks'), tests.uid('max'))), 'event_participants_proposal_same_event',
  'a proposal of another event is refused');
select is(tests.violated_constraint(format($$insert into public.event_participants (event_id, user_id, role, join_method, status, proposal_id)
  values (%L, %L, 'speaker', 'booking', 'pending', 'f2000000-0000-4000-8000-000000000001')$$, tests.event_id('talks'), tests.uid('rex'))), 'event_participants_booking_needs_expert',
  'a pending expert cannot be booked');
select is(tests.violated_constraint(format($$insert into public.event_participants (event_id, user_id, role, join_method, status, proposal_id)
  values (%L, %L, 'committee', 'booking', 'pending', 'f2000000-0000-4000-8000-000000000001')$$, tests.event_id('talks'), tests.uid('max'))), 'event_participants_booking_needs_proposal',
  'a booking is a speaker row');

-- then: promos
select is(tests.violated_constraint(format($$update public.event_participants set promo_link = 'https://gina.example/offer',
  promo_image_url = 'avatars/%s/banner.png' where user_id = %L$$, tests.uid('gina'), tests.uid('gina'))), '',
  'a sponsor stores a link and an image path in their own avatars folder');
select is(tests.violated_constraint(format($$update public.event_participants set promo_image_url = 'https://cdn.example/banner.png' where user_id = %L$$,
  tests.uid('gina'))), 'event_participants_promo_image_url_is_storage_path',
  'an outside URL is refused');
select is(tests.violated_constraint(format($$update public.event_participants set promo_image_url = 'avatars/%s/banner.png' where user_id = %L$$,
  tests.uid('olga'), tests.uid('gina'))), 'event_participants_promo_image_url_is_storage_path',
  'someone else''s folder is refused');
select is(tests.violated_constraint(format($$update public.event_participants set promo_link = 'https://x.example' where user_id = %L$$,
  tests.uid('aud'))), 'event_participants_promo_only_for_sponsors',
  'an audience row carries no promotion');

select * from finish();
rollback;
