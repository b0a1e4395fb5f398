// What waits for an admin: pending role requests and pending organizations, oldest first,
// with keyset pagination over (requested_at/created_at, id).
import type { Tx } from "../_shared/database.ts";
import type { Pagination, PendingOrganization, RoleRequest, RoleRequestsQuery } from "../_shared/contracts/admin.ts";
import { cursorInstant, cursorMicroseconds, decodeCursor, encodeCursor } from "../_shared/moderation/request-input.ts";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export async function listRoleRequests(tx: Tx, query: RoleRequestsQuery): Promise<Page<RoleRequest>> {
  const after = decodeCursor(query.cursor);
  const rows = await tx<{ user_id: string; email: string | null; full_name: string | null; role: RoleRequest["role"]; requested_at: Date; cursor_us: string }[]>`
    select r.user_id, u.email::text as email, p.full_name, r.role, r.requested_at, ${cursorMicroseconds(tx, "r.requested_at")} as cursor_us
    from public.user_roles r
    join public.users u on u.id = r.user_id
    left join public.profiles p on p.user_id = r.user_id
    where r.status = 'pending' and u.deleted_at is null
      and (${query.role ?? null}::public.app_role is null or r.role = ${query.role ?? null}::public.app_role)
      ${after ? tx`and (r.requested_at, r.user_id) > (${cursorInstant(tx, after.microseconds)}, ${after.id}::uuid)` : tx``}
    order by r.requested_at, r.user_id
    limit ${query.limit + 1}`;
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({
      userId: row.user_id, email: row.email, fullName: row.full_name, role: row.role, requestedAt: row.requested_at.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.cursor_us, last.user_id) : null,
  };
}

export async function listPendingOrganizations(tx: Tx, query: Pagination): Promise<Page<PendingOrganization>> {
  const after = decodeCursor(query.cursor);
  const rows = await tx<{ id: string; name: string; type: string; owner_id: string; owner_email: string | null; created_at: Date; updated_at: Date; cursor_us: string }[]>`
    select o.id, o.name, o.type::text as type, o.owner_id, u.email::text as owner_email, o.created_at, o.updated_at,
           ${cursorMicroseconds(tx, "o.created_at")} as cursor_us
    from public.organizations o join public.users u on u.id = o.owner_id
    where o.status = 'pending' and o.deleted_at is null
      ${after ? tx`and (o.created_at, o.id) > (${cursorInstant(tx, after.microseconds)}, ${after.id}::uuid)` : tx``}
    order by o.created_at, o.id
    limit ${query.limit + 1}`;
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({
      id: row.id, name: row.name, type: row.type, ownerId: row.owner_id, ownerEmail: row.owner_email,
      createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.cursor_us, last.id) : null,
  };
}
