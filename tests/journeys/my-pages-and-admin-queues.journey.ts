// Journey: the personal pages — my registrations (register through the function, then read my own
// participation rows), my organized events (drafts included), and the admin's moderation queues.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeJourneys, functionError, newUser, ok, readStatement, rest, seededUser, testSql, uniqueTag, type JourneyUser,
} from "./support.ts";

const tag = uniqueTag("mp");
let student: JourneyUser;
let organizer: JourneyUser;
let applicant: JourneyUser;
let openEvent: string;
let draftEvent: string;

beforeAll(async () => {
  student = await newUser(`${tag}_student`);
  organizer = await newUser(`${tag}_organizer`);
  applicant = await newUser(`${tag}_applicant`);
  const sql = testSql();
  openEvent = (await sql<{ id: string }[]>`select tests.create_event(${`${tag}open`}, organizer => ${organizer.handle}, starts_in => '12 days') as id`)[0]!.id;
  draftEvent = (await sql<{ id: string }[]>`select tests.create_event(${`${tag}draft`}, organizer => ${organizer.handle}, status => 'draft', starts_in => '40 days') as id`)[0]!.id;
  await sql`select tests.set_role(${applicant.handle}, 'expert', 'pending')`;
  await sql`select tests.create_org(${`${tag} Pending Org`}, owner => ${organizer.handle}, status => 'pending')`;
});
afterAll(closeJourneys);

describe("my registrations, my organized events, admin queues", () => {
  it("a student registers and finds the event on their registrations page", async () => {
    const supabase = student.client;
    // docs/frontend.md § Event page: register
    const { registration, created } = await ok(supabase.functions.invoke("registrations", { body: { eventId: openEvent } })) as {
      registration: { status: string }; created: boolean;
    };
    expect([registration.status, created]).toEqual(["accepted", true]);

    // docs/frontend.md § My registrations
    const { data: mine, error } = await rest(supabase,
      supabase.from("event_participants")
        .select("event_id, role, status, waitlist_position, event:events(id, title, start_datetime, status)")
        .eq("user_id", student.id).in("status", ["pending", "accepted", "waitlisted"])
        .order("created_at", { ascending: false }),
      readStatement(
        `/event_participants?select=event_id,role,status,waitlist_position,event:events(id,title,start_datetime,status)&user_id=eq.${student.id}&status=in.(pending,accepted,waitlisted)&order=created_at.desc`,
        `SELECT "public"."event_participants"."event_id", "public"."event_participants"."role", "public"."event_participants"."status", ` +
        `"public"."event_participants"."waitlist_position", row_to_json("event_participants_event_1".*)::jsonb AS "event" ` +
        `FROM "public"."event_participants" LEFT JOIN LATERAL ( SELECT "events_1"."id", "events_1"."title", "events_1"."start_datetime", "events_1"."status" ` +
        `FROM "public"."events" AS "events_1" WHERE "events_1"."id" = "public"."event_participants"."event_id" LIMIT 1 OFFSET 0 ) AS "event_participants_event_1" ON TRUE ` +
        `WHERE "public"."event_participants"."user_id" = $1 AND "public"."event_participants"."status" = ANY ($2::text::public.event_participant_status[]) ` +
        `ORDER BY "public"."event_participants"."created_at" DESC`,
        [student.id, "{pending,accepted,waitlisted}"]));
    expect(error).toBeNull();
    expect(mine).toEqual([{ event_id: openEvent, role: "audience", status: "accepted", waitlist_position: null,
      event: expect.objectContaining({ id: openEvent, title: `${tag}open`, status: "published" }) }]);

    // the per-event status the event page shows (the registrations function)
    const mineHere = await ok(supabase.functions.invoke(`registrations/${openEvent}`, { method: "GET" })) as { registration: { status: string } | null };
    expect(mineHere.registration?.status).toBe("accepted");
  });

  it("an organizer lists their own events, drafts included; another user does not see the draft", async () => {
    const organized = (client: JourneyUser) => rest(client.client,
      client.client.from("events").select("id, title, status, start_datetime, participant_count")
        .eq("organizer_id", organizer.id).order("start_datetime", { ascending: true }),
      readStatement(`/events?select=id,title,status,start_datetime,participant_count&organizer_id=eq.${organizer.id}&order=start_datetime.asc`,
        `SELECT "public"."events"."id", "public"."events"."title", "public"."events"."status", "public"."events"."start_datetime", ` +
        `"public"."events"."participant_count" FROM "public"."events" WHERE "public"."events"."organizer_id" = $1 ` +
        `ORDER BY "public"."events"."start_datetime" ASC`,
        [organizer.id]));
    // docs/frontend.md § My organized events
    const { data: own } = await organized(organizer);
    expect(own!.map((e) => [e.id, e.status, e.participant_count])).toEqual([[openEvent, "published", 1], [draftEvent, "draft", 0]]);
    const { data: seenByStudent } = await organized(student);
    expect(seenByStudent!.map((e) => e.id)).toEqual([openEvent]);

    // docs/frontend.md § Participant list (team view, keyset pages)
    const first = await ok(organizer.client.functions.invoke(`participants/events/${openEvent}?limit=1`, { method: "GET" })) as {
      view: string; participants: Array<{ id: string; role: string }>; nextCursor: string | null;
    };
    expect(first.view).toBe("team");
    expect(first.participants.map((p) => p.role)).toEqual(["organizer"]);
    const second = await ok(organizer.client.functions.invoke(
      `participants/events/${openEvent}?limit=1&cursor=${first.nextCursor}`, { method: "GET" })) as typeof first;
    expect(second.participants.map((p) => p.role)).toEqual(["audience"]);
    expect(second.nextCursor).toBeNull();
    const { error: badCursor } = await organizer.client.functions.invoke(`participants/events/${openEvent}?cursor=forged`, { method: "GET" });
    expect(await functionError(badCursor)).toMatchObject({ status: 400, code: "invalid_request" });
  });

  it("the admin reads the role-request and pending-organization queues; a student is refused", async () => {
    const admin = await seededUser("aisha");
    // docs/frontend.md § Admin queues
    const requests = await ok(admin.client.functions.invoke("admin/role-requests?role=expert&limit=100", { method: "GET" })) as {
      items: Array<{ user_id?: string; userId?: string; role: string }>;
    };
    expect(requests.items.some((r) => (r.userId ?? r.user_id) === applicant.id && r.role === "expert")).toBe(true);
    const orgs = await ok(admin.client.functions.invoke("admin/organizations/pending?limit=100", { method: "GET" })) as {
      items: Array<{ name: string }>;
    };
    expect(orgs.items.some((o) => o.name === `${tag} Pending Org`)).toBe(true);

    const { error } = await student.client.functions.invoke("admin/role-requests", { method: "GET" });
    expect(await functionError(error)).toMatchObject({ status: 403, code: "forbidden" });
  });
});
