-- Purpose: derived columns that triggers fill must not be required in the generated insert types
-- while clients lack the privilege to send them.
-- * event_reminders.remind_at: the trigger always computes it from the event start; a default
--   marks it optional (the default is never what is stored).
-- * event_checklist_assignments/event_checklist_item_files.event_id: clients may send it (they
--   know the event); the trigger overwrites it with the item's event, so a wrong value cannot
--   move a row into another event's policies.
-- Touches: a column default and two column grants.

alter table public.event_reminders alter column remind_at set default now();
comment on column public.event_reminders.remind_at is 'Computed by trigger: event start − option. Any value sent is replaced.';

grant insert (event_id) on public.event_checklist_assignments to authenticated;
grant insert (event_id) on public.event_checklist_item_files to authenticated;
comment on column public.event_checklist_assignments.event_id is 'The item''s event, set by trigger (a value sent is replaced).';
comment on column public.event_checklist_item_files.event_id is 'The item''s event, set by trigger (a value sent is replaced).';
