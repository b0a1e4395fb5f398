-- Purpose: grants and row-level security for organizations, memberships, events, participants
-- and the event extras (DOMAIN.md §4). Rule-carrying writes (organization creation and decisions,
-- memberships, event status, registration, attendance, invitations) are NOT granted to
-- authenticated: edge functions do them with their own role. Plain edits are column-granted.
-- Touches: privileges and policies only.

-- ── organizations: public when approved + public; managers edit details ─────────────────────
alter table public.organizations enable row level security;
grant select on public.organizations to anon, authenticated;
grant update (name, logo_url, cover_url, description, website_url, location, type, visibility)
  on public.organizations to authenticated;
grant select, insert, update, delete on public.organizations to service_role;
create policy "anyone reads approved public organizations" on public.organizations
  for select to anon
  using (status = 'approved' and visibility = 'public' and deleted_at is null);
create policy "members read listed organizations, their own, and admins all" on public.organizations
  for select to authenticated
  using (
    (deleted_at is null and (
      (status = 'approved' and visibility = 'public')
      or ((select private.is_active()) and id in (
        select m.org_id from public.organization_members m where m.user_id = (select auth.uid())))
    ))
    or (select private.is_admin())
  );
create policy "organization managers edit details and admins any" on public.organizations
  for update to authenticated
  using ((deleted_at is null and (select private.is_active()) and id in (select private.my_organization_ids('admin')))
         or (select private.is_admin()))
  with check ((deleted_at is null and (select private.is_active()) and id in (select private.my_organization_ids('admin')))
              or (select private.is_admin()));

alter table public.organization_bank_details enable row level security;
grant select, insert (organization_id, bank_name, account_number, holder_name),
  update (bank_name, account_number, holder_name) on public.organization_bank_details to authenticated;
grant select, insert, update, delete on public.organization_bank_details to service_role;
create policy "organization managers and admins read bank details" on public.organization_bank_details
  for select to authenticated
  using (((select private.is_active()) and organization_id in (select private.my_organization_ids('admin')))
         or (select private.is_admin()));
create policy "organization managers and admins add bank details" on public.organization_bank_details
  for insert to authenticated
  with check (((select private.is_active()) and organization_id in (select private.my_organization_ids('admin')))
              or (select private.is_admin()));
create policy "organization managers and admins change bank details" on public.organization_bank_details
  for update to authenticated
  using (((select private.is_active()) and organization_id in (select private.my_organization_ids('admin')))
         or (select private.is_admin()))
  with check (((select private.is_active()) and organization_id in (select private.my_organization_ids('admin')))
              or (select private.is_admin()));

-- ── organization_members: members list their organization; outsiders see nothing ───────────
alter table public.organization_members enable row level security;
grant select on public.organization_members to authenticated;
grant select, insert, update, delete on public.organization_members to service_role;
create policy "members read their organizations' members and admins all" on public.organization_members
  for select to authenticated
  using (
    user_id = (select auth.uid())
    or ((select private.is_active()) and org_id in (select private.my_organization_ids()))
    or (select private.is_admin())
  );

-- ── events ─────────────────────────────────────────────────────────────────────────────────
alter table public.events enable row level security;
grant select on public.events to anon, authenticated;
-- No status, registration_status, counts, ratings, timestamps: the column list is the guard.
grant insert (organizer_id, organization_id, title, description, logo_url, cover_url, remark, format, type,
  start_datetime, end_datetime, timezone, registration_type, visibility, auto_accept_registration,
  is_attendance_enabled, max_participant, venue_place_id, venue_remark, price, currency)
  on public.events to authenticated;
grant update (title, description, logo_url, cover_url, remark, format, type, start_datetime, end_datetime, timezone,
  registration_type, visibility, auto_accept_registration, is_attendance_enabled, max_participant, venue_place_id,
  venue_remark, price, currency)
  on public.events to authenticated;
grant select, insert, update, delete on public.events to service_role;
-- Never drafts, never private events, never deleted ones (rule 7.5).
create policy "anyone reads public events once published" on public.events
  for select to anon
  using (deleted_at is null and visibility = 'public' and status <> 'draft');
create policy "members read public events, their own and invited ones, admins all" on public.events
  for select to authenticated
  using (
    (deleted_at is null and (
      (visibility = 'public' and status <> 'draft')
      or ((select private.is_active()) and (organizer_id = (select auth.uid()) or id in (select private.my_event_ids())))
    ))
    or (select private.is_admin())
  );
create policy "active users create draft events for themselves or their organizations" on public.events
  for insert to authenticated
  with check (
    organizer_id = (select auth.uid()) and (select private.is_active())
    and (organization_id is null or organization_id in (select private.my_organization_ids('admin')))
  );
create policy "the team edits a draft's details and admins any draft" on public.events
  for update to authenticated
  using (status = 'draft' and deleted_at is null and (select private.is_active())
         and (id in (select private.my_team_event_ids()) or (select private.is_admin())))
  with check (status = 'draft' and deleted_at is null and (select private.is_active())
              and (id in (select private.my_team_event_ids()) or (select private.is_admin())));

-- Meeting link: team and accepted participants (rule 7.7). Payment QR: any live participant row.
alter table public.event_meeting_links enable row level security;
grant select, insert (event_id, meeting_url), update (meeting_url), delete on public.event_meeting_links to authenticated;
grant select, insert, update, delete on public.event_meeting_links to service_role;
create policy "team, accepted participants and admins read the meeting link" on public.event_meeting_links
  for select to authenticated
  using (((select private.is_active()) and (event_id in (select private.my_team_event_ids())
                                             or event_id in (select private.my_accepted_event_ids())))
         or (select private.is_admin()));
create policy "the team sets the meeting link" on public.event_meeting_links
  for insert to authenticated
  with check ((select private.is_active()) and event_id in (select private.my_team_event_ids()));
create policy "the team changes the meeting link" on public.event_meeting_links
  for update to authenticated
  using ((select private.is_active()) and event_id in (select private.my_team_event_ids()))
  with check ((select private.is_active()) and event_id in (select private.my_team_event_ids()));
create policy "the team removes the meeting link" on public.event_meeting_links
  for delete to authenticated
  using ((select private.is_active()) and event_id in (select private.my_team_event_ids()));

alter table public.event_payment_details enable row level security;
grant select, insert (event_id, payment_qr_url), update (payment_qr_url), delete on public.event_payment_details to authenticated;
grant select, insert, update, delete on public.event_payment_details to service_role;
create policy "participants, team and admins read payment details" on public.event_payment_details
  for select to authenticated
  using (((select private.is_active()) and (event_id in (select private.my_team_event_ids())
                                             or event_id in (select private.my_event_ids())))
         or (select private.is_admin()));
create policy "the team sets payment details" on public.event_payment_details
  for insert to authenticated
  with check ((select private.is_active()) and event_id in (select private.my_team_event_ids()));
create policy "the team changes payment details" on public.event_payment_details
  for update to authenticated
  using ((select private.is_active()) and event_id in (select private.my_team_event_ids()))
  with check ((select private.is_active()) and event_id in (select private.my_team_event_ids()));
create policy "the team removes payment details" on public.event_payment_details
  for delete to authenticated
  using ((select private.is_active()) and event_id in (select private.my_team_event_ids()));

-- Categories and pictures are visible wherever the event is (the events policy decides).
alter table public.event_categories enable row level security;
grant select on public.event_categories to anon, authenticated;
grant insert (event_id, category_id), delete on public.event_categories to authenticated;
grant select, insert, update, delete on public.event_categories to service_role;
create policy "anyone reads categories of events they can see" on public.event_categories
  for select to anon, authenticated
  using (event_id in (select e.id from public.events e));
create policy "the team categorizes its event" on public.event_categories
  for insert to authenticated
  with check ((select private.is_active()) and event_id in (select private.my_team_event_ids()));
create policy "the team uncategorizes its event" on public.event_categories
  for delete to authenticated
  using ((select private.is_active()) and event_id in (select private.my_team_event_ids()));

alter table public.event_pictures enable row level security;
grant select on public.event_pictures to anon, authenticated;
grant insert (event_id, url, caption, sort_order), update (url, caption, sort_order), delete
  on public.event_pictures to authenticated;
grant select, insert, update, delete on public.event_pictures to service_role;
create policy "anyone reads pictures of events they can see" on public.event_pictures
  for select to anon, authenticated
  using (event_id in (select e.id from public.events e));
create policy "the team adds pictures" on public.event_pictures
  for insert to authenticated
  with check ((select private.is_active()) and event_id in (select private.my_team_event_ids()));
create policy "the team edits pictures" on public.event_pictures
  for update to authenticated
  using ((select private.is_active()) and event_id in (select private.my_team_event_ids()))
  with check ((select private.is_active()) and event_id in (select private.my_team_event_ids()));
create policy "the team removes pictures" on public.event_pictures
  for delete to authenticated
  using ((select private.is_active()) and event_id in (select private.my_team_event_ids()));

-- ── participants: read only; every write is a rule (edge functions) ─────────────────────────
-- Own row; the team sees all rows of its events (guests' e-mails, payments); accepted
-- participants see the other accepted members with accounts, never guests (rule 7.7).
alter table public.event_participants enable row level security;
grant select on public.event_participants to authenticated;
grant select, insert, update, delete on public.event_participants to service_role;
create policy "participants read their row, fellow attendees; the team and admins all" on public.event_participants
  for select to authenticated
  using (
    ((select private.is_active()) and (
      user_id = (select auth.uid())
      or event_id in (select private.my_team_event_ids())
      or (user_id is not null and status in ('accepted', 'attended') and event_id in (select private.my_accepted_event_ids()))
    ))
    or (select private.is_admin())
  );

-- ── walk-in tokens: the team (and admins read) ─────────────────────────────────────────────
alter table public.event_walk_in_tokens enable row level security;
grant select, insert (event_id, label, max_uses, expires_at, is_active), update (label, max_uses, expires_at, is_active),
  delete on public.event_walk_in_tokens to authenticated;
grant select, insert, update, delete on public.event_walk_in_tokens to service_role;
create policy "the team and admins read walk-in tokens" on public.event_walk_in_tokens
  for select to authenticated
  using (((select private.is_active()) and event_id in (select private.my_team_event_ids())) or (select private.is_admin()));
create policy "the team creates walk-in tokens" on public.event_walk_in_tokens
  for insert to authenticated
  with check ((select private.is_active()) and event_id in (select private.my_team_event_ids()));
create policy "the team changes walk-in tokens" on public.event_walk_in_tokens
  for update to authenticated
  using ((select private.is_active()) and event_id in (select private.my_team_event_ids()))
  with check ((select private.is_active()) and event_id in (select private.my_team_event_ids()));
create policy "the team deletes walk-in tokens" on public.event_walk_in_tokens
  for delete to authenticated
  using ((select private.is_active()) and event_id in (select private.my_team_event_ids()));

-- ── reminders: own, for events one takes part in ───────────────────────────────────────────
alter table public.event_reminders enable row level security;
grant select, insert (event_id, user_id, option), delete on public.event_reminders to authenticated;
grant select, insert, update, delete on public.event_reminders to service_role;
create policy "users read their own reminders" on public.event_reminders
  for select to authenticated
  using (user_id = (select auth.uid()) and (select private.is_active()));
create policy "participants set reminders for their events" on public.event_reminders
  for insert to authenticated
  with check (user_id = (select auth.uid()) and (select private.is_active())
              and event_id in (select private.my_event_ids()));
create policy "users delete their own unsent reminders" on public.event_reminders
  for delete to authenticated
  using (user_id = (select auth.uid()) and (select private.is_active()) and not is_sent);

-- ── checklist ──────────────────────────────────────────────────────────────────────────────
alter table public.event_checklist_items enable row level security;
grant select,
  insert (event_id, title, description, is_completed, visibility, audience_role, link_url, sort_order, due_datetime),
  update (title, description, is_completed, visibility, audience_role, link_url, sort_order, due_datetime),
  delete on public.event_checklist_items to authenticated;
grant select, insert, update, delete on public.event_checklist_items to service_role;
create policy "team, assignees and matching participants read checklist items" on public.event_checklist_items
  for select to authenticated
  using (
    ((select private.is_active()) and (
      event_id in (select private.my_team_event_ids())
      or id in (select a.item_id from public.event_checklist_assignments a where a.user_id = (select auth.uid()))
      or (visibility = 'external' and event_id in (select private.my_accepted_event_ids())
          and (audience_role is null or audience_role in (
            select p.role from public.event_participants p
            where p.event_id = event_checklist_items.event_id and p.user_id = (select auth.uid()))))
    ))
    or (select private.is_admin())
  );
create policy "the team adds checklist items" on public.event_checklist_items
  for insert to authenticated
  with check ((select private.is_active()) and event_id in (select private.my_team_event_ids()));
-- Assignees pass this policy too; a trigger limits them to is_completed.
create policy "the team edits checklist items and assignees complete theirs" on public.event_checklist_items
  for update to authenticated
  using ((select private.is_active()) and (
    event_id in (select private.my_team_event_ids())
    or id in (select a.item_id from public.event_checklist_assignments a where a.user_id = (select auth.uid()))))
  with check ((select private.is_active()) and (
    event_id in (select private.my_team_event_ids())
    or id in (select a.item_id from public.event_checklist_assignments a where a.user_id = (select auth.uid()))));
create policy "the team deletes checklist items" on public.event_checklist_items
  for delete to authenticated
  using ((select private.is_active()) and event_id in (select private.my_team_event_ids()));

alter table public.event_checklist_assignments enable row level security;
grant select, insert (item_id, user_id), delete on public.event_checklist_assignments to authenticated;
grant select, insert, update, delete on public.event_checklist_assignments to service_role;
create policy "assignees, the team and admins read assignments" on public.event_checklist_assignments
  for select to authenticated
  using (((select private.is_active()) and (user_id = (select auth.uid()) or event_id in (select private.my_team_event_ids())))
         or (select private.is_admin()));
create policy "the team assigns checklist items" on public.event_checklist_assignments
  for insert to authenticated
  with check ((select private.is_active()) and event_id in (select private.my_team_event_ids()));
create policy "the team unassigns checklist items" on public.event_checklist_assignments
  for delete to authenticated
  using ((select private.is_active()) and event_id in (select private.my_team_event_ids()));

alter table public.event_checklist_item_files enable row level security;
grant select, insert (item_id, proposal_id), delete on public.event_checklist_item_files to authenticated;
grant select, insert, update, delete on public.event_checklist_item_files to service_role;
create policy "the team and admins read checklist files" on public.event_checklist_item_files
  for select to authenticated
  using (((select private.is_active()) and event_id in (select private.my_team_event_ids())) or (select private.is_admin()));
create policy "the team attaches checklist files" on public.event_checklist_item_files
  for insert to authenticated
  with check ((select private.is_active()) and event_id in (select private.my_team_event_ids()));
create policy "the team detaches checklist files" on public.event_checklist_item_files
  for delete to authenticated
  using ((select private.is_active()) and event_id in (select private.my_team_event_ids()));

-- ── proposals and comments ─────────────────────────────────────────────────────────────────
alter table public.event_proposals enable row level security;
grant select, insert (event_id, created_by_user_id, title, description, file_url), update (title, description, file_url),
  delete on public.event_proposals to authenticated;
grant select, insert, update, delete on public.event_proposals to service_role;
create policy "authors, the team, linked invitees and admins read proposals" on public.event_proposals
  for select to authenticated
  using (
    ((select private.is_active()) and (
      created_by_user_id = (select auth.uid())
      or event_id in (select private.my_team_event_ids())
      or id in (select p.proposal_id from public.event_participants p where p.user_id = (select auth.uid()))
    ))
    or (select private.is_admin())
  );
create policy "the team writes proposals for its event" on public.event_proposals
  for insert to authenticated
  with check (created_by_user_id = (select auth.uid()) and (select private.is_active())
              and event_id in (select private.my_team_event_ids()));
create policy "authors edit their proposals" on public.event_proposals
  for update to authenticated
  using (created_by_user_id = (select auth.uid()) and (select private.is_active()))
  with check (created_by_user_id = (select auth.uid()) and (select private.is_active()));
create policy "authors delete their proposals" on public.event_proposals
  for delete to authenticated
  using (created_by_user_id = (select auth.uid()) and (select private.is_active()));

alter table public.event_proposal_comments enable row level security;
grant select, insert (proposal_id, user_id, content), update (content), delete on public.event_proposal_comments to authenticated;
grant select, insert, update, delete on public.event_proposal_comments to service_role;
create policy "readers of a proposal read its comments" on public.event_proposal_comments
  for select to authenticated
  using (proposal_id in (select pr.id from public.event_proposals pr));
create policy "readers of a proposal comment on it" on public.event_proposal_comments
  for insert to authenticated
  with check (user_id = (select auth.uid()) and (select private.is_active())
              and proposal_id in (select pr.id from public.event_proposals pr));
create policy "authors edit their comments" on public.event_proposal_comments
  for update to authenticated
  using (user_id = (select auth.uid()) and (select private.is_active()))
  with check (user_id = (select auth.uid()) and (select private.is_active()));
create policy "authors delete their comments" on public.event_proposal_comments
  for delete to authenticated
  using (user_id = (select auth.uid()) and (select private.is_active()));
