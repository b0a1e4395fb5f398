// `npm run token -- <email> [--db-url URL] [--api-url URL] [--expires-in SECONDS]`: prints an access
// token for a seeded user, for trying functions with curl:
//   curl -H "Authorization: Bearer $(npm run -s token -- olga@atas.dev)" …
// The issuer is the stack's own Auth URL (`<api-url>/auth/v1`), as Supabase Auth sets `iss`.
import { parseArgs } from "node:util";
import { dbUrl } from "./lib/database.mjs";
import { PORTS } from "./lib/local-env.mjs";
import { mintUserToken } from "./lib/tokens.mjs";

const usage = "Usage: npm run token -- <email> [--db-url postgresql://…] [--api-url http://127.0.0.1:54321] [--expires-in 3600]   (seeded users: see README)";
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      "db-url": { type: "string", default: dbUrl({ port: PORTS.db }) },
      "api-url": { type: "string", default: `http://127.0.0.1:${PORTS.api}` },
      "expires-in": { type: "string", default: "3600" },
    },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
const [email, ...extra] = parsed.positionals;
const expiresInSeconds = Number(parsed.values["expires-in"]);
if (!email || extra.length > 0 || !Number.isInteger(expiresInSeconds) || expiresInSeconds <= 0) {
  console.error(usage);
  process.exit(2);
}
try {
  const issuerOrigin = new URL(parsed.values["api-url"]).origin;
  console.log(await mintUserToken({ dbUrl: parsed.values["db-url"], email, issuerOrigin, expiresInSeconds }));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message.includes("ECONNREFUSED") ? "The local database is not running: start it with `npm start`" : message);
  process.exit(1);
}
