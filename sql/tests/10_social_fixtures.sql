-- Fixtures for the reviews, follows, notifications and discovery tests (issue 6), on top of
-- 00_test_helpers.sql. Applied to test clusters only; safe to apply again.

-- Acts like an edge function writing for a user: the function's own role (postgres here) with the
-- user's claims, so triggers see auth.uid() but no RLS applies.
create or replace function tests.act_for(handle text) returns void
language plpgsql set search_path = '' as $$
declare
  claims jsonb := tests.access_token_claims(handle);
begin
  perform pg_catalog.set_config('role', 'postgres', true);
  perform pg_catalog.set_config('request.jwt.claims', claims::text, true);
end $$;

-- An ended event `slug` (ended `ended_ago` ago) with one person per review side, handles
-- prefixed by `slug`: <slug>_olga organizer, _sam speaker, _spon sponsor, _cole committee,
-- _ada and _ann attendees (audience, student), _abe absent, _pete pending speaker, _stan stranger.
create or replace function tests.create_review_scene(slug text, ended_ago interval default '1 day') returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  event uuid;
begin
  event := tests.create_event(slug, organizer => slug || '_olga', status => 'ended',
                              starts_in => -(ended_ago + interval '2 hours'), lasts => interval '2 hours');
  perform tests.add_participant(slug, slug || '_sam', 'speaker', 'accepted', 'invited');
  perform tests.add_participant(slug, slug || '_spon', 'sponsor', 'accepted', 'applied');
  perform tests.add_participant(slug, slug || '_cole', 'committee', 'accepted', 'invited');
  perform tests.add_participant(slug, slug || '_ada', 'audience', 'attended');
  perform tests.add_participant(slug, slug || '_ann', 'student', 'attended');
  perform tests.add_participant(slug, slug || '_abe', 'audience', 'absent');
  perform tests.add_participant(slug, slug || '_pete', 'speaker', 'pending', 'invited');
  perform tests.ensure_user(slug || '_stan');
  return event;
end $$;

-- Writes a review as the reviews function would (claims of the reviewer, function role).
create or replace function tests.write_review(event_slug text, reviewer text, reviewee text, rating integer default 4,
                                              comment text default null) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  saved_claims text := pg_catalog.current_setting('request.jwt.claims', true);
  new_id uuid;
begin
  perform pg_catalog.set_config('request.jwt.claims', tests.access_token_claims(reviewer)::text, true);
  insert into public.reviews (event_id, reviewer_id, reviewee_id, rating, comment)
  values (tests.event_id(event_slug), tests.uid(reviewer), tests.uid(reviewee), rating, comment)
  returning id into new_id;
  perform pg_catalog.set_config('request.jwt.claims', coalesce(saved_claims, ''), true);
  return new_id;
end $$;

-- Moves an event's schedule (fixtures only: the time-lock trigger would refuse it for an ended event).
create or replace function tests.shift_event_end(event_slug text, ended_ago interval) returns void
language plpgsql security definer set search_path = '' as $$
declare
  saved_claims text := pg_catalog.current_setting('request.jwt.claims', true);
begin
  -- Rewriting history is the system's job (private.is_system_path), even mid-request.
  perform pg_catalog.set_config('request.jwt.claims', '', true);
  perform pg_catalog.set_config('atas.system_path', 'on', true);
  alter table public.events disable trigger events_prepare;
  update public.events set start_datetime = pg_catalog.now() - ended_ago - interval '2 hours',
                           end_datetime = pg_catalog.now() - ended_ago
  where id = tests.event_id(event_slug);
  alter table public.events enable trigger events_prepare;
  perform pg_catalog.set_config('request.jwt.claims', coalesce(saved_claims, ''), true);
  perform pg_catalog.set_config('atas.system_path', '', true);
end $$;

grant execute on all functions in schema tests to anon, authenticated, service_role;
