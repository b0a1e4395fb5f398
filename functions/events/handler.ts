// The `events` function: the organizer's side of the event lifecycle (DOMAIN.md §3.4, §3.5).
//   POST   /events                      create a draft
//   PATCH  /events/:id                  edit details (time-locked core fields)
//   POST   /events/:id/publish          draft → published (registration opens)
//   POST   /events/:id/unpublish        published → draft (organizer before start; admin with reason)
//   POST   /events/:id/registration     {action: open|close}
//   POST   /events/:id/cancel           {reason} → cancelled (irreversible)
//   POST   /events/:id/end              published → ended after start (attendance final)
//   DELETE /events/:id                  soft delete (draft or no accepted audience)
//   GET    /events/:id/calendar.ics     iCalendar file (anon key enough for public events)
import { optionalUser, requireUser } from "../_shared/auth.ts";
import { EventIdParams } from "../_shared/contracts/events.ts";
import { type Deps, depsFromEnv } from "../_shared/deps.ts";
import { json, readJson } from "../_shared/http.ts";
import { createRouter, type RouteContext } from "../_shared/router.ts";
import { calendarResponse } from "./calendar-route.ts";
import { createEvent } from "./create-event.ts";
import { cancelEvent, deleteEvent, endEvent, publishEvent, setRegistration, unpublishEvent } from "./transitions.ts";
import { updateEvent } from "./update-event.ts";

export function createHandler(deps: Deps): (req: Request) => Promise<Response> {
  /** Authenticates, validates the id, reads the body; the work gets a transition context. */
  async function prepare(ctx: RouteContext) {
    const caller = await requireUser(deps.auth, ctx.req);
    const { id } = EventIdParams.parse(ctx.params);
    const body = await readJson(ctx.req);
    return { sql: deps.sql, caller, eventId: id, now: deps.clock.now(), body };
  }

  return createRouter("events")
    .on("POST", "/", async ({ req }) => {
      const caller = await requireUser(deps.auth, req);
      return json(await createEvent(deps.sql, caller, await readJson(req)), 201);
    })
    .on("PATCH", "/:id", async (ctx) => {
      const { body, ...c } = await prepare(ctx);
      return json(await updateEvent(c.sql, c.caller, c.eventId, body, c.now));
    })
    .on("DELETE", "/:id", async (ctx) => {
      const { body, ...c } = await prepare(ctx);
      return json(await deleteEvent(c, body));
    })
    .on("POST", "/:id/publish", async (ctx) => {
      const { body, ...c } = await prepare(ctx);
      return json(await publishEvent(c, body));
    })
    .on("POST", "/:id/unpublish", async (ctx) => {
      const { body, ...c } = await prepare(ctx);
      return json(await unpublishEvent(c, body));
    })
    .on("POST", "/:id/registration", async (ctx) => {
      const { body, ...c } = await prepare(ctx);
      return json(await setRegistration(c, body));
    })
    .on("POST", "/:id/cancel", async (ctx) => {
      const { body, ...c } = await prepare(ctx);
      return json(await cancelEvent(c, body));
    })
    .on("POST", "/:id/end", async (ctx) => {
      const { body, ...c } = await prepare(ctx);
      return json(await endEvent(c, body));
    })
    .on("GET", "/:id/calendar.ics", async ({ req, params }) => {
      const caller = await optionalUser(deps.auth, req);
      const { id } = EventIdParams.parse(params);
      return await calendarResponse(deps.sql, caller, id, deps.clock.now());
    })
    .handle;
}

export function handlerFromEnv(): (req: Request) => Promise<Response> {
  return createHandler(depsFromEnv());
}
