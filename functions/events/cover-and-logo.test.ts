// Issue 15: cover and logo are Storage paths `event-covers/<event id>/<file>` in the contract as in
// the database (before, the contract wanted an https URL the database refused, so no cover could
// ever be set). Flow: create the draft → upload into its folder → PATCH the path; a published,
// even started, event may change its media.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import { createEvent, createUser, expectError, moveEventStart, type TestUser } from "../../tests/support/fixtures.ts";

const tag = randomBytes(3).toString("hex");
let olga: TestUser;

beforeAll(async () => {
  olga = await createUser(`cv-olga-${tag}`);
});

async function media(id: string) {
  const [row] = await testSql()<{ cover_url: string | null; logo_url: string | null }[]>`select cover_url, logo_url from public.events where id = ${id}`;
  return row;
}

describe("event cover and logo paths", () => {
  it("stores paths in the event's own folder, also on a published event that has started", async () => {
    const { id } = await createEvent(olga);
    await moveEventStart(id, 10);
    const body = { coverUrl: `event-covers/${id}/cover.webp`, logoUrl: `event-covers/${id}/logo.png` };
    const reply = await callFunction(`events/${id}`, { method: "PATCH", token: olga.token, body });
    expect(reply.status).toBe(200);
    expect(reply.body.event).toMatchObject(body);
    expect(await media(id)).toEqual({ cover_url: body.coverUrl, logo_url: body.logoUrl });
    const cleared = await callFunction(`events/${id}`, { method: "PATCH", token: olga.token, body: { logoUrl: null } });
    expect(cleared.body.event.logoUrl).toBeNull();
  });

  it("refuses URLs, another event's folder and media at creation (400), changing nothing", async () => {
    const { id } = await createEvent(olga, { status: "draft" });
    const other = await createEvent(olga, { status: "draft" });
    for (const coverUrl of ["https://img.example/cover.webp", `event-covers/${other}/cover.webp`, `avatars/${olga.id}/cover.webp`, `event-covers/${id}/../x.png`]) {
      expectError(await callFunction(`events/${id}`, { method: "PATCH", token: olga.token, body: { coverUrl } }), 400, "invalid_request");
    }
    expect(await media(id)).toEqual({ cover_url: null, logo_url: null });
    expectError(await callFunction("events", { token: olga.token, body: { title: "With cover", coverUrl: `event-covers/${id}/c.png` } }), 400, "invalid_request");
  });
});
