-- The column privileges of the client roles, as a spec: which columns anon and authenticated may
-- UPDATE on every public table (and SELECT where a table grants only some columns: the reviewer of
-- a blind review). Rules that hold by column grant (counters, status, owner and foreign-key
-- columns that only functions and triggers move) fail here first when a migration widens a
-- grant. Found by mutation testing (npm run test:security, column-grant mutants): an extra UPDATE
-- grant on e.g. educations.user_id or event_checklist_items.event_id failed no test before.
-- A migration that changes a grant on purpose changes this list in the same commit.
begin;
select plan(68);

select is(
  array(select a.attname from pg_catalog.pg_attribute a
        where a.attrelid = pg_catalog.format('public.%I', spec.table_name)::regclass and a.attnum > 0 and not a.attisdropped
          and pg_catalog.has_column_privilege(spec.role_name, a.attrelid, a.attname, spec.privilege)
        order by a.attname),
  spec.columns,
  pg_catalog.format('%s may %s exactly these columns of %s', spec.role_name, spec.privilege, spec.table_name))
from (values
  ('anon', 'UPDATE', 'audit_logs', '{}'::name[]),
  ('anon', 'UPDATE', 'categories', '{}'::name[]),
  ('anon', 'UPDATE', 'communication_logs', '{}'::name[]),
  ('anon', 'UPDATE', 'educations', '{}'::name[]),
  ('anon', 'UPDATE', 'event_categories', '{}'::name[]),
  ('anon', 'UPDATE', 'event_checklist_assignments', '{}'::name[]),
  ('anon', 'UPDATE', 'event_checklist_item_files', '{}'::name[]),
  ('anon', 'UPDATE', 'event_checklist_items', '{}'::name[]),
  ('anon', 'UPDATE', 'event_meeting_links', '{}'::name[]),
  ('anon', 'UPDATE', 'event_participants', '{}'::name[]),
  ('anon', 'UPDATE', 'event_payment_details', '{}'::name[]),
  ('anon', 'UPDATE', 'event_pictures', '{}'::name[]),
  ('anon', 'UPDATE', 'event_proposal_comments', '{}'::name[]),
  ('anon', 'UPDATE', 'event_proposals', '{}'::name[]),
  ('anon', 'UPDATE', 'event_reminders', '{}'::name[]),
  ('anon', 'UPDATE', 'event_walk_in_tokens', '{}'::name[]),
  ('anon', 'UPDATE', 'events', '{}'::name[]),
  ('anon', 'UPDATE', 'follows', '{}'::name[]),
  ('anon', 'UPDATE', 'job_experiences', '{}'::name[]),
  ('anon', 'UPDATE', 'notification_preferences', '{}'::name[]),
  ('anon', 'UPDATE', 'notifications', '{}'::name[]),
  ('anon', 'UPDATE', 'organization_bank_details', '{}'::name[]),
  ('anon', 'UPDATE', 'organization_members', '{}'::name[]),
  ('anon', 'UPDATE', 'organizations', '{}'::name[]),
  ('anon', 'UPDATE', 'profile_skills', '{}'::name[]),
  ('anon', 'UPDATE', 'profile_tags', '{}'::name[]),
  ('anon', 'UPDATE', 'profiles', '{}'::name[]),
  ('anon', 'UPDATE', 'reviews', '{}'::name[]),
  ('anon', 'UPDATE', 'skills', '{}'::name[]),
  ('anon', 'UPDATE', 'tags', '{}'::name[]),
  ('anon', 'UPDATE', 'user_onboardings', '{}'::name[]),
  ('anon', 'UPDATE', 'user_roles', '{}'::name[]),
  ('anon', 'UPDATE', 'users', '{}'::name[]),
  ('authenticated', 'UPDATE', 'audit_logs', '{}'::name[]),
  ('authenticated', 'UPDATE', 'categories', array['name']::name[]),
  ('authenticated', 'UPDATE', 'communication_logs', '{}'::name[]),
  ('authenticated', 'UPDATE', 'educations', array['end_datetime', 'field_of_study', 'org_id', 'qualification', 'remark', 'resume_url', 'school', 'start_datetime']::name[]),
  ('authenticated', 'UPDATE', 'event_categories', '{}'::name[]),
  ('authenticated', 'UPDATE', 'event_checklist_assignments', '{}'::name[]),
  ('authenticated', 'UPDATE', 'event_checklist_item_files', '{}'::name[]),
  ('authenticated', 'UPDATE', 'event_checklist_items', array['audience_role', 'description', 'due_datetime', 'is_completed', 'link_url', 'sort_order', 'title', 'visibility']::name[]),
  ('authenticated', 'UPDATE', 'event_meeting_links', array['meeting_url']::name[]),
  ('authenticated', 'UPDATE', 'event_participants', '{}'::name[]),
  ('authenticated', 'UPDATE', 'event_payment_details', array['payment_qr_url']::name[]),
  ('authenticated', 'UPDATE', 'event_pictures', array['caption', 'sort_order', 'url']::name[]),
  ('authenticated', 'UPDATE', 'event_proposal_comments', array['content']::name[]),
  ('authenticated', 'UPDATE', 'event_proposals', array['description', 'file_url', 'title']::name[]),
  ('authenticated', 'UPDATE', 'event_reminders', '{}'::name[]),
  ('authenticated', 'UPDATE', 'event_walk_in_tokens', array['expires_at', 'is_active', 'label', 'max_uses']::name[]),
  ('authenticated', 'UPDATE', 'events', array['auto_accept_registration', 'cover_url', 'currency', 'description', 'end_datetime', 'format', 'is_attendance_enabled', 'logo_url', 'max_participant', 'price', 'registration_type', 'remark', 'start_datetime', 'timezone', 'title', 'type', 'venue_place_id', 'venue_remark', 'visibility']::name[]),
  ('authenticated', 'UPDATE', 'follows', '{}'::name[]),
  ('authenticated', 'UPDATE', 'job_experiences', array['description', 'end_datetime', 'org_id', 'start_datetime', 'title']::name[]),
  ('authenticated', 'UPDATE', 'notification_preferences', array['email_enabled']::name[]),
  ('authenticated', 'UPDATE', 'notifications', array['is_read']::name[]),
  ('authenticated', 'UPDATE', 'organization_bank_details', array['account_number', 'bank_name', 'holder_name']::name[]),
  ('authenticated', 'UPDATE', 'organization_members', '{}'::name[]),
  ('authenticated', 'UPDATE', 'organizations', array['cover_url', 'description', 'location', 'logo_url', 'name', 'type', 'visibility', 'website_url']::name[]),
  ('authenticated', 'UPDATE', 'profile_skills', array['level']::name[]),
  ('authenticated', 'UPDATE', 'profile_tags', '{}'::name[]),
  ('authenticated', 'UPDATE', 'profiles', array['availability', 'avatar_url', 'bio', 'can_be_speaker', 'city', 'country', 'cover_url', 'full_name', 'github_url', 'instagram_url', 'intents', 'linkedin_url', 'origin_country', 'title', 'today_status', 'twitter_url', 'visibility', 'website_url']::name[]),
  ('authenticated', 'UPDATE', 'reviews', '{}'::name[]),
  ('authenticated', 'UPDATE', 'skills', array['name']::name[]),
  ('authenticated', 'UPDATE', 'tags', array['name']::name[]),
  ('authenticated', 'UPDATE', 'user_onboardings', array['flags', 'onboarding_data', 'step']::name[]),
  ('authenticated', 'UPDATE', 'user_roles', '{}'::name[]),
  ('authenticated', 'UPDATE', 'users', '{}'::name[]),
  ('anon', 'SELECT', 'reviews', array['comment', 'created_at', 'deleted_at', 'event_id', 'id', 'org_id', 'organization_is_listed', 'rating', 'reviewee_id', 'sealed_until', 'shown_reviewer_id', 'updated_at']::name[]),
  ('authenticated', 'SELECT', 'reviews', array['comment', 'created_at', 'deleted_at', 'event_id', 'id', 'org_id', 'organization_is_listed', 'rating', 'reviewee_id', 'sealed_until', 'shown_reviewer_id', 'updated_at']::name[])
) as spec (role_name, privilege, table_name, columns);

select * from finish();
rollback;
