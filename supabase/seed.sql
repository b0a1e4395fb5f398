-- Deterministic demo data (fixed ids): a user per role, three organizations, events in every
-- state, participants, reviews, follows, notifications. Every user signs in under `supabase start`
-- with password `password123`. Who is who: README (or the table at the end of this file).
-- Runs as postgres after the migrations; no request claims, so it acts as the system.

-- Signs a user up the way Auth stores one (the sign-up trigger creates users/profile/onboarding).
create function pg_temp.seed_user(user_id uuid, handle text, full_name text) returns void
language sql as $$
  insert into auth.users (
    instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
    raw_user_meta_data, created_at, updated_at, last_sign_in_at, confirmation_token, recovery_token,
    email_change_token_new, email_change, is_sso_user, is_anonymous
  ) values (
    '00000000-0000-0000-0000-000000000000', user_id, 'authenticated', 'authenticated', handle || '@atas.dev',
    extensions.crypt('password123', extensions.gen_salt('bf')), now(),
    '{"provider": "email", "providers": ["email"]}', jsonb_build_object('full_name', full_name),
    now(), now(), null, '', '', '', '', false, false
  );
  insert into auth.identities (id, provider_id, user_id, identity_data, provider, created_at, updated_at, last_sign_in_at)
  values (user_id, user_id::text, user_id,
          jsonb_build_object('sub', user_id::text, 'email', handle || '@atas.dev', 'email_verified', true),
          'email', now(), now(), now());
$$;

-- ── users ──────────────────────────────────────────────────────────────────────────────────
select pg_temp.seed_user('a0000000-0000-4000-8000-000000000001', 'aisha', 'Aisha Rahman');
select pg_temp.seed_user('a0000000-0000-4000-8000-000000000002', 'olga', 'Olga Ivanova');
select pg_temp.seed_user('a0000000-0000-4000-8000-000000000003', 'kai', 'Kai Lim');
select pg_temp.seed_user('a0000000-0000-4000-8000-000000000004', 'sam', 'Sam Lee');
select pg_temp.seed_user('a0000000-0000-4000-8000-000000000005', 'nora', 'Nora Tan');
select pg_temp.seed_user('a0000000-0000-4000-8000-000000000006', 'ivan', 'Ivan Petrov');
select pg_temp.seed_user('a0000000-0000-4000-8000-000000000007', 'teo', 'Dr. Teo Wei Ming');
select pg_temp.seed_user('a0000000-0000-4000-8000-000000000008', 'maya', 'Maya Chen');
select pg_temp.seed_user('a0000000-0000-4000-8000-000000000009', 'raj', 'Raj Kumar');
select pg_temp.seed_user('a0000000-0000-4000-8000-00000000000a', 'grace', 'Grace Wong');
select pg_temp.seed_user('a0000000-0000-4000-8000-00000000000b', 'ben', 'Ben Okafor');
select pg_temp.seed_user('a0000000-0000-4000-8000-00000000000c', 'victor', 'Victor Hale');

insert into public.user_roles (user_id, role, status) values
  ('a0000000-0000-4000-8000-000000000001', 'admin', 'approved'),
  ('a0000000-0000-4000-8000-000000000002', 'student', 'approved'),
  ('a0000000-0000-4000-8000-000000000003', 'student', 'approved'),
  ('a0000000-0000-4000-8000-000000000004', 'student', 'approved'),
  ('a0000000-0000-4000-8000-000000000005', 'student', 'approved'),
  ('a0000000-0000-4000-8000-000000000006', 'student', 'approved'),
  ('a0000000-0000-4000-8000-000000000007', 'teacher', 'approved'),
  ('a0000000-0000-4000-8000-000000000008', 'expert', 'approved'),
  ('a0000000-0000-4000-8000-000000000009', 'student', 'approved'),
  ('a0000000-0000-4000-8000-000000000009', 'expert', 'pending'),
  ('a0000000-0000-4000-8000-00000000000a', 'sponsor', 'approved'),
  ('a0000000-0000-4000-8000-00000000000b', 'student', 'approved'),
  ('a0000000-0000-4000-8000-00000000000b', 'sponsor', 'pending'),
  ('a0000000-0000-4000-8000-00000000000c', 'student', 'approved');
update public.user_roles set decided_by = 'a0000000-0000-4000-8000-000000000001'
where status = 'approved' and role in ('teacher', 'expert', 'sponsor');
update public.user_roles set status = 'rejected', decided_by = 'a0000000-0000-4000-8000-000000000001',
  decision_reason = 'Please add proof of a sponsoring company.'
where user_id = 'a0000000-0000-4000-8000-00000000000b' and role = 'sponsor';
update public.users set status = 'suspended', suspended_reason = 'Repeated spam in event comments.'
where id = 'a0000000-0000-4000-8000-00000000000c';
update public.users set is_verified = true where id in (
  'a0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000007', 'a0000000-0000-4000-8000-000000000008');

update public.profiles p set
  title = v.title, bio = v.bio, city = 'Kuala Lumpur', country = 'Malaysia', is_onboarded = true,
  can_be_speaker = v.speaker, intents = v.intents::public.profile_intent[], visibility = v.visibility::public.visibility
from (values
  ('a0000000-0000-4000-8000-000000000001'::uuid, 'Platform admin', 'Keeps ATAS tidy.', false, '{}', 'private'),
  ('a0000000-0000-4000-8000-000000000002'::uuid, 'President @ APU Tech Club', 'Runs workshops and meetups.', false, '{looking_for_speaker,looking_for_sponsor}', 'public'),
  ('a0000000-0000-4000-8000-000000000003'::uuid, 'Committee @ APU Tech Club', 'Logistics and check-in.', false, '{}', 'public'),
  ('a0000000-0000-4000-8000-000000000004'::uuid, 'CS student', 'Second-year computer science.', false, '{open_to_job}', 'public'),
  ('a0000000-0000-4000-8000-000000000005'::uuid, 'Design student', 'UI/UX and illustration.', false, '{open_to_job}', 'public'),
  ('a0000000-0000-4000-8000-000000000006'::uuid, 'Engineering student', 'Keeps a private profile.', false, '{}', 'private'),
  ('a0000000-0000-4000-8000-000000000007'::uuid, 'Senior Lecturer @ APU', 'Teaches distributed systems.', true, '{open_to_speak}', 'public'),
  ('a0000000-0000-4000-8000-000000000008'::uuid, 'Staff Engineer @ Grab', 'Cloud infrastructure, 12 years.', true, '{open_to_speak,hiring_talent}', 'public'),
  ('a0000000-0000-4000-8000-000000000009'::uuid, 'Data Scientist', 'Waiting for expert verification.', true, '{open_to_speak}', 'public'),
  ('a0000000-0000-4000-8000-00000000000a'::uuid, 'Partnerships @ Grab', 'Sponsors student events.', false, '{open_to_sponsor}', 'public'),
  ('a0000000-0000-4000-8000-00000000000b'::uuid, 'Founder, tiny startup', 'Wants to sponsor hackathons.', false, '{open_to_sponsor}', 'public'),
  ('a0000000-0000-4000-8000-00000000000c'::uuid, 'Student', 'Suspended account.', false, '{}', 'public')
) as v(user_id, title, bio, speaker, intents, visibility)
where p.user_id = v.user_id;
update public.user_onboardings set status = 'completed' where user_id <> 'a0000000-0000-4000-8000-000000000006';
update public.user_onboardings set status = 'in_progress', step = 2 where user_id = 'a0000000-0000-4000-8000-000000000006';

insert into public.educations (user_id, qualification, field_of_study, school, start_datetime, end_datetime) values
  ('a0000000-0000-4000-8000-000000000004', 'BSc', 'Computer Science', 'Asia Pacific University', '2025-09-01', '2028-07-01'),
  ('a0000000-0000-4000-8000-000000000007', 'PhD', 'Distributed Systems', 'Universiti Malaya', '2008-09-01', '2012-07-01');
insert into public.job_experiences (user_id, title, description, start_datetime) values
  ('a0000000-0000-4000-8000-000000000008', 'Staff Engineer', 'Platform and cloud infrastructure.', '2019-03-01'),
  ('a0000000-0000-4000-8000-00000000000a', 'Partnerships Lead', 'University programmes.', '2021-01-01');

-- ── taxonomies ─────────────────────────────────────────────────────────────────────────────
insert into public.tags (id, name) values
  ('d0000000-0000-4000-8000-000000000001', 'Cloud'), ('d0000000-0000-4000-8000-000000000002', 'AI'),
  ('d0000000-0000-4000-8000-000000000003', 'Design'), ('d0000000-0000-4000-8000-000000000004', 'Startups'),
  ('d0000000-0000-4000-8000-000000000005', 'Security');
insert into public.skills (id, name) values
  ('d1000000-0000-4000-8000-000000000001', 'Kubernetes'), ('d1000000-0000-4000-8000-000000000002', 'Python'),
  ('d1000000-0000-4000-8000-000000000003', 'Figma'), ('d1000000-0000-4000-8000-000000000004', 'Public speaking');
insert into public.categories (id, name) values
  ('d2000000-0000-4000-8000-000000000001', 'Technology'), ('d2000000-0000-4000-8000-000000000002', 'Career'),
  ('d2000000-0000-4000-8000-000000000003', 'Entrepreneurship'), ('d2000000-0000-4000-8000-000000000004', 'Design');
insert into public.profile_tags (profile_id, tag_id) values
  ('a0000000-0000-4000-8000-000000000008', 'd0000000-0000-4000-8000-000000000001'),
  ('a0000000-0000-4000-8000-000000000008', 'd0000000-0000-4000-8000-000000000005'),
  ('a0000000-0000-4000-8000-000000000004', 'd0000000-0000-4000-8000-000000000002'),
  ('a0000000-0000-4000-8000-000000000005', 'd0000000-0000-4000-8000-000000000003');
insert into public.profile_skills (profile_id, skill_id, level) values
  ('a0000000-0000-4000-8000-000000000008', 'd1000000-0000-4000-8000-000000000001', 5),
  ('a0000000-0000-4000-8000-000000000008', 'd1000000-0000-4000-8000-000000000004', 4),
  ('a0000000-0000-4000-8000-000000000004', 'd1000000-0000-4000-8000-000000000002', 3),
  ('a0000000-0000-4000-8000-000000000005', 'd1000000-0000-4000-8000-000000000003', 4);

-- ── organizations: approved, pending, rejected ─────────────────────────────────────────────
insert into public.organizations (id, owner_id, name, description, type, website_url, location) values
  ('b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002', 'APU Tech Club',
   'Student technology club of Asia Pacific University.', 'university', 'https://techclub.example.edu', 'Kuala Lumpur'),
  ('b0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-00000000000a', 'Grab Engineering Community',
   'Meetups run by engineers at Grab.', 'company', 'https://engineering.example.com', 'Kuala Lumpur'),
  ('b0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-00000000000b', 'Harvard of Malaysia',
   'Claims to be a university.', 'university', null, 'Unknown');
update public.organizations set status = 'approved' where id = 'b0000000-0000-4000-8000-000000000001';
update public.organizations set status = 'rejected', decision_reason = 'Impersonates an institution.'
where id = 'b0000000-0000-4000-8000-000000000003';
insert into public.organization_members (org_id, user_id, role, status, invited_by) values
  ('b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000003', 'admin', 'active', 'a0000000-0000-4000-8000-000000000002'),
  ('b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000004', 'member', 'active', null),
  ('b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000005', 'member', 'invited', 'a0000000-0000-4000-8000-000000000002'),
  ('b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000006', 'member', 'requested', null);
insert into public.organization_bank_details (organization_id, bank_name, account_number, holder_name) values
  ('b0000000-0000-4000-8000-000000000001', 'Maybank', '5140 1234 5678', 'APU Tech Club');

-- ── events: created as drafts, then walked through the state machine ──────────────────────
insert into public.events (id, organizer_id, organization_id, title, description, format, type, start_datetime,
  end_datetime, timezone, visibility, auto_accept_registration, max_participant, registration_type, price,
  venue_remark) values
  ('c0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002', null,
   'Intro to Rust', 'A draft still being planned.', 'workshop', 'physical',
   date_trunc('hour', now()) + interval '30 days', date_trunc('hour', now()) + interval '30 days 3 hours',
   'Asia/Kuala_Lumpur', 'public', true, 40, 'free', 0, 'Lab 3'),
  ('c0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001',
   'Cloud Native Workshop', 'Containers to Kubernetes in one afternoon.', 'workshop', 'hybrid',
   date_trunc('hour', now()) + interval '14 days', date_trunc('hour', now()) + interval '14 days 4 hours',
   'Asia/Kuala_Lumpur', 'public', true, 50, 'free', 0, 'Auditorium A'),
  ('c0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000008', null,
   'AI Ethics Panel', 'Experts debate responsible AI. Organizer approves each request.', 'panel_discussion', 'online',
   date_trunc('hour', now()) + interval '10 days', date_trunc('hour', now()) + interval '10 days 2 hours',
   'Asia/Singapore', 'public', false, 100, 'free', 0, null),
  ('c0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001',
   'Startup Pitch Night', 'Only two seats; the rest wait in line.', 'club_event', 'physical',
   date_trunc('hour', now()) + interval '5 days', date_trunc('hour', now()) + interval '5 days 3 hours',
   'Asia/Kuala_Lumpur', 'public', true, 2, 'free', 0, 'Cafe Level 2'),
  ('c0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000002', null,
   'Hackathon 24h', 'Happening right now.', 'other', 'physical',
   date_trunc('hour', now()) - interval '2 hours', date_trunc('hour', now()) + interval '22 hours',
   'Asia/Kuala_Lumpur', 'public', true, null, 'free', 0, 'Main Hall'),
  ('c0000000-0000-4000-8000-000000000006', 'a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001',
   'Career Fair 2026', 'Ended last week; reviews are open.', 'seminar', 'physical',
   date_trunc('hour', now()) - interval '7 days', date_trunc('hour', now()) - interval '7 days' + interval '6 hours',
   'Asia/Kuala_Lumpur', 'public', true, 200, 'free', 0, 'Exhibition Centre'),
  ('c0000000-0000-4000-8000-000000000007', 'a0000000-0000-4000-8000-000000000002', null,
   'Blockchain Basics', 'Cancelled: the speaker fell ill.', 'webinar', 'online',
   date_trunc('hour', now()) + interval '3 days', date_trunc('hour', now()) + interval '3 days 1 hour',
   'Asia/Kuala_Lumpur', 'public', true, null, 'free', 0, null),
  ('c0000000-0000-4000-8000-000000000008', 'a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001',
   'Committee Retreat', 'Private planning day for the club committee.', 'other', 'physical',
   date_trunc('hour', now()) + interval '20 days', date_trunc('hour', now()) + interval '20 days 8 hours',
   'Asia/Kuala_Lumpur', 'private', false, 15, 'free', 0, 'Genting'),
  ('c0000000-0000-4000-8000-000000000009', 'a0000000-0000-4000-8000-000000000007', null,
   'Design Sprint Bootcamp', 'Paid bootcamp; pay by QR and upload the proof.', 'workshop', 'physical',
   date_trunc('hour', now()) + interval '12 days', date_trunc('hour', now()) + interval '12 days 7 hours',
   'Asia/Kuala_Lumpur', 'public', false, 30, 'paid', 25, 'Studio 5');

update public.events set status = 'published' where id in (
  'c0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000004',
  'c0000000-0000-4000-8000-000000000005', 'c0000000-0000-4000-8000-000000000006', 'c0000000-0000-4000-8000-000000000007',
  'c0000000-0000-4000-8000-000000000008', 'c0000000-0000-4000-8000-000000000009');
update public.events set registration_status = 'closed' where id = 'c0000000-0000-4000-8000-000000000005';

insert into public.event_categories (event_id, category_id) values
  ('c0000000-0000-4000-8000-000000000002', 'd2000000-0000-4000-8000-000000000001'),
  ('c0000000-0000-4000-8000-000000000003', 'd2000000-0000-4000-8000-000000000001'),
  ('c0000000-0000-4000-8000-000000000004', 'd2000000-0000-4000-8000-000000000003'),
  ('c0000000-0000-4000-8000-000000000006', 'd2000000-0000-4000-8000-000000000002'),
  ('c0000000-0000-4000-8000-000000000009', 'd2000000-0000-4000-8000-000000000004');
insert into public.event_meeting_links (event_id, meeting_url) values
  ('c0000000-0000-4000-8000-000000000002', 'https://meet.example.com/cloud-native'),
  ('c0000000-0000-4000-8000-000000000003', 'https://meet.example.com/ai-ethics');
insert into public.event_payment_details (event_id, payment_qr_url) values
  ('c0000000-0000-4000-8000-000000000009', 'payment-qr/c0000000-0000-4000-8000-000000000009/duitnow.png');

-- Participants (the organizer rows exist already, added by trigger).
insert into public.event_participants (event_id, user_id, role, join_method, status, invited_by) values
  -- Cloud Native Workshop: committee, speaker, sponsor, audience
  ('c0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003', 'committee', 'invited', 'accepted', 'a0000000-0000-4000-8000-000000000002'),
  ('c0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000008', 'speaker', 'invited', 'accepted', 'a0000000-0000-4000-8000-000000000002'),
  ('c0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-00000000000a', 'sponsor', 'applied', 'pending', null),
  ('c0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000004', 'audience', 'registered', 'accepted', null),
  ('c0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000005', 'student', 'registered', 'accepted', null),
  -- AI Ethics Panel: approval required
  ('c0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000006', 'audience', 'registered', 'pending', null),
  ('c0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000007', 'teacher', 'registered', 'accepted', null),
  ('c0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000004', 'speaker', 'invited', 'pending', 'a0000000-0000-4000-8000-000000000008'),
  -- Startup Pitch Night: full (2 seats), two waiting
  ('c0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000004', 'audience', 'registered', 'accepted', null),
  ('c0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000005', 'audience', 'registered', 'accepted', null),
  ('c0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000006', 'audience', 'registered', 'waitlisted', null),
  ('c0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000007', 'teacher', 'registered', 'waitlisted', null),
  -- Hackathon 24h: under way
  ('c0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000003', 'committee', 'invited', 'accepted', 'a0000000-0000-4000-8000-000000000002'),
  ('c0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000004', 'audience', 'registered', 'accepted', null),
  ('c0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000005', 'audience', 'registered', 'accepted', null),
  -- Career Fair 2026: ended
  ('c0000000-0000-4000-8000-000000000006', 'a0000000-0000-4000-8000-000000000008', 'speaker', 'invited', 'accepted', 'a0000000-0000-4000-8000-000000000002'),
  ('c0000000-0000-4000-8000-000000000006', 'a0000000-0000-4000-8000-000000000004', 'audience', 'registered', 'accepted', null),
  ('c0000000-0000-4000-8000-000000000006', 'a0000000-0000-4000-8000-000000000005', 'audience', 'registered', 'accepted', null),
  ('c0000000-0000-4000-8000-000000000006', 'a0000000-0000-4000-8000-000000000006', 'audience', 'registered', 'accepted', null),
  -- Blockchain Basics: cancelled later
  ('c0000000-0000-4000-8000-000000000007', 'a0000000-0000-4000-8000-000000000005', 'audience', 'registered', 'accepted', null),
  ('c0000000-0000-4000-8000-000000000007', 'a0000000-0000-4000-8000-000000000006', 'audience', 'registered', 'pending', null),
  -- Committee Retreat: private
  ('c0000000-0000-4000-8000-000000000008', 'a0000000-0000-4000-8000-000000000003', 'committee', 'invited', 'accepted', 'a0000000-0000-4000-8000-000000000002'),
  ('c0000000-0000-4000-8000-000000000008', 'a0000000-0000-4000-8000-000000000004', 'committee', 'invited', 'pending', 'a0000000-0000-4000-8000-000000000002'),
  -- Design Sprint Bootcamp: paid
  ('c0000000-0000-4000-8000-000000000009', 'a0000000-0000-4000-8000-000000000005', 'audience', 'registered', 'pending', null);
update public.event_participants set payment_status = 'pending',
  payment_proof_url = 'payment-proofs/c0000000-0000-4000-8000-000000000009/a0000000-0000-4000-8000-000000000005/receipt.jpg'
where event_id = 'c0000000-0000-4000-8000-000000000009' and user_id = 'a0000000-0000-4000-8000-000000000005';
insert into public.event_participants (event_id, guest_name, guest_email, role, join_method, status) values
  ('c0000000-0000-4000-8000-000000000005', 'Walk-in Guest', 'guest@example.com', 'audience', 'walk_in', 'attended');
update public.event_participants set status = 'attended'
where event_id in ('c0000000-0000-4000-8000-000000000005', 'c0000000-0000-4000-8000-000000000006')
  and user_id in ('a0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000005');

-- Now end and cancel (end: remaining accepted audience → absent, as the end job would).
update public.event_participants set status = 'absent'
where event_id = 'c0000000-0000-4000-8000-000000000006' and status = 'accepted' and role in ('audience', 'student', 'teacher');
update public.events set status = 'ended' where id = 'c0000000-0000-4000-8000-000000000006';
update public.event_participants set status = 'rejected'
where event_id = 'c0000000-0000-4000-8000-000000000007' and status = 'pending';
update public.events set status = 'cancelled', cancel_reason = 'The speaker fell ill; we will announce a new date.'
where id = 'c0000000-0000-4000-8000-000000000007';

insert into public.event_walk_in_tokens (id, event_id, label, max_uses, created_by) values
  ('c1000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000005', 'Front desk', 100, 'a0000000-0000-4000-8000-000000000002');
insert into public.event_reminders (event_id, user_id, option) values
  ('c0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000004', 'one_day'),
  ('c0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000005', 'three_days');
insert into public.event_checklist_items (id, event_id, title, visibility, audience_role, sort_order, created_by_user_id) values
  ('c2000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002', 'Book the auditorium', 'internal', null, 1, 'a0000000-0000-4000-8000-000000000002'),
  ('c2000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000002', 'Send slides to the organizer', 'external', 'speaker', 2, 'a0000000-0000-4000-8000-000000000002'),
  ('c2000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000002', 'Install Docker before you come', 'external', null, 3, 'a0000000-0000-4000-8000-000000000002');
insert into public.event_checklist_assignments (item_id, user_id, assigned_by) values
  ('c2000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000002'),
  ('c2000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000008', 'a0000000-0000-4000-8000-000000000002');
insert into public.event_proposals (id, event_id, created_by_user_id, title, description) values
  ('c3000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002',
   'Keynote: Kubernetes in production', 'Forty minutes on running clusters at scale, then Q&A.');
update public.event_participants set proposal_id = 'c3000000-0000-4000-8000-000000000001'
where event_id = 'c0000000-0000-4000-8000-000000000002' and user_id = 'a0000000-0000-4000-8000-000000000008';
insert into public.event_proposal_comments (proposal_id, user_id, content) values
  ('c3000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000008', 'Happy to do it. Can we make it 45 minutes?');
insert into public.event_pictures (event_id, url, caption, sort_order, created_by) values
  ('c0000000-0000-4000-8000-000000000006', 'event-pictures/c0000000-0000-4000-8000-000000000006/hall.jpg', 'The main hall', 1, 'a0000000-0000-4000-8000-000000000002');

-- ── reviews (Career Fair 2026 + an organization review) ────────────────────────────────────
insert into public.reviews (id, event_id, org_id, reviewer_id, reviewee_id, rating, comment) values
  ('e0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000006', null, 'a0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000008', 5, 'Clear, practical talk.'),
  ('e0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000006', null, 'a0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000008', 4, 'Great examples.'),
  ('e0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000006', null, 'a0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000002', 4, 'Well organized.'),
  ('e0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000006', null, 'a0000000-0000-4000-8000-000000000008', 'a0000000-0000-4000-8000-000000000002', 5, 'Smooth logistics.'),
  ('e0000000-0000-4000-8000-000000000005', null, 'b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000004', null, 4, 'Friendly club.');

-- ── follows ────────────────────────────────────────────────────────────────────────────────
insert into public.follows (follower_id, followee_id, org_id) values
  ('a0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000008', null),
  ('a0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000008', null),
  ('a0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000002', null),
  ('a0000000-0000-4000-8000-000000000008', 'a0000000-0000-4000-8000-000000000002', null),
  ('a0000000-0000-4000-8000-000000000006', null, 'b0000000-0000-4000-8000-000000000001'),
  ('a0000000-0000-4000-8000-000000000004', null, 'b0000000-0000-4000-8000-000000000001');

-- ── notifications ──────────────────────────────────────────────────────────────────────────
select private.notify('a0000000-0000-4000-8000-000000000001', 'role_requested', 'raj@atas.dev asks to be verified as expert.',
  '/admin/role-requests', '{"user_id": "a0000000-0000-4000-8000-000000000009", "role": "expert"}', 'a0000000-0000-4000-8000-000000000009');
select private.notify('a0000000-0000-4000-8000-00000000000b', 'role_decided', 'Your sponsor request was rejected.',
  '/settings/roles', '{"role": "sponsor", "status": "rejected"}', 'a0000000-0000-4000-8000-000000000001');
select private.notify('a0000000-0000-4000-8000-000000000008', 'new_follower', 'Sam Lee follows you.',
  '/profiles/a0000000-0000-4000-8000-000000000004', '{}', 'a0000000-0000-4000-8000-000000000004');
select private.notify('a0000000-0000-4000-8000-000000000002', 'participant_joined', 'Someone joined ''Cloud Native Workshop''.',
  '/events/c0000000-0000-4000-8000-000000000002', '{"event_id": "c0000000-0000-4000-8000-000000000002"}', 'a0000000-0000-4000-8000-000000000005');
select private.notify('a0000000-0000-4000-8000-000000000006', 'participation_decided', 'You are on the waitlist for ''Startup Pitch Night'' (position 1).',
  '/events/c0000000-0000-4000-8000-000000000004', '{"event_id": "c0000000-0000-4000-8000-000000000004", "status": "waitlisted"}', null);
select private.notify('a0000000-0000-4000-8000-000000000005', 'event_cancelled', '''Blockchain Basics'' was cancelled.',
  '/events/c0000000-0000-4000-8000-000000000007', '{"event_id": "c0000000-0000-4000-8000-000000000007"}', 'a0000000-0000-4000-8000-000000000002');
select private.notify('a0000000-0000-4000-8000-000000000008', 'review_received', 'You received a 5-star review.',
  '/events/c0000000-0000-4000-8000-000000000006', '{"review_id": "e0000000-0000-4000-8000-000000000001"}', 'a0000000-0000-4000-8000-000000000004');
select private.notify('a0000000-0000-4000-8000-000000000004', 'event_invitation', 'You''re invited to ''Committee Retreat'' as committee.',
  '/events/c0000000-0000-4000-8000-000000000008', '{"event_id": "c0000000-0000-4000-8000-000000000008"}', 'a0000000-0000-4000-8000-000000000002');
update public.notifications set is_read = true where kind = 'participant_joined';

insert into public.audit_logs (actor_id, action, target_type, target_id, details) values
  ('a0000000-0000-4000-8000-000000000001', 'role.approve.expert', 'user', 'a0000000-0000-4000-8000-000000000008', '{}'),
  ('a0000000-0000-4000-8000-000000000001', 'role.reject.sponsor', 'user', 'a0000000-0000-4000-8000-00000000000b', '{"reason": "Please add proof of a sponsoring company."}'),
  ('a0000000-0000-4000-8000-000000000001', 'user.suspend', 'user', 'a0000000-0000-4000-8000-00000000000c', '{"reason": "Repeated spam in event comments."}'),
  ('a0000000-0000-4000-8000-000000000001', 'organization.approve', 'organization', 'b0000000-0000-4000-8000-000000000001', '{}'),
  ('a0000000-0000-4000-8000-000000000001', 'organization.reject', 'organization', 'b0000000-0000-4000-8000-000000000003', '{"reason": "Impersonates an institution."}');

-- Who is who (password123 for all):
--   aisha@atas.dev   admin                                   active
--   olga@atas.dev    student; organizer, owner APU Tech Club  active
--   kai@atas.dev     student; committee, APU Tech Club admin  active
--   sam@atas.dev     student                                 active
--   nora@atas.dev    student                                 active
--   ivan@atas.dev    student (private profile, waitlisted)    active
--   teo@atas.dev     teacher (approved)                      active
--   maya@atas.dev    expert (approved)                       active
--   raj@atas.dev     student + expert pending                active
--   grace@atas.dev   sponsor (approved); owner of a pending org  active
--   ben@atas.dev     student + sponsor rejected; owner of a rejected org  active
--   victor@atas.dev  student                                 suspended
