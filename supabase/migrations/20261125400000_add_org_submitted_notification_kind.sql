-- Purpose: a notification kind for "an organization waits for review" (DOMAIN.md §3.3: on create
-- and resubmit, every admin is notified). The catalogue's org_decided/org_membership are about
-- decisions and memberships; admins need their own kind to filter their queue.
-- Touches: enum public.notification_kind (adds one value; nothing removed).
-- Its own migration: a new enum value cannot be used in the transaction that adds it.

alter type public.notification_kind add value if not exists 'org_submitted' after 'org_membership';
