-- The reviews read policies admit an organization review through the kept column
-- reviews.organization_is_listed before asking the organizations policy (issue 16: no scan of
-- every visible organization per page). The column must follow every change of the organization
-- that decides whether everyone may see it — status, visibility, deletion — both ways, and no
-- client may write it.
begin;
select plan(6);

-- given: an approved public organization with one review by a member
select tests.create_org('listguild', owner => 'list_owen');
select tests.add_org_member('listguild', 'list_rita');
select tests.act_for('list_rita');
insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('listguild'), tests.uid('list_rita'), 4);
reset role;
select set_config('request.jwt.claims', '', true);

create temp table seen (step text, listed boolean, anon_sees int, member_sees int);
grant all on seen to anon, authenticated;
create function pg_temp.look(step text) returns void language plpgsql as $$
begin
  reset role;
  perform set_config('request.jwt.claims', '', true);
  insert into seen (step, listed) select look.step, r.organization_is_listed from public.reviews r where r.org_id = tests.org_id('listguild');
  perform tests.sign_out();
  update seen set anon_sees = (select count(*) from public.review_cards where organization_id = tests.org_id('listguild')) where seen.step = look.step;
  perform tests.sign_in_as('list_owen');
  update seen set member_sees = (select count(*) from public.review_cards where organization_id = tests.org_id('listguild')) where seen.step = look.step;
  reset role;
  perform set_config('request.jwt.claims', '', true);
end $$;

-- when: the organization goes private and back, then is soft-deleted
select pg_temp.look('approved public');
update public.organizations set visibility = 'private' where id = tests.org_id('listguild');
select pg_temp.look('private');
update public.organizations set visibility = 'public' where id = tests.org_id('listguild');
select pg_temp.look('public again');
update public.organizations set deleted_at = now() where id = tests.org_id('listguild');
select pg_temp.look('deleted');

-- then: the column is true exactly while everyone may see the organization; anon sees the review
-- only then; the owner still sees it while the organization is private (the policy's other path)
select results_eq($$ select step, listed, anon_sees, member_sees from seen order by ctid $$,
  $$ values ('approved public', true, 1, 1), ('private', false, 0, 1), ('public again', true, 1, 1), ('deleted', false, 0, 0) $$,
  'organization_is_listed follows visibility and deletion both ways, and the reviews policies read it');

-- and: a review written for an organization nobody else may see starts unlisted, and is listed
-- when the organization becomes public
select tests.create_org('listprivate', owner => 'list_owen', visibility => 'private');
select tests.add_org_member('listprivate', 'list_rita');
select tests.act_for('list_rita');
insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('listprivate'), tests.uid('list_rita'), 3);
reset role;
select set_config('request.jwt.claims', '', true);
select is((select organization_is_listed from public.reviews where org_id = tests.org_id('listprivate')), false,
  'a review of a private organization starts unlisted');
update public.organizations set visibility = 'public' where id = tests.org_id('listprivate');
select is((select organization_is_listed from public.reviews where org_id = tests.org_id('listprivate')), true,
  'making the organization public lists its reviews');

-- and: nobody writes the column through the API; a direct write is recomputed
select tests.sign_in_as('list_rita');
select throws_ok($$ update public.reviews set organization_is_listed = true $$, '42501', null,
  'a member cannot write organization_is_listed');
select tests.sign_out();
select throws_ok($$ update public.reviews set organization_is_listed = true $$, '42501', null,
  'anon cannot write organization_is_listed');
reset role;
select set_config('request.jwt.claims', '', true);
update public.reviews set organization_is_listed = false where org_id = tests.org_id('listprivate');
select is((select organization_is_listed from public.reviews where org_id = tests.org_id('listprivate')), true,
  'a direct write of organization_is_listed is recomputed');

select * from finish();
rollback;
