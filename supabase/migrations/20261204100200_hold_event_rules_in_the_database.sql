-- Purpose: event rules that only the events function checked, while PostgREST grants the same
-- writes (issue 14, DOMAIN.md §3.3, §3.4, rule 7.13):
--   * an event belongs only to an APPROVED, live organization: the insert policy let any org
--     admin attach drafts to a pending, rejected or soft-deleted organization (and PostgREST
--     grants insert/update of organization_id);
--   * publishing needs the prerequisites of functions/events/publish-requirements.ts
--     (description, start in the future, end after start, a venue unless online, a price if
--     paid) → constraint `events_publish_requirements`;
--   * core fields (title, times, time zone, type, venue, price, currency, registration type,
--     auto-accept, capacity, visibility) are locked once a published event has started, and in
--     ended or cancelled events → constraint `events_core_fields_locked`.
-- All three bind every caller; only the named system path (private.is_system_path(): seed, owner
-- fixtures building history, jobs) is exempt, because it records states that already happened.
-- Functions map the named check violations to 409 with the constraint as the code.
-- Touches: new trigger function private.hold_event_rules() and trigger events_hold_rules.

-- Definer: the organizations policy hides deleted organizations from their own managers, so an
-- invoker lookup would find nothing and let the event through. The caller is judged by
-- private.is_system_path(), which reads the request, not current_user.
create function private.hold_event_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  org record;
  problems text[] := '{}';
  locked text[];
begin
  if private.is_system_path() then
    return new;
  end if;

  if new.organization_id is not null and (tg_op = 'INSERT' or new.organization_id is distinct from old.organization_id) then
    -- Under the row lock, so an organization cannot be rejected or deleted halfway.
    select o.name, o.status, o.deleted_at into org from public.organizations o where o.id = new.organization_id for share;
    if found and (org.status <> 'approved' or org.deleted_at is not null) then
      raise exception using errcode = 'check_violation', constraint = 'events_organization_is_approved', table = 'events',
        message = pg_catalog.format('Cannot attach event "%s" to organization "%s": it is %s, only approved organizations hold events',
          new.title, org.name, case when org.deleted_at is not null then 'deleted' else org.status::text end);
    end if;
  end if;

  if tg_op <> 'UPDATE' then
    return new;
  end if;

  if new.status = 'published' and old.status = 'draft' then
    if pg_catalog.btrim(coalesce(new.description, '')) = '' then problems := problems || 'it has no description'::text; end if;
    if new.start_datetime is null then problems := problems || 'it has no start time'::text;
    elsif new.start_datetime <= pg_catalog.now() then problems := problems || 'its start time is not in the future'::text; end if;
    if new.end_datetime is null then problems := problems || 'it has no end time'::text;
    elsif new.start_datetime is not null and new.end_datetime <= new.start_datetime then
      problems := problems || 'its end time is not after its start time'::text;
    end if;
    if new.type <> 'online' and new.venue_place_id is null and new.venue_remark is null then
      problems := problems || pg_catalog.format('it is %s but has no venue', new.type);
    end if;
    if new.registration_type = 'paid' and coalesce(new.price, 0) <= 0 then problems := problems || 'it is paid but has no price'::text; end if;
    if pg_catalog.cardinality(problems) > 0 then
      raise exception using errcode = 'check_violation', constraint = 'events_publish_requirements', table = 'events',
        message = pg_catalog.format('Cannot publish event "%s": %s', new.title, pg_catalog.array_to_string(problems, '; '));
    end if;
  end if;

  if old.status in ('ended', 'cancelled') or (old.status = 'published' and old.start_datetime <= pg_catalog.now()) then
    select pg_catalog.array_agg(f.name) into locked
    from (values
      ('title', new.title is distinct from old.title),
      ('start_datetime', new.start_datetime is distinct from old.start_datetime),
      ('end_datetime', new.end_datetime is distinct from old.end_datetime),
      ('timezone', new.timezone is distinct from old.timezone),
      ('type', new.type is distinct from old.type),
      ('venue_place_id', new.venue_place_id is distinct from old.venue_place_id),
      ('venue_remark', new.venue_remark is distinct from old.venue_remark),
      ('price', new.price is distinct from old.price),
      ('currency', new.currency is distinct from old.currency),
      ('registration_type', new.registration_type is distinct from old.registration_type),
      ('auto_accept_registration', new.auto_accept_registration is distinct from old.auto_accept_registration),
      ('max_participant', new.max_participant is distinct from old.max_participant),
      ('visibility', new.visibility is distinct from old.visibility)
    ) as f (name, changed)
    where f.changed;
    if locked is not null then
      raise exception using errcode = 'check_violation', constraint = 'events_core_fields_locked', table = 'events',
        message = pg_catalog.format('Cannot change %s of event "%s": it %s', pg_catalog.array_to_string(locked, ', '), old.title,
          case old.status when 'published' then 'has already started' else 'is ' || old.status::text end);
    end if;
  end if;
  return new;
end $$;
comment on function private.hold_event_rules() is
  'Approved live organizations only; publish prerequisites; core fields locked after start (DOMAIN.md §3.4). Named system path exempt from the last two.';
create trigger events_hold_rules before insert or update on public.events
  for each row execute function private.hold_event_rules();
