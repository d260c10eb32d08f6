import { useTestDatabase } from "@oms/db/testing";
import { signStripeTestPayload } from "@oms/payments/testing";
import { describe, expect, it } from "vitest";
import { handleStripeWebhook } from "./stripe-webhook.ts";

const db = useTestDatabase();

const secret = "whsec_api_test";
function request(payload: string, signature: string | null) {
  return new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: payload, headers: signature ? { "stripe-signature": signature } : {} });
}

describe("handleStripeWebhook", () => {
  it("answers 200 for a signed event (once), 400 for a bad signature", async () => {
    const payload = JSON.stringify({ id: "evt_api_1", object: "event", type: "customer.created", created: Math.floor(Date.now() / 1000), data: { object: { id: "cus_1" } } });
    const signature = signStripeTestPayload(payload, secret);
    const ok = await handleStripeWebhook(request(payload, signature), { db: db.prisma, secret });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: true, duplicate: false, outcome: "ignored" });
    const again = await handleStripeWebhook(request(payload, signature), { db: db.prisma, secret });
    expect(await again.json()).toMatchObject({ duplicate: true });
    const bad = await handleStripeWebhook(request(payload, signStripeTestPayload(payload, "whsec_other")), { db: db.prisma, secret });
    expect(bad.status).toBe(400);
    const unsigned = await handleStripeWebhook(request(payload, null), { db: db.prisma, secret });
    expect(unsigned.status).toBe(400);
  });
});
