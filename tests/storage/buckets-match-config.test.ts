import { describe, expect, it } from "vitest";
import { testSql } from "../support/harness.ts";
import { type BucketSpec, bucketsFromToml, configuredBuckets, parseSizeInBytes } from "./configured-buckets.ts";

const byId = (a: BucketSpec, b: BucketSpec) => a.id.localeCompare(b.id);

describe("storage buckets: config.toml and the migration agree", () => {
  it("storage.buckets holds exactly the buckets config.toml declares, with the same settings", async () => {
    const rows = await testSql()<{ id: string; name: string; public: boolean; file_size_limit: string | null; allowed_mime_types: string[] | null }[]>`
      select id, name, public, file_size_limit::text, allowed_mime_types from storage.buckets order by id`;
    const inDatabase: BucketSpec[] = rows.map((row) => ({
      id: row.id,
      isPublic: row.public,
      fileSizeLimitBytes: row.file_size_limit === null ? null : Number(row.file_size_limit),
      allowedMimeTypes: row.allowed_mime_types,
    }));
    expect(rows.every((row) => row.name === row.id)).toBe(true);
    expect(inDatabase.sort(byId)).toEqual(configuredBuckets().sort(byId));
  });

  it("every bucket has a size limit and a MIME allow-list, and only the three private ones are private", () => {
    const buckets = configuredBuckets();
    expect(buckets.map((b) => b.id).sort()).toEqual(
      ["avatars", "event-covers", "event-pictures", "organization-logos", "payment-proofs", "payment-qr", "proposal-files"],
    );
    for (const bucket of buckets) {
      expect(bucket.fileSizeLimitBytes, bucket.id).toBeGreaterThan(0);
      expect(bucket.allowedMimeTypes?.length ?? 0, bucket.id).toBeGreaterThan(0);
      expect(bucket.allowedMimeTypes, bucket.id).not.toContain("image/svg+xml");
    }
    expect(buckets.filter((b) => !b.isPublic).map((b) => b.id).sort()).toEqual(["payment-proofs", "payment-qr", "proposal-files"]);
  });
});

describe("parseSizeInBytes()", () => {
  it("reads binary units", () => {
    expect(parseSizeInBytes("2MiB")).toBe(2 * 1024 * 1024);
    expect(parseSizeInBytes("512KiB")).toBe(512 * 1024);
    expect(parseSizeInBytes("1GiB")).toBe(1024 ** 3);
    expect(parseSizeInBytes("10B")).toBe(10);
  });

  it("refuses decimal or unknown units instead of guessing", () => {
    expect(() => parseSizeInBytes("5MB")).toThrow('Cannot read size "5MB": use a whole number and B, KiB, MiB or GiB');
    expect(() => parseSizeInBytes("1.5MiB")).toThrow(/Cannot read size/);
  });
});

describe("bucketsFromToml()", () => {
  it("reads a bucket table and leaves missing settings null", () => {
    const buckets = bucketsFromToml('[storage.buckets.docs]\npublic = false\n\n[storage.buckets.pics]\npublic = true\nfile_size_limit = "1MiB"\nallowed_mime_types = ["image/png"]\n');
    expect(buckets).toEqual([
      { id: "docs", isPublic: false, fileSizeLimitBytes: null, allowedMimeTypes: null },
      { id: "pics", isPublic: true, fileSizeLimitBytes: 1024 * 1024, allowedMimeTypes: ["image/png"] },
    ]);
  });
});
