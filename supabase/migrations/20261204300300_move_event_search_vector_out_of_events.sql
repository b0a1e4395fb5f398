-- Purpose: `select *` on events returned `search_vector`, the full-text document (issue 15): a
-- tsvector no client can use, in every `select=*` row and in supabase-js's default select. It
-- moves to private.event_search_documents, one row per listable event (public, not deleted,
-- published or ended), kept by a trigger on events; the search helper joins it. Why not revoke
-- the column instead: PostgREST expands `select=*` to `"public"."events".*`, and Postgres refuses
-- the whole statement (42501 permission denied for table events) when one column of `*` is not
-- granted, so every default select on events would break.
-- The table holds only listable events, so its GIN indexes are what the partial index on events
-- was: one for published events (the default search), one for published + ended (include_past).
-- Touches: new table private.event_search_documents (+ indexes), function
-- private.sync_event_search_document + trigger events_sync_search_document; drops column
-- events.search_vector (and its index events_search_vector_idx); replaces
-- private.search_event_page(tsquery, event_format, event_type, uuid, uuid, event_registration_type,
-- timestamptz, timestamptz, boolean, jsonb, integer) (20261204300100) to read the documents.
-- Bench data is loaded with triggers off: sql/bench/06_discovery_columns.sql fills this table.

create table private.event_search_documents (
  event_id uuid primary key references public.events (id) on delete cascade,
  status public.event_status not null,
  search_vector tsvector not null,
  constraint event_search_documents_only_listed_statuses check (status in ('published', 'ended'))
);
comment on table private.event_search_documents is
  'Full-text document (title, tags, description) of each listable event (public, live, published or ended); trigger-kept from events.';
revoke all on private.event_search_documents from public, anon, authenticated;
create index event_search_documents_published_idx on private.event_search_documents using gin (search_vector)
  where status = 'published';
create index event_search_documents_listed_idx on private.event_search_documents using gin (search_vector);

-- Definer: the row belongs to no API role; it follows every change of the fields it is built from.
create function private.sync_event_search_document() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.status in ('published', 'ended') and new.visibility = 'public' and new.deleted_at is null then
    insert into private.event_search_documents as d (event_id, status, search_vector)
    values (new.id, new.status, private.event_search_document(new.title, new.description, new.search_tags))
    on conflict (event_id) do update set status = excluded.status, search_vector = excluded.search_vector
      where d.status is distinct from excluded.status or d.search_vector is distinct from excluded.search_vector;
  else
    delete from private.event_search_documents where event_id = new.id;
  end if;
  return null;
end $$;
comment on function private.sync_event_search_document() is
  'Trigger: keeps private.event_search_documents equal to the listable events'' documents.';
revoke all on function private.sync_event_search_document() from public;
create trigger events_sync_search_document
  after insert or update of title, description, search_tags, status, visibility, deleted_at on public.events
  for each row execute function private.sync_event_search_document();

insert into private.event_search_documents (event_id, status, search_vector)
select e.id, e.status, private.event_search_document(e.title, e.description, e.search_tags)
from public.events e
where e.status in ('published', 'ended') and e.visibility = 'public' and e.deleted_at is null;

alter table public.events drop column search_vector;

create or replace function private.search_event_page(
  text_query tsquery,
  event_format public.event_format,
  event_type public.event_type,
  in_organization uuid,
  in_category uuid,
  wanted_price public.event_registration_type,
  starts_after timestamptz,
  starts_before timestamptz,
  include_past boolean,
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
  -- a constant array under custom plans: the planner proves the partial indexes' predicates from it
  listed public.event_status[] := case when include_past then '{published,ended}'::public.event_status[] else '{published}' end;
begin
  if text_query is null then
    return query
      select p.id, (row_number() over (order by p.start_datetime, p.id))::integer, null::real,
             pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(
               pg_catalog.jsonb_build_object('s', p.start_datetime, 'i', p.id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_')
      from (
        select e.id, e.start_datetime
        from public.events e
        where e.status = any (listed) and e.visibility = 'public' and e.deleted_at is null
          and not (e.organizer_id = any (hidden))
          and (event_format is null or e.format = event_format)
          and (event_type is null or e.type = event_type)
          and (in_organization is null or e.organization_id = in_organization)
          and (in_category is null or exists (
                select 1 from public.event_categories ec where ec.event_id = e.id and ec.category_id = in_category))
          and (wanted_price is null or e.registration_type = wanted_price)
          and (starts_after is null or e.start_datetime >= starts_after)
          and (starts_before is null or e.start_datetime < starts_before)
          and (cursor_id is null or (e.start_datetime, e.id) > (cursor_start, cursor_id))
        order by e.start_datetime, e.id
        limit page_size
      ) p;
    return;
  end if;
  return query
    select p.id, (row_number() over (order by p.rank desc, p.start_datetime, p.id))::integer, p.rank,
           pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(
             pg_catalog.jsonb_build_object('r', p.rank, 's', p.start_datetime, 'i', p.id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_')
    from (
      select h.id, h.start_datetime, h.rank
      from (
        select e.id, e.start_datetime, pg_catalog.ts_rank(d.search_vector, text_query) as rank
        from private.event_search_documents d
        join public.events e on e.id = d.event_id
        where d.status = any (listed) and d.search_vector @@ text_query
          and e.status = any (listed) and e.visibility = 'public' and e.deleted_at is null
          and not (e.organizer_id = any (hidden))
          and (event_format is null or e.format = event_format)
          and (event_type is null or e.type = event_type)
          and (in_organization is null or e.organization_id = in_organization)
          and (in_category is null or exists (
                select 1 from public.event_categories ec where ec.event_id = e.id and ec.category_id = in_category))
          and (wanted_price is null or e.registration_type = wanted_price)
          and (starts_after is null or e.start_datetime >= starts_after)
          and (starts_before is null or e.start_datetime < starts_before)
      ) h
      where cursor_id is null or h.rank < cursor_rank
         or (h.rank = cursor_rank and (h.start_datetime, h.id) > (cursor_start, cursor_id))
      order by h.rank desc, h.start_datetime, h.id
      limit page_size
    ) p;
end $$;
