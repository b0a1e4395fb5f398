// §3.6 F personal check-in QR: the participant shows a short-lived token, the team scans it and
// the row becomes attended. The token binds participant and event and carries its expiry, signed
// with HMAC-SHA256 under the check-in secret (CHECKIN_CODE_SECRET, required at start) in its own
// domain ("qr1:"), so it can never be confused with a rotating event code. Nothing is stored: a
// leaked QR is worth at most its 15 minutes, and it only ever checks in the person it names.
import type { AttendanceRecord, PersonalQr, ScanQrInput } from "../_shared/contracts/attendance.ts";
import { AppError, forbidden, notFound } from "../_shared/errors.ts";
import { callerStanding, loadParticipationEvent } from "../_shared/event-access.ts";
import { lockOwnParticipant, lockParticipantById } from "../_shared/participation/participant-rows.ts";
import { invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { requireAttendanceWindow } from "./attendance-window.ts";
import { recordAttendance } from "./record-attendance.ts";

export const PERSONAL_QR_TTL_MS = 15 * 60 * 1000;

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function mac(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return base64url(new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(message))));
}

export async function signPersonalQr(secret: string, participantId: string, eventId: string, expiresAt: Date): Promise<string> {
  const body = `${participantId.toLowerCase()}.${eventId.toLowerCase()}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `qr1.${body}.${await mac(secret, `qr1:${body}`)}`;
}

function invalidQr(message: string): AppError {
  return new AppError(403, "invalid_checkin_qr", message);
}

/** Checks signature, event and expiry; returns the participant id the QR names. */
export async function verifyPersonalQr(secret: string, token: string, eventId: string, now: Date): Promise<string> {
  const [version, participantId, qrEventId, expires, signature] = token.split(".");
  if (version !== "qr1" || !participantId || !qrEventId || !expires || !signature) throw invalidQr("This is not an ATAS check-in QR");
  const expected = await mac(secret, `qr1:${participantId.toLowerCase()}.${qrEventId.toLowerCase()}.${expires}`);
  let difference = expected.length ^ signature.length;
  for (let i = 0; i < Math.min(expected.length, signature.length); i++) difference |= expected.charCodeAt(i) ^ signature.charCodeAt(i);
  if (difference !== 0) throw invalidQr("This check-in QR is not valid: its signature does not match");
  if (qrEventId.toLowerCase() !== eventId.toLowerCase()) throw invalidQr("This check-in QR is for another event");
  if (Number(expires) * 1000 <= now.getTime()) throw invalidQr("This check-in QR has expired: ask the participant to refresh it");
  return participantId.toLowerCase();
}

/** GET /events/:eventId/my-qr — the caller's own accepted row, signed for 15 minutes. */
export function myQr(secret: string) {
  return async function myQr({ t, caller, params, now }: OperationContext<{ eventId: string }, undefined>): Promise<PersonalQr> {
    const event = await loadParticipationEvent(t, params.eventId);
    const row = await lockOwnParticipant(t.tx, event.id, caller.id);
    if (!row) throw notFound(`You do not take part in "${event.title}": register first`);
    if (row.status !== "accepted") {
      throw invalidTransition(`No check-in QR for "${event.title}": your place is ${row.status}, only accepted participants check in`);
    }
    if (event.status !== "published") throw invalidTransition(`No check-in QR for "${event.title}": the event is ${event.status}`);
    const expiresAt = new Date(now.getTime() + PERSONAL_QR_TTL_MS);
    return { participantId: row.id, eventId: event.id, token: await signPersonalQr(secret, row.id, event.id, expiresAt), expiresAt: expiresAt.toISOString() };
  };
}

/** POST /events/:eventId/scan — the team scans a personal QR; the named row becomes attended. */
export function scanQr(secret: string) {
  return async function scanQr({ t, caller, params, body, now }: OperationContext<{ eventId: string }, ScanQrInput>): Promise<AttendanceRecord> {
    const event = await loadParticipationEvent(t, params.eventId, { lock: true });
    const access = await callerStanding(t, event, caller);
    if (!access.isTeam) throw forbidden(`Cannot scan check-in QRs for "${event.title}": only the organizer and accepted committee members do`);
    requireAttendanceWindow(event, now);
    const participantId = await verifyPersonalQr(secret, body.token, event.id, now);
    const row = await lockParticipantById(t.tx, participantId);
    if (!row || row.event_id !== event.id) throw invalidQr("This check-in QR names nobody on this event's list");
    return recordAttendance(t.tx, { event, row, status: "attended", actorId: caller.id, now });
  };
}
