-- Column-level privacy (issue 14, rule 7.7): for every table with payment, proof, guest, token,
-- note or contact columns, each sensitive COLUMN × actor, the way PostgREST runs a request
-- (role + claims from the access-token hook). A `select <column>` of the target row must return
-- it only to the person themselves, the event team (organizer, accepted committee) and admins.
-- Before each row of the matrix the target row is shown to exist with the column filled (as the
-- owner), so "denied" means hidden, never "no such row".
-- Actors, in column order: anon · stan (signed-in stranger) · self (the row's person; '-' when the
-- row has none) · fellow (another accepted participant of the event) · olga (organizer) · kai
-- (accepted committee) · ada (platform admin). promo_link is not here: it exists only on sponsor rows
-- and is public by design (the line-up shows a sponsor's promotion).
begin;
select plan(129);

select tests.create_world();
select tests.create_user('fay');  -- a second fellow of meetup, for rows whose person is pat

-- Fill every sensitive column of the targets (as the owner; the system path). The proof window
-- (paid events only) is lifted here: this file is about who reads a filled column, not who may fill it.
alter table public.event_participants disable trigger event_participants_payment_proof_window;
update public.event_participants
set payment_status = 'pending',
    payment_proof_url = 'payment-proofs/' || event_id || '/' || user_id || '/proof.jpg',
    description = 'pia-private-note',
    invited_by = tests.uid('olga'),
    responded_at = now()
where event_id = tests.event_id('meetup') and user_id = tests.uid('pia');
alter table public.event_participants enable trigger event_participants_payment_proof_window;
update public.event_participants
set walk_in_token_id = (select id from public.event_walk_in_tokens where label = 'door')
where event_id = tests.event_id('meetup') and user_id is null;
select tests.add_participant('meetup', 'fay');

create temporary table matrix (tbl text, col text, target text, self text, fellow text, expected text) on commit drop;
grant select on matrix to anon, authenticated;
insert into matrix values
  -- event_participants: pia's row (fellow pat)
  ('event_participants', 'payment_status', $$event_id = tests.event_id('meetup') and user_id = tests.uid('pia')$$, 'pia', 'pat', 'nnynyyy'),
  ('event_participants', 'payment_proof_url', $$event_id = tests.event_id('meetup') and user_id = tests.uid('pia')$$, 'pia', 'pat', 'nnynyyy'),
  ('event_participants', 'description', $$event_id = tests.event_id('meetup') and user_id = tests.uid('pia')$$, 'pia', 'pat', 'nnynyyy'),
  ('event_participants', 'invited_by', $$event_id = tests.event_id('meetup') and user_id = tests.uid('pia')$$, 'pia', 'pat', 'nnynyyy'),
  ('event_participants', 'responded_at', $$event_id = tests.event_id('meetup') and user_id = tests.uid('pia')$$, 'pia', 'pat', 'nnynyyy'),
  ('event_participants', 'status', $$event_id = tests.event_id('meetup') and user_id = tests.uid('pia')$$, 'pia', 'pat', 'nnynyyy'),
  -- event_participants: pat's row (linked proposal; fellow fay)
  ('event_participants', 'proposal_id', $$event_id = tests.event_id('meetup') and user_id = tests.uid('pat')$$, 'pat', 'fay', 'nnynyyy'),
  -- the walk-in guest's row (no person of its own; fellow pia)
  ('event_participants', 'guest_name', $$event_id = tests.event_id('meetup') and user_id is null$$, '-', 'pia', 'nn-nyyy'),
  ('event_participants', 'guest_email', $$event_id = tests.event_id('meetup') and user_id is null$$, '-', 'pia', 'nn-nyyy'),
  ('event_participants', 'walk_in_token_id', $$event_id = tests.event_id('meetup') and user_id is null$$, '-', 'pia', 'nn-nyyy'),
  -- walk-in tokens: the token itself (team and admins)
  ('event_walk_in_tokens', 'token', $$event_id = tests.event_id('meetup') and label = 'door'$$, '-', 'pia', 'nn-nyyy'),
  -- organization bank details (club's managers omar/owen and admins; the event team is no manager)
  ('organization_bank_details', 'account_number', $$organization_id = tests.org_id('club')$$, 'omar', 'mel', 'nnynnny'),
  ('organization_bank_details', 'holder_name', $$organization_id = tests.org_id('club')$$, 'omar', 'mel', 'nnynnny'),
  -- meeting link: the team and accepted participants (rule 7.7), never strangers
  ('event_meeting_links', 'meeting_url', $$event_id = tests.event_id('meetup')$$, '-', 'pia', 'nn-yyyy'),
  -- payment QR: participants, team, admins
  ('event_payment_details', 'payment_qr_url', $$event_id = tests.event_id('meetup')$$, '-', 'pia', 'nn-yyyy'),
  -- proposals (the brief file): author, team, linked invitee; not other participants
  ('event_proposals', 'description', $$title = 'keynote'$$, 'pat', 'pia', 'nnynyyy'),
  -- reviewer identity is never a column the API roles read (masked through review_cards)
  ('reviews', 'reviewer_id', $$true$$, '-', 'pia', 'nn-nnnn');

update public.event_proposals set description = 'keynote brief' where title = 'keynote';
-- create_world already wrote reviews (pia's of olga among them).

-- The target rows exist, with the column filled (as the owner).
select ok(
  tests.returns_rows(format('select 1 from public.%I where (%s) and %I is not null', m.tbl, m.target, m.col)),
  format('%s.%s: the target row exists and the column is filled', m.tbl, m.col)
)
from matrix m;

-- Each actor.
select is(
  tests.can(actor.handle, format('select %I from public.%I where (%s) and %I is not null', m.col, m.tbl, m.target, m.col)),
  case substr(m.expected, actor.position::integer, 1) when 'y' then 'allowed' else 'denied' end,
  format('%s.%s: %s (%s) may %sread it', m.tbl, m.col, actor.handle, actor.label,
         case substr(m.expected, actor.position::integer, 1) when 'y' then '' else 'not ' end)
)
from matrix m
cross join lateral (
  select * from unnest(array['anon', 'stan', m.self, m.fellow, 'olga', 'kai', 'ada'],
                       array['anon', 'stranger', 'self', 'fellow', 'organizer', 'committee', 'admin'])
    with ordinality as a (handle, label, position)
) as actor
where actor.handle <> '-';

select * from finish();
rollback;
