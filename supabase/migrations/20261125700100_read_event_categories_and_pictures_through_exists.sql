-- Purpose: the read policies of event_categories and event_pictures ask "can the caller see this
-- row's event?" per row (`exists`, one primary-key probe into events under the events policy)
-- instead of `event_id in (select e.id from public.events e)`, which builds a hash of EVERY event
-- the caller may see (about 850,000 at benchmark scale) before answering for one picture.
-- Same rule (DOMAIN.md §4: visible wherever the event is), same names, same roles.
-- Touches: two select policies.

drop policy "anyone reads categories of events they can see" on public.event_categories;
create policy "anyone reads categories of events they can see" on public.event_categories
  for select to anon, authenticated
  using (exists (select 1 from public.events e where e.id = event_categories.event_id));

drop policy "anyone reads pictures of events they can see" on public.event_pictures;
create policy "anyone reads pictures of events they can see" on public.event_pictures
  for select to anon, authenticated
  using (exists (select 1 from public.events e where e.id = event_pictures.event_id));
