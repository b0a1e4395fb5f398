-- Purpose: a student's own onboarding grant (approved at once, DOMAIN.md §3.2) is not a decision,
-- so it must not record the user as decider: stamping decided_by := caller made the
-- user_roles_not_decided_by_self check refuse it. decided_by is now stamped for decisions only.
-- Same body as the accounts branch's 20261125400300 fix (found there first), so either order of
-- application leaves the same function.
-- Touches: private.guard_user_role() (signature and trigger unchanged).

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
    new.decided_by := case when is_decision then coalesce(new.decided_by, caller) else new.decided_by end;
  end if;
  return new;
end $$;
