// Journey: a paid event. The participant registers (pending, payment pending), uploads a proof
// (Storage path — upload itself needs Storage, whose one window is tested in pgTAP), the organizer
// rejects it, the participant uploads a new one, the organizer verifies it.
import { afterAll, describe, expect, it } from "vitest";
import { closeJourneys, functionError, newUser, ok, uniqueTag } from "./support.ts";

afterAll(closeJourneys);

describe("paid event: proof rejected, re-uploaded, verified", () => {
  it("the participant recovers from a rejected proof", async () => {
    const tag = uniqueTag("paid");
    const olga = await newUser(`${tag}olga`);
    const sam = await newUser(`${tag}sam`);
    const start = new Date(Date.now() + 5 * 86_400_000);
    const { event } = await ok(olga.client.functions.invoke("events", {
      body: { description: "Hands-on session for students and engineers.", venuePlaceId: "ChIJ5-rvAcdJzDERfSgcL1uO2fQ", title: "Design sprint bootcamp", registrationType: "paid", price: 50, autoAcceptRegistration: false,
              startDatetime: start.toISOString(), endDatetime: new Date(start.getTime() + 7_200_000).toISOString() },
    }));
    await ok(olga.client.functions.invoke(`events/${event.id}/publish`, { body: {} }));

    const { registration } = await ok(sam.client.functions.invoke("registrations", { body: { eventId: event.id } }));
    expect(registration).toMatchObject({ status: "pending", paymentStatus: "pending" });

    // docs/frontend-writes.md § Payment proof
    //   await supabase.storage.from("payment-proofs").upload(`${event.id}/${userId}/receipt.jpg`, file);
    const first = await ok(sam.client.functions.invoke(`participants/events/${event.id}/payment-proof`, {
      method: "PUT", body: { path: `${event.id}/${sam.id}/receipt.jpg` },
    }));
    expect(first).toMatchObject({ paymentStatus: "pending", paymentProofPath: `payment-proofs/${event.id}/${sam.id}/receipt.jpg` });

    const rejected = await ok(olga.client.functions.invoke(`participants/${first.id}/payment/decision`, { body: { decision: "reject", reason: "Amount missing" } }));
    expect(rejected).toMatchObject({ status: "rejected", paymentStatus: "rejected" });

    const again = await ok(sam.client.functions.invoke(`participants/events/${event.id}/payment-proof`, {
      method: "PUT", body: { path: `${event.id}/${sam.id}/receipt-2.jpg` },
    }));
    expect(again).toMatchObject({ status: "pending", paymentStatus: "pending" });

    const verified = await ok(olga.client.functions.invoke(`participants/${first.id}/payment/decision`, { body: { decision: "verify" } }));
    expect(verified).toMatchObject({ status: "accepted", paymentStatus: "verified" });

    // A verified proof is evidence: no more replacing it.
    const { error } = await sam.client.functions.invoke(`participants/events/${event.id}/payment-proof`, {
      method: "PUT", body: { path: `${event.id}/${sam.id}/receipt-3.jpg` },
    });
    expect(await functionError(error)).toMatchObject({ status: 409, code: "invalid_transition" });
  });
});
