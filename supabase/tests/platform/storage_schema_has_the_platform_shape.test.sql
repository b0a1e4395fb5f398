-- The local base recreates the parts of Supabase Storage's schema our policies use, with the
-- platform's owners, grants and guards (sql/platform/04_storage.sql).
begin;
select plan(16);

-- then: tables, columns and owner as the Storage service creates them
select has_table('storage', 'buckets', 'storage.buckets exists');
select has_table('storage', 'objects', 'storage.objects exists');
select columns_are('storage', 'objects', array['id', 'bucket_id', 'name', 'owner', 'created_at', 'updated_at',
  'last_accessed_at', 'metadata', 'path_tokens', 'version', 'owner_id', 'user_metadata'],
  'storage.objects has the platform columns policies can read');
select is((select tableowner::text from pg_tables where schemaname = 'storage' and tablename = 'objects'),
  'supabase_storage_admin', 'storage.objects is owned by supabase_storage_admin');
select ok((select relrowsecurity from pg_class where oid = 'storage.objects'::regclass)
  and (select relrowsecurity from pg_class where oid = 'storage.buckets'::regclass),
  'RLS is enabled on storage.objects and storage.buckets');

-- then: the API roles hold table rights; RLS is what filters
select ok(has_table_privilege('anon', 'storage.objects', 'select, insert, update, delete')
  and has_table_privilege('authenticated', 'storage.objects', 'select, insert, update, delete'),
  'anon and authenticated hold the table rights, as on the platform');
select ok(has_table_privilege('postgres', 'storage.buckets', 'insert with grant option'),
  'postgres may insert buckets and pass the right on');
select ok(pg_has_role('supabase_storage_admin', 'authenticator', 'member'),
  'the Storage service can switch to the API roles through authenticator');

-- then: the path helpers split names the platform's way
select is(storage.foldername('e1/u1/proof.pdf'), array['e1', 'u1'], 'foldername() returns every folder');
select is(storage.filename('e1/u1/proof.pdf'), 'proof.pdf', 'filename() returns the last segment');
select is(storage.extension('e1/u1/proof.final.pdf'), 'pdf', 'extension() returns what follows the last dot');
select is((select array['a', 'b.png'] = path_tokens from (select string_to_array('a/b.png', '/') as path_tokens) t), true,
  'path_tokens is the name split on slashes');

-- given: a bucket and an object written the way the Storage service writes them
select set_config('storage.allow_delete_query', 'true', true);
insert into storage.buckets (id, name) values ('platform-check', 'platform-check');
insert into storage.objects (bucket_id, name) values ('platform-check', 'a/b.png');
select set_config('storage.allow_delete_query', '', true);

-- then: direct SQL deletes are refused unless the Storage service's flag is set
select throws_ok($$ delete from storage.objects where bucket_id = 'platform-check' $$, '42501',
  'Direct deletion from storage tables is not allowed. Use the Storage API instead.',
  'a plain delete from storage.objects is refused');
select set_config('storage.allow_delete_query', 'true', true);
select lives_ok($$ delete from storage.objects where bucket_id = 'platform-check' $$,
  'the same delete passes with storage.allow_delete_query set, as the Storage service sets it');
select throws_ok($$ insert into storage.objects (bucket_id, name) values ('platform-check', 'x'), ('platform-check', 'x') $$,
  '23505', null, 'one object per bucket and name');

-- then: postgres can manage policies on storage.objects (supautils.policy_grants on the platform)
select lives_ok($$ create policy "platform check" on storage.objects for select to authenticated using (false) $$,
  'the project owner can create a policy on storage.objects');

select * from finish();
rollback;
