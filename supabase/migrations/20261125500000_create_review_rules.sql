-- Purpose: the review rules of DOMAIN.md §3.7 held by the database whatever the caller (the
-- reviews function checks them first for a precise message; this is the invariant): the 14-day
-- window after an ended, never cancelled event; eligible reviewers and allowed pairs; one live
-- review per target (indexes from the data model); immutable targets; edits inside the window;
-- soft delete by the author or an admin, final. Two-way pairs (organizer ↔ speaker, sponsor,
-- committee) are sealed: `sealed_until` hides a review from its reviewee (select policy, next
-- migration) until the other side wrote theirs or the window closed. The reviewee (or the
-- organization's owner) is notified. Aggregates count only unsealed live reviews and are
-- recomputed under a row lock (the data model's version could lose a concurrent review).
-- Touches: column reviews.sealed_until (+ index); functions private.review_side,
-- private.review_pair_is_allowed, private.review_pair_is_blind, private.check_review_rules,
-- private.after_review_written, private.refresh_review_aggregates (replaced),
-- private.unseal_closed_review_windows; triggers on reviews; a pg_cron job when pg_cron exists.

alter table public.reviews add column sealed_until timestamptz;
comment on column public.reviews.sealed_until is
  'Two-way pairs only: the reviewee cannot read this review before this time (end of the review window) unless they wrote theirs; null = not sealed. Set by trigger, never by clients.';
create index reviews_sealed_until_idx on public.reviews (sealed_until) where sealed_until is not null;
-- The reverse-review lookup of a two-way pair (reviewee → reviewer in the same event).
create index reviews_event_reverse_pair_idx on public.reviews (event_id, reviewee_id, reviewer_id) where deleted_at is null;
-- Aggregates read live reviews per target.
create index reviews_live_reviewee_idx on public.reviews (reviewee_id) include (rating) where deleted_at is null and sealed_until is null;

-- What a person was in an event, for reviewing: organizer (events.organizer_id or an accepted
-- organizer row), committee/speaker/sponsor once accepted (or attended), audience roles only once
-- attended (rule 7.10). Null: not eligible.
create function private.review_side(event_id uuid, person_id uuid) returns text
language sql stable set search_path = '' as $$
  select case
    when e.organizer_id = review_side.person_id then 'organizer'
    when p.role in ('audience', 'student', 'teacher') then case when p.status = 'attended' then 'audience' end
    when p.status in ('accepted', 'attended') then p.role::text
  end
  from public.events e
  left join public.event_participants p on p.event_id = e.id and p.user_id = review_side.person_id
  where e.id = review_side.event_id
$$;
comment on function private.review_side(uuid, uuid) is
  'organizer | committee | speaker | sponsor | audience, or null when the person earned no review rights in the event.';

create function private.review_pair_is_allowed(reviewer_side text, reviewee_side text) returns boolean
language sql immutable set search_path = '' as $$
  select case reviewer_side
    when 'audience' then reviewee_side in ('organizer', 'speaker')
    when 'organizer' then reviewee_side in ('speaker', 'sponsor', 'committee')
    when 'speaker' then reviewee_side = 'organizer'
    when 'sponsor' then reviewee_side = 'organizer'
    when 'committee' then reviewee_side = 'organizer'
    else false
  end
$$;
comment on function private.review_pair_is_allowed(text, text) is
  'Audience → organizer or speaker; organizer ↔ speaker, sponsor, committee; never audience ↔ audience (DOMAIN.md §3.7).';

create function private.review_pair_is_blind(reviewer_side text, reviewee_side text) returns boolean
language sql immutable set search_path = '' as $$
  select (reviewer_side = 'organizer' and reviewee_side in ('speaker', 'sponsor', 'committee'))
      or (reviewee_side = 'organizer' and reviewer_side in ('speaker', 'sponsor', 'committee'))
$$;
comment on function private.review_pair_is_blind(text, text) is 'Two-way pairs: each side writes without seeing the other''s review.';

-- Definer: it reads participants, memberships and accounts the writing role may not see, and it
-- runs for every writer (the reviews function, the service role, seeds).
create function private.check_review_rules() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  caller uuid := (select auth.uid());
  ev record;
  org record;
  reviewer_side text;
  reviewee_side text;
  closes_at timestamptz;
begin
  if tg_op = 'UPDATE' then
    if (new.event_id, new.org_id, new.reviewer_id, new.reviewee_id) is distinct from
       (old.event_id, old.org_id, old.reviewer_id, old.reviewee_id) then
      raise exception using errcode = 'check_violation', constraint = 'reviews_target_is_fixed', table = 'reviews',
        message = 'Cannot move a review to another event, person or organization: delete it and write a new one';
    end if;
    if old.deleted_at is not null and (new.deleted_at, new.rating, new.comment) is distinct from
                                      (old.deleted_at, old.rating, old.comment) then
      raise exception using errcode = 'check_violation', constraint = 'reviews_deletion_is_final', table = 'reviews',
        message = 'Cannot change a deleted review';
    end if;
    if new.deleted_at is not null and old.deleted_at is null then
      -- A user's identity is present when the reviews function or PostgREST writes for them.
      if caller is not null and caller <> old.reviewer_id and not private.is_admin() then
        raise exception using errcode = 'insufficient_privilege',
          message = 'Cannot delete this review: only its author or an admin may';
      end if;
      new.deleted_at := pg_catalog.now();
    end if;
    if (new.rating, new.comment) is distinct from (old.rating, old.comment) then
      if caller is not null and caller <> old.reviewer_id then
        raise exception using errcode = 'insufficient_privilege', message = 'Cannot edit this review: only its author may';
      end if;
      if old.event_id is not null then
        select e.title, e.status, e.end_datetime into ev from public.events e where e.id = old.event_id;
        if ev.status <> 'ended' or pg_catalog.now() >= ev.end_datetime + interval '14 days' then
          raise exception using errcode = 'check_violation', constraint = 'review_window_closed', table = 'reviews',
            message = pg_catalog.format('Cannot edit this review: the review window of "%s" is closed', ev.title);
        end if;
      end if;
    end if;
    -- sealed_until only ever opens (private.after_review_written, the window job).
    if new.sealed_until is not null and new.sealed_until is distinct from old.sealed_until then
      new.sealed_until := old.sealed_until;
    end if;
    return new;
  end if;

  -- INSERT
  if caller is not null and caller <> new.reviewer_id then
    raise exception using errcode = 'insufficient_privilege', message = 'Cannot write a review in someone else''s name';
  end if;
  if new.deleted_at is not null then
    raise exception using errcode = 'check_violation', constraint = 'reviews_start_live', table = 'reviews',
      message = 'Cannot create a review that is already deleted';
  end if;
  if not exists (select 1 from public.users u where u.id = new.reviewer_id and u.status = 'active' and u.deleted_at is null) then
    raise exception using errcode = 'insufficient_privilege', message = 'Cannot write reviews: the account is not active';
  end if;

  if new.org_id is not null then
    select o.name, o.status, o.owner_id, o.deleted_at into org from public.organizations o where o.id = new.org_id;
    if org.status is distinct from 'approved' or org.deleted_at is not null then
      raise exception using errcode = 'check_violation', constraint = 'review_organization_not_approved', table = 'reviews',
        message = 'Cannot review this organization: it is not an approved organization';
    end if;
    if org.owner_id = new.reviewer_id then
      raise exception using errcode = 'check_violation', constraint = 'reviews_not_self_review', table = 'reviews',
        message = pg_catalog.format('Cannot review "%s": you own it', org.name);
    end if;
    if not exists (
      select 1 from public.organization_members m
      where m.org_id = new.org_id and m.user_id = new.reviewer_id and m.status = 'active'
    ) and not exists (
      select 1 from public.event_participants p join public.events e on e.id = p.event_id
      where p.user_id = new.reviewer_id and p.status = 'attended' and e.organization_id = new.org_id and e.status = 'ended'
    ) then
      raise exception using errcode = 'insufficient_privilege',
        message = pg_catalog.format('Cannot review "%s": only its active members and attendees of its ended events may', org.name);
    end if;
    new.sealed_until := null;
    return new;
  end if;

  if new.reviewer_id = new.reviewee_id then
    raise exception using errcode = 'check_violation', constraint = 'reviews_not_self_review', table = 'reviews',
      message = 'Cannot review yourself';
  end if;
  select e.title, e.status, e.end_datetime into ev from public.events e where e.id = new.event_id;
  if ev.status = 'cancelled' then
    raise exception using errcode = 'check_violation', constraint = 'review_event_cancelled', table = 'reviews',
      message = pg_catalog.format('Cannot review people of "%s": the event was cancelled', ev.title);
  end if;
  if ev.status is distinct from 'ended' or pg_catalog.now() < ev.end_datetime then
    raise exception using errcode = 'check_violation', constraint = 'review_event_not_ended', table = 'reviews',
      message = pg_catalog.format('Cannot review people of "%s" yet: the event has not ended', ev.title);
  end if;
  closes_at := ev.end_datetime + interval '14 days';
  if pg_catalog.now() >= closes_at then
    raise exception using errcode = 'check_violation', constraint = 'review_window_closed', table = 'reviews',
      message = pg_catalog.format('Cannot review people of "%s": the 14-day review window closed on %s', ev.title,
        pg_catalog.to_char(closes_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'));
  end if;
  reviewer_side := private.review_side(new.event_id, new.reviewer_id);
  if reviewer_side is null then
    raise exception using errcode = 'insufficient_privilege',
      message = pg_catalog.format('Cannot review people of "%s": only its organizer, accepted team, speakers and sponsors, and attendees may', ev.title);
  end if;
  reviewee_side := private.review_side(new.event_id, new.reviewee_id);
  if reviewee_side is null or not private.review_pair_is_allowed(reviewer_side, reviewee_side) then
    raise exception using errcode = 'insufficient_privilege',
      message = pg_catalog.format('Cannot review this person for "%s": a %s may not review a %s', ev.title, reviewer_side,
        coalesce(reviewee_side, 'non-participant'));
  end if;
  if private.review_pair_is_blind(reviewer_side, reviewee_side) and not exists (
    select 1 from public.reviews r
    where r.event_id = new.event_id and r.reviewer_id = new.reviewee_id and r.reviewee_id = new.reviewer_id
      and r.deleted_at is null
  ) then
    new.sealed_until := closes_at;
  else
    new.sealed_until := null;
  end if;
  return new;
end $$;
comment on function private.check_review_rules() is
  'Trigger: DOMAIN.md §3.7 for every writer; computes sealed_until; refuses target changes, undeletes and edits after the window.';
create trigger reviews_check_rules before insert or update on public.reviews
  for each row execute function private.check_review_rules();

-- Definer: opens the other side's sealed review and writes the reviewee's notification, neither of
-- which the writing role may touch.
create function private.after_review_written() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  recipient uuid;
  subject text;
  link text;
  data jsonb;
begin
  if new.event_id is not null then
    -- The second review of a two-way pair opens the first.
    update public.reviews r set sealed_until = null
    where r.event_id = new.event_id and r.reviewer_id = new.reviewee_id and r.reviewee_id = new.reviewer_id
      and r.deleted_at is null and r.sealed_until is not null;
    select e.title into subject from public.events e where e.id = new.event_id;
    recipient := new.reviewee_id;
    link := pg_catalog.format('/events/%s/reviews', new.event_id);
    data := pg_catalog.jsonb_build_object('review_id', new.id, 'event_id', new.event_id, 'sealed', new.sealed_until is not null);
  else
    select o.name, o.owner_id into subject, recipient from public.organizations o where o.id = new.org_id;
    link := pg_catalog.format('/organizations/%s/reviews', new.org_id);
    data := pg_catalog.jsonb_build_object('review_id', new.id, 'organization_id', new.org_id, 'sealed', false);
  end if;
  -- No actor: the reviewer may be shown as anonymous (§3.7), and a sealed review's rating stays
  -- unknown until the window opens it.
  perform private.notify(recipient, 'review_received',
    case
      when new.org_id is not null then pg_catalog.format('"%s" received a %s-star review.', pg_catalog.left(subject, 200), new.rating)
      when new.sealed_until is not null then pg_catalog.format(
        'You received a review for "%s". Write yours to read it, or wait until the review window closes.', pg_catalog.left(subject, 200))
      else pg_catalog.format('You received a %s-star review for "%s".', new.rating, pg_catalog.left(subject, 200))
    end,
    link, data, null);
  return null;
end $$;
comment on function private.after_review_written() is
  'Trigger: unseals the reverse review of a two-way pair and notifies the reviewee (review_received).';
create trigger reviews_after_insert after insert on public.reviews
  for each row execute function private.after_review_written();

-- Replaces the data model's version: it counted sealed reviews (their ratings would leak through
-- the average) and recomputed without a lock, so two concurrent reviews of one person could each
-- miss the other. Now the target row is locked first, then counted in a new statement (READ
-- COMMITTED takes a fresh snapshot after the lock).
create or replace function private.refresh_review_aggregates() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  row_ public.reviews;
begin
  foreach row_ in array case tg_op when 'INSERT' then array[new] when 'DELETE' then array[old] else array[old, new] end
  loop
    if row_.event_id is not null then
      perform 1 from public.events e where e.id = row_.event_id for no key update;
      update public.events e set (reviews_count, average_rating) = (
        select count(*), round(avg(r.rating), 2) from public.reviews r
        where r.event_id = row_.event_id and r.deleted_at is null and r.sealed_until is null
      ) where e.id = row_.event_id;
    end if;
    if row_.reviewee_id is not null then
      perform 1 from public.profiles p where p.user_id = row_.reviewee_id for no key update;
      update public.profiles p set (reviews_count, average_rating) = (
        select count(*), round(avg(r.rating), 2) from public.reviews r
        where r.reviewee_id = row_.reviewee_id and r.deleted_at is null and r.sealed_until is null
      ) where p.user_id = row_.reviewee_id;
    end if;
    if row_.org_id is not null then
      perform 1 from public.organizations o where o.id = row_.org_id for no key update;
      update public.organizations o set (reviews_count, average_rating) = (
        select count(*), round(avg(r.rating), 2) from public.reviews r
        where r.org_id = row_.org_id and r.deleted_at is null
      ) where o.id = row_.org_id;
    end if;
  end loop;
  return null;
end $$;
comment on function private.refresh_review_aggregates() is
  'Trigger: recomputes reviews_count and average_rating of the event, the reviewee and the organization from live, unsealed reviews, under a row lock.';
-- Also when a review is unsealed: it starts counting then.
drop trigger reviews_refresh_aggregates on public.reviews;
create trigger reviews_refresh_aggregates
  after insert or delete or update of rating, deleted_at, event_id, reviewee_id, org_id, sealed_until
  on public.reviews for each row execute function private.refresh_review_aggregates();

-- The `close_review_window` job (DOMAIN.md §6): sealed reviews whose window closed become visible
-- and start counting. Reads already treat them as open (the policy compares with now()); this
-- brings the aggregates along. Idempotent; the time is a parameter so tests can move it.
create function private.unseal_closed_review_windows(at timestamptz default pg_catalog.now()) returns integer
language sql volatile set search_path = '' as $$
  with opened as (
    update public.reviews r set sealed_until = null
    where r.sealed_until is not null and r.sealed_until <= unseal_closed_review_windows.at
    returning 1
  )
  select count(*)::integer from opened
$$;
comment on function private.unseal_closed_review_windows(timestamptz) is
  'Job: opens sealed reviews whose review window closed before `at`; returns how many.';
revoke all on function private.unseal_closed_review_windows(timestamptz) from public;
grant execute on function private.unseal_closed_review_windows(timestamptz) to service_role;

do $$
begin
  if exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    perform cron.schedule('atas_close_review_window', '7 * * * *', 'select private.unseal_closed_review_windows(now())');
  end if;
end $$;
