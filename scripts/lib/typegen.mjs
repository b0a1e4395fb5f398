// TypeScript types for the exposed schema, from the same generator `supabase gen types` runs:
// the CLI starts postgres-meta v0.99.0 in a container; without Docker we run that same package
// from npm against the database URL.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { binOf, projectRoot } from "./paths.mjs";

export const typesFile = path.join(projectRoot, "functions/_shared/database.types.ts");

export function generateTypes(dbUrl) {
  const useDocker = process.env.ATAS_NO_DOCKER !== "1" && spawnSync("docker", ["info"], { stdio: "ignore" }).status === 0;
  const result = useDocker
    ? spawnSync(binOf("supabase"), ["gen", "types", "typescript", "--db-url", dbUrl, "--schema", "public"], { encoding: "utf8", cwd: projectRoot })
    : spawnSync(process.execPath, [path.join(projectRoot, "node_modules/@supabase/postgres-meta/dist/server/server.js")], {
      encoding: "utf8",
      cwd: projectRoot,
      env: {
        ...process.env,
        PG_META_DB_URL: dbUrl,
        PG_META_GENERATE_TYPES: "typescript",
        PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: "public",
        PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: "true",
        NODE_NO_WARNINGS: "1",
      },
    });
  if (result.status !== 0 || !result.stdout.includes("export type Database")) {
    throw new Error(`Type generation failed:\n${result.stderr || result.stdout}`);
  }
  return result.stdout;
}
