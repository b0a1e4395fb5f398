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
  responded_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

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
    respondedAt: row.responded_at ? row.responded_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
