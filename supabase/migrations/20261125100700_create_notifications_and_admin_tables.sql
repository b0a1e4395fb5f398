-- Purpose: in-app notifications (+ per-kind e-mail preferences), e-mail templates, communication
-- logs, the insert-only audit log (DOMAIN.md §2 admin tables, §5).
-- Touches: new tables; adds notifications to the supabase_realtime publication.

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references public.users (id) on delete cascade,
  actor_id uuid references public.users (id) on delete set null,
  type public.notification_type not null,
  kind public.notification_kind not null,
  data jsonb not null default '{}',
  content text not null,
  link_url text,
  is_read boolean not null default false,
  created_at timestamptz not null default now(),
  constraint notifications_content_length check (char_length(btrim(content)) between 1 and 500),
  constraint notifications_link_url_is_app_path check (link_url ~ '^/\S*$' and char_length(link_url) <= 500),
  constraint notifications_data_is_object check (jsonb_typeof(data) = 'object')
);
comment on table public.notifications is
  'In-app notifications. Written by transitions (private.notify) and the service role; the owner only marks them read.';
comment on column public.notifications.actor_id is 'Who caused it; null for system notifications.';
create index notifications_recipient_idx on public.notifications (recipient_id, created_at desc);
create index notifications_unread_idx on public.notifications (recipient_id) where not is_read;
create index notifications_actor_id_idx on public.notifications (actor_id);
alter publication supabase_realtime add table public.notifications;

create table public.notification_preferences (
  user_id uuid not null references public.users (id) on delete cascade,
  kind public.notification_kind not null,
  email_enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (user_id, kind)
);
comment on table public.notification_preferences is 'Per user and kind: whether the notification is also e-mailed. No row = on.';
create trigger notification_preferences_set_updated_at before update on public.notification_preferences
  for each row execute function private.set_updated_at();

create table public.email_templates (
  id uuid primary key default gen_random_uuid(),
  name extensions.citext not null,
  subject text not null,
  body_html text not null,
  variables text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint email_templates_name_is_unique unique (name),
  constraint email_templates_name_format check (name ~ '^[a-z][a-z0-9_]{0,62}$'),
  constraint email_templates_subject_length check (char_length(btrim(subject)) between 1 and 200),
  constraint email_templates_body_html_is_short check (char_length(body_html) <= 100000)
);
comment on table public.email_templates is 'Admin-editable e-mail templates.';
create trigger email_templates_set_updated_at before update on public.email_templates
  for each row execute function private.set_updated_at();

insert into public.email_templates (name, subject, body_html, variables) values
  ('email_verification', 'Confirm your ATAS account', '<p>Hi {{name}}, confirm your e-mail: <a href="{{link}}">confirm</a>.</p>', '{name,link}'),
  ('forgot_password', 'Reset your ATAS password', '<p>Hi {{name}}, reset your password: <a href="{{link}}">reset</a>.</p>', '{name,link}'),
  ('moderation_notice', 'A moderator changed your content', '<p>Hi {{name}}, {{subject}}: {{reason}}</p>', '{name,subject,reason}');

create table public.communication_logs (
  id uuid primary key default gen_random_uuid(),
  type public.communication_type not null,
  status public.communication_status not null default 'pending',
  recipient_id uuid references public.users (id) on delete set null,
  recipient_email extensions.citext,
  template_name text,
  subject text,
  content text,
  attempts integer not null default 0,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint communication_logs_has_recipient check (num_nonnulls(recipient_id, recipient_email) >= 1),
  constraint communication_logs_subject_is_short check (char_length(subject) <= 200),
  constraint communication_logs_content_is_short check (char_length(content) <= 100000),
  constraint communication_logs_attempts_not_negative check (attempts >= 0),
  constraint communication_logs_last_error_is_short check (char_length(last_error) <= 2000),
  constraint communication_logs_sent_has_time check ((status = 'sent') = (sent_at is not null))
);
comment on table public.communication_logs is
  'What was sent to whom. Never holds codes or token links (rule 7.6). Admins read; the service role writes.';
create index communication_logs_recipient_id_idx on public.communication_logs (recipient_id);
create index communication_logs_status_idx on public.communication_logs (status, created_at);
create trigger communication_logs_set_updated_at before update on public.communication_logs
  for each row execute function private.set_updated_at();

-- actor_id and target_id carry no foreign keys: the history outlives the rows it names.
create table public.audit_logs (
  id uuid primary key default gen_random_uuid(),
  actor_id uuid,
  action text not null,
  target_type text not null,
  target_id uuid,
  details jsonb not null default '{}',
  created_at timestamptz not null default now(),
  constraint audit_logs_action_format check (action ~ '^[a-z_]+(\.[a-z_]+)+$' and char_length(action) <= 100),
  constraint audit_logs_target_type_format check (target_type ~ '^[a-z_]{1,50}$'),
  constraint audit_logs_details_is_object check (jsonb_typeof(details) = 'object')
);
comment on table public.audit_logs is 'Insert-only record of admin and lifecycle actions (trigger refuses update, delete, truncate).';
create index audit_logs_actor_idx on public.audit_logs (actor_id, created_at desc);
create index audit_logs_target_idx on public.audit_logs (target_type, target_id);
create index audit_logs_created_at_idx on public.audit_logs (created_at desc);
