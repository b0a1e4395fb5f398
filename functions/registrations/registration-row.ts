// An event_participants row as postgres.js returns it, and the registration view of it.
import type { RegistrationView } from "../_shared/contracts/registrations.ts";

export interface ParticipantRow {
  id: string;
  event_id: string;
  user_id: string;
  role: RegistrationView["role"];
  join_method: RegistrationView["joinMethod"];
  status: RegistrationView["status"];
  waitlist_position: number | null;
  payment_status: RegistrationView["paymentStatus"];
  responded_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

/** Timestamps arrive as Date from table reads and as strings from jsonb (SQL function results). */
const iso = (value: Date | string): string => new Date(value).toISOString();

export function toRegistrationView(row: ParticipantRow): RegistrationView {
  return {
    id: row.id,
    eventId: row.event_id,
    userId: row.user_id,
    role: row.role,
    joinMethod: row.join_method,
    status: row.status,
    waitlistPosition: row.waitlist_position,
    paymentStatus: row.payment_status,
    respondedAt: row.responded_at === null ? null : iso(row.responded_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
