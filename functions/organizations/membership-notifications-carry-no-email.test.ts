// Issue 14 / rule 7.7: membership notifications tell managers who asked or answered by profile name,
// never by e-mail address (e-mails are never shown to other users). Real HTTP, real tokens.
import { describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import { createOrg, createUser } from "../../tests/support/fixtures.ts";

async function membershipNotes(recipientId: string): Promise<Array<{ content: string; data: unknown }>> {
  return await testSql()<Array<{ content: string; data: unknown }>>`
    select content, data from public.notifications where recipient_id = ${recipientId} and kind = 'org_membership' order by created_at`;
}

describe("organization membership notifications", () => {
  it("name the requester and the invitee by profile name, never by e-mail", async () => {
    const owner = await createUser("mne-owner");
    const asker = await createUser("mne-asker");
    const invitee = await createUser("mne-invitee");
    const orgId = await createOrg(`Mne Org ${owner.id.slice(0, 6)}`, owner);
    await testSql()`update public.profiles set full_name = 'Asha Asker' where user_id = ${asker.id}`;
    await testSql()`update public.profiles set full_name = 'Ivo Invitee' where user_id = ${invitee.id}`;

    expect((await callFunction(`organizations/${orgId}/join-requests`, { token: asker.token, body: {} })).status).toBe(201);
    expect((await callFunction(`organizations/${orgId}/invitations`, { token: owner.token, body: { userId: invitee.id } })).status).toBe(201);
    expect((await callFunction(`organizations/${orgId}/invitation`, { token: invitee.token, body: { accept: true } })).status).toBe(200);

    const notes = await membershipNotes(owner.id);
    expect(notes.map((note) => note.content)).toEqual([
      expect.stringContaining("Asha Asker asks to join"),
      expect.stringContaining("Ivo Invitee accepted the invitation"),
    ]);
    const everything = JSON.stringify(notes);
    expect(everything).not.toContain(asker.email);
    expect(everything).not.toContain(invitee.email);
    expect(everything).not.toMatch(/@atas\.test/);
  });
});
