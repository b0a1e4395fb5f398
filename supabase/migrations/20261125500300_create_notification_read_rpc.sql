-- Purpose: "mark all as read" for the notification bell, and one-call e-mail preferences, through PostgREST
-- (`supabase.rpc('mark_all_notifications_read')`). Security invoker: it is the same update the
-- owner may do row by row (column grant on is_read + the recipient policy), in one statement.
-- The partial index notifications_unread_idx (data model) serves the where clause.
-- Touches: functions public.mark_all_notifications_read, public.set_notification_email.

create function public.mark_all_notifications_read() returns integer
language sql volatile security invoker set search_path = '' as $$
  with marked as (
    update public.notifications n set is_read = true
    where n.recipient_id = (select auth.uid()) and not n.is_read
    returning 1
  )
  select count(*)::integer from marked
$$;
comment on function public.mark_all_notifications_read() is
  'Marks every unread notification of the caller read; returns how many. RLS applies (invoker).';
revoke all on function public.mark_all_notifications_read() from public, anon, authenticated, service_role;
grant execute on function public.mark_all_notifications_read() to authenticated;

-- Turning an e-mail kind on or off in one call. A PostgREST upsert would also "update" user_id and
-- kind (which only insert may set), so clients call this instead. Invoker: the preferences
-- policies and column grants decide, exactly as for a plain insert or update.
create function public.set_notification_email(kind public.notification_kind, enabled boolean) returns void
language sql volatile security invoker set search_path = '' as $$
  insert into public.notification_preferences (user_id, kind, email_enabled)
  values ((select auth.uid()), set_notification_email.kind, set_notification_email.enabled)
  on conflict (user_id, kind) do update set email_enabled = excluded.email_enabled
$$;
comment on function public.set_notification_email(public.notification_kind, boolean) is
  'Sets whether notifications of this kind also e-mail the caller (essential e-mails ignore it). RLS applies (invoker).';
revoke all on function public.set_notification_email(public.notification_kind, boolean) from public, anon, authenticated, service_role;
grant execute on function public.set_notification_email(public.notification_kind, boolean) to authenticated;
