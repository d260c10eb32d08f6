import { AppError } from "@oms/contracts";
import { describeOnPostgres, useConcurrentDatabase } from "@oms/db/testing";
import { expect, it } from "vitest";
import { createTestUser } from "../testing/index.ts";
import { claimFulfillmentOrder } from "./index.ts";
import { pickupWorld } from "./testing.ts";

// Needs a real server: PGlite runs one statement at a time and would prove nothing.
describeOnPostgres("claiming a pickup order under concurrency", () => {
  const t = useConcurrentDatabase();

  it("8 associates tap the same new order at once: exactly one gets it, the others hear who", async () => {
    const w = await pickupWorld(t.db.prisma);
    const v = await w.variant("Race jacket", { [w.storeA.id]: { units: 5 } });
    const order = await w.pickupOrder(w.storeA.id, [{ variantId: v.id, quantity: 1 }]);
    const f = order.fulfillmentOrders[0]!;
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => createTestUser(t.db.prisma, { role: "ASSOCIATE", locationId: w.storeA.id, name: `Picker ${i}` })));

    const results = await Promise.allSettled(people.map((p) => claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(p, new Date(), t.wide.prisma))));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    const winnerId = (won[0] as PromiseFulfilledResult<{ claimedById: string }>).value.claimedById;
    const winner = people.find((p) => p.id === winnerId)!;
    for (const r of lost) {
      expect(AppError.isAppError(r.reason), String(r.reason)).toBe(true);
      expect((r.reason as AppError).code).toBe("CONFLICT");
      expect((r.reason as AppError).message).toBe(`${winner.name} is picking this order.`);
    }
    const row = await t.db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } });
    expect(row).toMatchObject({ status: "PICKING", claimedById: winner.id });
    // One "started picking" line on the timeline, not eight.
    expect(await t.db.prisma.orderEvent.count({ where: { orderId: order.id, type: "fulfillment.picking" } })).toBe(1);
  });
});
