-- Purpose: the rules behind two write paths that had no writer (issue 15, DOMAIN §3.6 E and §2
-- event_participants):
-- * Expert booking: a speaker invitation linked to a proposal of the same event, sent to an
--   APPROVED expert. A row with join_method = 'booking' must carry such a proposal_id, and a
--   proposal_id must always belong to the row's own event (before, any proposal id was accepted).
-- * Sponsor promotion: promo_image_url holds a Storage path like every media column, in the
--   sponsor's own avatars folder (`avatars/<sponsor user id>/<file>`: the only public folder a
--   sponsor, who is not on the event team, may write); promo fields only on sponsor rows.
-- Touches: new trigger function private.check_participant_booking + trigger
-- event_participants_booking_link; check constraints event_participants_promo_image_url_is_storage_path
-- and event_participants_promo_only_for_sponsors (existing rows must comply; none set these).

-- Definer: reads the proposal and the invitee's roles, which the writer may not see.
create function private.check_participant_booking() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.proposal_id is not null and not exists (
    select 1 from public.event_proposals pr where pr.id = new.proposal_id and pr.event_id = new.event_id
  ) then
    raise exception using errcode = 'check_violation', constraint = 'event_participants_proposal_same_event',
      table = 'event_participants', message = 'Cannot link a proposal of another event';
  end if;
  if new.join_method = 'booking' and (tg_op = 'INSERT' or old.join_method is distinct from 'booking'
                                      or old.proposal_id is distinct from new.proposal_id or old.role is distinct from new.role) then
    if new.proposal_id is null or new.role <> 'speaker' then
      raise exception using errcode = 'check_violation', constraint = 'event_participants_booking_needs_proposal',
        table = 'event_participants',
        message = 'Cannot book: a booking is a speaker invitation linked to a proposal of the event';
    end if;
    if not exists (
      select 1 from public.user_roles r
      where r.user_id = new.user_id and r.role = 'expert' and r.status = 'approved'
    ) then
      raise exception using errcode = 'check_violation', constraint = 'event_participants_booking_needs_expert',
        table = 'event_participants', message = 'Cannot book this person: only approved experts are booked';
    end if;
  end if;
  return new;
end $$;
comment on function private.check_participant_booking() is
  'Trigger: proposal_id belongs to the row''s event; a booking (§3.6 E) is a speaker row of an approved expert linked to a proposal.';
revoke all on function private.check_participant_booking() from public, anon, authenticated, service_role;

create trigger event_participants_booking_link
  before insert or update of proposal_id, join_method, role on public.event_participants
  for each row execute function private.check_participant_booking();

alter table public.event_participants
  add constraint event_participants_promo_image_url_is_storage_path
    check (promo_image_url is null or private.is_storage_path(promo_image_url, 'avatars', array[user_id])),
  add constraint event_participants_promo_only_for_sponsors
    check ((promo_link is null and promo_image_url is null) or role = 'sponsor');
