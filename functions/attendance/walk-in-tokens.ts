// §3.8 walk-in tokens: the event team creates (random 192 bits from the database), lists and
// deactivates them. Token states: active → deactivated / exhausted / expired.
import type { CreateWalkInTokenInput, DeactivateWalkInTokenInput, WalkInToken, WalkInTokenList } from "../_shared/contracts/attendance.ts";
import type { Caller } from "../_shared/auth.ts";
import type { CallerTransaction, Tx } from "../_shared/database.ts";
import { forbidden, notFound } from "../_shared/errors.ts";
import { callerStanding, type ParticipationEvent, loadParticipationEvent } from "../_shared/event-access.ts";
import { invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";

interface TokenRow {
  id: string;
  event_id: string;
  token: string;
  label: string | null;
  max_uses: number | null;
  current_uses: number;
  is_active: boolean;
  expires_at: Date | null;
  created_at: Date;
}

function toWalkInToken(row: TokenRow): WalkInToken {
  return {
    id: row.id,
    eventId: row.event_id,
    token: row.token,
    label: row.label,
    maxUses: row.max_uses,
    currentUses: row.current_uses,
    isActive: row.is_active,
    expiresAt: row.expires_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

const TOKEN_COLUMNS = "id, event_id, token, label, max_uses, current_uses, is_active, expires_at, created_at";

async function requireTeam(t: CallerTransaction, event: ParticipationEvent, caller: Caller): Promise<void> {
  const access = await callerStanding(t, event, caller);
  if (!access.isTeam && !access.isAdmin) {
    throw forbidden(`Cannot manage walk-in tokens of "${event.title}": only the event team does`);
  }
}

export async function createWalkInToken(
  { t, caller, params, body, now }: OperationContext<{ eventId: string }, CreateWalkInTokenInput>,
): Promise<WalkInToken> {
  const event = await loadParticipationEvent(t, params.eventId, { lock: true });
  await requireTeam(t, event, caller);
  if (event.status !== "draft" && event.status !== "published") {
    throw invalidTransition(`Cannot create a walk-in token: "${event.title}" is ${event.status}`);
  }
  if (!event.endsAt) throw invalidTransition(`Cannot create a walk-in token: "${event.title}" has no end time yet`);
  if (event.endsAt <= now) throw invalidTransition(`Cannot create a walk-in token: "${event.title}" is over`);
  // The expiry window (future, not after the end) is the database's rule
  // (event_walk_in_tokens_expiry_within_event, 409): a well-formed instant is never a 400.
  const expiresAt = body.expiresAt ? new Date(body.expiresAt) : event.endsAt;
  const [row] = await t.tx<TokenRow[]>`
    insert into public.event_walk_in_tokens (event_id, label, max_uses, expires_at, created_by)
    values (${event.id}, ${body.label ?? null}, ${body.maxUses ?? null}, ${expiresAt}, ${caller.id})
    returning ${t.tx.unsafe(TOKEN_COLUMNS)}`;
  if (!row) throw new Error("Insert returned no row");
  return toWalkInToken(row);
}

export async function listWalkInTokens(
  { t, caller, params }: OperationContext<{ eventId: string }, undefined>,
): Promise<WalkInTokenList> {
  const event = await loadParticipationEvent(t, params.eventId);
  await requireTeam(t, event, caller);
  const rows = await t.tx<TokenRow[]>`
    select ${t.tx.unsafe(TOKEN_COLUMNS)} from public.event_walk_in_tokens
    where event_id = ${event.id} order by created_at, id`;
  return { tokens: rows.map(toWalkInToken) };
}

async function tokenEventId(tx: Tx, tokenId: string): Promise<string | null> {
  const [row] = await tx<{ event_id: string }[]>`select event_id from public.event_walk_in_tokens where id = ${tokenId}`;
  return row?.event_id ?? null;
}

export async function deactivateWalkInToken(
  { t, caller, params }: OperationContext<{ tokenId: string }, DeactivateWalkInTokenInput>,
): Promise<WalkInToken> {
  const message = `Walk-in token "${params.tokenId}" was not found`;
  const eventId = await tokenEventId(t.tx, params.tokenId);
  if (!eventId) throw notFound(message);
  const event = await loadParticipationEvent(t, eventId, { lock: true, notFoundMessage: message });
  await requireTeam(t, event, caller);
  const [row] = await t.tx<TokenRow[]>`
    update public.event_walk_in_tokens set is_active = false where id = ${params.tokenId}
    returning ${t.tx.unsafe(TOKEN_COLUMNS)}`;
  if (!row) throw notFound(message);
  return toWalkInToken(row);
}
