-- Purpose: events and their details that are not participants: restricted links (meeting URL,
-- payment QR), categories, pictures, proposals and comments (DOMAIN.md §2 events, event_pictures,
-- event_proposals).
-- Touches: new tables only.

create table public.events (
  id uuid primary key default gen_random_uuid(),
  organizer_id uuid not null references public.users (id),
  organization_id uuid references public.organizations (id) on delete set null,
  title text not null,
  description text,
  logo_url text,
  cover_url text,
  remark text,
  format public.event_format not null default 'other',
  -- Null on insert is filled by trigger: webinar → online, else physical (orig).
  type public.event_type not null,
  start_datetime timestamptz,
  end_datetime timestamptz,
  timezone text not null default 'Asia/Kuala_Lumpur',
  registration_type public.event_registration_type not null default 'free',
  registration_status public.event_registration_status not null default 'closed',
  status public.event_status not null default 'draft',
  visibility public.visibility not null default 'public',
  auto_accept_registration boolean not null default true,
  is_attendance_enabled boolean not null default true,
  max_participant integer,
  venue_place_id text,
  venue_remark text,
  price numeric(10, 2) not null default 0,
  currency char(3) not null default 'MYR',
  published_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  participant_count integer not null default 0,
  reviews_count integer not null default 0,
  average_rating numeric(3, 2),
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint events_title_length check (char_length(btrim(title)) between 1 and 150),
  constraint events_title_has_at_most_15_words check (
    coalesce(array_length(regexp_split_to_array(btrim(title), '\s+'), 1), 0) <= 15
  ),
  constraint events_description_is_short check (char_length(description) <= 10000),
  constraint events_logo_url_is_short check (char_length(logo_url) <= 500),
  constraint events_cover_url_is_short check (char_length(cover_url) <= 500),
  constraint events_remark_is_short check (char_length(remark) <= 500),
  constraint events_end_after_start check (start_datetime < end_datetime),
  constraint events_schedule_is_set_unless_draft check (
    status = 'draft' or (start_datetime is not null and end_datetime is not null)
  ),
  constraint events_max_participant_is_positive check (max_participant > 0),
  constraint events_venue_place_id_is_short check (char_length(venue_place_id) <= 300),
  constraint events_venue_remark_is_short check (char_length(venue_remark) <= 500),
  constraint events_price_is_not_negative check (price >= 0),
  constraint events_free_event_has_no_price check (registration_type = 'paid' or price = 0),
  constraint events_paid_event_is_not_auto_accepted check (registration_type = 'free' or not auto_accept_registration),
  constraint events_currency_is_iso_code check (currency ~ '^[A-Z]{3}$'),
  constraint events_cancellation_is_recorded check ((status = 'cancelled') = (cancelled_at is not null)),
  constraint events_cancel_reason_is_short check (char_length(cancel_reason) <= 500),
  constraint events_average_rating_in_range check (average_rating between 1 and 5),
  constraint events_counts_are_not_negative check (participant_count >= 0 and reviews_count >= 0)
);
comment on table public.events is
  'Events. organizer_id is the single source of truth; status moves only along DOMAIN.md §3.4 (trigger).';
comment on column public.events.timezone is 'IANA zone the schedule is shown in (validated against pg_timezone_names).';
comment on column public.events.max_participant is 'Audience seats (accepted + attended audience rows); null = unlimited.';
comment on column public.events.participant_count is 'Accepted + attended audience rows (rule 7.9); trigger-maintained.';
create index events_organizer_id_idx on public.events (organizer_id);
create index events_organization_id_idx on public.events (organization_id);
create index events_listing_idx on public.events (status, visibility, start_datetime) where deleted_at is null;
create trigger events_set_updated_at before update on public.events
  for each row execute function private.set_updated_at();

-- Restricted event fields live in their own tables so RLS can give them narrower audiences
-- (rule 7.7: the original served meeting links publicly).
create table public.event_meeting_links (
  event_id uuid primary key references public.events (id) on delete cascade,
  meeting_url text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint event_meeting_links_meeting_url_is_https check (meeting_url ~ '^https://\S+$' and char_length(meeting_url) <= 500)
);
comment on table public.event_meeting_links is 'Online meeting link: event team, accepted participants and admins only.';
create trigger event_meeting_links_set_updated_at before update on public.event_meeting_links
  for each row execute function private.set_updated_at();

create table public.event_payment_details (
  event_id uuid primary key references public.events (id) on delete cascade,
  payment_qr_url text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint event_payment_details_payment_qr_url_is_short check (char_length(payment_qr_url) <= 500)
);
comment on table public.event_payment_details is 'Payment QR of a paid event: participants, team and admins only.';
create trigger event_payment_details_set_updated_at before update on public.event_payment_details
  for each row execute function private.set_updated_at();

create table public.event_categories (
  event_id uuid not null references public.events (id) on delete cascade,
  category_id uuid not null references public.categories (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (event_id, category_id)
);
comment on table public.event_categories is 'At most 3 categories per event (trigger; the original checked it in the UI only).';
create index event_categories_category_id_idx on public.event_categories (category_id);

create table public.event_pictures (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  url text not null,
  caption text,
  sort_order integer not null default 0,
  created_by uuid default auth.uid() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint event_pictures_url_length check (char_length(url) between 1 and 500),
  constraint event_pictures_caption_is_short check (char_length(caption) <= 200)
);
comment on table public.event_pictures is 'Gallery of an event; the team writes.';
create index event_pictures_event_id_idx on public.event_pictures (event_id, sort_order);
create index event_pictures_created_by_idx on public.event_pictures (created_by);
create trigger event_pictures_set_updated_at before update on public.event_pictures
  for each row execute function private.set_updated_at();

create table public.event_proposals (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  created_by_user_id uuid not null references public.users (id),
  title text not null,
  description text,
  file_url text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint event_proposals_title_length check (char_length(btrim(title)) between 1 and 200),
  constraint event_proposals_description_is_short check (char_length(description) <= 10000),
  constraint event_proposals_file_url_is_short check (char_length(file_url) <= 500)
);
comment on table public.event_proposals is 'Invitation briefs and shared files of an event (expert booking, speaker invitations).';
create index event_proposals_event_id_idx on public.event_proposals (event_id);
create index event_proposals_created_by_user_id_idx on public.event_proposals (created_by_user_id);
create trigger event_proposals_set_updated_at before update on public.event_proposals
  for each row execute function private.set_updated_at();

create table public.event_proposal_comments (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references public.event_proposals (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  content text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint event_proposal_comments_content_length check (char_length(btrim(content)) between 1 and 4000)
);
comment on table public.event_proposal_comments is 'Discussion on a proposal; authors edit their own comments.';
create index event_proposal_comments_proposal_id_idx on public.event_proposal_comments (proposal_id, created_at);
create index event_proposal_comments_user_id_idx on public.event_proposal_comments (user_id);
create trigger event_proposal_comments_set_updated_at before update on public.event_proposal_comments
  for each row execute function private.set_updated_at();
