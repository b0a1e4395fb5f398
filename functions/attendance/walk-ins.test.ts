// Walk-ins over real HTTP: the team's tokens (create, list, deactivate) and the public walk-in
// form (anon key). Rule 7.12: walk-ins never create or touch accounts; existing rows stay as they are.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, testSql } from "../../tests/support/harness.ts";
import {
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
} from "../../tests/support/fixtures.ts";

const prefix = fixturePrefix("wlk");
let cast: Cast; // running now
let counter = 0;

beforeAll(async () => {
  cast = await createCast(prefix, { startsInMinutes: -15, durationMinutes: 120 });
});

const createToken = (eventId: string, token: string | null, body: unknown = {}) => call(`attendance/events/${eventId}/walk-in-tokens`, { token, body });
const listTokens = (eventId: string, token: string | null) => call(`attendance/events/${eventId}/walk-in-tokens`, { token });
const deactivate = (tokenId: string, token: string | null) => call(`attendance/walk-in-tokens/${tokenId}/deactivate`, { token, body: {} });
const walkIn = (body: unknown, token: string | null = ANON_KEY) => call("attendance/walk-in", { token, body });

function guest(): { name: string; email: string } {
  counter += 1;
  return { name: `Guest ${counter}`, email: `${prefix}guest${counter}@example.com` };
}

async function freshToken(eventId = cast.event.id, body: Record<string, unknown> = {}): Promise<{ id: string; token: string }> {
  const reply = await createToken(eventId, cast.organizer.token, body);
  expect(reply.status).toBe(201);
  return { id: reply.body.id as string, token: reply.body.token as string };
}

/** Accounts with this e-mail (other test files create users in parallel, so no global count). */
async function accountsWithEmail(email: string): Promise<number> {
  const [row] = await testSql()<{ n: number }[]>`
    select (select count(*) from auth.users where lower(email) = lower(${email}))::int
         + (select count(*) from public.users where lower(email::text) = lower(${email}))::int as n`;
  return row!.n;
}

describe("walk-in tokens (team)", () => {
  it("creates a random token (≥128 bits) that expires at the event end by default; lists it", async () => {
    const reply = await createToken(cast.event.id, cast.committee.token, { label: "Front desk", maxUses: 5 });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ label: "Front desk", maxUses: 5, currentUses: 0, isActive: true });
    expect((reply.body.token as string).length).toBeGreaterThanOrEqual(32);
    const [event] = await testSql()<{ end_datetime: Date }[]>`select end_datetime from public.events where id = ${cast.event.id}`;
    expect(reply.body.expiresAt).toBe(event!.end_datetime.toISOString());
    const list = await listTokens(cast.event.id, cast.organizer.token);
    expect((list.body.tokens as { id: string }[]).map((token) => token.id)).toContain(reply.body.id);
  });

  it("refuses an expiry after the event end or in the past (400) and tokens for ended/cancelled events (409)", async () => {
    await expectRefused([cast.event.id], () => createToken(cast.event.id, cast.organizer.token, { expiresAt: new Date(Date.now() + 30 * 86400_000).toISOString() }), { status: 409, code: "event_walk_in_tokens_expiry_within_event" });
    await expectRefused([cast.event.id], () => createToken(cast.event.id, cast.organizer.token, { expiresAt: new Date(Date.now() - 60_000).toISOString() }), { status: 409, code: "event_walk_in_tokens_expiry_within_event" });
    const cancelled = await createEvent(cast.organizer, { status: "cancelled" });
    await expectRefused([cancelled.id], () => createToken(cancelled.id, cast.organizer.token), { status: 409, code: "invalid_transition" });
  });

  it("deactivates a token; the form then refuses it (409 walk_in_token_inactive)", async () => {
    const { id, token } = await freshToken();
    const reply = await deactivate(id, cast.committee.token);
    expect(reply.status).toBe(200);
    expect(reply.body.isActive).toBe(false);
    await expectRefused([cast.event.id], () => walkIn({ token, ...guest() }), { status: 409, code: "walk_in_token_inactive" });
  });

  it("refuses participants, pending committee, strangers (403), the anon key (401) and a suspended organizer (403)", async () => {
    const { id } = await freshToken();
    for (const actor of [cast.participant, cast.pendingCommittee, cast.stranger]) {
      await expectRefused([cast.event.id], () => createToken(cast.event.id, actor.token), { status: 403, code: "forbidden" });
      await expectRefused([cast.event.id], () => listTokens(cast.event.id, actor.token), { status: 403, code: "forbidden" });
      await expectRefused([cast.event.id], () => deactivate(id, actor.token), { status: 403, code: "forbidden" });
    }
    await expectRefused([cast.event.id], () => createToken(cast.event.id, ANON_KEY), { status: 401, code: "unauthenticated" });
    await expectRefused([cast.event.id], () => deactivate(id, ANON_KEY), { status: 401, code: "unauthenticated" });
    const olga = await createUser(`${prefix}solga`);
    const event = await createEvent(olga, { startsInMinutes: -5 });
    await suspend(olga);
    await expectRefused([event.id], () => createToken(event.id, olga.token), { status: 403, code: "forbidden" });
  });

  it("answers 404 for a private event the caller cannot see and for an unknown token id", async () => {
    const hidden = await createEvent(cast.organizer, { visibility: "private", startsInMinutes: -5 });
    await expectRefused([hidden.id], () => createToken(hidden.id, cast.stranger.token), { status: 404, code: "not_found" });
    await expectRefused([hidden.id], () => deactivate("00000000-0000-4000-8000-000000000001", cast.organizer.token), { status: 404, code: "not_found" });
  });
});

describe("POST /attendance/walk-in (public form, anon key)", () => {
  it("records a guest at a free event as attended: a guest row, never an account; token used once; organizer notified", async () => {
    const { id, token } = await freshToken();
    const person = guest();
    const reply = await walkIn({ token, ...person });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: "attended", paymentStatus: null });
    expect(await accountsWithEmail(person.email)).toBe(0);
    const [row] = await testSql()<{ user_id: string | null; guest_email: string; join_method: string; walk_in_token_id: string }[]>`
      select user_id, guest_email::text, join_method, walk_in_token_id from public.event_participants where id = ${reply.body.participantId as string}`;
    expect(row).toEqual({ user_id: null, guest_email: person.email, join_method: "walk_in", walk_in_token_id: id });
    const [used] = await testSql()<{ current_uses: number }[]>`select current_uses from public.event_walk_in_tokens where id = ${id}`;
    expect(used!.current_uses).toBe(1);
    expect((await notificationsOf(cast.organizer.id, "walk_in_registered")).some((note) => note.content.includes(person.name))).toBe(true);
  });

  it("never links an existing account's e-mail from the form: it is refused and the account's row is untouched (rule 7.12)", async () => {
    const { token } = await freshToken();
    // cast.participant already has an accepted row: the form must not touch it
    const before = await participantRow(cast.event.id, cast.participant.id);
    await expectRefused([cast.event.id], () => walkIn({ token, name: "Impostor", email: cast.participant.email }), { status: 409, code: "already_participant" });
    expect(await participantRow(cast.event.id, cast.participant.id)).toEqual(before);
    // an account without a row becomes a guest row, not linked to the account
    const stranger = await createUser(`${prefix}acct`);
    const reply = await walkIn({ token, name: "Someone", email: stranger.email });
    expect(reply.status).toBe(201);
    expect(await participantRow(cast.event.id, stranger.id)).toBeUndefined();
  });

  it("links a signed-in user who submits their own e-mail, and notifies them", async () => {
    const { token } = await freshToken();
    const user = await createUser(`${prefix}self`);
    const reply = await walkIn({ token, name: "Me", email: user.email.toUpperCase() }, user.token);
    expect(reply.status).toBe(201);
    expect(await participantRow(cast.event.id, user.id)).toMatchObject({ status: "attended", join_method: "walk_in" });
    expect(await notificationsOf(user.id, "walk_in_registered")).toHaveLength(1);
  });

  it("records a paid walk-in as pending with a pending payment; a signed-in one keeps its proof path", async () => {
    const paid = await createEvent(cast.organizer, { startsInMinutes: -5, paid: true });
    const { token } = await freshToken(paid.id);
    const atTheDoor = await walkIn({ token, ...guest() });
    expect(atTheDoor.status).toBe(201);
    expect(atTheDoor.body).toMatchObject({ status: "pending", paymentStatus: "pending" });
    const user = await createUser(`${prefix}payer`);
    const reply = await walkIn({ token, name: "Payer", email: user.email, paymentProofPath: `${paid.id}/${user.id}/receipt.jpg` }, user.token);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ status: "pending", paymentStatus: "pending" });
    expect(await participantRow(paid.id, user.id)).toMatchObject({ payment_proof_url: `payment-proofs/${paid.id}/${user.id}/receipt.jpg` });
  });

  it("refuses a proof from a guest (no Storage folder) and a proof outside the walk-in's own folder", async () => {
    const paid = await createEvent(cast.organizer, { startsInMinutes: -5, paid: true });
    const { token } = await freshToken(paid.id);
    const stranger = await createUser(`${prefix}other`);
    await expectRefused([paid.id], () => walkIn({ token, ...guest(), paymentProofPath: `${paid.id}/${stranger.id}/r.jpg` }), { status: 401, code: "unauthenticated" });
    const user = await createUser(`${prefix}wrongdir`);
    await expectRefused([paid.id], () => walkIn({ token, ...guest(), paymentProofPath: `${paid.id}/${user.id}/r.jpg` }, user.token), { status: 403, code: "forbidden" });
    await expectRefused([paid.id], () => walkIn({ token, name: "W", email: user.email, paymentProofPath: `${paid.id}/${stranger.id}/r.jpg` }, user.token),
      { status: 409, code: "event_participants_payment_proof_url_is_storage_path" });
  });

  it("refuses the same guest twice (409 already_participant) and leaves the first row as it was", async () => {
    const { token } = await freshToken();
    const person = guest();
    expect((await walkIn({ token, ...person })).status).toBe(201);
    await expectRefused([cast.event.id], () => walkIn({ token, ...person, name: "Renamed" }), { status: 409, code: "already_participant" });
  });

  it("refuses an exhausted token (409 walk_in_token_exhausted) and an expired one (409 walk_in_token_expired)", async () => {
    const { token } = await freshToken(cast.event.id, { maxUses: 1 });
    expect((await walkIn({ token, ...guest() })).status).toBe(201);
    await expectRefused([cast.event.id], () => walkIn({ token, ...guest() }), { status: 409, code: "walk_in_token_exhausted" });
    const { id: expiringId, token: expiring } = await freshToken();
    await testSql()`update public.event_walk_in_tokens set expires_at = now() - interval '1 minute' where id = ${expiringId}`;
    await expectRefused([cast.event.id], () => walkIn({ token: expiring, ...guest() }), { status: 409, code: "walk_in_token_expired" });
  });

  it("never exceeds max uses under 12 simultaneous submissions: exactly 3 rows, 9 × 409 walk_in_token_exhausted, no 5xx", async () => {
    const { id, token } = await freshToken(cast.event.id, { maxUses: 3 });
    const replies = await Promise.all(Array.from({ length: 12 }, () => walkIn({ token, ...guest() })));
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(replies.filter((reply) => reply.status === 409).map((reply) => reply.body.error.code)).toEqual(Array(9).fill("walk_in_token_exhausted"));
    const [row] = await testSql()<{ uses: number; rows: number }[]>`
      select t.current_uses as uses, (select count(*)::int from public.event_participants p where p.walk_in_token_id = t.id) as rows
      from public.event_walk_in_tokens t where t.id = ${id}`;
    expect(row).toEqual({ uses: 3, rows: 3 });
  });

  it("refuses an unknown token (404) and walk-ins outside the attendance window (409)", async () => {
    await expectRefused([cast.event.id], () => walkIn({ token: "ab".repeat(24), ...guest() }), { status: 404, code: "not_found" });
    const later = await createEvent(cast.organizer, { startsInMinutes: 180 });
    const { token } = await freshToken(later.id);
    await expectRefused([later.id], () => walkIn({ token, ...guest() }), { status: 409, code: "outside_attendance_window" });
  });

  it("refuses a user suspended after sign-in (403) and a gateway call without any key (401)", async () => {
    const { token } = await freshToken();
    const user = await createUser(`${prefix}susw`);
    await suspend(user);
    await expectRefused([cast.event.id], () => walkIn({ token, name: "Me", email: user.email }, user.token), { status: 403, code: "forbidden" });
    const reply = await walkIn({ token, ...guest() }, null);
    expect(reply.status).toBe(401);
  });

  it("refuses malformed forms (400) and changes nothing: bad e-mail, missing name, unknown field, oversize name, bad token, URL proof, invalid JSON", async () => {
    const { token } = await freshToken();
    const bodies: unknown[] = [
      { token, name: "A", email: "not-an-email" },
      { token, email: "a@example.com" },
      { token, name: "A", email: "a@example.com", status: "attended" },
      { token, name: "x".repeat(101), email: "a@example.com" },
      { token: "short", name: "A", email: "a@example.com" },
      { token, name: "A", email: "a@example.com", paymentProofPath: "https://example.com/p.png" },
      { token: 12345, name: "A", email: "a@example.com" },
    ];
    for (const body of bodies) {
      await expectRefused([cast.event.id], () => walkIn(body), { status: 400, code: "invalid_request" });
    }
    await expectRefused([cast.event.id], () => call("attendance/walk-in", { token: ANON_KEY, rawBody: "{" }), { status: 400, code: "invalid_json" });
    // a proof for a free event is refused too
    await expectRefused([cast.event.id], () => walkIn({ token, ...guest(), paymentProofPath: `${cast.event.id}/${cast.organizer.id}/r.png` }), { status: 409, code: "invalid_transition" });
  });

  it("keeps guests per event: the same e-mail walks in to two events as two rows", async () => {
    const other = await createEvent(cast.organizer, { startsInMinutes: -5 });
    const { token } = await freshToken(other.id);
    const person = guest();
    expect((await walkIn({ token, ...person })).status).toBe(201);
    const { token: mine } = await freshToken();
    const reply = await walkIn({ token: mine, ...person });
    expect(reply.status).toBe(201);
    expect(reply.body.eventId).toBe(cast.event.id);
  });
});
