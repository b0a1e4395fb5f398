-- Purpose: keep public.users/profiles/user_onboardings in step with auth.users (DOMAIN.md §3.1).
-- Sign-up creates the rows from VALIDATED metadata: only a display name is taken from
-- raw_user_meta_data (user-editable); roles, status and flags never are (rule 7.1).
-- E-mail confirmation activates an inactive account; it never reactivates a suspended or deleted
-- one (rule 7.2).
-- Touches: triggers on auth.users; functions in private.

-- Definer: runs inside Auth's transaction as supabase_auth_admin, which has no rights on public.
create function private.handle_auth_user_created() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  metadata jsonb := coalesce(new.raw_user_meta_data, '{}');
  display_name text;
begin
  -- Take a string full_name (or Google's name), strip control characters, trim, cap at 100.
  if jsonb_typeof(metadata -> 'full_name') = 'string' then
    display_name := metadata ->> 'full_name';
  elsif jsonb_typeof(metadata -> 'name') = 'string' then
    display_name := metadata ->> 'name';
  end if;
  display_name := pg_catalog.left(pg_catalog.btrim(pg_catalog.regexp_replace(coalesce(display_name, ''), '[[:cntrl:]]', '', 'g')), 100);
  if display_name = '' then
    display_name := pg_catalog.left(coalesce(nullif(pg_catalog.split_part(new.email, '@', 1), ''), 'New member'), 100);
  end if;

  insert into public.users (id, email, status)
  values (new.id, new.email,
          case when new.email_confirmed_at is not null then 'active' else 'inactive' end::public.user_status);
  insert into public.profiles (user_id, full_name) values (new.id, display_name);
  insert into public.user_onboardings (user_id) values (new.id);
  return new;
end $$;
comment on function private.handle_auth_user_created() is
  'Trigger on auth.users insert: creates users (inactive unless already confirmed), profile, onboarding. Never reads roles or status from metadata.';

create function private.handle_auth_user_updated() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.email is distinct from old.email then
    update public.users set email = new.email where id = new.id;
  end if;
  if old.email_confirmed_at is null and new.email_confirmed_at is not null then
    -- Only inactive → active; a suspended or deleted account stays as it is.
    update public.users set status = 'active'
    where id = new.id and status = 'inactive' and deleted_at is null;
  end if;
  return new;
end $$;
comment on function private.handle_auth_user_updated() is
  'Trigger on auth.users update: copies e-mail changes; activates inactive, undeleted accounts on confirmation.';

create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.handle_auth_user_created();
create trigger on_auth_user_updated after update of email, email_confirmed_at on auth.users
  for each row execute function private.handle_auth_user_updated();
