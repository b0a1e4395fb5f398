-- event_lineup: accepted speakers and sponsors of a published public event, visible profiles only,
-- readable by anon; never the audience, pending invitees, private profiles, or any private or
-- draft event's line-up; no contact or payment field is exposed.
begin;
select plan(7);

select tests.create_event('Lineupfest', organizer => 'lu_olga');
select tests.add_participant('Lineupfest', 'lu_speaker', 'speaker', 'accepted', 'invited');
select tests.add_participant('Lineupfest', 'lu_sponsor', 'sponsor', 'accepted', 'invited');
select tests.add_participant('Lineupfest', 'lu_hidden', 'speaker', 'accepted', 'invited');
select tests.add_participant('Lineupfest', 'lu_invitee', 'speaker', 'pending', 'invited');
select tests.add_participant('Lineupfest', 'lu_fan', 'audience', 'accepted', 'registered');
update public.profiles set visibility = 'private' where user_id = tests.uid('lu_hidden');
update public.event_participants set promo_link = 'https://sponsor.example/promo'
  where event_id = tests.event_id('Lineupfest') and user_id = tests.uid('lu_sponsor');
select tests.create_event('Lineupsecret', organizer => 'lu_olga', visibility => 'private');
select tests.add_participant('Lineupsecret', 'lu_speaker', 'speaker', 'accepted', 'invited');
select tests.create_event('Lineupdraft', organizer => 'lu_olga', status => 'draft');

select tests.sign_out();
select results_eq($$ select participant_role::text, full_name, promo_link from public.event_lineup(tests.event_id('Lineupfest')) $$,
  $$ values ('speaker', 'Lu_Speaker', null::text), ('sponsor', 'Lu_Sponsor', 'https://sponsor.example/promo') $$,
  'anon sees accepted speakers then sponsors with visible profiles, the sponsor''s promo');
select is((select count(*)::int from public.event_lineup(tests.event_id('Lineupfest')) where user_id in (tests.uid('lu_hidden'), tests.uid('lu_invitee'), tests.uid('lu_fan'))), 0,
  'no private profile, pending invitee or audience member');
select is((select count(*)::int from public.event_lineup(tests.event_id('Lineupsecret'))), 0, 'a private event has no public line-up');
select throws_ok($$ select * from public.event_lineup(null) $$, '22023', 'event_id is required', 'event id required');
select throws_ok($$ select * from public.event_participants $$, '42501', null, 'anon still cannot read event_participants');

select tests.sign_in_as('lu_fan');
select is((select count(*)::int from public.event_lineup(tests.event_id('Lineupfest'))), 2, 'a member sees the same line-up');
select tests.sign_in_as('lu_olga');
select is((select count(*)::int from public.event_lineup(tests.event_id('Lineupsecret'))), 0,
  'even its organizer gets no public line-up of a private event (the team reads participants through its own path)');

select * from finish();
rollback;
