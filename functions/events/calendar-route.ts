// GET /events/:id/calendar.ics: anyone who can see the event (the anon key is enough for public
// published events) gets an iCalendar file. Hidden events answer 404, as everywhere.
import type { Caller } from "../_shared/auth.ts";
import { inCallerTransaction, type Sql } from "../_shared/database.ts";
import { readEnv } from "../_shared/env.ts";
import { invalidTransition, loadVisibleEvent } from "../_shared/event-access.ts";
import { corsHeaders } from "../_shared/http.ts";
import { buildCalendarFile } from "./calendar-file.ts";

export async function calendarResponse(sql: Sql, caller: Caller | null, eventId: string, now: Date): Promise<Response> {
  const event = await inCallerTransaction(sql, caller, (t) => loadVisibleEvent(t, eventId));
  if (!event.start_datetime || !event.end_datetime) {
    throw invalidTransition(`Cannot make a calendar file for event "${event.title}": it has no schedule yet`);
  }
  const siteUrl = (readEnv("SITE_URL") ?? "http://127.0.0.1:3000").replace(/\/$/, "");
  const location = event.venue_remark ?? event.venue_place_id ?? (event.type === "online" ? "Online" : null);
  const body = buildCalendarFile({
    id: event.id,
    title: event.title,
    description: event.description,
    startsAt: event.start_datetime,
    endsAt: event.end_datetime,
    location,
    url: `${siteUrl}/events/${event.id}`,
    status: event.status,
    cancelReason: event.cancel_reason,
    createdAt: event.created_at,
    updatedAt: event.updated_at,
  }, now);
  return new Response(body, {
    status: 200,
    headers: {
      ...corsHeaders,
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="event-${event.id}.ics"`,
      "cache-control": "private, max-age=60",
    },
  });
}
