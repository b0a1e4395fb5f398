-- Purpose: review_cards reads each reviewer's name and avatar by primary key. The view joined
-- public.profiles on the result of private.review_author(r.id); the planner could not use the key
-- for that and hashed every profile the caller may see, evaluating the profiles policy once per
-- profile: a page of 10 reviews of an organization took 4 s at 100,000 users (`npm run bench`).
-- Same columns, same rows, same masking; only the join is now a lateral probe.
-- Touches: view public.review_cards (recreated in place; grants are kept).

create or replace view public.review_cards with (security_invoker = true) as
select
  r.id,
  case when r.org_id is null then 'person' else 'organization' end as target,
  r.event_id,
  r.org_id as organization_id,
  r.reviewee_id,
  r.rating,
  r.comment,
  author.reviewer_id,
  author.reviewer_id is null as reviewer_is_anonymous,
  coalesce(author.reviewer_id = (select auth.uid()), false) as is_mine,
  p.full_name as reviewer_name,
  p.avatar_url as reviewer_avatar_url,
  r.sealed_until,
  r.deleted_at,
  r.created_at,
  r.updated_at
from public.reviews r
cross join lateral (select private.review_author(r.id) as reviewer_id) author
-- LIMIT 1 keeps this a per-row primary-key probe (a plain join let the planner hash every
-- visible profile, calling the profiles policy 100,000 times for a page of 10 reviews).
left join lateral (
  select pr.full_name, pr.avatar_url from public.profiles pr where pr.user_id = author.reviewer_id limit 1
) p on true;
