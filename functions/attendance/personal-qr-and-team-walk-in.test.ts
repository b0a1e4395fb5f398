// Issue 15 over real HTTP: the personal check-in QR (short-lived, signed, bound to participant and
// event; the team scans it → attended) and the team's walk-in form; a paid walk-in then attaches
// a proof after the start (the one payment-proof window runs to the end).
import { beforeAll, describe, expect, inject, it } from "vitest";
import { testSql } from "../../tests/support/harness.ts";
import {
  addParticipant,
  call,
  type Cast,
  createCast,
  createEvent,
  createUser,
  expectRefused,
  fixturePrefix,
  participantRow,
} from "../../tests/support/fixtures.ts";
import { signPersonalQr } from "./personal-qr.ts";

// The gateway's own secret, so a correctly signed but expired QR can be made. Where the env does
// not set it yet, the handler's local fallback (once secrets are required at start, the env has it).
const serverSecret = inject("serviceEnv").CHECKIN_CODE_SECRET ?? "local-dev-checkin-code-secret-not-for-production";

const prefix = fixturePrefix("pqr");
let cast: Cast; // under way: started 15 minutes ago

beforeAll(async () => {
  cast = await createCast(prefix, { startsInMinutes: -15, durationMinutes: 120 });
});

const myQr = (eventId: string, token: string | null) => call(`attendance/events/${eventId}/my-qr`, { method: "GET", token });
const scan = (eventId: string, token: string | null, qr: string) => call(`attendance/events/${eventId}/scan`, { token, body: { token: qr } });
const teamWalkIn = (eventId: string, token: string | null, body: unknown) => call(`attendance/events/${eventId}/walk-ins`, { token, body });

describe("personal check-in QR", () => {
  it("an accepted participant gets a 15-minute QR; the committee scans it → attended", async () => {
    const reply = await myQr(cast.event.id, cast.participant.token);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ participantId: cast.participantRowId, eventId: cast.event.id });
    const ttl = Date.parse(reply.body.expiresAt as string) - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(15 * 60 * 1000);
    const scanned = await scan(cast.event.id, cast.committee.token, reply.body.token as string);
    expect(scanned.status).toBe(200);
    expect(scanned.body).toMatchObject({ participantId: cast.participantRowId, status: "attended" });
    expect((await participantRow(cast.event.id, cast.participant.id))?.status).toBe("attended");
  });

  it("refuses a forged, tampered, expired or other event's QR (403 invalid_checkin_qr) and non-team scanners", async () => {
    const guest = await createUser(`${prefix}gus`);
    const rowId = await addParticipant(cast.event, guest);
    const token = (await myQr(cast.event.id, guest.token)).body.token as string;
    const other = await createEvent(cast.organizer, { startsInMinutes: -10 });
    const tampered = token.replace(rowId, cast.participantRowId);
    const forged = await signPersonalQr("not-the-server-secret", rowId, cast.event.id, new Date(Date.now() + 60_000));
    const expired = await signPersonalQr(serverSecret, rowId, cast.event.id, new Date(Date.now() - 1000));
    const fresh = await signPersonalQr(serverSecret, rowId, cast.event.id, new Date(Date.now() + 60_000));
    expect(fresh.split(".").slice(0, 4)).toEqual(token.split(".").slice(0, 3).concat(fresh.split(".")[3]!)); // same shape as the server's
    for (const qr of [tampered, forged, expired]) {
      await expectRefused([cast.event.id], () => scan(cast.event.id, cast.organizer.token, qr), { status: 403, code: "invalid_checkin_qr" });
    }
    await expectRefused([cast.event.id, other.id], () => scan(other.id, cast.organizer.token, token), { status: 403, code: "invalid_checkin_qr" });
    await expectRefused([cast.event.id], () => scan(cast.event.id, cast.pendingCommittee.token, token), { status: 403, code: "forbidden" });
    await expectRefused([cast.event.id], () => scan(cast.event.id, guest.token, token), { status: 403, code: "forbidden" });
    await expectRefused([cast.event.id], () => scan(cast.event.id, cast.organizer.token, "https://evil.example"), { status: 400, code: "invalid_request" });
    expect((await participantRow(cast.event.id, guest.id))?.status).toBe("accepted");
  });

  it("gives no QR to pending or non-participants", async () => {
    const pending = await createUser(`${prefix}pia`);
    await addParticipant(cast.event, pending, { status: "pending" });
    await expectRefused([cast.event.id], () => myQr(cast.event.id, pending.token), { status: 409, code: "invalid_transition" });
    await expectRefused([cast.event.id], () => myQr(cast.event.id, cast.stranger.token), { status: 404, code: "not_found" });
  });
});

describe("the team's walk-in form", () => {
  it("records a guest as attended at a free event; refuses a repeat e-mail, strangers and events not under way", async () => {
    const email = `${prefix}door@example.com`;
    const reply = await teamWalkIn(cast.event.id, cast.committee.token, { name: "Door Guest", email });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: "attended", paymentStatus: null });
    const [row] = await testSql()<{ user_id: string | null; guest_email: string; join_method: string }[]>`
      select user_id, guest_email::text, join_method from public.event_participants where id = ${reply.body.participantId as string}`;
    expect(row).toEqual({ user_id: null, guest_email: email, join_method: "walk_in" });
    await expectRefused([cast.event.id], () => teamWalkIn(cast.event.id, cast.organizer.token, { name: "Again", email: email.toUpperCase() }),
      { status: 409, code: "already_participant" });
    await expectRefused([cast.event.id], () => teamWalkIn(cast.event.id, cast.organizer.token, { name: "Paula", email: cast.participant.email }),
      { status: 409, code: "already_participant" });
    await expectRefused([cast.event.id], () => teamWalkIn(cast.event.id, cast.stranger.token, { name: "X", email: `${prefix}x@example.com` }),
      { status: 403, code: "forbidden" });
    const later = await createEvent(cast.organizer);
    await expectRefused([later.id], () => teamWalkIn(later.id, cast.organizer.token, { name: "Early", email: `${prefix}early@example.com` }),
      { status: 409, code: "outside_attendance_window" });
  });

  it("a paid walk-in is pending; a signed-in paid walk-in attaches a proof after the start", async () => {
    const paid = await createEvent(cast.organizer, { paid: true, startsInMinutes: -20 });
    const guest = await teamWalkIn(paid.id, cast.organizer.token, { name: "Cash Guest", email: `${prefix}cash@example.com` });
    expect(guest.body).toMatchObject({ status: "pending", paymentStatus: "pending" });

    const walker = await createUser(`${prefix}walt`);
    const [token] = await testSql()<{ token: string }[]>`
      insert into public.event_walk_in_tokens (event_id, created_by) values (${paid.id}, ${cast.organizer.id})
      returning token`;
    const walkedIn = await call("attendance/walk-in", { token: walker.token, body: { token: token!.token, name: "Walt", email: walker.email } });
    expect(walkedIn.body).toMatchObject({ status: "pending", paymentStatus: "pending" });
    const proof = await call(`participants/events/${paid.id}/payment-proof`, {
      method: "PUT", token: walker.token, body: { path: `${paid.id}/${walker.id}/receipt.jpg` },
    });
    expect(proof.status).toBe(200);
    expect(proof.body).toMatchObject({ paymentStatus: "pending", paymentProofPath: `payment-proofs/${paid.id}/${walker.id}/receipt.jpg` });
  });
});
