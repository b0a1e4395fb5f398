// An iCalendar (RFC 5545) file for one event: local times with a TZID and a VTIMEZONE built from
// the platform's time zone data, a UID that never changes, CANCELLED for cancelled events, TEXT
// values escaped and lines folded at 75 octets.

export interface CalendarEvent {
  id: string;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
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

/** Wall-clock time of `at` at a fixed offset, as a DATE-TIME without zone. */
function formatLocal(at: Date, offsetMinutes: number): string {
  return formatUtc(new Date(at.getTime() + offsetMinutes * 60_000)).slice(0, -1);
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** UTC offset of `timeZone` at `at`, in minutes (from Intl, i.e. the IANA database). */
export function offsetMinutesAt(timeZone: string, at: Date): number {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

interface Transition {
  at: Date;
  from: number;
  to: number;
}

/** Offset changes of `timeZone` between two instants, to the minute. */
function transitionsBetween(timeZone: string, from: Date, to: Date): Transition[] {
  const day = 86_400_000;
  const found: Transition[] = [];
  let previous = from.getTime();
  let previousOffset = offsetMinutesAt(timeZone, from);
  for (let t = previous + day; t <= to.getTime() + day; t += day) {
    const offset = offsetMinutesAt(timeZone, new Date(t));
    if (offset !== previousOffset) {
      let low = previous;
      let high = t;
      while (high - low > 60_000) {
        const middle = low + Math.floor((high - low) / 2);
        if (offsetMinutesAt(timeZone, new Date(middle)) === previousOffset) low = middle;
        else high = middle;
      }
      found.push({ at: new Date(Math.floor(high / 60_000) * 60_000), from: previousOffset, to: offset });
      previousOffset = offset;
    }
    previous = t;
  }
  return found;
}

function isUtc(timeZone: string): boolean {
  return ["UTC", "Etc/UTC", "Etc/GMT", "GMT", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu"].includes(timeZone);
}

/** VTIMEZONE covering the year around the event: every offset change as its own observance. */
function timeZoneComponent(timeZone: string, startsAt: Date, endsAt: Date): string[] {
  const year = 365 * 86_400_000;
  const rangeStart = new Date(startsAt.getTime() - year);
  const transitions = transitionsBetween(timeZone, rangeStart, new Date(endsAt.getTime() + year));
  const initial = offsetMinutesAt(timeZone, rangeStart);
  const standardOffset = Math.min(initial, ...transitions.map((t) => t.to));
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  const observance = (kind: "STANDARD" | "DAYLIGHT", at: Date, from: number, to: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${formatLocal(at, from)}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    `END:${kind}`,
  ];
  lines.push(...observance(initial > standardOffset ? "DAYLIGHT" : "STANDARD", rangeStart, initial, initial));
  for (const t of transitions) lines.push(...observance(t.to > standardOffset ? "DAYLIGHT" : "STANDARD", t.at, t.from, t.to));
  lines.push("END:VTIMEZONE");
  return lines;
}

function dateTimeProperty(name: string, at: Date, timeZone: string): string {
  if (isUtc(timeZone)) return `${name}:${formatUtc(at)}`;
  return `${name};TZID=${timeZone}:${formatLocal(at, offsetMinutesAt(timeZone, at))}`;
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
    ...(isUtc(event.timeZone) ? [] : timeZoneComponent(event.timeZone, event.startsAt, event.endsAt)),
    "BEGIN:VEVENT",
    `UID:event-${event.id}@atas`,
    `DTSTAMP:${formatUtc(now)}`,
    `CREATED:${formatUtc(event.createdAt)}`,
    `LAST-MODIFIED:${formatUtc(event.updatedAt)}`,
    // Grows with every edit, so calendars replace an older copy (a cancellation included).
    `SEQUENCE:${Math.max(0, Math.floor((event.updatedAt.getTime() - event.createdAt.getTime()) / 1000))}`,
    dateTimeProperty("DTSTART", event.startsAt, event.timeZone),
    dateTimeProperty("DTEND", event.endsAt, event.timeZone),
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
