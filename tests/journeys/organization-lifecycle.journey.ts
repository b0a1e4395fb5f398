// Journey: an organization's life — created pending, rejected with a reason, edited and
// resubmitted, approved by an admin; a member invited, a join request accepted; ownership handed
// over; the former owner leaves.
import { afterAll, describe, expect, it } from "vitest";
import { closeJourneys, functionError, newUser, ok, uniqueTag } from "./support.ts";

afterAll(closeJourneys);

describe("organization: review, membership, transfer", () => {
  it("goes from pending to approved and changes hands", async () => {
    const tag = uniqueTag("org");
    const grace = await newUser(`${tag}grace`);
    const aisha = await newUser(`${tag}aisha`, ["student", "admin"]);
    const kai = await newUser(`${tag}kai`);
    const nora = await newUser(`${tag}nora`);

    const created = await ok(grace.client.functions.invoke("organizations", { body: { name: `Grab Engineering ${tag}`, type: "company" } }));
    const org = (created.organization ?? created) as { id: string; status: string };
    expect(org.status).toBe("pending");

    await ok(aisha.client.functions.invoke(`organizations/${org.id}/reject`, { body: { reason: "Please add a description and website" } }));
    await ok(grace.client.functions.invoke(`organizations/${org.id}`, {
      method: "PATCH", body: { description: "Engineers of Grab in Kuala Lumpur.", websiteUrl: "https://engineering.grab.example" },
    }));
    await ok(grace.client.functions.invoke(`organizations/${org.id}/resubmit`, { body: {} }));
    const approved = await ok(aisha.client.functions.invoke(`organizations/${org.id}/approve`, { body: {} }));
    expect((approved.organization ?? approved).status).toBe("approved");

    await ok(grace.client.functions.invoke(`organizations/${org.id}/invitations`, { body: { userId: kai.id, role: "admin" } }));
    await ok(kai.client.functions.invoke(`organizations/${org.id}/invitation`, { body: { accept: true } }));
    await ok(nora.client.functions.invoke(`organizations/${org.id}/join-requests`, { body: {} }));
    await ok(grace.client.functions.invoke(`organizations/${org.id}/join-requests/${nora.id}`, { body: { accept: true } }));

    // The owner cannot leave before handing over.
    const { error: mustTransfer } = await grace.client.functions.invoke(`organizations/${org.id}/leave`, { body: {} });
    expect((await functionError(mustTransfer)).status).toBe(409);
    await ok(grace.client.functions.invoke(`organizations/${org.id}/transfer`, { body: { userId: kai.id } }));
    await ok(grace.client.functions.invoke(`organizations/${org.id}/leave`, { body: {} }));

    const members = await ok(kai.client.functions.invoke(`organizations/${org.id}/members`, { method: "GET" }));
    const list = (members.members ?? members.items ?? members) as Array<{ userId: string; role: string }>;
    expect(list.find((m) => m.userId === kai.id)?.role).toBe("owner");
    expect(list.some((m) => m.userId === grace.id)).toBe(false);
    expect(list.find((m) => m.userId === nora.id)?.role).toBe("member");
  });
});
