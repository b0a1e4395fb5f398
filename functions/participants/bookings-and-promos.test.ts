// Issue 15 write paths over real HTTP: booking an approved expert from a proposal (§3.6 E: a
// pending speaker row, join_method booking, proposal_id set) and the sponsor's own promotion.
// The rules are the database's; these tests check they reach the client as named errors.
import { beforeAll, describe, expect, it } from "vitest";
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
  notificationsOf,
  outboxOf,
  type TestUser,
} from "../../tests/support/fixtures.ts";

const prefix = fixturePrefix("bok");
let cast: Cast;
let expert: TestUser;
let pendingExpert: TestUser;
let sponsor: TestUser;

beforeAll(async () => {
  cast = await createCast(prefix, { status: "draft" });
  expert = await createUser(`${prefix}maya`, { roles: ["student", "expert"] });
  pendingExpert = await createUser(`${prefix}raj`);
  await testSql()`insert into public.user_roles (user_id, role, status) values (${pendingExpert.id}, 'expert', 'pending')`;
  sponsor = await createUser(`${prefix}grace`, { roles: ["sponsor"] });
});

const book = (eventId: string, token: string | null, body: unknown) => call(`participants/events/${eventId}/bookings`, { token, body });
const promo = (eventId: string, token: string | null, body: unknown) => call(`participants/events/${eventId}/promo`, { method: "PUT", token, body });

describe("POST /participants/events/:eventId/bookings", () => {
  it("books an approved expert with a new brief: pending speaker, booking, linked proposal; invited and e-mailed", async () => {
    const reply = await book(cast.event.id, cast.organizer.token, {
      expertId: expert.id, proposal: { title: "Rust in production", description: "40 minutes + Q&A" }, message: "Would you speak?",
    });
    expect(reply.status).toBe(201);
    const participant = reply.body.participant as Record<string, unknown>;
    expect(participant).toMatchObject({ userId: expert.id, role: "speaker", status: "pending", joinMethod: "booking" });
    const [row] = await testSql()<{ proposal_id: string; title: string }[]>`
      select p.proposal_id, pr.title from public.event_participants p join public.event_proposals pr on pr.id = p.proposal_id
      where p.id = ${participant.id as string}`;
    expect(row).toEqual({ proposal_id: reply.body.proposalId, title: "Rust in production" });
    expect((await notificationsOf(expert.id, "event_invitation")).length).toBe(1);
    expect((await outboxOf(expert.id, "event_invitation")).length).toBe(1);

    // The expert answers it like any invitation.
    const answer = await call(`participants/events/${cast.event.id}/invitation/answer`, { token: expert.token, body: { answer: "accept" } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "accepted", joinMethod: "booking" });
  });

  it("books with an existing proposal; refuses a pending expert and another event's proposal with the database's rule names", async () => {
    const [proposal] = await testSql()<{ id: string }[]>`
      insert into public.event_proposals (event_id, created_by_user_id, title) values (${cast.event.id}, ${cast.organizer.id}, 'Panel') returning id`;
    const other = await createEvent(cast.organizer, { status: "draft" });
    const [foreign] = await testSql()<{ id: string }[]>`
      insert into public.event_proposals (event_id, created_by_user_id, title) values (${other.id}, ${cast.organizer.id}, 'Elsewhere') returning id`;
    await expectRefused([cast.event.id], () => book(cast.event.id, cast.organizer.token, { expertId: pendingExpert.id, proposalId: proposal!.id }),
      { status: 409, code: "event_participants_booking_needs_expert" });
    const second = await createUser(`${prefix}maya2`, { roles: ["expert"] });
    await expectRefused([cast.event.id], () => book(cast.event.id, cast.organizer.token, { expertId: second.id, proposalId: foreign!.id }),
      { status: 409, code: "event_participants_proposal_same_event" });
    const ok = await book(cast.event.id, cast.committee.token, { expertId: second.id, proposalId: proposal!.id });
    expect(ok.status).toBe(201);
    expect(ok.body.proposalId).toBe(proposal!.id);
  });

  it("refuses strangers (404: they cannot see the draft), pending committee (403), both or neither proposal fields (400), an existing participant (409)", async () => {
    const third = await createUser(`${prefix}maya3`, { roles: ["expert"] });
    await expectRefused([cast.event.id], () => book(cast.event.id, cast.stranger.token, { expertId: third.id, proposal: { title: "x" } }),
      { status: 404, code: "not_found" });
    await expectRefused([cast.event.id], () => book(cast.event.id, cast.pendingCommittee.token, { expertId: third.id, proposal: { title: "x" } }),
      { status: 403, code: "forbidden" });
    await expectRefused([cast.event.id], () => book(cast.event.id, cast.organizer.token, { expertId: third.id }), { status: 400, code: "invalid_request" });
    await expectRefused([cast.event.id], () => book(cast.event.id, cast.organizer.token, { expertId: expert.id, proposal: { title: "again" } }),
      { status: 409, code: "already_participant" });
  });
});

describe("PUT /participants/events/:eventId/promo", () => {
  it("lets a sponsor set a link and an image path in their own avatars folder, and clear them", async () => {
    const event = await createEvent(cast.organizer);
    await addParticipant(event, sponsor, { role: "sponsor", joinMethod: "invited" });
    const image = `avatars/${sponsor.id}/banner.png`;
    const set = await promo(event.id, sponsor.token, { promoLink: "https://grab.example/offer", promoImagePath: image });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ promoLink: "https://grab.example/offer", promoImagePath: image });
    const cleared = await promo(event.id, sponsor.token, { promoLink: null });
    expect(cleared.body).toMatchObject({ promoLink: null, promoImagePath: image });

    await expectRefused([event.id], () => promo(event.id, sponsor.token, { promoImagePath: `avatars/${cast.organizer.id}/x.png` }),
      { status: 409, code: "event_participants_promo_image_url_is_storage_path" });
    await expectRefused([event.id], () => promo(event.id, sponsor.token, { promoImagePath: "https://cdn.example/x.png" }),
      { status: 400, code: "invalid_request" });
    await expectRefused([event.id], () => promo(event.id, sponsor.token, { promoLink: "http://insecure.example" }),
      { status: 400, code: "invalid_request" });
    await expectRefused([event.id], () => promo(event.id, cast.participant.token, { promoLink: "https://x.example" }),
      { status: 404, code: "not_found" });
  });
});
