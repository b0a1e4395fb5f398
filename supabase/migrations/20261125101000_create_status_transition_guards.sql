-- Purpose: state machines of DOMAIN.md §3 held by the database whatever the caller: a trigger per
-- lifecycle column refuses every transition not in the table, with a named constraint
-- (`<table>_status_transition`) that functions map to a 409 and a message saying why.
-- Also: who may decide roles (admin is never self-granted, rule 7.1) and account suspension
-- never on one's own account.
-- Touches: trigger functions in private, triggers on users, user_roles, organizations,
-- organization_members, events, event_participants, user_onboardings.

-- Accounts (§3.1). `frozen` is reserved: nothing moves into it.
create function private.guard_user_status() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status is distinct from old.status then
    if (old.status::text || '>' || new.status::text) <> all (array[
      'inactive>active', 'active>suspended', 'suspended>active', 'active>inactive', 'suspended>inactive'
    ]) then
      raise exception using errcode = 'check_violation', constraint = 'users_status_transition', table = 'users',
        message = pg_catalog.format('Cannot change account status from %s to %s', old.status, new.status);
    end if;
    if new.status = 'suspended' and new.id = (select auth.uid()) then
      raise exception using errcode = 'check_violation', constraint = 'users_not_suspended_by_self', table = 'users',
        message = 'Cannot suspend your own account';
    end if;
  end if;
  return new;
end $$;
create trigger users_guard_status before update of status on public.users
  for each row execute function private.guard_user_status();

-- Roles (§3.2): pending → approved|rejected, approved → revoked, rejected → pending.
-- When a caller identity is present (PostgREST or an edge function acting for a user), only an
-- admin decides, and only for someone else; a user may only request (pending) or take student.
create function private.guard_user_role() returns trigger
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

  if is_decision and caller is not null then
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
    new.decided_by := coalesce(new.decided_by, caller);
  end if;
  return new;
end $$;
create trigger user_roles_guard_status before insert or update on public.user_roles
  for each row execute function private.guard_user_role();

-- Organizations (§3.3): created pending; pending → approved|rejected; rejected → pending.
create function private.guard_organization_status() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    if new.status <> 'pending' then
      raise exception using errcode = 'check_violation', constraint = 'organizations_status_transition', table = 'organizations',
        message = pg_catalog.format('Cannot create organization "%s" as %s: organizations start pending', new.name, new.status);
    end if;
  elsif new.status is distinct from old.status then
    if (old.status::text || '>' || new.status::text) <> all (array['pending>approved', 'pending>rejected', 'rejected>pending']) then
      raise exception using errcode = 'check_violation', constraint = 'organizations_status_transition', table = 'organizations',
        message = pg_catalog.format('Cannot move organization "%s" from %s to %s', new.name, old.status, new.status);
    end if;
    new.decided_at := case when new.status = 'pending' then null else pg_catalog.now() end;
  end if;
  return new;
end $$;
create trigger organizations_guard_status before insert or update of status on public.organizations
  for each row execute function private.guard_organization_status();

-- Memberships: invited|requested → active (or the row is deleted); never back.
create function private.guard_organization_member_status() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status is distinct from old.status and new.status <> 'active' then
    raise exception using errcode = 'check_violation', constraint = 'organization_members_status_transition',
      table = 'organization_members',
      message = pg_catalog.format('Cannot move a membership from %s to %s', old.status, new.status);
  end if;
  return new;
end $$;
create trigger organization_members_guard_status before update of status on public.organization_members
  for each row execute function private.guard_organization_member_status();

-- Events (§3.4): created draft (client status ignored, rule 7.13); draft ⇄ published;
-- draft|published → cancelled; published → ended; ended and cancelled are terminal.
-- Publishing opens registration; leaving published closes it; cancelling stamps cancelled_at.
create function private.guard_event_status() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      raise exception using errcode = 'check_violation', constraint = 'events_status_transition', table = 'events',
        message = pg_catalog.format('Cannot create event "%s" as %s: new events start as draft', new.title, new.status);
    end if;
    return new;
  end if;
  if new.status is not distinct from old.status then
    return new;
  end if;
  if (old.status::text || '>' || new.status::text) <> all (array[
    'draft>published', 'published>draft', 'draft>cancelled', 'published>cancelled', 'published>ended'
  ]) then
    raise exception using errcode = 'check_violation', constraint = 'events_status_transition', table = 'events',
      message = pg_catalog.format('Cannot move event "%s" from %s to %s', new.title, old.status, new.status);
  end if;
  if new.status = 'published' then
    new.registration_status := 'opened';
    new.published_at := pg_catalog.now();
  else
    new.registration_status := 'closed';
  end if;
  if new.status = 'cancelled' then
    new.cancelled_at := coalesce(new.cancelled_at, pg_catalog.now());
  end if;
  return new;
end $$;
create trigger events_guard_status before insert or update of status on public.events
  for each row execute function private.guard_event_status();

-- Participants (§3.6). New rows: pending, accepted, waitlisted; attended only for walk-ins.
create function private.guard_participant_status() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    if new.status in ('rejected', 'absent') or (new.status = 'attended' and new.join_method <> 'walk_in') then
      raise exception using errcode = 'check_violation', constraint = 'event_participants_status_transition',
        table = 'event_participants',
        message = pg_catalog.format('Cannot add a participant as %s', new.status);
    end if;
  elsif new.status is distinct from old.status
    and (old.status::text || '>' || new.status::text) <> all (array[
      'pending>accepted', 'pending>rejected', 'pending>waitlisted',
      'waitlisted>accepted', 'waitlisted>pending', 'waitlisted>rejected',
      'accepted>attended', 'accepted>absent', 'accepted>pending',
      'absent>attended', 'rejected>pending'
    ]) then
    -- Only accepted rows become attended (rules 7.3, 7.11).
    raise exception using errcode = 'check_violation', constraint = 'event_participants_status_transition',
      table = 'event_participants',
      message = pg_catalog.format('Cannot move a participant from %s to %s', old.status, new.status);
  end if;
  return new;
end $$;
create trigger event_participants_guard_status before insert or update of status on public.event_participants
  for each row execute function private.guard_participant_status();

-- Onboarding (§3.8): not_started → in_progress → completed|skipped (skipped may resume).
create function private.guard_onboarding_status() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status is distinct from old.status then
    if (old.status::text || '>' || new.status::text) <> all (array[
      'not_started>in_progress', 'not_started>completed', 'not_started>skipped',
      'in_progress>completed', 'in_progress>skipped', 'skipped>in_progress', 'skipped>completed'
    ]) then
      raise exception using errcode = 'check_violation', constraint = 'user_onboardings_status_transition',
        table = 'user_onboardings',
        message = pg_catalog.format('Cannot move onboarding from %s to %s', old.status, new.status);
    end if;
    if new.status = 'completed' then
      new.completed_at := pg_catalog.now();
    end if;
  end if;
  return new;
end $$;
create trigger user_onboardings_guard_status before update of status on public.user_onboardings
  for each row execute function private.guard_onboarding_status();
