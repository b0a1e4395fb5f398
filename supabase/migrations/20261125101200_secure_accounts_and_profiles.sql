-- Purpose: grants and row-level security for accounts, roles, profiles, onboarding, taxonomies
-- and careers (DOMAIN.md §4). Explicit grants per role and column, so the project behaves the
-- same whether or not the platform auto-grants new tables to the API roles.
-- Touches: privileges and policies only.
--
-- Pattern: every write policy requires an active account, read from the database at call time
-- (`(select private.is_active())`), so a suspension bites at once, even with an old token.

-- Start from nothing on every table of this domain; each migration below grants what it needs.
revoke all on all tables in schema public from anon, authenticated, service_role;

-- ── users: self and admins read; nobody writes through the API (status etc. by functions) ──
alter table public.users enable row level security;
grant select on public.users to authenticated;
grant select, insert, update, delete on public.users to service_role;
create policy "users read their own account and admins read all" on public.users
  for select to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()));

-- ── user_roles: read own (admins all); requests and decisions only through functions ───────
alter table public.user_roles enable row level security;
grant select on public.user_roles to authenticated;
grant select, insert, update, delete on public.user_roles to service_role;
create policy "users read their own roles and admins read all" on public.user_roles
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

-- ── profiles: public profiles of active users for everyone; owners and admins edit ─────────
alter table public.profiles enable row level security;
grant select on public.profiles to anon, authenticated;
grant update (full_name, bio, title, availability, today_status, avatar_url, cover_url, linkedin_url, github_url,
  instagram_url, twitter_url, website_url, country, city, origin_country, can_be_speaker, intents, visibility)
  on public.profiles to authenticated;
grant select, insert, update, delete on public.profiles to service_role;
create policy "anyone reads public profiles of active users" on public.profiles
  for select to anon
  using (private.is_visible_profile(user_id));
create policy "members read visible profiles, their own, and admins all" on public.profiles
  for select to authenticated
  using (user_id = (select auth.uid()) or private.is_visible_profile(user_id) or (select private.is_admin()));
create policy "active users edit their own profile and admins any" on public.profiles
  for update to authenticated
  using ((user_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()))
  with check ((user_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()));

-- ── user_onboardings: own progress; status only through the onboarding function ────────────
alter table public.user_onboardings enable row level security;
grant select on public.user_onboardings to authenticated;
grant update (step, flags, onboarding_data) on public.user_onboardings to authenticated;
grant select, insert, update, delete on public.user_onboardings to service_role;
create policy "users read their own onboarding and admins all" on public.user_onboardings
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
create policy "active users save their own onboarding progress" on public.user_onboardings
  for update to authenticated
  using (user_id = (select auth.uid()) and (select private.is_active()))
  with check (user_id = (select auth.uid()) and (select private.is_active()));

-- ── tags, skills, categories: everyone reads, admins write (rule 7.18) ─────────────────────
alter table public.tags enable row level security;
alter table public.skills enable row level security;
alter table public.categories enable row level security;
grant select on public.tags, public.skills, public.categories to anon, authenticated;
grant insert (name), update (name), delete on public.tags, public.skills, public.categories to authenticated;
grant select, insert, update, delete on public.tags, public.skills, public.categories to service_role;

create policy "anyone reads tags" on public.tags for select to anon, authenticated using (true);
create policy "admins create tags" on public.tags for insert to authenticated with check ((select private.is_admin()));
create policy "admins rename tags" on public.tags for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete tags" on public.tags for delete to authenticated using ((select private.is_admin()));

create policy "anyone reads skills" on public.skills for select to anon, authenticated using (true);
create policy "admins create skills" on public.skills for insert to authenticated with check ((select private.is_admin()));
create policy "admins rename skills" on public.skills for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete skills" on public.skills for delete to authenticated using ((select private.is_admin()));

create policy "anyone reads categories" on public.categories for select to anon, authenticated using (true);
create policy "admins create categories" on public.categories for insert to authenticated with check ((select private.is_admin()));
create policy "admins rename categories" on public.categories for update to authenticated
  using ((select private.is_admin())) with check ((select private.is_admin()));
create policy "admins delete categories" on public.categories for delete to authenticated using ((select private.is_admin()));

-- ── profile_tags, profile_skills: visible with the profile; owner (or admin) writes ─────────
alter table public.profile_tags enable row level security;
grant select on public.profile_tags to anon, authenticated;
grant insert (profile_id, tag_id), delete on public.profile_tags to authenticated;
grant select, insert, update, delete on public.profile_tags to service_role;
create policy "anyone reads tags of visible profiles" on public.profile_tags
  for select to anon
  using (private.is_visible_profile(profile_id));
create policy "members read tags of visible profiles, their own, and admins all" on public.profile_tags
  for select to authenticated
  using (profile_id = (select auth.uid()) or private.is_visible_profile(profile_id) or (select private.is_admin()));
create policy "active users tag their own profile and admins any" on public.profile_tags
  for insert to authenticated
  with check ((profile_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()));
create policy "active users untag their own profile and admins any" on public.profile_tags
  for delete to authenticated
  using ((profile_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()));

alter table public.profile_skills enable row level security;
grant select on public.profile_skills to anon, authenticated;
grant insert (profile_id, skill_id, level), update (level), delete on public.profile_skills to authenticated;
grant select, insert, update, delete on public.profile_skills to service_role;
create policy "anyone reads skills of visible profiles" on public.profile_skills
  for select to anon
  using (private.is_visible_profile(profile_id));
create policy "members read skills of visible profiles, their own, and admins all" on public.profile_skills
  for select to authenticated
  using (profile_id = (select auth.uid()) or private.is_visible_profile(profile_id) or (select private.is_admin()));
create policy "active users add skills to their own profile and admins any" on public.profile_skills
  for insert to authenticated
  with check ((profile_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()));
create policy "active users rate their own skills and admins any" on public.profile_skills
  for update to authenticated
  using ((profile_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()))
  with check ((profile_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()));
create policy "active users remove their own skills and admins any" on public.profile_skills
  for delete to authenticated
  using ((profile_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()));

-- ── educations, job_experiences: visible with the profile; owner (or admin) writes ─────────
alter table public.educations enable row level security;
grant select on public.educations to anon, authenticated;
grant insert (user_id, org_id, qualification, field_of_study, school, start_datetime, end_datetime, resume_url, remark),
  update (org_id, qualification, field_of_study, school, start_datetime, end_datetime, resume_url, remark),
  delete on public.educations to authenticated;
grant select, insert, update, delete on public.educations to service_role;
create policy "anyone reads educations of visible profiles" on public.educations
  for select to anon
  using (private.is_visible_profile(user_id));
create policy "members read educations of visible profiles, their own, and admins all" on public.educations
  for select to authenticated
  using (user_id = (select auth.uid()) or private.is_visible_profile(user_id) or (select private.is_admin()));
create policy "active users add their own educations and admins any" on public.educations
  for insert to authenticated
  with check ((user_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()));
create policy "active users edit their own educations and admins any" on public.educations
  for update to authenticated
  using ((user_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()))
  with check ((user_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()));
create policy "active users delete their own educations and admins any" on public.educations
  for delete to authenticated
  using ((user_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()));

alter table public.job_experiences enable row level security;
grant select on public.job_experiences to anon, authenticated;
grant insert (user_id, org_id, title, description, start_datetime, end_datetime),
  update (org_id, title, description, start_datetime, end_datetime),
  delete on public.job_experiences to authenticated;
grant select, insert, update, delete on public.job_experiences to service_role;
create policy "anyone reads jobs of visible profiles" on public.job_experiences
  for select to anon
  using (private.is_visible_profile(user_id));
create policy "members read jobs of visible profiles, their own, and admins all" on public.job_experiences
  for select to authenticated
  using (user_id = (select auth.uid()) or private.is_visible_profile(user_id) or (select private.is_admin()));
create policy "active users add their own jobs and admins any" on public.job_experiences
  for insert to authenticated
  with check ((user_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()));
create policy "active users edit their own jobs and admins any" on public.job_experiences
  for update to authenticated
  using ((user_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()))
  with check ((user_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()));
create policy "active users delete their own jobs and admins any" on public.job_experiences
  for delete to authenticated
  using ((user_id = (select auth.uid()) and (select private.is_active())) or (select private.is_admin()));
