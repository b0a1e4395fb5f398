// The local mail catcher: stands in for Resend (the only remote part we fake). Speaks Resend's HTTP
// API as the `resend` SDK uses it, so functions and the outbox worker send through the real SDK with
// RESEND_BASE_URL=http://127.0.0.1:54324, and serves the inbox on the same port.
//   deno run -A --config deno.json scripts/local/mail-catcher.ts
//   env: PORT (54324), SITE_URL (links in /templates), RATE_LIMIT_RPS (0 = none), INBOX_FILE (optional JSON snapshot)
// Test API: GET/DELETE /api/messages, GET /api/stats, GET/POST /api/faults
//   {"rate500":0.2,"rate429":0.2,"rate500AfterAccept":0,"retryAfterSeconds":1,"requestsPerSecond":0}
import { createCatcher } from "./mail-catcher/catcher.ts";
import { inboxPage, messagePage, notFoundPage, templatesPage } from "./mail-catcher/inbox-pages.ts";

const port = Number(Deno.env.get("PORT") ?? "54324");
const siteUrl = Deno.env.get("SITE_URL") ?? "http://127.0.0.1:3000";
const requestsPerSecond = Number(Deno.env.get("RATE_LIMIT_RPS") ?? "0");
const inboxFile = Deno.env.get("INBOX_FILE");

const catcher = createCatcher({ faults: { requestsPerSecond } });

if (inboxFile) {
  // A snapshot for people who want to keep the inbox across restarts or read it with jq.
  setInterval(() => {
    Deno.writeTextFile(inboxFile, JSON.stringify({ messages: catcher.messages() }, null, 2)).catch((error) => {
      console.error(`mail catcher: cannot write ${inboxFile}: ${error}`);
    });
  }, 2000);
}

async function route(req: Request): Promise<Response> {
  const path = new URL(req.url).pathname.replace(/\/+$/, "") || "/";
  if (path === "/emails" || path.startsWith("/emails/")) return await catcher.handleResendApi(req, path);
  if (path.startsWith("/api/")) return await catcher.handleTestApi(req, path);
  if (req.method !== "GET") return notFoundPage();
  if (path === "/") return inboxPage(catcher.messages());
  if (path === "/templates") return templatesPage(siteUrl);
  const match = /^\/messages\/([^/]+)$/.exec(path);
  const message = match ? catcher.findMessage(decodeURIComponent(match[1]!)) : undefined;
  return message ? messagePage(message) : notFoundPage();
}

let server: Deno.HttpServer;
try {
  server = Deno.serve({
    port,
    hostname: "127.0.0.1",
    onListen: () => console.log(`mail catcher: inbox ready on http://127.0.0.1:${port} (Resend API at the same URL)`),
  }, route);
} catch (error) {
  if (error instanceof Deno.errors.AddrInUse) {
    console.error(`mail catcher: port ${port} is busy: stop what uses it or set PORT`);
    Deno.exit(1);
  }
  throw error;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.addSignalListener(signal, () => {
    server.shutdown().finally(() => Deno.exit(0));
  });
}
