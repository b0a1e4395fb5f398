-- Purpose: the 30-day cool-down after a rejected role request (DOMAIN.md §8 #11) lived three
-- times: this trigger, the accounts function's own check "for a friendly error", and the
-- function's `requestableAgainAt`. Now the date is one SQL function, private.role_requestable_at,
-- that the trigger and the function both read, and the trigger's refusal carries that date as its
-- DETAIL (ISO 8601), so the function only translates the named error (user_roles_request_cooldown
-- → role_request_cooldown with details.requestableAgainAt).
-- Touches: function private.role_requestable_at (new), private.guard_role_request_cooldown
-- (replaced; same rule, same message, adds DETAIL).

create function private.role_requestable_at(decided_at timestamptz) returns timestamptz
language sql immutable set search_path = '' as $$
  select role_requestable_at.decided_at + interval '30 days'
$$;
comment on function private.role_requestable_at(timestamptz) is
  'A rejected role may be requested again 30 days after the rejection (DOMAIN.md §8 #11).';

create or replace function private.guard_role_request_cooldown() returns trigger
language plpgsql set search_path = '' as $$
declare
  requestable_at timestamptz := private.role_requestable_at(old.decided_at);
  requestable_text text := pg_catalog.to_char(requestable_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
begin
  -- An admin may reopen a rejected role at once (a direct grant passes through pending).
  if old.status = 'rejected' and new.status = 'pending' and pg_catalog.now() < requestable_at
     and not private.is_admin() then
    raise exception using errcode = 'check_violation', constraint = 'user_roles_request_cooldown', table = 'user_roles',
      message = pg_catalog.format('Cannot request the %s role again before %s: it was rejected less than 30 days ago',
        new.role, requestable_text),
      detail = requestable_text;
  end if;
  return new;
end $$;
comment on function private.guard_role_request_cooldown() is
  'Trigger: rejected → pending only 30 days after the rejection (private.role_requestable_at), unless an admin reopens it; the refusal''s DETAIL is the date.';
