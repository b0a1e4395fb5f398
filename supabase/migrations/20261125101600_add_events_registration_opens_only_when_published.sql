-- Purpose: registration can be open only while an event is published (DOMAIN.md §3.5). The
-- status trigger already closes registration when an event leaves published; this check makes
-- the rule hold for direct writes too (e.g. opening registration on a draft).
-- Touches: a check constraint on public.events.

alter table public.events
  add constraint events_registration_opens_only_when_published check (registration_status = 'closed' or status = 'published');
