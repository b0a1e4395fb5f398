// When a seat frees (leave, removal), the first waitlisted person moves up (DOMAIN.md §3.6 A).
// The promotion itself (order, auto-accept, notification, e-mail) belongs to the registration
// code; this calls it in the same transaction, under the event lock the caller already holds.
import type { Tx } from "../database.ts";
import type { EventRow } from "./event-access.ts";
import { isAudienceRole, type ParticipantRow } from "./participant-rows.ts";

export async function afterSeatFreed(tx: Tx, event: EventRow, freed: Pick<ParticipantRow, "role" | "status">): Promise<void> {
  if (!isAudienceRole(freed.role) || freed.status !== "accepted") return;
  const [present] = await tx<{ ok: boolean }[]>`
    select to_regprocedure('private.promote_waitlist(uuid)') is not null as ok`;
  if (!present?.ok) return;
  await tx`select private.promote_waitlist(${event.id}::uuid)`;
}
