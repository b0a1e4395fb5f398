// Admin broadcast (DOMAIN.md §5.1 admin_broadcast, rule 7.15): one in-app notification per
// recipient of an explicit audience. Suspended, inactive and deleted accounts never receive it,
// whatever the audience says.
import type { Tx } from "../_shared/database.ts";
import { notFound } from "../_shared/errors.ts";
import type { BroadcastInput, BroadcastResult } from "../_shared/contracts/admin.ts";
import { writeAudit } from "../_shared/moderation/audit-log.ts";
import type { CurrentAccount } from "../_shared/moderation/current-account.ts";

async function audienceIds(tx: Tx, audience: BroadcastInput["audience"]): Promise<string[]> {
  let rows: { id: string }[];
  switch (audience.kind) {
    case "all_active":
      rows = await tx<{ id: string }[]>`select id from public.users where status = 'active' and deleted_at is null`;
      break;
    case "role":
      rows = await tx<{ id: string }[]>`
        select u.id from public.users u
        join public.user_roles r on r.user_id = u.id and r.role = ${audience.role} and r.status = 'approved'
        where u.status = 'active' and u.deleted_at is null`;
      break;
    case "event_participants": {
      const [event] = await tx`select 1 from public.events where id = ${audience.eventId}`;
      if (!event) throw notFound(`No event with id "${audience.eventId}"`);
      rows = await tx<{ id: string }[]>`
        select distinct u.id from public.event_participants p join public.users u on u.id = p.user_id
        where p.event_id = ${audience.eventId} and p.status in ('pending', 'accepted', 'waitlisted', 'attended')
          and u.status = 'active' and u.deleted_at is null`;
      break;
    }
    case "users":
      rows = await tx<{ id: string }[]>`
        select id from public.users where id = any(${audience.userIds}::uuid[]) and status = 'active' and deleted_at is null`;
      break;
  }
  return rows.map((row) => row.id);
}

export async function broadcast(tx: Tx, admin: CurrentAccount, input: BroadcastInput): Promise<BroadcastResult> {
  const ids = await audienceIds(tx, input.audience);
  const sendId = crypto.randomUUID();
  if (input.testSend && input.email) {
    // Test send: the admin alone receives the e-mail exactly as recipients would; nobody else
    // is notified or e-mailed.
    const queued = await queueBroadcastEmails(tx, [admin.id], input.email, `admin_broadcast:test:${sendId}`);
    await writeAudit(tx, {
      actorId: admin.id,
      action: "notification.broadcast_test",
      targetType: "notification",
      targetId: null,
      details: { audience: input.audience, audienceSize: ids.length, subject: input.email.subject },
    });
    return { recipients: 0, emailsQueued: queued, audienceSize: ids.length, test: true };
  }
  if (ids.length > 0) {
    await tx`
      select private.notify(recipient, 'admin_broadcast'::public.notification_kind, ${input.content}, ${input.linkUrl ?? null},
        ${tx.json({ audience: input.audience.kind } as never)}, ${admin.id}::uuid)
      from unnest(${ids}::uuid[]) as recipient`;
  }
  await writeAudit(tx, {
    actorId: admin.id,
    action: "notification.broadcast",
    targetType: "notification",
    targetId: null,
    details: { audience: input.audience, recipients: ids.length, content: input.content, emailSubject: input.email?.subject ?? null },
  });
  const emailsQueued = input.email ? await queueBroadcastEmails(tx, ids, input.email, `admin_broadcast:${sendId}`) : 0;
  return { recipients: ids.length, emailsQueued, audienceSize: ids.length, test: false };
}

/**
 * One outbox row per recipient (template admin_broadcast, rendered and escaped by the dispatcher;
 * private.enqueue_email skips users who turned these e-mails off). Returns how many were queued.
 */
async function queueBroadcastEmails(
  tx: Tx,
  recipientIds: string[],
  email: { subject: string; body: string },
  dedupePrefix: string,
): Promise<number> {
  if (recipientIds.length === 0) return 0;
  const [present] = await tx<{ ok: boolean }[]>`
    select to_regprocedure('private.enqueue_email(uuid, text, jsonb, text)') is not null as ok`;
  if (!present?.ok) return 0;
  const [row] = await tx<{ queued: number }[]>`
    select count(queued)::int as queued from (
      select private.enqueue_email(
        r.id,
        'admin_broadcast',
        jsonb_strip_nulls(jsonb_build_object('subject', ${email.subject}::text, 'body', ${email.body}::text, 'recipientName', left(p.full_name, 120))),
        ${dedupePrefix} || ':' || r.id::text) as queued
      from unnest(${recipientIds}::uuid[]) as r(id)
      left join public.profiles p on p.user_id = r.id
    ) as sent`;
  return row?.queued ?? 0;
}
