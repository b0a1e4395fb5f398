// Contracts of the `attendance` function (DOMAIN.md §3.6 F and G, §3.8 walk-in tokens, §8 #9):
// team marking, rotating check-in codes, self check-in, walk-in tokens and the public walk-in form.
import { z } from "zod";
import { boundedText, EmptyBody, EventParams, eventUserObjectName, IsoDateTime, ParticipantParams, type RouteContract, Uuid } from "./common.ts";
import { ParticipantStatus, PaymentStatus } from "./participation.ts";

/** Path parameters, shared with `participants` (common.ts); exported here under their old names. */
export { EventParams, ParticipantParams };
export const TokenParams = z.object({ tokenId: Uuid }).strict();
export type TokenParams = z.infer<typeof TokenParams>;

/** What the team may record; anything else (pending, accepted, …) is not an attendance mark. */
export const MarkAttendanceInput = z.object({ status: z.enum(["attended", "absent"]) }).strict();
export type MarkAttendanceInput = z.infer<typeof MarkAttendanceInput>;

/** Check-in codes are 8 characters of base32 (A–Z, 2–7); typed codes are upper-cased. */
export const CheckInCodeValue = z.string().trim().toUpperCase().regex(/^[A-Z2-7]{8}$/, "Must be the 8-character code shown at the event");
export const CheckInInput = z.object({ code: CheckInCodeValue }).strict();
export type CheckInInput = z.infer<typeof CheckInInput>;

export const OnlineCheckInInput = EmptyBody;
export type OnlineCheckInInput = z.infer<typeof OnlineCheckInInput>;

export const CreateWalkInTokenInput = z.object({
  label: boundedText(100).optional(),
  maxUses: z.number().int().min(1).max(100_000).optional(),
  /** Defaults to the event's end; must be in the future and not after the end. */
  expiresAt: IsoDateTime.optional(),
}).strict();
export type CreateWalkInTokenInput = z.infer<typeof CreateWalkInTokenInput>;

export const DeactivateWalkInTokenInput = EmptyBody;
export type DeactivateWalkInTokenInput = z.infer<typeof DeactivateWalkInTokenInput>;

/** The public walk-in form. Never creates an account; the e-mail only names a guest row. */
export const WalkInInput = z.object({
  token: z.string().regex(/^[0-9a-f]{32,128}$/, "Must be the walk-in token from the event's link"),
  name: boundedText(100),
  email: z.email().max(254),
  /** Paid events, signed-in walk-ins only: the proof's object name `<eventId>/<userId>/<file>` in the payment-proofs bucket. */
  paymentProofPath: eventUserObjectName("Must be a storage object name <eventId>/<userId>/<file name>, not a URL").optional(),
}).strict();
export type WalkInInput = z.infer<typeof WalkInInput>;

export const AttendanceRecord = z.object({
  participantId: Uuid,
  eventId: Uuid,
  status: ParticipantStatus,
  attendedAt: IsoDateTime.nullable(),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;

export const CheckInCode = z.object({
  eventId: Uuid,
  code: z.string(),
  validFrom: IsoDateTime,
  validUntil: IsoDateTime,
});
export type CheckInCode = z.infer<typeof CheckInCode>;

export const WalkInToken = z.object({
  id: Uuid,
  eventId: Uuid,
  token: z.string(),
  label: z.string().nullable(),
  maxUses: z.number().int().nullable(),
  currentUses: z.number().int(),
  isActive: z.boolean(),
  expiresAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type WalkInToken = z.infer<typeof WalkInToken>;

export const WalkInTokenList = z.object({ tokens: z.array(WalkInToken) });
export type WalkInTokenList = z.infer<typeof WalkInTokenList>;

export const WalkInResult = z.object({
  participantId: Uuid,
  eventId: Uuid,
  status: ParticipantStatus,
  paymentStatus: PaymentStatus.nullable(),
});
export type WalkInResult = z.infer<typeof WalkInResult>;

const NOT_FOUND = { status: 404, code: "not_found", when: "the event or row does not exist or the caller may not see it" };
const FORBIDDEN = { status: 403, code: "forbidden", when: "the caller's account is not active, or the caller is not on the event team" };
const INVALID_TRANSITION = { status: 409, code: "invalid_transition", when: "the row is not accepted (pending, waitlisted, rejected never attend) or the event does not take attendance" };
const OUTSIDE_WINDOW = { status: 409, code: "outside_attendance_window", when: "now is not between 1 h before the start and the end" };

export const routes: RouteContract[] = [
  {
    function: "attendance", method: "POST", path: "/participants/:participantId", auth: "user", params: ParticipantParams,
    summary: "Mark an accepted participant attended or absent (organizer or accepted committee)",
    body: MarkAttendanceInput,
    responses: { 200: { description: "The attendance record", schema: AttendanceRecord } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, OUTSIDE_WINDOW],
  },
  {
    function: "attendance", method: "GET", path: "/events/:eventId/code", auth: "user", params: EventParams,
    summary: "The current rotating check-in code (event team; changes every 15 minutes)",
    responses: { 200: { description: "The code and its window", schema: CheckInCode } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION],
  },
  {
    function: "attendance", method: "POST", path: "/events/:eventId/check-in", auth: "user", params: EventParams,
    summary: "Check in with the event's current code (accepted participants, inside the attendance window)",
    body: CheckInInput,
    responses: { 200: { description: "The attendance record", schema: AttendanceRecord } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, OUTSIDE_WINDOW,
      { status: 403, code: "invalid_checkin_code", when: "the code is wrong or belongs to another 15-minute window" }],
  },
  {
    function: "attendance", method: "POST", path: "/events/:eventId/online-check-in", auth: "user", params: EventParams,
    summary: "Online self check-in (online and hybrid events, inside the attendance window)",
    body: OnlineCheckInInput,
    responses: { 200: { description: "The attendance record", schema: AttendanceRecord } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, OUTSIDE_WINDOW],
  },
  {
    function: "attendance", method: "GET", path: "/events/:eventId/walk-in-tokens", auth: "user", params: EventParams,
    summary: "List the event's walk-in tokens (event team)",
    responses: { 200: { description: "The tokens", schema: WalkInTokenList } },
    errors: [NOT_FOUND, FORBIDDEN],
  },
  {
    function: "attendance", method: "POST", path: "/events/:eventId/walk-in-tokens", auth: "user", params: EventParams,
    summary: "Create a walk-in token (event team): 192 random bits, optional max uses, expiry defaults to the event end",
    body: CreateWalkInTokenInput,
    responses: { 201: { description: "The new token", schema: WalkInToken } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION,
      { status: 409, code: "event_walk_in_tokens_expiry_within_event", when: "expiresAt is in the past or after the event's end" }],
  },
  {
    function: "attendance", method: "POST", path: "/walk-in-tokens/:tokenId/deactivate", auth: "user", params: TokenParams,
    summary: "Deactivate a walk-in token (event team)",
    body: DeactivateWalkInTokenInput,
    responses: { 200: { description: "The deactivated token", schema: WalkInToken } },
    errors: [NOT_FOUND, FORBIDDEN],
  },
  {
    function: "attendance", method: "POST", path: "/walk-in", auth: "optional",
    summary: "Public walk-in form (the anon key is enough)",
    description: "Free events record attendance, paid events a pending payment. Unknown e-mails become guest rows, never accounts; a signed-in caller submitting their own e-mail is linked to their account; existing rows are never touched.",
    body: WalkInInput,
    responses: { 201: { description: "The walk-in row", schema: WalkInResult } },
    errors: [OUTSIDE_WINDOW, INVALID_TRANSITION, FORBIDDEN,
      { status: 404, code: "not_found", when: "the token does not exist" },
      { status: 409, code: "already_participant", when: "this e-mail is already on the event's list" },
      { status: 409, code: "walk_in_token_inactive", when: "the team deactivated the token" },
      { status: 409, code: "walk_in_token_expired", when: "the token's expiry has passed" },
      { status: 409, code: "walk_in_token_exhausted", when: "the token reached its max uses" },
      { status: 401, code: "unauthenticated", when: "a payment proof without signing in (guests pay at the door)" },
      { status: 409, code: "event_participants_payment_proof_url_is_storage_path", when: "the proof is not in the caller's own folder <eventId>/<userId>/" }],
  },
];

// ── Issue 15 write paths (additive block): personal check-in QR and the team walk-in form ─────

/** The participant's own QR payload: show it as a QR code; the team scans it. */
export const PersonalQr = z.object({
  participantId: Uuid,
  eventId: Uuid,
  token: z.string().describe("qr1.<participantId>.<eventId>.<expires unix seconds>.<HMAC-SHA256 base64url>"),
  expiresAt: IsoDateTime,
});
export type PersonalQr = z.infer<typeof PersonalQr>;

export const PersonalQrToken = z.string().trim().max(300)
  .regex(/^qr1\.[0-9a-f-]{36}\.[0-9a-f-]{36}\.\d{1,12}\.[A-Za-z0-9_-]{43}$/i, "Must be the participant's check-in QR as scanned");
/** POST /events/:eventId/scan — the team scans a participant's personal QR. */
export const ScanQrInput = z.object({ token: PersonalQrToken }).strict();
export type ScanQrInput = z.infer<typeof ScanQrInput>;

/** POST /events/:eventId/walk-ins — the team's walk-in form (no token: the team is the credential). */
export const TeamWalkInInput = z.object({
  name: boundedText(100),
  email: z.email().max(254),
}).strict();
export type TeamWalkInInput = z.infer<typeof TeamWalkInInput>;

const INVALID_QR = { status: 403, code: "invalid_checkin_qr", when: "the QR is not signed by us, belongs to another event, or has expired" };

routes.push(
  {
    function: "attendance", method: "GET", path: "/events/:eventId/my-qr", auth: "user", params: EventParams,
    summary: "One's own personal check-in QR (short-lived, signed, bound to participant and event)",
    description: "Accepted participants only; valid 15 minutes. Fetch a new one before it expires.",
    responses: { 200: { description: "The QR payload", schema: PersonalQr } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION],
  },
  {
    function: "attendance", method: "POST", path: "/events/:eventId/scan", auth: "user", params: EventParams,
    summary: "The team scans a participant's personal QR → attended",
    description: "Organizer or accepted committee, inside the attendance window (1 h before start → end). Only accepted (or absent) rows become attended.",
    body: ScanQrInput,
    responses: { 200: { description: "The attendance record", schema: AttendanceRecord } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, OUTSIDE_WINDOW, INVALID_QR],
  },
  {
    function: "attendance", method: "POST", path: "/events/:eventId/walk-ins", auth: "user", params: EventParams,
    summary: "The team's walk-in form: record a person at the door",
    description: "Organizer or accepted committee, inside the attendance window. Free events: attended; paid: pending + payment pending. Always a guest row named by the e-mail — never an account, never an existing row (rule 7.12); walk-ins ignore capacity.",
    body: TeamWalkInInput,
    responses: { 201: { description: "The walk-in row", schema: WalkInResult } },
    errors: [NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, OUTSIDE_WINDOW,
      { status: 409, code: "already_participant", when: "the e-mail is already on the event's list" }],
  },
);
