-- Purpose: following someone notifies them once (DOMAIN.md §5.1 `new_follower`), not on every
-- re-follow: private.follow_notices remembers who was already told, and outlives the follow row
-- (an unfollow deletes it). Organization follows notify nobody (no single person to tell).
-- Touches: table private.follow_notices; function private.notify_new_follower; trigger on follows.

create table private.follow_notices (
  follower_id uuid not null references public.users (id) on delete cascade,
  followee_id uuid not null references public.users (id) on delete cascade,
  notified_at timestamptz not null default now(),
  primary key (follower_id, followee_id)
);
comment on table private.follow_notices is
  'Who has been told about which follower (new_follower goes out once per pair, whatever the unfollow/re-follow churn).';
create index follow_notices_followee_id_idx on private.follow_notices (followee_id);
alter table private.follow_notices enable row level security;
revoke all on private.follow_notices from public, anon, authenticated, service_role;

-- Definer: the follower (authenticated, through PostgREST) may neither read the notice ledger nor
-- write someone else's notification.
create function private.notify_new_follower() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  follower_name text;
begin
  insert into private.follow_notices (follower_id, followee_id) values (new.follower_id, new.followee_id)
  on conflict do nothing;
  if not found then
    return null;  -- told before: a re-follow stays silent
  end if;
  select p.full_name into follower_name from public.profiles p where p.user_id = new.follower_id;
  perform private.notify(new.followee_id, 'new_follower',
    pg_catalog.format('%s follows you.', coalesce(pg_catalog.left(follower_name, 100), 'Someone')),
    pg_catalog.format('/profiles/%s', new.follower_id),
    pg_catalog.jsonb_build_object('follower_id', new.follower_id),
    new.follower_id);
  return null;
end $$;
comment on function private.notify_new_follower() is 'Trigger: new_follower notification, once per (follower, followee).';
create trigger follows_notify_followee after insert on public.follows
  for each row when (new.followee_id is not null) execute function private.notify_new_follower();
