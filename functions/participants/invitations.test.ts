// Invitations over real HTTP (real Deno gateway, throwaway Postgres): POST /events/:id/invitations
// and POST /events/:id/invitation/answer. Time is real; events are placed around "now".
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY } from "../../tests/support/harness.ts";
import {
  addParticipant,
  call,
  type Cast,
  createCast,
  createEvent,
  createUser,
  expectRefused,
  fixturePrefix,
  notificationsOf,
  outboxOf,
  participantRow,
  suspend,
  type TestUser,
} from "../../tests/support/fixtures.ts";

const prefix = fixturePrefix("inv");
let cast: Cast;
let invitee: TestUser;

beforeAll(async () => {
  cast = await createCast(prefix);
  invitee = await createUser(`${prefix}ivy`);
});

const invite = (eventId: string, token: string | null, body: unknown) =>
  call(`participants/events/${eventId}/invitations`, { token, body });
const answer = (eventId: string, token: string | null, body: unknown) =>
  call(`participants/events/${eventId}/invitation/answer`, { token, body });

describe("POST /participants/events/:eventId/invitations", () => {
  it("lets the organizer invite a speaker: pending row, notification and event_invitation e-mail", async () => {
    const guest = await createUser(`${prefix}gwen`);
    const reply = await invite(cast.event.id, cast.organizer.token, { userId: guest.id, role: "speaker", message: "Talk about <Rust>?" });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ userId: guest.id, role: "speaker", status: "pending", joinMethod: "invited", message: "Talk about <Rust>?" });
    expect(await participantRow(cast.event.id, guest.id)).toMatchObject({ status: "pending", join_method: "invited" });
    const notes = await notificationsOf(guest.id, "event_invitation");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.content).toContain(cast.event.title);
    const mails = await outboxOf(guest.id, "event_invitation");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.data).toMatchObject({ eventId: cast.event.id, role: "speaker", message: "Talk about <Rust>?" });
  });

  it("lets an accepted committee member invite a sponsor", async () => {
    const guest = await createUser(`${prefix}sam`);
    const reply = await invite(cast.event.id, cast.committee.token, { userId: guest.id, role: "sponsor" });
    expect(reply.status).toBe(201);
    expect(reply.body.role).toBe("sponsor");
  });

  it("lets only the organizer invite committee: a committee member gets 403 forbidden", async () => {
    const guest = await createUser(`${prefix}carl`);
    await expectRefused([cast.event.id], () => invite(cast.event.id, cast.committee.token, { userId: guest.id, role: "committee" }), { status: 403, code: "forbidden" });
    const ok = await invite(cast.event.id, cast.organizer.token, { userId: guest.id, role: "committee" });
    expect(ok.status).toBe(201);
  });

  it("refuses the anon key (401), a stranger, an accepted participant and a pending committee invitee (403)", async () => {
    const body = { userId: invitee.id, role: "speaker" };
    await expectRefused([cast.event.id], () => invite(cast.event.id, ANON_KEY, body), { status: 401, code: "unauthenticated" });
    await expectRefused([cast.event.id], () => invite(cast.event.id, cast.stranger.token, body), { status: 403, code: "forbidden" });
    await expectRefused([cast.event.id], () => invite(cast.event.id, cast.participant.token, body), { status: 403, code: "forbidden" });
    await expectRefused([cast.event.id], () => invite(cast.event.id, cast.pendingCommittee.token, body), { status: 403, code: "forbidden" });
  });

  it("refuses an organizer suspended after their token was minted (403)", async () => {
    const olga = await createUser(`${prefix}susolga`);
    const event = await createEvent(olga);
    await suspend(olga);
    await expectRefused([event.id], () => invite(event.id, olga.token, { userId: invitee.id, role: "speaker" }), { status: 403, code: "forbidden" });
  });

  it("answers 404 for a private event the caller cannot see, never 403", async () => {
    const hidden = await createEvent(cast.organizer, { visibility: "private" });
    await expectRefused([hidden.id], () => invite(hidden.id, cast.stranger.token, { userId: invitee.id, role: "speaker" }), { status: 404, code: "not_found" });
  });

  it("refuses inviting someone who already takes part (409 already_participant), a cancelled or started event (409)", async () => {
    await expectRefused([cast.event.id], () => invite(cast.event.id, cast.organizer.token, { userId: cast.participant.id, role: "speaker" }), { status: 409, code: "already_participant" });
    const cancelled = await createEvent(cast.organizer, { status: "cancelled" });
    await expectRefused([cancelled.id], () => invite(cancelled.id, cast.organizer.token, { userId: invitee.id, role: "speaker" }), { status: 409, code: "invalid_transition" });
    const started = await createEvent(cast.organizer, { startsInMinutes: -5 });
    await expectRefused([started.id], () => invite(started.id, cast.organizer.token, { userId: invitee.id, role: "speaker" }), { status: 409, code: "invalid_transition" });
  });

  it("lets the organizer invite again someone who declined: the same row starts over as pending", async () => {
    const guest = await createUser(`${prefix}again`);
    const first = await invite(cast.event.id, cast.organizer.token, { userId: guest.id, role: "speaker" });
    await answer(cast.event.id, guest.token, { answer: "decline" });
    const second = await invite(cast.event.id, cast.organizer.token, { userId: guest.id, role: "sponsor", message: "As sponsor then?" });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: first.body.id, role: "sponsor", status: "pending", message: "As sponsor then?", respondedAt: null });
    expect(await outboxOf(guest.id, "event_invitation")).toHaveLength(2);
  });

  it("answers 404 for an unknown invitee", async () => {
    await expectRefused([cast.event.id], () => invite(cast.event.id, cast.organizer.token, { userId: "00000000-0000-4000-8000-000000000000", role: "speaker" }), { status: 404, code: "not_found" });
  });

  it("refuses a role that cannot be invited (organizer) as 400 invalid_request", async () => {
    await expectRefused([cast.event.id], () => invite(cast.event.id, cast.organizer.token, { userId: invitee.id, role: "organizer" }), { status: 400, code: "invalid_request" });
  });
});

describe("POST /participants/events/:eventId/invitation/answer", () => {
  it("accepts one's own invitation: accepted, organizer notified (invitation_answered), invitee e-mailed (participation_decision)", async () => {
    const guest = await createUser(`${prefix}acc`);
    await invite(cast.event.id, cast.organizer.token, { userId: guest.id, role: "speaker" });
    const reply = await answer(cast.event.id, guest.token, { answer: "accept", message: "Happy to!" });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: "accepted", role: "speaker" });
    expect(reply.body.respondedAt).toEqual(expect.any(String));
    const notes = await notificationsOf(cast.organizer.id, "invitation_answered");
    expect(notes.some((note) => note.content.includes("accepted") && note.content.includes("Happy to!"))).toBe(true);
    expect((await outboxOf(guest.id, "participation_decision"))[0]!.data).toMatchObject({ about: "invitation", decision: "accepted" });
  });

  it("declines one's own invitation: rejected", async () => {
    const guest = await createUser(`${prefix}dec`);
    await invite(cast.event.id, cast.committee.token, { userId: guest.id, role: "sponsor" });
    const reply = await answer(cast.event.id, guest.token, { answer: "decline" });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe("rejected");
    // the inviting committee member hears the answer too
    expect((await notificationsOf(cast.committee.id, "invitation_answered")).length).toBeGreaterThan(0);
  });

  it("never accepts a status as the answer (rule 7.3): attended/accepted are 400 and change nothing", async () => {
    const guest = await createUser(`${prefix}cheat`);
    await invite(cast.event.id, cast.organizer.token, { userId: guest.id, role: "audience" });
    for (const body of [{ answer: "attended" }, { answer: "accepted" }, { status: "attended" }, { answer: "accept", status: "attended" }]) {
      await expectRefused([cast.event.id], () => answer(cast.event.id, guest.token, body), { status: 400, code: "invalid_request" });
    }
    expect((await participantRow(cast.event.id, guest.id))!.status).toBe("pending");
  });

  it("refuses answering twice (409 invalid_transition) and answering without an invitation (404)", async () => {
    const guest = await createUser(`${prefix}twice`);
    await invite(cast.event.id, cast.organizer.token, { userId: guest.id, role: "speaker" });
    expect((await answer(cast.event.id, guest.token, { answer: "decline" })).status).toBe(200);
    await expectRefused([cast.event.id], () => answer(cast.event.id, guest.token, { answer: "accept" }), { status: 409, code: "invalid_transition" });
    await expectRefused([cast.event.id], () => answer(cast.event.id, cast.stranger.token, { answer: "accept" }), { status: 404, code: "not_found" });
    // a registered participant has no invitation to answer
    await expectRefused([cast.event.id], () => answer(cast.event.id, cast.participant.token, { answer: "decline" }), { status: 404, code: "not_found" });
  });

  it("refuses answers for cancelled, ended and started events (409 invalid_transition)", async () => {
    const guest = await createUser(`${prefix}late`);
    for (const options of [{ status: "cancelled" as const }, { status: "ended" as const, startsInMinutes: -300 }, { startsInMinutes: -10 }]) {
      const event = await createEvent(cast.organizer, options);
      await addParticipant(event, guest, { role: "speaker", status: "pending", joinMethod: "invited" });
      await expectRefused([event.id], () => answer(event.id, guest.token, { answer: "accept" }), { status: 409, code: "invalid_transition" });
    }
  });

  it("refuses the anon key (401) and an invitee suspended after their token was minted (403)", async () => {
    const guest = await createUser(`${prefix}sus`);
    await invite(cast.event.id, cast.organizer.token, { userId: guest.id, role: "speaker" });
    await expectRefused([cast.event.id], () => answer(cast.event.id, ANON_KEY, { answer: "accept" }), { status: 401, code: "unauthenticated" });
    await suspend(guest);
    await expectRefused([cast.event.id], () => answer(cast.event.id, guest.token, { answer: "accept" }), { status: 403, code: "forbidden" });
  });

  it("lets an invitee see and answer an invitation to a private draft", async () => {
    const guest = await createUser(`${prefix}draft`);
    const draft = await createEvent(cast.organizer, { status: "draft", visibility: "private" });
    expect((await invite(draft.id, cast.organizer.token, { userId: guest.id, role: "committee" })).status).toBe(201);
    const reply = await answer(draft.id, guest.token, { answer: "accept" });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe("accepted");
  });

  it("refuses accepting an audience invitation when every seat is taken (409 event_full)", async () => {
    const full = await createEvent(cast.organizer, { maxParticipant: 1 });
    await addParticipant(full, cast.participant);
    const guest = await createUser(`${prefix}full`);
    await addParticipant(full, guest, { role: "audience", status: "pending", joinMethod: "invited" });
    await expectRefused([full.id], () => answer(full.id, guest.token, { answer: "accept" }), { status: 409, code: "event_full" });
  });
});
