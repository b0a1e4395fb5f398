-- Purpose: column-level privacy of event participants (issue 14, rule 7.7, DOMAIN.md §4
-- "participants · list: Pa: public names; e-mail, payment: Or/Co/Ad"). Fellow accepted
-- participants could read each other's WHOLE row through PostgREST: payment_status,
-- payment_proof_url, description (invitation message), invited_by, walk_in_token_id, proposal_id,
-- promo links, and rows of people whose profile is private.
--
-- Rule now: the table's rows are read only by the person themselves, the event team (organizer,
-- accepted committee) and admins; `select *` by a fellow returns no fellow row at all, so no column
-- can leak (a row filter, not column grants: Postgres column privileges cannot depend on whose row
-- it is, and the person must still read their own payment columns).
-- Fellows read each other through one narrow path: the view public.event_fellows (event_id,
-- user_id, role, full_name, avatar_url), security invoker, backed by the definer helper
-- private.my_fellow_participants() that returns only (event, user, role) of accepted/attended
-- fellows with a visible profile in events where the caller is accepted/attended. The frontend
-- selects `event_fellows` for "who else is coming" and `event_participants` for the own row.
-- Touches: the select policy of public.event_participants (replaced); new function
-- private.my_fellow_participants(); new view public.event_fellows.

drop policy "participants read their row, fellow attendees; the team and admins all" on public.event_participants;
create policy "participants read their own row; the team and admins all" on public.event_participants
  for select to authenticated
  using (
    ((select private.is_active()) and (
      user_id = (select auth.uid())
      or event_id in (select private.my_team_event_ids())
    ))
    or (select private.is_admin())
  );

-- Definer: the caller may not read fellows' rows any more. Returns three harmless columns, only
-- for events where the caller is accepted or attended, only accepted/attended people with an
-- account whose profile is visible (public, active), and the caller themself.
create function private.my_fellow_participants()
returns table (event_id uuid, user_id uuid, role public.event_participant_role)
language sql stable security definer set search_path = '' as $$
  select p.event_id, p.user_id, p.role
  from public.event_participants p
  where (select private.is_active())
    and p.event_id in (select private.my_accepted_event_ids())
    and p.user_id is not null
    and p.status in ('accepted', 'attended')
    and (p.user_id = (select auth.uid()) or private.is_visible_profile(p.user_id))
$$;
comment on function private.my_fellow_participants() is
  'Accepted/attended people (event, user, role) of the events where the caller is accepted/attended; visible profiles only. Read through public.event_fellows.';
revoke all on function private.my_fellow_participants() from public;
grant execute on function private.my_fellow_participants() to authenticated, service_role;

-- Invoker view: the profiles policy decides the name and avatar the caller may see.
create view public.event_fellows with (security_invoker = true) as
select f.event_id, f.user_id, f.role, pr.full_name, pr.avatar_url
from private.my_fellow_participants() f
join public.profiles pr on pr.user_id = f.user_id;
comment on view public.event_fellows is
  'Who else takes part, for accepted participants: name, avatar and role of accepted fellows with visible profiles. '
  'Never payment, proof, invitation message, inviter, walk-in token or guest columns (those: own row, team, admins via event_participants).';
-- Read-only for everyone (the default grants would give service_role truncate/trigger/references).
revoke all on public.event_fellows from anon, authenticated, service_role;
grant select on public.event_fellows to authenticated, service_role;
