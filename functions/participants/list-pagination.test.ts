// GET /participants/events/:id pages with a keyset: `limit` rows, then `nextCursor` → `cursor`.
// Every row appears exactly once, in the one-page order, for the team and for fellow participants.
import { beforeAll, describe, expect, it } from "vitest";
import {
  addParticipant, call, type Cast, createCast, createUser, fixturePrefix, type TestUser,
} from "../../tests/support/fixtures.ts";

const prefix = fixturePrefix("lp");
let cast: Cast;
let audience: TestUser[];

beforeAll(async () => {
  cast = await createCast(prefix);
  audience = await Promise.all([1, 2, 3, 4].map((n) => createUser(`${prefix}aud${n}`)));
  for (const user of audience) await addParticipant(cast.event, user);
  await addParticipant(cast.event, await createUser(`${prefix}wait`), { status: "waitlisted" });
});

async function walk(token: string, limit: number): Promise<{ pages: number; ids: string[] }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const reply = await call(`participants/events/${cast.event.id}?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { token });
    expect(reply.status, `${JSON.stringify(reply.body)} cursor=${cursor ?? ""}`).toBe(200);
    const body = reply.body as unknown as { participants: Array<{ id?: string; userId?: string }>; nextCursor: string | null };
    expect(body.participants.length).toBeLessThanOrEqual(limit);
    ids.push(...body.participants.map((p) => p.id ?? p.userId!));
    cursor = body.nextCursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { pages, ids };
}

describe("participant list pages", () => {
  it("the team walks pages of 2: every row once, in the order of one big page", async () => {
    const whole = await call(`participants/events/${cast.event.id}?limit=200`, { token: cast.organizer.token });
    const all = (whole.body as unknown as { participants: Array<{ id: string }>; nextCursor: string | null });
    expect(all.nextCursor).toBeNull();
    expect(all.participants.length).toBe(9); // organizer, 2 committee, participant, 4 audience, 1 waitlisted
    const walked = await walk(cast.organizer.token, 2);
    expect(walked.ids).toEqual(all.participants.map((p) => p.id));
    expect(walked.pages).toBe(5);
  });

  it("a fellow participant walks the public names the same way", async () => {
    const whole = await call(`participants/events/${cast.event.id}`, { token: cast.participant.token });
    const all = whole.body as unknown as { view: string; participants: Array<{ userId: string }> };
    expect(all.view).toBe("participant");
    const walked = await walk(cast.participant.token, 3);
    expect(walked.ids).toEqual(all.participants.map((p) => p.userId));
    expect(new Set(walked.ids).size).toBe(walked.ids.length);
  });

  it("a limit out of range or a forged cursor is a 400 invalid_request", async () => {
    for (const query of ["limit=0", "limit=201", "cursor=bm90LWEtY3Vyc29y", "cursor=%24%24"]) {
      const reply = await call(`participants/events/${cast.event.id}?${query}`, { token: cast.organizer.token });
      expect(reply.status, query).toBe(400);
      expect((reply.body as unknown as { error: { code: string } }).error.code).toBe("invalid_request");
    }
  });

  it("a cursor is a row id: one that is not in the list is a valid position with nothing after it", async () => {
    const reply = await call(`participants/events/${cast.event.id}?cursor=00000000-0000-4000-8000-000000000000`, { token: cast.organizer.token });
    expect(reply.status).toBe(200);
    expect((reply.body as unknown as { participants: unknown[]; nextCursor: string | null })).toMatchObject({ participants: [], nextCursor: null });
  });
});
