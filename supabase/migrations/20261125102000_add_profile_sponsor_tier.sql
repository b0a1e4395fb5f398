-- Purpose: the sponsor tier of DOMAIN.md §2 profiles (Bronze ≥ 1, Silver ≥ 5, Gold ≥ 10 accepted
-- sponsorships, orig). Who sponsored which event is participant data most callers may not read,
-- so the count is kept on the profile by trigger (like followers_count) and the tier is derived
-- from it; neither is writable by clients.
-- Touches: profiles (two columns), a trigger on event_participants.

alter table public.profiles
  add column sponsorships_count integer not null default 0,
  add constraint profiles_sponsorships_count_is_not_negative check (sponsorships_count >= 0),
  add column sponsor_tier text generated always as (
    case when sponsorships_count >= 10 then 'Gold' when sponsorships_count >= 5 then 'Silver'
         when sponsorships_count >= 1 then 'Bronze' end
  ) stored;
comment on column public.profiles.sponsorships_count is 'Accepted (or attended) sponsor rows of this user; trigger-maintained.';
comment on column public.profiles.sponsor_tier is 'Bronze ≥ 1, Silver ≥ 5, Gold ≥ 10 accepted sponsorships; null = none.';

create function private.refresh_sponsorships_count() returns trigger
language plpgsql set search_path = '' as $$
declare
  affected uuid;
begin
  for affected in
    select distinct u from unnest(array[
      case when tg_op in ('UPDATE', 'DELETE') then old.user_id end,
      case when tg_op in ('INSERT', 'UPDATE') then new.user_id end]) as u
    where u is not null
  loop
    update public.profiles p set sponsorships_count = (
      select count(*) from public.event_participants ep
      where ep.user_id = affected and ep.role = 'sponsor' and ep.status in ('accepted', 'attended')
    ) where p.user_id = affected;
  end loop;
  return null;
end $$;
comment on function private.refresh_sponsorships_count() is 'Trigger: keeps profiles.sponsorships_count equal to the accepted sponsor rows.';

-- Only rows that are or were sponsor rows can change the count.
create trigger event_participants_refresh_sponsorships after insert or delete or update of status, role, user_id
  on public.event_participants for each row
  execute function private.refresh_sponsorships_count();

create index event_participants_sponsor_idx on public.event_participants (user_id) where role = 'sponsor';
