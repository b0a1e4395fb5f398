-- Purpose: the public event list (P1: GET /events?status=eq.published&start_datetime=gt.…&order=
-- start_datetime) keeps one plan instead of being planned again on every request (issue 16).
-- PostgREST sends filter values as parameters of prepared statements, so after five executions
-- Postgres compares a generic plan (values unknown) with the custom ones. The old partial index
-- named the value (`status = 'published'`): only a custom plan, which knows the value, could
-- prove it, so every request was planned again (pg_stat_statements on the 1M-event bench:
-- plans = calls, 0.15–0.2 ms of planning for 0.09 ms of execution). The status filter cannot
-- become an index condition either way: under RLS a user filter that is not leakproof (enum
-- equality is not) must wait for the policy's own conditions.
-- This index's predicate is the anon read policy itself (public, live, not a draft), which every
-- plan of an anon request implies; status stays a filter over rows in start order. With the
-- literal index gone, generic and custom plans use the same index and the generic one is kept
-- (measured: plans 6 of 7,344 requests; the request's p50 0.63 → 0.41 ms, equal to the owner's
-- statement without RLS). search_event_page's browse path (status = any('{published}') etc.)
-- implies the predicate too.
-- Touches: new index events_listing_public_start_idx; drops events_listing_start_idx.
create index events_listing_public_start_idx on public.events (start_datetime, id)
  where visibility = 'public' and deleted_at is null and status <> 'draft';
drop index public.events_listing_start_idx;
