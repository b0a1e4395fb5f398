-- Purpose: a client writing through PostgREST need not send its own id: the owner columns of
-- rows users create default to the caller (auth.uid()). Policies still require the value to be
-- the caller, so sending someone else's id keeps failing; the defaults only remove busywork and
-- make these columns optional in the generated insert types.
-- Touches: column defaults on events, educations, job_experiences, follows, event_reminders,
-- notification_preferences, event_proposals, event_proposal_comments, profile_tags, profile_skills.

alter table public.events alter column organizer_id set default auth.uid();
alter table public.educations alter column user_id set default auth.uid();
alter table public.job_experiences alter column user_id set default auth.uid();
alter table public.follows alter column follower_id set default auth.uid();
alter table public.event_reminders alter column user_id set default auth.uid();
alter table public.notification_preferences alter column user_id set default auth.uid();
alter table public.event_proposals alter column created_by_user_id set default auth.uid();
alter table public.event_proposal_comments alter column user_id set default auth.uid();
alter table public.profile_tags alter column profile_id set default auth.uid();
alter table public.profile_skills alter column profile_id set default auth.uid();
