-- The rpc surface: security invoker in public (RLS applies), callable by anon and authenticated;
-- the definer helpers live in private (not exposed), with search_path pinned.
begin;
select plan(13);

select is((select prosecdef from pg_proc where oid = 'public.search_events(text, public.event_format, public.event_type, uuid, uuid, public.event_registration_type, timestamptz, timestamptz, boolean, text, integer)'::regprocedure),
  false, 'search_events is security invoker');
select is((select prosecdef from pg_proc where oid = 'public.my_feed(text, integer)'::regprocedure), false, 'my_feed is security invoker');
select ok(has_function_privilege('anon', 'public.search_events(text, public.event_format, public.event_type, uuid, uuid, public.event_registration_type, timestamptz, timestamptz, boolean, text, integer)', 'execute'),
  'anon may call search_events');
select ok(has_function_privilege('authenticated', 'public.search_events(text, public.event_format, public.event_type, uuid, uuid, public.event_registration_type, timestamptz, timestamptz, boolean, text, integer)', 'execute'),
  'authenticated may call search_events');
select is((select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.proname = 'search_events'), 1,
  'one search_events: an overload would make PostgREST''s call ambiguous');
select ok(has_function_privilege('authenticated', 'public.my_feed(text, integer)', 'execute'), 'authenticated may call my_feed');
select ok(has_function_privilege('anon', 'public.search_people(text, public.app_role, uuid, uuid, text, integer)', 'execute')
      and has_function_privilege('authenticated', 'public.search_people(text, public.app_role, uuid, uuid, text, integer)', 'execute'),
  'anon and members may call search_people');
select ok(has_function_privilege('anon', 'public.search_organizations(text, public.organization_type, text, integer)', 'execute')
      and has_function_privilege('anon', 'public.event_lineup(uuid)', 'execute'),
  'anon may call search_organizations and event_lineup');
select is((select count(*)::int from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname = 'public' and p.proname in ('search_events', 'my_feed', 'mark_all_notifications_read', 'search_people', 'search_organizations', 'event_lineup')
             and p.prosecdef), 0,
  'no definer function in the exposed schema');
select ok((select bool_and(coalesce(array_to_string(proconfig, ',') like '%search_path=""%', false)) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname in ('public', 'private') and p.proname in ('search_events', 'my_feed', 'search_event_page', 'unlisted_user_ids', 'review_author',
             'search_people', 'search_people_page', 'search_organizations', 'search_organization_page', 'event_lineup', 'event_lineup_rows')),
  'every discovery function pins search_path');
select is((select count(*)::int from pg_indexes where schemaname in ('public', 'private') and indexname in
  ('event_search_documents_published_idx', 'event_search_documents_listed_idx', 'events_listing_public_start_idx', 'events_listing_organization_idx',
   'events_listing_organizer_idx', 'events_listing_with_past_start_idx')), 6,
  'the event discovery indexes exist');
select is((select count(*)::int from pg_indexes where schemaname = 'public' and indexname in
  ('profiles_people_search_idx', 'profiles_people_listing_idx', 'profiles_people_badges_idx',
   'organizations_search_idx', 'organizations_listing_name_idx', 'organizations_listing_type_idx')), 6,
  'the people and organization discovery indexes exist');

select is((select count(*)::int from information_schema.columns where table_schema = 'public' and table_name = 'events' and column_name = 'search_vector'), 0,
  'select * on events returns no search_vector (the document lives in private.event_search_documents)');

select * from finish();
rollback;
