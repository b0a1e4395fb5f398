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
