-- Purpose: org_submitted notifications are of type `organization` (the catalogue maps each kind to
-- a type, DOMAIN.md §5.1); without this they would fall into the `event` default.
-- Touches: private.notification_type_for (same signature and grants; body gains one kind).

create or replace function private.notification_type_for(kind public.notification_kind) returns public.notification_type
language sql immutable set search_path = '' as $$
  select case
    when kind in ('welcome', 'role_requested', 'role_decided', 'new_follower', 'admin_broadcast') then 'system'
    when kind in ('org_decided', 'org_membership', 'org_submitted') then 'organization'
    when kind in ('review_request', 'review_received') then 'review'
    else 'event'
  end::public.notification_type
$$;
comment on function private.notification_type_for(public.notification_kind) is 'The notification type of a catalogue kind.';
