-- PostgREST's exposed schemas, the realtime publication and the extensions schema exist as hosted.
begin;
select plan(5);

select is(current_setting('pgrst.db_schemas', true), 'public, graphql_public', 'pgrst.db_schemas names the exposed schemas');
select ok(exists (select 1 from pg_publication where pubname = 'supabase_realtime'), 'the supabase_realtime publication exists');
select has_schema('extensions', 'the extensions schema exists');
select ok(exists (select 1 from pg_extension where extname = 'pgcrypto' and extnamespace = 'extensions'::regnamespace),
  'pgcrypto lives in extensions');
select ok(has_schema_privilege('authenticated', 'extensions', 'usage'), 'API roles can use the extensions schema');

select * from finish();
rollback;
