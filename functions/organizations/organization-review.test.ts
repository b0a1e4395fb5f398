// Organizations through review over real HTTP: create → pending (admins told), read with bank
// details only for managers/admins, update by managers, admin approve/reject, resubmit, delete.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import {
  auditRowsFor, countRows, createOrg, createUser, expectError, OVERSIZE_BODY, suspend, type TestUser,
} from "../../tests/support/fixtures.ts";

const bank = { bankName: "Maybank", accountNumber: "1234 5678 9012", holderName: "Rust Club" };

async function orgRow(id: string): Promise<{ status: string; owner_id: string; deleted_at: Date | null; name: string; decision_reason: string | null } | undefined> {
  const [row] = await testSql()<{ status: string; owner_id: string; deleted_at: Date | null; name: string; decision_reason: string | null }[]>`
    select status, owner_id, deleted_at, name, decision_reason from public.organizations where id = ${id}`;
  return row;
}

describe("organizations: create, read, update, review, delete", () => {
  let admin: TestUser;
  let adminToken: string;
  let owner: TestUser;
  let ownerToken: string;

  beforeAll(async () => {
    admin = await createUser("orv-admin", { roles: ["admin"] });
    adminToken = await admin.token;
    owner = await createUser("orv-owner");
    ownerToken = await owner.token;
  });

  it("creates a pending organization owned by the creator, bank details saved, admins told", async () => {
    const reply = await callFunction("organizations", {
      token: ownerToken,
      body: { name: "Rust Club KL", type: "community", websiteUrl: "https://rust.example", bankDetails: bank },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ name: "Rust Club KL", status: "pending", ownerId: owner.id, bankDetails: bank });
    const id = reply.body.id as string;
    const members = await testSql()<{ user_id: string; role: string; status: string }[]>`
      select user_id, role, status from public.organization_members where org_id = ${id}`;
    expect(members).toEqual([{ user_id: owner.id, role: "owner", status: "active" }]);
    const [note] = await testSql()<{ n: number }[]>`
      select count(*)::int as n from public.notifications where recipient_id = ${admin.id} and kind = 'org_submitted' and data ->> 'org_id' = ${id}`;
    expect(note?.n).toBe(1);
  });

  it("refuses client-chosen status or owner, bad fields, bad JSON and oversize bodies, creating nothing", async () => {
    const before = await countRows(testSql()<{ n: number }[]>`select count(*)::int as n from public.organizations where owner_id = ${owner.id}`);
    const bodies = [
      { name: "Sneaky", status: "approved" },
      { name: "Sneaky", ownerId: admin.id },
      { name: "S" },
      { name: "x".repeat(121) },
      { name: "Fine", type: "cartel" },
      { name: "Fine", websiteUrl: "javascript:alert(1)" },
      { name: "Fine", bankDetails: { ...bank, accountNumber: "<script>" } },
      { name: "Fine", bankDetails: { bankName: "Only name" } },
      { name: 42 },
      {},
    ];
    for (const body of bodies) expectError(await callFunction("organizations", { token: ownerToken, body }), 400, "invalid_request");
    expectError(await callFunction("organizations", { token: ownerToken, method: "POST", rawBody: "{\"name\":" }), 400, "invalid_json");
    expectError(await callFunction("organizations", { token: ownerToken, method: "POST", rawBody: OVERSIZE_BODY }), 413, "payload_too_large");
    expectError(await callFunction("organizations", { token: ANON_KEY, body: { name: "Anon Org" } }), 401, "unauthenticated");
    expect(await countRows(testSql()<{ n: number }[]>`select count(*)::int as n from public.organizations where owner_id = ${owner.id}`)).toBe(before);
  });

  it("shows bank details to managers and admins only; hides pending organizations from outsiders", async () => {
    const orgId = await createOrg(`Orv Bank ${owner.id.slice(0, 6)}`, owner, { status: "pending" });
    await testSql()`insert into public.organization_bank_details (organization_id, bank_name, account_number, holder_name)
                    values (${orgId}, ${bank.bankName}, ${bank.accountNumber}, ${bank.holderName})`;
    const member = await createUser("orv-bank-member");
    await testSql()`insert into public.organization_members (org_id, user_id, role, status) values (${orgId}, ${member.id}, 'member', 'active')`;
    const stranger = await createUser("orv-bank-stranger");

    expect((await callFunction(`organizations/${orgId}`, { token: ownerToken })).body.bankDetails).toEqual(bank);
    expect((await callFunction(`organizations/${orgId}`, { token: adminToken })).body.bankDetails).toEqual(bank);
    const asMember = await callFunction(`organizations/${orgId}`, { token: await member.token });
    expect(asMember.status).toBe(200);
    expect(asMember.body).not.toHaveProperty("bankDetails");
    expectError(await callFunction(`organizations/${orgId}`, { token: await stranger.token }), 404, "not_found");

    await testSql()`update public.organizations set status = 'approved' where id = ${orgId}`;
    const asStranger = await callFunction(`organizations/${orgId}`, { token: await stranger.token });
    expect(asStranger.status).toBe(200);
    expect(asStranger.body).not.toHaveProperty("bankDetails");
    expectError(await callFunction("organizations/not-a-uuid", { token: ownerToken }), 400, "invalid_request");
  });

  it("lets managers edit details and bank details; members, strangers and a suspended owner's old token cannot", async () => {
    const orgId = await createOrg(`Orv Edit ${owner.id.slice(0, 6)}`, owner);
    const orgAdmin = await createUser("orv-edit-orgadmin");
    const member = await createUser("orv-edit-member");
    await testSql()`insert into public.organization_members (org_id, user_id, role, status)
                    values (${orgId}, ${orgAdmin.id}, 'admin', 'active'), (${orgId}, ${member.id}, 'member', 'active')`;
    const stranger = await createUser("orv-edit-stranger");

    const edited = await callFunction(`organizations/${orgId}`, { token: await orgAdmin.token, method: "PATCH", body: { description: "We write Rust", location: null } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ description: "We write Rust", location: null });
    const saved = await callFunction(`organizations/${orgId}/bank-details`, { token: await orgAdmin.token, method: "PUT", body: bank });
    expect(saved.status).toBe(200);
    expect((await auditRowsFor(orgId, "organization.bank_details")).length).toBe(1);

    expectError(await callFunction(`organizations/${orgId}`, { token: await member.token, method: "PATCH", body: { name: "Member Took Over" } }), 403, "forbidden");
    expectError(await callFunction(`organizations/${orgId}/bank-details`, { token: await member.token, method: "PUT", body: { ...bank, holderName: "Member" } }), 403, "forbidden");
    expectError(await callFunction(`organizations/${orgId}`, { token: await stranger.token, method: "PATCH", body: { name: "Stranger Took Over" } }), 403, "forbidden");
    for (const body of [{}, { status: "approved" }, { ownerId: stranger.id }, { name: "" }, { visibility: "secret" }]) {
      expectError(await callFunction(`organizations/${orgId}`, { token: ownerToken, method: "PATCH", body }), 400, "invalid_request");
    }

    const suspendedOwner = await createUser("orv-edit-suspended");
    const suspendedOrg = await createOrg(`Orv Susp ${owner.id.slice(0, 6)}`, suspendedOwner);
    const oldToken = await suspendedOwner.token;
    await suspend(suspendedOwner);
    expectError(await callFunction(`organizations/${suspendedOrg}`, { token: oldToken, method: "PATCH", body: { name: "Still Mine" } }), 403, "account_not_active");

    const [row] = await testSql()<{ name: string; holder_name: string }[]>`
      select o.name, b.holder_name from public.organizations o join public.organization_bank_details b on b.organization_id = o.id where o.id = ${orgId}`;
    expect(row).toEqual({ name: `Orv Edit ${owner.id.slice(0, 6)}`, holder_name: bank.holderName });
    expect((await orgRow(suspendedOrg))?.name).toBe(`Orv Susp ${owner.id.slice(0, 6)}`);
  });

  it("admins approve or reject with a reason (owner told, audited); the owner resubmits after a rejection", async () => {
    const orgId = await createOrg(`Orv Review ${owner.id.slice(0, 6)}`, owner, { status: "pending" });
    expectError(await callFunction(`organizations/${orgId}/approve`, { token: ownerToken, body: {} }), 403, "forbidden");
    expectError(await callFunction(`organizations/${orgId}/reject`, { token: adminToken, body: {} }), 400, "invalid_request");
    expectError(await callFunction(`organizations/${orgId}/approve`, { token: adminToken, body: { reason: "x" } }), 400, "invalid_request");
    expect((await orgRow(orgId))?.status).toBe("pending");

    const rejected = await callFunction(`organizations/${orgId}/reject`, { token: adminToken, body: { reason: "Looks like an impersonation" } });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: "rejected", decisionReason: "Looks like an impersonation" });
    const [told] = await testSql()<{ n: number }[]>`
      select count(*)::int as n from public.notifications
      where recipient_id = ${owner.id} and kind = 'org_decided' and data ->> 'org_id' = ${orgId} and data ->> 'status' = 'rejected'`;
    expect(told?.n).toBe(1);
    expect((await auditRowsFor(orgId, "organization.reject")).length).toBe(1);
    expectError(await callFunction(`organizations/${orgId}/approve`, { token: adminToken, body: {} }), 409, "organizations_status_transition");

    const resubmitted = await callFunction(`organizations/${orgId}/resubmit`, { token: ownerToken, body: {} });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.status).toBe("pending");
    expectError(await callFunction(`organizations/${orgId}/resubmit`, { token: ownerToken, body: {} }), 409, "organizations_status_transition");

    const approved = await callFunction(`organizations/${orgId}/approve`, { token: adminToken, body: {} });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe("approved");
    expect((await auditRowsFor(orgId, "organization.approve")).length).toBe(1);
  });

  it("the owner or a platform admin soft-deletes; an org admin cannot; deleted organizations disappear", async () => {
    const orgId = await createOrg(`Orv Delete ${owner.id.slice(0, 6)}`, owner);
    const orgAdmin = await createUser("orv-del-orgadmin");
    await testSql()`insert into public.organization_members (org_id, user_id, role, status) values (${orgId}, ${orgAdmin.id}, 'admin', 'active')`;
    expectError(await callFunction(`organizations/${orgId}`, { token: await orgAdmin.token, method: "DELETE" }), 403, "forbidden");
    expect((await orgRow(orgId))?.deleted_at).toBeNull();
    const deleted = await callFunction(`organizations/${orgId}`, { token: ownerToken, method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect((await orgRow(orgId))?.deleted_at).not.toBeNull();
    expect((await auditRowsFor(orgId, "organization.delete")).length).toBe(1);
    expectError(await callFunction(`organizations/${orgId}`, { token: await orgAdmin.token }), 404, "not_found");

    const other = await createOrg(`Orv Delete2 ${owner.id.slice(0, 6)}`, owner);
    expect((await callFunction(`organizations/${other}`, { token: adminToken, method: "DELETE" })).status).toBe(200);
    const [note] = await testSql()<{ n: number }[]>`
      select count(*)::int as n from public.notifications where recipient_id = ${owner.id} and kind = 'org_decided' and data ->> 'org_id' = ${other}`;
    expect(note?.n).toBe(1);
    expectError(await callFunction(`organizations/${other}`, { token: ownerToken, method: "DELETE", body: { hard: true } }), 400, "invalid_request");
  });
});
