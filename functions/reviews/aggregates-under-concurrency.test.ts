import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { testSql } from "../../tests/support/harness.ts";
import { addParticipant, createEvent, createUsers, type TestUser } from "../../tests/support/fixtures.ts";

// Two reviews of the same person committed by interleaved transactions on two real connections:
// the second waits for the first's lock on the profile row, then must count both. (Counting in
// the same statement that waits — the data model's first version — kept the first one out.)
let organizer: TestUser;
let speaker: TestUser;
let first: TestUser;
let second: TestUser;
let eventId: string;
const connections: postgres.Sql[] = [];

function connection(): postgres.Sql {
  const sql = postgres(inject("dbUrl"), { max: 1, onnotice: () => {} });
  connections.push(sql);
  return sql;
}

beforeAll(async () => {
  [organizer, speaker, first, second] = await createUsers(["agc-olga", "agc-sam", "agc-ada", "agc-ann"] as const);
  eventId = (await createEvent(organizer, { title: "Concurrent reviews", status: "ended", endedDaysAgo: 1 })).id;
  await addParticipant(eventId, speaker, { role: "speaker", status: "accepted" });
  await addParticipant(eventId, first, { role: "audience", status: "attended" });
  await addParticipant(eventId, second, { role: "audience", status: "attended" });
});

afterAll(async () => {
  await Promise.all(connections.map((sql) => sql.end()));
});

describe("review aggregates under concurrent writes", () => {
  it("count both reviews when the second transaction waited for the first", async () => {
    const a = connection();
    const b = connection();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstInserted!: () => void;
    const firstHasLock = new Promise<void>((resolve) => (firstInserted = resolve));

    const txA = a.begin(async (tx) => {
      await tx`insert into public.reviews (event_id, reviewer_id, reviewee_id, rating) values (${eventId}, ${first.id}, ${speaker.id}, 5)`;
      firstInserted();
      await firstMayCommit; // holds the profile row lock taken by the aggregate trigger
    });
    await firstHasLock;
    const txB = b.begin(async (tx) => {
      await tx`insert into public.reviews (event_id, reviewer_id, reviewee_id, rating) values (${eventId}, ${second.id}, ${speaker.id}, 1)`;
    });
    // given: B is blocked on A's lock (it cannot finish while A is open)
    const settledEarly = await Promise.race([txB.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 300))]);
    expect(settledEarly).toBe(false);
    releaseFirst();
    await txA;
    await txB;

    const [profile] = await testSql()`select reviews_count, average_rating from public.profiles where user_id = ${speaker.id}`;
    expect(profile).toEqual({ reviews_count: 2, average_rating: "3.00" });
    const [event] = await testSql()`select reviews_count, average_rating from public.events where id = ${eventId}`;
    expect(event).toEqual({ reviews_count: 2, average_rating: "3.00" });
  });
});
