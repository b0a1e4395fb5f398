// No raw Postgres error text reaches a client (issue 14): real errors raised by the test database
// go through toAppError, the one mapper every function's error response uses. Postgres' own
// wording (table, column and type names, echoed values) is replaced; our triggers' sentences stay.
import { describe, expect, it } from "vitest";
import { testSql } from "../../tests/support/harness.ts";
import { toAppError } from "./errors.ts";

async function postgresError(statement: string): Promise<unknown> {
  try {
    await testSql().begin(async (tx) => {
      await tx.unsafe(statement);
    });
  } catch (error) {
    return error;
  }
  throw new Error(`Expected "${statement}" to fail`);
}

const LEAKS = /relation|column|table|type uuid|syntax|permission denied|public\.|private\.|"[a-z_]+"|secret-value/i;

describe("toAppError with real Postgres errors", () => {
  const cases: Array<[string, string, number, string]> = [
    ["invalid uuid (22P02)", "select 'secret-value'::uuid", 400, "invalid_request"],
    ["invalid enum value (22P02)", "select 'secret-value'::public.event_status", 400, "invalid_request"],
    ["no privilege (42501)", "set local role anon; select * from private.email_outbox", 403, "forbidden"],
    ["row-level security (42501)", "set local role authenticated; insert into public.tags (name) values ('secret-value')", 403, "forbidden"],
    ["built-in check (23514)", "insert into public.tags (name) values (repeat('x', 80))", 409, "tags_name_length"],
    ["unique (23505)", "insert into public.tags (name) values ('dup-tag-x'), ('dup-tag-x')", 409, "tags_name_is_unique"],
    ["NUL byte in text (22021)", "select convert_from('\\x00'::bytea, 'UTF8')", 400, "invalid_request"],
    ["not found (P0002)", "do $$ declare r record; begin select * into strict r from public.tags where false; end $$", 404, "not_found"],
    ["anything else (42P01)", "select * from public.no_such_table", 500, "internal"],
  ];
  for (const [label, statement, status, code] of cases) {
    it(`${label}: ${status} ${code}, no Postgres wording`, async () => {
      const error = await postgresError(statement);
      expect((error as { code?: string }).code, "the database raised a real SQLSTATE").toMatch(/^[0-9A-Z]{5}$/);
      const mapped = toAppError(error);
      expect(mapped.status).toBe(status);
      if (code.includes("_is_") || code.endsWith("_length")) expect(mapped.code).toMatch(/^tags_name/);
      else expect(mapped.code).toBe(code);
      expect(mapped.message).not.toMatch(LEAKS);
      expect(mapped.message).not.toBe((error as Error).message);
    });
  }

  it("keeps the sentence our own triggers raise", async () => {
    const error = await postgresError(
      "do $$ begin raise exception using errcode = 'check_violation', constraint = 'rule_x', message = 'Cannot do that: the rule says no'; end $$");
    const mapped = toAppError(error);
    expect(mapped).toMatchObject({ status: 409, code: "rule_x", message: "Cannot do that: the rule says no" });
  });
});
