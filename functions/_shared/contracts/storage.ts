// Storage paths as the database stores them: `<bucket>/<object name>`, where the object name
// starts with the id of what the file belongs to (supabase/config.toml, README "Files").
// The same rules are enforced by the storage.objects policies and the *_is_storage_path checks;
// these schemas let an edge function refuse a bad path with a 400 before touching the database.
import { z } from "zod";

export const StorageBucket = z.enum([
  "avatars",
  "organization-logos",
  "event-covers",
  "event-pictures",
  "payment-proofs",
  "payment-qr",
  "proposal-files",
]);
export type StorageBucket = z.infer<typeof StorageBucket>;

/** How many uuid folders come before the file name in each bucket. */
export const FOLDER_DEPTH: Record<StorageBucket, 1 | 2> = {
  "avatars": 1,
  "organization-logos": 1,
  "event-covers": 1,
  "event-pictures": 1,
  "payment-proofs": 2,
  "payment-qr": 1,
  "proposal-files": 2,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// A file name segment: not empty, not "." or "..", no slash, backslash or control character.
// deno-lint-ignore no-control-regex
const FILE_NAME = /^(?!\.{1,2}$)[^/\\\u0000-\u001f\u007f]+$/;

export interface StoragePathParts {
  bucket: StorageBucket;
  folders: string[];
  fileName: string;
  /** The object name inside the bucket, as storage.from(bucket) expects it. */
  objectName: string;
}

/** Splits `<bucket>/<folders…>/<file>`; null when it is not a well-formed path of a known bucket. */
export function parseStoragePath(path: string): StoragePathParts | null {
  const [bucketName, ...rest] = path.split("/");
  const bucket = StorageBucket.safeParse(bucketName);
  if (!bucket.success) return null;
  const depth = FOLDER_DEPTH[bucket.data];
  if (rest.length !== depth + 1) return null;
  const folders = rest.slice(0, depth);
  const fileName = rest[depth] ?? "";
  if (!folders.every((folder) => UUID.test(folder)) || !FILE_NAME.test(fileName)) return null;
  return { bucket: bucket.data, folders, fileName, objectName: rest.join("/") };
}

/** A path in `bucket` whose folders are exactly `folders` (e.g. [eventId, userId] for a proof). */
export function storagePathIn(bucket: StorageBucket, folders: readonly string[]) {
  return z.string().max(500).refine(
    (path) => {
      const parts = parseStoragePath(path);
      return parts !== null && parts.bucket === bucket &&
        parts.folders.length === folders.length && parts.folders.every((folder, i) => folder === folders[i]);
    },
    { message: `Must be a path "${bucket}/${folders.join("/")}/<file name>"` },
  );
}

/** Builds the stored path for a file: `storagePath("avatars", [userId], "me.webp")`. */
export function storagePath(bucket: StorageBucket, folders: readonly string[], fileName: string): string {
  const path = [bucket, ...folders, fileName].join("/");
  if (parseStoragePath(path) === null) {
    throw new Error(`Cannot build a storage path from "${path}": use ${FOLDER_DEPTH[bucket]} uuid folder(s) and a plain file name`);
  }
  return path;
}
