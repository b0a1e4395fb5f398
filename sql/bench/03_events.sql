-- 1,000,000 events (this part: n ≡ :part mod :parts; the orchestrator runs the parts at once).
-- Organizers: users 1..20 are "heavy" (5,000 events each, half under their organization 1..20);
-- the other 900,000 are spread over users 21..30000 (~30 each; owners of organizations 21..1000
-- file a third of theirs under it). Start times span two years back to one year ahead; past:
-- ended (85%), cancelled, draft, still published; future: published (80%), draft, cancelled.
-- 1 in 7 private, 1 in 100 soft-deleted, 1 in 4 capped at 50 seats. participant_count is the
-- number of seated audience rows step 04 writes (same formulas), so it needs no later update.
-- Each event's organizer row (trigger private.add_event_organizer) is written in the same pass.
set session_replication_role = replica;
set synchronous_commit = off;

with inserted as (
  insert into public.events (id, organizer_id, organization_id, title, description, format, type, start_datetime, end_datetime,
    timezone, registration_type, registration_status, status, visibility, auto_accept_registration, max_participant,
    price, currency, published_at, cancelled_at, cancel_reason, participant_count, deleted_at, created_at, updated_at)
  select bench.event_id(n), bench.uid(organizer), organization, title, description, format::public.event_format,
         case when format = 'webinar' then 'online' else 'physical' end::public.event_type,
         starts, starts + interval '2 hours', 'Asia/Kuala_Lumpur', 'free',
         case when status = 'published' and starts > now() then 'opened' else 'closed' end::public.event_registration_status,
         status::public.event_status,
         case when n % 7 = 0 then 'private' else 'public' end::public.visibility, true,
         case when n % 4 = 0 then 50 end, 0, 'MYR',
         case when status <> 'draft' then starts - interval '14 days' end,
         case when status = 'cancelled' then starts - interval '1 day' end,
         case when status = 'cancelled' then 'Benchmark cancellation' end,
         seats,
         case when n % 100 = 50 then now() end,
         starts - interval '30 days', starts - interval '14 days'
  from (
    select n, organizer, starts, status, format,
           case when organizer <= 20 and n % 2 = 0 then bench.org_id(organizer)
                when organizer between 21 and 1000 and n % 3 = 0 then bench.org_id(organizer) end as organization,
           initcap(t1) || ' ' || t2 || ' ' || (array['meetup', 'workshop', 'talk', 'summit', 'clinic'])[1 + n % 5] || ' ' || n as title,
           'A ' || format || ' in ' || (array['Kuala Lumpur', 'Penang', 'Johor Bahru', 'Ipoh', 'Kuching'])[1 + n % 5] as description,
           case when n % 2 = 1 then 0 else
             (bench.audience_user(n, 1) <> organizer and bench.audience_status(n, 1) in ('accepted', 'attended'))::integer
             + (bench.audience_user(n, 2) <> organizer and bench.audience_status(n, 2) in ('accepted', 'attended'))::integer
             + (bench.audience_user(n, 3) <> organizer and bench.audience_status(n, 3) in ('accepted', 'attended'))::integer
             + (bench.audience_user(n, 4) <> organizer and bench.audience_status(n, 4) in ('accepted', 'attended'))::integer end as seats
    from (
      select n, bench.organizer_of(n) as organizer, bench.starts_of(n) as starts, bench.event_status_of(n) as status,
             (array['ai', 'cloud', 'design', 'startup', 'robotics', 'climate', 'finance', 'music', 'health', 'security',
                    'data', 'blockchain', 'education', 'gaming', 'biology', 'energy', 'law', 'marketing', 'space', 'food'])[1 + n % 20] as t1,
             (array['ethics', 'careers', 'basics', 'research', 'networking', 'hackathon', 'policy', 'tools', 'trends', 'practice',
                    'leadership', 'innovation', 'community'])[1 + (n / 20) % 13] as t2,
             (array['panel_discussion', 'workshop', 'webinar', 'seminar', 'club_event', 'other'])[1 + n % 6] as format
      from generate_series(1 + :part, :events, :parts) n
    ) base
  ) e
  returning id, organizer_id, created_at
)
insert into public.event_participants (event_id, user_id, role, join_method, status, responded_at, created_at, updated_at)
select id, organizer_id, 'organizer', 'organizer', 'accepted', created_at, created_at, created_at from inserted;
