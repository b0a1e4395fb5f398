// Journey: notifications — someone follows me, I read my unread notifications (data keys in
// snake_case), mark one read, then mark all read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeJourneys, insertStatement, newUser, readStatement, rest, rpcStatement, uniqueTag, updateStatement, type JourneyUser,
} from "./support.ts";

const tag = uniqueTag("nr");
let fan: JourneyUser;
let host: JourneyUser;

beforeAll(async () => {
  fan = await newUser(`${tag}_fan`);
  host = await newUser(`${tag}_host`);
  const { error } = await rest(fan.client,
    fan.client.from("follows").insert({ follower_id: fan.id, followee_id: host.id }),
    insertStatement("follows", { follower_id: "uuid", followee_id: "uuid" }));
  if (error) throw new Error(`follow failed: ${error.message}`);
});
afterAll(closeJourneys);

describe("notifications read", () => {
  it("the followee reads the new_follower notification (snake_case data), marks it read, then all", async () => {
    const supabase = host.client;
    // docs/frontend.md § Notifications
    const unreadQuery = readStatement(
      `/notifications?select=id,kind,type,content,link_url,actor_id,data,created_at&is_read=eq.false&order=created_at.desc&limit=20`,
      `SELECT "public"."notifications"."id", "public"."notifications"."kind", "public"."notifications"."type", "public"."notifications"."content", ` +
      `"public"."notifications"."link_url", "public"."notifications"."actor_id", "public"."notifications"."data", "public"."notifications"."created_at" ` +
      `FROM "public"."notifications" WHERE "public"."notifications"."is_read" = $1 ORDER BY "public"."notifications"."created_at" DESC LIMIT 20 OFFSET 0`,
      [false]);
    const { data: unread, error } = await rest(supabase,
      supabase.from("notifications").select("id, kind, type, content, link_url, actor_id, data, created_at")
        .eq("is_read", false).order("created_at", { ascending: false }).limit(20),
      unreadQuery);
    expect(error).toBeNull();
    const note = unread!.find((n) => n.kind === "new_follower");
    expect(note).toMatchObject({ actor_id: fan.id, data: { follower_id: fan.id } });
    expect(unread!.every((n) => Object.keys(n.data as object).every((k) => /^[a-z0-9_]+$/.test(k)))).toBe(true);

    const { error: markError } = await rest(supabase,
      supabase.from("notifications").update({ is_read: true }).eq("id", note!.id),
      updateStatement(`/notifications?id=eq.${note!.id}`, "notifications", { is_read: "boolean" }, `"public"."notifications"."id" = $2`, [note!.id]));
    expect(markError).toBeNull();

    // another user's token cannot mark it: RLS shows them no such row, so PATCH changes nothing
    const { error: foreignError } = await rest(fan.client,
      fan.client.from("notifications").update({ is_read: false }).eq("id", note!.id),
      updateStatement(`/notifications?id=eq.${note!.id}`, "notifications", { is_read: "boolean" }, `"public"."notifications"."id" = $2`, [note!.id]));
    expect(foreignError).toBeNull();
    const { data: afterOne } = await rest(supabase,
      supabase.from("notifications").select("id, kind, type, content, link_url, actor_id, data, created_at")
        .eq("is_read", false).order("created_at", { ascending: false }).limit(20),
      unreadQuery);
    expect(afterOne!.map((n) => n.id)).not.toContain(note!.id);

    const { data: marked } = await rest(supabase,
      supabase.rpc("mark_all_notifications_read"), rpcStatement("mark_all_notifications_read", {}, { scalar: true }));
    expect(marked).toBe(afterOne!.length);
    const { data: stillUnread } = await rest(supabase,
      supabase.from("notifications").select("id, kind, type, content, link_url, actor_id, data, created_at")
        .eq("is_read", false).order("created_at", { ascending: false }).limit(20),
      unreadQuery);
    expect(stillUnread).toEqual([]);
  });
});
