-- Rule 20 (issue 14): deleting an auth.users row keeps the person's history — participations,
-- reviews written and received, organized events — and soft-deletes the account; an account with
-- no history goes with its Auth row.
begin;
select plan(9);

select tests.create_world();
select tests.create_user('lone');
create temporary table before_counts on commit drop as
select (select count(*) from public.event_participants where user_id = tests.uid('pia')) as participations,
       (select count(*) from public.reviews where reviewer_id = tests.uid('pia')) as reviews_written,
       (select count(*) from public.reviews where reviewee_id = tests.uid('olga')) as reviews_received,
       (select count(*) from public.events where organizer_id = tests.uid('olga')) as organized,
       tests.uid('pia') as pia, tests.uid('olga') as olga, tests.uid('lone') as lone;

select cmp_ok((select participations from before_counts), '>=', 2::bigint, 'pia has participations to keep');
select cmp_ok((select reviews_written from before_counts), '>=', 1::bigint, 'pia has reviews to keep');

delete from auth.users where id in (select pia from before_counts);
delete from auth.users where id in (select olga from before_counts);
delete from auth.users where id in (select lone from before_counts);

select is((select count(*) from public.event_participants where user_id = (select pia from before_counts)),
  (select participations from before_counts), 'participations stay');
select is((select count(*) from public.reviews where reviewer_id = (select pia from before_counts)),
  (select reviews_written from before_counts), 'reviews written stay');
select is((select count(*) from public.reviews where reviewee_id = (select olga from before_counts)),
  (select reviews_received from before_counts), 'reviews received stay');
select is((select count(*) from public.events where organizer_id = (select olga from before_counts)),
  (select organized from before_counts), 'organized events stay');
select ok((select deleted_at is not null and status = 'inactive' and email is null from public.users where id = (select pia from before_counts)),
  'the account is soft-deleted, inactive, its e-mail freed');
select is((select count(*) from public.users where id = (select lone from before_counts)), 0::bigint,
  'an account without history goes with its Auth row');
select lives_ok($$select tests.create_user('pia')$$, 'the freed e-mail signs up again');

select * from finish();
rollback;
