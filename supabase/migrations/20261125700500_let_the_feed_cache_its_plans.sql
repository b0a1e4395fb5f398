-- Purpose: my_feed and its page helper private.feed_page keep their cached plans instead of
-- planning their statements again on every call (`plan_cache_mode = force_custom_plan`).
-- Why: planning the feed's statements cost more than running them — on the seed data a call took
-- 0.70 ms at best (1.10 ms mean over 300 calls) with forced custom plans and 0.20 ms (0.24 ms)
-- with cached ones; `npm run bench` (P2, 1,000,000 events) shows the same. Their plans do not
-- depend on the parameters' values: every branch is driven by the caller's own follows and
-- participations (index probes per row), so a generic plan is the custom plan. search_events
-- keeps custom plans: its optional filters do change the best plan.
-- Touches: settings of public.my_feed and private.feed_page only.

alter function public.my_feed(text, integer) reset plan_cache_mode;
alter function private.feed_page(timestamptz, uuid, integer) reset plan_cache_mode;
