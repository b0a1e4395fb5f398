-- Purpose: three messages/jobs of DOMAIN §5 and §6 that were never produced (issue 15):
-- * job `expire_invitations` (hourly): pending invitations, bookings and applications of events
--   that have started become `rejected` (§6); the invitee is told (participation_decided).
-- * `task_assigned` (§5.1): a checklist assignment notifies the assignee (not when they assign
--   themselves). Assignments are written by clients through PostgREST, so a trigger does it.
-- * `proposal_comment` e-mail (§5.2): a comment e-mails the proposal's author, never the actor,
--   through the outbox in the comment's transaction. The in-app notification trigger is unchanged.
-- Touches: new functions private.job_expire_invitations, private.notify_task_assigned,
-- private.email_proposal_comment; new triggers event_checklist_assignments_notify and
-- event_proposal_comments_email; pg_cron job atas_expire_invitations (guarded).

create function private.job_expire_invitations(now timestamptz)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  expired record;
  n integer := 0;
begin
  for expired in
    update public.event_participants as p
    set status = 'rejected', responded_at = job_expire_invitations.now
    from public.events as e
    where e.id = p.event_id and p.status = 'pending'
      and p.join_method in ('invited', 'booking', 'applied')
      and e.start_datetime is not null and e.start_datetime <= job_expire_invitations.now
    returning p.id, p.user_id, p.join_method, e.id as event_id, e.title
  loop
    n := n + 1;
    if expired.user_id is not null then
      perform private.notify(expired.user_id, 'participation_decided',
        pg_catalog.format(case when expired.join_method = 'applied'
                               then 'Your application to "%s" expired: the event has started.'
                               else 'Your invitation to "%s" expired: the event has started.' end,
                          pg_catalog.left(expired.title, 200)),
        pg_catalog.format('/events/%s', expired.event_id),
        pg_catalog.jsonb_build_object('event_id', expired.event_id, 'participant_id', expired.id, 'status', 'rejected', 'reason', 'expired'),
        null);
    end if;
  end loop;
  return n;
end;
$$;
comment on function private.job_expire_invitations(timestamptz) is
  'Hourly: pending invitations, bookings and applications of started events → rejected, invitee notified. Idempotent. Returns how many.';
revoke all on function private.job_expire_invitations(timestamptz) from public, anon, authenticated, service_role;

do $$
begin
  if exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    perform cron.schedule('atas_expire_invitations', '7 * * * *', 'select private.job_expire_invitations(now())');
  end if;
end;
$$;

-- Definer: the assigner (any team member under RLS) cannot write notifications.
create function private.notify_task_assigned() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  item record;
begin
  if new.user_id is not distinct from new.assigned_by then
    return null;
  end if;
  select i.id, i.title, i.event_id into item from public.event_checklist_items i where i.id = new.item_id;
  perform private.notify(new.user_id, 'task_assigned',
    pg_catalog.format('New task "%s".', pg_catalog.left(item.title, 200)),
    pg_catalog.format('/events/%s/checklist', item.event_id),
    pg_catalog.jsonb_build_object('event_id', item.event_id, 'item_id', item.id),
    new.assigned_by);
  return null;
end $$;
comment on function private.notify_task_assigned() is 'Trigger: a checklist assignment notifies the assignee (task_assigned), unless they assigned themselves.';
revoke all on function private.notify_task_assigned() from public, anon, authenticated, service_role;
create trigger event_checklist_assignments_notify after insert on public.event_checklist_assignments
  for each row execute function private.notify_task_assigned();

-- Definer: the commenter cannot read the author's address or write the outbox.
create function private.email_proposal_comment() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  proposal record;
  commenter text;
begin
  select pr.id, pr.title, pr.event_id, pr.created_by_user_id into proposal
  from public.event_proposals pr where pr.id = new.proposal_id;
  if proposal.created_by_user_id is null or proposal.created_by_user_id = new.user_id then
    return null;
  end if;
  select pg_catalog.left(p.full_name, 120) into commenter from public.profiles p where p.user_id = new.user_id;
  perform private.enqueue_lifecycle_email(proposal.created_by_user_id, 'proposal_comment',
    pg_catalog.jsonb_build_object(
      'eventId', proposal.event_id,
      'proposalTitle', pg_catalog.left(proposal.title, 200),
      'commenterName', coalesce(commenter, 'Someone'),
      'excerpt', pg_catalog.left(new.content, 1000)),
    'proposal_comment:' || new.id);
  return null;
end $$;
comment on function private.email_proposal_comment() is
  'Trigger: a proposal comment e-mails the proposal author (proposal_comment template), never the commenter.';
revoke all on function private.email_proposal_comment() from public, anon, authenticated, service_role;
create trigger event_proposal_comments_email after insert on public.event_proposal_comments
  for each row execute function private.email_proposal_comment();
