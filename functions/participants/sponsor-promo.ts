// A sponsor's promotion on the event page (DOMAIN §2 event_participants promo_link /
// promo_image_url): written by the sponsor themself on their own sponsor row. The database holds
// the shape (https link; image = a Storage path in the sponsor's own avatars folder; promo only on
// sponsor rows); this handler finds the caller's row and refuses finished events.
import type { SponsorPromo, SponsorPromoInput } from "../_shared/contracts/participation.ts";
import { notFound } from "../_shared/errors.ts";
import { loadParticipationEvent } from "../_shared/event-access.ts";
import { lockOwnParticipant } from "../_shared/participation/participant-rows.ts";
import { invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";

export async function setSponsorPromo(
  { t, caller, params, body }: OperationContext<{ eventId: string }, SponsorPromoInput>,
): Promise<SponsorPromo> {
  const event = await loadParticipationEvent(t, params.eventId, { lock: false });
  const row = await lockOwnParticipant(t.tx, event.id, caller.id);
  if (!row || row.role !== "sponsor") throw notFound(`You are not a sponsor of "${event.title}"`);
  if (row.status !== "pending" && row.status !== "accepted") {
    throw invalidTransition(`Cannot change your promotion: your sponsorship of "${event.title}" is ${row.status}`);
  }
  if (event.status !== "draft" && event.status !== "published") {
    throw invalidTransition(`Cannot change your promotion: "${event.title}" is ${event.status}`);
  }
  const [saved] = await t.tx<{ promo_link: string | null; promo_image_url: string | null }[]>`
    update public.event_participants
    set promo_link = ${body.promoLink === undefined ? t.tx`promo_link` : body.promoLink},
        promo_image_url = ${body.promoImagePath === undefined ? t.tx`promo_image_url` : body.promoImagePath}
    where id = ${row.id}
    returning promo_link, promo_image_url`;
  return { participantId: row.id, eventId: event.id, promoLink: saved!.promo_link, promoImagePath: saved!.promo_image_url };
}
