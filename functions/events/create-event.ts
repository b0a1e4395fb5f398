// POST /events: a draft owned by the caller. The insert runs AS THE CALLER, so the events insert
// policy (active user; organization events only for its managers) has the last word.
import type { Caller } from "../_shared/auth.ts";
import { CreateEventInput, type EventResponse } from "../_shared/contracts/events.ts";
import { inCallerTransaction, type Sql } from "../_shared/database.ts";
import { forbidden } from "../_shared/errors.ts";
import { type EventRow, toEventColumns, toEventView } from "../_shared/event-row.ts";

export async function createEvent(sql: Sql, caller: Caller, body: unknown): Promise<EventResponse> {
  const { status: _ignoredStatus, ...input } = CreateEventInput.parse(body);
  // Paid events are never auto-accepted (DOMAIN.md §2): unless the client said otherwise, follow.
  if (input.registrationType === "paid" && input.autoAcceptRegistration === undefined) input.autoAcceptRegistration = false;
  return await inCallerTransaction(sql, caller, async (t) => {
    const [standing] = await t.asCaller((q) => q<Array<{ is_active: boolean; is_manager: boolean }>>`
      select private.is_active() as is_active,
             coalesce(private.is_org_manager(${input.organizationId ?? null}::uuid), false) as is_manager`);
    if (!standing?.is_active) throw forbidden("Cannot create an event: your account is not active");
    if (input.organizationId && !standing.is_manager) {
      throw forbidden(`Cannot create an event for organization "${input.organizationId}": only its owner and admins can`);
    }
    const values = { ...toEventColumns(input), organizer_id: caller.id };
    const [row] = await t.asCaller((q) => q<EventRow[]>`insert into public.events ${q(values)} returning *`);
    return { event: toEventView(row!) };
  });
}
