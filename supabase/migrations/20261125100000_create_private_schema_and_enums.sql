-- Purpose: the `private` schema (policy helpers, trigger functions, the access-token hook; never
-- exposed by PostgREST) and every enum of the domain (DOMAIN.md §2), plus the timestamp trigger
-- function every table uses.
-- Touches: schema private, public enum types. Nothing destructive.

create schema private;
comment on schema private is
  'Helpers, trigger functions and hooks. Not in [api] schemas: clients reach only what is granted.';

-- Nobody gets anything here by default; each helper is granted to the roles whose policies call it.
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;
alter default privileges for role postgres in schema private revoke execute on functions from public;

-- Enums: settled vocabularies, exactly the values of DOMAIN.md §2, exposed to the generated types.
create type public.user_status as enum ('active', 'inactive', 'frozen', 'suspended');
create type public.app_role as enum ('student', 'teacher', 'expert', 'sponsor', 'admin');
create type public.role_status as enum ('pending', 'approved', 'rejected', 'revoked');
create type public.visibility as enum ('public', 'private');
create type public.profile_intent as enum (
  'open_to_speak', 'looking_for_speaker', 'open_to_sponsor', 'looking_for_sponsor', 'open_to_job', 'hiring_talent'
);
create type public.onboarding_status as enum ('not_started', 'in_progress', 'completed', 'skipped');
create type public.organization_type as enum ('company', 'university', 'community', 'nonprofit', 'government');
create type public.organization_status as enum ('pending', 'approved', 'rejected');
-- Declared from least to most power so helpers can compare roles (`role >= 'admin'`).
create type public.organization_role as enum ('member', 'admin', 'owner');
create type public.organization_member_status as enum ('invited', 'requested', 'active');
create type public.event_format as enum ('panel_discussion', 'workshop', 'webinar', 'seminar', 'club_event', 'other');
create type public.event_type as enum ('online', 'physical', 'hybrid');
create type public.event_registration_type as enum ('free', 'paid');
create type public.event_registration_status as enum ('opened', 'closed');
create type public.event_status as enum ('draft', 'published', 'ended', 'cancelled');
create type public.event_participant_role as enum (
  'organizer', 'committee', 'speaker', 'sponsor', 'audience', 'student', 'teacher'
);
create type public.event_join_method as enum ('organizer', 'invited', 'registered', 'applied', 'walk_in', 'booking');
create type public.event_participant_status as enum ('pending', 'accepted', 'waitlisted', 'rejected', 'attended', 'absent');
create type public.payment_status as enum ('pending', 'verified', 'rejected');
create type public.reminder_option as enum ('one_week', 'three_days', 'one_day');
create type public.checklist_visibility as enum ('internal', 'external');
create type public.notification_type as enum ('review', 'event', 'organization', 'system', 'chat');
-- The notification catalogue of DOMAIN.md §5.1; `type` follows from `kind` (private.notification_type_for).
create type public.notification_kind as enum (
  'welcome', 'role_requested', 'role_decided', 'org_decided', 'org_membership',
  'event_invitation', 'invitation_answered', 'participant_joined', 'join_request', 'participation_decided',
  'participant_left', 'participant_removed', 'role_changed', 'payment_proof_uploaded', 'payment_decided',
  'walk_in_registered', 'attendance_recorded', 'registration_toggled', 'task_assigned', 'proposal_comment',
  'event_reminder', 'event_changed', 'event_cancelled', 'event_moderated', 'review_request', 'review_received',
  'new_follower', 'admin_broadcast'
);
create type public.communication_type as enum ('email', 'notification');
create type public.communication_status as enum ('pending', 'sent', 'failed');

-- Every table's updated_at is the database's clock, and created_at can never be rewritten.
create function private.set_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.created_at := old.created_at;
  new.updated_at := pg_catalog.now();
  return new;
end $$;
comment on function private.set_updated_at() is 'Trigger: maintains updated_at, keeps created_at.';
