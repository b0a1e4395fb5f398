-- Rule 7.10: one live review per (event, reviewer, reviewee) and per (organization, reviewer);
-- a soft-deleted review frees the slot; no self-review; rating 1–5; exactly one target.
begin;
select plan(7);

-- given: pia and pat attended the club's event that ended two days ago (eligible reviewers)
select tests.create_org('club', owner => 'owen');
select tests.create_event('past', organizer => 'olga', status => 'ended', starts_in => '-2 days', organization => 'club');
select tests.add_participant('past', h, status => 'attended') from unnest(array['pia', 'pat']) as h;
insert into public.reviews (event_id, reviewer_id, reviewee_id, rating) values (tests.event_id('past'), tests.uid('pia'), tests.uid('olga'), 4);
insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('club'), tests.uid('pia'), 4);

-- then
select is(tests.violated_constraint($$ insert into public.reviews (event_id, reviewer_id, reviewee_id, rating) values (tests.event_id('past'), tests.uid('pia'), tests.uid('olga'), 5) $$),
  'reviews_one_per_event_pair', 'a second live review of the same person in the same event is refused');
select is(tests.violated_constraint($$ insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('club'), tests.uid('pia'), 5) $$),
  'reviews_one_per_organization', 'a second live review of the same organization is refused');
select is(tests.violated_constraint($$ insert into public.reviews (event_id, reviewer_id, reviewee_id, rating) values (tests.event_id('past'), tests.uid('olga'), tests.uid('olga'), 5) $$),
  'reviews_not_self_review', 'no one reviews themself');
select is(tests.violated_constraint($$ insert into public.reviews (event_id, reviewer_id, reviewee_id, rating) values (tests.event_id('past'), tests.uid('pat'), tests.uid('olga'), 6) $$),
  'reviews_rating_in_range', 'a rating above 5 is refused');
select is(tests.violated_constraint($$ insert into public.reviews (event_id, reviewer_id, reviewee_id, rating) values (tests.event_id('past'), tests.uid('pat'), tests.uid('olga'), 0) $$),
  'reviews_rating_in_range', 'a rating below 1 is refused');
select is(tests.violated_constraint($$ insert into public.reviews (event_id, org_id, reviewer_id, reviewee_id, rating) values (tests.event_id('past'), tests.org_id('club'), tests.uid('pat'), tests.uid('olga'), 3) $$),
  'reviews_has_one_target', 'a review has exactly one target');

-- when the first review is soft-deleted
update public.reviews set deleted_at = now() where event_id = tests.event_id('past') and reviewer_id = tests.uid('pia');
select is(tests.violated_constraint($$ insert into public.reviews (event_id, reviewer_id, reviewee_id, rating) values (tests.event_id('past'), tests.uid('pia'), tests.uid('olga'), 5) $$),
  '', 'a new review may replace a deleted one');

select * from finish();
rollback;
