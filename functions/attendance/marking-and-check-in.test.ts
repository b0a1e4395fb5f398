// Attendance over real HTTP: team marking (POST /participants/:id), the rotating code
// (GET /events/:id/code), check-in with the code and online self check-in. Time is real: events are
// created so that "now" falls inside or outside the attendance window (1 h before start → end).
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ANON_KEY } from "../../tests/support/harness.ts";
import {
  addParticipant,
  awayFromSlotEdge,
  call,
  type Cast,
  createCast,
  createEvent,
  createUser,
  expectRefused,
  fixturePrefix,
  notificationsOf,
  participantRow,
  suspend,
  type TestUser,
} from "../../tests/support/fixtures.ts";
import { checkinCodeAt } from "./checkin-code.ts";

// The key the running gateway was started with (tests/support/global-setup.ts).
const CHECKIN_CODE_SECRET = inject("serviceEnv").CHECKIN_CODE_SECRET!;

const prefix = fixturePrefix("att");
let cast: Cast; // running now: started 10 minutes ago, hybrid
let counter = 0;

beforeAll(async () => {
  cast = await createCast(prefix, { startsInMinutes: -10, durationMinutes: 120, type: "hybrid" });
});

async function attendee(event = cast.event, status: "accepted" | "pending" | "waitlisted" | "rejected" | "absent" | "attended" = "accepted"): Promise<{ user: TestUser; id: string }> {
  counter += 1;
  const user = await createUser(`${prefix}a${counter}`);
  return { user, id: await addParticipant(event, user, { status }) };
}

const mark = (participantId: string, token: string | null, body: unknown) => call(`attendance/participants/${participantId}`, { token, body });
const codeOf = (eventId: string, token: string | null) => call(`attendance/events/${eventId}/code`, { token });
const checkIn = (eventId: string, token: string | null, body: unknown) => call(`attendance/events/${eventId}/check-in`, { token, body });
const online = (eventId: string, token: string | null) => call(`attendance/events/${eventId}/online-check-in`, { token, body: {} });

describe("POST /attendance/participants/:participantId (team marking)", () => {
  it("lets the organizer mark attended and an accepted committee member mark absent; the participant is notified", async () => {
    const one = await attendee();
    const two = await attendee();
    const first = await mark(one.id, cast.organizer.token, { status: "attended" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ participantId: one.id, status: "attended", attendedAt: expect.any(String) });
    const second = await mark(two.id, cast.committee.token, { status: "absent" });
    expect(second.body).toMatchObject({ status: "absent", attendedAt: null });
    expect((await notificationsOf(one.user.id, "attendance_recorded"))).toHaveLength(1);
    // late arrival: absent → attended
    expect((await mark(two.id, cast.committee.token, { status: "attended" })).body.status).toBe("attended");
  });

  it("is safe to repeat: marking attended twice keeps one check-in", async () => {
    const one = await attendee();
    const first = await mark(one.id, cast.organizer.token, { status: "attended" });
    const again = await mark(one.id, cast.organizer.token, { status: "attended" });
    expect(again.status).toBe(200);
    expect(again.body.attendedAt).toBe(first.body.attendedAt);
  });

  it("never makes pending, waitlisted or rejected rows attended, and never un-attends (409 invalid_transition)", async () => {
    for (const status of ["pending", "waitlisted", "rejected"] as const) {
      const row = await attendee(cast.event, status);
      await expectRefused([cast.event.id], () => mark(row.id, cast.organizer.token, { status: "attended" }), { status: 409, code: "invalid_transition" });
    }
    const done = await attendee(cast.event, "attended");
    await expectRefused([cast.event.id], () => mark(done.id, cast.organizer.token, { status: "absent" }), { status: 409, code: "invalid_transition" });
  });

  it("refuses participants, pending committee, strangers (403), the anon key (401) and a committee member suspended after sign-in (403)", async () => {
    const row = await attendee();
    for (const actor of [cast.participant, cast.pendingCommittee, cast.stranger, row.user]) {
      await expectRefused([cast.event.id], () => mark(row.id, actor.token, { status: "attended" }), { status: 403, code: "forbidden" });
    }
    await expectRefused([cast.event.id], () => mark(row.id, ANON_KEY, { status: "attended" }), { status: 401, code: "unauthenticated" });
    const cora = await createUser(`${prefix}scora`);
    await addParticipant(cast.event, cora, { role: "committee", joinMethod: "invited" });
    await suspend(cora);
    await expectRefused([cast.event.id], () => mark(row.id, cora.token, { status: "attended" }), { status: 403, code: "forbidden" });
  });

  it("refuses marking outside the window: too early, after the end, ended/cancelled events, attendance disabled", async () => {
    const early = await createEvent(cast.organizer, { startsInMinutes: 61 });
    const earlyRow = await attendee(early);
    await expectRefused([early.id], () => mark(earlyRow.id, cast.organizer.token, { status: "attended" }), { status: 409, code: "outside_attendance_window" });
    const over = await createEvent(cast.organizer, { startsInMinutes: -180, durationMinutes: 120 });
    const overRow = await attendee(over);
    await expectRefused([over.id], () => mark(overRow.id, cast.organizer.token, { status: "attended" }), { status: 409, code: "outside_attendance_window" });
    const ended = await createEvent(cast.organizer, { startsInMinutes: -30, status: "ended" });
    const endedRow = await attendee(ended);
    await expectRefused([ended.id], () => mark(endedRow.id, cast.organizer.token, { status: "attended" }), { status: 409, code: "invalid_transition" });
    const disabled = await createEvent(cast.organizer, { startsInMinutes: -5, isAttendanceEnabled: false });
    const disabledRow = await attendee(disabled);
    await expectRefused([disabled.id], () => mark(disabledRow.id, cast.organizer.token, { status: "attended" }), { status: 409, code: "invalid_transition" });
  });

  it("opens the window one hour before the start (59 minutes before: allowed)", async () => {
    const soon = await createEvent(cast.organizer, { startsInMinutes: 59 });
    const row = await attendee(soon);
    expect((await mark(row.id, cast.organizer.token, { status: "attended" })).status).toBe(200);
  });

  it("answers 404 for a participant of a private event the caller cannot see", async () => {
    const hidden = await createEvent(cast.organizer, { visibility: "private", startsInMinutes: -5 });
    const row = await attendee(hidden);
    await expectRefused([hidden.id], () => mark(row.id, cast.stranger.token, { status: "attended" }), { status: 404, code: "not_found" });
  });
});

describe("GET /attendance/events/:eventId/code", () => {
  it("gives the team the current 15-minute code", async () => {
    for (const actor of [cast.organizer, cast.committee]) {
      const reply = await codeOf(cast.event.id, actor.token);
      expect(reply.status).toBe(200);
      expect(reply.body.code).toMatch(/^[A-Z2-7]{8}$/);
      expect(Date.parse(reply.body.validUntil as string) - Date.parse(reply.body.validFrom as string)).toBe(15 * 60 * 1000);
    }
  });

  it("refuses participants, pending committee, strangers (403), the anon key (401) and a suspended organizer (403)", async () => {
    for (const actor of [cast.participant, cast.pendingCommittee, cast.stranger]) {
      await expectRefused([cast.event.id], () => codeOf(cast.event.id, actor.token), { status: 403, code: "forbidden" });
    }
    await expectRefused([cast.event.id], () => codeOf(cast.event.id, ANON_KEY), { status: 401, code: "unauthenticated" });
    const olga = await createUser(`${prefix}solga`);
    const event = await createEvent(olga, { startsInMinutes: -5 });
    await suspend(olga);
    await expectRefused([event.id], () => codeOf(event.id, olga.token), { status: 403, code: "forbidden" });
  });
});

describe("POST /attendance/events/:eventId/check-in", () => {
  it("checks an accepted participant in with the current code; they are notified", async () => {
    await awayFromSlotEdge();
    const row = await attendee();
    const { body } = await codeOf(cast.event.id, cast.organizer.token);
    const reply = await checkIn(cast.event.id, row.user.token, { code: (body.code as string).toLowerCase() });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ participantId: row.id, status: "attended" });
    expect(await notificationsOf(row.user.id, "attendance_recorded")).toHaveLength(1);
  });

  it("refuses a wrong code and the code of an earlier window (403 invalid_checkin_code)", async () => {
    const row = await attendee();
    await expectRefused([cast.event.id], () => checkIn(cast.event.id, row.user.token, { code: "AAAAAAAA" }), { status: 403, code: "invalid_checkin_code" });
    const old = await checkinCodeAt(CHECKIN_CODE_SECRET, cast.event.id, new Date(Date.now() - 31 * 60 * 1000));
    await expectRefused([cast.event.id], () => checkIn(cast.event.id, row.user.token, { code: old.code }), { status: 403, code: "invalid_checkin_code" });
    // another event's code is not this event's code
    const other = await createEvent(cast.organizer, { startsInMinutes: -5 });
    await awayFromSlotEdge();
    const otherCode = (await codeOf(other.id, cast.organizer.token)).body.code as string;
    await expectRefused([cast.event.id], () => checkIn(cast.event.id, row.user.token, { code: otherCode }), { status: 403, code: "invalid_checkin_code" });
  });

  it("never checks in pending, waitlisted or rejected rows, even with the right code (409 invalid_transition)", async () => {
    await awayFromSlotEdge();
    const code = (await codeOf(cast.event.id, cast.organizer.token)).body.code as string;
    for (const status of ["pending", "waitlisted", "rejected"] as const) {
      const row = await attendee(cast.event, status);
      await expectRefused([cast.event.id], () => checkIn(cast.event.id, row.user.token, { code }), { status: 409, code: "invalid_transition" });
    }
    await expectRefused([cast.event.id], () => checkIn(cast.event.id, cast.stranger.token, { code }), { status: 404, code: "not_found" });
  });

  it("refuses check-in before the window opens and after the end (409 outside_attendance_window), whatever the code", async () => {
    for (const options of [{ startsInMinutes: 90 }, { startsInMinutes: -200, durationMinutes: 60 }]) {
      const event = await createEvent(cast.organizer, options);
      const row = await attendee(event);
      await awayFromSlotEdge();
      const current = await checkinCodeAt(CHECKIN_CODE_SECRET, event.id, new Date());
      await expectRefused([event.id], () => checkIn(event.id, row.user.token, { code: current.code }), { status: 409, code: "outside_attendance_window" });
    }
  });

  it("refuses the anon key (401) and a participant suspended after sign-in (403)", async () => {
    const row = await attendee();
    await expectRefused([cast.event.id], () => checkIn(cast.event.id, ANON_KEY, { code: "AAAAAAAA" }), { status: 401, code: "unauthenticated" });
    await suspend(row.user);
    await awayFromSlotEdge();
    const code = (await codeOf(cast.event.id, cast.organizer.token)).body.code as string;
    await expectRefused([cast.event.id], () => checkIn(cast.event.id, row.user.token, { code }), { status: 403, code: "forbidden" });
  });
});

describe("POST /attendance/events/:eventId/online-check-in", () => {
  it("checks an accepted participant of an online or hybrid event in, inside the window", async () => {
    const row = await attendee();
    const reply = await online(cast.event.id, row.user.token);
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe("attended");
    expect((await participantRow(cast.event.id, row.user.id))!.attended_at).not.toBeNull();
  });

  it("refuses physical events, pending/waitlisted rows, non-participants and outside the window", async () => {
    const physical = await createEvent(cast.organizer, { startsInMinutes: -5, type: "physical" });
    const physicalRow = await attendee(physical);
    await expectRefused([physical.id], () => online(physical.id, physicalRow.user.token), { status: 409, code: "invalid_transition" });
    for (const status of ["pending", "waitlisted"] as const) {
      const row = await attendee(cast.event, status);
      await expectRefused([cast.event.id], () => online(cast.event.id, row.user.token), { status: 409, code: "invalid_transition" });
    }
    await expectRefused([cast.event.id], () => online(cast.event.id, cast.stranger.token), { status: 404, code: "not_found" });
    const later = await createEvent(cast.organizer, { startsInMinutes: 120, type: "online" });
    const laterRow = await attendee(later);
    await expectRefused([later.id], () => online(later.id, laterRow.user.token), { status: 409, code: "outside_attendance_window" });
  });

  it("refuses the anon key (401) and a participant suspended after sign-in (403)", async () => {
    const row = await attendee();
    await expectRefused([cast.event.id], () => online(cast.event.id, ANON_KEY), { status: 401, code: "unauthenticated" });
    await suspend(row.user);
    await expectRefused([cast.event.id], () => online(cast.event.id, row.user.token), { status: 403, code: "forbidden" });
  });
});
