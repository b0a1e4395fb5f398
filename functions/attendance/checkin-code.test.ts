// checkinCodeAt()/isCurrentCheckinCode(): pure functions over WebCrypto, no I/O.
import { describe, expect, it } from "vitest";
import { CHECKIN_SLOT_MS, checkinCodeAt, isCurrentCheckinCode } from "./checkin-code.ts";

const EVENT = "7f1c2b9e-4d3a-4e5f-8a6b-1c2d3e4f5a6b";
const OTHER = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const slotStart = new Date(Math.floor(Date.UTC(2026, 11, 3, 17, 7) / CHECKIN_SLOT_MS) * CHECKIN_SLOT_MS);

describe("checkinCodeAt()", () => {
  it("gives 8 base32 characters, the same for the whole 15-minute slot", async () => {
    const first = await checkinCodeAt("secret", EVENT, slotStart);
    const last = await checkinCodeAt("secret", EVENT, new Date(slotStart.getTime() + CHECKIN_SLOT_MS - 1));
    expect(first.code).toMatch(/^[A-Z2-7]{8}$/);
    expect(last.code).toBe(first.code);
    expect(first.validFrom).toEqual(slotStart);
    expect(first.validUntil.getTime() - first.validFrom.getTime()).toBe(CHECKIN_SLOT_MS);
  });

  it("changes with the next slot, another event and another secret", async () => {
    const code = (await checkinCodeAt("secret", EVENT, slotStart)).code;
    expect((await checkinCodeAt("secret", EVENT, new Date(slotStart.getTime() + CHECKIN_SLOT_MS))).code).not.toBe(code);
    expect((await checkinCodeAt("secret", OTHER, slotStart)).code).not.toBe(code);
    expect((await checkinCodeAt("other secret", EVENT, slotStart)).code).not.toBe(code);
  });

  it("is deterministic across calls and ignores the event id's case", async () => {
    expect((await checkinCodeAt("s", EVENT.toUpperCase(), slotStart)).code).toBe((await checkinCodeAt("s", EVENT, slotStart)).code);
  });
});

describe("isCurrentCheckinCode()", () => {
  it("accepts only the current slot's code", async () => {
    const { code } = await checkinCodeAt("secret", EVENT, slotStart);
    expect(await isCurrentCheckinCode("secret", EVENT, code, new Date(slotStart.getTime() + 60_000))).toBe(true);
    expect(await isCurrentCheckinCode("secret", EVENT, code, new Date(slotStart.getTime() + CHECKIN_SLOT_MS))).toBe(false);
    expect(await isCurrentCheckinCode("secret", EVENT, code, new Date(slotStart.getTime() - 1))).toBe(false);
    expect(await isCurrentCheckinCode("secret", EVENT, `${code}A`, slotStart)).toBe(false);
    expect(await isCurrentCheckinCode("secret", OTHER, code, slotStart)).toBe(false);
  });
});
