// Reads configuration the same way under Deno (edge runtime) and Node (vitest).
declare const Deno: { env: { get(name: string): string | undefined } } | undefined;

export function readEnv(name: string): string | undefined {
  if (typeof Deno !== "undefined") return Deno.env.get(name);
  return (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[name];
}

export function requireEnv(name: string): string {
  const value = readEnv(name);
  if (!value) throw new Error(`Refusing to start: the environment variable "${name}" is not set`);
  return value;
}

/**
 * A secret the function cannot work safely without (never a built-in default: a default is public
 * the moment the source is). Called when the handler is built, so the function refuses to start.
 */
export function requireSecret(name: string, purpose: string, minLength = 32): string {
  const value = readEnv(name);
  if (!value) {
    throw new Error(
      `Refusing to start: the secret "${name}" is not set (${purpose}). ` +
        `Set it with \`supabase secrets set ${name}=<${minLength}+ random characters>\` (locally npm start sets it).`,
    );
  }
  if (value.length < minLength) {
    throw new Error(`Refusing to start: the secret "${name}" is shorter than ${minLength} characters (${purpose})`);
  }
  return value;
}
