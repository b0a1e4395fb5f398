// Issue 14: an event belongs only to an approved, live organization. The owner of a pending or
// rejected organization passes the function's manager check; the database refuses
// the attachment and the function translates it: 409 events_organization_is_approved, no row.
import { beforeAll, describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import { createUser, expectError, type TestUser } from "../../tests/support/fixtures.ts";

let owner: TestUser;
const orgs: Record<string, string> = {};

async function eventsOf(user: TestUser): Promise<number> {
  const [row] = await testSql()`select count(*)::int as n from public.events where organizer_id = ${user.id}`;
  return row!.n as number;
}

beforeAll(async () => {
  owner = await createUser("eao-owner");
  for (const status of ["approved", "pending", "rejected", "deleted"] as const) {
    const [org] = await testSql()`
      select tests.create_org(${`eao-${status}-${owner.handle}`}, ${owner.handle},
                              ${status === "deleted" ? "approved" : status}::public.organization_status) as id`;
    orgs[status] = org!.id as string;
  }
  await testSql()`update public.organizations set deleted_at = now() where id = ${orgs.deleted!}`;
});

describe("events of organizations", () => {
  for (const status of ["pending", "rejected"] as const) {
    it(`refuses a draft for a ${status} organization of which the caller is owner (409 events_organization_is_approved)`, async () => {
      const before = await eventsOf(owner);
      const reply = await callFunction("events", { token: owner.token, body: { title: `Meetup ${status}`, organizationId: orgs[status] } });
      expectError(reply, 409, "events_organization_is_approved");
      expect(reply.body.error.message).toMatch(/only approved organizations hold events/);
      expect(await eventsOf(owner)).toBe(before);
    });
  }

  it("refuses a deleted organization's owner before that (403: no longer its manager), adding no row", async () => {
    const before = await eventsOf(owner);
    expectError(await callFunction("events", { token: owner.token, body: { title: "Meetup gone", organizationId: orgs.deleted } }), 403, "forbidden");
    expect(await eventsOf(owner)).toBe(before);
  });

  it("accepts the approved organization's draft", async () => {
    const reply = await callFunction("events", { token: owner.token, body: { title: "Meetup ok", organizationId: orgs.approved } });
    expect(reply.status).toBe(201);
  });
});
