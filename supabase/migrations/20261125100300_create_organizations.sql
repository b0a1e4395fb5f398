-- Purpose: organizations (reviewed by admins before going public, rule 7.19), their bank details
-- (managers and admins only, rule 7.7) and memberships with a single owner (rule 7.14).
-- Touches: new tables only.

create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references public.users (id),
  name text not null,
  logo_url text,
  cover_url text,
  description text,
  website_url text,
  location text,
  type public.organization_type not null default 'community',
  visibility public.visibility not null default 'public',
  status public.organization_status not null default 'pending',
  decided_at timestamptz,
  decision_reason text,
  average_rating numeric(3, 2),
  reviews_count integer not null default 0,
  followers_count integer not null default 0,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint organizations_name_length check (char_length(btrim(name)) between 2 and 120),
  constraint organizations_logo_url_is_short check (char_length(logo_url) <= 500),
  constraint organizations_cover_url_is_short check (char_length(cover_url) <= 500),
  constraint organizations_description_is_short check (char_length(description) <= 5000),
  constraint organizations_website_url_is_https check (website_url ~ '^https://\S+$' and char_length(website_url) <= 500),
  constraint organizations_location_is_short check (char_length(location) <= 200),
  constraint organizations_decision_reason_is_short check (char_length(decision_reason) <= 500),
  constraint organizations_average_rating_in_range check (average_rating between 1 and 5),
  constraint organizations_counts_are_not_negative check (reviews_count >= 0 and followers_count >= 0)
);
comment on table public.organizations is
  'Organizations. Created pending; public only when approved and public. owner_id is the single owner.';
create index organizations_owner_id_idx on public.organizations (owner_id);
create index organizations_listing_idx on public.organizations (status, visibility) where deleted_at is null;
create trigger organizations_set_updated_at before update on public.organizations
  for each row execute function private.set_updated_at();

-- A table of its own so row-level security can hide it (the original served it publicly).
create table public.organization_bank_details (
  organization_id uuid primary key references public.organizations (id) on delete cascade,
  bank_name text not null,
  account_number text not null,
  holder_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint organization_bank_details_bank_name_length check (char_length(btrim(bank_name)) between 1 and 100),
  constraint organization_bank_details_account_number_format check (account_number ~ '^[0-9A-Za-z -]{4,34}$'),
  constraint organization_bank_details_holder_name_length check (char_length(btrim(holder_name)) between 1 and 100)
);
comment on table public.organization_bank_details is 'Bank details of an organization: its managers and admins only.';
create trigger organization_bank_details_set_updated_at before update on public.organization_bank_details
  for each row execute function private.set_updated_at();

create table public.organization_members (
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  role public.organization_role not null default 'member',
  status public.organization_member_status not null,
  invited_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, user_id),
  constraint organization_members_owner_is_active check (role <> 'owner' or status = 'active')
);
comment on table public.organization_members is
  'Memberships. Exactly one owner row per organization, equal to organizations.owner_id (deferred trigger).';
create index organization_members_user_id_idx on public.organization_members (user_id);
create index organization_members_invited_by_idx on public.organization_members (invited_by);
create unique index organization_members_one_owner on public.organization_members (org_id) where role = 'owner';
create trigger organization_members_set_updated_at before update on public.organization_members
  for each row execute function private.set_updated_at();

-- Career entries (DOMAIN.md §2): an org_id is a link only and never grants membership (rule 7.14).
create table public.educations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  org_id uuid references public.organizations (id) on delete set null,
  qualification text,
  field_of_study text,
  school text,
  start_datetime timestamptz,
  end_datetime timestamptz,
  resume_url text,
  remark text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint educations_qualification_is_short check (char_length(qualification) <= 200),
  constraint educations_field_of_study_is_short check (char_length(field_of_study) <= 200),
  constraint educations_school_is_short check (char_length(school) <= 200),
  constraint educations_resume_url_is_short check (char_length(resume_url) <= 500),
  constraint educations_remark_is_short check (char_length(remark) <= 500),
  constraint educations_end_not_before_start check (start_datetime <= end_datetime)
);
comment on table public.educations is 'A user''s education history; owner writes.';
create index educations_user_id_idx on public.educations (user_id);
create index educations_org_id_idx on public.educations (org_id);
create trigger educations_set_updated_at before update on public.educations
  for each row execute function private.set_updated_at();

create table public.job_experiences (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  org_id uuid references public.organizations (id) on delete set null,
  title text not null,
  description text,
  start_datetime timestamptz,
  end_datetime timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint job_experiences_title_length check (char_length(btrim(title)) between 1 and 150),
  constraint job_experiences_description_is_short check (char_length(description) <= 2000),
  constraint job_experiences_end_not_before_start check (start_datetime <= end_datetime)
);
comment on table public.job_experiences is 'A user''s jobs; owner writes. org_id never joins the organization.';
create index job_experiences_user_id_idx on public.job_experiences (user_id);
create index job_experiences_org_id_idx on public.job_experiences (org_id);
create trigger job_experiences_set_updated_at before update on public.job_experiences
  for each row execute function private.set_updated_at();
