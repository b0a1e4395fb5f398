// The event's rotating check-in code (DOMAIN.md §3.6 F): HMAC-SHA256 over the event id and the
// current 15-minute slot with a server secret, shown by the team, typed or scanned by participants.
// Only the current slot's code is accepted.
export const CHECKIN_SLOT_MS = 15 * 60 * 1000;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export interface CheckinCodeWindow {
  code: string;
  validFrom: Date;
  validUntil: Date;
}

function base32(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= length) break;
  }
  return out;
}

/** The code valid at `at` for this event (8 base32 characters, 40 bits). */
export async function checkinCodeAt(secret: string, eventId: string, at: Date): Promise<CheckinCodeWindow> {
  const slot = Math.floor(at.getTime() / CHECKIN_SLOT_MS);
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${eventId.toLowerCase()}:${slot}`)));
  return {
    code: base32(mac, 8),
    validFrom: new Date(slot * CHECKIN_SLOT_MS),
    validUntil: new Date((slot + 1) * CHECKIN_SLOT_MS),
  };
}

/** Constant-time comparison of a presented code with the current one. */
export async function isCurrentCheckinCode(secret: string, eventId: string, presented: string, at: Date): Promise<boolean> {
  const { code } = await checkinCodeAt(secret, eventId, at);
  if (presented.length !== code.length) return false;
  let difference = 0;
  for (let i = 0; i < code.length; i++) difference |= code.charCodeAt(i) ^ presented.charCodeAt(i);
  return difference === 0;
}
