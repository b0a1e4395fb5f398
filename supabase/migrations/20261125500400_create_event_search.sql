-- Purpose: discovery (issue 6 §4): full-text search of published public events by title, tags
-- (the event's category names) and description, ranked, with format/type/organization/date
-- filters and keyset pagination through an opaque cursor, as `supabase.rpc('search_events', …)`.
-- Events of suspended, frozen or deleted organizers never appear (rule 7.5, §3.1).
--
-- Why a definer helper under an invoker function: with RLS on events, Postgres may use a clause
-- as an index condition only if its operator is leakproof, and `@@` (ts_match_vq) is not: an
-- invoker query could never use the GIN index and would scan every published event. The helper
-- private.search_event_page therefore picks the page of ids with the owner's rights, restricted
-- by its own WHERE clause to rows every role may see anyway (published, public, not deleted,
-- listed organizer: a subset of the anon policy on events). public.search_events is security
-- invoker and reads the rows themselves under the caller's RLS.
-- Touches: type public.event_search_result; columns events.search_tags, events.search_vector (generated) + indexes; functions
-- private.event_search_document, private.refresh_event_search_tags (+ triggers on
-- event_categories, categories), private.decode_cursor,
-- private.search_event_page, public.search_events; index users_unlisted_idx.

alter table public.events add column search_tags text[] not null default '{}';
comment on column public.events.search_tags is
  'Names of the event''s categories (its tags), kept by trigger from event_categories for full-text search.';

-- Immutable wrapper: generated columns need an immutable expression (array_to_string is only
-- stable in general; for text[] it cannot change).
create function private.event_search_document(title text, description text, tags text[]) returns tsvector
language sql immutable parallel safe set search_path = '' as $$
  select pg_catalog.setweight(pg_catalog.to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
      || pg_catalog.setweight(pg_catalog.to_tsvector('english'::regconfig, coalesce(pg_catalog.array_to_string(tags, ' '), '')), 'B')
      || pg_catalog.setweight(pg_catalog.to_tsvector('english'::regconfig, coalesce(description, '')), 'C')
$$;
comment on function private.event_search_document(text, text, text[]) is
  'The searchable document of an event: title (weight A), tags (B), description (C), English stemming.';

alter table public.events add column search_vector tsvector
  generated always as (private.event_search_document(title, description, search_tags)) stored;
comment on column public.events.search_vector is 'Full-text document (title, tags, description); generated, never written.';

-- Only listable events are indexed: the same predicate as the helper's WHERE clause.
create index events_search_vector_idx on public.events using gin (search_vector)
  where status = 'published' and visibility = 'public' and deleted_at is null;
-- Unranked listing (no text query) and date ranges: keyset on (start_datetime, id).
create index events_listing_start_idx on public.events (start_datetime, id)
  where status = 'published' and visibility = 'public' and deleted_at is null;
-- Organization filter, and the feed's "followed organizations" branch.
create index events_listing_organization_idx on public.events (organization_id, start_datetime, id)
  where status = 'published' and visibility = 'public' and deleted_at is null;
-- The feed's "followed people" branch.
create index events_listing_organizer_idx on public.events (organizer_id, start_datetime, id)
  where status = 'published' and visibility = 'public' and deleted_at is null;
-- The few accounts whose events are hidden (a short list, read once per search).
create index users_unlisted_idx on public.users (id) where status in ('suspended', 'frozen') or deleted_at is not null;

-- Definer: the team edits categories through PostgREST but may not write events.search_tags.
create function private.refresh_event_search_tags() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_table_name = 'categories' then
    update public.events e set search_tags = coalesce((
      select pg_catalog.array_agg(c.name::text order by c.name) from public.event_categories ec
      join public.categories c on c.id = ec.category_id where ec.event_id = e.id), '{}')
    where e.id in (select ec.event_id from public.event_categories ec where ec.category_id = new.id);
    return null;
  end if;
  update public.events e set search_tags = coalesce((
    select pg_catalog.array_agg(c.name::text order by c.name) from public.event_categories ec
    join public.categories c on c.id = ec.category_id where ec.event_id = e.id), '{}')
  where e.id = case when tg_op = 'DELETE' then old.event_id else new.event_id end;
  return null;
end $$;
comment on function private.refresh_event_search_tags() is 'Trigger: keeps events.search_tags equal to the names of its categories.';
create trigger event_categories_refresh_search_tags after insert or delete on public.event_categories
  for each row execute function private.refresh_event_search_tags();
create trigger categories_refresh_search_tags after update of name on public.categories
  for each row execute function private.refresh_event_search_tags();

update public.events e set search_tags = t.tags
from (
  select ec.event_id, pg_catalog.array_agg(c.name::text order by c.name) as tags
  from public.event_categories ec join public.categories c on c.id = ec.category_id group by ec.event_id
) t
where t.event_id = e.id;

-- Cursors are opaque to clients: base64url of a small JSON object, encoded inline in the queries
-- below (translate(encode(convert_to(json, 'UTF8'), 'base64'), '+/=\n', '-_')). Decoding invalid
-- input is a 400 (invalid_parameter_value), never a 500.
create function private.decode_cursor(cursor text) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  padded text := pg_catalog.translate(cursor, '-_', '+/');
  payload jsonb;
begin
  padded := padded || pg_catalog.repeat('=', (4 - pg_catalog.length(padded) % 4) % 4);
  payload := pg_catalog.convert_from(pg_catalog.decode(padded, 'base64'), 'UTF8')::jsonb;
  if pg_catalog.jsonb_typeof(payload) <> 'object' then
    raise exception 'not an object';
  end if;
  return payload;
exception when others then
  raise exception using errcode = 'invalid_parameter_value',
    message = 'after_cursor is not a cursor returned by this function: pass the cursor of the last row you received';
end $$;
grant execute on function private.decode_cursor(text) to anon, authenticated, service_role;

-- Definer (see the header): one page of listable event ids in display order, with each row's
-- cursor. Its WHERE clause is the visibility rule itself: published, public, not deleted, listed
-- organizer. Ranked by text relevance when a query is given, else by start time.
create function private.search_event_page(
  text_query tsquery,
  event_format public.event_format,
  event_type public.event_type,
  in_organization uuid,
  starts_after timestamptz,
  starts_before timestamptz,
  after_cursor jsonb,
  page_size integer
) returns table (event_id uuid, ordinal integer, rank real, page_cursor text)
language plpgsql stable security definer
set search_path = '' set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
declare
  hidden uuid[] := array(
    select u.id from public.users u where u.status in ('suspended', 'frozen') or u.deleted_at is not null);  -- users_unlisted_idx
  cursor_rank real := (after_cursor ->> 'r')::real;
  cursor_start timestamptz := (after_cursor ->> 's')::timestamptz;
  cursor_id uuid := (after_cursor ->> 'i')::uuid;
begin
  if text_query is null then
    return query
      select e.id, (row_number() over (order by e.start_datetime, e.id))::integer, null::real,
             pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(pg_catalog.jsonb_build_object('s', e.start_datetime, 'i', e.id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_')
      from public.events e
      where e.status = 'published' and e.visibility = 'public' and e.deleted_at is null
        and not (e.organizer_id = any (hidden))
        and (event_format is null or e.format = event_format)
        and (event_type is null or e.type = event_type)
        and (in_organization is null or e.organization_id = in_organization)
        and (starts_after is null or e.start_datetime >= starts_after)
        and (starts_before is null or e.start_datetime < starts_before)
        and (cursor_id is null or (e.start_datetime, e.id) > (cursor_start, cursor_id))
      order by e.start_datetime, e.id
      limit page_size;
    return;
  end if;
  return query
    select h.id, (row_number() over (order by h.rank desc, h.start_datetime, h.id))::integer, h.rank,
           pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(pg_catalog.jsonb_build_object('r', h.rank, 's', h.start_datetime, 'i', h.id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_')
    from (
      select e.id, e.start_datetime, pg_catalog.ts_rank_cd(e.search_vector, text_query) as rank
      from public.events e
      where e.status = 'published' and e.visibility = 'public' and e.deleted_at is null
        and e.search_vector @@ text_query
        and not (e.organizer_id = any (hidden))
        and (event_format is null or e.format = event_format)
        and (event_type is null or e.type = event_type)
        and (in_organization is null or e.organization_id = in_organization)
        and (starts_after is null or e.start_datetime >= starts_after)
        and (starts_before is null or e.start_datetime < starts_before)
    ) h
    where cursor_id is null or h.rank < cursor_rank
       or (h.rank = cursor_rank and (h.start_datetime, h.id) > (cursor_start, cursor_id))
    order by h.rank desc, h.start_datetime, h.id
    limit page_size;
end $$;
comment on function private.search_event_page(tsquery, public.event_format, public.event_type, uuid, timestamptz, timestamptz, jsonb, integer) is
  'One page of listable event ids (published, public, live, listed organizer) for search_events, with cursors.';
revoke all on function private.search_event_page(tsquery, public.event_format, public.event_type, uuid, timestamptz, timestamptz, jsonb, integer) from public;
grant execute on function private.search_event_page(tsquery, public.event_format, public.event_type, uuid, timestamptz, timestamptz, jsonb, integer)
  to anon, authenticated, service_role;

-- One row of search_events / my_feed: the listing fields of an event, plus its rank (text
-- searches), the cursor to pass as after_cursor for the rows after it, and (feed) why it is there.
create type public.event_search_result as (
  id uuid,
  title text,
  description text,
  format public.event_format,
  type public.event_type,
  start_datetime timestamptz,
  end_datetime timestamptz,
  timezone text,
  organizer_id uuid,
  organization_id uuid,
  cover_url text,
  logo_url text,
  registration_type public.event_registration_type,
  registration_status public.event_registration_status,
  price numeric,
  currency char(3),
  max_participant integer,
  participant_count integer,
  reviews_count integer,
  average_rating numeric,
  tags text[],
  rank real,
  cursor text,
  reasons text[]
);
comment on type public.event_search_result is
  'A listed event as search_events and my_feed return it: rank (text searches), cursor (pass as after_cursor), reasons (feed only: followed_person, followed_organization, participating).';

create function public.search_events(
  query text default null,
  format public.event_format default null,
  type public.event_type default null,
  organization_id uuid default null,
  starts_after timestamptz default null,
  starts_before timestamptz default null,
  after_cursor text default null,
  page_size integer default 20
) returns setof public.event_search_result
language plpgsql stable security invoker
set search_path = '' set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
declare
  text_query tsquery;
  decoded jsonb;
begin
  if page_size is null or page_size < 1 or page_size > 100 then
    raise exception using errcode = 'invalid_parameter_value', message = 'page_size must be between 1 and 100';
  end if;
  if starts_after is not null and starts_before is not null and starts_after >= starts_before then
    raise exception using errcode = 'invalid_parameter_value', message = 'starts_after must be before starts_before';
  end if;
  if query is not null and pg_catalog.char_length(query) > 200 then
    raise exception using errcode = 'invalid_parameter_value', message = 'query must be at most 200 characters';
  end if;
  -- websearch syntax: words, "quoted phrases", or, -exclusions; never a syntax error.
  if pg_catalog.btrim(coalesce(query, '')) <> '' then
    text_query := pg_catalog.websearch_to_tsquery('english'::regconfig, query);
    if pg_catalog.numnode(text_query) = 0 then
      text_query := null;  -- only stop words: list like an empty query
    end if;
  end if;
  if after_cursor is not null then
    decoded := private.decode_cursor(after_cursor);
    if (decoded ? 'r') <> (text_query is not null) or not (decoded ? 's' and decoded ? 'i') then
      raise exception using errcode = 'invalid_parameter_value',
        message = 'after_cursor belongs to a different search: pass the cursor of the last row of this search';
    end if;
    begin
      perform (decoded ->> 's')::timestamptz, (decoded ->> 'i')::uuid, (decoded ->> 'r')::real;
    exception when others then
      raise exception using errcode = 'invalid_parameter_value',
        message = 'after_cursor is not a cursor returned by this function: pass the cursor of the last row you received';
    end;
  end if;

  -- The page's rows as the caller may see them (events RLS applies here).
  return query
    select e.id, e.title, e.description, e.format, e.type, e.start_datetime, e.end_datetime, e.timezone,
           e.organizer_id, e.organization_id, e.cover_url, e.logo_url, e.registration_type, e.registration_status,
           e.price, e.currency, e.max_participant, e.participant_count, e.reviews_count, e.average_rating,
           e.search_tags, p.rank, p.page_cursor, null::text[]
    from private.search_event_page(text_query, search_events.format, search_events.type, search_events.organization_id,
                                   search_events.starts_after, search_events.starts_before, decoded,
                                   search_events.page_size) p
    join public.events e on e.id = p.event_id
    order by p.ordinal;
end $$;
comment on function public.search_events(text, public.event_format, public.event_type, uuid, timestamptz, timestamptz, text, integer) is
  'Search published public events: websearch-style text over title, tags, description (ranked), filters, keyset pages. Pass the last row''s cursor as after_cursor for the next page.';
revoke all on function public.search_events(text, public.event_format, public.event_type, uuid, timestamptz, timestamptz, text, integer)
  from public, anon, authenticated, service_role;
grant execute on function public.search_events(text, public.event_format, public.event_type, uuid, timestamptz, timestamptz, text, integer)
  to anon, authenticated, service_role;
