-- Purpose: "mark all as read" for the notification bell, through PostgREST
-- (`supabase.rpc('mark_all_notifications_read')`). Security invoker: it is the same update the
-- owner may do row by row (column grant on is_read + the recipient policy), in one statement.
-- The partial index notifications_unread_idx (data model) serves the where clause.
-- Touches: function public.mark_all_notifications_read.

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
