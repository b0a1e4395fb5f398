-- Purpose: accounts (public.users, 1:1 with auth.users), role requests with their approval state,
-- public profiles and onboarding progress (DOMAIN.md §2 users, user_roles, profiles, user_onboardings).
-- Touches: new tables only. Rows are created by the sign-up trigger (a later migration).

create table public.users (
  id uuid primary key references auth.users (id) on delete cascade,
  email extensions.citext,
  status public.user_status not null default 'inactive',
  is_verified boolean not null default false,
  is_dashboard_pro boolean not null default false,
  referral_code text not null default pg_catalog.upper(pg_catalog.substr(pg_catalog.encode(extensions.gen_random_bytes(5), 'hex'), 1, 8)),
  referred_by uuid references public.users (id) on delete set null,
  suspended_reason text,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint users_email_is_unique unique (email),
  constraint users_referral_code_is_unique unique (referral_code),
  constraint users_referral_code_has_8_characters check (referral_code ~ '^[A-Z0-9]{8}$'),
  constraint users_suspended_reason_is_short check (char_length(suspended_reason) <= 500),
  constraint users_suspension_has_reason check (status <> 'suspended' or suspended_reason is not null),
  constraint users_not_referred_by_self check (referred_by <> id)
);
comment on table public.users is
  'Accounts. id = auth.users.id; email is copied from auth by trigger and never user-writable. Private: self and admins.';
comment on column public.users.status is 'inactive until e-mail confirmation; suspended by admins only; every write policy requires active.';
create index users_referred_by_idx on public.users (referred_by);
create index users_status_idx on public.users (status) where deleted_at is null;
create trigger users_set_updated_at before update on public.users
  for each row execute function private.set_updated_at();

create table public.user_roles (
  user_id uuid not null references public.users (id) on delete cascade,
  role public.app_role not null,
  status public.role_status not null default 'pending',
  requested_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by uuid references public.users (id) on delete set null,
  decision_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (user_id, role),
  constraint user_roles_decision_reason_is_short check (char_length(decision_reason) <= 500),
  constraint user_roles_not_decided_by_self check (decided_by <> user_id),
  constraint user_roles_pending_is_undecided check (status <> 'pending' or decided_at is null)
);
comment on table public.user_roles is
  'Platform roles. Effective only when approved; requests and decisions go through edge functions, never PostgREST.';
create index user_roles_decided_by_idx on public.user_roles (decided_by);
create index user_roles_role_status_idx on public.user_roles (role, status);
create trigger user_roles_set_updated_at before update on public.user_roles
  for each row execute function private.set_updated_at();

-- The profile's key is the user's id, so profile_id in profile_tags/skills is that same id.
create table public.profiles (
  user_id uuid primary key references public.users (id) on delete cascade,
  full_name text not null,
  bio text,
  title text,
  availability text,
  today_status text,
  avatar_url text,
  cover_url text,
  linkedin_url text,
  github_url text,
  instagram_url text,
  twitter_url text,
  website_url text,
  country text,
  city text,
  origin_country text,
  can_be_speaker boolean not null default false,
  intents public.profile_intent[] not null default '{}',
  average_rating numeric(3, 2),
  reviews_count integer not null default 0,
  followers_count integer not null default 0,
  following_count integer not null default 0,
  is_onboarded boolean not null default false,
  visibility public.visibility not null default 'public',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_full_name_length check (char_length(btrim(full_name)) between 1 and 100),
  constraint profiles_bio_is_short check (char_length(bio) <= 2000),
  constraint profiles_title_is_short check (char_length(title) <= 120),
  constraint profiles_availability_is_short check (char_length(availability) <= 200),
  constraint profiles_today_status_is_short check (char_length(today_status) <= 100),
  -- Media columns hold storage paths or URLs (the storage issue decides); only their length is bounded.
  constraint profiles_avatar_url_is_short check (char_length(avatar_url) <= 500),
  constraint profiles_cover_url_is_short check (char_length(cover_url) <= 500),
  constraint profiles_linkedin_url_is_https check (linkedin_url ~ '^https://\S+$' and char_length(linkedin_url) <= 500),
  constraint profiles_github_url_is_https check (github_url ~ '^https://\S+$' and char_length(github_url) <= 500),
  constraint profiles_instagram_url_is_https check (instagram_url ~ '^https://\S+$' and char_length(instagram_url) <= 500),
  constraint profiles_twitter_url_is_https check (twitter_url ~ '^https://\S+$' and char_length(twitter_url) <= 500),
  constraint profiles_website_url_is_https check (website_url ~ '^https://\S+$' and char_length(website_url) <= 500),
  constraint profiles_country_is_short check (char_length(country) <= 100),
  constraint profiles_city_is_short check (char_length(city) <= 100),
  constraint profiles_origin_country_is_short check (char_length(origin_country) <= 100),
  constraint profiles_average_rating_in_range check (average_rating between 1 and 5),
  constraint profiles_counts_are_not_negative check (reviews_count >= 0 and followers_count >= 0 and following_count >= 0)
);
comment on table public.profiles is
  'Public face of a user. Owners edit their own fields; ratings, counts and is_onboarded are maintained by triggers.';
comment on column public.profiles.average_rating is 'Average of live reviews about this user; trigger-maintained.';
create index profiles_visibility_idx on public.profiles (visibility);
create trigger profiles_set_updated_at before update on public.profiles
  for each row execute function private.set_updated_at();

create table public.user_onboardings (
  user_id uuid primary key references public.users (id) on delete cascade,
  status public.onboarding_status not null default 'not_started',
  step smallint not null default 0,
  flags jsonb not null default '{}',
  onboarding_data jsonb not null default '{}',
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint user_onboardings_step_in_range check (step between 0 and 20),
  constraint user_onboardings_flags_is_object check (jsonb_typeof(flags) = 'object'),
  constraint user_onboardings_data_is_object check (jsonb_typeof(onboarding_data) = 'object'),
  constraint user_onboardings_data_is_small check (pg_column_size(onboarding_data) <= 16384)
);
comment on table public.user_onboardings is 'Onboarding progress; completion (by function) sets profiles.is_onboarded.';
create trigger user_onboardings_set_updated_at before update on public.user_onboardings
  for each row execute function private.set_updated_at();
