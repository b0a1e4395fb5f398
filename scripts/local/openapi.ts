// Builds docs/api/openapi.json from the zod contracts: every `functions/_shared/contracts/*.ts`
// module that exports a `routes` table (RouteContract[]) becomes paths under /functions/v1/<fn>.
//   deno run --allow-read --allow-write scripts/local/openapi.ts [--check]
import { parseArgs } from "node:util";
import { z } from "zod";
import type { RouteContract } from "../../functions/_shared/contracts/common.ts";
import { ErrorBody } from "../../functions/_shared/contracts/common.ts";

const root = new URL("../../", import.meta.url);
const contractsDir = new URL("functions/_shared/contracts/", root);
const outFile = new URL("docs/api/openapi.json", root);
// Unknown flags are refused (parseArgs strict), never silently ignored.
function readCheckFlag(): boolean {
  try {
    return parseArgs({ args: Deno.args, options: { check: { type: "boolean", default: false } }, strict: true }).values.check;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\nusage: npm run openapi [-- --check]`);
    Deno.exit(2);
  }
}
const check = readCheckFlag();

type JsonSchema = Record<string, unknown>;

function schemaOf(type: z.ZodType, io: "input" | "output"): JsonSchema {
  const schema = z.toJSONSchema(type, { io, unrepresentable: "any", target: "openapi-3.0" }) as JsonSchema;
  delete schema.$schema;
  return schema;
}

function openApiPath(fn: string, path: string): string {
  const tail = path === "/" ? "" : path.replace(/:([A-Za-z_]+)/g, "{$1}");
  return `/functions/v1/${fn}${tail}`;
}

function parameters(route: RouteContract): JsonSchema[] {
  const result: JsonSchema[] = [];
  for (const [where, type] of [["path", route.params], ["query", route.query]] as const) {
    if (!type) continue;
    const schema = schemaOf(type, "input");
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      result.push({ name, in: where, required: where === "path" || required.has(name), schema: property });
    }
  }
  return result;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** `events.postByIdPublish`, `registrations.deleteByEventId`. */
function operationId(route: RouteContract): string {
  const words = route.path.split("/").filter(Boolean)
    .map((segment) => segment.startsWith(":") ? `By${capitalize(segment.slice(1))}` : segment.split(/[^A-Za-z0-9]+/).map(capitalize).join(""));
  return `${route.function}.${route.method.toLowerCase()}${words.join("")}`;
}

const security: Record<RouteContract["auth"], JsonSchema[]> = {
  user: [{ userToken: [] }],
  optional: [{ userToken: [] }, { anonKey: [] }],
  service: [{ serviceRole: [] }],
  none: [],
};

/**
 * The body's JSON Schema, plus what a refinement says that JSON Schema cannot: an object with no
 * required field that still refuses `{}` ("send at least one field") gets minProperties 1 (found
 * by schemathesis: `{}` was schema-valid and answered 400).
 */
// An empty body reads as {} (functions/_shared/http.ts): a body whose schema takes {} is optional
// (schemathesis found POST organizations/:id/leave documented as needing one it does not need).
function bodySchema(type: NonNullable<RouteContract["body"]>): JsonSchema {
  const schema = schemaOf(type, "input");
  const required = (schema.required ?? []) as string[];
  if (schema.type === "object" && required.length === 0 && !type.safeParse({}).success) return { ...schema, minProperties: 1 };
  return schema;
}

function operation(route: RouteContract): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, reply] of Object.entries(route.responses)) {
    responses[status] = {
      description: reply.description,
      ...(reply.schema ? { content: { "application/json": { schema: schemaOf(reply.schema, "output") } } } : {}),
      ...(reply.mediaType ? { content: { [reply.mediaType]: { schema: { type: "string" } } } } : {}),
    };
  }
  const errorContent = { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } };
  const byStatus = new Map<number, string[]>();
  for (const error of [
    { status: 400, code: "invalid_request / invalid_json", when: "malformed body or parameters (zod issues in details)" },
    ...(route.body ? [{ status: 413, code: "payload_too_large", when: "a body over 64 KiB" }] : []),
    ...(route.auth === "user" ? [{ status: 401, code: "unauthenticated", when: "no or invalid user token" }] : []),
    // Any signed-in route refuses an account that is no longer active (suspended, deleted) and the
    // service_role key (schemathesis found 403 undocumented once its user had deleted itself).
    ...(route.auth === "user" ? [{ status: 403, code: "forbidden / account_not_active", when: "the account is not active, or the token is not a user's" }] : []),
    ...(route.errors ?? []),
  ]) {
    byStatus.set(error.status, [...(byStatus.get(error.status) ?? []), `\`${error.code}\`: ${error.when}`]);
  }
  for (const [status, lines] of byStatus) responses[String(status)] = { description: lines.join("; "), content: errorContent };
  if (route.auth === "user" || route.auth === "optional") {
    // verify_jwt = true: the platform's gateway answers a missing or invalid JWT (the anon key is
    // a valid one) itself, in its own shape, before the function runs.
    const ours = responses["401"];
    responses["401"] = {
      description: [ours?.description, "the gateway: a missing or invalid JWT ({\"msg\"})"].filter(Boolean).join("; "),
      content: { "application/json": { schema: { oneOf: [{ $ref: "#/components/schemas/ErrorBody" }, { $ref: "#/components/schemas/GatewayError" }] } } },
    };
  }
  return {
    operationId: operationId(route),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.function],
    security: security[route.auth],
    parameters: parameters(route),
    ...(route.body ? { requestBody: { required: !route.body.safeParse({}).success, content: { "application/json": { schema: bodySchema(route.body) } } } } : {}),
    responses,
  };
}

const files = [...Deno.readDirSync(contractsDir)].filter((e) => e.isFile && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
  .map((e) => e.name).sort();
const paths: Record<string, Record<string, JsonSchema>> = {};
const sources: string[] = [];
for (const name of files) {
  const module = await import(new URL(name, contractsDir).href) as { routes?: RouteContract[] };
  if (!Array.isArray(module.routes)) continue;
  sources.push(name);
  for (const route of module.routes) {
    const key = openApiPath(route.function, route.path);
    paths[key] ??= {};
    paths[key][route.method.toLowerCase()] = operation(route);
  }
}

const document = {
  openapi: "3.0.3",
  info: {
    title: "ATAS edge functions",
    version: "1.0.0",
    description: `Generated by \`npm run openapi\` from the zod contracts in functions/_shared/contracts (${sources.join(", ")}). Do not edit by hand. Every error answers {"error": {"code", "message", "details"?}}.`,
  },
  servers: [{ url: "http://127.0.0.1:54321", description: "npm start / supabase start" }, { url: "https://{project}.supabase.co", variables: { project: { default: "your-project-ref" } } }],
  paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
  components: {
    securitySchemes: {
      userToken: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A signed-in user's access token" },
      anonKey: { type: "apiKey", in: "header", name: "apikey", description: "The project's anon (publishable) key" },
      serviceRole: { type: "http", scheme: "bearer", description: "The service role key (jobs)" },
    },
    schemas: {
      ErrorBody: schemaOf(ErrorBody, "output"),
      GatewayError: { type: "object", required: ["msg"], properties: { msg: { type: "string" } }, additionalProperties: false },
    },
  },
};

const text = `${JSON.stringify(document, null, 2)}\n`;
if (check) {
  let current = "";
  try {
    current = await Deno.readTextFile(outFile);
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error("docs/api/openapi.json is stale: run `npm run openapi` and commit it");
    Deno.exit(1);
  }
  console.log("docs/api/openapi.json is current");
} else {
  await Deno.writeTextFile(outFile, text);
  console.log(`wrote docs/api/openapi.json: ${Object.keys(paths).length} paths from ${sources.join(", ")}`);
}
