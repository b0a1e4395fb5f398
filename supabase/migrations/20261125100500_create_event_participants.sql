-- Purpose: who takes part in an event and how (DOMAIN.md §2, §3.6): walk-in tokens, participants
-- (with the waitlist), reminders and the team checklist.
-- Touches: new tables only. Capacity, waitlist and status rules are triggers (later migration).

create table public.event_walk_in_tokens (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  -- 192 random bits, hex: unguessable, URL-safe.
  token text not null default pg_catalog.encode(extensions.gen_random_bytes(24), 'hex'),
  label text,
  max_uses integer,
  current_uses integer not null default 0,
  is_active boolean not null default true,
  expires_at timestamptz,
  created_by uuid default auth.uid() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint event_walk_in_tokens_token_is_unique unique (token),
  constraint event_walk_in_tokens_token_is_long check (char_length(token) >= 32),
  constraint event_walk_in_tokens_label_is_short check (char_length(label) <= 100),
  constraint event_walk_in_tokens_max_uses_is_positive check (max_uses > 0),
  constraint event_walk_in_tokens_uses_within_limit check (current_uses >= 0 and current_uses <= coalesce(max_uses, current_uses))
);
comment on table public.event_walk_in_tokens is 'Walk-in links of an event (team only). expires_at defaults to the event end.';
create index event_walk_in_tokens_event_id_idx on public.event_walk_in_tokens (event_id);
create index event_walk_in_tokens_created_by_idx on public.event_walk_in_tokens (created_by);
create trigger event_walk_in_tokens_set_updated_at before update on public.event_walk_in_tokens
  for each row execute function private.set_updated_at();

create table public.event_participants (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  user_id uuid references public.users (id) on delete cascade,
  guest_name text,
  guest_email extensions.citext,
  role public.event_participant_role not null default 'audience',
  description text,
  join_method public.event_join_method not null,
  status public.event_participant_status not null default 'pending',
  waitlist_position integer,
  payment_status public.payment_status,
  payment_proof_url text,
  promo_link text,
  promo_image_url text,
  proposal_id uuid references public.event_proposals (id) on delete set null,
  walk_in_token_id uuid references public.event_walk_in_tokens (id) on delete set null,
  invited_by uuid references public.users (id) on delete set null,
  responded_at timestamptz,
  attended_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint event_participants_user_is_unique unique (event_id, user_id),
  constraint event_participants_waitlist_position_is_unique unique (event_id, waitlist_position),
  constraint event_participants_is_user_or_guest check (
    (user_id is not null and guest_name is null and guest_email is null)
    or (user_id is null and guest_name is not null and guest_email is not null)
  ),
  constraint event_participants_guest_is_walk_in check (user_id is not null or join_method = 'walk_in'),
  constraint event_participants_guest_name_length check (char_length(btrim(guest_name)) between 1 and 100),
  constraint event_participants_guest_email_format check (
    guest_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(guest_email) <= 254
  ),
  constraint event_participants_description_is_short check (char_length(description) <= 2000),
  constraint event_participants_organizer_role_matches_join_method check ((role = 'organizer') = (join_method = 'organizer')),
  constraint event_participants_waitlist_position_matches_status check ((status = 'waitlisted') = (waitlist_position is not null)),
  constraint event_participants_waitlist_position_is_positive check (waitlist_position > 0),
  constraint event_participants_attended_has_time check (status <> 'attended' or attended_at is not null),
  constraint event_participants_payment_proof_url_is_short check (char_length(payment_proof_url) <= 500),
  constraint event_participants_promo_link_is_https check (promo_link ~ '^https://\S+$' and char_length(promo_link) <= 500),
  constraint event_participants_promo_image_url_is_short check (char_length(promo_image_url) <= 500)
);
comment on table public.event_participants is
  'One row per event and user (or guest e-mail). Status moves only along DOMAIN.md §3.6 (trigger); '
  'audience seats are checked under a lock on the event row. Written by edge functions, never by PostgREST.';
comment on column public.event_participants.waitlist_position is 'FIFO order among waitlisted rows; set by trigger.';
create unique index event_participants_guest_email_is_unique on public.event_participants (event_id, guest_email)
  where user_id is null;
create unique index event_participants_one_organizer on public.event_participants (event_id) where role = 'organizer';
create index event_participants_user_id_idx on public.event_participants (user_id, status);
create index event_participants_event_status_idx on public.event_participants (event_id, status, role);
create index event_participants_proposal_id_idx on public.event_participants (proposal_id);
create index event_participants_walk_in_token_id_idx on public.event_participants (walk_in_token_id);
create index event_participants_invited_by_idx on public.event_participants (invited_by);
create trigger event_participants_set_updated_at before update on public.event_participants
  for each row execute function private.set_updated_at();

create table public.event_reminders (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  option public.reminder_option not null,
  -- Computed by trigger from the event start; the client never sends it.
  remind_at timestamptz not null,
  is_sent boolean not null default false,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint event_reminders_sent_has_time check (is_sent = (sent_at is not null))
);
comment on table public.event_reminders is 'Personal reminders (one unsent per event, user and option); sent by the reminder job.';
create unique index event_reminders_one_unsent_per_option on public.event_reminders (event_id, user_id, option)
  where not is_sent;
create index event_reminders_user_id_idx on public.event_reminders (user_id);
create index event_reminders_due_idx on public.event_reminders (remind_at) where not is_sent;
create trigger event_reminders_set_updated_at before update on public.event_reminders
  for each row execute function private.set_updated_at();

create table public.event_checklist_items (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references public.events (id) on delete cascade,
  title text not null,
  description text,
  is_completed boolean not null default false,
  visibility public.checklist_visibility not null default 'internal',
  audience_role public.event_participant_role,
  link_url text,
  sort_order integer not null default 0,
  due_datetime timestamptz,
  created_by_user_id uuid default auth.uid() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint event_checklist_items_title_length check (char_length(btrim(title)) between 1 and 200),
  constraint event_checklist_items_description_is_short check (char_length(description) <= 4000),
  constraint event_checklist_items_link_url_is_https check (link_url ~ '^https://\S+$' and char_length(link_url) <= 500),
  constraint event_checklist_items_audience_role_only_external check (visibility = 'external' or audience_role is null)
);
comment on table public.event_checklist_items is
  'Team checklist. internal: team only; external: accepted participants of audience_role (null = all).';
create index event_checklist_items_event_id_idx on public.event_checklist_items (event_id, sort_order);
create index event_checklist_items_created_by_user_id_idx on public.event_checklist_items (created_by_user_id);
create trigger event_checklist_items_set_updated_at before update on public.event_checklist_items
  for each row execute function private.set_updated_at();

create table public.event_checklist_assignments (
  item_id uuid not null references public.event_checklist_items (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  -- Copied from the item by trigger so policies need not read the items table (no policy recursion).
  event_id uuid not null references public.events (id) on delete cascade,
  assigned_by uuid default auth.uid() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (item_id, user_id)
);
comment on table public.event_checklist_assignments is 'Assignees must be team or accepted participants of the item''s event (trigger).';
create index event_checklist_assignments_user_id_idx on public.event_checklist_assignments (user_id);
create index event_checklist_assignments_assigned_by_idx on public.event_checklist_assignments (assigned_by);
create index event_checklist_assignments_event_id_idx on public.event_checklist_assignments (event_id);

create table public.event_checklist_item_files (
  item_id uuid not null references public.event_checklist_items (id) on delete cascade,
  proposal_id uuid not null references public.event_proposals (id) on delete cascade,
  -- Copied from the item by trigger (policies read it without touching the items table).
  event_id uuid not null references public.events (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (item_id, proposal_id)
);
comment on table public.event_checklist_item_files is 'Proposal files attached to an item; same event only (trigger).';
create index event_checklist_item_files_proposal_id_idx on public.event_checklist_item_files (proposal_id);
create index event_checklist_item_files_event_id_idx on public.event_checklist_item_files (event_id);
