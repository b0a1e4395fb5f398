// Two import maps, one set of pins: `deno.json` (local runs, Deno reads node_modules) and
// `functions/deno.json` (the import_map config.toml gives `supabase functions serve/deploy`, where
// no node_modules exists). Both must pin exactly what package.json installs.
import fs from "node:fs";
import { describe, expect, it } from "vitest";

const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));

describe("import maps", () => {
  const local = read("deno.json");
  const deployed = read("functions/deno.json");
  const pkg = read("package.json");
  const pinned: Record<string, string> = { ...pkg.dependencies, ...pkg.devDependencies };

  it("functions/deno.json maps the same bare names to the same specifiers as deno.json", () => {
    expect(deployed.imports).toEqual(local.imports);
    expect(deployed.nodeModulesDir).toBeUndefined();
  });

  it("every npm: specifier pins the exact version package.json installs", () => {
    for (const [name, specifier] of Object.entries(local.imports as Record<string, string>)) {
      const match = /^npm:(@?[^@]+)@(.+)$/.exec(specifier);
      expect(match, `${name} -> ${specifier}`).not.toBeNull();
      expect(pinned[match![1]!], `${match![1]} in package.json`).toBe(match![2]);
    }
  });

  it("every function in config.toml uses functions/deno.json as its import map", () => {
    const config = fs.readFileSync("supabase/config.toml", "utf8");
    const maps = [...config.matchAll(/^import_map = "(.+)"$/gm)].map((m) => m[1]);
    const functions = [...config.matchAll(/^\[functions\.([^\]]+)\]$/gm)].length;
    expect(maps.length).toBe(functions);
    expect(new Set(maps)).toEqual(new Set(["../functions/deno.json"]));
  });
});
