-- Purpose: deleting an auth.users row (dashboard, Auth admin API) must not cascade away the
-- person's participations, reviews and the events and organizations they hold (issue 14, rule 20:
-- deletes are soft everywhere, history kept). public.users referenced auth.users with
-- `on delete cascade`, and everything else cascades from public.users.
-- Now the account row outlives its Auth row: the foreign key to auth.users is dropped (the row is
-- still created only by the sign-up trigger, with the Auth id), and an AFTER DELETE trigger on
-- auth.users soft-deletes the account (inactive + deleted_at, like the accounts function's
-- deletion) and clears its e-mail so the address can sign up afresh. An account with no history
-- at all (e.g. an unconfirmed sign-up) is removed with its profile, as before.
-- Touches: drops constraint public.users.users_id_fkey; new function
-- private.keep_account_history_when_auth_user_goes(); trigger on_auth_user_deleted on auth.users.

alter table public.users drop constraint users_id_fkey;
comment on column public.users.id is
  'The Auth user id (set by the sign-up trigger). No foreign key: the account and its history outlive a deleted Auth user (rule 20).';

create function private.keep_account_history_when_auth_user_goes() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from public.event_participants p where p.user_id = old.id)
     or exists (select 1 from public.reviews r where r.reviewer_id = old.id or r.reviewee_id = old.id)
     or exists (select 1 from public.events e where e.organizer_id = old.id)
     or exists (select 1 from public.organizations o where o.owner_id = old.id)
     or exists (select 1 from public.event_proposals pr where pr.created_by_user_id = old.id)
     or exists (select 1 from public.event_proposal_comments c where c.user_id = old.id) then
    update public.users
    set status = case when status in ('active', 'suspended') then 'inactive'::public.user_status else status end,
        deleted_at = coalesce(deleted_at, pg_catalog.now()),
        email = null
    where id = old.id;
  else
    delete from public.users where id = old.id;
  end if;
  return null;
end $$;
comment on function private.keep_account_history_when_auth_user_goes() is
  'Auth user deleted: soft-delete the account and keep its history (rule 20); remove it only when it has none.';
revoke all on function private.keep_account_history_when_auth_user_goes() from public, anon, authenticated;
create trigger on_auth_user_deleted after delete on auth.users
  for each row execute function private.keep_account_history_when_auth_user_goes();
