-- Purpose: walk-in token rules that only the attendance function checked, while PostgREST grants
-- the team insert/update of the same columns (issue 14, DOMAIN.md §3.6 G, §3.8): a token only for
-- a live event (draft or published, not deleted, not over), expiring no later than the event's
-- end, and a deactivated token never active again (active → deactivated / exhausted / expired).
-- Named constraints for the functions to translate:
--   event_walk_in_tokens_event_is_live, event_walk_in_tokens_expiry_within_event,
--   event_walk_in_tokens_never_reactivated, event_walk_in_tokens_event_is_fixed.
-- The named system path (private.is_system_path(): seed, owner fixtures, jobs) is exempt: it
-- records history. Definer: the events policy must not hide the event from the check.
-- Touches: new trigger function private.hold_walk_in_token_rules(), trigger
-- event_walk_in_tokens_hold_rules (runs before the existing event_walk_in_tokens_prepare).

create function private.hold_walk_in_token_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  ev record;
begin
  if private.is_system_path() then
    return new;
  end if;
  select e.title, e.status, e.end_datetime, e.deleted_at into ev from public.events e where e.id = new.event_id;
  if tg_op = 'INSERT' then
    if ev.status not in ('draft', 'published') or ev.deleted_at is not null or ev.end_datetime <= pg_catalog.now() then
      raise exception using errcode = 'check_violation', constraint = 'event_walk_in_tokens_event_is_live',
        table = 'event_walk_in_tokens',
        message = pg_catalog.format('Cannot create a walk-in token: "%s" is %s', ev.title,
          case when ev.deleted_at is not null then 'deleted' when ev.status in ('ended', 'cancelled') then ev.status::text else 'over' end);
    end if;
    new.expires_at := coalesce(new.expires_at, ev.end_datetime);
    if new.expires_at <= pg_catalog.now() or new.expires_at > ev.end_datetime then
      raise exception using errcode = 'check_violation', constraint = 'event_walk_in_tokens_expiry_within_event',
        table = 'event_walk_in_tokens',
        message = pg_catalog.format('Cannot set the walk-in token''s expiry to %s: it must be in the future and not after the end of "%s" (%s)',
          new.expires_at, ev.title, ev.end_datetime);
    end if;
    return new;
  end if;

  if new.event_id is distinct from old.event_id then
    raise exception using errcode = 'check_violation', constraint = 'event_walk_in_tokens_event_is_fixed',
      table = 'event_walk_in_tokens', message = 'Cannot move a walk-in token to another event: create a new one';
  end if;
  if new.is_active and not old.is_active then
    raise exception using errcode = 'check_violation', constraint = 'event_walk_in_tokens_never_reactivated',
      table = 'event_walk_in_tokens', message = 'Cannot reactivate a walk-in token: create a new one';
  end if;
  if new.expires_at is distinct from old.expires_at and (new.expires_at is null or new.expires_at > ev.end_datetime) then
    raise exception using errcode = 'check_violation', constraint = 'event_walk_in_tokens_expiry_within_event',
      table = 'event_walk_in_tokens',
      message = pg_catalog.format('Cannot extend the walk-in token past the end of "%s" (%s)', ev.title, ev.end_datetime);
  end if;
  return new;
end $$;
comment on function private.hold_walk_in_token_rules() is
  'Walk-in tokens: live events only, expiry within the event, never reactivated (DOMAIN.md §3.8). Named system path exempt.';
create trigger event_walk_in_tokens_hold_rules before insert or update on public.event_walk_in_tokens
  for each row execute function private.hold_walk_in_token_rules();
