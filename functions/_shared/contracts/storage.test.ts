import { describe, expect, it } from "vitest";
import { parseStoragePath, storagePath, storagePathIn } from "./storage.ts";

const user = "0b6f2f1e-8f1a-4c9b-9a51-0d7c7d1e2f30";
const event = "9f92206f-45b7-6942-4cf5-07507e0e2584";

describe("parseStoragePath()", () => {
  it("splits a well-formed path into bucket, folders, file name and object name", () => {
    expect(parseStoragePath(`payment-proofs/${event}/${user}/receipt.pdf`)).toEqual({
      bucket: "payment-proofs",
      folders: [event, user],
      fileName: "receipt.pdf",
      objectName: `${event}/${user}/receipt.pdf`,
    });
  });

  it("returns null for outside URLs, unknown buckets and path tricks", () => {
    for (const path of [
      "https://img.example.com/a.png",
      `pictures/${user}/a.png`,
      `avatars/${user}/../a.png`,
      `avatars/${user}/..`,
      `avatars/${user}//a.png`,
      `avatars/${user}/`,
      `avatars/${user.toUpperCase()}/a.png`,
      `avatars/me/a.png`,
      `avatars/${user}/sub/a.png`,
      `avatars/${user}/a\\b.png`,
      `payment-proofs/${event}/a.png`,
    ]) {
      expect(parseStoragePath(path), path).toBeNull();
    }
  });
});

describe("storagePathIn()", () => {
  it("accepts a path in exactly the expected folders and refuses another user's folder", () => {
    const schema = storagePathIn("payment-proofs", [event, user]);
    expect(schema.safeParse(`payment-proofs/${event}/${user}/r.jpg`).success).toBe(true);
    const refused = schema.safeParse(`payment-proofs/${event}/${event}/r.jpg`);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(`Must be a path "payment-proofs/${event}/${user}/<file name>"`);
  });
});

describe("storagePath()", () => {
  it("builds the stored path", () => {
    expect(storagePath("avatars", [user], "me.webp")).toBe(`avatars/${user}/me.webp`);
  });

  it("throws on a file name that would escape the folder", () => {
    expect(() => storagePath("avatars", [user], "..")).toThrow(/Cannot build a storage path/);
  });
});
