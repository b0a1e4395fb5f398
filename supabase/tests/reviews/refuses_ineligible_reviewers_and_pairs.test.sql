-- Reviews are earned (rule 7.10): attendance for audience, acceptance for team, speakers and
-- sponsors; only the allowed pairs; never oneself; never in someone else's name; active accounts.
begin;
select plan(10);

-- given: an ended event with every side, and a suspended attendee
select tests.create_review_scene('elig');
select tests.add_participant('elig', 'elig_sus', 'audience', 'attended');
update public.users set status = 'suspended', suspended_reason = 'test' where id = tests.uid('elig_sus');

-- then: reviewers without earned rights
select throws_ok($$ select tests.write_review('elig', 'elig_abe', 'elig_sam') $$, '42501', null,
  'a registered audience member who did not attend cannot review');
select throws_ok($$ select tests.write_review('elig', 'elig_pete', 'elig_olga') $$, '42501', null,
  'a pending speaker cannot review');
select throws_ok($$ select tests.write_review('elig', 'elig_stan', 'elig_olga') $$, '42501', null,
  'a stranger cannot review');
select throws_ok($$ select tests.write_review('elig', 'elig_sus', 'elig_olga') $$, '42501',
  'Cannot write reviews: the account is not active', 'a suspended attendee cannot review');
-- pairs that are not allowed
select throws_ok($$ select tests.write_review('elig', 'elig_ada', 'elig_ann') $$, '42501', null, 'no audience → audience');
select throws_ok($$ select tests.write_review('elig', 'elig_sam', 'elig_ada') $$, '42501', null, 'no speaker → audience');
select throws_ok($$ select tests.write_review('elig', 'elig_sam', 'elig_spon') $$, '42501', null, 'no speaker → sponsor');
select throws_ok($$ select tests.write_review('elig', 'elig_ada', 'elig_pete') $$, '42501', null, 'no review of a pending speaker');
-- never oneself
select throws_ok($$ select tests.write_review('elig', 'elig_ada', 'elig_ada') $$, '23514', null, 'no self-review');
-- never in someone else's name (claims of ada, reviewer sam)
select tests.act_for('elig_ada');
select throws_ok($$ insert into public.reviews (event_id, reviewer_id, reviewee_id, rating)
  values (tests.event_id('elig'), tests.uid('elig_sam'), tests.uid('elig_olga'), 1) $$, '42501',
  'Cannot write a review in someone else''s name', 'a caller cannot write a review as another user');

select * from finish();
rollback;
