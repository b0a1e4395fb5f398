import { describe, expect, it } from "vitest";
import { callFunction } from "../../tests/support/harness.ts";

describe("health over HTTP (real Deno gateway, throwaway database)", () => {
  it("answers 200 with the database's server version", async () => {
    const reply = await callFunction<{ status: string; database: { serverVersion: number } }>("health");
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe("ok");
    expect(reply.body.database.serverVersion).toBeGreaterThanOrEqual(150000);
    expect(reply.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers 405 in the error shape for a POST", async () => {
    const reply = await callFunction<{ error: { code: string; message: string } }>("health", { method: "POST", body: {} });
    expect(reply.status).toBe(405);
    expect(reply.body.error.code).toBe("method_not_allowed");
    expect(reply.body.error.message).toMatch(/use GET/);
    expect(reply.headers.get("allow")).toBe("GET");
  });

  it("answers a CORS preflight before anything else", async () => {
    const reply = await callFunction("health", { method: "OPTIONS" });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("the gateway answers 404 for an undeclared function", async () => {
    const reply = await callFunction<{ msg: string }>("no-such-function");
    expect(reply.status).toBe(404);
    expect(reply.body.msg).toMatch(/no-such-function/);
  });
});
