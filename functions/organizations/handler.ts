// Function `organizations`: organizations, their review and their members. Reads go through RLS
// as the caller; rule-carrying writes run with the function's role after the checks, and every
// write first checks the caller's CURRENT account status.
import { type Caller, requireUser } from "../_shared/auth.ts";
import { inCallerTransaction, type Tx } from "../_shared/database.ts";
import { type Deps, depsFromEnv } from "../_shared/deps.ts";
import { json } from "../_shared/http.ts";
import { createRouter, type RouteContext } from "../_shared/router.ts";
import { EmptyBody } from "../_shared/contracts/common.ts";
import {
  AnswerInvitationInput, BankDetails, ChangeMemberRoleInput, CreateOrganizationInput, DecideJoinRequestInput,
  InviteMemberInput, MemberParams, OrganizationParams, RejectOrganizationInput, TransferOwnershipInput,
  UpdateOrganizationInput,
} from "../_shared/contracts/organizations.ts";
import {
  type CurrentAccount, readCurrentAccount, requireActiveAccount, requireAdmin,
} from "../_shared/moderation/current-account.ts";
import { parseBody, parseParams } from "../_shared/moderation/request-input.ts";
import {
  answerInvitation, changeMemberRole, decideJoinRequest, inviteMember, leaveOrganization, listMembers, removeMember,
  requestToJoin, transferOwnership,
} from "./memberships.ts";
import {
  canSeeBankDetails, createOrganization, decideOrganization, deleteOrganization, readOrganization, resubmitOrganization,
  setBankDetails, updateOrganization,
} from "./organization-lifecycle.ts";

export function createHandler(deps: Deps): (req: Request) => Promise<Response> {
  const authenticate = (ctx: RouteContext) => requireUser(deps.auth, ctx.req);

  /** One transaction for an active account (current rows, not claims). */
  function asActive<T>(caller: Caller, work: (tx: Tx, account: CurrentAccount) => Promise<T>): Promise<T> {
    return inCallerTransaction(deps.sql, caller, async ({ tx }) => work(tx, await requireActiveAccount(tx, caller.id)));
  }

  function asPlatformAdmin<T>(caller: Caller, work: (tx: Tx, admin: CurrentAccount) => Promise<T>): Promise<T> {
    return inCallerTransaction(deps.sql, caller, async ({ tx }) => work(tx, await requireAdmin(tx, caller.id)));
  }

  const router = createRouter("organizations")
    .on("POST", "/", async (ctx) => {
      const caller = await authenticate(ctx);
      const input = await parseBody(CreateOrganizationInput, ctx);
      return json(await asActive(caller, (tx, account) => createOrganization(tx, account, input)), 201);
    })
    .on("GET", "/:id", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      return json(await inCallerTransaction(deps.sql, caller, async ({ tx, asCaller }) => {
        const account = await readCurrentAccount(tx, caller.id);
        return readOrganization(asCaller, id, await canSeeBankDetails(tx, account, id));
      }));
    })
    .on("PATCH", "/:id", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      const input = await parseBody(UpdateOrganizationInput, ctx);
      return json(await asActive(caller, (tx, account) => updateOrganization(tx, account, id, input)));
    })
    .on("DELETE", "/:id", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      await parseBody(EmptyBody, ctx);
      return json(await asActive(caller, (tx, account) => deleteOrganization(tx, account, id)));
    })
    .on("PUT", "/:id/bank-details", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      const input = await parseBody(BankDetails, ctx);
      return json(await asActive(caller, (tx, account) => setBankDetails(tx, account, id, input)));
    })
    .on("POST", "/:id/resubmit", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      await parseBody(EmptyBody, ctx);
      return json(await asActive(caller, (tx, account) => resubmitOrganization(tx, account, id)));
    })
    .on("POST", "/:id/approve", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      await parseBody(EmptyBody, ctx);
      return json(await asPlatformAdmin(caller, (tx, admin) => decideOrganization(tx, admin, id, { approve: true })));
    })
    .on("POST", "/:id/reject", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      const { reason } = await parseBody(RejectOrganizationInput, ctx);
      return json(await asPlatformAdmin(caller, (tx, admin) => decideOrganization(tx, admin, id, { approve: false, reason })));
    })
    .on("GET", "/:id/members", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      return json(await inCallerTransaction(deps.sql, caller, async ({ tx, asCaller }) =>
        listMembers(tx, asCaller, await readCurrentAccount(tx, caller.id), id)));
    })
    .on("POST", "/:id/invitations", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      const input = await parseBody(InviteMemberInput, ctx);
      return json(await asActive(caller, (tx, account) => inviteMember(tx, account, id, input)), 201);
    })
    .on("POST", "/:id/invitation", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      const { accept } = await parseBody(AnswerInvitationInput, ctx);
      return json(await asActive(caller, (tx, account) => answerInvitation(tx, account, id, accept)));
    })
    .on("POST", "/:id/join-requests", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      await parseBody(EmptyBody, ctx);
      return json(await asActive(caller, (tx, account) => requestToJoin(tx, account, id)), 201);
    })
    .on("POST", "/:id/join-requests/:userId", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id, userId } = parseParams(MemberParams, ctx);
      const { accept } = await parseBody(DecideJoinRequestInput, ctx);
      return json(await asActive(caller, (tx, account) => decideJoinRequest(tx, account, id, userId, accept)));
    })
    .on("PATCH", "/:id/members/:userId", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id, userId } = parseParams(MemberParams, ctx);
      const { role } = await parseBody(ChangeMemberRoleInput, ctx);
      return json(await asActive(caller, (tx, account) => changeMemberRole(tx, account, id, userId, role)));
    })
    .on("DELETE", "/:id/members/:userId", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id, userId } = parseParams(MemberParams, ctx);
      await parseBody(EmptyBody, ctx);
      return json(await asActive(caller, (tx, account) => removeMember(tx, account, id, userId)));
    })
    .on("POST", "/:id/leave", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      await parseBody(EmptyBody, ctx);
      return json(await asActive(caller, (tx, account) => leaveOrganization(tx, account, id)));
    })
    .on("POST", "/:id/transfer", async (ctx) => {
      const caller = await authenticate(ctx);
      const { id } = parseParams(OrganizationParams, ctx);
      const { userId } = await parseBody(TransferOwnershipInput, ctx);
      return json(await asActive(caller, (tx, account) => transferOwnership(tx, account, id, userId)));
    });
  return (req) => router.handle(req);
}

export function handlerFromEnv(): (req: Request) => Promise<Response> {
  return createHandler(depsFromEnv());
}
