// Journey: the admin console — send an announcement by e-mail after a test send to oneself, then
// suspend an abusive account (its token stops working at once) and reactivate it.
import { afterAll, describe, expect, it } from "vitest";
import { closeJourneys, functionError, newUser, ok, testSql, uniqueTag } from "./support.ts";

afterAll(closeJourneys);

describe("admin: broadcast by e-mail with a test send; suspension and reactivation", () => {
  it("the admin checks the e-mail on themselves, sends it, then suspends and reactivates a user", async () => {
    const tag = uniqueTag("adm");
    const aisha = await newUser(`${tag}aisha`, ["student", "admin"]);
    const sam = await newUser(`${tag}sam`);
    const victor = await newUser(`${tag}victor`);
    const audience = { kind: "users", userIds: [sam.id, victor.id] };
    const email = { subject: "Maintenance on Sunday", body: "ATAS is offline on Sunday 02:00–04:00 UTC.\n\nThanks for your patience." };

    // docs/frontend-writes.md § Admin broadcast: the test send reaches only the admin.
    const test = await ok(aisha.client.functions.invoke("admin/broadcasts", { body: { audience, content: "Maintenance on Sunday", email, testSend: true } }));
    expect(test).toEqual({ recipients: 0, emailsQueued: 1, audienceSize: 2, test: true });
    const sent = await ok(aisha.client.functions.invoke("admin/broadcasts", { body: { audience, content: "Maintenance on Sunday", email } }));
    expect(sent).toEqual({ recipients: 2, emailsQueued: 2, audienceSize: 2, test: false });
    const rows = await testSql()<{ recipient_user_id: string }[]>`
      select recipient_user_id from private.email_outbox where template = 'admin_broadcast' and data ->> 'subject' = 'Maintenance on Sunday'
        and recipient_user_id = any(${[aisha.id, sam.id, victor.id]}::uuid[]) order by created_at`;
    expect(rows.map((r) => r.recipient_user_id).sort()).toEqual([aisha.id, sam.id, victor.id].sort());

    // Suspension bites at once: victor's existing token is refused.
    await ok(aisha.client.functions.invoke(`admin/users/${victor.id}/suspend`, { body: { reason: "Spam in comments" } }));
    const { error } = await victor.client.functions.invoke("accounts/onboarding/skip", { body: { step: 0 } });
    expect(await functionError(error)).toMatchObject({ status: 403, code: "account_not_active" });
    const me = await ok(victor.client.functions.invoke("accounts/me", { method: "GET" }));
    expect(me.user.status).toBe("suspended");
    await ok(aisha.client.functions.invoke(`admin/users/${victor.id}/reactivate`, { body: {} }));
    expect(await ok(victor.client.functions.invoke("accounts/onboarding/skip", { body: { step: 0 } }))).toMatchObject({ status: "skipped" });
  });
});
