-- Blind two-way pairs (organizer ↔ speaker, sponsor, committee): neither side reads the other's
-- review until both wrote theirs or the window closed, enforced by the reviews select policy.
begin;
select plan(12);

-- given: the organizer reviewed the speaker (who is an approved expert: public reviews) and the sponsor
select tests.create_review_scene('blind');
select tests.set_role('blind_sam', 'expert', 'approved');
select tests.create_user('blind_root', '{admin}');
select tests.write_review('blind', 'blind_olga', 'blind_sam', 2, 'Late slides');
select tests.write_review('blind', 'blind_olga', 'blind_spon', 3);

-- then: sealed for everyone but the author and admins
select isnt((select sealed_until from public.reviews where reviewee_id = tests.uid('blind_sam')), null, 'the review is sealed');
select tests.sign_in_as('blind_sam');
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('blind_sam')), 0, 'the reviewee cannot read it');
select is((select count(*)::int from public.review_cards where reviewee_id = tests.uid('blind_sam')), 0, 'nor through review_cards');
select tests.sign_in_as('blind_stan');
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('blind_sam')), 0,
  'a stranger cannot read it, although reviews of experts are public');
select tests.sign_out();
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('blind_sam')), 0, 'anon cannot read it');
select tests.sign_in_as('blind_olga');
select is((select count(*)::int from public.reviews where event_id = tests.event_id('blind')), 2, 'the author reads both of hers');
select tests.sign_in_as('blind_root');
select is((select count(*)::int from public.reviews where event_id = tests.event_id('blind')), 2, 'an admin reads both');

-- when the speaker writes theirs, both open
reset role;
select tests.write_review('blind', 'blind_sam', 'blind_olga', 4);
select tests.sign_in_as('blind_sam');
select is((select rating from public.reviews where reviewee_id = tests.uid('blind_sam')), 2::smallint, 'now the speaker reads the organizer''s review');
select tests.sign_out();
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('blind_sam')), 1, 'and, the speaker being an expert, so does anon');

-- the sponsor never answered: the window-close job opens the organizer's review
select tests.sign_in_as('blind_spon');
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('blind_spon')), 0, 'the sponsor cannot read it yet');
reset role;
select ok(private.unseal_closed_review_windows(now() + interval '14 days') >= 1, 'the window-close job opens reviews whose window closed');
select tests.sign_in_as('blind_spon');
select is((select count(*)::int from public.reviews where reviewee_id = tests.uid('blind_spon')), 1, 'after the window the sponsor reads it');

select * from finish();
rollback;
