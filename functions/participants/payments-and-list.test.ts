// Paid events and the participant list over real HTTP: PUT /events/:id/payment-proof,
// POST /:participantId/payment/decision, GET /events/:id.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, testSql } from "../../tests/support/harness.ts";
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

const prefix = fixturePrefix("pay");
let cast: Cast;
let admin: TestUser;
let counter = 0;

beforeAll(async () => {
  ({ cast, admin } = await participationScene(prefix, { paid: true, maxParticipant: 3 }));
});

async function payer(): Promise<{ user: TestUser; id: string; path: string }> {
  counter += 1;
  const user = await createUser(`${prefix}p${counter}`);
  const id = await addParticipant(cast.event, user, { status: "pending", paymentStatus: "pending" });
  return { user, id, path: `${cast.event.id}/${user.id}/receipt-${counter}.png` };
}

const uploadProof = (eventId: string, token: string | null, body: unknown) =>
  call(`participants/events/${eventId}/payment-proof`, { method: "PUT", token, body });
const decidePayment = (participantId: string, token: string | null, body: unknown) =>
  call(`participants/${participantId}/payment/decision`, { token, body });

describe("PUT /participants/events/:eventId/payment-proof", () => {
  it("stores the proof's storage path; payment pending; organizer notified (payment_proof_uploaded)", async () => {
    const { user, path } = await payer();
    const reply = await uploadProof(cast.event.id, user.token, { path });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ paymentStatus: "pending", paymentProofPath: `payment-proofs/${path}`, status: "pending" });
    expect((await notificationsOf(cast.organizer.id, "payment_proof_uploaded")).length).toBeGreaterThan(0);
  });

  it("replaces a rejected proof: rejected → pending again", async () => {
    const { user, id, path } = await payer();
    await uploadProof(cast.event.id, user.token, { path });
    expect((await decidePayment(id, cast.organizer.token, { decision: "reject", reason: "Unreadable" })).body.status).toBe("rejected");
    const retry = await uploadProof(cast.event.id, user.token, { path: `${cast.event.id}/${user.id}/second.pdf` });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ status: "pending", paymentStatus: "pending", paymentProofPath: `payment-proofs/${cast.event.id}/${user.id}/second.pdf` });
  });

  it("refuses URLs and path tricks (400), other people's folders (409, the database's rule) and changes nothing", async () => {
    const { user } = await payer();
    await expectRefused([cast.event.id], () => uploadProof(cast.event.id, user.token, { path: `${cast.event.id}/${cast.participant.id}/a.png` }),
      { status: 409, code: "event_participants_payment_proof_url_is_storage_path" });
    for (const path of [
      `https://evil.example/${cast.event.id}/${user.id}/a.png`,
      `${cast.event.id}/${user.id}/../a.png`,
      `${cast.event.id}/${user.id}/`,
    ]) {
      await expectRefused([cast.event.id], () => uploadProof(cast.event.id, user.token, { path }), { status: 400, code: "invalid_request" });
    }
  });

  it("refuses a free event, a non-participant (404), a verified payment (409) and the anon key (401)", async () => {
    const free = await createEvent(cast.organizer);
    const { user, id, path } = await payer();
    await addParticipant(free, user, { status: "pending" });
    await expectRefused([free.id], () => uploadProof(free.id, user.token, { path: `${free.id}/${user.id}/a.png` }), { status: 409, code: "invalid_transition" });
    await expectRefused([cast.event.id], () => uploadProof(cast.event.id, cast.stranger.token, { path: `${cast.event.id}/${cast.stranger.id}/a.png` }), { status: 404, code: "not_found" });
    await uploadProof(cast.event.id, user.token, { path });
    expect((await decidePayment(id, cast.organizer.token, { decision: "verify" })).status).toBe(200);
    await expectRefused([cast.event.id], () => uploadProof(cast.event.id, user.token, { path }), { status: 409, code: "invalid_transition" });
    await expectRefused([cast.event.id], () => uploadProof(cast.event.id, ANON_KEY, { path }), { status: 401, code: "unauthenticated" });
  });

  it("refuses a participant suspended after sign-in (403)", async () => {
    const { user, path } = await payer();
    await suspend(user);
    await expectRefused([cast.event.id], () => uploadProof(cast.event.id, user.token, { path }), { status: 403, code: "forbidden" });
  });
});

describe("POST /participants/:participantId/payment/decision", () => {
  it("lets the organizer verify: accepted + verified, participant notified and e-mailed", async () => {
    const { user, id, path } = await payer();
    await uploadProof(cast.event.id, user.token, { path });
    const reply = await decidePayment(id, cast.organizer.token, { decision: "verify" });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: "accepted", paymentStatus: "verified" });
    expect(await notificationsOf(user.id, "payment_decided")).toHaveLength(1);
    expect((await outboxOf(user.id, "participation_decision"))[0]!.data).toMatchObject({ about: "payment", decision: "verified" });
  });

  it("lets an admin reject: rejected + rejected", async () => {
    const { user, id, path } = await payer();
    await uploadProof(cast.event.id, user.token, { path });
    const reply = await decidePayment(id, admin.token, { decision: "reject" });
    expect(reply.body).toMatchObject({ status: "rejected", paymentStatus: "rejected" });
  });

  it("refuses committee (§8 #5), participants, pending committee, strangers (403) and the anon key (401)", async () => {
    const { user, id, path } = await payer();
    await uploadProof(cast.event.id, user.token, { path });
    for (const actor of [cast.committee, cast.participant, cast.pendingCommittee, cast.stranger, user]) {
      await expectRefused([cast.event.id], () => decidePayment(id, actor.token, { decision: "verify" }), { status: 403, code: "forbidden" });
    }
    await expectRefused([cast.event.id], () => decidePayment(id, ANON_KEY, { decision: "verify" }), { status: 401, code: "unauthenticated" });
  });

  it("refuses a row without a pending proof (409 invalid_transition) and verifying when the event is full (409 event_full)", async () => {
    const { id } = await payer();
    await testSql()`update public.event_participants set payment_status = null where id = ${id}`;
    await expectRefused([cast.event.id], () => decidePayment(id, cast.organizer.token, { decision: "verify" }), { status: 409, code: "invalid_transition" });
    const full = await createEvent(cast.organizer, { paid: true, maxParticipant: 1 });
    await addParticipant(full, await createUser(`${prefix}seat`));
    const late = await createUser(`${prefix}late`);
    const lateId = await addParticipant(full, late, { status: "pending", paymentStatus: "pending", proofPath: `${full.id}/${late.id}/r.png` });
    await expectRefused([full.id], () => decidePayment(lateId, cast.organizer.token, { decision: "verify" }), { status: 409, code: "event_full" });
  });

  it("refuses an organizer suspended after sign-in (403)", async () => {
    const olga = await createUser(`${prefix}solga`);
    const event = await createEvent(olga, { paid: true });
    const user = await createUser(`${prefix}sp`);
    const id = await addParticipant(event, user, { status: "pending", paymentStatus: "pending", proofPath: `${event.id}/${user.id}/r.png` });
    await suspend(olga);
    await expectRefused([event.id], () => decidePayment(id, olga.token, { decision: "verify" }), { status: 403, code: "forbidden" });
  });
});

describe("GET /participants/events/:eventId", () => {
  it("gives the team every row with e-mail and payment", async () => {
    for (const actor of [cast.organizer, cast.committee, admin]) {
      const reply = await call(`participants/events/${cast.event.id}`, { token: actor.token });
      expect(reply.status).toBe(200);
      expect(reply.body.view).toBe("team");
      const rows = reply.body.participants as { email: string | null; userId: string }[];
      expect(rows.find((row) => row.userId === cast.participant.id)?.email).toBe(cast.participant.email);
    }
  });

  it("gives accepted participants public names only: no e-mails, no pending rows, no guests (rule 7.7)", async () => {
    await testSql()`
      insert into public.event_participants (event_id, guest_name, guest_email, join_method, status, attended_at)
      values (${cast.event.id}, 'Walk In Guest', ${`${prefix}guest@example.com`}, 'walk_in', 'attended', now())`;
    const reply = await call(`participants/events/${cast.event.id}`, { token: cast.participant.token });
    expect(reply.status).toBe(200);
    expect(reply.body.view).toBe("participant");
    const text = JSON.stringify(reply.body);
    expect(text).not.toContain("@");
    expect(text).not.toContain("Walk In Guest");
    expect(text).not.toContain(cast.pendingCommittee.id);
    expect((reply.body.participants as { userId: string }[]).map((row) => row.userId)).toContain(cast.committee.id);
  });

  it("gives strangers, pending committee invitees (rule 7.4) and the anon key counts only", async () => {
    for (const token of [cast.stranger.token, cast.pendingCommittee.token, ANON_KEY]) {
      const reply = await call(`participants/events/${cast.event.id}`, { token });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ view: "public", counts: expect.objectContaining({ capacity: 3 }) });
    }
  });

  it("answers 404 for a private event the caller cannot see, and 403 for a user suspended after sign-in", async () => {
    const hidden = await createEvent(cast.organizer, { visibility: "private" });
    await expectRefused([hidden.id], () => call(`participants/events/${hidden.id}`, { token: cast.stranger.token }), { status: 404, code: "not_found" });
    await expectRefused([hidden.id], () => call(`participants/events/${hidden.id}`, { token: ANON_KEY }), { status: 404, code: "not_found" });
    const user = await createUser(`${prefix}slist`);
    await suspend(user);
    await expectRefused([cast.event.id], () => call(`participants/events/${cast.event.id}`, { token: user.token }), { status: 403, code: "forbidden" });
  });

  it("counts seats as accepted + attended audience rows only (rule 7.9)", async () => {
    const event = await createEvent(cast.organizer, { maxParticipant: 10 });
    await addParticipant(event, await createUser(`${prefix}ca`));
    await addParticipant(event, await createUser(`${prefix}cb`), { role: "speaker" });
    await addParticipant(event, await createUser(`${prefix}cc`), { status: "pending" });
    const reply = await call(`participants/events/${event.id}`, { token: ANON_KEY });
    expect(reply.body.counts).toEqual({ accepted: 3, attended: 0, seatsTaken: 1, capacity: 10 });
    expect((await participantRow(event.id, cast.organizer.id))!.role).toBe("organizer");
  });
});
