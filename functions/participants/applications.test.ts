// Applications over real HTTP: POST /events/:id/applications (approved experts and sponsors, read
// from the database now, not from token claims) and POST /:participantId/application/decision.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, testSql } from "../../tests/support/harness.ts";
import {
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

const prefix = fixturePrefix("app");
let cast: Cast;
let admin: TestUser;

beforeAll(async () => {
  ({ cast, admin } = await participationScene(prefix));
});

const apply = (eventId: string, token: string | null, body: unknown) => call(`participants/events/${eventId}/applications`, { token, body });
const decide = (participantId: string, token: string | null, body: unknown) =>
  call(`participants/${participantId}/application/decision`, { token, body });

async function expertApplication(handle: string): Promise<{ expert: TestUser; participantId: string }> {
  const expert = await createUser(`${prefix}${handle}`, { roles: ["expert"] });
  const reply = await apply(cast.event.id, expert.token, { role: "speaker", message: "I speak about compilers" });
  expect(reply.status).toBe(201);
  return { expert, participantId: reply.body.id as string };
}

describe("POST /participants/events/:eventId/applications", () => {
  it("lets an approved expert apply as speaker: pending (applied), organizer notified (join_request), applicant e-mailed", async () => {
    const { expert, participantId } = await expertApplication("eve");
    expect(await participantRow(cast.event.id, expert.id)).toMatchObject({ id: participantId, status: "pending", join_method: "applied", role: "speaker" });
    expect((await notificationsOf(cast.organizer.id, "join_request")).some((note) => note.data.participant_id === participantId)).toBe(true);
    expect(await outboxOf(expert.id, "event_request_received")).toHaveLength(1);
  });

  it("lets an approved sponsor apply as sponsor", async () => {
    const sponsor = await createUser(`${prefix}spo`, { roles: ["sponsor"] });
    const reply = await apply(cast.event.id, sponsor.token, { role: "sponsor" });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ role: "sponsor", status: "pending", joinMethod: "applied" });
  });

  it("refuses a student, a pending expert and an expert applying as sponsor (403 forbidden)", async () => {
    const pendingExpert = await createUser(`${prefix}pex`);
    await testSql()`select tests.set_role(${pendingExpert.handle}, 'expert', 'pending')`;
    const expert = await createUser(`${prefix}ex2`, { roles: ["expert"] });
    await expectRefused([cast.event.id], () => apply(cast.event.id, cast.stranger.token, { role: "speaker" }), { status: 403, code: "forbidden" });
    await expectRefused([cast.event.id], () => apply(cast.event.id, pendingExpert.token, { role: "speaker" }), { status: 403, code: "forbidden" });
    await expectRefused([cast.event.id], () => apply(cast.event.id, expert.token, { role: "sponsor" }), { status: 403, code: "forbidden" });
  });

  it("reads approval from the database, not the token: a role revoked after sign-in is refused (403)", async () => {
    const expert = await createUser(`${prefix}rev`, { roles: ["expert"] });
    await testSql()`select tests.set_role(${expert.handle}, 'expert', 'revoked')`;
    await expectRefused([cast.event.id], () => apply(cast.event.id, expert.token, { role: "speaker" }), { status: 403, code: "forbidden" });
  });

  it("refuses the anon key (401) and an expert suspended after sign-in (403)", async () => {
    const expert = await createUser(`${prefix}sus`, { roles: ["expert"] });
    await expectRefused([cast.event.id], () => apply(cast.event.id, ANON_KEY, { role: "speaker" }), { status: 401, code: "unauthenticated" });
    await suspend(expert);
    await expectRefused([cast.event.id], () => apply(cast.event.id, expert.token, { role: "speaker" }), { status: 403, code: "forbidden" });
  });

  it("refuses a second application (409 already_participant), drafts, cancelled and started events (409 invalid_transition)", async () => {
    const { expert } = await expertApplication("dup");
    await expectRefused([cast.event.id], () => apply(cast.event.id, expert.token, { role: "speaker" }), { status: 409, code: "already_participant" });
    const cancelled = await createEvent(cast.organizer, { status: "cancelled" });
    await expectRefused([cancelled.id], () => apply(cancelled.id, expert.token, { role: "speaker" }), { status: 409, code: "invalid_transition" });
    const started = await createEvent(cast.organizer, { startsInMinutes: -1 });
    await expectRefused([started.id], () => apply(started.id, expert.token, { role: "speaker" }), { status: 409, code: "invalid_transition" });
  });

  it("answers 404 for a private or draft event the applicant cannot see", async () => {
    const expert = await createUser(`${prefix}hid`, { roles: ["expert"] });
    for (const options of [{ visibility: "private" as const }, { status: "draft" as const }]) {
      const hidden = await createEvent(cast.organizer, options);
      await expectRefused([hidden.id], () => apply(hidden.id, expert.token, { role: "speaker" }), { status: 404, code: "not_found" });
    }
  });
});

describe("POST /participants/:participantId/application/decision", () => {
  it("lets the organizer accept: accepted, applicant notified (participation_decided) and e-mailed (participation_decision)", async () => {
    const { expert, participantId } = await expertApplication("acc");
    const reply = await decide(participantId, cast.organizer.token, { decision: "accept" });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: participantId, status: "accepted" });
    expect(await notificationsOf(expert.id, "participation_decided")).toHaveLength(1);
    expect((await outboxOf(expert.id, "participation_decision"))[0]!.data).toMatchObject({ about: "request", decision: "accepted" });
  });

  it("lets an admin reject with a reason", async () => {
    const { expert, participantId } = await expertApplication("rej");
    const reply = await decide(participantId, admin.token, { decision: "reject", reason: "Programme is full" });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe("rejected");
    expect((await outboxOf(expert.id, "participation_decision"))[0]!.data).toMatchObject({ decision: "rejected", reason: "Programme is full" });
  });

  it("refuses committee (organizer decides), participants, pending committee, strangers (403) and the anon key (401)", async () => {
    const { participantId } = await expertApplication("who");
    for (const actor of [cast.committee, cast.participant, cast.pendingCommittee, cast.stranger]) {
      await expectRefused([cast.event.id], () => decide(participantId, actor.token, { decision: "accept" }), { status: 403, code: "forbidden" });
    }
    await expectRefused([cast.event.id], () => decide(participantId, ANON_KEY, { decision: "accept" }), { status: 401, code: "unauthenticated" });
  });

  it("refuses an organizer suspended after sign-in (403)", async () => {
    const olga = await createUser(`${prefix}solga`);
    const event = await createEvent(olga);
    const expert = await createUser(`${prefix}sex`, { roles: ["expert"] });
    const applied = await apply(event.id, expert.token, { role: "speaker" });
    await suspend(olga);
    await expectRefused([event.id], () => decide(applied.body.id as string, olga.token, { decision: "accept" }), { status: 403, code: "forbidden" });
  });

  it("refuses deciding twice and deciding rows that are not applications (409 invalid_transition)", async () => {
    const { participantId } = await expertApplication("two");
    expect((await decide(participantId, cast.organizer.token, { decision: "reject" })).status).toBe(200);
    await expectRefused([cast.event.id], () => decide(participantId, cast.organizer.token, { decision: "accept" }), { status: 409, code: "invalid_transition" });
    await expectRefused([cast.event.id], () => decide(cast.participantRowId, cast.organizer.token, { decision: "accept" }), { status: 409, code: "invalid_transition" });
  });

  it("answers 404 for an unknown participant and for one of a private event the caller cannot see", async () => {
    await expectRefused([cast.event.id], () => decide("00000000-0000-4000-8000-000000000000", cast.organizer.token, { decision: "accept" }), { status: 404, code: "not_found" });
    const hidden = await createEvent(cast.organizer, { visibility: "private" });
    const expert = await createUser(`${prefix}hx`, { roles: ["expert"] });
    const [row] = await testSql()<{ id: string }[]>`
      insert into public.event_participants (event_id, user_id, role, join_method, status)
      values (${hidden.id}, ${expert.id}, 'speaker', 'applied', 'pending') returning id`;
    const reply = await expectRefused([hidden.id], () => decide(row!.id, cast.stranger.token, { decision: "accept" }), { status: 404, code: "not_found" });
    expect(reply.body.error.message).not.toContain(hidden.id);
  });
});
