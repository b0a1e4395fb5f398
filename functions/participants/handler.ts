// The `participants` function: invitations, applications, role changes, removal, leaving, the
// participant list and payment proofs (DOMAIN.md §3.6 C, D, I, J; paid events). Each route reads
// as the caller, checks its rule here and writes with the function's role in one transaction.
import {
  AnswerInvitationInput,
  ApplyToEventInput,
  BookExpertInput,
  ChangeRoleInput,
  DecideApplicationInput,
  DecidePaymentInput,
  EventParams,
  ParticipantListQuery,
  InviteParticipantInput,
  LeaveEventInput,
  ParticipantParams,
  RemoveParticipantInput,
  SponsorPromoInput,
  SubmitPaymentProofInput,
} from "../_shared/contracts/participation.ts";
import { type Deps, depsFromEnv } from "../_shared/deps.ts";
import { publicRoute, userRoute } from "../_shared/participation/run-route.ts";
import { createRouter } from "../_shared/router.ts";
import { answerInvitation } from "./answer-invitation.ts";
import { applyToEvent } from "./apply-to-event.ts";
import { bookExpert } from "./book-expert.ts";
import { changeRole } from "./change-role.ts";
import { decideApplication } from "./decide-application.ts";
import { decidePayment } from "./decide-payment.ts";
import { inviteParticipant } from "./invite-participant.ts";
import { leaveEvent } from "./leave-event.ts";
import { listEventParticipants } from "./list-participants.ts";
import { removeParticipant } from "./remove-participant.ts";
import { setSponsorPromo } from "./sponsor-promo.ts";
import { submitPaymentProof } from "./submit-payment-proof.ts";

export function createHandler(deps: Deps): (req: Request) => Promise<Response> {
  const router = createRouter("participants")
    .on("GET", "/events/:eventId", publicRoute(deps, { params: EventParams, query: ParticipantListQuery }, listEventParticipants))
    .on("POST", "/events/:eventId/invitations", userRoute(deps, { params: EventParams, body: InviteParticipantInput, status: 201 }, inviteParticipant))
    .on("POST", "/events/:eventId/invitation/answer", userRoute(deps, { params: EventParams, body: AnswerInvitationInput }, answerInvitation))
    .on("POST", "/events/:eventId/applications", userRoute(deps, { params: EventParams, body: ApplyToEventInput, status: 201 }, applyToEvent))
    .on("POST", "/events/:eventId/bookings", userRoute(deps, { params: EventParams, body: BookExpertInput, status: 201 }, bookExpert))
    .on("PUT", "/events/:eventId/promo", userRoute(deps, { params: EventParams, body: SponsorPromoInput }, setSponsorPromo))
    .on("POST", "/events/:eventId/leave", userRoute(deps, { params: EventParams, body: LeaveEventInput }, leaveEvent))
    .on("PUT", "/events/:eventId/payment-proof", userRoute(deps, { params: EventParams, body: SubmitPaymentProofInput }, submitPaymentProof))
    .on("POST", "/:participantId/application/decision", userRoute(deps, { params: ParticipantParams, body: DecideApplicationInput }, decideApplication))
    .on("PATCH", "/:participantId/role", userRoute(deps, { params: ParticipantParams, body: ChangeRoleInput }, changeRole))
    .on("POST", "/:participantId/payment/decision", userRoute(deps, { params: ParticipantParams, body: DecidePaymentInput }, decidePayment))
    .on("DELETE", "/:participantId", userRoute(deps, { params: ParticipantParams, body: RemoveParticipantInput }, removeParticipant));
  return (req) => router.handle(req);
}

export function handlerFromEnv(): (req: Request) => Promise<Response> {
  return createHandler(depsFromEnv());
}
