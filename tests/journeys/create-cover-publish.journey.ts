// Journey: create an event, give it a cover and logo, publish it, share it (.ics), change the
// cover after publishing. Upload is Storage's job (supabase.storage.from("event-covers").upload —
// no Storage server runs here; its policies are tested in pgTAP); the app then stores the PATH and
// every visitor builds the public URL from it with getPublicUrl (no request).
import { afterAll, describe, expect, it } from "vitest";
import { anonymous, closeJourneys, functionError, newUser, ok, readStatement, rest, uniqueTag } from "./support.ts";

afterAll(closeJourneys);

describe("create → cover → publish → share → new cover", () => {
  it("the organizer sets media by storage path; visitors see it; a published event's cover can change", async () => {
    const olga = await newUser(`${uniqueTag("cover")}olga`);
    const start = new Date(Date.now() + 14 * 86_400_000);
    const { event } = await ok(olga.client.functions.invoke("events", {
      body: { description: "Hands-on session for students and engineers.", venuePlaceId: "ChIJ5-rvAcdJzDERfSgcL1uO2fQ", title: "Cloud cost clinic", startDatetime: start.toISOString(), endDatetime: new Date(start.getTime() + 7_200_000).toISOString() },
    }));

    // docs/frontend-writes.md § Event cover and logo
    //   await supabase.storage.from("event-covers").upload(`${event.id}/cover.webp`, file, { upsert: true });
    const coverUrl = `event-covers/${event.id}/cover.webp`;
    const patched = await ok(olga.client.functions.invoke(`events/${event.id}`, {
      method: "PATCH", body: { coverUrl, logoUrl: `event-covers/${event.id}/logo.png` },
    }));
    expect(patched.event).toMatchObject({ coverUrl });

    // An outside URL is refused with the path the contract wants.
    const { error: url } = await olga.client.functions.invoke(`events/${event.id}`, { method: "PATCH", body: { coverUrl: "https://img.example/c.webp" } });
    expect(await functionError(url)).toMatchObject({ status: 400, code: "invalid_request" });

    const published = await ok(olga.client.functions.invoke(`events/${event.id}/publish`, { body: {} }));
    expect(published.event.status).toBe("published");

    // A visitor reads the path and builds the image URL.
    const visitor = anonymous();
    const { data: page } = await rest(visitor,
      visitor.from("events").select("id, title, cover_url, logo_url").eq("id", event.id).single(),
      readStatement(`/events?select=id,title,cover_url,logo_url&id=eq.${event.id}`,
        `SELECT "public"."events"."id", "public"."events"."title", "public"."events"."cover_url", "public"."events"."logo_url" FROM "public"."events" WHERE "public"."events"."id" = $1`,
        [event.id]));
    expect(page).toMatchObject({ cover_url: coverUrl });
    const { data: image } = visitor.storage.from("event-covers").getPublicUrl(page!.cover_url!.replace(/^event-covers\//, ""));
    expect(image.publicUrl).toMatch(new RegExp(`/storage/v1/object/public/event-covers/${event.id}/cover\\.webp$`));

    // Share: the .ics file.
    const ics = await visitor.functions.invoke(`events/${event.id}/calendar.ics`, { method: "GET" });
    expect(ics.error).toBeNull();
    expect(String(ics.data)).toContain("BEGIN:VCALENDAR");

    // Media are not time-locked: a new cover after publishing.
    const changed = await ok(olga.client.functions.invoke(`events/${event.id}`, { method: "PATCH", body: { coverUrl: `event-covers/${event.id}/cover-v2.webp` } }));
    expect(changed.event.coverUrl).toBe(`event-covers/${event.id}/cover-v2.webp`);
  });
});
