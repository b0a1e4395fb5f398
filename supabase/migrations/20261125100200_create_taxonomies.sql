-- Purpose: shared taxonomies (tags, skills, categories; admins write, everyone reads) and the
-- profile links to tags and skills (DOMAIN.md §2).
-- Touches: new tables only.

create table public.tags (
  id uuid primary key default gen_random_uuid(),
  name extensions.citext not null,
  created_at timestamptz not null default now(),
  constraint tags_name_is_unique unique (name),
  constraint tags_name_length check (char_length(btrim(name::text)) between 1 and 50)
);
comment on table public.tags is 'Profile tags. Admins write (rule 7.18); everyone reads.';

create table public.skills (
  id uuid primary key default gen_random_uuid(),
  name extensions.citext not null,
  created_at timestamptz not null default now(),
  constraint skills_name_is_unique unique (name),
  constraint skills_name_length check (char_length(btrim(name::text)) between 1 and 50)
);
comment on table public.skills is 'Profile skills. Admins write (rule 7.18); everyone reads.';

create table public.categories (
  id uuid primary key default gen_random_uuid(),
  name extensions.citext not null,
  created_at timestamptz not null default now(),
  constraint categories_name_is_unique unique (name),
  constraint categories_name_length check (char_length(btrim(name::text)) between 1 and 50)
);
comment on table public.categories is 'Event categories. Admins write (rule 7.18); everyone reads.';

create table public.profile_tags (
  profile_id uuid not null references public.profiles (user_id) on delete cascade,
  tag_id uuid not null references public.tags (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (profile_id, tag_id)
);
comment on table public.profile_tags is 'At most 3 tags per profile (trigger; the original checked it on update only).';
create index profile_tags_tag_id_idx on public.profile_tags (tag_id);

create table public.profile_skills (
  profile_id uuid not null references public.profiles (user_id) on delete cascade,
  skill_id uuid not null references public.skills (id) on delete cascade,
  level smallint not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (profile_id, skill_id),
  constraint profile_skills_level_in_range check (level between 1 and 5)
);
comment on table public.profile_skills is 'A profile''s skills with a self-assessed level 1–5.';
create index profile_skills_skill_id_idx on public.profile_skills (skill_id);
create trigger profile_skills_set_updated_at before update on public.profile_skills
  for each row execute function private.set_updated_at();
