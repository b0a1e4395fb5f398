// Journey: follow a person, see their upcoming event in the feed; unfollow empties it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeJourneys, deleteStatement, insertStatement, newUser, ok, readStatement, rest, rpcStatement, uniqueTag, type JourneyUser,
} from "./support.ts";

const tag = uniqueTag("ff");
let fan: JourneyUser;
let host: JourneyUser;
let eventId: string;

beforeAll(async () => {
  fan = await newUser(`${tag}_fan`);
  host = await newUser(`${tag}_host`);
  // The host creates and publishes an event through the events function, as the app does.
  const start = new Date(Date.now() + 20 * 86_400_000);
  const { event } = await ok(host.client.functions.invoke("events", {
    method: "POST",
    body: {
      title: `${tag} Rust meetup`, description: "Ownership, borrowing, async", format: "workshop", type: "online", visibility: "public",
      startDatetime: start.toISOString(), endDatetime: new Date(start.getTime() + 7_200_000).toISOString(), timezone: "Asia/Kuala_Lumpur",
    },
  })) as { event: { id: string } };
  eventId = event.id;
  await ok(host.client.functions.invoke(`events/${eventId}/publish`, { method: "POST", body: {} }));
});
afterAll(closeJourneys);

const MY_FEED = rpcStatement("my_feed", { page_size: "integer" });
const followsWhere = `"public"."follows"."follower_id" = $1 AND "public"."follows"."followee_id" = $2`;

describe("follow and feed", () => {
  it("a follow puts the followee's upcoming event in the feed with its reason; unfollow removes it", async () => {
    const supabase = fan.client;
    // docs/frontend.md § Follow
    const { error: followError, status } = await rest(supabase,
      supabase.from("follows").insert({ follower_id: fan.id, followee_id: host.id }),
      insertStatement("follows", { follower_id: "uuid", followee_id: "uuid" }));
    expect(followError).toBeNull();
    expect(status).toBe(201);

    // following twice is a conflict PostgREST reports as 409 with the constraint's code
    const { error: twice } = await rest(supabase,
      supabase.from("follows").insert({ follower_id: fan.id, followee_id: host.id }),
      insertStatement("follows", { follower_id: "uuid", followee_id: "uuid" }));
    expect(twice?.code).toBe("23505");

    // docs/frontend.md § Feed
    const { data: feed, error } = await rest(supabase, supabase.rpc("my_feed", { page_size: 20 }), MY_FEED);
    expect(error).toBeNull();
    expect(feed!.find((e) => e.id === eventId)).toMatchObject({ title: `${tag} Rust meetup`, reasons: ["followed_person"] });

    const { data: following } = await rest(supabase,
      supabase.from("follows").select("followee_id, org_id, created_at").eq("follower_id", fan.id),
      readStatement(`/follows?select=followee_id,org_id,created_at&follower_id=eq.${fan.id}`,
        `SELECT "public"."follows"."followee_id", "public"."follows"."org_id", "public"."follows"."created_at" FROM "public"."follows" ` +
        `WHERE "public"."follows"."follower_id" = $1`, [fan.id]));
    expect(following!.map((f) => f.followee_id)).toEqual([host.id]);

    const { error: unfollowError, status: unfollowStatus } = await rest(supabase,
      supabase.from("follows").delete().eq("follower_id", fan.id).eq("followee_id", host.id),
      deleteStatement(`/follows?follower_id=eq.${fan.id}&followee_id=eq.${host.id}`, "follows", followsWhere, [fan.id, host.id]));
    expect(unfollowError).toBeNull();
    expect(unfollowStatus).toBe(204);
    const { data: after } = await rest(supabase, supabase.rpc("my_feed", { page_size: 20 }), MY_FEED);
    expect(after!.some((e) => e.id === eventId)).toBe(false);
  });
});
