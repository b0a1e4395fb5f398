// Function `accounts`: the signed-in user's own account — read it, complete onboarding, request
// roles, delete it. Every write first checks the account's CURRENT status in the database.
import { requireUser } from "../_shared/auth.ts";
import { inCallerTransaction } from "../_shared/database.ts";
import { type Deps, depsFromEnv } from "../_shared/deps.ts";
import { json } from "../_shared/http.ts";
import { createRouter } from "../_shared/router.ts";
import {
  CompleteOnboardingInput,
  DeleteAccountInput,
  RequestRoleInput,
  SaveOnboardingProgressInput,
  SkipOnboardingInput,
} from "../_shared/contracts/accounts.ts";
import { type AuthAdmin, authAdminFromEnv } from "../_shared/moderation/auth-sessions.ts";
import { requireActiveAccount } from "../_shared/moderation/current-account.ts";
import { parseBody } from "../_shared/moderation/request-input.ts";
import { deleteOwnAccount } from "./account-deletion.ts";
import { readMe } from "./me.ts";
import { completeOnboarding } from "./onboarding.ts";
import { saveOnboardingProgress, skipOnboarding } from "./onboarding-progress.ts";
import { requestRole } from "./role-requests.ts";

export interface AccountsDeps extends Deps {
  authAdmin: AuthAdmin;
}

export function createHandler(deps: AccountsDeps): (req: Request) => Promise<Response> {
  const router = createRouter("accounts")
    .on("GET", "/me", async ({ req }) => {
      const caller = await requireUser(deps.auth, req);
      return json(await inCallerTransaction(deps.sql, caller, ({ tx }) => readMe(tx, caller.id)));
    })
    .on("POST", "/onboarding", async (ctx) => {
      const caller = await requireUser(deps.auth, ctx.req);
      const input = await parseBody(CompleteOnboardingInput, ctx);
      return json(await inCallerTransaction(deps.sql, caller, async ({ tx }) => {
        const account = await requireActiveAccount(tx, caller.id);
        return completeOnboarding(tx, account, input);
      }));
    })
    .on("PUT", "/onboarding/progress", async (ctx) => {
      const caller = await requireUser(deps.auth, ctx.req);
      const input = await parseBody(SaveOnboardingProgressInput, ctx);
      return json(await inCallerTransaction(deps.sql, caller, async ({ tx }) => {
        const account = await requireActiveAccount(tx, caller.id);
        return saveOnboardingProgress(tx, account, input);
      }));
    })
    .on("POST", "/onboarding/skip", async (ctx) => {
      const caller = await requireUser(deps.auth, ctx.req);
      const input = await parseBody(SkipOnboardingInput, ctx);
      return json(await inCallerTransaction(deps.sql, caller, async ({ tx }) => {
        const account = await requireActiveAccount(tx, caller.id);
        return skipOnboarding(tx, account, input);
      }));
    })
    .on("POST", "/roles", async (ctx) => {
      const caller = await requireUser(deps.auth, ctx.req);
      const input = await parseBody(RequestRoleInput, ctx);
      return json(await inCallerTransaction(deps.sql, caller, async ({ tx }) => {
        const account = await requireActiveAccount(tx, caller.id);
        return requestRole(tx, account, input.role);
      }), 201);
    })
    .on("DELETE", "/me", async (ctx) => {
      const caller = await requireUser(deps.auth, ctx.req);
      const input = await parseBody(DeleteAccountInput, ctx);
      const result = await inCallerTransaction(deps.sql, caller, async ({ tx }) => {
        const account = await requireActiveAccount(tx, caller.id);
        return deleteOwnAccount(tx, account, input);
      });
      // After commit: block new sign-ins where an Auth server runs (see auth-sessions.ts).
      await deps.authAdmin.setBanned(caller.id, true);
      return json(result);
    });
  return (req) => router.handle(req);
}

export function handlerFromEnv(): (req: Request) => Promise<Response> {
  return createHandler({ ...depsFromEnv(), authAdmin: authAdminFromEnv() });
}
