import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, callFunction, signClaims } from "../../tests/support/harness.ts";
import { addParticipant, createEvent, createUsers, type TestUser, reviewRows } from "../../tests/support/fixtures.ts";

// Real Deno gateway + throwaway database. Every bad request answers 4xx in our error shape (or the
// gateway's, before the function runs) and writes nothing.
interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

let organizer: TestUser;
let attendee: TestUser;
let eventId: string;
let reviewId: string;

function post(body: unknown, options: { token?: string | null; rawBody?: string } = {}) {
  return callFunction<ErrorBody>("reviews", {
    method: "POST",
    token: options.token === undefined ? attendee.token : options.token,
    ...(options.rawBody === undefined ? { body } : { rawBody: options.rawBody }),
  });
}

const valid = () => ({ target: "person", eventId, revieweeId: organizer.id, rating: 4 });

beforeAll(async () => {
  [organizer, attendee] = await createUsers(["bad-olga", "bad-ada"] as const);
  eventId = (await createEvent(organizer, { title: "Bad input", status: "ended", endedDaysAgo: 1 })).id;
  await addParticipant(eventId, attendee, { role: "audience", status: "attended" });
  // One real review to aim PATCH/DELETE at (written last, in the final describe block).
});

describe("reviews: authentication", () => {
  it("the gateway refuses a missing or forged token before the function runs", async () => {
    const missing = await post(valid(), { token: null });
    expect(missing.status).toBe(401);
    const forged = await post(valid(), { token: await signClaims({ sub: attendee.id, role: "authenticated" }, "wrong-secret-wrong-secret-wrong-secret!!") });
    expect(forged.status).toBe(401);
    const expired = await post(valid(), {
      token: await signClaims({ sub: attendee.id, role: "authenticated", exp: Math.floor(Date.now() / 1000) - 60 }),
    });
    expect(expired.status).toBe(401);
  });

  it("the anon key is not a user: 401 unauthenticated in our shape", async () => {
    const reply = await post(valid(), { token: ANON_KEY });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe("unauthenticated");
  });
});

describe("reviews: malformed bodies and parameters", () => {
  const cases: Array<[string, unknown, string]> = [
    ["an array body", [{ target: "person", rating: 4 }], ""],
    ["no target", { eventId: "x", rating: 4 }, "target"],
    ["an unknown target", { target: "event", eventId: "x", rating: 4 }, "target"],
    ["a person review without revieweeId", { target: "person", rating: 4, eventId: "00000000-0000-4000-8000-000000000001" }, "revieweeId"],
    ["eventId not a UUID", { target: "person", eventId: "rust-101", revieweeId: "00000000-0000-4000-8000-000000000001", rating: 4 }, "eventId"],
    ["a fractional rating", { target: "person", eventId: "00000000-0000-4000-8000-000000000001", revieweeId: "00000000-0000-4000-8000-000000000002", rating: 4.5 }, "rating"],
    ["a rating as a string", { target: "person", eventId: "00000000-0000-4000-8000-000000000001", revieweeId: "00000000-0000-4000-8000-000000000002", rating: "5" }, "rating"],
    ["rating 0", { target: "person", eventId: "00000000-0000-4000-8000-000000000001", revieweeId: "00000000-0000-4000-8000-000000000002", rating: 0 }, "rating"],
    ["rating 6", { target: "person", eventId: "00000000-0000-4000-8000-000000000001", revieweeId: "00000000-0000-4000-8000-000000000002", rating: 6 }, "rating"],
    ["a 2001-character comment", { target: "person", eventId: "00000000-0000-4000-8000-000000000001", revieweeId: "00000000-0000-4000-8000-000000000002", rating: 5, comment: "x".repeat(2001) }, "comment"],
    ["a smuggled reviewerId", { target: "person", eventId: "00000000-0000-4000-8000-000000000001", revieweeId: "00000000-0000-4000-8000-000000000002", rating: 5, reviewerId: "00000000-0000-4000-8000-000000000003" }, ""],
    ["an organization review with an eventId", { target: "organization", organizationId: "00000000-0000-4000-8000-000000000001", eventId: "00000000-0000-4000-8000-000000000002", rating: 5 }, ""],
  ];

  for (const [name, body, path] of cases) {
    it(`POST answers 400 invalid_request for ${name}`, async () => {
      const reply = await post(body);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe("invalid_request");
      expect(reply.body.error.message).toBe("The request body or parameters are invalid");
      if (path) expect(reply.body.error.details?.map((d) => d.path)).toContain(path);
    });
  }

  it("POST answers 400 invalid_json for a body that is not JSON", async () => {
    const reply = await post(null, { rawBody: '{"target": "person",' });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toEqual({ code: "invalid_json", message: "Request body is not valid JSON" });
  });

  it("POST answers 413 for a body over 64 KiB", async () => {
    const reply = await post({ ...valid(), comment: "x".repeat(70_000) });
    expect(reply.status).toBe(413);
    expect(reply.body.error.code).toBe("payload_too_large");
  });

  it("unknown routes and methods answer 404 and 405 in our shape", async () => {
    const get = await callFunction<ErrorBody>("reviews", { token: attendee.token });
    expect(get.status).toBe(405);
    expect(get.body.error.code).toBe("method_not_allowed");
    const deep = await callFunction<ErrorBody>("reviews/a/b", { token: attendee.token });
    expect(deep.status).toBe(404);
    expect(deep.body.error.code).toBe("not_found");
  });

  it("none of the above wrote a review", async () => {
    expect(await reviewRows({ eventId })).toEqual([]);
  });
});

describe("reviews: malformed edits", () => {
  beforeAll(async () => {
    const created = await callFunction<{ review: { id: string } }>("reviews", { method: "POST", token: attendee.token, body: valid() });
    expect(created.status).toBe(201);
    reviewId = created.body.review.id;
  });

  it("PATCH answers 400 for a review id that is not a UUID", async () => {
    const reply = await callFunction<ErrorBody>("reviews/not-a-uuid", { method: "PATCH", token: attendee.token, body: { rating: 3 } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("invalid_request");
  });

  it("PATCH answers 400 for an empty change, an unknown field or a bad rating", async () => {
    for (const body of [{}, { rating: 3, eventId }, { rating: 9 }, { comment: 42 }]) {
      const reply = await callFunction<ErrorBody>(`reviews/${reviewId}`, { method: "PATCH", token: attendee.token, body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.code).toBe("invalid_request");
    }
    const empty = await callFunction<ErrorBody>(`reviews/${reviewId}`, { method: "PATCH", token: attendee.token, body: {} });
    expect(empty.body.error.details?.[0]?.message).toBe("Send rating or comment (or both) to edit a review");
  });

  it("PATCH and DELETE of an unknown review answer 404", async () => {
    const unknown = "00000000-0000-4000-8000-0000000000ff";
    expect((await callFunction(`reviews/${unknown}`, { method: "PATCH", token: attendee.token, body: { rating: 2 } })).status).toBe(404);
    expect((await callFunction(`reviews/${unknown}`, { method: "DELETE", token: attendee.token })).status).toBe(404);
  });

  it("the review is unchanged", async () => {
    const rows = await reviewRows({ eventId });
    expect(rows.map((r) => ({ rating: r.rating, deleted: r.deleted_at !== null }))).toEqual([{ rating: 4, deleted: false }]);
  });
});
