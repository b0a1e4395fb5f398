-- The reviewee is notified (review_received), without an actor (the reviewer may be anonymous)
-- and, for a sealed review, without its rating.
begin;
select plan(5);

-- given
select tests.create_review_scene('note');
select tests.create_org('noteguild', owner => 'note_owen');
select tests.add_org_member('noteguild', 'note_mia');

-- when
select tests.write_review('note', 'note_ada', 'note_sam', 5);
select tests.write_review('note', 'note_olga', 'note_spon', 2);
select tests.act_for('note_mia');
insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('noteguild'), tests.uid('note_mia'), 4);
reset role;

-- then
select results_eq($$ select kind::text, type::text, content, actor_id, link_url from public.notifications where recipient_id = tests.uid('note_sam') $$,
  $$ values ('review_received', 'review', 'You received a 5-star review for "note".', null::uuid, '/events/' || tests.event_id('note') || '/reviews') $$,
  'the speaker hears about the rating, with no actor');
select is((select content from public.notifications where recipient_id = tests.uid('note_spon')),
  'You received a review for "note". Write yours to read it, or wait until the review window closes.',
  'the sponsor hears about a sealed review but not its rating');
select is((select content from public.notifications where recipient_id = tests.uid('note_owen') and kind = 'review_received'),
  '"noteguild" received a 4-star review.', 'the organization''s owner hears about an organization review');
select tests.sign_in_as('note_sam');
select is((select count(*)::int from public.notifications), 1, 'the speaker reads his notification');
select tests.sign_in_as('note_ada');
select is((select count(*)::int from public.notifications where kind = 'review_received'), 0, 'the reviewer gets none');

select * from finish();
rollback;
