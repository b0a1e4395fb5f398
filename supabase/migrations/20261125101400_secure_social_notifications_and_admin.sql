-- Purpose: grants and row-level security for reviews, follows, notifications, notification
-- preferences and the admin tables (DOMAIN.md §4). Reviews are written only by the reviews
-- function; notifications only by transitions and the service role; the audit log only appended.
-- Touches: privileges and policies only.

-- ── reviews: public about approved experts and organizations; else the two parties and admins
alter table public.reviews enable row level security;
grant select on public.reviews to anon, authenticated;
grant select, insert, update, delete on public.reviews to service_role;
create policy "anyone reads live reviews of approved experts and organizations" on public.reviews
  for select to anon
  using (deleted_at is null and (org_id is not null or private.is_approved_expert(reviewee_id)));
create policy "members read public reviews and their own; admins all" on public.reviews
  for select to authenticated
  using (
    (deleted_at is null and (
      org_id is not null
      or reviewer_id = (select auth.uid())
      or reviewee_id = (select auth.uid())
      or private.is_approved_expert(reviewee_id)
    ))
    or (select private.is_admin())
  );

-- ── follows: between visible parties only (no global dump of private people, rule 7.7) ─────
alter table public.follows enable row level security;
grant select on public.follows to anon, authenticated;
grant insert (follower_id, followee_id, org_id), delete on public.follows to authenticated;
grant select, insert, update, delete on public.follows to service_role;
create policy "anyone reads follows between visible profiles and organizations" on public.follows
  for select to anon
  using (
    private.is_visible_profile(follower_id)
    and (followee_id is null or private.is_visible_profile(followee_id))
    and (org_id is null or org_id in (select o.id from public.organizations o))
  );
create policy "members read their own follows and those between visible parties" on public.follows
  for select to authenticated
  using (
    follower_id = (select auth.uid())
    or followee_id = (select auth.uid())
    or (select private.is_admin())
    or (private.is_visible_profile(follower_id)
        and (followee_id is null or private.is_visible_profile(followee_id))
        and (org_id is null or org_id in (select o.id from public.organizations o)))
  );
create policy "active users follow visible people and listed organizations" on public.follows
  for insert to authenticated
  with check (
    follower_id = (select auth.uid()) and (select private.is_active())
    and (followee_id is null or private.is_visible_profile(followee_id))
    and (org_id is null or org_id in (
      select o.id from public.organizations o where o.status = 'approved' and o.deleted_at is null))
  );
create policy "active users unfollow" on public.follows
  for delete to authenticated
  using (follower_id = (select auth.uid()) and (select private.is_active()));

-- ── notifications: the recipient reads them and flips is_read, nothing else ────────────────
alter table public.notifications enable row level security;
grant select, update (is_read) on public.notifications to authenticated;
grant select, insert, update, delete on public.notifications to service_role;
create policy "recipients read their notifications" on public.notifications
  for select to authenticated
  using (recipient_id = (select auth.uid()) and (select private.is_active()));
create policy "recipients mark their notifications read" on public.notifications
  for update to authenticated
  using (recipient_id = (select auth.uid()) and (select private.is_active()))
  with check (recipient_id = (select auth.uid()) and (select private.is_active()));

alter table public.notification_preferences enable row level security;
grant select, insert (user_id, kind, email_enabled), update (email_enabled), delete
  on public.notification_preferences to authenticated;
grant select, insert, update, delete on public.notification_preferences to service_role;
create policy "users read their notification preferences" on public.notification_preferences
  for select to authenticated
  using (user_id = (select auth.uid()) and (select private.is_active()));
create policy "users add their notification preferences" on public.notification_preferences
  for insert to authenticated
  with check (user_id = (select auth.uid()) and (select private.is_active()));
create policy "users change their notification preferences" on public.notification_preferences
  for update to authenticated
  using (user_id = (select auth.uid()) and (select private.is_active()))
  with check (user_id = (select auth.uid()) and (select private.is_active()));
create policy "users reset their notification preferences" on public.notification_preferences
  for delete to authenticated
  using (user_id = (select auth.uid()) and (select private.is_active()));

-- ── admin tables ───────────────────────────────────────────────────────────────────────────
alter table public.email_templates enable row level security;
grant select, insert (name, subject, body_html, variables), update (subject, body_html, variables)
  on public.email_templates to authenticated;
grant select, insert, update, delete on public.email_templates to service_role;
create policy "admins read e-mail templates" on public.email_templates
  for select to authenticated using ((select private.is_admin()));
create policy "admins create e-mail templates" on public.email_templates
  for insert to authenticated with check ((select private.is_admin()));
create policy "admins edit e-mail templates" on public.email_templates
  for update to authenticated using ((select private.is_admin())) with check ((select private.is_admin()));

alter table public.communication_logs enable row level security;
grant select on public.communication_logs to authenticated;
grant select, insert, update, delete on public.communication_logs to service_role;
create policy "admins read communication logs" on public.communication_logs
  for select to authenticated using ((select private.is_admin()));

-- Append-only: no client role may update or delete (a trigger refuses it for every role anyway).
alter table public.audit_logs enable row level security;
grant select on public.audit_logs to authenticated;
grant select, insert on public.audit_logs to service_role;
create policy "admins read the audit log" on public.audit_logs
  for select to authenticated using ((select private.is_admin()));
