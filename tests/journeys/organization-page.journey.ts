// Journey: organization page — search organizations, open one (member count, followers), list its
// events, follow it. Pending organizations are not found; member counts follow joins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymous, closeJourneys, insertStatement, newUser, readStatement, rest, rpcStatement, testSql, uniqueTag, type JourneyUser,
} from "./support.ts";

const tag = uniqueTag("op");
let owner: JourneyUser;
let member: JourneyUser;
let visitor: JourneyUser;
let orgId: string;

beforeAll(async () => {
  owner = await newUser(`${tag}_owner`);
  member = await newUser(`${tag}_member`);
  visitor = await newUser(`${tag}_visitor`);
  const sql = testSql();
  // An approved organization with one more active member, and a pending one with the same word.
  orgId = (await sql<{ id: string }[]>`select tests.create_org(${`${tag} Robotics Society`}, owner => ${owner.handle}) as id`)[0]!.id;
  await sql`select tests.add_org_member(${`${tag} Robotics Society`}, ${member.handle})`;
  await sql`select tests.create_org(${`${tag} Robotics Pending`}, owner => ${owner.handle}, status => 'pending')`;
  await sql`select tests.create_event(${`${tag}event`}, organizer => ${owner.handle}, organization => ${`${tag} Robotics Society`}, starts_in => '30 days')`;
});
afterAll(closeJourneys);

const orgRead = (id: string) => readStatement(
  `/organizations?select=id,name,type,description,logo_url,cover_url,website_url,location,member_count,followers_count,average_rating,reviews_count&id=eq.${id}`,
  `SELECT "public"."organizations"."id", "public"."organizations"."name", "public"."organizations"."type", "public"."organizations"."description", ` +
  `"public"."organizations"."logo_url", "public"."organizations"."cover_url", "public"."organizations"."website_url", "public"."organizations"."location", ` +
  `"public"."organizations"."member_count", "public"."organizations"."followers_count", "public"."organizations"."average_rating", ` +
  `"public"."organizations"."reviews_count" FROM "public"."organizations" WHERE "public"."organizations"."id" = $1`,
  [id]);
const ORG_SELECT = "id, name, type, description, logo_url, cover_url, website_url, location, member_count, followers_count, average_rating, reviews_count";

describe("organization page: search → page with member count → events → follow", () => {
  it("an anonymous visitor finds the approved organization (not the pending one) and reads its member count and events", async () => {
    const supabase = anonymous();
    // docs/frontend.md § Organizations
    const { data: orgs, error } = await rest(supabase,
      supabase.rpc("search_organizations", { query: `${tag} robotics`, page_size: 20 }),
      rpcStatement("search_organizations", { query: "text", page_size: "integer" }));
    expect(error).toBeNull();
    expect(orgs!.map((o) => o.name)).toEqual([`${tag} Robotics Society`]);
    expect(orgs![0]).toMatchObject({ id: orgId, member_count: 2 });

    // docs/frontend.md § Organization page
    const { data: org } = await rest(supabase, supabase.from("organizations").select(ORG_SELECT).eq("id", orgId).single(), orgRead(orgId));
    expect(org).toMatchObject({ id: orgId, member_count: 2, followers_count: 0 });

    const { data: events } = await rest(supabase,
      supabase.rpc("search_events", { organization_id: orgId, page_size: 20 }),
      rpcStatement("search_events", { organization_id: "uuid", page_size: "integer" }));
    expect(events!.map((e) => e.title)).toEqual([`${tag}event`]);

    // member rows themselves stay private to members (anon has no grant: 401 from PostgREST)
    const { error: membersError, status } = await rest(supabase,
      supabase.from("organization_members").select("user_id, role").eq("org_id", orgId),
      readStatement(`/organization_members?select=user_id,role&org_id=eq.${orgId}`,
        `SELECT "public"."organization_members"."user_id", "public"."organization_members"."role" FROM "public"."organization_members" ` +
        `WHERE "public"."organization_members"."org_id" = $1`, [orgId]));
    expect(status).toBe(401);
    expect(membersError?.code).toBe("42501");
  });

  it("a member follows the organization: followers_count goes up; a join raises member_count", async () => {
    const supabase = visitor.client;
    const { error } = await rest(supabase,
      supabase.from("follows").insert({ follower_id: visitor.id, org_id: orgId }),
      insertStatement("follows", { follower_id: "uuid", org_id: "uuid" }));
    expect(error).toBeNull();
    await testSql()`select tests.add_org_member(${`${tag} Robotics Society`}, ${visitor.handle})`;
    const { data: org } = await rest(supabase, supabase.from("organizations").select(ORG_SELECT).eq("id", orgId).single(), orgRead(orgId));
    expect(org).toMatchObject({ followers_count: 1, member_count: 3 });
  });
});
