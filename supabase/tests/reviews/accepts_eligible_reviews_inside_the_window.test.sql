-- The allowed pairs of DOMAIN.md §3.7, written as the reviews function writes them (its own
-- role, the reviewer's claims): audience → organizer or speaker; organizer ↔ speaker, sponsor,
-- committee.
begin;
select plan(9);

-- given: an ended event (one day ago) with every review side
select tests.create_review_scene('pairs');

-- then
select lives_ok($$ select tests.write_review('pairs', 'pairs_ada', 'pairs_sam') $$, 'an attendee reviews the speaker');
select lives_ok($$ select tests.write_review('pairs', 'pairs_ann', 'pairs_olga') $$, 'an attending student reviews the organizer');
select lives_ok($$ select tests.write_review('pairs', 'pairs_olga', 'pairs_sam') $$, 'the organizer reviews the speaker');
select lives_ok($$ select tests.write_review('pairs', 'pairs_olga', 'pairs_spon') $$, 'the organizer reviews the sponsor');
select lives_ok($$ select tests.write_review('pairs', 'pairs_olga', 'pairs_cole') $$, 'the organizer reviews a committee member');
select lives_ok($$ select tests.write_review('pairs', 'pairs_sam', 'pairs_olga') $$, 'the speaker reviews the organizer');
select lives_ok($$ select tests.write_review('pairs', 'pairs_spon', 'pairs_olga') $$, 'the sponsor reviews the organizer');
select lives_ok($$ select tests.write_review('pairs', 'pairs_cole', 'pairs_olga') $$, 'a committee member reviews the organizer');
select is((select count(*)::int from public.reviews where event_id = tests.event_id('pairs') and deleted_at is null), 8,
  'all eight reviews are stored');

select * from finish();
rollback;
