-- DOMAIN.md §2: sponsor_tier is Bronze at 1, Silver at 5, Gold at 10 accepted sponsorships; it
-- follows every change and no client writes it.
begin;
select plan(5);

-- given: grace is accepted as sponsor of 4 events and pending at a fifth
select tests.create_event('e' || g, organizer => 'olga') from generate_series(1, 10) as g;
select tests.add_participant('e' || g, 'grace', 'sponsor', 'accepted', 'applied') from generate_series(1, 4) as g;
select tests.add_participant('e5', 'grace', 'sponsor', 'pending', 'applied');

-- then
select is((select sponsor_tier from public.profiles where user_id = tests.uid('grace')), 'Bronze', '4 sponsorships: Bronze');
update public.event_participants set status = 'accepted' where event_id = tests.event_id('e5') and user_id = tests.uid('grace');
select is((select sponsor_tier from public.profiles where user_id = tests.uid('grace')), 'Silver', '5 sponsorships: Silver');
select tests.add_participant('e' || g, 'grace', 'sponsor', 'accepted', 'applied') from generate_series(6, 10) as g;
select is((select sponsor_tier from public.profiles where user_id = tests.uid('grace')), 'Gold', '10 sponsorships: Gold');
delete from public.event_participants where user_id = tests.uid('grace') and event_id = tests.event_id('e10');
select is((select sponsor_tier from public.profiles where user_id = tests.uid('grace')), 'Silver', 'a withdrawn sponsorship lowers the tier');
select is(tests.attempt('grace', $$ update public.profiles set sponsorships_count = 99 where user_id = (select auth.uid()) $$),
  'forbidden', 'no one writes their sponsorship count');

select * from finish();
rollback;
