-- search_people lists approved teachers, experts and sponsors whose profile is public and account
-- active, to anon and members alike; a pending or rejected request, a private profile, a suspended
-- account or a plain student never shows; filters (text, role, skill, tag) and pages hold.
begin;
select plan(14);

-- given: people in every state (handles carry a unique word, so the seeded world does not interfere)
select tests.create_user('sp_expert', '{student,expert}');
select tests.create_user('sp_teacher', '{teacher}');
select tests.create_user('sp_sponsor', '{sponsor}');
select tests.create_user('sp_private', '{expert}');
select tests.create_user('sp_pending');
select tests.set_role('sp_pending', 'expert', 'pending');
select tests.create_user('sp_rejected');
select tests.set_role('sp_rejected', 'sponsor', 'rejected');
select tests.create_user('sp_suspended', '{expert}', 'suspended');
select tests.create_user('sp_student');
update public.profiles set full_name = 'Zyzzyva ' || initcap(substr(u.email, 4, strpos(u.email, '@') - 4)),
  title = 'Kubernetes zyzzyva consultant'
  from public.users u where u.id = profiles.user_id and u.email like 'sp\_%@atas.test';
update public.profiles set visibility = 'private' where user_id = tests.uid('sp_private');
insert into public.skills (name) values ('Zyzzyva wrangling');
insert into public.tags (name) values ('zyzzyva-tag');
insert into public.profile_skills (profile_id, skill_id) select tests.uid('sp_teacher'), id from public.skills where name = 'Zyzzyva wrangling';
insert into public.profile_tags (profile_id, tag_id) select tests.uid('sp_sponsor'), id from public.tags where name = 'zyzzyva-tag';

-- when: anon searches
select tests.sign_out();
select results_eq($$ select full_name, badges::text from public.search_people(query => 'zyzzyva') order by full_name $$,
  $$ values ('Zyzzyva Expert', '{expert}'), ('Zyzzyva Sponsor', '{sponsor}'), ('Zyzzyva Teacher', '{teacher}') $$,
  'anon finds exactly the approved people with visible profiles, each with their approved badge only');
select is((select count(*)::int from public.search_people(query => 'zyzzyva') where badges && '{student,admin}'), 0,
  'badges never show student or admin');
select results_eq($$ select full_name from public.search_people(query => 'zyzzyva', role => 'teacher') $$,
  $$ values ('Zyzzyva Teacher') $$, 'role filter');
select results_eq($$ select full_name from public.search_people(skill_id => (select id from public.skills where name = 'Zyzzyva wrangling')) $$,
  $$ values ('Zyzzyva Teacher') $$, 'skill filter (no text: listing by name)');
select results_eq($$ select full_name, tags::text from public.search_people(tag_id => (select id from public.tags where name = 'zyzzyva-tag')) $$,
  $$ values ('Zyzzyva Sponsor', '{zyzzyva-tag}') $$, 'tag filter, with the tag names');
select ok((select bool_and(rank > 0 and cursor is not null) from public.search_people(query => 'zyzzyva')), 'text hits are ranked and carry cursors');

-- pages of one walk all three, each once, in order
create temporary table walked (n serial, full_name text, cursor text) on commit drop;
grant all on walked to anon, authenticated;
grant usage on sequence walked_n_seq to anon, authenticated;
insert into walked (full_name, cursor) select full_name, cursor from public.search_people(query => 'zyzzyva', page_size => 1);
insert into walked (full_name, cursor) select full_name, cursor from public.search_people(query => 'zyzzyva', page_size => 1,
  after_cursor => (select cursor from walked order by n desc limit 1));
insert into walked (full_name, cursor) select full_name, cursor from public.search_people(query => 'zyzzyva', page_size => 1,
  after_cursor => (select cursor from walked order by n desc limit 1));
select results_eq($$ select full_name from walked order by n $$,
  $$ select full_name from public.search_people(query => 'zyzzyva', page_size => 100) $$, 'keyset pages of one row walk the ranked list in order');
select is((select count(*)::int from public.search_people(query => 'zyzzyva', page_size => 1,
  after_cursor => (select cursor from walked order by n desc limit 1))), 0, 'nothing after the last row');

-- bad input is a 400 (invalid_parameter_value), never a 500
select throws_ok($$ select * from public.search_people(page_size => 0) $$, '22023', 'page_size must be between 1 and 100', 'page size checked');
select throws_ok($$ select * from public.search_people(role => 'student') $$, '22023', 'role must be teacher, expert or sponsor', 'role checked');
select throws_ok($$ select * from public.search_people(after_cursor => 'not-a-cursor') $$, '22023', null, 'cursor checked');
select throws_ok($$ select * from public.search_people(query => 'zyzzyva', after_cursor => (select cursor from public.search_people(role => 'expert') limit 1)) $$,
  '22023', 'after_cursor belongs to a different search: pass the cursor of the last row of this search', 'a listing cursor is refused by a text search');

-- a signed-in member sees the same list (their own private profile does not list them)
select tests.sign_in_as('sp_private');
select results_eq($$ select full_name from public.search_people(query => 'zyzzyva') order by full_name $$,
  $$ values ('Zyzzyva Expert'), ('Zyzzyva Sponsor'), ('Zyzzyva Teacher') $$, 'members see the same people; a private profile is never listed, not even to its owner');

-- an approval shows at once, a revocation hides at once (badges follow user_roles)
select tests.sign_out();
select tests.set_role('sp_pending', 'expert', 'approved');
select tests.set_role('sp_teacher', 'teacher', 'revoked');
select tests.sign_out();
select results_eq($$ select full_name from public.search_people(query => 'zyzzyva') order by full_name $$,
  $$ values ('Zyzzyva Expert'), ('Zyzzyva Pending'), ('Zyzzyva Sponsor') $$, 'badges follow approvals and revocations');

select * from finish();
rollback;
