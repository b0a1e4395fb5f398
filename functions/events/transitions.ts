// The organizer's status changes (DOMAIN.md §3.4, §3.5). Each reads the event as the caller
// (404 when hidden), checks who acts, then calls the private SQL function that decides whether the
// state allows it (under the event lock; its refusal is the named `invalid_transition` error with
// a sentence, passed on as it is) and writes the change with its notifications and outbox e-mails
// in the same transaction. Publishing alone checks its requirements here first (publishProblems
// lists every missing field at once, which the SQL function does not).
import type { Caller } from "../_shared/auth.ts";
import {
  CancelEventInput,
  DeleteEventInput,
  type DeletedResponse,
  type EventTransitionResponse,
  SetRegistrationInput,
  UnpublishEventInput,
} from "../_shared/contracts/events.ts";
import { EmptyBody } from "../_shared/contracts/common.ts";
import { type CallerTransaction, inCallerTransaction, type Sql } from "../_shared/database.ts";
import { badRequest } from "../_shared/errors.ts";
import { type EventForCaller, invalidTransition, loadEventForCaller, requireOrganizerOrAdmin } from "../_shared/event-access.ts";
import { type EventRow, toEventView } from "../_shared/event-row.ts";
import { publishProblems } from "./publish-requirements.ts";

interface TransitionContext {
  sql: Sql;
  caller: Caller;
  eventId: string;
  now: Date;
}

async function reread(t: CallerTransaction, eventId: string): Promise<EventRow> {
  const [row] = await t.tx<EventRow[]>`select * from public.events where id = ${eventId}`;
  return row!;
}

function transition(
  ctx: TransitionContext,
  action: string,
  work: (t: CallerTransaction, found: EventForCaller) => Promise<{ affected?: Record<string, number>; notified: number }>,
): Promise<EventTransitionResponse> {
  return inCallerTransaction(ctx.sql, ctx.caller, async (t) => {
    const found = await loadEventForCaller(t, ctx.eventId, ctx.caller.id);
    requireOrganizerOrAdmin(found, action);
    const outcome = await work(t, found);
    return { event: toEventView(await reread(t, found.event.id)), affected: outcome.affected ?? {}, notified: outcome.notified };
  });
}

export function publishEvent(ctx: TransitionContext, body: unknown): Promise<EventTransitionResponse> {
  EmptyBody.parse(body);
  return transition(ctx, "publish", async (t, { event }) => {
    if (event.status !== "draft") throw invalidTransition(`Cannot publish event "${event.title}": it is ${event.status}, not a draft`);
    const problems = publishProblems(event, ctx.now);
    if (problems.length > 0) {
      throw invalidTransition(`Cannot publish event "${event.title}": ${problems[0]!.problem}`, { missing: problems });
    }
    const [row] = await t.tx<Array<{ notified: number }>>`
      select private.publish_event(${event.id}, ${ctx.caller.id}, ${ctx.now}) as notified`;
    return { notified: row!.notified };
  });
}

export function unpublishEvent(ctx: TransitionContext, body: unknown): Promise<EventTransitionResponse> {
  const input = UnpublishEventInput.parse(body);
  return transition(ctx, "unpublish", async (t, { event, standing }) => {
    const isModeration = !standing.isOrganizer && standing.isAdmin;
    if (isModeration && !input.reason) throw badRequest("A reason is required when an admin unpublishes someone else's event", [{ path: "reason", message: "Required", code: "invalid_type" }]);
    const [row] = await t.tx<Array<{ notified: number }>>`
      select private.unpublish_event(${event.id}, ${ctx.caller.id}, ${input.reason ?? null}, ${isModeration}, ${ctx.now}) as notified`;
    return { notified: row!.notified };
  });
}

export function setRegistration(ctx: TransitionContext, body: unknown): Promise<EventTransitionResponse> {
  const input = SetRegistrationInput.parse(body);
  return transition(ctx, "change registration of", async (t, { event }) => {
    const [row] = await t.tx<Array<{ notified: number }>>`
      select private.set_event_registration(${event.id}, ${ctx.caller.id}, ${input.action === "open"}, ${ctx.now}) as notified`;
    return { notified: row!.notified };
  });
}

export function cancelEvent(ctx: TransitionContext, body: unknown): Promise<EventTransitionResponse> {
  const input = CancelEventInput.parse(body);
  return transition(ctx, "cancel", async (t, { event }) => {
    const [row] = await t.tx<Array<{ rejected: number; notified: number }>>`
      select * from private.cancel_event(${event.id}, ${ctx.caller.id}, ${input.reason}, ${ctx.now})`;
    return { affected: { rejected: row!.rejected }, notified: row!.notified };
  });
}

export function endEvent(ctx: TransitionContext, body: unknown): Promise<EventTransitionResponse> {
  EmptyBody.parse(body);
  return transition(ctx, "end", async (t, { event }) => {
    const [row] = await t.tx<Array<{ absent: number; rejected: number; notified: number }>>`
      select * from private.end_event(${event.id}, ${ctx.caller.id}, ${ctx.now})`;
    return { affected: { absent: row!.absent, rejected: row!.rejected }, notified: row!.notified };
  });
}

export async function deleteEvent(ctx: TransitionContext, body: unknown): Promise<DeletedResponse> {
  const input = DeleteEventInput.parse(body);
  return await inCallerTransaction(ctx.sql, ctx.caller, async (t) => {
    const found = await loadEventForCaller(t, ctx.eventId, ctx.caller.id);
    requireOrganizerOrAdmin(found, "delete");
    const { event, standing } = found;
    const isModeration = !standing.isOrganizer && standing.isAdmin;
    if (isModeration && !input.reason) throw badRequest("A reason is required when an admin deletes someone else's event", [{ path: "reason", message: "Required", code: "invalid_type" }]);
    await t.tx`select * from private.delete_event(${event.id}, ${ctx.caller.id}, ${input.reason ?? null}, ${isModeration}, ${ctx.now})`;
    return { id: event.id, deleted: true as const };
  });
}
