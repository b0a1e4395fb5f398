// Journey: sign-up and onboarding. There is no Auth server here, so the account is created the way
// Supabase Auth creates it — an auth.users row with the sign-up metadata (name and the referral
// code a friend shared), unconfirmed, then email_confirmed_at set when the link is clicked — and
// the app's token is minted through our access-token hook. Then the onboarding screens: save
// progress, skip, come back, complete.
import { afterAll, describe, expect, it } from "vitest";
import { appClient, closeJourneys, functionError, mintToken, ok, readStatement, rest, seededUser, testSql, uniqueTag } from "./support.ts";

afterAll(closeJourneys);

describe("sign-up → confirmation → onboarding (save, skip, resume, complete)", () => {
  it("a referred visitor signs up, confirms, and onboards at their own pace", async () => {
    const tag = uniqueTag("signup");
    const olga = await seededUser("olga");
    const [{ referral_code: code } = { referral_code: "" }] = await testSql()<{ referral_code: string }[]>`
      select referral_code from public.users where id = ${olga.id}`;

    // What supabase.auth.signUp({ email, password, options: { data: { full_name, referral_code } } })
    // makes Auth write (Auth server not available here).
    const [created] = await testSql()<{ id: string }[]>`
      insert into auth.users (instance_id, id, aud, role, email, raw_user_meta_data, is_sso_user, is_anonymous,
        confirmation_token, recovery_token, email_change_token_new, email_change)
      values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', ${`${tag}@atas.test`},
        ${testSql().json({ full_name: "Nadia Rahman", referral_code: code })}, false, false, '', '', '', '')
      returning id`;
    const userId = created!.id;
    // Clicking the confirmation link: Auth sets email_confirmed_at.
    await testSql()`update auth.users set email_confirmed_at = now() where id = ${userId}`;
    await testSql()`insert into auth.identities (id, provider_id, user_id, identity_data, provider, created_at, updated_at)
      values (gen_random_uuid(), ${userId}, ${userId}, ${testSql().json({ sub: userId, email: `${tag}@atas.test` })}, 'email', now(), now())`;
    // The session Auth would return: a token through our access-token hook (found by <tag>@atas.test).
    const supabase = appClient(await mintToken(tag));

    // docs/frontend-writes.md § Sign-up: the account is verified and the referral recorded.
    const { data: me, error } = await rest(supabase,
      supabase.from("users").select("is_verified, referred_by, status").eq("id", userId).single(),
      readStatement(`/users?select=is_verified,referred_by,status&id=eq.${userId}`,
        `SELECT "public"."users"."is_verified", "public"."users"."referred_by", "public"."users"."status" FROM "public"."users" WHERE "public"."users"."id" = $1`,
        [userId]));
    expect(error).toBeNull();
    expect(me).toEqual({ is_verified: true, referred_by: olga.id, status: "active" });

    // docs/frontend-writes.md § Onboarding: save progress on each step.
    const saved = await ok(supabase.functions.invoke("accounts/onboarding/progress", {
      method: "PUT", body: { step: 1, data: { fullName: "Nadia Rahman", intents: ["open_to_speak"] } },
    }));
    expect(saved).toMatchObject({ status: "in_progress", step: 1 });

    // "Skip for now"
    expect(await ok(supabase.functions.invoke("accounts/onboarding/skip", { body: { step: 1 } }))).toMatchObject({ status: "skipped", step: 1 });

    // Back later: the draft is still there.
    const resumed = await ok(supabase.functions.invoke("accounts/onboarding/progress", { method: "PUT", body: { step: 2 } }));
    expect(resumed).toMatchObject({ status: "in_progress", step: 2, data: { fullName: "Nadia Rahman" } });

    const done = await ok(supabase.functions.invoke("accounts/onboarding", {
      body: { profile: { fullName: "Nadia Rahman", intents: ["open_to_speak"] }, role: "student" },
    }));
    expect(done.me.onboarding).toEqual({ status: "completed" });
    expect(done.me.profile).toMatchObject({ isOnboarded: true });

    // Completed is final: the skip button now answers 409 with the database's rule name.
    const { error: again } = await supabase.functions.invoke("accounts/onboarding/skip", { body: { step: 1 } });
    expect(await functionError(again)).toMatchObject({ status: 409, code: "user_onboardings_status_transition" });
  });
});
