// Reads configuration the same way under Deno (edge runtime) and Node (vitest).
declare const Deno: { env: { get(name: string): string | undefined } } | undefined;

export function readEnv(name: string): string | undefined {
  if (typeof Deno !== "undefined") return Deno.env.get(name);
  return (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[name];
}

export function requireEnv(name: string): string {
  const value = readEnv(name);
  if (!value) throw new Error(`Missing environment variable "${name}"`);
  return value;
}
