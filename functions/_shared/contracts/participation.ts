// Contracts of the `participants` function (DOMAIN.md §3.6 C, D, I, J, paid events): every input
// schema, the answers, and the route list the OpenAPI generator reads. Inputs are `.strict()`, so
// an unknown field is a 400, never silently ignored.
import { z } from "zod";
import {
  boundedText,
  decisionInput,
  EmptyBody,
  EventParams,
  exactlyOneOf,
  eventUserObjectName,
  IsoDateTime,
  optionalText,
  ParticipantParams,
  type RouteContract,
  Uuid,
} from "./common.ts";

/** Path parameters, shared with `attendance` (common.ts); exported here under their old names. */
export { EventParams, ParticipantParams };

export const EventParticipantRole = z.enum(["organizer", "committee", "speaker", "sponsor", "audience", "student", "teacher"]);
export type EventParticipantRole = z.infer<typeof EventParticipantRole>;
export const ParticipantStatus = z.enum(["pending", "accepted", "waitlisted", "rejected", "attended", "absent"]);
export type ParticipantStatus = z.infer<typeof ParticipantStatus>;
export const JoinMethod = z.enum(["organizer", "invited", "registered", "applied", "walk_in", "booking"]);
export type JoinMethod = z.infer<typeof JoinMethod>;
export const PaymentStatus = z.enum(["pending", "verified", "rejected"]);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** Roles an invitation can carry; only the organizer may invite `committee` (§3.6 C). */
export const InvitableRole = z.enum(["speaker", "committee", "sponsor", "audience"]);
export type InvitableRole = z.infer<typeof InvitableRole>;

export const InviteParticipantInput = z.object({
  userId: Uuid,
  role: InvitableRole,
  message: optionalText(2000),
}).strict();
export type InviteParticipantInput = z.infer<typeof InviteParticipantInput>;

/** The invitee's answer: never a status (rule 7.3: answering cannot write `attended`). */
export const AnswerInvitationInput = z.object({
  answer: z.enum(["accept", "decline"]),
  message: optionalText(2000),
}).strict();
export type AnswerInvitationInput = z.infer<typeof AnswerInvitationInput>;

/** Applications by approved experts (speaker) and approved sponsors (sponsor), §3.6 D. */
export const ApplyToEventInput = z.object({
  role: z.enum(["speaker", "sponsor"]),
  message: optionalText(2000),
}).strict();
export type ApplyToEventInput = z.infer<typeof ApplyToEventInput>;

export const DecideApplicationInput = decisionInput(["accept", "reject"]);
export type DecideApplicationInput = z.infer<typeof DecideApplicationInput>;

/** Any role but organizer (there is exactly one, and it is `events.organizer_id`). */
export const AssignableRole = z.enum(["committee", "speaker", "sponsor", "audience", "student", "teacher"]);
export type AssignableRole = z.infer<typeof AssignableRole>;
export const ChangeRoleInput = z.object({ role: AssignableRole }).strict();
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

export const RemoveParticipantInput = z.object({ reason: optionalText(500) }).strict();
export type RemoveParticipantInput = z.infer<typeof RemoveParticipantInput>;

export const LeaveEventInput = EmptyBody;
export type LeaveEventInput = z.infer<typeof LeaveEventInput>;

/**
 * A Storage object path inside the `payment-proofs` bucket, never a URL: `<eventId>/<userId>/<file>`.
 * The handler checks the first two segments are this event and the caller.
 */
export const PaymentProofPath = eventUserObjectName("Must be a storage path <eventId>/<userId>/<file name>, not a URL", { nonEmpty: true });
export const SubmitPaymentProofInput = z.object({ path: PaymentProofPath }).strict();
export type SubmitPaymentProofInput = z.infer<typeof SubmitPaymentProofInput>;

export const DecidePaymentInput = decisionInput(["verify", "reject"]);
export type DecidePaymentInput = z.infer<typeof DecidePaymentInput>;

/** A participant row as the event team (and the participant themself) sees it. */
export const Participant = z.object({
  id: Uuid,
  eventId: Uuid,
  userId: Uuid.nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  role: EventParticipantRole,
  status: ParticipantStatus,
  joinMethod: JoinMethod,
  message: z.string().nullable(),
  waitlistPosition: z.number().int().nullable(),
  paymentStatus: PaymentStatus.nullable(),
  /** As stored: `payment-proofs/<eventId>/<userId>/<file>` (bucket, then object name). */
  paymentProofPath: z.string().nullable(),
  respondedAt: IsoDateTime.nullable(),
  attendedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type Participant = z.infer<typeof Participant>;

/** What an accepted participant sees of the others: public names only, never e-mails or guests (rule 7.7). */
export const PublicParticipant = z.object({
  userId: Uuid,
  name: z.string(),
  role: EventParticipantRole,
});
export type PublicParticipant = z.infer<typeof PublicParticipant>;

export const ParticipantCounts = z.object({
  accepted: z.number().int(),
  attended: z.number().int(),
  seatsTaken: z.number().int(),
  capacity: z.number().int().nullable(),
});
export type ParticipantCounts = z.infer<typeof ParticipantCounts>;

/** Keyset pages of the participant list: `limit` rows, then pass `nextCursor` as `cursor`. */
export const ParticipantListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  /** The id of the previous page's last row (its `nextCursor`); a row not in the list ends the pages. */
  cursor: Uuid.optional(),
});
export type ParticipantListQuery = z.infer<typeof ParticipantListQuery>;

const NextCursor = z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page");
export const ParticipantList = z.discriminatedUnion("view", [
  z.object({ view: z.literal("team"), counts: ParticipantCounts, participants: z.array(Participant), nextCursor: NextCursor }),
  z.object({ view: z.literal("participant"), counts: ParticipantCounts, participants: z.array(PublicParticipant), nextCursor: NextCursor }),
  z.object({ view: z.literal("public"), counts: ParticipantCounts }),
]);
export type ParticipantList = z.infer<typeof ParticipantList>;

export const RemovedParticipant = z.object({ id: Uuid, eventId: Uuid, removed: z.literal(true) });
export type RemovedParticipant = z.infer<typeof RemovedParticipant>;

const NOT_FOUND = { status: 404, code: "not_found", when: "the event (or row) does not exist or the caller may not see it" };
const FORBIDDEN = { status: 403, code: "forbidden", when: "the caller's account is not active, or the caller lacks the role this route needs" };
const INVALID_TRANSITION = { status: 409, code: "invalid_transition", when: "the row or event is not in a state that allows this" };
const EVENT_FULL = { status: 409, code: "event_full", when: "every audience seat is taken" };
const ALREADY_PARTICIPANT = { status: 409, code: "already_participant", when: "the user already has a row in this event" };

export const routes: RouteContract[] = [
  {
    function: "participants", method: "GET", path: "/events/:eventId", auth: "optional", params: EventParams, query: ParticipantListQuery,
    summary: "List an event's participants (keyset pages: limit, cursor → nextCursor)",
    description: "Full rows (e-mail, payment) for the organizer, accepted committee and admins; public names of accepted people for accepted participants; counts for everyone else (anon key included).",
    responses: { 200: { description: "The list in the caller's view", schema: ParticipantList } },
    errors: [NOT_FOUND, FORBIDDEN, { status: 400, code: "invalid_request", when: "limit out of 1..200, or a cursor that is not a row id" }],
  },
  {
    function: "participants", method: "POST", path: "/events/:eventId/invitations", auth: "user", params: EventParams,
    summary: "Invite a user as speaker, committee (organizer only), sponsor or audience",
    description: "Organizer or accepted committee; before the start; the invitee gets an `event_invitation` notification and e-mail.",
    body: InviteParticipantInput,
    responses: { 201: { description: "The pending invitation", schema: Participant } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, ALREADY_PARTICIPANT],
  },
  {
    function: "participants", method: "POST", path: "/events/:eventId/invitation/answer", auth: "user", params: EventParams,
    summary: "Accept or decline one's own pending invitation",
    description: "Before the start, never for cancelled or ended events. The organizer (and inviter) get `invitation_answered`; the invitee a `participation_decision` e-mail.",
    body: AnswerInvitationInput,
    responses: { 200: { description: "The answered row", schema: Participant } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, EVENT_FULL],
  },
  {
    function: "participants", method: "POST", path: "/events/:eventId/applications", auth: "user", params: EventParams,
    summary: "Apply as speaker (approved experts) or sponsor (approved sponsors)",
    description: "Published events before the start; the row is pending (applied) and the organizer gets `join_request`.",
    body: ApplyToEventInput,
    responses: { 201: { description: "The pending application", schema: Participant } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, ALREADY_PARTICIPANT],
  },
  {
    function: "participants", method: "POST", path: "/:participantId/application/decision", auth: "user", params: ParticipantParams,
    summary: "Accept or reject a pending application (organizer or admin)",
    body: DecideApplicationInput,
    responses: { 200: { description: "The decided row", schema: Participant } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION],
  },
  {
    function: "participants", method: "PATCH", path: "/:participantId/role", auth: "user", params: ParticipantParams,
    summary: "Change a participant's role (organizer or admin)",
    description: "A promotion to committee is a new invitation: the row goes back to pending until accepted.",
    body: ChangeRoleInput,
    responses: { 200: { description: "The row with its new role", schema: Participant } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, EVENT_FULL],
  },
  {
    function: "participants", method: "DELETE", path: "/:participantId", auth: "user", params: ParticipantParams,
    summary: "Remove a participant (organizer or admin)",
    description: "Never the organizer; never attended/absent rows after the event. The participant is notified and e-mailed (`participant_removed`).",
    body: RemoveParticipantInput,
    responses: { 200: { description: "The removed row's id", schema: RemovedParticipant } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION],
  },
  {
    function: "participants", method: "POST", path: "/events/:eventId/leave", auth: "user", params: EventParams,
    summary: "Leave an event (own row, before the start, not the organizer)",
    body: LeaveEventInput,
    responses: { 200: { description: "The removed row's id", schema: RemovedParticipant } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION],
  },
  {
    function: "participants", method: "PUT", path: "/events/:eventId/payment-proof", auth: "user", params: EventParams,
    summary: "Upload or replace one's payment proof (a storage path) for a paid event",
    description: "The path is `<eventId>/<userId>/<file>` in the payment-proofs bucket, never a URL. Payment (and the row) become pending.",
    body: SubmitPaymentProofInput,
    responses: { 200: { description: "The row with its pending payment", schema: Participant } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION,
      { status: 409, code: "event_participants_payment_proof_url_is_storage_path", when: "the path is not in the caller's own folder <eventId>/<userId>/" }],
  },
  {
    function: "participants", method: "POST", path: "/:participantId/payment/decision", auth: "user", params: ParticipantParams,
    summary: "Verify (accepted + verified, capacity checked) or reject a payment (organizer or admin)",
    body: DecidePaymentInput,
    responses: { 200: { description: "The decided row", schema: Participant } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, EVENT_FULL],
  },
];

// ── Issue 15 write paths (additive block): expert booking (§3.6 E) and sponsor promotion ──────

/**
 * POST /events/:eventId/bookings — the team books an approved expert: a speaker invitation
 * (join_method `booking`) linked to a proposal of this event, either an existing one
 * (`proposalId`) or a new brief written in the same request (`proposal`). The database holds the
 * rule (event_participants_booking_needs_proposal / _needs_expert / _proposal_same_event).
 */
export const BookExpertInput = exactlyOneOf(z.object({
  expertId: Uuid,
  proposalId: Uuid.optional(),
  proposal: z.object({
    title: boundedText(200),
    description: optionalText(10_000),
  }).strict().optional(),
  message: optionalText(2000),
}).strict(), ["proposalId", "proposal"], "Send either proposalId (an existing proposal of this event) or proposal (a new brief), not both");
export type BookExpertInput = z.infer<typeof BookExpertInput>;

export const Booking = z.object({ participant: Participant, proposalId: Uuid });
export type Booking = z.infer<typeof Booking>;

/**
 * PUT /events/:eventId/promo — a sponsor sets their own promotion on the event page. The image is
 * a Storage path in the sponsor's own avatars folder (`avatars/<own user id>/<file>`), the link an
 * https URL; null clears a field, an absent field is left as it is.
 */
export const SponsorPromoInput = z.object({
  promoLink: z.url({ protocol: /^https$/ }).max(500).nullable().optional(),
  promoImagePath: z.string().max(500)
    .regex(/^avatars\/[0-9a-f-]{36}\/[A-Za-z0-9._-]{1,200}$/i, "Must be a Storage path avatars/<your user id>/<file name>, not a URL")
    .nullable().optional(),
}).strict().refine((input) => input.promoLink !== undefined || input.promoImagePath !== undefined, "Send promoLink and/or promoImagePath");
export type SponsorPromoInput = z.infer<typeof SponsorPromoInput>;

export const SponsorPromo = z.object({
  participantId: Uuid,
  eventId: Uuid,
  promoLink: z.string().nullable(),
  promoImagePath: z.string().nullable(),
});
export type SponsorPromo = z.infer<typeof SponsorPromo>;

routes.push(
  {
    function: "participants", method: "POST", path: "/events/:eventId/bookings", auth: "user", params: EventParams,
    summary: "Book an approved expert as speaker, linked to a proposal (team)",
    description: "Organizer or accepted committee, draft or published event before the start. Creates the proposal when `proposal` is sent; the expert gets `event_invitation` (notification + e-mail) and answers with POST /events/:eventId/invitation/answer.",
    body: BookExpertInput,
    responses: { 201: { description: "The pending booking and its proposal", schema: Booking } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, ALREADY_PARTICIPANT,
      { status: 409, code: "event_participants_booking_needs_expert", when: "the person is not an approved expert" },
      { status: 409, code: "event_participants_proposal_same_event", when: "proposalId belongs to another event" }],
  },
  {
    function: "participants", method: "PUT", path: "/events/:eventId/promo", auth: "user", params: EventParams,
    summary: "Set one's own sponsor promotion (link, image path)",
    description: "Own sponsor row (pending or accepted) of a draft or published event. The image is uploaded first to avatars/<own user id>/<file>.",
    body: SponsorPromoInput,
    responses: { 200: { description: "The promotion as stored", schema: SponsorPromo } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION,
      { status: 409, code: "event_participants_promo_image_url_is_storage_path", when: "the image path is not in the caller's own avatars folder" }],
  },
);
