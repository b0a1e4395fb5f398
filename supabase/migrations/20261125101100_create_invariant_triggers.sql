-- Purpose: invariants no single CHECK can hold (DOMAIN.md §2, §3; rules 7.9, 7.10, 7.13, 7.14):
-- event defaults, time zone, time-locked core fields, the organizer's participant row, a single
-- organization owner, audience capacity under a row lock, FIFO waitlist positions, participant
-- timestamps, derived counts and ratings, per-profile/per-event limits, reminder and checklist
-- rules, and the append-only audit log.
-- Touches: trigger functions in private; triggers on the domain tables.
--
-- Trigger functions that run for a PostgREST write by `authenticated` but must read or write rows
-- that role cannot (counts, locks on a parent row) are `security definer`; none is executable by
-- any client role (triggers need no EXECUTE grant).

-- ── events ──────────────────────────────────────────────────────────────────────────────────
create function private.prepare_event() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' and new.type is null then
    new.type := case when new.format = 'webinar' then 'online' else 'physical' end::public.event_type;
  end if;
  if tg_op = 'INSERT' or new.timezone is distinct from old.timezone then
    if not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = new.timezone) then
      raise exception using errcode = 'check_violation', constraint = 'events_timezone_is_known', table = 'events',
        message = pg_catalog.format('Cannot use time zone "%s": it is not a known IANA zone', new.timezone);
    end if;
  end if;
  if tg_op = 'UPDATE' then
    -- Core fields are fixed once the event is over, or once a published event has started (§3.4).
    if (new.title, new.start_datetime, new.end_datetime, new.timezone, new.type, new.venue_place_id,
        new.venue_remark, new.price, new.currency, new.registration_type, new.max_participant)
       is distinct from
       (old.title, old.start_datetime, old.end_datetime, old.timezone, old.type, old.venue_place_id,
        old.venue_remark, old.price, old.currency, old.registration_type, old.max_participant)
       and (old.status in ('ended', 'cancelled')
            or (old.status = 'published' and old.start_datetime <= pg_catalog.now())) then
      raise exception using errcode = 'check_violation', constraint = 'events_core_fields_locked', table = 'events',
        message = pg_catalog.format('Cannot change the details of event "%s": it is %s', old.title,
          case when old.status = 'published' then 'already under way' else old.status::text end);
    end if;
    if new.max_participant is distinct from old.max_participant and new.max_participant < new.participant_count then
      raise exception using errcode = 'check_violation', constraint = 'events_max_participant_covers_participants',
        table = 'events',
        message = pg_catalog.format('Cannot lower the capacity of event "%s" to %s: %s seats are taken',
          new.title, new.max_participant, new.participant_count);
    end if;
  end if;
  return new;
end $$;
create trigger events_prepare before insert or update on public.events
  for each row execute function private.prepare_event();

-- Definer: an event created through PostgREST gets its organizer row, which authenticated cannot insert.
create function private.add_event_organizer() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.event_participants (event_id, user_id, role, join_method, status, responded_at)
  values (new.id, new.organizer_id, 'organizer', 'organizer', 'accepted', pg_catalog.now());
  return new;
end $$;
create trigger events_add_organizer after insert on public.events
  for each row execute function private.add_event_organizer();

-- ── organizations: exactly one owner, equal to owner_id (rule 7.14) ────────────────────────
create function private.add_organization_owner() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.organization_members (org_id, user_id, role, status)
  values (new.id, new.owner_id, 'owner', 'active');
  return new;
end $$;
create trigger organizations_add_owner after insert on public.organizations
  for each row execute function private.add_organization_owner();

-- Deferred to commit: a transfer changes owner_id and two membership rows in one transaction.
create function private.check_organization_owner() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  target uuid;
  owner uuid;
begin
  if tg_table_name = 'organizations' then
    target := new.id;
  elsif tg_op = 'DELETE' then
    target := old.org_id;
  else
    target := new.org_id;
  end if;
  select o.owner_id into owner from public.organizations o where o.id = target;
  if not found then
    return null;
  end if;
  if (select count(*) from public.organization_members m where m.org_id = target and m.role = 'owner') <> 1
     or not exists (select 1 from public.organization_members m
                    where m.org_id = target and m.role = 'owner' and m.user_id = owner) then
    raise exception using errcode = 'check_violation', constraint = 'organizations_single_owner', table = 'organizations',
      message = 'Cannot leave an organization without exactly one owner: the owner member must match owner_id';
  end if;
  return null;
end $$;
create constraint trigger organizations_single_owner after insert or update of owner_id on public.organizations
  deferrable initially deferred for each row execute function private.check_organization_owner();
create constraint trigger organization_members_single_owner after insert or update or delete on public.organization_members
  deferrable initially deferred for each row execute function private.check_organization_owner();

-- ── participants: capacity under a lock, FIFO waitlist, timestamps (rules 7.9, 7.11) ────────
create function private.prepare_participant() returns trigger
language plpgsql set search_path = '' as $$
declare
  audience constant public.event_participant_role[] := array['audience', 'student', 'teacher'];
  seat constant public.event_participant_status[] := array['accepted', 'attended'];
  takes_seat boolean := new.role = any (audience) and new.status = any (seat);
  took_seat boolean := tg_op = 'UPDATE' and old.role = any (audience) and old.status = any (seat);
  capacity integer;
  event_title text;
  taken integer;
begin
  if tg_op = 'UPDATE' and new.status is not distinct from old.status and new.role is not distinct from old.role
     and new.waitlist_position is not distinct from old.waitlist_position then
    return new;
  end if;
  -- Every status/role change locks the event row first: concurrent registrations queue here, so
  -- the count below cannot be stale. `no key update` still lets foreign-key checks through.
  select e.max_participant, e.title into capacity, event_title
  from public.events e where e.id = new.event_id for no key update;

  -- Walk-ins are an on-site call and ignore capacity (DOMAIN.md §8 #4); they still count.
  if takes_seat and not took_seat and capacity is not null and new.join_method <> 'walk_in' then
    select count(*) into taken from public.event_participants p
    where p.event_id = new.event_id and p.id <> new.id and p.role = any (audience) and p.status = any (seat);
    if taken >= capacity then
      raise exception using errcode = 'check_violation', constraint = 'event_participants_capacity_available',
        table = 'event_participants',
        message = pg_catalog.format('Cannot accept another participant for event "%s": all %s seats are taken',
          event_title, capacity);
    end if;
  end if;

  if new.status = 'waitlisted' then
    if tg_op = 'INSERT' or old.status <> 'waitlisted' or new.waitlist_position is null then
      select coalesce(max(p.waitlist_position), 0) + 1 into new.waitlist_position
      from public.event_participants p where p.event_id = new.event_id;
    end if;
  else
    new.waitlist_position := null;
  end if;

  if new.status = 'attended' and (tg_op = 'INSERT' or old.status <> 'attended') then
    new.attended_at := coalesce(new.attended_at, pg_catalog.now());
  end if;
  if tg_op = 'UPDATE' and old.status = 'pending' and new.status <> 'pending' then
    new.responded_at := pg_catalog.now();
  end if;
  return new;
end $$;
create trigger event_participants_prepare before insert or update on public.event_participants
  for each row execute function private.prepare_participant();

create function private.refresh_participant_count() returns trigger
language plpgsql set search_path = '' as $$
declare
  target uuid := case when tg_op = 'DELETE' then old.event_id else new.event_id end;
begin
  update public.events e set participant_count = (
    select count(*) from public.event_participants p
    where p.event_id = target and p.role in ('audience', 'student', 'teacher') and p.status in ('accepted', 'attended')
  )
  where e.id = target;
  return null;
end $$;
create trigger event_participants_refresh_count after insert or delete or update of status, role
  on public.event_participants for each row execute function private.refresh_participant_count();

-- ── limits: ≤ 3 tags per profile, ≤ 3 categories per event (parent row locked, then counted) ─
create function private.limit_profile_tags() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform 1 from public.profiles p where p.user_id = new.profile_id for no key update;
  if (select count(*) from public.profile_tags t where t.profile_id = new.profile_id) >= 3 then
    raise exception using errcode = 'check_violation', constraint = 'profile_tags_at_most_three', table = 'profile_tags',
      message = 'Cannot add another tag: a profile has at most 3 tags';
  end if;
  return new;
end $$;
create trigger profile_tags_limit before insert on public.profile_tags
  for each row execute function private.limit_profile_tags();

create function private.limit_event_categories() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform 1 from public.events e where e.id = new.event_id for no key update;
  if (select count(*) from public.event_categories c where c.event_id = new.event_id) >= 3 then
    raise exception using errcode = 'check_violation', constraint = 'event_categories_at_most_three',
      table = 'event_categories', message = 'Cannot add another category: an event has at most 3 categories';
  end if;
  return new;
end $$;
create trigger event_categories_limit before insert on public.event_categories
  for each row execute function private.limit_event_categories();

-- ── walk-in tokens expire with the event by default ────────────────────────────────────────
create function private.prepare_walk_in_token() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.expires_at is null then
    select e.end_datetime into new.expires_at from public.events e where e.id = new.event_id;
  end if;
  return new;
end $$;
create trigger event_walk_in_tokens_prepare before insert on public.event_walk_in_tokens
  for each row execute function private.prepare_walk_in_token();

-- ── reminders: remind_at = start − option; never in the past ───────────────────────────────
create function private.prepare_reminder() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  starts_at timestamptz;
begin
  select e.start_datetime into starts_at from public.events e where e.id = new.event_id;
  if starts_at is null then
    raise exception using errcode = 'check_violation', constraint = 'event_reminders_event_has_start',
      table = 'event_reminders', message = 'Cannot set a reminder: the event has no start time';
  end if;
  new.remind_at := starts_at - case new.option
    when 'one_week' then interval '7 days' when 'three_days' then interval '3 days' else interval '1 day' end;
  if new.remind_at <= pg_catalog.now() and not new.is_sent then
    raise exception using errcode = 'check_violation', constraint = 'event_reminders_remind_at_is_future',
      table = 'event_reminders',
      message = pg_catalog.format('Cannot set a %s reminder: that moment has already passed', new.option);
  end if;
  return new;
end $$;
create trigger event_reminders_prepare before insert or update of option, event_id on public.event_reminders
  for each row execute function private.prepare_reminder();

-- ── checklist ──────────────────────────────────────────────────────────────────────────────
create function private.prepare_checklist_item() returns trigger
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
  if tg_op = 'UPDATE' and current_user = 'authenticated' and not private.is_event_team(old.event_id)
     and (pg_catalog.to_jsonb(new) - array['is_completed', 'updated_at'])
         is distinct from (pg_catalog.to_jsonb(old) - array['is_completed', 'updated_at']) then
    raise exception using errcode = 'insufficient_privilege',
      message = 'Cannot edit this checklist item: assignees may only mark it completed';
  end if;
  return new;
end $$;
create trigger event_checklist_items_prepare before insert or update on public.event_checklist_items
  for each row execute function private.prepare_checklist_item();

create function private.check_checklist_assignee() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  item_event uuid;
begin
  select i.event_id into item_event from public.event_checklist_items i where i.id = new.item_id;
  new.event_id := item_event;
  if not exists (
    select 1 from public.events e where e.id = item_event and e.organizer_id = new.user_id
  ) and not exists (
    select 1 from public.event_participants p
    where p.event_id = item_event and p.user_id = new.user_id and p.status in ('accepted', 'attended')
  ) then
    raise exception using errcode = 'check_violation', constraint = 'event_checklist_assignments_assignee_takes_part',
      table = 'event_checklist_assignments',
      message = 'Cannot assign this task: the assignee is not on the team or an accepted participant';
  end if;
  return new;
end $$;
create trigger event_checklist_assignments_check before insert or update on public.event_checklist_assignments
  for each row execute function private.check_checklist_assignee();

create function private.check_checklist_file() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  select i.event_id into new.event_id from public.event_checklist_items i where i.id = new.item_id;
  if new.event_id is distinct from (select pr.event_id from public.event_proposals pr where pr.id = new.proposal_id) then
    raise exception using errcode = 'check_violation', constraint = 'event_checklist_item_files_same_event',
      table = 'event_checklist_item_files', message = 'Cannot attach a proposal of another event';
  end if;
  return new;
end $$;
create trigger event_checklist_item_files_check before insert or update on public.event_checklist_item_files
  for each row execute function private.check_checklist_file();

-- ── reviews: aggregates recomputed on every change (rule 7.10: no stale averages) ──────────
create function private.refresh_review_aggregates() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  row_ public.reviews;
begin
  foreach row_ in array case tg_op when 'INSERT' then array[new] when 'DELETE' then array[old] else array[old, new] end
  loop
    if row_.event_id is not null then
      update public.events e set (reviews_count, average_rating) = (
        select count(*), round(avg(r.rating), 2) from public.reviews r where r.event_id = row_.event_id and r.deleted_at is null
      ) where e.id = row_.event_id;
    end if;
    if row_.reviewee_id is not null then
      update public.profiles p set (reviews_count, average_rating) = (
        select count(*), round(avg(r.rating), 2) from public.reviews r where r.reviewee_id = row_.reviewee_id and r.deleted_at is null
      ) where p.user_id = row_.reviewee_id;
    end if;
    if row_.org_id is not null then
      update public.organizations o set (reviews_count, average_rating) = (
        select count(*), round(avg(r.rating), 2) from public.reviews r where r.org_id = row_.org_id and r.deleted_at is null
      ) where o.id = row_.org_id;
    end if;
  end loop;
  return null;
end $$;
create trigger reviews_refresh_aggregates after insert or delete or update of rating, deleted_at, event_id, reviewee_id, org_id
  on public.reviews for each row execute function private.refresh_review_aggregates();

-- ── follows: follower counts (not writable by anyone else) ─────────────────────────────────
create function private.count_follow() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  f public.follows := case when tg_op = 'DELETE' then old else new end;
  delta integer := case when tg_op = 'DELETE' then -1 else 1 end;
begin
  update public.profiles set following_count = following_count + delta where user_id = f.follower_id;
  if f.followee_id is not null then
    update public.profiles set followers_count = followers_count + delta where user_id = f.followee_id;
  else
    update public.organizations set followers_count = followers_count + delta where id = f.org_id;
  end if;
  return null;
end $$;
create trigger follows_count after insert or delete on public.follows
  for each row execute function private.count_follow();

-- ── onboarding completion marks the profile ────────────────────────────────────────────────
create function private.mark_profile_onboarded() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.profiles set is_onboarded = true where user_id = new.user_id;
  return null;
end $$;
create trigger user_onboardings_mark_profile after update of status on public.user_onboardings
  for each row when (new.status = 'completed' and old.status <> 'completed')
  execute function private.mark_profile_onboarded();

-- ── proposal comments notify the organizer and the proposal's author, never the actor ─────
create function private.notify_proposal_comment() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  proposal record;
  recipient uuid;
begin
  select pr.id, pr.title, pr.created_by_user_id, e.organizer_id, e.id as event_id into proposal
  from public.event_proposals pr join public.events e on e.id = pr.event_id where pr.id = new.proposal_id;
  for recipient in
    select distinct r from unnest(array[proposal.organizer_id, proposal.created_by_user_id]) as r
    where r is distinct from new.user_id
  loop
    perform private.notify(recipient, 'proposal_comment',
      pg_catalog.format('New comment on the proposal "%s"', pg_catalog.left(proposal.title, 200)),
      pg_catalog.format('/events/%s/proposals/%s', proposal.event_id, proposal.id),
      pg_catalog.jsonb_build_object('proposal_id', proposal.id, 'comment_id', new.id, 'event_id', proposal.event_id),
      new.user_id);
  end loop;
  return null;
end $$;
create trigger event_proposal_comments_notify after insert on public.event_proposal_comments
  for each row execute function private.notify_proposal_comment();

-- ── audit log: append-only for every role, owner included ──────────────────────────────────
create function private.refuse_audit_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  raise exception using errcode = 'insufficient_privilege',
    message = 'Cannot change the audit log: it is append-only';
end $$;
create trigger audit_logs_append_only before update or delete on public.audit_logs
  for each row execute function private.refuse_audit_change();
create trigger audit_logs_no_truncate before truncate on public.audit_logs
  for each statement execute function private.refuse_audit_change();
