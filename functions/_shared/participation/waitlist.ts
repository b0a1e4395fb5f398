// When a seat frees (leave, removal), the first waitlisted person moves up (DOMAIN.md §3.6 A).
// The promotion itself (FIFO order, auto-accept, notification, e-mail) is the registration code's
// private.promote_waitlist (lifecycle branch); this calls it in the same transaction, under the
// event lock the caller already holds. Until that migration is part of the schema there is no
// waitlist to promote from (only registration creates waitlisted rows), so the call is skipped.
import type { Tx } from "../database.ts";
import type { ParticipationEvent } from "../event-access.ts";
import { isAudienceRole, type ParticipantRow } from "./participant-rows.ts";

export async function afterSeatFreed(tx: Tx, event: ParticipationEvent, freed: Pick<ParticipantRow, "role" | "status">, now: Date): Promise<number> {
  // A pending audience request holds a seat in the promotion rule too; waitlisted rows hold none.
  if (!isAudienceRole(freed.role) || freed.status === "waitlisted") return 0;
  const [present] = await tx<{ ok: boolean }[]>`
    select to_regprocedure('private.promote_waitlist(uuid,timestamptz)') is not null as ok`;
  if (!present?.ok) return 0;
  const [row] = await tx<{ promoted: number }[]>`select private.promote_waitlist(${event.id}::uuid, ${now}::timestamptz) as promoted`;
  return row?.promoted ?? 0;
}
