-- Purpose: name the system path explicitly (issue 14). Guard triggers treated "no claims" as the
-- system: a write that carried API claims without a user id (`{"role": "authenticated"}` and no
-- `sub`), or ran as an API role with no claims at all, passed as if a job had made it (fail open).
-- Now a statement is the system only when ALL hold:
--   * it carries no user id (auth.uid() is null) and no API role claim (claims role absent or
--     `service_role`): anon/authenticated claims are never the system, even set by a function;
--   * the active role (the `role` setting, which security definer does not change) is one of the
--     named system roles postgres, service_role, supabase_admin — or, in a session logged in as
--     postgres or supabase_admin (never PostgREST's authenticator), no SET ROLE at all (migrations,
--     seed, pg_cron jobs) or the setting `atas.system_path = on` (owner fixtures run mid-request).
-- Everything else is a caller and is judged as one (an admin check then fails closed).
-- Touches: new private.is_system_path(); replaces private.guard_user_role() (last in
-- 20261125101800), private.prepare_checklist_item() (last in 20261125101700) and
-- private.check_review_rules() (20261125500000) — same bodies, only "caller is not null" → "not
-- the system path" (and `<>` → `is distinct from`, so a missing caller is refused, not skipped).

create function private.is_system_path() returns boolean
language sql stable set search_path = '' as $$
  select (select auth.uid()) is null
    and coalesce(nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'role', 'service_role')
        = 'service_role'
    and (
      pg_catalog.current_setting('role') in ('postgres', 'service_role', 'supabase_admin')
      or (session_user in ('postgres', 'supabase_admin') and (
        pg_catalog.current_setting('role') = 'none'
        -- owner-run fixtures and scripts that act between requests of a test session name themselves
        or pg_catalog.current_setting('atas.system_path', true) = 'on'))
    )
$$;
comment on function private.is_system_path() is
  'True only for the named system path: no user id, no anon/authenticated claims, a system role (postgres, service_role, supabase_admin). Never true for an API caller without claims.';
revoke all on function private.is_system_path() from public;
grant execute on function private.is_system_path() to anon, authenticated, service_role;

create or replace function private.guard_user_role() returns trigger
language plpgsql set search_path = '' as $$
declare
  caller uuid := (select auth.uid());
  is_decision boolean;
begin
  if tg_op = 'INSERT' then
    if new.role = 'admin' and new.status <> 'approved' then
      raise exception using errcode = 'check_violation', constraint = 'user_roles_admin_is_never_requested', table = 'user_roles',
        message = 'Cannot request the admin role: only an admin grants it';
    end if;
    if new.status = 'revoked' then
      raise exception using errcode = 'check_violation', constraint = 'user_roles_status_transition', table = 'user_roles',
        message = 'Cannot create a role as revoked';
    end if;
    is_decision := not (new.status = 'pending' or (new.status = 'approved' and new.role = 'student'));
  else
    if new.status is not distinct from old.status then
      return new;
    end if;
    if (old.status::text || '>' || new.status::text) <> all (array[
      'pending>approved', 'pending>rejected', 'approved>revoked', 'rejected>pending'
    ]) then
      raise exception using errcode = 'check_violation', constraint = 'user_roles_status_transition', table = 'user_roles',
        message = pg_catalog.format('Cannot move the %s role from %s to %s', new.role, old.status, new.status);
    end if;
    is_decision := new.status <> 'pending';
  end if;

  -- Only the named system path (seed, jobs, owner scripts: no API claims, a privileged role) decides
  -- without an admin; a write carrying API claims without a user id is refused (no fail-open).
  if is_decision and not private.is_system_path() then
    if not private.is_admin() then
      raise exception using errcode = 'insufficient_privilege',
        message = pg_catalog.format('Cannot decide the %s role: only an admin may', new.role);
    end if;
    if caller = new.user_id then
      raise exception using errcode = 'check_violation', constraint = 'user_roles_not_decided_by_self', table = 'user_roles',
        message = 'Cannot decide a role on your own account';
    end if;
  end if;

  if new.status = 'pending' then
    new.requested_at := pg_catalog.now();
    new.decided_at := null;
    new.decided_by := null;
    new.decision_reason := null;
  elsif tg_op = 'INSERT' or new.status is distinct from old.status then
    new.decided_at := pg_catalog.now();
    new.decided_by := case when is_decision then coalesce(new.decided_by, caller) else new.decided_by end;
  end if;
  return new;
end $$;

create or replace function private.prepare_checklist_item() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  starts_at timestamptz;
begin
  if new.due_datetime is not null and (tg_op = 'INSERT' or new.due_datetime is distinct from old.due_datetime) then
    select e.start_datetime into starts_at from public.events e where e.id = new.event_id;
    if new.due_datetime <= pg_catalog.now() then
      raise exception using errcode = 'check_violation', constraint = 'event_checklist_items_due_in_future',
        table = 'event_checklist_items', message = 'Cannot set a due date in the past';
    end if;
    if starts_at is not null and new.due_datetime > starts_at then
      raise exception using errcode = 'check_violation', constraint = 'event_checklist_items_due_before_start',
        table = 'event_checklist_items', message = 'Cannot set a due date after the event starts';
    end if;
  end if;
  -- Assignees (not team) may only tick their own items (DOMAIN.md §3.8).
  -- (A definer trigger cannot test current_user; the caller's identity is the request's.)
  if tg_op = 'UPDATE' and not private.is_system_path() and not private.is_event_team(old.event_id)
     and (pg_catalog.to_jsonb(new) - array['is_completed', 'updated_at'])
         is distinct from (pg_catalog.to_jsonb(old) - array['is_completed', 'updated_at']) then
    raise exception using errcode = 'insufficient_privilege',
      message = 'Cannot edit this checklist item: assignees may only mark it completed';
  end if;
  return new;
end $$;

create or replace function private.check_review_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  caller uuid := (select auth.uid());
  ev record;
  org record;
  reviewer_side text;
  reviewee_side text;
  closes_at timestamptz;
begin
  if tg_op = 'UPDATE' then
    if (new.event_id, new.org_id, new.reviewer_id, new.reviewee_id) is distinct from
       (old.event_id, old.org_id, old.reviewer_id, old.reviewee_id) then
      raise exception using errcode = 'check_violation', constraint = 'reviews_target_is_fixed', table = 'reviews',
        message = 'Cannot move a review to another event, person or organization: delete it and write a new one';
    end if;
    if old.deleted_at is not null and (new.deleted_at, new.rating, new.comment) is distinct from
                                      (old.deleted_at, old.rating, old.comment) then
      raise exception using errcode = 'check_violation', constraint = 'reviews_deletion_is_final', table = 'reviews',
        message = 'Cannot change a deleted review';
    end if;
    if new.deleted_at is not null and old.deleted_at is null then
      -- Anyone but the named system path (jobs, owner scripts) must be the author or an admin.
      if not private.is_system_path() and caller is distinct from old.reviewer_id and not private.is_admin() then
        raise exception using errcode = 'insufficient_privilege',
          message = 'Cannot delete this review: only its author or an admin may';
      end if;
      new.deleted_at := pg_catalog.now();
    end if;
    if (new.rating, new.comment) is distinct from (old.rating, old.comment) then
      if not private.is_system_path() and caller is distinct from old.reviewer_id then
        raise exception using errcode = 'insufficient_privilege', message = 'Cannot edit this review: only its author may';
      end if;
      if old.event_id is not null then
        select e.title, e.status, e.end_datetime into ev from public.events e where e.id = old.event_id;
        if ev.status <> 'ended' or pg_catalog.now() >= ev.end_datetime + interval '14 days' then
          raise exception using errcode = 'check_violation', constraint = 'review_window_closed', table = 'reviews',
            message = pg_catalog.format('Cannot edit this review: the review window of "%s" is closed', ev.title);
        end if;
      end if;
    end if;
    -- sealed_until only ever opens (private.after_review_written, the window job).
    if new.sealed_until is not null and new.sealed_until is distinct from old.sealed_until then
      new.sealed_until := old.sealed_until;
    end if;
    return new;
  end if;

  -- INSERT
  if not private.is_system_path() and caller is distinct from new.reviewer_id then
    raise exception using errcode = 'insufficient_privilege', message = 'Cannot write a review in someone else''s name';
  end if;
  if new.deleted_at is not null then
    raise exception using errcode = 'check_violation', constraint = 'reviews_start_live', table = 'reviews',
      message = 'Cannot create a review that is already deleted';
  end if;
  if not exists (select 1 from public.users u where u.id = new.reviewer_id and u.status = 'active' and u.deleted_at is null) then
    raise exception using errcode = 'insufficient_privilege', message = 'Cannot write reviews: the account is not active';
  end if;

  if new.org_id is not null then
    select o.name, o.status, o.owner_id, o.deleted_at into org from public.organizations o where o.id = new.org_id;
    if org.status is distinct from 'approved' or org.deleted_at is not null then
      raise exception using errcode = 'check_violation', constraint = 'review_organization_not_approved', table = 'reviews',
        message = 'Cannot review this organization: it is not an approved organization';
    end if;
    if org.owner_id = new.reviewer_id then
      raise exception using errcode = 'check_violation', constraint = 'reviews_not_self_review', table = 'reviews',
        message = pg_catalog.format('Cannot review "%s": you own it', org.name);
    end if;
    if not exists (
      select 1 from public.organization_members m
      where m.org_id = new.org_id and m.user_id = new.reviewer_id and m.status = 'active'
    ) and not exists (
      select 1 from public.event_participants p join public.events e on e.id = p.event_id
      where p.user_id = new.reviewer_id and p.status = 'attended' and e.organization_id = new.org_id and e.status = 'ended'
    ) then
      raise exception using errcode = 'insufficient_privilege',
        message = pg_catalog.format('Cannot review "%s": only its active members and attendees of its ended events may', org.name);
    end if;
    new.sealed_until := null;
    return new;
  end if;

  if new.reviewer_id = new.reviewee_id then
    raise exception using errcode = 'check_violation', constraint = 'reviews_not_self_review', table = 'reviews',
      message = 'Cannot review yourself';
  end if;
  select e.title, e.status, e.end_datetime into ev from public.events e where e.id = new.event_id;
  if ev.status = 'cancelled' then
    raise exception using errcode = 'check_violation', constraint = 'review_event_cancelled', table = 'reviews',
      message = pg_catalog.format('Cannot review people of "%s": the event was cancelled', ev.title);
  end if;
  if ev.status is distinct from 'ended' or pg_catalog.now() < ev.end_datetime then
    raise exception using errcode = 'check_violation', constraint = 'review_event_not_ended', table = 'reviews',
      message = pg_catalog.format('Cannot review people of "%s" yet: the event has not ended', ev.title);
  end if;
  closes_at := ev.end_datetime + interval '14 days';
  if pg_catalog.now() >= closes_at then
    raise exception using errcode = 'check_violation', constraint = 'review_window_closed', table = 'reviews',
      message = pg_catalog.format('Cannot review people of "%s": the 14-day review window closed on %s', ev.title,
        pg_catalog.to_char(closes_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'));
  end if;
  reviewer_side := private.review_side(new.event_id, new.reviewer_id);
  if reviewer_side is null then
    raise exception using errcode = 'insufficient_privilege',
      message = pg_catalog.format('Cannot review people of "%s": only its organizer, accepted team, speakers and sponsors, and attendees may', ev.title);
  end if;
  reviewee_side := private.review_side(new.event_id, new.reviewee_id);
  if reviewee_side is null or not private.review_pair_is_allowed(reviewer_side, reviewee_side) then
    raise exception using errcode = 'insufficient_privilege',
      message = pg_catalog.format('Cannot review this person for "%s": a %s may not review a %s', ev.title, reviewer_side,
        coalesce(reviewee_side, 'non-participant'));
  end if;
  if private.review_pair_is_blind(reviewer_side, reviewee_side) and not exists (
    select 1 from public.reviews r
    where r.event_id = new.event_id and r.reviewer_id = new.reviewee_id and r.reviewee_id = new.reviewer_id
      and r.deleted_at is null
  ) then
    new.sealed_until := closes_at;
  else
    new.sealed_until := null;
  end if;
  return new;
end $$;
