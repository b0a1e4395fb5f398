-- Purpose: a rejected role may be requested again only 30 days after the rejection (DOMAIN.md
-- §8 #11), whichever path writes the row. The accounts function checks first for a friendly
-- error with the date; this trigger makes the rule hold for every other path too.
-- Touches: new trigger function private.guard_role_request_cooldown, trigger on public.user_roles.

create function private.guard_role_request_cooldown() returns trigger
language plpgsql set search_path = '' as $$
declare
  requestable_at timestamptz := old.decided_at + interval '30 days';
begin
  -- An admin may reopen a rejected role at once (a direct grant passes through pending).
  if old.status = 'rejected' and new.status = 'pending' and pg_catalog.now() < requestable_at
     and not private.is_admin() then
    raise exception using errcode = 'check_violation', constraint = 'user_roles_request_cooldown', table = 'user_roles',
      message = pg_catalog.format('Cannot request the %s role again before %s: it was rejected less than 30 days ago',
        new.role, pg_catalog.to_char(requestable_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
  end if;
  return new;
end $$;
comment on function private.guard_role_request_cooldown() is
  'Trigger: rejected → pending only 30 days after the rejection, unless an admin reopens it.';

create trigger user_roles_request_cooldown before update of status on public.user_roles
  for each row execute function private.guard_role_request_cooldown();
