// Contracts of the `registrations` function: self-registration with capacity and a FIFO waitlist,
// withdrawal, and the organizer's decision on pending requests (DOMAIN.md §3.6 A, B, I).
import { z } from "zod";
import { boundedText, IsoDateTime, type RouteContract, Uuid } from "./common.ts";

export const ParticipantStatus = z.enum(["pending", "accepted", "waitlisted", "rejected", "attended", "absent"]);
export type ParticipantStatus = z.infer<typeof ParticipantStatus>;
export const ParticipantRole = z.enum(["organizer", "committee", "speaker", "sponsor", "audience", "student", "teacher"]);
export type ParticipantRole = z.infer<typeof ParticipantRole>;
export const JoinMethod = z.enum(["organizer", "invited", "registered", "applied", "walk_in", "booking"]);
export type JoinMethod = z.infer<typeof JoinMethod>;
export const PaymentStatus = z.enum(["pending", "verified", "rejected"]);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const RegisterInput = z.strictObject({ eventId: Uuid });
export type RegisterInput = z.infer<typeof RegisterInput>;

export const RegistrationEventParams = z.strictObject({ eventId: Uuid });
export type RegistrationEventParams = z.infer<typeof RegistrationEventParams>;

export const RegistrationDecisionParams = z.strictObject({ eventId: Uuid, userId: Uuid });
export type RegistrationDecisionParams = z.infer<typeof RegistrationDecisionParams>;

export const DecideRegistrationInput = z.strictObject({
  reason: boundedText(500).optional().describe("Shown to the participant in the decision e-mail"),
});
export type DecideRegistrationInput = z.infer<typeof DecideRegistrationInput>;

export const RegistrationView = z.object({
  id: Uuid,
  eventId: Uuid,
  userId: Uuid,
  role: ParticipantRole,
  joinMethod: JoinMethod,
  status: ParticipantStatus,
  waitlistPosition: z.number().int().nullable().describe("FIFO place while waitlisted; null otherwise"),
  paymentStatus: PaymentStatus.nullable(),
  respondedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type RegistrationView = z.infer<typeof RegistrationView>;

export const RegisterResponse = z.object({
  registration: RegistrationView,
  created: z.boolean().describe("false when the caller was already registered (the existing row is returned)"),
});
export type RegisterResponse = z.infer<typeof RegisterResponse>;

export const MyRegistrationResponse = z.object({ registration: RegistrationView.nullable() });
export type MyRegistrationResponse = z.infer<typeof MyRegistrationResponse>;

export const WithdrawResponse = z.object({
  eventId: Uuid,
  withdrawn: z.literal(true),
  seatFreed: z.boolean().describe("true when an accepted seat was released (the first waitlisted person moves up)"),
});
export type WithdrawResponse = z.infer<typeof WithdrawResponse>;

export const DecisionResponse = z.object({ registration: RegistrationView });
export type DecisionResponse = z.infer<typeof DecisionResponse>;

const hiddenEvent = { status: 404, code: "not_found", when: "the event does not exist or is hidden from the caller" };

export const routes: RouteContract[] = [
  {
    function: "registrations", method: "POST", path: "/", summary: "Register for an event", auth: "user", body: RegisterInput,
    description:
      "Public, published events with registration open, before start. Free + auto-accept + a free seat → accepted; auto-accept off → pending; paid → pending with payment pending; no seat → waitlisted with a FIFO position. Registering again returns the existing row with 200 — unless that row was turned down or removed (409 registration_rejected) or the event is cancelled or ended (409 registration_closed).",
    responses: {
      201: { description: "Registered", schema: RegisterResponse },
      200: { description: "Already registered: the existing registration", schema: RegisterResponse },
    },
    errors: [
      hiddenEvent,
      { status: 403, code: "forbidden", when: "the caller is not active, or organizes the event" },
      { status: 409, code: "registration_closed", when: "registration is closed, the event is not published (cancelled or ended included, also for former participants), or it has started" },
      { status: 409, code: "registration_rejected", when: "the caller's registration was turned down or they were removed: the decision stays" },
    ],
  },
  {
    function: "registrations", method: "GET", path: "/:eventId", summary: "My registration for an event", auth: "user",
    params: RegistrationEventParams,
    responses: { 200: { description: "The caller's registration, or null", schema: MyRegistrationResponse } },
    errors: [hiddenEvent],
  },
  {
    function: "registrations", method: "DELETE", path: "/:eventId", summary: "Withdraw my registration", auth: "user",
    params: RegistrationEventParams,
    description: "Before start only, never after attendance. A freed seat goes to the first waitlisted person (accepted when auto-accept is on, else pending).",
    responses: { 200: { description: "Withdrawn", schema: WithdrawResponse } },
    errors: [
      hiddenEvent,
      { status: 404, code: "not_found", when: "the caller has no registration for this event" },
      { status: 409, code: "invalid_transition", when: "the event has started, or the row is attended/absent, or the caller is the organizer" },
    ],
  },
  {
    function: "registrations", method: "POST", path: "/:eventId/:userId/approve", summary: "Accept a pending registration", auth: "user",
    params: RegistrationDecisionParams, body: DecideRegistrationInput,
    description: "Organizer, accepted committee or admin. Capacity is re-checked under a lock on the event.",
    responses: { 200: { description: "Accepted", schema: DecisionResponse } },
    errors: [
      hiddenEvent,
      { status: 403, code: "forbidden", when: "the caller is not on the event team" },
      { status: 409, code: "invalid_transition", when: "the registration is not pending, or the event is over" },
      { status: 409, code: "event_full", when: "no audience seat is left" },
      { status: 409, code: "payment_not_verified", when: "a paid registration: verify the payment instead" },
    ],
  },
  {
    function: "registrations", method: "POST", path: "/:eventId/:userId/reject", summary: "Reject a pending registration", auth: "user",
    params: RegistrationDecisionParams, body: DecideRegistrationInput,
    responses: { 200: { description: "Rejected", schema: DecisionResponse } },
    errors: [
      hiddenEvent,
      { status: 403, code: "forbidden", when: "the caller is not on the event team" },
      { status: 409, code: "invalid_transition", when: "the registration is not pending or waitlisted" },
    ],
  },
];
