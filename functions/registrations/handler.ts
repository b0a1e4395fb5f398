// The `registrations` function: self-registration with capacity and a FIFO waitlist
// (DOMAIN.md §3.6 A, B, I).
//   POST   /registrations                              {eventId} register (idempotent)
//   GET    /registrations/:eventId                     my registration (or null)
//   DELETE /registrations/:eventId                     withdraw before start
//   POST   /registrations/:eventId/:userId/approve     team accepts a pending request
//   POST   /registrations/:eventId/:userId/reject      team turns down a pending/waitlisted request
// Each request is one transaction: the event is read AS THE CALLER (RLS: hidden → 404), the rule
// is checked here for a clear answer, then a private SQL function does the write under a lock on
// the event row (capacity, FIFO positions, notifications and outbox e-mails included).
import { type Caller, requireUser } from "../_shared/auth.ts";
import { EmptyBody } from "../_shared/contracts/common.ts";
import {
  DecideRegistrationInput,
  type DecisionResponse,
  type MyRegistrationResponse,
  RegisterInput,
  RegistrationDecisionParams,
  RegistrationEventParams,
  type WithdrawResponse,
} from "../_shared/contracts/registrations.ts";
import { inCallerTransaction } from "../_shared/database.ts";
import { conflict, forbidden } from "../_shared/errors.ts";
import { type Deps, depsFromEnv } from "../_shared/deps.ts";
import { loadEventForCaller, requireActive, requireTeamOrAdmin } from "../_shared/event-access.ts";
import { json, readJson } from "../_shared/http.ts";
import { createRouter } from "../_shared/router.ts";
import { type ParticipantRow, toRegistrationView } from "./registration-row.ts";

export function createHandler(deps: Deps): (req: Request) => Promise<Response> {
  async function register(caller: Caller, body: unknown): Promise<Response> {
    const { eventId } = RegisterInput.parse(body);
    const reply = await inCallerTransaction(deps.sql, caller, async (t) => {
      const { event, standing } = await loadEventForCaller(t, eventId, caller.id);
      requireActive(standing, `register for event "${event.title}"`);
      if (standing.isOrganizer) throw forbidden(`Cannot register for event "${event.title}": you organize it`);
      const [row] = await t.tx<Array<{ participant: ParticipantRow; created: boolean }>>`
        select participant, created from private.register_for_event(${event.id}, ${caller.id}, ${deps.clock.now()})`;
      const { participant: registration, created } = row!;
      // The SQL function returns an existing row as is (idempotent). That is only a "yes, you are
      // registered" while the event still takes registrations and the row was not turned down
      // (issue 14: former participants of a cancelled event, rejected or removed people → 409).
      if (!created && registration.status === "rejected") {
        throw conflict("registration_rejected", `Cannot register for event "${event.title}" again: your registration was turned down or you were removed`);
      }
      if (!created && (event.status === "cancelled" || event.status === "ended")) {
        throw conflict("registration_closed", `Cannot register for event "${event.title}": it is ${event.status}`);
      }
      return { registration: toRegistrationView(registration), created };
    });
    // register_for_event commits asynchronously and without its announcement, so the event lock
    // is held for the decision only (issue 16). The announcement (notification, e-mail; exactly
    // once, also for a retried registration whose first caller died) commits synchronously:
    // the answer waits until both are on disk (shared group-commit flush).
    await deps.sql`select private.announce_registration(${reply.registration.id})`;
    return json(reply, reply.created ? 201 : 200);
  }

  async function myRegistration(caller: Caller, eventId: string): Promise<MyRegistrationResponse> {
    return await inCallerTransaction(deps.sql, caller, async (t) => {
      const { event, standing } = await loadEventForCaller(t, eventId, caller.id);
      requireActive(standing, `read your registration for event "${event.title}"`);
      const [row] = await t.asCaller((q) => q<ParticipantRow[]>`
        select * from public.event_participants where event_id = ${event.id} and user_id = ${caller.id}`);
      return { registration: row ? toRegistrationView(row) : null };
    });
  }

  async function withdraw(caller: Caller, eventId: string): Promise<WithdrawResponse> {
    return await inCallerTransaction(deps.sql, caller, async (t) => {
      const { event, standing } = await loadEventForCaller(t, eventId, caller.id);
      requireActive(standing, `withdraw from event "${event.title}"`);
      const [row] = await t.tx<Array<{ seat_freed: boolean; promoted: number }>>`
        select * from private.withdraw_registration(${event.id}, ${caller.id}, ${deps.clock.now()})`;
      return { eventId: event.id, withdrawn: true as const, seatFreed: row!.seat_freed };
    });
  }

  async function decide(caller: Caller, params: Record<string, string>, approve: boolean, body: unknown): Promise<DecisionResponse> {
    const { eventId, userId } = RegistrationDecisionParams.parse(params);
    const input = DecideRegistrationInput.parse(body);
    return await inCallerTransaction(deps.sql, caller, async (t) => {
      const found = await loadEventForCaller(t, eventId, caller.id);
      requireTeamOrAdmin(found, approve ? "accept registrations for" : "reject registrations for");
      const [decided] = await t.tx<Array<{ id: string }>>`
        select private.decide_registration(${eventId}, ${userId}, ${approve}, ${caller.id}, ${input.reason ?? null}, ${deps.clock.now()}) as id`;
      const [row] = await t.tx<ParticipantRow[]>`select * from public.event_participants where id = ${decided!.id}`;
      return { registration: toRegistrationView(row!) };
    });
  }

  return createRouter("registrations")
    .on("POST", "/", async ({ req }) => {
      const caller = await requireUser(deps.auth, req);
      return await register(caller, await readJson(req));
    })
    .on("GET", "/:eventId", async ({ req, params }) => {
      const caller = await requireUser(deps.auth, req);
      return json(await myRegistration(caller, RegistrationEventParams.parse(params).eventId));
    })
    .on("DELETE", "/:eventId", async ({ req, params }) => {
      const caller = await requireUser(deps.auth, req);
      const { eventId } = RegistrationEventParams.parse(params);
      EmptyBody.parse(await readJson(req));
      return json(await withdraw(caller, eventId));
    })
    .on("POST", "/:eventId/:userId/approve", async ({ req, params }) => {
      const caller = await requireUser(deps.auth, req);
      return json(await decide(caller, params, true, await readJson(req)));
    })
    .on("POST", "/:eventId/:userId/reject", async ({ req, params }) => {
      const caller = await requireUser(deps.auth, req);
      return json(await decide(caller, params, false, await readJson(req)));
    })
    .handle;
}

export function handlerFromEnv(): (req: Request) => Promise<Response> {
  return createHandler(depsFromEnv());
}
