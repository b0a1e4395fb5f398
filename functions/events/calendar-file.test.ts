// Unit tests of the iCalendar builder (pure: no database, no HTTP).
import { describe, expect, it } from "vitest";
import { buildCalendarFile, type CalendarEvent, escapeText, foldLine } from "./calendar-file.ts";

const base: CalendarEvent = {
  id: "7f1c2b9e-4d3a-4e5f-8a6b-1c2d3e4f5a6b",
  title: "Rust 101; ownership, borrowing \\ lifetimes",
  description: "Line one\nLine two",
  startsAt: new Date("2026-12-03T09:00:00Z"),
  endsAt: new Date("2026-12-03T11:30:00Z"),
  location: "APU campus, Block B",
  url: "https://atas.example/events/7f1c2b9e-4d3a-4e5f-8a6b-1c2d3e4f5a6b",
  status: "published",
  cancelReason: null,
  createdAt: new Date("2026-11-01T00:00:00Z"),
  updatedAt: new Date("2026-11-02T00:00:00Z"),
};
const now = new Date("2026-11-25T18:00:00Z");

/** Unfolds (RFC 5545 §3.1) and splits into content lines. */
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
}

describe("escapeText()", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });
});

describe("foldLine()", () => {
  it("keeps every physical line within 75 octets and never splits a UTF-8 character", () => {
    const line = `DESCRIPTION:${"Kuala Lumpur — 吉隆坡 🎉 ".repeat(20)}`;
    const folded = foldLine(line);
    for (const physical of folded.split("\r\n")) expect(new TextEncoder().encode(physical).byteLength).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
  });

  it("leaves short lines alone", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
  });
});

describe("buildCalendarFile()", () => {
  it("writes UTC times and no VTIMEZONE: the same file for every client", () => {
    const lines = contentLines(buildCalendarFile(base, now));
    expect(lines).toContain("DTSTART:20261203T090000Z");
    expect(lines).toContain("DTEND:20261203T113000Z");
    expect(lines.some((l) => l.includes("TZID") || l.includes("VTIMEZONE"))).toBe(false);
    expect(lines).toContain("DTSTAMP:20261125T180000Z");
    expect(lines).toContain("STATUS:CONFIRMED");
  });

  it("writes a summer instant of a zone with DST as the same UTC instant (no offset arithmetic)", () => {
    const july = { ...base, startsAt: new Date("2026-07-01T16:00:00Z"), endsAt: new Date("2026-07-01T18:00:00+02:00") };
    const lines = contentLines(buildCalendarFile(july, now));
    expect(lines).toContain("DTSTART:20260701T160000Z");
    expect(lines).toContain("DTEND:20260701T160000Z");
  });

  it("keeps the UID stable across edits and marks a cancelled event CANCELLED with its reason", () => {
    const first = contentLines(buildCalendarFile(base, now));
    const cancelled = contentLines(buildCalendarFile({
      ...base, status: "cancelled", cancelReason: "Speaker ill, sorry", updatedAt: new Date("2026-11-20T00:00:00Z"),
    }, new Date("2026-11-26T00:00:00Z")));
    const uid = first.find((l) => l.startsWith("UID:"));
    expect(uid).toBe("UID:event-7f1c2b9e-4d3a-4e5f-8a6b-1c2d3e4f5a6b@atas");
    expect(cancelled.find((l) => l.startsWith("UID:"))).toBe(uid);
    expect(cancelled).toContain("STATUS:CANCELLED");
    const sequence = (lines: string[]) => Number(lines.find((l) => l.startsWith("SEQUENCE:"))!.slice(9));
    expect(sequence(cancelled)).toBeGreaterThan(sequence(first));
    expect(cancelled.find((l) => l.startsWith("DESCRIPTION:"))).toContain("Cancelled: Speaker ill\\, sorry");
  });

  it("escapes user text in SUMMARY, DESCRIPTION and LOCATION and ends every line with CRLF", () => {
    const ics = buildCalendarFile(base, now);
    const lines = contentLines(ics);
    expect(lines).toContain("SUMMARY:Rust 101\\; ownership\\, borrowing \\\\ lifetimes");
    expect(lines.find((l) => l.startsWith("DESCRIPTION:"))).toMatch(/^DESCRIPTION:Line one\\nLine two\\n\\nhttps:/);
    expect(lines).toContain("LOCATION:APU campus\\, Block B");
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });
});
