// DELETE /accounts/me over real HTTP: soft deletion, hidden profile, future events cancelled
// with participants told (DOMAIN.md §8 #3), sessions deleted, audit; owners must transfer first.
import { describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import { addParticipant, auditRowsFor, countRows, createEvent, createOrg, createUser, expectError, notificationsOf, outboxOf, suspend } from "../../tests/support/fixtures.ts";

describe("accounts DELETE /me", () => {
  it("soft-deletes: inactive + deleted_at, profile private, future events cancelled, participants told, sessions gone", async () => {
    const organizer = await createUser("del-organizer");
    const participant = await createUser("del-participant");
    const sql = testSql();
    const eventId = (await createEvent(organizer, { title: `DelFuture${organizer.id.slice(0, 6)}` })).id;
    const pastId = (await createEvent(organizer, { title: `DelPast${organizer.id.slice(0, 6)}`, status: "ended", startsInMinutes: -4320 })).id;
    await addParticipant(eventId, participant);
    await sql`insert into auth.sessions (id, user_id, created_at) values (gen_random_uuid(), ${organizer.id}, now())`;

    const reply = await callFunction("accounts/me", { token: await organizer.token, method: "DELETE", body: { confirm: true, reason: "Leaving" } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ userId: organizer.id, cancelledEventIds: [eventId], sessionsRevoked: 1 });

    const [user] = await sql<{ status: string; deleted_at: Date | null }[]>`select status, deleted_at from public.users where id = ${organizer.id}`;
    expect(user?.status).toBe("inactive");
    expect(user?.deleted_at).not.toBeNull();
    const [profile] = await sql<{ visibility: string }[]>`select visibility from public.profiles where user_id = ${organizer.id}`;
    expect(profile?.visibility).toBe("private");
    const events = await sql<{ id: string; status: string }[]>`select id, status from public.events where id in (${eventId}, ${pastId}) order by status`;
    expect(Object.fromEntries(events.map((e) => [e.id, e.status]))).toEqual({ [eventId]: "cancelled", [pastId]: "ended" });
    expect((await notificationsOf(participant.id, "event_cancelled")).length).toBe(1);
    expect((await outboxOf(participant.id, "event_cancelled")).length).toBe(1);
    expect((await auditRowsFor(eventId, "event.cancel")).length).toBe(1);
    expect(await countRows(sql<{ n: number }[]>`select count(*)::int as n from auth.sessions where user_id = ${organizer.id}`)).toBe(0);
    expect((await auditRowsFor(organizer.id, "user.delete_self")).length).toBe(1);

    // The old token now writes nothing; a fresh sign-in does not reactivate the account.
    expectError(await callFunction("accounts/roles", { token: await organizer.token, body: { role: "expert" } }), 403, "account_not_active");
  });

  it("refuses an organization owner until they transfer, changing nothing", async () => {
    const owner = await createUser("del-owner");
    await createOrg(`DelOrg ${owner.id.slice(0, 6)}`, owner);
    const reply = await callFunction("accounts/me", { token: await owner.token, method: "DELETE", body: { confirm: true } });
    expectError(reply, 409, "organization_owner_must_transfer");
    const [user] = await testSql()<{ status: string; deleted_at: Date | null }[]>`select status, deleted_at from public.users where id = ${owner.id}`;
    expect(user).toEqual({ status: "active", deleted_at: null });
  });

  it("needs {confirm: true} and a valid body; a suspended user's old token cannot delete (and so escape) the account", async () => {
    const user = await createUser("del-bad");
    const token = await user.token;
    for (const body of [{}, { confirm: "yes" }, { confirm: false }, { confirm: true, extra: 1 }, { confirm: true, reason: "x".repeat(501) }]) {
      expectError(await callFunction("accounts/me", { token, method: "DELETE", body }), 400, "invalid_request");
    }
    const suspended = await createUser("del-suspended");
    const oldToken = await suspended.token;
    await suspend(suspended);
    expectError(await callFunction("accounts/me", { token: oldToken, method: "DELETE", body: { confirm: true } }), 403, "account_not_active");
    const rows = await testSql()<{ id: string; status: string; deleted_at: Date | null }[]>`
      select id, status, deleted_at from public.users where id in (${user.id}, ${suspended.id})`;
    expect(Object.fromEntries(rows.map((r) => [r.id, `${r.status}:${r.deleted_at === null}`])))
      .toEqual({ [user.id]: "active:true", [suspended.id]: "suspended:true" });
  });
});
