// Journey: "Find a speaker" — an organizer (or a visitor) searches approved experts, teachers and
// sponsors by text, role and skill, opens a profile (skills, tags, badges), and reads its public
// reviews. Private profiles and unapproved requests never show.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymous, closeJourneys, newUser, readStatement, rest, rpcStatement, testSql, uniqueTag, type JourneyUser,
} from "./support.ts";

const tag = uniqueTag("fs");
const word = `${tag}word`; // a unique word in every fixture's title, so the shared database does not interfere
let expert: JourneyUser;
let hidden: JourneyUser;
let pending: JourneyUser;
let organizer: JourneyUser;
let skillId: string;

beforeAll(async () => {
  expert = await newUser(`${tag}_expert`, ["student", "expert"]);
  hidden = await newUser(`${tag}_hidden`, ["expert"]);
  pending = await newUser(`${tag}_pending`, ["student"]);
  organizer = await newUser(`${tag}_organizer`, ["student"]);
  const sql = testSql();
  await sql`select tests.set_role(${pending.handle}, 'expert', 'pending')`;
  await sql`update public.profiles set title = ${`Rust ${word} engineer`}, bio = 'Talks about ownership and async'
            where user_id in (${expert.id}, ${hidden.id}, ${pending.id})`;
  await sql`update public.profiles set visibility = 'private' where user_id = ${hidden.id}`;
  skillId = (await sql<{ id: string }[]>`insert into public.skills (name) values (${`${tag} Rust`}) returning id`)[0]!.id;
  await sql`insert into public.profile_skills (profile_id, skill_id) values (${expert.id}, ${skillId}), (${hidden.id}, ${skillId})`;
});
afterAll(closeJourneys);

const SEARCH_PEOPLE = rpcStatement("search_people", { query: "text", role: "public.app_role", page_size: "integer" });

describe("find a speaker: search_people → profile → reviews", () => {
  it("an anonymous visitor finds only the approved expert with a visible profile, with a badge and skills", async () => {
    const supabase = anonymous();
    // docs/frontend.md § Find a speaker
    const { data: people, error } = await rest(supabase,
      supabase.rpc("search_people", { query: word, role: "expert", page_size: 20 }), SEARCH_PEOPLE);
    expect(error).toBeNull();
    expect(people!.map((p) => p.user_id)).toEqual([expert.id]);
    expect(people![0]).toMatchObject({ badges: ["expert"], skills: [`${tag} Rust`], title: `Rust ${word} engineer` });
    expect(people![0]!.cursor).toEqual(expect.any(String));

    // by skill, no text: the same single person (the private profile has the skill too)
    const { data: bySkill } = await rest(supabase,
      supabase.rpc("search_people", { skill_id: skillId }),
      rpcStatement("search_people", { skill_id: "uuid" }));
    expect(bySkill!.map((p) => p.user_id)).toEqual([expert.id]);
  });

  it("a signed-in organizer opens the profile; a private profile is not found", async () => {
    const supabase = organizer.client;
    const { data: people } = await rest(supabase,
      supabase.rpc("search_people", { query: word, role: "expert", page_size: 20 }), SEARCH_PEOPLE);
    expect(people!.map((p) => p.user_id)).toEqual([expert.id]);

    // docs/frontend.md § Profile page
    const profileQuery = (id: string) => readStatement(
      `/profiles?select=user_id,full_name,title,bio,avatar_url,badges,sponsor_tier,average_rating,reviews_count,followers_count,profile_skills(level,skills(name))&user_id=eq.${id}`,
      `SELECT "public"."profiles"."user_id", "public"."profiles"."full_name", "public"."profiles"."title", "public"."profiles"."bio", ` +
      `"public"."profiles"."avatar_url", "public"."profiles"."badges", "public"."profiles"."sponsor_tier", "public"."profiles"."average_rating", ` +
      `"public"."profiles"."reviews_count", "public"."profiles"."followers_count", ` +
      `COALESCE( "profiles_profile_skills_1"."profiles_profile_skills_1", '[]') AS "profile_skills" FROM "public"."profiles" ` +
      `LEFT JOIN LATERAL ( SELECT json_agg("profiles_profile_skills_1")::jsonb AS "profiles_profile_skills_1" FROM ( ` +
      `SELECT "profile_skills_1"."level", row_to_json("profile_skills_skills_2".*)::jsonb AS "skills" FROM "public"."profile_skills" AS "profile_skills_1" ` +
      `LEFT JOIN LATERAL ( SELECT "skills_2"."name" FROM "public"."skills" AS "skills_2" WHERE "skills_2"."id" = "profile_skills_1"."skill_id" LIMIT 1 OFFSET 0 ) AS "profile_skills_skills_2" ON TRUE ` +
      `WHERE "profile_skills_1"."profile_id" = "public"."profiles"."user_id" ) AS "profiles_profile_skills_1" ) AS "profiles_profile_skills_1" ON TRUE ` +
      `WHERE "public"."profiles"."user_id" = $1`,
      [id]);
    const select = "user_id, full_name, title, bio, avatar_url, badges, sponsor_tier, average_rating, reviews_count, followers_count, profile_skills(level, skills(name))";
    const { data: profile, error } = await rest(supabase,
      supabase.from("profiles").select(select).eq("user_id", expert.id).single(), profileQuery(expert.id));
    expect(error).toBeNull();
    expect(profile).toMatchObject({ user_id: expert.id, badges: ["expert"], profile_skills: [{ skills: { name: `${tag} Rust` } }] });

    const { data: privateProfile, error: privateError } = await rest(supabase,
      supabase.from("profiles").select(select).eq("user_id", hidden.id).single(), profileQuery(hidden.id));
    expect(privateProfile).toBeNull();
    expect(privateError?.code).toBe("PGRST116");

    // user_roles stays private: the badge is the only public trace of a role
    const { data: roles } = await rest(supabase,
      supabase.from("user_roles").select("role, status").eq("user_id", pending.id),
      readStatement(`/user_roles?select=role,status&user_id=eq.${pending.id}`,
        `SELECT "public"."user_roles"."role", "public"."user_roles"."status" FROM "public"."user_roles" WHERE "public"."user_roles"."user_id" = $1`,
        [pending.id]));
    expect(roles).toEqual([]);

    // docs/frontend.md § Profile page: reviews (public for approved experts)
    const { data: reviews, error: reviewsError } = await rest(supabase,
      supabase.from("review_cards").select("id, rating, comment, reviewer_name, created_at")
        .eq("reviewee_id", expert.id).order("created_at", { ascending: false }).range(0, 19),
      readStatement(`/review_cards?select=id,rating,comment,reviewer_name,created_at&reviewee_id=eq.${expert.id}&order=created_at.desc&offset=0&limit=20`,
        `SELECT "public"."review_cards"."id", "public"."review_cards"."rating", "public"."review_cards"."comment", ` +
        `"public"."review_cards"."reviewer_name", "public"."review_cards"."created_at" FROM "public"."review_cards" ` +
        `WHERE "public"."review_cards"."reviewee_id" = $1 ORDER BY "public"."review_cards"."created_at" DESC LIMIT 20 OFFSET 0`,
        [expert.id]));
    expect(reviewsError).toBeNull();
    expect(reviews).toEqual([]);
  });

  it("bad input answers 400 with PostgREST's code for the database's named error", async () => {
    const supabase = anonymous();
    const { data, error, status } = await rest(supabase,
      supabase.rpc("search_people", { query: word, role: "student", page_size: 20 }), SEARCH_PEOPLE);
    expect(data).toBeNull();
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: "22023", message: "role must be teacher, expert or sponsor" });
  });
});
