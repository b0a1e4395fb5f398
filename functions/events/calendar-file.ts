// An iCalendar (RFC 5545) file for one event: UTC times (`…Z`, §3.3.5 form #2), so the file is the
// same for every client and needs no VTIMEZONE (each calendar shows the time in its user's zone),
// a UID that never changes, CANCELLED for cancelled events, TEXT values escaped and lines folded
// at 75 octets.

export interface CalendarEvent {
  id: string;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  url: string;
  status: "draft" | "published" | "ended" | "cancelled";
  cancelReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line into ≤75-octet lines, never splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).byteLength;
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function formatUtc(at: Date): string {
  return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`;
}

/** The .ics text (CRLF line endings). `now` stamps DTSTAMP. */
export function buildCalendarFile(event: CalendarEvent, now: Date): string {
  const description = [
    event.status === "cancelled" ? `Cancelled${event.cancelReason ? `: ${event.cancelReason}` : ""}` : null,
    event.description,
    event.url,
  ].filter((part): part is string => Boolean(part)).join("\n\n");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//ATAS//Events//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:event-${event.id}@atas`,
    `DTSTAMP:${formatUtc(now)}`,
    `CREATED:${formatUtc(event.createdAt)}`,
    `LAST-MODIFIED:${formatUtc(event.updatedAt)}`,
    // Grows with every edit, so calendars replace an older copy (a cancellation included).
    `SEQUENCE:${Math.max(0, Math.floor((event.updatedAt.getTime() - event.createdAt.getTime()) / 1000))}`,
    `DTSTART:${formatUtc(event.startsAt)}`,
    `DTEND:${formatUtc(event.endsAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    `URL:${event.url}`,
    `STATUS:${event.status === "cancelled" ? "CANCELLED" : event.status === "draft" ? "TENTATIVE" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
