// Command-line flags for every script, through node:util parseArgs: an unknown flag or a missing
// value is refused with the script's usage line (exit 2) instead of being silently ignored.
import { parseArgs } from "node:util";

/**
 * `options` as parseArgs takes them; `usage` is printed on a bad call. Number-valued flags are
 * declared `type: "string"` and listed in `numbers`: they come back as numbers, and a value that
 * is not a whole number is refused.
 */
export function readArgs({ options = {}, numbers = [], allowPositionals = false, usage, args = process.argv.slice(2) }) {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals, strict: true });
    for (const name of numbers) {
      if (values[name] === undefined) continue;
      if (!/^-?\d+$/.test(values[name])) throw new Error(`--${name} takes a whole number, got "${values[name]}"`);
      values[name] = Number(values[name]);
    }
    return { values, positionals };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\nusage: ${usage}`);
    process.exit(2);
  }
}

/**
 * The same parsing for scripts with many typed options and a `--help` listing (the bench):
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
