-- Editable by the author inside the window; the target never moves; a deleted review is final.
begin;
select plan(8);

-- given: ada's review of sam in an event that ended a day ago
select tests.create_review_scene('edit');
select tests.write_review('edit', 'edit_ada', 'edit_sam', 4, 'Good');

-- then: the author edits (as the reviews function does for her)
select tests.act_for('edit_ada');
select lives_ok($$ update public.reviews set rating = 2, comment = 'Changed my mind' where reviewer_id = tests.uid('edit_ada') $$,
  'the author edits inside the window');
select throws_ok($$ update public.reviews set reviewee_id = tests.uid('edit_olga') where reviewer_id = tests.uid('edit_ada') $$,
  '23514', 'Cannot move a review to another event, person or organization: delete it and write a new one',
  'the reviewee of a review never changes');

-- nobody else edits it, not even the reviewee or an admin
select tests.act_for('edit_sam');
select throws_ok($$ update public.reviews set rating = 5 where reviewer_id = tests.uid('edit_ada') $$, '42501',
  'Cannot edit this review: only its author may', 'the reviewee cannot edit it');
select tests.create_user('edit_root', '{admin}');
select tests.act_for('edit_root');
select throws_ok($$ update public.reviews set rating = 5 where reviewer_id = tests.uid('edit_ada') $$, '42501', null,
  'an admin cannot rewrite it either');

-- after the window closed, the author cannot edit
reset role;
select tests.shift_event_end('edit', '15 days');
select tests.act_for('edit_ada');
select throws_ok($$ update public.reviews set rating = 5 where reviewer_id = tests.uid('edit_ada') $$, '23514',
  'Cannot edit this review: the review window of "edit" is closed', 'no edits after the window');

-- deletion is final
update public.reviews set deleted_at = now() where reviewer_id = tests.uid('edit_ada');
select throws_ok($$ update public.reviews set deleted_at = null where reviewer_id = tests.uid('edit_ada') $$, '23514',
  'Cannot change a deleted review', 'a deleted review cannot be restored');
reset role;
select is((select rating from public.reviews where reviewer_id = tests.uid('edit_ada')), 2::smallint, 'the last allowed edit stands');
select isnt((select deleted_at from public.reviews where reviewer_id = tests.uid('edit_ada')), null, 'and it is deleted');

select * from finish();
rollback;
