-- Purpose: reviews (earned, unique, never of oneself; rule 7.10) and follows of users and
-- organizations (unique, never of oneself) (DOMAIN.md §2, §3.7).
-- Touches: new tables only. Aggregates and follower counts are triggers (later migration).

create table public.reviews (
  id uuid primary key default gen_random_uuid(),
  event_id uuid references public.events (id) on delete cascade,
  org_id uuid references public.organizations (id) on delete cascade,
  reviewer_id uuid not null references public.users (id) on delete cascade,
  reviewee_id uuid references public.users (id) on delete cascade,
  rating smallint not null,
  comment text,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reviews_has_one_target check (
    (event_id is not null and reviewee_id is not null and org_id is null)
    or (org_id is not null and event_id is null and reviewee_id is null)
  ),
  constraint reviews_not_self_review check (reviewer_id <> reviewee_id),
  constraint reviews_rating_in_range check (rating between 1 and 5),
  constraint reviews_comment_is_short check (char_length(comment) <= 2000)
);
comment on table public.reviews is
  'Reviews of a person in an event, or of an organization. Written by the reviews function; soft delete.';
create unique index reviews_one_per_event_pair on public.reviews (event_id, reviewer_id, reviewee_id)
  where deleted_at is null and event_id is not null;
create unique index reviews_one_per_organization on public.reviews (org_id, reviewer_id)
  where deleted_at is null and org_id is not null;
create index reviews_event_id_idx on public.reviews (event_id);
create index reviews_org_id_idx on public.reviews (org_id);
create index reviews_reviewer_id_idx on public.reviews (reviewer_id);
create index reviews_reviewee_id_idx on public.reviews (reviewee_id);
create trigger reviews_set_updated_at before update on public.reviews
  for each row execute function private.set_updated_at();

create table public.follows (
  id uuid primary key default gen_random_uuid(),
  follower_id uuid not null references public.users (id) on delete cascade,
  followee_id uuid references public.users (id) on delete cascade,
  org_id uuid references public.organizations (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint follows_has_one_target check (num_nonnulls(followee_id, org_id) = 1),
  constraint follows_not_self_follow check (follower_id <> followee_id),
  constraint follows_user_pair_is_unique unique (follower_id, followee_id),
  constraint follows_organization_pair_is_unique unique (follower_id, org_id)
);
comment on table public.follows is 'A user follows a user or an organization. Own rows only; counts are trigger-maintained.';
create index follows_followee_id_idx on public.follows (followee_id);
create index follows_org_id_idx on public.follows (org_id);
