// The local functions gateway: one real Deno process serving every function declared in
// supabase/config.toml at /functions/v1/<name>, checking the JWT where `verify_jwt = true` as the
// platform's gateway does. Each function's handler is the same module its index.ts serves.
//   deno run -A scripts/local/serve-functions.ts   (env: PORT, SUPABASE_DB_URL, AUTH_JWT_SECRET, …)
import { parse } from "smol-toml";
import { jwtVerify } from "jose";

interface FunctionConfig {
  enabled?: boolean;
  verify_jwt?: boolean;
  entrypoint?: string;
}

type Handler = (req: Request) => Promise<Response> | Response;

const projectRoot = new URL("../../", import.meta.url);
const port = Number(Deno.env.get("PORT") ?? "54321");
const jwtSecret = new TextEncoder().encode(Deno.env.get("AUTH_JWT_SECRET") ?? "");
const anonKey = Deno.env.get("SUPABASE_ANON_KEY") ?? "";
const serviceRoleKey = Deno.env.get("SUPABASE_SERVICE_ROLE_KEY") ?? "";
const publishableKey = Deno.env.get("SUPABASE_PUBLISHABLE_KEY") ?? "";
const secretKey = Deno.env.get("SUPABASE_SECRET_KEY") ?? "";
// GATEWAY_VERIFY_JWT=off: the gateway passes every request through, as the platform's gateway does
// for a function deployed with verify_jwt = false; the function's own verifier
// (functions/_shared/auth.ts) alone decides. The JWT suite uses it to reach that verifier.
const gatewayVerifiesJwt = Deno.env.get("GATEWAY_VERIFY_JWT") !== "off";

const config = parse(await Deno.readTextFile(new URL("supabase/config.toml", projectRoot))) as {
  functions?: Record<string, FunctionConfig>;
};

const functions = new Map<string, { verifyJwt: boolean; handler: Handler }>();
for (const [name, fn] of Object.entries(config.functions ?? {})) {
  if (fn.enabled === false) continue;
  const entrypoint = new URL(fn.entrypoint ?? `../functions/${name}/index.ts`, new URL("supabase/", projectRoot));
  const module = await import(new URL("handler.ts", entrypoint).href) as { handlerFromEnv?: () => Handler };
  if (typeof module.handlerFromEnv !== "function") {
    throw new Error(`Function "${name}": ${new URL("handler.ts", entrypoint).pathname} must export handlerFromEnv()`);
  }
  functions.set(name, { verifyJwt: fn.verify_jwt !== false, handler: module.handlerFromEnv() });
}

const gatewayHeaders = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "authorization, x-client-info, apikey, content-type",
  "content-type": "application/json",
};

function gatewayReply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: gatewayHeaders });
}

// Like the local API gateway: an `apikey` holding a publishable/secret key (or a legacy JWT key)
// stands in for the Authorization header when no user token is sent.
function withApiKeyAuthorization(req: Request): Request {
  if (req.headers.has("authorization")) return req;
  const apikey = req.headers.get("apikey");
  const jwt = apikey === publishableKey ? anonKey : apikey === secretKey ? serviceRoleKey : apikey;
  if (!jwt) return req;
  const headers = new Headers(req.headers);
  headers.set("authorization", `Bearer ${jwt}`);
  return new Request(req, { headers });
}

async function isValidJwt(req: Request): Promise<"missing" | "invalid" | "valid"> {
  const header = req.headers.get("authorization");
  if (!header) return "missing";
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) return "invalid";
  try {
    await jwtVerify(token, jwtSecret, { algorithms: ["HS256"] });
    return "valid";
  } catch {
    return "invalid";
  }
}

async function route(incoming: Request): Promise<Response> {
  const url = new URL(incoming.url);
  if (url.pathname.startsWith("/rest/v1") || url.pathname.startsWith("/auth/v1") || url.pathname.startsWith("/storage/v1")) {
    return gatewayReply(501, {
      msg: "PostgREST, Auth and Storage run under `supabase start` (Docker) or on a hosted project; this local stack serves /functions/v1 only",
    });
  }
  const match = /^\/functions\/v1\/([A-Za-z][A-Za-z0-9_-]*)(\/.*)?$/.exec(url.pathname);
  if (!match) {
    return gatewayReply(404, { msg: "Not found: functions are served at /functions/v1/<name>", functions: [...functions.keys()] });
  }
  const name = match[1]!;
  const fn = functions.get(name);
  if (!fn) return gatewayReply(404, { msg: `Function not found: ${name}` });
  // Methods a fetch Request cannot carry (TRACE, CONNECT, TRACK) never reach a function: the
  // gateway answers 405 itself (schemathesis found TRACE answered 500 when passed on).
  if (["TRACE", "CONNECT", "TRACK"].includes(incoming.method.toUpperCase())) {
    return new Response(JSON.stringify({ msg: `Method ${incoming.method} is not allowed` }), {
      status: 405, headers: { ...gatewayHeaders, allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" },
    });
  }
  const req = withApiKeyAuthorization(incoming);
  if (gatewayVerifiesJwt && fn.verifyJwt && req.method !== "OPTIONS") {
    const verdict = await isValidJwt(req);
    if (verdict === "missing") return gatewayReply(401, { msg: "Error: Missing authorization header" });
    if (verdict === "invalid") return gatewayReply(401, { msg: "Invalid JWT" });
  }
  // Functions see their path without the /functions/v1 prefix, as on the platform.
  const inner = new URL(`${url.origin}/${name}${match[2] ?? ""}${url.search}`);
  try {
    return await fn.handler(new Request(inner, req));
  } catch (error) {
    console.error(`function ${name} crashed:`, error);
    return gatewayReply(500, { error: { code: "internal", message: "The function crashed; nothing was changed" } });
  }
}

const server = Deno.serve({ port, hostname: "127.0.0.1", onListen: () => {
  console.log(`functions ready on http://127.0.0.1:${port}/functions/v1/ (${[...functions.keys()].join(", ")})`);
} }, route);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.addSignalListener(signal, () => {
    server.shutdown().finally(() => Deno.exit(0));
  });
}
