// The caller's account as the database holds it NOW. Tokens carry a status claim, but a
// suspension or a revoked role must bite before the token expires (rule 7.2), so every
// function checks these rows, never the claims.
import { AppError, forbidden } from "../errors.ts";
import type { Tx } from "../database.ts";

export interface CurrentAccount {
  id: string;
  email: string | null;
  status: "active" | "inactive" | "frozen" | "suspended";
  deletedAt: Date | null;
  isAdmin: boolean;
}

export async function readCurrentAccount(tx: Tx, userId: string): Promise<CurrentAccount | null> {
  const [row] = await tx<{ id: string; email: string | null; status: CurrentAccount["status"]; deleted_at: Date | null; is_admin: boolean }[]>`
    select u.id, u.email::text as email, u.status, u.deleted_at,
           exists (select 1 from public.user_roles r
                   where r.user_id = u.id and r.role = 'admin' and r.status = 'approved') as is_admin
    from public.users u where u.id = ${userId}`;
  if (!row) return null;
  return { id: row.id, email: row.email, status: row.status, deletedAt: row.deleted_at, isAdmin: row.is_admin };
}

/** The caller's account must exist, be active and not deleted; otherwise 403 account_not_active. */
export async function requireActiveAccount(tx: Tx, userId: string): Promise<CurrentAccount> {
  const account = await readCurrentAccount(tx, userId);
  if (!account) throw new AppError(403, "account_not_active", "Your account does not exist any more");
  if (account.deletedAt) throw new AppError(403, "account_not_active", "Your account was deleted: contact an admin to restore it");
  if (account.status === "suspended") throw new AppError(403, "account_not_active", "Your account is suspended: it cannot change anything");
  if (account.status !== "active") {
    throw new AppError(403, "account_not_active", `Your account is ${account.status}: confirm your e-mail address first`);
  }
  return account;
}

/** An active account holding an approved admin role, read from the current rows. */
export async function requireAdmin(tx: Tx, userId: string): Promise<CurrentAccount> {
  const account = await readCurrentAccount(tx, userId);
  if (!account?.isAdmin) throw forbidden("Only an admin can do this");
  return requireActiveAccount(tx, userId);
}
