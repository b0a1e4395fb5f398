// The attendance window and the code rotation at their exact edges, with an INJECTED CLOCK: the
// real attendance handler (createHandler) against the real test database and real tokens, only
// `deps.clock` is fake so "now" can sit on a millisecond boundary. Over-HTTP tests with real time
// live in marking-and-check-in.test.ts and walk-ins.test.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LOCAL_JWT_SECRET } from "../../scripts/lib/local-env.mjs";
import { createAuthenticator } from "../_shared/auth.ts";
import type { Clock } from "../_shared/clock.ts";
import { connect, type Sql } from "../_shared/database.ts";
import { testSql } from "../../tests/support/harness.ts";
import {
  addParticipant,
  createEvent,
  createUser,
  fixturePrefix,
  type TestEvent,
  type TestUser,
} from "../../tests/support/fixtures.ts";
import { CHECKIN_SLOT_MS } from "./checkin-code.ts";
import { createHandler } from "./handler.ts";

const prefix = fixturePrefix("clk");
let sql: Sql;
let current = new Date();
const clock: Clock = { now: () => new Date(current.getTime()) };
let handle: (req: Request) => Promise<Response>;
let organizer: TestUser;
let event: TestEvent;
let startsAt: Date;
let endsAt: Date;

beforeAll(async () => {
  sql = connect(inject("dbUrl"), { max: 2 });
  handle = createHandler({ sql, auth: createAuthenticator({ jwtSecret: LOCAL_JWT_SECRET }), clock, checkinSecret: "clock-test-secret" });
  organizer = await createUser(`${prefix}olga`);
  event = await createEvent(organizer, { startsInMinutes: 2 * 24 * 60, durationMinutes: 120, type: "online" });
  const [row] = await testSql()<{ start_datetime: Date; end_datetime: Date }[]>`
    select start_datetime, end_datetime from public.events where id = ${event.id}`;
  startsAt = row!.start_datetime;
  endsAt = row!.end_datetime;
});

afterAll(async () => {
  await sql.end();
});

async function send(path: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> & { error?: { code: string } } }> {
  const response = await handle(new Request(`http://functions.local/attendance${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }));
  return { status: response.status, body: await response.json() };
}

let counter = 0;
async function attendee(): Promise<{ user: TestUser; id: string }> {
  counter += 1;
  const user = await createUser(`${prefix}a${counter}`);
  return { user, id: await addParticipant(event, user) };
}

describe("attendance window edges (injected clock)", () => {
  it("opens exactly 1 hour before the start: 1 ms earlier is outside", async () => {
    const row = await attendee();
    current = new Date(startsAt.getTime() - 60 * 60 * 1000 - 1);
    const early = await send(`/participants/${row.id}`, organizer.token, { status: "attended" });
    expect({ status: early.status, code: early.body.error?.code }).toEqual({ status: 409, code: "outside_attendance_window" });
    current = new Date(startsAt.getTime() - 60 * 60 * 1000);
    const onTime = await send(`/participants/${row.id}`, organizer.token, { status: "attended" });
    expect(onTime.status).toBe(200);
    expect(onTime.body.attendedAt).toBe(current.toISOString());
  });

  it("closes at the end: at the end is inside, 1 ms later is outside", async () => {
    const row = await attendee();
    current = new Date(endsAt.getTime() + 1);
    const late = await send(`/events/${event.id}/online-check-in`, row.user.token, {});
    expect({ status: late.status, code: late.body.error?.code }).toEqual({ status: 409, code: "outside_attendance_window" });
    current = new Date(endsAt.getTime());
    expect((await send(`/events/${event.id}/online-check-in`, row.user.token, {})).status).toBe(200);
  });
});

describe("check-in code rotation (injected clock)", () => {
  it("accepts the code until its slot ends and refuses it from the first millisecond of the next slot", async () => {
    const row = await attendee();
    const insideSlot = Math.floor(startsAt.getTime() / CHECKIN_SLOT_MS) * CHECKIN_SLOT_MS;
    current = new Date(insideSlot + CHECKIN_SLOT_MS - 1);
    const shown = await send(`/events/${event.id}/code`, organizer.token);
    expect(shown.status).toBe(200);
    current = new Date(insideSlot + CHECKIN_SLOT_MS);
    const stale = await send(`/events/${event.id}/check-in`, row.user.token, { code: shown.body.code });
    expect({ status: stale.status, code: stale.body.error?.code }).toEqual({ status: 403, code: "invalid_checkin_code" });
    const fresh = await send(`/events/${event.id}/code`, organizer.token);
    expect(fresh.body.code).not.toBe(shown.body.code);
    const ok = await send(`/events/${event.id}/check-in`, row.user.token, { code: fresh.body.code });
    expect(ok.body.status).toBe("attended");
  });
});

describe("walk-in token expiry (injected clock)", () => {
  it("works 1 ms before expires_at and is expired at expires_at", async () => {
    current = new Date(startsAt.getTime());
    const created = await send(`/events/${event.id}/walk-in-tokens`, organizer.token, { expiresAt: new Date(startsAt.getTime() + 30 * 60 * 1000).toISOString() });
    expect(created.status).toBe(201);
    const expiresAt = new Date(created.body.expiresAt as string);
    current = new Date(expiresAt.getTime());
    const expired = await send("/walk-in", organizer.token, { token: created.body.token, name: "Late", email: `${prefix}late@example.com` });
    expect({ status: expired.status, code: expired.body.error?.code }).toEqual({ status: 409, code: "walk_in_token_expired" });
    current = new Date(expiresAt.getTime() - 1);
    const onTime = await send("/walk-in", organizer.token, { token: created.body.token, name: "On time", email: `${prefix}ontime@example.com` });
    expect(onTime.status).toBe(201);
  });
});
