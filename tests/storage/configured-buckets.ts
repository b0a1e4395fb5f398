// The Storage buckets declared in supabase/config.toml (`[storage.buckets.<id>]`), normalized to
// the shape of a storage.buckets row so they can be compared with the database.
import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";

export interface BucketSpec {
  id: string;
  isPublic: boolean;
  fileSizeLimitBytes: number | null;
  allowedMimeTypes: string[] | null;
}

const UNIT_BYTES: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/** "5MiB" → 5242880. Only binary units, so the number in config.toml is never ambiguous. */
export function parseSizeInBytes(size: string): number {
  const match = /^(\d+)\s*(B|KiB|MiB|GiB)$/.exec(size.trim());
  if (!match) throw new Error(`Cannot read size "${size}": use a whole number and B, KiB, MiB or GiB`);
  return Number(match[1]) * (UNIT_BYTES[match[2] ?? "B"] ?? 1);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function bucketsFromToml(text: string): BucketSpec[] {
  const config: unknown = parse(text);
  const storage = isRecord(config) ? config["storage"] : undefined;
  const buckets = isRecord(storage) ? storage["buckets"] : undefined;
  if (!isRecord(buckets)) return [];
  return Object.entries(buckets).map(([id, raw]) => {
    if (!isRecord(raw)) throw new Error(`Cannot read bucket "${id}": it is not a table`);
    const size = raw["file_size_limit"];
    const mimeTypes = raw["allowed_mime_types"];
    return {
      id,
      isPublic: raw["public"] === true,
      fileSizeLimitBytes: typeof size === "string" ? parseSizeInBytes(size) : null,
      allowedMimeTypes: Array.isArray(mimeTypes) ? mimeTypes.map(String) : null,
    };
  });
}

export function configuredBuckets(configPath = path.resolve(import.meta.dirname, "../../supabase/config.toml")): BucketSpec[] {
  return bucketsFromToml(fs.readFileSync(configPath, "utf8"));
}
