// Errors of the participation and attendance rules: stable snake_case codes, sentence-case
// messages that say what could not be done and why.
import { AppError } from "../errors.ts";

export { invalidTransition } from "../errors.ts";

export function outsideAttendanceWindow(message: string): AppError {
  return new AppError(409, "outside_attendance_window", message);
}

export function invalidCheckinCode(message: string): AppError {
  return new AppError(403, "invalid_checkin_code", message);
}

export function eventFull(message: string): AppError {
  return new AppError(409, "event_full", message);
}

export function alreadyParticipant(message: string): AppError {
  return new AppError(409, "already_participant", message);
}

/**
 * A payment proof must be an object in the payer's own folder `<eventId>/<userId>/`: the
 * database's rule (event_participants_payment_proof_url_is_storage_path) under its code, with the
 * folder named in the message.
 */
export function requireProofInOwnFolder(objectName: string, eventId: string, userId: string): void {
  const ownFolder = `${eventId}/${userId}/`.toLowerCase();
  if (objectName.toLowerCase().startsWith(ownFolder)) return;
  throw new AppError(409, "event_participants_payment_proof_url_is_storage_path",
    `The proof must be stored under "${ownFolder}" in the payment-proofs bucket`, [{ path: "path", message: `Must start with ${ownFolder}` }]);
}
