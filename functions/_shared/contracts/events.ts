// Contracts of the `events` function: the organizer's side of the event lifecycle
// (DOMAIN.md §3.4, §3.5). Inputs are strict: unknown fields are refused, never ignored silently.
import { z } from "zod";
import { boundedText, ErrorBody, IsoDateTime, type RouteContract, Uuid } from "./common.ts";
import { parseStoragePath } from "./storage.ts";

/**
 * An event cover or logo: the Storage path `event-covers/<event id>/<file name>` the team uploaded
 * to (never an outside URL). The database checks that the folder is this event's id
 * (events_cover_url_is_storage_path / events_logo_url_is_storage_path); the function answers 400
 * first. Clients show it with storage.from("event-covers").getPublicUrl(<path without bucket>).
 */
export const EventMediaPath = z.string().max(500).refine(
  (path) => parseStoragePath(path)?.bucket === "event-covers",
  { message: 'Must be a Storage path "event-covers/<event id>/<file name>" (upload first, then send the path)' },
);

export const EventStatus = z.enum(["draft", "published", "ended", "cancelled"]);
export type EventStatus = z.infer<typeof EventStatus>;
export const EventFormat = z.enum(["panel_discussion", "workshop", "webinar", "seminar", "club_event", "other"]);
export type EventFormat = z.infer<typeof EventFormat>;
export const EventType = z.enum(["online", "physical", "hybrid"]);
export type EventType = z.infer<typeof EventType>;
export const RegistrationType = z.enum(["free", "paid"]);
export type RegistrationType = z.infer<typeof RegistrationType>;
export const RegistrationStatus = z.enum(["opened", "closed"]);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;
export const Visibility = z.enum(["public", "private"]);
export type Visibility = z.infer<typeof Visibility>;

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone such as `Asia/Kuala_Lumpur`. */
export const TimeZone = z.string().min(1).max(64).refine(isKnownTimeZone, "Unknown time zone: use an IANA name such as Asia/Kuala_Lumpur");

export const EventTitle = boundedText(150).refine((title) => title.split(/\s+/).length <= 15, "Must have at most 15 words");

/** Event fields a client may set; all optional so create and edit share them. */
const eventFields = {
  title: EventTitle,
  description: z.string().max(10_000, "Must be at most 10000 characters").nullable(),
  logoUrl: EventMediaPath.nullable(),
  coverUrl: EventMediaPath.nullable(),
  remark: z.string().max(500, "Must be at most 500 characters").nullable(),
  format: EventFormat,
  type: EventType,
  startDatetime: IsoDateTime.nullable(),
  endDatetime: IsoDateTime.nullable(),
  timezone: TimeZone,
  registrationType: RegistrationType,
  autoAcceptRegistration: z.boolean(),
  isAttendanceEnabled: z.boolean(),
  maxParticipant: z.number().int().min(1).max(100_000).nullable().describe("Audience seats; null = unlimited"),
  venuePlaceId: boundedText(300).nullable(),
  venueRemark: boundedText(500).nullable(),
  price: z.number().min(0).max(99_999_999.99).multipleOf(0.01),
  currency: z.string().regex(/^[A-Z]{3}$/, "Must be a 3-letter ISO currency code such as MYR"),
  visibility: Visibility,
};

function endsAfterStart(input: { startDatetime?: string | null | undefined; endDatetime?: string | null | undefined }): boolean {
  if (!input.startDatetime || !input.endDatetime) return true;
  return Date.parse(input.endDatetime) > Date.parse(input.startDatetime);
}

export const CreateEventInput = z
  .strictObject({
    ...Object.fromEntries(Object.entries(eventFields).map(([key, schema]) => [key, schema.optional()])) as {
      [K in keyof typeof eventFields]: z.ZodOptional<(typeof eventFields)[K]>;
    },
    title: EventTitle,
    organizationId: Uuid.nullable().optional().describe("Organization events: only its owner or admins"),
    status: EventStatus.optional().describe("Ignored: every event starts as a draft (publish it with POST /:id/publish)"),
  })
  .refine(endsAfterStart, { message: "Must be after startDatetime", path: ["endDatetime"] })
  // The cover's folder is the event's id, which exists only after creation: create, upload to
  // event-covers/<id>/…, then PATCH coverUrl / logoUrl (docs/frontend-writes.md).
  .refine((input) => !input.coverUrl && !input.logoUrl, {
    message: "Set the cover and logo after creating the event: upload to event-covers/<event id>/… then PATCH coverUrl / logoUrl",
    path: ["coverUrl"],
  })
  .refine((input) => !(input.registrationType === "paid" && input.autoAcceptRegistration === true), {
    message: "Paid events cannot auto-accept registrations: the organizer verifies each payment",
    path: ["autoAcceptRegistration"],
  })
  .refine((input) => input.registrationType === "paid" || !input.price, {
    message: "Only paid events have a price: set registrationType to paid",
    path: ["price"],
  });
export type CreateEventInput = z.infer<typeof CreateEventInput>;

export const UpdateEventInput = z
  .strictObject(
    Object.fromEntries(Object.entries(eventFields).map(([key, schema]) => [key, schema.optional()])) as {
      [K in keyof typeof eventFields]: z.ZodOptional<(typeof eventFields)[K]>;
    },
  )
  .refine((input) => Object.keys(input).length > 0, "Send at least one field to change")
  .refine(endsAfterStart, { message: "Must be after startDatetime", path: ["endDatetime"] });
export type UpdateEventInput = z.infer<typeof UpdateEventInput>;

/** Fields locked once a published event has started (DOMAIN.md §3.4 time-lock). */
export const CORE_EVENT_FIELDS = [
  "title", "startDatetime", "endDatetime", "timezone", "type", "venuePlaceId", "venueRemark", "price", "currency",
  "registrationType", "autoAcceptRegistration", "maxParticipant", "visibility",
] as const satisfies ReadonlyArray<keyof UpdateEventInput>;

/** Fields whose change of a published event is announced to accepted participants. */
export const ANNOUNCED_EVENT_FIELDS = [
  "startDatetime", "endDatetime", "timezone", "type", "venuePlaceId", "venueRemark",
] as const satisfies ReadonlyArray<keyof UpdateEventInput>;

export const UnpublishEventInput = z.strictObject({
  reason: boundedText(500).optional().describe("Required when an admin unpublishes someone else's event"),
});
export type UnpublishEventInput = z.infer<typeof UnpublishEventInput>;

export const SetRegistrationInput = z.strictObject({ action: z.enum(["open", "close"]) });
export type SetRegistrationInput = z.infer<typeof SetRegistrationInput>;

export const CancelEventInput = z.strictObject({ reason: boundedText(500) });
export type CancelEventInput = z.infer<typeof CancelEventInput>;

export const DeleteEventInput = z.strictObject({
  reason: boundedText(500).optional().describe("Required when an admin deletes someone else's event"),
});
export type DeleteEventInput = z.infer<typeof DeleteEventInput>;

export const EventIdParams = z.strictObject({ id: Uuid });
export type EventIdParams = z.infer<typeof EventIdParams>;

export const EventView = z.object({
  id: Uuid,
  organizerId: Uuid,
  organizationId: Uuid.nullable(),
  title: z.string(),
  description: z.string().nullable(),
  logoUrl: z.string().nullable(),
  coverUrl: z.string().nullable(),
  remark: z.string().nullable(),
  format: EventFormat,
  type: EventType,
  startDatetime: IsoDateTime.nullable(),
  endDatetime: IsoDateTime.nullable(),
  timezone: z.string(),
  registrationType: RegistrationType,
  registrationStatus: RegistrationStatus,
  status: EventStatus,
  visibility: Visibility,
  autoAcceptRegistration: z.boolean(),
  isAttendanceEnabled: z.boolean(),
  maxParticipant: z.number().int().nullable(),
  venuePlaceId: z.string().nullable(),
  venueRemark: z.string().nullable(),
  price: z.number(),
  currency: z.string(),
  publishedAt: IsoDateTime.nullable(),
  cancelledAt: IsoDateTime.nullable(),
  cancelReason: z.string().nullable(),
  participantCount: z.number().int(),
  deletedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type EventView = z.infer<typeof EventView>;

export const EventResponse = z.object({ event: EventView });
export type EventResponse = z.infer<typeof EventResponse>;

export const EventTransitionResponse = z.object({
  event: EventView,
  affected: z.record(z.string(), z.number().int()).describe("Rows changed by the transition, e.g. {absent: 3, rejected: 1}"),
  notified: z.number().int().describe("Notifications written in the same transaction"),
});
export type EventTransitionResponse = z.infer<typeof EventTransitionResponse>;

export const DeletedResponse = z.object({ id: Uuid, deleted: z.literal(true) });
export type DeletedResponse = z.infer<typeof DeletedResponse>;

const idParams = { params: EventIdParams };
const errorsCommon = [
  { status: 404, code: "not_found", when: "the event does not exist, is deleted, or is private and hidden from the caller" },
  { status: 403, code: "forbidden", when: "the caller may see the event but is not its organizer (or an admin), or is not active" },
];

export const routes: RouteContract[] = [
  {
    function: "events", method: "POST", path: "/", summary: "Create a draft event", auth: "user", body: CreateEventInput,
    responses: { 201: { description: "The new draft; the caller is its organizer", schema: EventResponse } },
    errors: [
      { status: 403, code: "forbidden", when: "the caller is not active, or not a manager of organizationId" },
      { status: 409, code: "events_organization_is_approved", when: "organizationId names a pending, rejected or deleted organization" },
    ],
  },
  {
    function: "events", method: "PATCH", path: "/:id", summary: "Edit an event's details", auth: "user", ...idParams,
    body: UpdateEventInput,
    description: "Core fields are locked once a published event has started. A schedule or venue change of a published event notifies and e-mails accepted participants.",
    responses: { 200: { description: "The updated event", schema: EventResponse } },
    errors: [...errorsCommon, { status: 409, code: "invalid_transition", when: "a locked field changes after start, or the event is cancelled" }],
  },
  {
    function: "events", method: "POST", path: "/:id/publish", summary: "Publish a draft", auth: "user", ...idParams,
    description: "Needs a start in the future, an end after it, a description, a venue for physical/hybrid events and a price for paid ones. Opens registration.",
    responses: { 200: { description: "The published event", schema: EventTransitionResponse } },
    errors: [...errorsCommon, { status: 409, code: "invalid_transition", when: "not a draft, or fields missing (details list them)" }],
  },
  {
    function: "events", method: "POST", path: "/:id/unpublish", summary: "Return a published event to draft", auth: "user", ...idParams,
    body: UnpublishEventInput,
    description: "Organizer before start; admin any time with a reason (the organizer gets event_moderated + moderation_notice).",
    responses: { 200: { description: "The event, now a draft", schema: EventTransitionResponse } },
    errors: [...errorsCommon, { status: 409, code: "invalid_transition", when: "not published, or started (organizer)" }],
  },
  {
    function: "events", method: "POST", path: "/:id/registration", summary: "Open or close registration", auth: "user", ...idParams,
    body: SetRegistrationInput,
    responses: { 200: { description: "The event; committee notified when the status changed", schema: EventTransitionResponse } },
    errors: [...errorsCommon, { status: 409, code: "invalid_transition", when: "not published, ended, or opening after start" }],
  },
  {
    function: "events", method: "POST", path: "/:id/cancel", summary: "Cancel an event (irreversible)", auth: "user", ...idParams,
    body: CancelEventInput,
    responses: { 200: { description: "The cancelled event; pending/waitlisted rows rejected; everyone notified and e-mailed", schema: EventTransitionResponse } },
    errors: [...errorsCommon, { status: 409, code: "invalid_transition", when: "already ended or cancelled, or past its end" }],
  },
  {
    function: "events", method: "POST", path: "/:id/end", summary: "End a started event", auth: "user", ...idParams,
    responses: { 200: { description: "The ended event; accepted audience → absent, pending/waitlisted → rejected", schema: EventTransitionResponse } },
    errors: [...errorsCommon, { status: 409, code: "invalid_transition", when: "not published, or not started yet" }],
  },
  {
    function: "events", method: "DELETE", path: "/:id", summary: "Delete an event (soft)", auth: "user", ...idParams,
    body: DeleteEventInput,
    responses: { 200: { description: "Deleted", schema: DeletedResponse } },
    errors: [...errorsCommon, { status: 409, code: "invalid_transition", when: "the event has accepted audience" }],
  },
  {
    function: "events", method: "GET", path: "/:id/calendar.ics", summary: "Calendar file (iCalendar) of an event", auth: "optional", ...idParams,
    description: "Anyone may fetch a public published event with the anon key. UID is stable; cancelled events are STATUS:CANCELLED.",
    responses: { 200: { description: "text/calendar", mediaType: "text/calendar" } },
    errors: [errorsCommon[0]!],
  },
];

export { ErrorBody };
