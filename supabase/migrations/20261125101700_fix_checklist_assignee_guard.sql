-- Purpose: fix the checklist assignee guard. It tested current_user, which inside this security
-- definer trigger is always the owner, so assignees could retitle items. It now tests the caller
-- identity (auth.uid()): any caller who is not on the event team — through PostgREST or a
-- function acting for them — may only change is_completed. System jobs (no caller) are not limited.
-- Touches: private.prepare_checklist_item().

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
  if tg_op = 'UPDATE' and (select auth.uid()) is not null and not private.is_event_team(old.event_id)
     and (pg_catalog.to_jsonb(new) - array['is_completed', 'updated_at'])
         is distinct from (pg_catalog.to_jsonb(old) - array['is_completed', 'updated_at']) then
    raise exception using errcode = 'insufficient_privilege',
      message = 'Cannot edit this checklist item: assignees may only mark it completed';
  end if;
  return new;
end $$;
