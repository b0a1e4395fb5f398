-- Purpose: `users.is_verified` and `users.referred_by` are filled by the one event that proves an
-- address: Supabase Auth setting `auth.users.email_confirmed_at` (sign-up confirmation, or a
-- Google sign-in that arrives already confirmed). Until now nothing wrote either column (issue 15).
-- The referral code a visitor typed at sign-up travels in `raw_user_meta_data.referral_code`
-- (supabase.auth.signUp({ options: { data: { referral_code } } })). Metadata is user-editable, so
-- it is only ever used to look up ANOTHER user's public code; it grants nothing (DOMAIN §0).
-- Unconfirmed sign-ups never count as referrals; a referral is set once and never changed.
-- Touches: new function private.handle_auth_user_confirmed, new trigger on_auth_user_verified on
-- auth.users (its name sorts after on_auth_user_created/_updated, so on insert the public.users
-- row exists when it runs). Existing trigger functions are left as they are.

-- Definer: runs inside Auth's transaction as supabase_auth_admin, which has no rights on public.
create function private.handle_auth_user_confirmed() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  metadata jsonb := coalesce(new.raw_user_meta_data, '{}');
  code text;
  referrer uuid;
begin
  if new.email_confirmed_at is null then
    return new;
  end if;
  if tg_op = 'UPDATE' and old.email_confirmed_at is not null then
    return new;  -- already confirmed before: nothing new was proven
  end if;
  if jsonb_typeof(metadata -> 'referral_code') = 'string' then
    code := pg_catalog.upper(pg_catalog.btrim(metadata ->> 'referral_code'));
    if code ~ '^[A-Z0-9]{8}$' then
      select u.id into referrer from public.users u
      where u.referral_code = code and u.id <> new.id and u.deleted_at is null;
    end if;
  end if;
  update public.users
  set is_verified = true,
      referred_by = coalesce(referred_by, referrer)
  where id = new.id;
  return new;
end $$;
comment on function private.handle_auth_user_confirmed() is
  'Trigger on auth.users: on e-mail confirmation sets users.is_verified and, once, referred_by from a valid referral code given at sign-up (metadata is only a lookup key, never a grant).';
revoke all on function private.handle_auth_user_confirmed() from public, anon, authenticated, service_role;

create trigger on_auth_user_verified after insert or update of email_confirmed_at on auth.users
  for each row execute function private.handle_auth_user_confirmed();
