-- The review rules exist only in the database (the reviews function translates, never decides):
-- the whole pair matrix, which pairs are blind, the window's length, and the contract code each
-- refusal carries as its constraint name (what the function answers with).
begin;
select plan(8);

-- then: the pair matrix, every side against every side
select results_eq(
  $$ select r || '>' || e from unnest(array['organizer','committee','speaker','sponsor','audience']) r
       cross join unnest(array['organizer','committee','speaker','sponsor','audience']) e
     where private.review_pair_is_allowed(r, e) order by 1 $$,
  $$ values ('audience>organizer'), ('audience>speaker'), ('committee>organizer'), ('organizer>committee'),
            ('organizer>speaker'), ('organizer>sponsor'), ('speaker>organizer'), ('sponsor>organizer') $$,
  'exactly audience → organizer/speaker and organizer ↔ speaker/sponsor/committee are allowed');
select results_eq(
  $$ select r || '>' || e from unnest(array['organizer','committee','speaker','sponsor','audience']) r
       cross join unnest(array['organizer','committee','speaker','sponsor','audience']) e
     where private.review_pair_is_blind(r, e) order by 1 $$,
  $$ values ('committee>organizer'), ('organizer>committee'), ('organizer>speaker'), ('organizer>sponsor'),
            ('speaker>organizer'), ('sponsor>organizer') $$,
  'exactly the two-way pairs are blind');
select is(private.review_window_closes_at('2026-12-01 10:00Z'), '2026-12-15 10:00Z'::timestamptz, 'the window closes 14 days after the end');

-- given: an ended event with every side, and a first review
select tests.create_review_scene('named');
select tests.write_review('named', 'named_ada', 'named_sam');

-- then: each refusal names the contract's code
create function pg_temp.refusal(statement text) returns text language plpgsql as $$
declare
  name text;
  text_ text;
begin
  execute statement;
  return 'no refusal';
exception when others then
  get stacked diagnostics name = constraint_name, text_ = message_text;
  return coalesce(name, '(unnamed)') || ': ' || text_;
end $$;
select is(pg_temp.refusal($$ select tests.write_review('named', 'named_abe', 'named_sam') $$),
  'review_reviewer_not_eligible: Cannot review people of "named": only its organizer, accepted team, speakers and sponsors, and attendees may',
  'a registered audience member who did not attend: review_reviewer_not_eligible');
select is(pg_temp.refusal($$ select tests.write_review('named', 'named_ada', 'named_ann') $$),
  'review_pair_not_allowed: Cannot review this person for "named": as a member of the audience you may review its organizer or a speaker',
  'audience → audience: review_pair_not_allowed, saying whom one may review');
select is(pg_temp.refusal($$ select tests.write_review('named', 'named_sam', 'named_ada') $$),
  'review_pair_not_allowed: Cannot review this person for "named": as a speaker you may review its organizer',
  'speaker → audience: review_pair_not_allowed');
select is(pg_temp.refusal($$ select tests.write_review('named', 'named_ada', 'named_sam', 2) $$),
  'reviews_one_per_event_pair: You already reviewed this person for "named": edit that review instead',
  'a second live review of the same person: reviews_one_per_event_pair, in words');
select is(pg_temp.refusal($$ select tests.write_review('named', 'named_ada', 'named_ada') $$),
  'reviews_not_self_review: Cannot review yourself', 'oneself: reviews_not_self_review');

select * from finish();
rollback;
