// Command-line options for the bench and check scripts, parsed by node:util parseArgs (strict:
// an unknown option or a bad value stops the script with a message and exit code 2, before any
// cluster is built).
import { parseArgs } from "node:util";

/**
 * spec: { name: { type: "number" | "boolean" | "string" | "list", default, min, help } }.
 * Numbers must be finite and ≥ min (default 0); lists are comma-separated strings.
 */
export function parseOptions(spec, { usage, argv = process.argv.slice(2) } = {}) {
  const options = Object.fromEntries(Object.entries(spec).map(([name, s]) => [name, { type: s.type === "boolean" ? "boolean" : "string" }]));
  options.help = { type: "boolean" };
  const fail = (message) => {
    console.error(`${message}\n${usage ?? ""}\n${describe(spec)}`);
    process.exit(2);
  };
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (error) {
    fail(error.message);
  }
  if (values.help) {
    console.log(`${usage ?? ""}\n${describe(spec)}`);
    process.exit(0);
  }
  const out = {};
  for (const [name, s] of Object.entries(spec)) {
    const raw = values[name];
    if (raw === undefined) {
      out[name] = s.default;
      continue;
    }
    if (s.type === "number") {
      const value = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(value) || value < (s.min ?? 0)) fail(`--${name} needs a number ≥ ${s.min ?? 0} (got "${raw}")`);
      out[name] = value;
    } else if (s.type === "list") {
      out[name] = raw.split(",").map((x) => x.trim()).filter(Boolean);
    } else {
      out[name] = raw;
    }
  }
  return out;
}

function describe(spec) {
  return Object.entries(spec)
    .map(([name, s]) => `  --${name}${s.type === "boolean" ? "" : ` <${s.type}>`}  ${s.help ?? ""}${s.default !== undefined && s.type !== "boolean" ? ` (default ${Array.isArray(s.default) ? s.default.join(",") : s.default})` : ""}`)
    .join("\n");
}
