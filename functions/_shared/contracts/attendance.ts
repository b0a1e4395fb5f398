// Contracts of the `attendance` function (DOMAIN.md §3.6 F and G, §3.8 walk-in tokens, §8 #9):
// team marking, rotating check-in codes, self check-in, walk-in tokens and the public walk-in form.
import { z } from "zod";
import { ParticipantStatus, PaymentStatus, type RouteContract } from "./participation.ts";

const Uuid = z.uuid({ error: "Must be a UUID" });
const IsoDateTime = z.iso.datetime({ offset: true });

export const EventParams = z.object({ eventId: Uuid }).strict();
export type EventParams = z.infer<typeof EventParams>;
export const ParticipantParams = z.object({ participantId: Uuid }).strict();
export type ParticipantParams = z.infer<typeof ParticipantParams>;
export const TokenParams = z.object({ tokenId: Uuid }).strict();
export type TokenParams = z.infer<typeof TokenParams>;

/** What the team may record; anything else (pending, accepted, …) is not an attendance mark. */
export const MarkAttendanceInput = z.object({ status: z.enum(["attended", "absent"]) }).strict();
export type MarkAttendanceInput = z.infer<typeof MarkAttendanceInput>;

/** Check-in codes are 8 characters of base32 (A–Z, 2–7); typed codes are upper-cased. */
export const CheckInCodeValue = z.string().trim().toUpperCase().regex(/^[A-Z2-7]{8}$/, "Must be the 8-character code shown at the event");
export const CheckInInput = z.object({ code: CheckInCodeValue }).strict();
export type CheckInInput = z.infer<typeof CheckInInput>;

export const OnlineCheckInInput = z.object({}).strict();
export type OnlineCheckInInput = z.infer<typeof OnlineCheckInInput>;

export const CreateWalkInTokenInput = z.object({
  label: z.string().trim().min(1).max(100).optional(),
  maxUses: z.number().int().min(1).max(100_000).optional(),
  /** Defaults to the event's end; must be in the future and not after the end. */
  expiresAt: IsoDateTime.optional(),
}).strict();
export type CreateWalkInTokenInput = z.infer<typeof CreateWalkInTokenInput>;

export const DeactivateWalkInTokenInput = z.object({}).strict();
export type DeactivateWalkInTokenInput = z.infer<typeof DeactivateWalkInTokenInput>;

/** The public walk-in form. Never creates an account; the e-mail only names a guest row. */
export const WalkInInput = z.object({
  token: z.string().regex(/^[0-9a-f]{32,128}$/, "Must be the walk-in token from the event's link"),
  name: z.string().trim().min(1).max(100),
  email: z.email().max(254),
  /** Paid events: a storage path `<eventId>/walk-in/<file>` of the payment proof. */
  paymentProofPath: z.string().max(500)
    .regex(/^[0-9a-f-]{36}\/walk-in\/[A-Za-z0-9._-]{1,200}$/i, "Must be a storage path <eventId>/walk-in/<file name>, not a URL")
    .optional(),
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

export const routes: RouteContract[] = [
  {
    method: "POST", path: "/participants/{participantId}", function: "attendance", auth: "user",
    summary: "Organizer or accepted committee marks an accepted participant attended or absent inside the attendance window",
    body: MarkAttendanceInput, response: AttendanceRecord,
  },
  {
    method: "GET", path: "/events/{eventId}/code", function: "attendance", auth: "user",
    summary: "The event team gets the current rotating check-in code (changes every 15 minutes)",
    response: CheckInCode,
  },
  {
    method: "POST", path: "/events/{eventId}/check-in", function: "attendance", auth: "user",
    summary: "An accepted participant checks in by presenting the current code, inside the attendance window",
    body: CheckInInput, response: AttendanceRecord,
  },
  {
    method: "POST", path: "/events/{eventId}/online-check-in", function: "attendance", auth: "user",
    summary: "An accepted participant of an online or hybrid event checks in inside the attendance window",
    body: OnlineCheckInInput, response: AttendanceRecord,
  },
  {
    method: "GET", path: "/events/{eventId}/walk-in-tokens", function: "attendance", auth: "user",
    summary: "The event team lists the event's walk-in tokens",
    response: WalkInTokenList,
  },
  {
    method: "POST", path: "/events/{eventId}/walk-in-tokens", function: "attendance", auth: "user",
    summary: "The event team creates a walk-in token (random, 192 bits; optional max uses; expiry defaults to the event end)",
    body: CreateWalkInTokenInput, response: WalkInToken,
  },
  {
    method: "POST", path: "/walk-in-tokens/{tokenId}/deactivate", function: "attendance", auth: "user",
    summary: "The event team deactivates a walk-in token",
    body: DeactivateWalkInTokenInput, response: WalkInToken,
  },
  {
    method: "POST", path: "/walk-in", function: "attendance", auth: "anon-or-user",
    summary: "Public walk-in form (anon key is enough): free events record attendance, paid events a pending payment; unknown e-mails become guest rows, never accounts",
    body: WalkInInput, response: WalkInResult,
  },
];
