// Role changes, removal and leaving over real HTTP: PATCH /:participantId/role,
// DELETE /:participantId, POST /events/:eventId/leave.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY } from "../../tests/support/harness.ts";
import {
  addParticipant,
  call,
  type Cast,
  createEvent,
  createUser,
  expectRefused,
  fixturePrefix,
  notificationsOf,
  outboxOf,
  participantRow,
  participationScene,
  suspend,
  type TestUser,
} from "../../tests/support/fixtures.ts";

const prefix = fixturePrefix("rrl");
let cast: Cast;
let admin: TestUser;
let counter = 0;

beforeAll(async () => {
  ({ cast, admin } = await participationScene(prefix));
});

async function freshUser(): Promise<TestUser> {
  counter += 1;
  return createUser(`${prefix}u${counter}`);
}

const changeRole = (participantId: string, token: string | null, body: unknown) =>
  call(`participants/${participantId}/role`, { method: "PATCH", token, body });
const remove = (participantId: string, token: string | null, body: unknown = {}) =>
  call(`participants/${participantId}`, { method: "DELETE", token, body });
const leave = (eventId: string, token: string | null) => call(`participants/events/${eventId}/leave`, { token, body: {} });

describe("PATCH /participants/:participantId/role", () => {
  it("lets the organizer change an accepted audience member to speaker: stays accepted, notified (role_changed), e-mailed (role_updated)", async () => {
    const user = await freshUser();
    const id = await addParticipant(cast.event, user);
    const reply = await changeRole(id, cast.organizer.token, { role: "speaker" });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ role: "speaker", status: "accepted" });
    expect(await notificationsOf(user.id, "role_changed")).toHaveLength(1);
    expect((await outboxOf(user.id, "role_updated"))[0]!.data).toMatchObject({ role: "speaker" });
  });

  it("sends a promotion to committee back to pending: the person must accept again, and has no team rights meanwhile", async () => {
    const user = await freshUser();
    const id = await addParticipant(cast.event, user, { role: "speaker" });
    const reply = await changeRole(id, cast.organizer.token, { role: "committee" });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ role: "committee", status: "pending", joinMethod: "invited" });
    // pending committee cannot invite (rule 7.4)
    const other = await freshUser();
    await expectRefused([cast.event.id], () => call(`participants/events/${cast.event.id}/invitations`, { token: user.token, body: { userId: other.id, role: "speaker" } }), { status: 403, code: "forbidden" });
    const accepted = await call(`participants/events/${cast.event.id}/invitation/answer`, { token: user.token, body: { answer: "accept" } });
    expect(accepted.body).toMatchObject({ role: "committee", status: "accepted" });
    expect((await call(`participants/events/${cast.event.id}/invitations`, { token: user.token, body: { userId: other.id, role: "speaker" } })).status).toBe(201);
  });

  it("lets an admin change a role", async () => {
    const user = await freshUser();
    const id = await addParticipant(cast.event, user, { role: "speaker" });
    expect((await changeRole(id, admin.token, { role: "sponsor" })).body.role).toBe("sponsor");
  });

  it("refuses committee, participants, pending committee, strangers (403), the anon key (401) and a suspended organizer (403)", async () => {
    const user = await freshUser();
    const id = await addParticipant(cast.event, user);
    for (const actor of [cast.committee, cast.participant, cast.pendingCommittee, cast.stranger]) {
      await expectRefused([cast.event.id], () => changeRole(id, actor.token, { role: "speaker" }), { status: 403, code: "forbidden" });
    }
    await expectRefused([cast.event.id], () => changeRole(id, ANON_KEY, { role: "speaker" }), { status: 401, code: "unauthenticated" });
    const olga = await createUser(`${prefix}solga`);
    const event = await createEvent(olga);
    const rowId = await addParticipant(event, user);
    await suspend(olga);
    await expectRefused([event.id], () => changeRole(rowId, olga.token, { role: "speaker" }), { status: 403, code: "forbidden" });
  });

  it("refuses changing the organizer, to organizer, to the same role, or a waitlisted/attended row (409 or 400)", async () => {
    const [organizerRow] = (await call(`participants/events/${cast.event.id}`, { token: cast.organizer.token })).body.participants as { id: string; role: string }[];
    expect(organizerRow!.role).toBe("organizer");
    await expectRefused([cast.event.id], () => changeRole(organizerRow!.id, cast.organizer.token, { role: "speaker" }), { status: 409, code: "invalid_transition" });
    await expectRefused([cast.event.id], () => changeRole(cast.participantRowId, cast.organizer.token, { role: "organizer" }), { status: 400, code: "invalid_request" });
    await expectRefused([cast.event.id], () => changeRole(cast.participantRowId, cast.organizer.token, { role: "audience" }), { status: 409, code: "invalid_transition" });
    const waiting = await addParticipant(cast.event, await freshUser(), { status: "waitlisted" });
    await expectRefused([cast.event.id], () => changeRole(waiting, cast.organizer.token, { role: "speaker" }), { status: 409, code: "invalid_transition" });
  });

  it("checks capacity when a speaker becomes audience (409 event_full)", async () => {
    const full = await createEvent(cast.organizer, { maxParticipant: 1 });
    await addParticipant(full, await freshUser());
    const speaker = await addParticipant(full, await freshUser(), { role: "speaker" });
    await expectRefused([full.id], () => changeRole(speaker, cast.organizer.token, { role: "audience" }), { status: 409, code: "event_full" });
  });
});

describe("DELETE /participants/:participantId", () => {
  it("lets the organizer remove a participant with a reason: row kept as rejected (issue 14), notified (participant_removed), e-mailed", async () => {
    const user = await freshUser();
    const id = await addParticipant(cast.event, user);
    const reply = await remove(id, cast.organizer.token, { reason: "Duplicate registration" });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ id, eventId: cast.event.id, removed: true });
    expect((await participantRow(cast.event.id, user.id))!.status).toBe("rejected");
    expect((await notificationsOf(user.id, "participant_removed"))[0]!.content).toContain("Duplicate registration");
    expect((await outboxOf(user.id, "participant_removed"))[0]!.data).toMatchObject({ reason: "Duplicate registration" });
  });

  it("lets an admin remove; a body is optional", async () => {
    const id = await addParticipant(cast.event, await freshUser());
    expect((await call(`participants/${id}`, { method: "DELETE", token: admin.token })).status).toBe(200);
  });

  it("refuses committee, participants, pending committee, strangers (403) and the anon key (401)", async () => {
    const id = await addParticipant(cast.event, await freshUser());
    for (const actor of [cast.committee, cast.participant, cast.pendingCommittee, cast.stranger]) {
      await expectRefused([cast.event.id], () => remove(id, actor.token), { status: 403, code: "forbidden" });
    }
    await expectRefused([cast.event.id], () => remove(id, ANON_KEY), { status: 401, code: "unauthenticated" });
  });

  it("never removes the organizer, nor attended/absent rows after the event (409 invalid_transition)", async () => {
    const list = await call(`participants/events/${cast.event.id}`, { token: cast.organizer.token });
    const organizerRow = (list.body.participants as { id: string; role: string }[]).find((row) => row.role === "organizer")!;
    await expectRefused([cast.event.id], () => remove(organizerRow.id, cast.organizer.token), { status: 409, code: "invalid_transition" });
    const past = await createEvent(cast.organizer, { startsInMinutes: -300, status: "ended" });
    const attended = await addParticipant(past, await freshUser(), { status: "attended" });
    const absent = await addParticipant(past, await freshUser(), { status: "absent" });
    await expectRefused([past.id], () => remove(attended, cast.organizer.token), { status: 409, code: "invalid_transition" });
    await expectRefused([past.id], () => remove(absent, cast.organizer.token), { status: 409, code: "invalid_transition" });
  });
});

describe("POST /participants/events/:eventId/leave", () => {
  it("lets a participant leave before the start: row deleted, organizer notified (participant_left)", async () => {
    const user = await freshUser();
    await addParticipant(cast.event, user);
    const reply = await leave(cast.event.id, user.token);
    expect(reply.status).toBe(200);
    expect(reply.body.removed).toBe(true);
    expect(await participantRow(cast.event.id, user.id)).toBeUndefined();
    expect((await notificationsOf(cast.organizer.id, "participant_left")).length).toBeGreaterThan(0);
  });

  it("frees the seat for the first waitlisted person when an accepted audience member leaves or is removed (FIFO)", async () => {
    const full = await createEvent(cast.organizer, { maxParticipant: 1 });
    const seated = await freshUser();
    await addParticipant(full, seated);
    const first = await freshUser();
    const second = await freshUser();
    await addParticipant(full, first, { status: "waitlisted" });
    await addParticipant(full, second, { status: "waitlisted" });
    expect((await leave(full.id, seated.token)).status).toBe(200);
    expect((await participantRow(full.id, first.id))!.status).toBe("accepted");
    expect((await participantRow(full.id, second.id))!.status).toBe("waitlisted");
    expect((await notificationsOf(first.id, "participation_decided")).length).toBe(1);
    const firstRow = (await participantRow(full.id, first.id))!.id;
    expect((await remove(firstRow, cast.organizer.token)).status).toBe(200);
    expect((await participantRow(full.id, second.id))!.status).toBe("accepted");
  });

  it("refuses the organizer, a non-participant (404), after the start and after attended (409)", async () => {
    await expectRefused([cast.event.id], () => leave(cast.event.id, cast.organizer.token), { status: 409, code: "invalid_transition" });
    await expectRefused([cast.event.id], () => leave(cast.event.id, cast.stranger.token), { status: 404, code: "not_found" });
    const running = await createEvent(cast.organizer, { startsInMinutes: -10 });
    const late = await freshUser();
    await addParticipant(running, late);
    await expectRefused([running.id], () => leave(running.id, late.token), { status: 409, code: "invalid_transition" });
    const checkedIn = await freshUser();
    await addParticipant(running, checkedIn, { status: "attended" });
    await expectRefused([running.id], () => leave(running.id, checkedIn.token), { status: 409, code: "invalid_transition" });
  });

  it("refuses the anon key (401) and a participant suspended after sign-in (403)", async () => {
    const user = await freshUser();
    await addParticipant(cast.event, user);
    await expectRefused([cast.event.id], () => leave(cast.event.id, ANON_KEY), { status: 401, code: "unauthenticated" });
    await suspend(user);
    await expectRefused([cast.event.id], () => leave(cast.event.id, user.token), { status: 403, code: "forbidden" });
  });
});
