-- Clients never read or write Auth's tables directly; the project owner can.
begin;
select plan(7);

select ok(not has_table_privilege('anon', 'auth.users', 'select'), 'anon cannot select auth.users');
select ok(not has_table_privilege('authenticated', 'auth.users', 'select'), 'authenticated cannot select auth.users');
select ok(not has_table_privilege('authenticated', 'auth.users', 'update'), 'authenticated cannot update auth.users');
select ok(not has_table_privilege('anon', 'auth.identities', 'select'), 'anon cannot select auth.identities');
select ok(not has_table_privilege('authenticated', 'auth.identities', 'insert'), 'authenticated cannot insert auth.identities');
select ok(has_table_privilege('postgres', 'auth.users', 'select'), 'postgres (project owner) can read auth.users');

-- then: acting as a client, the read is refused
set local role authenticated;
select throws_ok('select count(*) from auth.users', '42501', null, 'a client query on auth.users is refused');

select * from finish();
rollback;
