// An events row as postgres.js returns it, and its API view (camelCase, ISO instants).
import type { EventView } from "./contracts/events.ts";

export interface EventRow {
  id: string;
  organizer_id: string;
  organization_id: string | null;
  title: string;
  description: string | null;
  logo_url: string | null;
  cover_url: string | null;
  remark: string | null;
  format: EventView["format"];
  type: EventView["type"];
  start_datetime: Date | null;
  end_datetime: Date | null;
  timezone: string;
  registration_type: EventView["registrationType"];
  registration_status: EventView["registrationStatus"];
  status: EventView["status"];
  visibility: EventView["visibility"];
  auto_accept_registration: boolean;
  is_attendance_enabled: boolean;
  max_participant: number | null;
  venue_place_id: string | null;
  venue_remark: string | null;
  price: string | number;
  currency: string;
  published_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  participant_count: number;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toEventView(row: EventRow): EventView {
  return {
    id: row.id,
    organizerId: row.organizer_id,
    organizationId: row.organization_id,
    title: row.title,
    description: row.description,
    logoUrl: row.logo_url,
    coverUrl: row.cover_url,
    remark: row.remark,
    format: row.format,
    type: row.type,
    startDatetime: iso(row.start_datetime),
    endDatetime: iso(row.end_datetime),
    timezone: row.timezone,
    registrationType: row.registration_type,
    registrationStatus: row.registration_status,
    status: row.status,
    visibility: row.visibility,
    autoAcceptRegistration: row.auto_accept_registration,
    isAttendanceEnabled: row.is_attendance_enabled,
    maxParticipant: row.max_participant,
    venuePlaceId: row.venue_place_id,
    venueRemark: row.venue_remark,
    price: Number(row.price),
    currency: row.currency,
    publishedAt: iso(row.published_at),
    cancelledAt: iso(row.cancelled_at),
    cancelReason: row.cancel_reason,
    participantCount: row.participant_count,
    deletedAt: iso(row.deleted_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** API field name → events column, for the fields a client may write. */
export const EVENT_COLUMNS = {
  title: "title",
  description: "description",
  logoUrl: "logo_url",
  coverUrl: "cover_url",
  remark: "remark",
  format: "format",
  type: "type",
  startDatetime: "start_datetime",
  endDatetime: "end_datetime",
  timezone: "timezone",
  registrationType: "registration_type",
  autoAcceptRegistration: "auto_accept_registration",
  isAttendanceEnabled: "is_attendance_enabled",
  maxParticipant: "max_participant",
  venuePlaceId: "venue_place_id",
  venueRemark: "venue_remark",
  price: "price",
  currency: "currency",
  visibility: "visibility",
  organizationId: "organization_id",
} as const;

export type EventColumnValues = Partial<Record<(typeof EVENT_COLUMNS)[keyof typeof EVENT_COLUMNS], string | number | boolean | null>>;

/** Column values of the API fields present in `input` (absent fields are left out, null clears). */
export function toEventColumns(input: Partial<Record<keyof typeof EVENT_COLUMNS, string | number | boolean | null | undefined>>): EventColumnValues {
  const values: EventColumnValues = {};
  for (const [field, column] of Object.entries(EVENT_COLUMNS) as Array<[keyof typeof EVENT_COLUMNS, (typeof EVENT_COLUMNS)[keyof typeof EVENT_COLUMNS]]>) {
    const value = input[field];
    if (value !== undefined) values[column] = value;
  }
  return values;
}
