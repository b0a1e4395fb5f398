-- Organization reviews: active members and attendees of its ended events, once each (DOMAIN.md
-- §8 #7); never its owner; only approved, live organizations.
begin;
select plan(8);

-- given: an approved organization with a member, an invited (not active) member, an attendee of
-- its ended event, and a pending organization
select tests.create_org('orgr', owner => 'orgr_owen');
select tests.add_org_member('orgr', 'orgr_mia');
select tests.add_org_member('orgr', 'orgr_ivy', 'member', 'invited');
select tests.create_event('orgrfair', organizer => 'orgr_owen', status => 'ended', starts_in => '-60 days', organization => 'orgr');
select tests.add_participant('orgrfair', 'orgr_ada', 'audience', 'attended');
select tests.add_participant('orgrfair', 'orgr_abe', 'audience', 'absent');
select tests.create_org('orgrpend', owner => 'orgr_owen', status => 'pending');
select tests.add_org_member('orgrpend', 'orgr_mia');

-- then
select tests.act_for('orgr_mia');
select lives_ok($$ insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('orgr'), tests.uid('orgr_mia'), 5) $$,
  'an active member reviews the organization');
select throws_ok($$ insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('orgr'), tests.uid('orgr_mia'), 1) $$,
  '23505', null, 'once');
select throws_ok($$ insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('orgrpend'), tests.uid('orgr_mia'), 5) $$,
  '23514', 'Cannot review this organization: it is not an approved organization', 'a pending organization cannot be reviewed');
select tests.act_for('orgr_ada');
select lives_ok($$ insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('orgr'), tests.uid('orgr_ada'), 4) $$,
  'an attendee of its ended event reviews it, long after the event');
select tests.act_for('orgr_abe');
select throws_ok($$ insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('orgr'), tests.uid('orgr_abe'), 4) $$,
  '42501', null, 'an absent registrant cannot');
select tests.act_for('orgr_ivy');
select throws_ok($$ insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('orgr'), tests.uid('orgr_ivy'), 4) $$,
  '42501', null, 'an invited, not yet active member cannot');
select tests.act_for('orgr_owen');
select throws_ok($$ insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('orgr'), tests.uid('orgr_owen'), 5) $$,
  '23514', 'Cannot review "orgr": you own it', 'the owner cannot review their own organization');
reset role;
select results_eq($$ select reviews_count, average_rating from public.organizations where id = tests.org_id('orgr') $$,
  $$ values (2, 4.50::numeric(3,2)) $$, 'the organization''s aggregates count the two reviews');

select * from finish();
rollback;
