-- Purpose: full-text search ranks its matches from the search documents alone (issue 16).
-- private.search_event_page ranked every match of the query, and for each match read the event
-- row (events_pkey probe + heap) only to apply the filters and the hidden-organizer check: on the
-- 1M-event bench a common word matched 14,284 documents, and those 14,284 event probes were ~60%
-- of the 90–110 ms request (EXPLAIN ANALYZE BUFFERS via auto_explain: documents scan and rank
-- sort 59 ms, event probes 100 ms under load). The documents now carry the columns the filters
-- and the order need (start, organizer, organization, format, type, price kind), kept by the same
-- trigger, so ranking reads one table; the events of the page (page_size rows) are read by
-- public.search_events as before, under RLS.
-- Same rows and order: a document exists exactly for a listable event (public, live, published
-- or ended), which is what the old join re-checked on events.
-- Touches: new columns on private.event_search_documents; replaces
-- private.sync_event_search_document() and its trigger events_sync_search_document (more
-- columns), and private.search_event_page(tsquery, event_format, event_type, uuid, uuid,
-- event_registration_type, timestamptz, timestamptz, boolean, jsonb, integer) (last defined in
-- 20261204300300). Bench data is loaded with triggers off: sql/bench/06_discovery_columns.sql
-- fills the columns.

alter table private.event_search_documents
  add column start_datetime timestamptz,
  add column organizer_id uuid,
  add column organization_id uuid,
  add column format public.event_format,
  add column type public.event_type,
  add column registration_type public.event_registration_type;

update private.event_search_documents d
set start_datetime = e.start_datetime, organizer_id = e.organizer_id, organization_id = e.organization_id,
    format = e.format, type = e.type, registration_type = e.registration_type
from public.events e where e.id = d.event_id;

create or replace function private.sync_event_search_document() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.status in ('published', 'ended') and new.visibility = 'public' and new.deleted_at is null then
    insert into private.event_search_documents as d
      (event_id, status, search_vector, start_datetime, organizer_id, organization_id, format, type, registration_type)
    values (new.id, new.status, private.event_search_document(new.title, new.description, new.search_tags),
            new.start_datetime, new.organizer_id, new.organization_id, new.format, new.type, new.registration_type)
    on conflict (event_id) do update
      set status = excluded.status, search_vector = excluded.search_vector, start_datetime = excluded.start_datetime,
          organizer_id = excluded.organizer_id, organization_id = excluded.organization_id, format = excluded.format,
          type = excluded.type, registration_type = excluded.registration_type
      where (d.status, d.search_vector, d.start_datetime, d.organizer_id, d.organization_id, d.format, d.type, d.registration_type)
            is distinct from
            (excluded.status, excluded.search_vector, excluded.start_datetime, excluded.organizer_id, excluded.organization_id,
             excluded.format, excluded.type, excluded.registration_type);
  else
    delete from private.event_search_documents where event_id = new.id;
  end if;
  return null;
end $$;

drop trigger events_sync_search_document on public.events;
create trigger events_sync_search_document
  after insert or update of title, description, search_tags, status, visibility, deleted_at,
    start_datetime, organizer_id, organization_id, format, type, registration_type on public.events
  for each row execute function private.sync_event_search_document();

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
  -- Documents exist only for listable events (public, live, published or ended: the trigger), so
  -- the documents alone answer every condition the old join re-checked on events.
  return query
    select p.id, (row_number() over (order by p.rank desc, p.start_datetime, p.id))::integer, p.rank,
           pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(
             pg_catalog.jsonb_build_object('r', p.rank, 's', p.start_datetime, 'i', p.id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_')
    from (
      select h.id, h.start_datetime, h.rank
      from (
        select d.event_id as id, d.start_datetime, pg_catalog.ts_rank(d.search_vector, text_query) as rank
        from private.event_search_documents d
        where d.status = any (listed) and d.search_vector @@ text_query
          and not (d.organizer_id = any (hidden))
          and (event_format is null or d.format = event_format)
          and (event_type is null or d.type = event_type)
          and (in_organization is null or d.organization_id = in_organization)
          and (in_category is null or exists (
                select 1 from public.event_categories ec where ec.event_id = d.event_id and ec.category_id = in_category))
          and (wanted_price is null or d.registration_type = wanted_price)
          and (starts_after is null or d.start_datetime >= starts_after)
          and (starts_before is null or d.start_datetime < starts_before)
      ) h
      where cursor_id is null or h.rank < cursor_rank
         or (h.rank = cursor_rank and (h.start_datetime, h.id) > (cursor_start, cursor_id))
      order by h.rank desc, h.start_datetime, h.id
      limit page_size
    ) p;
end $$;
