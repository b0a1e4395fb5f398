-- Purpose: a rejected or removed participant cannot simply register again (issue 14, DOMAIN.md
-- §3.6 B/I/J, rule 20). `leave` deleted rejected rows and removal deleted the row, so the next
-- registration started from nothing. Now:
--   * removal marks the row `rejected` (its history and the "no" stay); the transition
--     accepted → rejected is added to the state machine for it (pending/waitlisted → rejected
--     existed already);
--   * a decided row — rejected, attended or absent — is never deleted, whoever asks (constraint
--     `event_participants_decided_rows_are_kept`); leaving or withdrawing deletes only live
--     rows (pending, waitlisted, accepted), as DOMAIN.md §8 #10 says. Exempt: the named system
--     path (private.is_system_path(): seed, owner fixtures, jobs) and the cascade of an event
--     that is itself deleted (its row is gone by then).
-- Touches: replaces private.guard_participant_status() (from 20261125101000: one transition
-- added, nothing else); new private.keep_decided_participants() and trigger
-- event_participants_keep_decided_rows.

create or replace function private.guard_participant_status() returns trigger
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
      'accepted>attended', 'accepted>absent', 'accepted>pending', 'accepted>rejected',
      'absent>attended', 'rejected>pending'
    ]) then
    -- Only accepted rows become attended (rules 7.3, 7.11). accepted → rejected: removal (§3.6 J).
    raise exception using errcode = 'check_violation', constraint = 'event_participants_status_transition',
      table = 'event_participants',
      message = pg_catalog.format('Cannot move a participant from %s to %s', old.status, new.status);
  end if;
  return new;
end $$;

-- Definer: the check must see the event even where the caller's policies would hide it.
create function private.keep_decided_participants() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if old.status in ('rejected', 'attended', 'absent')
     and not private.is_system_path()
     and exists (select 1 from public.events e where e.id = old.event_id) then
    raise exception using errcode = 'check_violation', constraint = 'event_participants_decided_rows_are_kept',
      table = 'event_participants',
      message = pg_catalog.format('Cannot delete a participant who is %s: the decision stays on record', old.status);
  end if;
  return old;
end $$;
comment on function private.keep_decided_participants() is
  'Rejected, attended and absent participant rows are history: never deleted (rule 20), so a rejected or removed person cannot re-register.';
create trigger event_participants_keep_decided_rows before delete on public.event_participants
  for each row execute function private.keep_decided_participants();
