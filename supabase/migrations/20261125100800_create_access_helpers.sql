-- Purpose: the policy helpers of DOMAIN.md §4 and private.notify. The helpers read the CURRENT
-- rows (not the token's claims), so a suspension, a revoked role or a removed committee member
-- loses access at once even with an old token (rule 7.2).
-- Touches: functions in schema private only.
--
-- They are `security definer` because policies on the very tables they read call them (invoker
-- rights would recurse through those policies) and anon must evaluate them without table grants.
-- Each is `stable`, has `search_path = ''` and names every object with its schema.

create function private.is_active() returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.users u
    where u.id = (select auth.uid()) and u.status = 'active' and u.deleted_at is null
  )
$$;
comment on function private.is_active() is 'The caller''s account exists, is active and not deleted (now, not per token).';

create function private.has_role(wanted public.app_role) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.user_roles r
    where r.user_id = (select auth.uid()) and r.role = wanted and r.status = 'approved'
  )
$$;
comment on function private.has_role(public.app_role) is 'The caller holds this role with status approved.';

create function private.is_admin() returns boolean
language sql stable security definer set search_path = '' as $$
  select private.is_active() and private.has_role('admin')
$$;
comment on function private.is_admin() is 'The caller is an active, approved admin.';

create function private.is_event_team(event_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.events e
    where e.id = is_event_team.event_id and e.organizer_id = (select auth.uid())
  ) or exists (
    select 1 from public.event_participants p
    where p.event_id = is_event_team.event_id and p.user_id = (select auth.uid())
      and p.role in ('organizer', 'committee') and p.status = 'accepted'
  )
$$;
comment on function private.is_event_team(uuid) is 'Caller is the organizer or an ACCEPTED committee member (rule 7.4).';

create function private.is_accepted_participant(event_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.event_participants p
    where p.event_id = is_accepted_participant.event_id and p.user_id = (select auth.uid())
      and p.status in ('accepted', 'attended')
  )
$$;
comment on function private.is_accepted_participant(uuid) is 'Caller has an accepted (or attended) row in the event.';

create function private.my_team_event_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select e.id from public.events e where e.organizer_id = (select auth.uid())
  union
  select p.event_id from public.event_participants p
  where p.user_id = (select auth.uid()) and p.role in ('organizer', 'committee') and p.status = 'accepted'
$$;
comment on function private.my_team_event_ids() is 'Events the caller organizes or is accepted committee of (for `in (select …)` policies).';

create function private.my_accepted_event_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select p.event_id from public.event_participants p
  where p.user_id = (select auth.uid()) and p.status in ('accepted', 'attended')
$$;
comment on function private.my_accepted_event_ids() is 'Events where the caller is an accepted (or attended) participant.';

create function private.my_event_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select p.event_id from public.event_participants p
  where p.user_id = (select auth.uid()) and p.status <> 'rejected'
$$;
comment on function private.my_event_ids() is
  'Events where the caller has a live participant row of any kind (invitees included: they may see a draft or private event).';

create function private.my_organization_ids(min_role public.organization_role default 'member')
returns setof uuid
language sql stable security definer set search_path = '' as $$
  select m.org_id from public.organization_members m
  where m.user_id = (select auth.uid()) and m.status = 'active' and m.role >= min_role
$$;
comment on function private.my_organization_ids(public.organization_role) is
  'Organizations where the caller is an active member with at least this role (enum order member < admin < owner).';

create function private.is_org_manager(org_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.organization_members m
    join public.organizations o on o.id = m.org_id
    where m.org_id = is_org_manager.org_id and m.user_id = (select auth.uid())
      and m.status = 'active' and m.role in ('owner', 'admin') and o.deleted_at is null
  )
$$;
comment on function private.is_org_manager(uuid) is 'Caller is an active owner or admin of a live organization.';

create function private.is_visible_profile(user_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.profiles p join public.users u on u.id = p.user_id
    where p.user_id = is_visible_profile.user_id and p.visibility = 'public'
      and u.status = 'active' and u.deleted_at is null
  )
$$;
comment on function private.is_visible_profile(uuid) is
  'A public profile of an active, undeleted account: what anyone may see (suspended users disappear at once).';

create function private.is_approved_expert(user_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.user_roles r
    where r.user_id = is_approved_expert.user_id and r.role = 'expert' and r.status = 'approved'
  )
$$;
comment on function private.is_approved_expert(uuid) is 'Reviews about approved experts are public (DOMAIN.md §3.7, rule 7.8).';

-- Helpers are executable only by the roles whose policies use them.
grant execute on function private.is_active(), private.has_role(public.app_role), private.is_admin(),
  private.is_event_team(uuid), private.is_accepted_participant(uuid), private.my_team_event_ids(),
  private.my_accepted_event_ids(), private.my_event_ids(), private.my_organization_ids(public.organization_role),
  private.is_org_manager(uuid)
  to authenticated, service_role;
grant execute on function private.is_visible_profile(uuid), private.is_approved_expert(uuid)
  to anon, authenticated, service_role;

-- Notifications: type follows from the catalogue key (DOMAIN.md §5.1).
create function private.notification_type_for(kind public.notification_kind) returns public.notification_type
language sql immutable set search_path = '' as $$
  select case
    when kind in ('welcome', 'role_requested', 'role_decided', 'new_follower', 'admin_broadcast') then 'system'
    when kind in ('org_decided', 'org_membership') then 'organization'
    when kind in ('review_request', 'review_received') then 'review'
    else 'event'
  end::public.notification_type
$$;
comment on function private.notification_type_for(public.notification_kind) is 'The notification type of a catalogue kind.';

-- Invoker rights: callers are edge functions (their own role), the service role and definer triggers.
create function private.notify(
  recipient_id uuid,
  kind public.notification_kind,
  content text,
  link_url text default null,
  data jsonb default '{}',
  actor_id uuid default null
) returns uuid
language sql volatile set search_path = '' as $$
  insert into public.notifications (recipient_id, actor_id, type, kind, content, link_url, data)
  values (notify.recipient_id, notify.actor_id, private.notification_type_for(notify.kind), notify.kind,
          pg_catalog.left(notify.content, 500), notify.link_url, coalesce(notify.data, '{}'))
  returning id
$$;
comment on function private.notify(uuid, public.notification_kind, text, text, jsonb, uuid) is
  'Writes one notification row (content cut to 500 characters). Every transition calls it in its own transaction.';
grant execute on function private.notification_type_for(public.notification_kind) to service_role;
grant execute on function private.notify(uuid, public.notification_kind, text, text, jsonb, uuid) to service_role;
