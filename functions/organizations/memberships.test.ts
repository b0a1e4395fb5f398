// Organization membership over real HTTP: invitations, join requests, roles, removal, leaving,
// ownership transfer (exactly one owner, always) and the member list.
import { beforeEach, describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import {
  auditRowsFor, countRows, createOrg, createUser, expectError, suspend, type TestUser,
} from "../../tests/support/fixtures.ts";

let counter = 0;

async function membership(orgId: string, userId: string): Promise<{ role: string; status: string } | undefined> {
  const [row] = await testSql()<{ role: string; status: string }[]>`
    select role, status from public.organization_members where org_id = ${orgId} and user_id = ${userId}`;
  return row;
}

async function owners(orgId: string): Promise<{ owner_id: string; owner_rows: string[] }> {
  const [row] = await testSql()<{ owner_id: string; owner_rows: string[] }[]>`
    select o.owner_id, array(select m.user_id::text from public.organization_members m where m.org_id = o.id and m.role = 'owner') as owner_rows
    from public.organizations o where o.id = ${orgId}`;
  return row!;
}

async function join(orgId: string, user: TestUser, role: "member" | "admin", status = "active"): Promise<void> {
  await testSql()`insert into public.organization_members (org_id, user_id, role, status)
                  values (${orgId}, ${user.id}, ${role}::public.organization_role, ${status}::public.organization_member_status)`;
}

describe("organization memberships", () => {
  let owner: TestUser;
  let orgAdmin: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let orgId: string;

  beforeEach(async () => {
    counter += 1;
    owner = await createUser(`mem-owner-${counter}`);
    orgAdmin = await createUser(`mem-orgadmin-${counter}`);
    member = await createUser(`mem-member-${counter}`);
    outsider = await createUser(`mem-outsider-${counter}`);
    orgId = await createOrg(`Mem Org ${counter} ${owner.id.slice(0, 6)}`, owner);
    await join(orgId, orgAdmin, "admin");
    await join(orgId, member, "member");
  });

  it("a manager invites; the invitee accepts or declines; members cannot invite", async () => {
    const res = await callFunction(`organizations/${orgId}/invitations`, { token: await orgAdmin.token, body: { userId: outsider.id, role: "admin" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: outsider.id, role: "admin", status: "invited" });
    expectError(await callFunction(`organizations/${orgId}/invitations`, { token: await orgAdmin.token, body: { userId: outsider.id } }), 409, "membership_exists");
    const accepted = await callFunction(`organizations/${orgId}/invitation`, { token: await outsider.token, body: { accept: true } });
    expect(accepted.body).toMatchObject({ status: "active", role: "admin" });
    expect(await membership(orgId, outsider.id)).toEqual({ role: "admin", status: "active" });

    const other = await createUser(`mem-invitee-${counter}`);
    expectError(await callFunction(`organizations/${orgId}/invitations`, { token: await member.token, body: { userId: other.id } }), 403, "forbidden");
    expect(await membership(orgId, other.id)).toBeUndefined();
    expect((await callFunction(`organizations/${orgId}/invitations`, { token: await owner.token, body: { userId: other.id } })).status).toBe(201);
    const declined = await callFunction(`organizations/${orgId}/invitation`, { token: await other.token, body: { accept: false } });
    expect(declined.status).toBe(200);
    expect(declined.body).toBeNull();
    expect(await membership(orgId, other.id)).toBeUndefined();
    expectError(await callFunction(`organizations/${orgId}/invitation`, { token: await other.token, body: { accept: true } }), 404, "not_found");
  });

  it("refuses inviting a suspended account, as owner, and bad bodies", async () => {
    const banned = await createUser(`mem-banned-${counter}`);
    await suspend(banned);
    expectError(await callFunction(`organizations/${orgId}/invitations`, { token: await owner.token, body: { userId: banned.id } }), 409, "target_not_active");
    for (const body of [{ userId: outsider.id, role: "owner" }, { userId: "x" }, {}, { userId: outsider.id, status: "active" }]) {
      expectError(await callFunction(`organizations/${orgId}/invitations`, { token: await owner.token, body }), 400, "invalid_request");
    }
    expect(await membership(orgId, banned.id)).toBeUndefined();
    expect(await membership(orgId, outsider.id)).toBeUndefined();
  });

  it("a user asks to join an approved public organization; managers decide; members cannot", async () => {
    const asked = await callFunction(`organizations/${orgId}/join-requests`, { token: await outsider.token, body: {} });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe("requested");
    expectError(await callFunction(`organizations/${orgId}/join-requests`, { token: await outsider.token, body: {} }), 409, "membership_exists");
    expectError(await callFunction(`organizations/${orgId}/join-requests/${outsider.id}`, { token: await member.token, body: { accept: true } }), 403, "forbidden");
    expect(await membership(orgId, outsider.id)).toEqual({ role: "member", status: "requested" });
    const decided = await callFunction(`organizations/${orgId}/join-requests/${outsider.id}`, { token: await orgAdmin.token, body: { accept: true } });
    expect(decided.body).toMatchObject({ status: "active" });

    const pendingOrg = await createOrg(`Mem Pending ${counter} ${owner.id.slice(0, 6)}`, owner, { status: "pending" });
    const nobody = await createUser(`mem-nobody-${counter}`);
    expectError(await callFunction(`organizations/${pendingOrg}/join-requests`, { token: await nobody.token, body: {} }), 404, "not_found");
    expect(await membership(pendingOrg, nobody.id)).toBeUndefined();
  });

  it("managers change roles but never the owner's; members cannot", async () => {
    const promoted = await callFunction(`organizations/${orgId}/members/${member.id}`, { token: await orgAdmin.token, method: "PATCH", body: { role: "admin" } });
    expect(promoted.body).toMatchObject({ role: "admin" });
    expectError(await callFunction(`organizations/${orgId}/members/${owner.id}`, { token: await orgAdmin.token, method: "PATCH", body: { role: "member" } }), 403, "forbidden");
    expectError(await callFunction(`organizations/${orgId}/members/${orgAdmin.id}`, { token: await orgAdmin.token, method: "PATCH", body: { role: "owner" } }), 400, "invalid_request");
    const plain = await createUser(`mem-plain-${counter}`);
    await join(orgId, plain, "member");
    expectError(await callFunction(`organizations/${orgId}/members/${plain.id}`, { token: await plain.token, method: "PATCH", body: { role: "admin" } }), 403, "forbidden");
    expect(await membership(orgId, plain.id)).toEqual({ role: "member", status: "active" });
    expect(await owners(orgId)).toEqual({ owner_id: owner.id, owner_rows: [owner.id] });
  });

  it("managers remove members but never the owner; members leave; the owner must transfer first", async () => {
    expectError(await callFunction(`organizations/${orgId}/members/${owner.id}`, { token: await orgAdmin.token, method: "DELETE" }), 403, "forbidden");
    expectError(await callFunction(`organizations/${orgId}/members/${orgAdmin.id}`, { token: await member.token, method: "DELETE" }), 403, "forbidden");
    expect((await callFunction(`organizations/${orgId}/members/${member.id}`, { token: await orgAdmin.token, method: "DELETE" })).status).toBe(200);
    expect(await membership(orgId, member.id)).toBeUndefined();
    expectError(await callFunction(`organizations/${orgId}/leave`, { token: await owner.token, body: {} }), 409, "owner_must_transfer");
    expect((await callFunction(`organizations/${orgId}/leave`, { token: await orgAdmin.token, body: {} })).status).toBe(200);
    expect(await membership(orgId, orgAdmin.id)).toBeUndefined();
    expectError(await callFunction(`organizations/${orgId}/leave`, { token: await outsider.token, body: {} }), 404, "not_found");
    expect(await owners(orgId)).toEqual({ owner_id: owner.id, owner_rows: [owner.id] });
  });

  it("transfers ownership to an active member atomically (exactly one owner), audited; then the old owner may leave", async () => {
    const reply = await callFunction(`organizations/${orgId}/transfer`, { token: await owner.token, body: { userId: member.id } });
    expect(reply.status).toBe(200);
    expect(reply.body.ownerId).toBe(member.id);
    expect(await owners(orgId)).toEqual({ owner_id: member.id, owner_rows: [member.id] });
    expect(await membership(orgId, owner.id)).toEqual({ role: "admin", status: "active" });
    expect((await auditRowsFor(orgId, "organization.transfer")).length).toBe(1);
    expect((await callFunction(`organizations/${orgId}/leave`, { token: await owner.token, body: {} })).status).toBe(200);
  });

  it("refuses transfers by non-owners, to invitees, to suspended members and to non-members, changing nothing", async () => {
    expectError(await callFunction(`organizations/${orgId}/transfer`, { token: await orgAdmin.token, body: { userId: orgAdmin.id } }), 403, "forbidden");
    expectError(await callFunction(`organizations/${orgId}/transfer`, { token: await member.token, body: { userId: member.id } }), 403, "forbidden");
    const invitee = await createUser(`mem-t-invitee-${counter}`);
    await join(orgId, invitee, "member", "invited");
    expectError(await callFunction(`organizations/${orgId}/transfer`, { token: await owner.token, body: { userId: invitee.id } }), 409, "transfer_target_not_active_member");
    await suspend(member);
    expectError(await callFunction(`organizations/${orgId}/transfer`, { token: await owner.token, body: { userId: member.id } }), 409, "transfer_target_not_active_member");
    expectError(await callFunction(`organizations/${orgId}/transfer`, { token: await owner.token, body: { userId: outsider.id } }), 409, "transfer_target_not_active_member");
    expectError(await callFunction(`organizations/${orgId}/transfer`, { token: await owner.token, body: { userId: owner.id } }), 409, "transfer_target_is_owner");
    expectError(await callFunction(`organizations/${orgId}/transfer`, { token: await owner.token, body: { userId: "nope" } }), 400, "invalid_request");
    expect(await owners(orgId)).toEqual({ owner_id: owner.id, owner_rows: [owner.id] });
    expect((await auditRowsFor(orgId, "organization.transfer")).length).toBe(0);
  });

  it("a platform admin may transfer; the member list is for insiders, outsiders get the count", async () => {
    const admin = await createUser(`mem-platform-admin-${counter}`, { roles: ["admin"] });
    expect((await callFunction(`organizations/${orgId}/transfer`, { token: await admin.token, body: { userId: orgAdmin.id } })).status).toBe(200);
    expect(await owners(orgId)).toEqual({ owner_id: orgAdmin.id, owner_rows: [orgAdmin.id] });

    const inside = await callFunction(`organizations/${orgId}/members`, { token: await member.token });
    expect(inside.status).toBe(200);
    expect(inside.body.activeCount).toBe(3);
    expect(inside.body.members.map((m: { userId: string }) => m.userId).sort()).toEqual([owner.id, orgAdmin.id, member.id].sort());
    const outside = await callFunction(`organizations/${orgId}/members`, { token: await outsider.token });
    expect(outside.body).toEqual({ activeCount: 3, members: null });
  });
});
