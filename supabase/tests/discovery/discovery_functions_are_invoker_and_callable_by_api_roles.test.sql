-- The rpc surface: security invoker in public (RLS applies), callable by anon and authenticated;
-- the definer helpers live in private (not exposed), with search_path pinned.
begin;
select plan(8);

select is((select prosecdef from pg_proc where oid = 'public.search_events(text, public.event_format, public.event_type, uuid, timestamptz, timestamptz, text, integer)'::regprocedure),
  false, 'search_events is security invoker');
select is((select prosecdef from pg_proc where oid = 'public.my_feed(text, integer)'::regprocedure), false, 'my_feed is security invoker');
select ok(has_function_privilege('anon', 'public.search_events(text, public.event_format, public.event_type, uuid, timestamptz, timestamptz, text, integer)', 'execute'),
  'anon may call search_events');
select ok(has_function_privilege('authenticated', 'public.search_events(text, public.event_format, public.event_type, uuid, timestamptz, timestamptz, text, integer)', 'execute'),
  'authenticated may call search_events');
select ok(has_function_privilege('authenticated', 'public.my_feed(text, integer)', 'execute'), 'authenticated may call my_feed');
select is((select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname = 'public' and p.proname in ('search_events', 'my_feed', 'mark_all_notifications_read') and p.prosecdef), 0,
  'no definer function in the exposed schema');
select ok((select bool_and(coalesce(array_to_string(proconfig, ',') like '%search_path=""%', false)) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname in ('public', 'private') and p.proname in ('search_events', 'my_feed', 'search_event_page', 'unlisted_user_ids', 'review_author')),
  'every discovery function pins search_path');
select is((select count(*)::int from pg_indexes where schemaname = 'public' and indexname in
  ('events_search_vector_idx', 'events_listing_start_idx', 'events_listing_organization_idx', 'events_listing_organizer_idx')), 4,
  'the discovery indexes exist');

select * from finish();
rollback;
