-- Soft delete by the reviewer or an admin only (rule 7.10: organizers deleted reviews about them).
begin;
select plan(6);

-- given: two reviews of the organizer
select tests.create_review_scene('del');
select tests.create_user('del_root', '{admin}');
select tests.write_review('del', 'del_ada', 'del_olga', 1, 'Bad');
select tests.write_review('del', 'del_ann', 'del_olga', 2, 'Meh');

-- then
select tests.act_for('del_olga');
select throws_ok($$ update public.reviews set deleted_at = now() where reviewer_id = tests.uid('del_ada') $$, '42501',
  'Cannot delete this review: only its author or an admin may', 'the reviewed organizer cannot delete it');
select tests.act_for('del_stan');
select throws_ok($$ update public.reviews set deleted_at = now() where reviewer_id = tests.uid('del_ada') $$, '42501', null,
  'a stranger cannot delete it');
select tests.act_for('del_ada');
select lives_ok($$ update public.reviews set deleted_at = now() where reviewer_id = tests.uid('del_ada') $$, 'the author deletes it');
select tests.act_for('del_root');
select lives_ok($$ update public.reviews set deleted_at = now() where reviewer_id = tests.uid('del_ann') $$, 'an admin deletes it');
reset role;
select is((select count(*)::int from public.reviews where event_id = tests.event_id('del') and deleted_at is not null), 2,
  'both are soft-deleted');
select is((select count(*)::int from public.reviews where event_id = tests.event_id('del')), 2, 'the rows remain (history)');

select * from finish();
rollback;
