// The `attendance` function: team marking, the rotating check-in code, self check-in (code or
// online), walk-in tokens and the public walk-in form (DOMAIN.md §3.6 F, G; §3.8; §8 #9).
// verify_jwt stays on: the walk-in form works with the anon key, every other route needs a user.
import {
  CheckInInput,
  CreateWalkInTokenInput,
  DeactivateWalkInTokenInput,
  EventParams,
  MarkAttendanceInput,
  OnlineCheckInInput,
  ParticipantParams,
  ScanQrInput,
  TeamWalkInInput,
  TokenParams,
  WalkInInput,
} from "../_shared/contracts/attendance.ts";
import { type Deps, depsFromEnv } from "../_shared/deps.ts";
import { requireSecret } from "../_shared/env.ts";
import { publicRoute, userRoute } from "../_shared/participation/run-route.ts";
import { createRouter } from "../_shared/router.ts";
import { z } from "zod";
import { checkInOnline, checkInWithCode } from "./check-in.ts";
import { currentCode } from "./current-code.ts";
import { markAttendance } from "./mark-attendance.ts";
import { myQr, scanQr } from "./personal-qr.ts";
import { teamWalkIn } from "./team-walk-in.ts";
import { submitWalkIn } from "./walk-in.ts";
import { createWalkInToken, deactivateWalkInToken, listWalkInTokens } from "./walk-in-tokens.ts";

export interface AttendanceDeps extends Deps {
  /** HMAC key of the rotating check-in codes (env CHECKIN_CODE_SECRET). */
  checkinSecret: string;
}

const NoParams = z.object({}).strict();

export function createHandler(deps: AttendanceDeps): (req: Request) => Promise<Response> {
  const router = createRouter("attendance")
    .on("POST", "/participants/:participantId", userRoute(deps, { params: ParticipantParams, body: MarkAttendanceInput }, markAttendance))
    .on("GET", "/events/:eventId/code", userRoute(deps, { params: EventParams }, currentCode(deps.checkinSecret)))
    .on("POST", "/events/:eventId/check-in", userRoute(deps, { params: EventParams, body: CheckInInput }, checkInWithCode(deps.checkinSecret)))
    .on("POST", "/events/:eventId/online-check-in", userRoute(deps, { params: EventParams, body: OnlineCheckInInput }, checkInOnline))
    .on("GET", "/events/:eventId/walk-in-tokens", userRoute(deps, { params: EventParams }, listWalkInTokens))
    .on("POST", "/events/:eventId/walk-in-tokens", userRoute(deps, { params: EventParams, body: CreateWalkInTokenInput, status: 201 }, createWalkInToken))
    .on("POST", "/walk-in-tokens/:tokenId/deactivate", userRoute(deps, { params: TokenParams, body: DeactivateWalkInTokenInput }, deactivateWalkInToken))
    .on("GET", "/events/:eventId/my-qr", userRoute(deps, { params: EventParams }, myQr(deps.checkinSecret)))
    .on("POST", "/events/:eventId/scan", userRoute(deps, { params: EventParams, body: ScanQrInput }, scanQr(deps.checkinSecret)))
    .on("POST", "/events/:eventId/walk-ins", userRoute(deps, { params: EventParams, body: TeamWalkInInput, status: 201 }, teamWalkIn))
    .on("POST", "/walk-in", publicRoute(deps, { params: NoParams, body: WalkInInput, status: 201 }, submitWalkIn));
  return (req) => router.handle(req);
}

export function handlerFromEnv(): (req: Request) => Promise<Response> {
  // No fallback: with a known key anyone could compute any event's check-in code (issue 14).
  const checkinSecret = requireSecret("CHECKIN_CODE_SECRET", "the HMAC key of the rotating event check-in codes");
  return createHandler({ ...depsFromEnv(), checkinSecret });
}
