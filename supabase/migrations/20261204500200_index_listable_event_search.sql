-- Purpose: search of listable events reads only listable matches (issue 16). search_event_page
-- filters matches by status = 'published', visibility = 'public', deleted_at is null; the full
-- GIN index hands it every event containing the words (a common topic word: ~50,000 of 1M
-- events, of which ~12,500 are listable), and each is fetched from the heap only to be dropped.
-- A partial GIN index with exactly that predicate returns the listable matches alone (~4× fewer
-- heap visits for a common word). The full index stays for searches that are not listings.
-- Touches: new index events_listed_search_idx. Nothing else.
create index events_listed_search_idx on public.events using gin (search_vector)
  where status = 'published' and visibility = 'public' and deleted_at is null;
