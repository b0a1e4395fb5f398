// Contracts of the `participants` function (DOMAIN.md §3.6 C, D, I, J, paid events): every input
// schema, the answers, and the route list the OpenAPI generator reads. Inputs are `.strict()`, so
// an unknown field is a 400, never silently ignored.
import { z } from "zod";

// Kept here (not in a common module) so the lifecycle contracts can evolve on their own.
const Uuid = z.uuid({ error: "Must be a UUID" });
const IsoDateTime = z.iso.datetime({ offset: true });
const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

export const EventParticipantRole = z.enum(["organizer", "committee", "speaker", "sponsor", "audience", "student", "teacher"]);
export type EventParticipantRole = z.infer<typeof EventParticipantRole>;
export const ParticipantStatus = z.enum(["pending", "accepted", "waitlisted", "rejected", "attended", "absent"]);
export type ParticipantStatus = z.infer<typeof ParticipantStatus>;
export const JoinMethod = z.enum(["organizer", "invited", "registered", "applied", "walk_in", "booking"]);
export type JoinMethod = z.infer<typeof JoinMethod>;
export const PaymentStatus = z.enum(["pending", "verified", "rejected"]);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** Path parameters. */
export const EventParams = z.object({ eventId: Uuid }).strict();
export type EventParams = z.infer<typeof EventParams>;
export const ParticipantParams = z.object({ participantId: Uuid }).strict();
export type ParticipantParams = z.infer<typeof ParticipantParams>;

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

export const DecideApplicationInput = z.object({
  decision: z.enum(["accept", "reject"]),
  reason: optionalText(500),
}).strict();
export type DecideApplicationInput = z.infer<typeof DecideApplicationInput>;

/** Any role but organizer (there is exactly one, and it is `events.organizer_id`). */
export const AssignableRole = z.enum(["committee", "speaker", "sponsor", "audience", "student", "teacher"]);
export type AssignableRole = z.infer<typeof AssignableRole>;
export const ChangeRoleInput = z.object({ role: AssignableRole }).strict();
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

export const RemoveParticipantInput = z.object({ reason: optionalText(500) }).strict();
export type RemoveParticipantInput = z.infer<typeof RemoveParticipantInput>;

export const LeaveEventInput = z.object({}).strict();
export type LeaveEventInput = z.infer<typeof LeaveEventInput>;

/**
 * A Storage object path inside the `payment-proofs` bucket, never a URL: `<eventId>/<userId>/<file>`.
 * The handler checks the first two segments are this event and the caller.
 */
export const PaymentProofPath = z.string().min(1).max(500)
  .regex(/^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[A-Za-z0-9._-]{1,200}$/i, "Must be a storage path <eventId>/<userId>/<file name>, not a URL")
  .refine((path) => !path.split("/").some((part) => part === "." || part === ".."), "Must not contain . or .. segments");
export const SubmitPaymentProofInput = z.object({ path: PaymentProofPath }).strict();
export type SubmitPaymentProofInput = z.infer<typeof SubmitPaymentProofInput>;

export const DecidePaymentInput = z.object({
  decision: z.enum(["verify", "reject"]),
  reason: optionalText(500),
}).strict();
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

export const ParticipantList = z.discriminatedUnion("view", [
  z.object({ view: z.literal("team"), counts: ParticipantCounts, participants: z.array(Participant) }),
  z.object({ view: z.literal("participant"), counts: ParticipantCounts, participants: z.array(PublicParticipant) }),
  z.object({ view: z.literal("public"), counts: ParticipantCounts }),
]);
export type ParticipantList = z.infer<typeof ParticipantList>;

export const RemovedParticipant = z.object({ id: Uuid, eventId: Uuid, removed: z.literal(true) });
export type RemovedParticipant = z.infer<typeof RemovedParticipant>;

export interface RouteContract {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  function: string;
  summary: string;
  auth: "user" | "anon-or-user";
  body?: z.ZodType;
  response?: z.ZodType;
}

export const routes: RouteContract[] = [
  {
    method: "GET", path: "/events/{eventId}", function: "participants", auth: "user",
    summary: "List an event's participants: full rows (e-mail, payment) for the team and admins, public names for accepted participants, counts for everyone else",
    response: ParticipantList,
  },
  {
    method: "POST", path: "/events/{eventId}/invitations", function: "participants", auth: "user",
    summary: "Invite a user as speaker, committee (organizer only), sponsor or audience; the invitee is notified and e-mailed",
    body: InviteParticipantInput, response: Participant,
  },
  {
    method: "POST", path: "/events/{eventId}/invitation/answer", function: "participants", auth: "user",
    summary: "Accept or decline one's own pending invitation before the event starts",
    body: AnswerInvitationInput, response: Participant,
  },
  {
    method: "POST", path: "/events/{eventId}/applications", function: "participants", auth: "user",
    summary: "Apply as speaker (approved experts) or sponsor (approved sponsors); the organizer decides",
    body: ApplyToEventInput, response: Participant,
  },
  {
    method: "POST", path: "/{participantId}/application/decision", function: "participants", auth: "user",
    summary: "Organizer or admin accepts or rejects a pending application",
    body: DecideApplicationInput, response: Participant,
  },
  {
    method: "PATCH", path: "/{participantId}/role", function: "participants", auth: "user",
    summary: "Organizer or admin changes a participant's role; a promotion to committee needs a new acceptance",
    body: ChangeRoleInput, response: Participant,
  },
  {
    method: "DELETE", path: "/{participantId}", function: "participants", auth: "user",
    summary: "Organizer or admin removes a participant (never attended/absent rows after the event)",
    body: RemoveParticipantInput, response: RemovedParticipant,
  },
  {
    method: "POST", path: "/events/{eventId}/leave", function: "participants", auth: "user",
    summary: "Leave an event (own row, before start, not the organizer)",
    body: LeaveEventInput, response: RemovedParticipant,
  },
  {
    method: "PUT", path: "/events/{eventId}/payment-proof", function: "participants", auth: "user",
    summary: "Upload or replace one's payment proof (a storage path) for a paid event; payment becomes pending",
    body: SubmitPaymentProofInput, response: Participant,
  },
  {
    method: "POST", path: "/{participantId}/payment/decision", function: "participants", auth: "user",
    summary: "Organizer or admin verifies (accepted + verified, capacity checked) or rejects a payment",
    body: DecidePaymentInput, response: Participant,
  },
];
