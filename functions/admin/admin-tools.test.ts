// Admin queues, broadcast, audit log and taxonomies over real HTTP.
import { beforeAll, describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import {
  addParticipant, auditRowsFor, countRows, createEvent, createOrg, createUser, expectError, notificationsOf, setRole, suspend, type TestUser,
} from "../../tests/support/fixtures.ts";

describe("admin tools", () => {
  let admin: TestUser;
  let adminToken: string;
  let stranger: TestUser;

  beforeAll(async () => {
    admin = await createUser("tools-admin", { roles: ["admin"] });
    adminToken = await admin.token;
    stranger = await createUser("tools-stranger");
  });

  it("lists pending role requests oldest first, with keyset pages and a role filter", async () => {
    const first = await createUser("tools-req-1");
    const second = await createUser("tools-req-2");
    await setRole(first, "teacher", "pending");
    await setRole(second, "teacher", "pending");
    await testSql()`update public.user_roles set requested_at = now() - interval '2 days' where user_id = ${first.id} and role = 'teacher'`;
    await testSql()`update public.user_roles set requested_at = now() - interval '1 day' where user_id = ${second.id} and role = 'teacher'`;
    // Walk every page of one item: our two requests come in age order, and no item repeats.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `admin/role-requests?role=teacher&limit=1${cursor ? `&cursor=${cursor}` : ""}`;
      const page: { status: number; body: { items: { userId: string; role: string }[]; nextCursor: string | null } } = await callFunction(query, { token: adminToken });
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(1);
      expect(page.body.items[0]?.role).toBe("teacher");
      seen.push(page.body.items[0]?.userId ?? "");
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 500);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf(first.id)).toBeLessThan(seen.indexOf(second.id));
    expectError(await callFunction("admin/role-requests", { token: await stranger.token }), 403, "forbidden");
    expectError(await callFunction("admin/role-requests?limit=0", { token: adminToken }), 400, "invalid_request");
    expectError(await callFunction("admin/role-requests?role=admin", { token: adminToken }), 400, "invalid_request");
    expectError(await callFunction("admin/role-requests?sort=desc", { token: adminToken }), 400, "invalid_request");
    expectError(await callFunction("admin/role-requests?cursor=bm9wZQ", { token: adminToken }), 400, "invalid_request");
    // Any cursor of the documented pattern is a position: "before everything" lists from the start.
    const fromStart = await callFunction("admin/role-requests?role=teacher&limit=100", { token: adminToken });
    const fromEpoch = await callFunction("admin/role-requests?role=teacher&limit=100&cursor=0_00000000-0000-0000-0000-000000000000", { token: adminToken });
    expect(fromEpoch.status).toBe(200);
    expect(fromEpoch.body).toEqual(fromStart.body);
  });

  it("lists pending organizations", async () => {
    const owner = await createUser("tools-org-owner");
    const name = `Tools Pending ${owner.id.slice(0, 6)}`;
    await createOrg(name, owner, { status: "pending" });
    const reply = await callFunction("admin/organizations/pending?limit=100", { token: adminToken });
    expect(reply.status).toBe(200);
    expect(reply.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ name, ownerId: owner.id, ownerEmail: owner.email })]));
    expectError(await callFunction("admin/organizations/pending", { token: await owner.token }), 403, "forbidden");
  });

  it("broadcasts to explicit users and to a role, never to suspended or deleted accounts", async () => {
    const active = await createUser("tools-bc-active", { roles: ["student", "sponsor"] });
    const suspended = await createUser("tools-bc-suspended", { roles: ["student", "sponsor"] });
    await suspend(suspended);
    const reply = await callFunction("admin/broadcasts", {
      token: adminToken,
      body: { audience: { kind: "users", userIds: [active.id, suspended.id] }, content: "Maintenance tonight", linkUrl: "/status" },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ recipients: 1, emailsQueued: 0, audienceSize: 1, test: false });
    expect((await notificationsOf(active.id, "admin_broadcast")).length).toBe(1);
    expect((await notificationsOf(suspended.id, "admin_broadcast")).length).toBe(0);

    const byRole = await callFunction("admin/broadcasts", { token: adminToken, body: { audience: { kind: "role", role: "sponsor" }, content: "Sponsors: new tiers" } });
    expect(byRole.status).toBe(201);
    expect((await notificationsOf(active.id, "admin_broadcast")).length).toBe(2);
    expect((await notificationsOf(suspended.id, "admin_broadcast")).length).toBe(0);
    expect(await countRows(testSql()<{ n: number }[]>`
      select count(*)::int as n from public.audit_logs where actor_id = ${admin.id} and action = 'notification.broadcast'`)).toBe(2);
  });

  it("broadcasts to an event's live participants; all_active never reaches suspended users", async () => {
    const organizer = await createUser("tools-bc-org");
    const guest = await createUser("tools-bc-guest");
    const banned = await createUser("tools-bc-banned");
    const eventId = (await createEvent(organizer, { title: `Bc${organizer.id.slice(0, 6)}` })).id;
    await addParticipant(eventId, guest);
    await addParticipant(eventId, banned);
    await suspend(banned);
    const reply = await callFunction("admin/broadcasts", { token: adminToken, body: { audience: { kind: "event_participants", eventId }, content: "Room changed" } });
    expect(reply.body).toEqual({ recipients: 2, emailsQueued: 0, audienceSize: 2, test: false }); // organizer + guest
    expect((await notificationsOf(banned.id, "admin_broadcast")).length).toBe(0);

    const all = await callFunction("admin/broadcasts", { token: adminToken, body: { audience: { kind: "all_active" }, content: "Hello everyone" } });
    expect(all.status).toBe(201);
    const [row] = await testSql()<{ n: number }[]>`
      select count(*)::int as n from public.notifications nt join public.users u on u.id = nt.recipient_id
      where nt.kind = 'admin_broadcast' and nt.content = 'Hello everyone' and u.status <> 'active'`;
    expect(row?.n).toBe(0);
    expect((await notificationsOf(guest.id, "admin_broadcast")).length).toBe(2);
  });

  it("e-mails a broadcast through the outbox after a test send that reaches only the admin", async () => {
    const reader = await createUser("tools-bc-mail");
    const muted = await createUser("tools-bc-muted");
    const suspended = await createUser("tools-bc-mail-susp");
    await suspend(suspended);
    await testSql()`insert into public.notification_preferences (user_id, kind, email_enabled) values (${muted.id}, 'admin_broadcast', false)`;
    const outbox = (userId: string) => testSql()<{ n: number }[]>`
      select count(*)::int as n from private.email_outbox o where o.recipient_user_id = ${userId} and o.template = 'admin_broadcast'`;
    const audience = { kind: "users", userIds: [reader.id, muted.id, suspended.id] };
    const email = { subject: "Maintenance <Sunday>", body: "Offline 02:00–04:00 UTC.\n\nThanks & <bye>." };

    const test = await callFunction("admin/broadcasts", { token: adminToken, body: { audience, content: "Maintenance", email, testSend: true } });
    expect(test.status).toBe(201);
    expect(test.body).toEqual({ recipients: 0, emailsQueued: 1, audienceSize: 2, test: true });
    expect(await countRows(outbox(admin.id))).toBeGreaterThanOrEqual(1);
    expect(await countRows(outbox(reader.id))).toBe(0);
    expect((await notificationsOf(reader.id, "admin_broadcast")).length).toBe(0);

    const real = await callFunction("admin/broadcasts", { token: adminToken, body: { audience, content: "Maintenance", email } });
    expect(real.status).toBe(201);
    expect(real.body).toEqual({ recipients: 2, emailsQueued: 1, audienceSize: 2, test: false });
    expect(await countRows(outbox(reader.id))).toBe(1);
    expect(await countRows(outbox(muted.id))).toBe(0); // turned admin_broadcast e-mails off
    expect(await countRows(outbox(suspended.id))).toBe(0);
    expect((await notificationsOf(muted.id, "admin_broadcast")).length).toBe(1);

    expectError(await callFunction("admin/broadcasts", { token: adminToken, body: { audience, content: "x", testSend: true } }), 400, "invalid_request");
  });

  it("refuses bad broadcasts and non-admins, writing nothing", async () => {
    const target = await createUser("tools-bc-target");
    const bodies = [
      {},
      { audience: { kind: "everyone" }, content: "x" },
      { audience: { kind: "users", userIds: [] }, content: "x" },
      { audience: { kind: "users", userIds: ["nope"] }, content: "x" },
      { audience: { kind: "users", userIds: [target.id, target.id] }, content: "x" },
      { audience: { kind: "role", role: "wizard" }, content: "x" },
      { audience: { kind: "users", userIds: [target.id] }, content: "" },
      { audience: { kind: "users", userIds: [target.id] }, content: "x".repeat(501) },
      { audience: { kind: "users", userIds: [target.id] }, content: "x", linkUrl: "https://evil.example" },
      { audience: { kind: "users", userIds: [target.id], extra: 1 }, content: "x" },
    ];
    for (const body of bodies) {
      expectError(await callFunction("admin/broadcasts", { token: adminToken, body }), 400, "invalid_request");
    }
    expectError(await callFunction("admin/broadcasts", { token: adminToken, body: { audience: { kind: "event_participants", eventId: "00000000-0000-4000-8000-000000000000" }, content: "x" } }), 404, "not_found");
    expectError(await callFunction("admin/broadcasts", { token: await target.token, body: { audience: { kind: "all_active" }, content: "Spam" } }), 403, "forbidden");
    expect((await notificationsOf(target.id, "admin_broadcast")).length).toBe(0);
  });

  it("reads the audit log newest first with pages and filters", async () => {
    const subject = await createUser("tools-audit-subject");
    for (const reason of ["one", "two", "three"]) {
      await setRole(subject, "teacher", "pending");
      expect((await callFunction(`admin/users/${subject.id}/roles/teacher/reject`, { token: adminToken, body: { reason } })).status).toBe(200);
    }
    const page1 = await callFunction(`admin/audit-logs?targetId=${subject.id}&limit=2`, { token: adminToken });
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((e: { details: { reason: string } }) => e.details.reason)).toEqual(["three", "two"]);
    const page2 = await callFunction(`admin/audit-logs?targetId=${subject.id}&limit=2&cursor=${page1.body.nextCursor}`, { token: adminToken });
    expect(page2.body.items.map((e: { details: { reason: string } }) => e.details.reason)).toEqual(["one"]);
    expect(page2.body.nextCursor).toBeNull();
    const filtered = await callFunction(`admin/audit-logs?action=role.reject&actorId=${admin.id}&limit=100`, { token: adminToken });
    expect(filtered.body.items.length).toBeGreaterThanOrEqual(3);
    expect(filtered.body.items.every((e: { action: string }) => e.action.startsWith("role.reject"))).toBe(true);

    expectError(await callFunction("admin/audit-logs", { token: await subject.token }), 403, "forbidden");
    expectError(await callFunction("admin/audit-logs?limit=1000", { token: adminToken }), 400, "invalid_request");
    expectError(await callFunction("admin/audit-logs?action=DROP%20TABLE", { token: adminToken }), 400, "invalid_request");
    expectError(await callFunction("admin/audit-logs?targetId=1", { token: adminToken }), 400, "invalid_request");
    expectError(await callFunction("admin/audit-logs", { token: adminToken, method: "DELETE" }), 405, "method_not_allowed");
  });

  it.each(["tags", "skills", "categories"] as const)("manages %s: create, rename, delete, audited; duplicates 409; users cannot", async (taxonomy) => {
    const suffix = admin.id.slice(0, 4) + Math.random().toString(36).slice(2, 6);
    const created = await callFunction(`admin/${taxonomy}`, { token: adminToken, body: { name: `Rust ${suffix}` } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expectError(await callFunction(`admin/${taxonomy}`, { token: adminToken, body: { name: `RUST ${suffix}` } }), 409, `${taxonomy}_name_is_unique`);
    const renamed = await callFunction(`admin/${taxonomy}/${id}`, { token: adminToken, method: "PATCH", body: { name: `Rustlang ${suffix}` } });
    expect(renamed.body).toMatchObject({ id, name: `Rustlang ${suffix}` });

    const user = await createUser(`tools-tax-${taxonomy}`);
    const userToken = await user.token;
    expectError(await callFunction(`admin/${taxonomy}`, { token: userToken, body: { name: `Mine ${suffix}` } }), 403, "forbidden");
    expectError(await callFunction(`admin/${taxonomy}/${id}`, { token: userToken, method: "PATCH", body: { name: "Hijack" } }), 403, "forbidden");
    expectError(await callFunction(`admin/${taxonomy}/${id}`, { token: userToken, method: "DELETE" }), 403, "forbidden");
    for (const body of [{}, { name: "" }, { name: "x".repeat(51) }, { name: 3 }, { name: "ok", id }]) {
      expectError(await callFunction(`admin/${taxonomy}`, { token: adminToken, body }), 400, "invalid_request");
    }
    expectError(await callFunction(`admin/${taxonomy}/not-a-uuid`, { token: adminToken, method: "PATCH", body: { name: "x" } }), 400, "invalid_request");
    const table = testSql()(`public.${taxonomy}`);
    expect(await countRows(testSql()<{ n: number }[]>`select count(*)::int as n from ${table} where name::text like ${`%${suffix}`}`)).toBe(1);

    const deleted = await callFunction(`admin/${taxonomy}/${id}`, { token: adminToken, method: "DELETE" });
    expect(deleted.status).toBe(200);
    expectError(await callFunction(`admin/${taxonomy}/${id}`, { token: adminToken, method: "DELETE" }), 404, "not_found");
    expect(await countRows(testSql()<{ n: number }[]>`select count(*)::int as n from ${table} where id = ${id}`)).toBe(0);
    const singular = { tags: "tag", skills: "skill", categories: "category" }[taxonomy];
    for (const action of ["create", "rename", "delete"]) {
      expect((await auditRowsFor(id, `${singular}.${action}`)).length).toBe(1);
    }
  });
});
