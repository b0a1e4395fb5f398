// Journey: discovery as an anonymous visitor — search events, open the event page (with its
// organization), add it to a calendar (.ics).
import { afterAll, describe, expect, it } from "vitest";
import { anonymous, closeJourneys, readStatement, rest, rpcStatement, testSql } from "./support.ts";

afterAll(closeJourneys);

describe("discovery: search → event page → calendar", () => {
  it("an anonymous visitor finds a published public event, reads its page and downloads its .ics", async () => {
    const supabase = anonymous();

    // docs/frontend.md § Discovery
    const { data: page, error } = await rest(supabase,
      supabase.rpc("search_events", { query: "cloud native", page_size: 20 }),
      rpcStatement("search_events", { query: "text", page_size: "integer" }));
    expect(error).toBeNull();
    const hit = page!.find((e) => e.title === "Cloud Native Workshop");
    expect(hit, "the seeded published public event is found by its title").toBeDefined();
    expect(page!.every((e) => e.rank !== null && e.cursor)).toBe(true);

    // docs/frontend.md § Event page
    const eventId = hit!.id!;
    const { data: event, error: eventError } = await rest(supabase,
      supabase.from("events")
        .select("id, title, description, start_datetime, end_datetime, timezone, status, registration_status, participant_count, max_participant, organization:organizations(id, name, logo_url)")
        .eq("id", eventId).single(),
      readStatement(
        `/events?select=id,title,description,start_datetime,end_datetime,timezone,status,registration_status,participant_count,max_participant,organization:organizations(id,name,logo_url)&id=eq.${eventId}`,
        `SELECT "public"."events"."id", "public"."events"."title", "public"."events"."description", "public"."events"."start_datetime", ` +
        `"public"."events"."end_datetime", "public"."events"."timezone", "public"."events"."status", "public"."events"."registration_status", ` +
        `"public"."events"."participant_count", "public"."events"."max_participant", row_to_json("events_organization_1".*)::jsonb AS "organization" ` +
        `FROM "public"."events" LEFT JOIN LATERAL ( SELECT "organizations_1"."id", "organizations_1"."name", "organizations_1"."logo_url" ` +
        `FROM "public"."organizations" AS "organizations_1" WHERE "organizations_1"."id" = "public"."events"."organization_id" LIMIT 1 OFFSET 0 ) ` +
        `AS "events_organization_1" ON TRUE WHERE "public"."events"."id" = $1`,
        [eventId]));
    expect(eventError).toBeNull();
    expect(event).toMatchObject({ id: eventId, title: "Cloud Native Workshop", status: "published" });
    expect(event!.organization).toMatchObject({ name: "APU Tech Club" });

    // A draft is not there for the visitor: PostgREST answers 406 PGRST116 to .single().
    const [draft] = await testSql()<{ id: string }[]>`select id from public.events where title = 'Intro to Rust'`;
    const { data: hidden, error: hiddenError } = await rest(supabase,
      supabase.from("events").select("id, title").eq("id", draft!.id).single(),
      readStatement(`/events?select=id,title&id=eq.${draft!.id}`,
        `SELECT "public"."events"."id", "public"."events"."title" FROM "public"."events" WHERE "public"."events"."id" = $1`, [draft!.id]));
    expect(hidden).toBeNull();
    expect(hiddenError?.code).toBe("PGRST116");

    // docs/frontend.md § Event page: line-up (speakers, sponsors with visible profiles)
    const { data: lineup, error: lineupError } = await rest(supabase,
      supabase.rpc("event_lineup", { event_id: eventId }),
      rpcStatement("event_lineup", { event_id: "uuid" }));
    expect(lineupError).toBeNull();
    expect(lineup).toEqual([expect.objectContaining({ participant_role: "speaker", full_name: "Maya Chen", badges: ["expert"], promo_link: null })]);

    // docs/frontend.md § Event page: add to calendar
    const { data: ics, error: icsError } = await supabase.functions.invoke(`events/${eventId}/calendar.ics`, { method: "GET" });
    expect(icsError).toBeNull();
    expect(String(ics)).toContain("BEGIN:VCALENDAR");
    expect(String(ics)).toContain("SUMMARY:Cloud Native Workshop");
  });

  it("filters: price, category, past events, date range; bad filters answer 400", async () => {
    const supabase = anonymous();
    // docs/frontend.md § Discovery (filters)
    const { data: paid, error } = await rest(supabase,
      supabase.rpc("search_events", { price: "paid", page_size: 100 }),
      rpcStatement("search_events", { price: "public.event_registration_type", page_size: "integer" }));
    expect(error).toBeNull();
    expect(paid!.length).toBeGreaterThan(0);
    expect(paid!.every((e) => e.registration_type === "paid")).toBe(true);
    expect(paid!.some((e) => e.title === "Design Sprint Bootcamp")).toBe(true);

    const { data: past } = await rest(supabase,
      supabase.rpc("search_events", { query: "career fair", include_past: true, starts_before: new Date().toISOString() }),
      rpcStatement("search_events", { query: "text", include_past: "boolean", starts_before: "timestamptz" }));
    expect(past!.map((e) => e.title)).toContain("Career Fair 2026");
    const { data: upcomingOnly } = await rest(supabase,
      supabase.rpc("search_events", { query: "career fair" }),
      rpcStatement("search_events", { query: "text" }));
    expect(upcomingOnly!.map((e) => e.title)).not.toContain("Career Fair 2026");

    const [category] = await testSql()<{ id: string; name: string }[]>`
      select c.id, c.name from public.categories c join public.event_categories ec on ec.category_id = c.id
      join public.events e on e.id = ec.event_id where e.title = 'Cloud Native Workshop' order by c.name limit 1`;
    const { data: inCategory } = await rest(supabase,
      supabase.rpc("search_events", { category_id: category!.id }),
      rpcStatement("search_events", { category_id: "uuid" }));
    expect(inCategory!.length).toBeGreaterThan(0);
    expect(inCategory!.every((e) => (e.tags ?? []).includes(category!.name))).toBe(true);

    const { error: badRange, status } = await rest(supabase,
      supabase.rpc("search_events", { starts_after: "2027-01-02T00:00:00Z", starts_before: "2027-01-01T00:00:00Z" }),
      rpcStatement("search_events", { starts_after: "timestamptz", starts_before: "timestamptz" }));
    expect(status).toBe(400);
    expect(badRange).toMatchObject({ code: "22023", message: "starts_after must be before starts_before" });
  });
});
