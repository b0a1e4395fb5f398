// Function `admin`: moderation tools. Every route checks that the caller is an active, approved
// admin in the database NOW (not only in the token's claims), then acts in one transaction.
import { type Caller, requireUser } from "../_shared/auth.ts";
import { inCallerTransaction, type Tx } from "../_shared/database.ts";
import { type Deps, depsFromEnv } from "../_shared/deps.ts";
import { json } from "../_shared/http.ts";
import { createRouter, type RouteContext } from "../_shared/router.ts";
import {
  AuditLogQuery,
  BroadcastInput,
  Pagination,
  ReactivateUserInput,
  RoleDecisionInput,
  RoleDecisionParams,
  RoleRequestsQuery,
  SuspendUserInput,
  Taxonomy,
  TaxonomyInput,
  TaxonomyParams,
  UserIdParams,
} from "../_shared/contracts/admin.ts";
import { EmptyBody } from "../_shared/contracts/common.ts";
import { type AuthAdmin, authAdminFromEnv } from "../_shared/moderation/auth-sessions.ts";
import { type CurrentAccount, requireAdmin } from "../_shared/moderation/current-account.ts";
import { parseBody, parseParams, parseQuery } from "../_shared/moderation/request-input.ts";
import { reactivateUser, suspendUser } from "./account-status.ts";
import { readAuditLog } from "./audit-reader.ts";
import { broadcast } from "./broadcasts.ts";
import { listPendingOrganizations, listRoleRequests } from "./queues.ts";
import { decideRole } from "./role-decisions.ts";
import { createTerm, deleteTerm, renameTerm } from "./taxonomies.ts";

export interface AdminDeps extends Deps {
  authAdmin: AuthAdmin;
}

export function createHandler(deps: AdminDeps): (req: Request) => Promise<Response> {
  /** Runs `work` in one transaction once the caller is verified as an admin by the current rows. */
  function asAdmin<T>(caller: Caller, work: (tx: Tx, admin: CurrentAccount) => Promise<T>): Promise<T> {
    return inCallerTransaction(deps.sql, caller, async ({ tx }) => work(tx, await requireAdmin(tx, caller.id)));
  }
  /** 401 first (no database work for strangers), then the request is validated, then authorized. */
  const authenticate = (ctx: RouteContext) => requireUser(deps.auth, ctx.req);

  const router = createRouter("admin")
    .on("GET", "/role-requests", async (ctx) => {
      const caller = await authenticate(ctx);
      const query = parseQuery(RoleRequestsQuery, ctx);
      return json(await asAdmin(caller, (tx) => listRoleRequests(tx, query)));
    })
    .on("POST", "/users/:userId/roles/:role/:action", async (ctx) => {
      const caller = await authenticate(ctx);
      const params = parseParams(RoleDecisionParams, ctx);
      const input = await parseBody(RoleDecisionInput, ctx);
      return json(await asAdmin(caller, (tx, admin) => decideRole(tx, admin, params, input)));
    })
    .on("POST", "/users/:userId/suspend", async (ctx) => {
      const caller = await authenticate(ctx);
      const { userId } = parseParams(UserIdParams, ctx);
      const input = await parseBody(SuspendUserInput, ctx);
      const change = await asAdmin(caller, (tx, admin) => suspendUser(tx, admin, userId, input));
      const { deletedSessions, ...rest } = change;
      return json({ ...rest, sessions: { deletedSessions, authAdmin: await deps.authAdmin.setBanned(userId, true) } });
    })
    .on("POST", "/users/:userId/reactivate", async (ctx) => {
      const caller = await authenticate(ctx);
      const { userId } = parseParams(UserIdParams, ctx);
      const input = await parseBody(ReactivateUserInput, ctx);
      const change = await asAdmin(caller, (tx, admin) => reactivateUser(tx, admin, userId, input));
      const { deletedSessions, ...rest } = change;
      return json({ ...rest, sessions: { deletedSessions, authAdmin: await deps.authAdmin.setBanned(userId, false) } });
    })
    .on("GET", "/organizations/pending", async (ctx) => {
      const caller = await authenticate(ctx);
      const query = parseQuery(Pagination, ctx);
      return json(await asAdmin(caller, (tx) => listPendingOrganizations(tx, query)));
    })
    .on("POST", "/broadcasts", async (ctx) => {
      const caller = await authenticate(ctx);
      const input = await parseBody(BroadcastInput, ctx);
      return json(await asAdmin(caller, (tx, admin) => broadcast(tx, admin, input)), 201);
    })
    .on("GET", "/audit-logs", async (ctx) => {
      const caller = await authenticate(ctx);
      const query = parseQuery(AuditLogQuery, ctx);
      return json(await asAdmin(caller, (tx) => readAuditLog(tx, query)));
    });

  for (const taxonomy of Taxonomy.options) {
    router
      .on("POST", `/${taxonomy}`, async (ctx) => {
        const caller = await authenticate(ctx);
        const { name } = await parseBody(TaxonomyInput, ctx);
        return json(await asAdmin(caller, (tx, admin) => createTerm(tx, admin, taxonomy, name)), 201);
      })
      .on("PATCH", `/${taxonomy}/:id`, async (ctx) => {
        const caller = await authenticate(ctx);
        const { id } = parseParams(TaxonomyParams, ctx);
        const { name } = await parseBody(TaxonomyInput, ctx);
        return json(await asAdmin(caller, (tx, admin) => renameTerm(tx, admin, taxonomy, id, name)));
      })
      .on("DELETE", `/${taxonomy}/:id`, async (ctx) => {
        const caller = await authenticate(ctx);
        const { id } = parseParams(TaxonomyParams, ctx);
        await parseBody(EmptyBody, ctx);
        return json(await asAdmin(caller, (tx, admin) => deleteTerm(tx, admin, taxonomy, id)));
      });
  }
  return (req) => router.handle(req);
}

export function handlerFromEnv(): (req: Request) => Promise<Response> {
  return createHandler({ ...depsFromEnv(), authAdmin: authAdminFromEnv() });
}
