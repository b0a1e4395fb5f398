-- Purpose: two landed migrations replaced private.check_review_rules() side by side —
-- 20261204050000 (every refusal names its contract code; the 14-day window is one function) and
-- 20261204100100 (a missing caller is refused unless the named system path writes). The later one
-- was written against the older body, so on its own it dropped the named refusals. This body is
-- 20261204050000's with 20261204100100's system-path checks; nothing else changes.
-- Touches: function private.check_review_rules (replaced).

create or replace function private.check_review_rules() returns trigger
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
      -- Anyone but the named system path (jobs, owner scripts) must be the author or an admin.
      if not private.is_system_path() and caller is distinct from old.reviewer_id and not private.is_admin() then
        raise exception using errcode = 'insufficient_privilege',
          message = 'Cannot delete this review: only its author or an admin may';
      end if;
      new.deleted_at := pg_catalog.now();
    end if;
    if (new.rating, new.comment) is distinct from (old.rating, old.comment) then
      if not private.is_system_path() and caller is distinct from old.reviewer_id then
        raise exception using errcode = 'insufficient_privilege', message = 'Cannot edit this review: only its author may';
      end if;
      if old.event_id is not null then
        select e.title, e.status, e.end_datetime into ev from public.events e where e.id = old.event_id;
        if ev.status <> 'ended' or pg_catalog.now() >= private.review_window_closes_at(ev.end_datetime) then
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
  if not private.is_system_path() and caller is distinct from new.reviewer_id then
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
      raise exception using errcode = 'insufficient_privilege', constraint = 'review_reviewer_not_eligible', table = 'reviews',
        message = pg_catalog.format('Cannot review "%s": only its active members and attendees of its ended events may', org.name);
    end if;
    -- The unique index reviews_one_per_organization still decides under races; this is its sentence.
    if exists (select 1 from public.reviews r where r.org_id = new.org_id and r.reviewer_id = new.reviewer_id and r.deleted_at is null) then
      raise exception using errcode = 'unique_violation', constraint = 'reviews_one_per_organization', table = 'reviews',
        message = pg_catalog.format('You already reviewed "%s": edit that review instead', org.name);
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
  closes_at := private.review_window_closes_at(ev.end_datetime);
  if pg_catalog.now() >= closes_at then
    raise exception using errcode = 'check_violation', constraint = 'review_window_closed', table = 'reviews',
      message = pg_catalog.format('Cannot review people of "%s": the 14-day review window closed on %s', ev.title,
        pg_catalog.to_char(closes_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'));
  end if;
  reviewer_side := private.review_side(new.event_id, new.reviewer_id);
  if reviewer_side is null then
    raise exception using errcode = 'insufficient_privilege', constraint = 'review_reviewer_not_eligible', table = 'reviews',
      message = pg_catalog.format('Cannot review people of "%s": only its organizer, accepted team, speakers and sponsors, and attendees may', ev.title);
  end if;
  reviewee_side := private.review_side(new.event_id, new.reviewee_id);
  if reviewee_side is null or not private.review_pair_is_allowed(reviewer_side, reviewee_side) then
    raise exception using errcode = 'insufficient_privilege', constraint = 'review_pair_not_allowed', table = 'reviews',
      message = pg_catalog.format('Cannot review this person for "%s": as %s %s you may review %s', ev.title,
        case reviewer_side when 'audience' then 'a member of the' when 'organizer' then 'the' else 'a' end, reviewer_side,
        case reviewer_side
          when 'audience' then 'its organizer or a speaker'
          when 'organizer' then 'an accepted speaker, sponsor or committee member'
          else 'its organizer'
        end);
  end if;
  -- The unique index reviews_one_per_event_pair still decides under races; this is its sentence.
  if exists (
    select 1 from public.reviews r
    where r.event_id = new.event_id and r.reviewer_id = new.reviewer_id and r.reviewee_id = new.reviewee_id and r.deleted_at is null
  ) then
    raise exception using errcode = 'unique_violation', constraint = 'reviews_one_per_event_pair', table = 'reviews',
      message = pg_catalog.format('You already reviewed this person for "%s": edit that review instead', ev.title);
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
  'Trigger: DOMAIN.md §3.7 for every writer, the only copy of the rules; refusals name their contract code (constraint); computes sealed_until; refuses target changes, undeletes and edits after the window.';
