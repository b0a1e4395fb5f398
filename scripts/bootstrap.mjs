// Installs what `npm start` and `npm test` need and is missing: Debian's Postgres 15 with pgTAP,
// pg_cron and pg_prove (apt, as root), then the pinned npm tools (Supabase CLI, Deno, …).
// Uses Node built-ins only: it runs before node_modules exists.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const APT_PACKAGES = ["postgresql-15", "postgresql-15-pgtap", "postgresql-15-cron", "libtap-parser-sourcehandler-pgtap-perl"];
const APT_COMMAND = `apt-get update && apt-get install -y ${APT_PACKAGES.join(" ")}`;

const requiredFiles = [
  ["/usr/lib/postgresql/15/bin/postgres", "postgresql-15"],
  ["/usr/bin/psql", "postgresql-15"],
  ["/usr/share/postgresql/15/extension/pgtap.control", "postgresql-15-pgtap"],
  ["/usr/lib/postgresql/15/lib/pg_cron.so", "postgresql-15-cron"],
  ["/usr/bin/pg_prove", "libtap-parser-sourcehandler-pgtap-perl"],
];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  return result.status === 0;
}

function ensureDebianPackages() {
  const missing = [...new Set(requiredFiles.filter(([file]) => !fs.existsSync(file)).map(([, pkg]) => pkg))];
  if (missing.length === 0) return;
  if (process.platform !== "linux" || !fs.existsSync("/usr/bin/apt-get")) {
    fail(`Missing ${missing.join(", ")} and this is not a Debian machine: install PostgreSQL 15 with pgTAP, pg_cron and pg_prove, or use Docker (\`npx supabase start\`)`);
  }
  if (process.getuid?.() !== 0) {
    fail(`Missing Debian packages: ${missing.join(", ")}. Install them as root, then run again:\n  sudo sh -c '${APT_COMMAND}'`);
  }
  console.log(`[bootstrap] installing ${missing.join(", ")} with apt-get`);
  // The Debian package would create and start its own cluster on 5432; we run our own.
  fs.mkdirSync("/etc/postgresql-common/createcluster.d", { recursive: true });
  fs.writeFileSync("/etc/postgresql-common/createcluster.d/atas-no-main-cluster.conf", "create_main_cluster = false\n");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!run("apt-get", ["update", "-qq"], { env }) || !run("apt-get", ["install", "-y", "-qq", ...APT_PACKAGES], { env })) {
    fail(`apt-get could not install the packages. Run it yourself and try again:\n  ${APT_COMMAND}`);
  }
}

function npmDependenciesAreCurrent() {
  const installedLock = path.join(projectRoot, "node_modules/.package-lock.json");
  const lock = path.join(projectRoot, "package-lock.json");
  if (!fs.existsSync(installedLock)) return false;
  for (const bin of ["supabase", "deno", "vitest"]) {
    if (!fs.existsSync(path.join(projectRoot, "node_modules/.bin", bin))) return false;
  }
  return fs.statSync(installedLock).mtimeMs >= fs.statSync(lock).mtimeMs;
}

function ensureNpmDependencies() {
  if (npmDependenciesAreCurrent()) return;
  console.log("[bootstrap] installing npm dependencies (npm ci)");
  if (!run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: projectRoot })) {
    fail("npm ci failed: see the output above");
  }
}

function fail(message) {
  console.error(`\n[bootstrap] ${message}\n`);
  process.exit(1);
}

ensureDebianPackages();
ensureNpmDependencies();
// The outside fuzzer of `npm test` (schemathesis, PyPI, pinned) lives in .local/schemathesis-venv.
if (process.env.npm_lifecycle_event === "test") {
  const { ensureSchemathesis } = await import("./lib/security/schemathesis-install.mjs");
  try {
    ensureSchemathesis();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}
