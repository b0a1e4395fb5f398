-- Purpose: "reviews I wrote" without a scan. review_cards.is_mine is computed per row (the API
-- roles cannot read reviewer_id), so filtering on it would read every review the caller may see;
-- my_reviews() starts from the caller's own review ids (reviews_reviewer_id_idx) instead.
-- Touches: functions private.my_review_ids, public.my_reviews.

-- Definer: reviewer_id is not readable by the API roles; returns only the caller's own ids.
create function private.my_review_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select r.id from public.reviews r where r.reviewer_id = (select auth.uid())
$$;
comment on function private.my_review_ids() is 'Ids of the reviews the caller wrote (deleted ones included; the reviews policy decides what is shown).';
revoke all on function private.my_review_ids() from public;
grant execute on function private.my_review_ids() to authenticated, service_role;

-- Invoker: review_cards and the reviews policy apply (a suspended author sees nothing).
create function public.my_reviews() returns setof public.review_cards
language sql stable security invoker set search_path = '' as $$
  select c.* from public.review_cards c
  where c.id in (select private.my_review_ids())
  order by c.created_at desc
$$;
comment on function public.my_reviews() is 'The caller''s own live reviews as review cards, newest first (paginate with PostgREST limit/offset).';
revoke all on function public.my_reviews() from public, anon, authenticated, service_role;
grant execute on function public.my_reviews() to authenticated, service_role;
