-- Visibility (DOMAIN.md §3.7, FR-4.6): public when the reviewee is an approved expert (with a
-- visible profile) or the target is a listed organization; otherwise reviewee, reviewer, admins.
-- Deleted reviews: admins only. Suspended accounts read nothing private (§3.1).
begin;
select plan(14);

-- given: ada reviewed sam (not an expert) and the organizer; an organization review by ann
select tests.create_review_scene('vis');
select tests.create_user('vis_root', '{admin}');
select tests.create_org('visguild', owner => 'vis_owen');
select tests.add_org_member('visguild', 'vis_ann');
select tests.write_review('vis', 'vis_ada', 'vis_sam', 4);
select tests.act_for('vis_ann');
insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('visguild'), tests.uid('vis_ann'), 5);
reset role;

-- then: a non-expert's review is private to the parties and admins
select tests.sign_in_as('vis_ada');
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('vis_sam')), 1, 'the reviewer reads it');
select tests.sign_in_as('vis_sam');
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('vis_sam')), 1, 'the reviewee reads it');
select tests.sign_in_as('vis_stan');
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('vis_sam')), 0, 'a stranger does not');
select tests.sign_out();
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('vis_sam')), 0, 'anon does not');
select tests.sign_in_as('vis_root');
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('vis_sam')), 1, 'an admin does');

-- an organization review is public
select tests.sign_out();
select is((select count(*)::int from public.reviews where org_id = tests.org_id('visguild')), 1, 'anon reads organization reviews');

-- once sam is an approved expert, his reviews are public …
reset role;
select tests.set_role('vis_sam', 'expert', 'approved');
select tests.sign_out();
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('vis_sam')), 1, 'anon reads reviews of an approved expert');
select tests.sign_in_as('vis_stan');
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('vis_sam')), 1, 'so does a stranger');
-- … unless his profile is private
reset role;
update public.profiles set visibility = 'private' where user_id = tests.uid('vis_sam');
select tests.sign_out();
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('vis_sam')), 0, 'not when the expert''s profile is private');

-- a pending expert is no expert (rule 7.8)
reset role;
select tests.write_review('vis', 'vis_ada', 'vis_olga', 3);
select tests.set_role('vis_olga', 'expert', 'pending');
select tests.sign_out();
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('vis_olga')), 0, 'reviews of a pending expert stay private');

-- deleted reviews: admins only, not even the author
reset role;
select tests.act_for('vis_ada');
update public.reviews set deleted_at = now() where reviewer_id = tests.uid('vis_ada') and reviewee_id = tests.uid('vis_olga');
select tests.sign_in_as('vis_ada');
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('vis_olga')), 0, 'the author no longer reads a deleted review');
select tests.sign_in_as('vis_root');
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('vis_olga')), 1, 'an admin still does');

-- a suspended reviewer reads nothing private
reset role;
update public.profiles set visibility = 'public' where user_id = tests.uid('vis_sam');
update public.user_roles set status = 'revoked' where user_id = tests.uid('vis_sam') and role = 'expert';
update public.users set status = 'suspended', suspended_reason = 'test' where id = tests.uid('vis_ada');
select tests.sign_in_as('vis_ada');
select is((select count(*)::int from public.reviews where event_id = tests.event_id('vis')), 0, 'a suspended reviewer reads none of her private reviews');
select tests.sign_in_as('vis_sam');
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('vis_sam')), 1, 'the reviewee still reads it');

select * from finish();
rollback;
