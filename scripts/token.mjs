// `npm run token -- <email> [--db-url URL]`: prints a local access token for a seeded user, for
// trying functions with curl:  curl -H "Authorization: Bearer $(npm run -s token -- olga@atas.dev)" …
import { dbUrl } from "./lib/database.mjs";
import { PORTS } from "./lib/local-env.mjs";
import { mintUserToken } from "./lib/tokens.mjs";

const args = process.argv.slice(2);
const email = args.find((a) => !a.startsWith("--"));
const urlIndex = args.indexOf("--db-url");
if (!email) {
  console.error("Usage: npm run token -- <email> [--db-url postgresql://…]   (seeded users: see README)");
  process.exit(2);
}
try {
  const url = urlIndex >= 0 ? args[urlIndex + 1] : dbUrl({ port: PORTS.db });
  console.log(await mintUserToken({ dbUrl: url, email }));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message.includes("ECONNREFUSED") ? "The local database is not running: start it with `npm start`" : message);
  process.exit(1);
}
