// Journey: the invitation and application screens. The organizer invites a committee member
// (who accepts), an approved sponsor applies (the organizer accepts), an invited speaker never
// answers: once the event starts the hourly expire_invitations job closes the invitation and
// tells them.
import { afterAll, describe, expect, it } from "vitest";
import { closeJourneys, functionError, newUser, ok, testSql, uniqueTag } from "./support.ts";

afterAll(closeJourneys);

describe("invitation → answer; application → decision; unanswered invitation expires", () => {
  it("each pending row ends accepted, or rejected by the job with a notification", async () => {
    const tag = uniqueTag("inv");
    const olga = await newUser(`${tag}olga`);
    const kai = await newUser(`${tag}kai`);
    const grace = await newUser(`${tag}grace`, ["sponsor"]);
    const teo = await newUser(`${tag}teo`);
    const start = new Date(Date.now() + 6 * 86_400_000);
    const { event } = await ok(olga.client.functions.invoke("events", {
      body: { description: "Panel on AI in education.", venuePlaceId: "ChIJ5-rvAcdJzDERfSgcL1uO2fQ", title: "AI ethics panel",
              startDatetime: start.toISOString(), endDatetime: new Date(start.getTime() + 7_200_000).toISOString() },
    }));
    await ok(olga.client.functions.invoke(`events/${event.id}/publish`, { body: {} }));

    const invited = await ok(olga.client.functions.invoke(`participants/events/${event.id}/invitations`, { body: { userId: kai.id, role: "committee", message: "Help us run it?" } }));
    expect(invited).toMatchObject({ status: "pending", joinMethod: "invited", role: "committee" });
    expect(await ok(kai.client.functions.invoke(`participants/events/${event.id}/invitation/answer`, { body: { answer: "accept" } })))
      .toMatchObject({ status: "accepted" });

    const applied = await ok(grace.client.functions.invoke(`participants/events/${event.id}/applications`, { body: { role: "sponsor", message: "We'd sponsor snacks" } }));
    expect(applied).toMatchObject({ status: "pending", joinMethod: "applied" });
    const { error: notOrganizer } = await kai.client.functions.invoke(`participants/${applied.id}/application/decision`, { body: { decision: "accept" } });
    expect(await functionError(notOrganizer)).toMatchObject({ status: 403 });
    expect(await ok(olga.client.functions.invoke(`participants/${applied.id}/application/decision`, { body: { decision: "accept" } })))
      .toMatchObject({ status: "accepted" });

    const unanswered = await ok(olga.client.functions.invoke(`participants/events/${event.id}/invitations`, { body: { userId: teo.id, role: "speaker" } }));
    // The clock moves past the start; the hourly job runs as pg_cron runs it (now()). Only events
    // already under way are touched, so journeys running alongside keep their invitations.
    await testSql()`update public.events set start_datetime = now() - interval '5 minutes', end_datetime = now() + interval '115 minutes' where id = ${event.id}`;
    const [{ expired } = { expired: 0 }] = await testSql()<{ expired: number }[]>`select private.job_expire_invitations(now()) as expired`;
    expect(expired).toBeGreaterThanOrEqual(1);
    const [row] = await testSql()<{ status: string }[]>`select status::text from public.event_participants where id = ${unanswered.id}`;
    expect(row!.status).toBe("rejected");
    const notes = await testSql()<{ kind: string }[]>`
      select kind::text from public.notifications where recipient_id = ${teo.id} and data ->> 'reason' = 'expired'`;
    expect(notes).toEqual([{ kind: "participation_decided" }]);
    // The team's rows are untouched by the job.
    const [team] = await testSql()<{ n: number }[]>`
      select count(*)::int as n from public.event_participants where event_id = ${event.id} and status = 'accepted' and user_id in (${kai.id}, ${grace.id})`;
    expect(team!.n).toBe(2);
  });
});
