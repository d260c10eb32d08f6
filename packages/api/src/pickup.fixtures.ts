// Authorization-table entries of the pickup router (see authorization.fixtures.ts): each
// input makes its own pickup order at `locationId`, so the "store A user on store B's
// order" check covers the entity-scoped procedures too.
import { resetSimulatedReader, simulatedReaderId } from "@oms/payments";
import type { DomainAccess, DomainFixtures } from "./authorization.fixtures.ts";

type Role = DomainAccess["roles"][number];

export function pickupAccessTable(fx: () => DomainFixtures): Record<string, DomainAccess> {
  const floor: readonly Role[] = ["ADMIN", "MANAGER", "ASSOCIATE"];
  const scoped = (input: DomainAccess["input"]): DomainAccess => ({ public: false, roles: floor, locationScoped: true, input });
  const newOrder = async (l: string) => (await fx().fulfillment(l, "NEW")).fulfillment;
  return {
    "pickup.queue": scoped((_w, l) => ({ locationId: l })),
    "pickup.findForHandover": scoped((_w, l) => ({ locationId: l, query: "Ada" })),
    "pickup.claim": scoped(async (_w, l) => ({ fulfillmentOrderId: (await newOrder(l)).id })),
    // Unclaimed: releasing succeeds with released = false.
    "pickup.release": scoped(async (_w, l) => ({ fulfillmentOrderId: (await newOrder(l)).id })),
    "pickup.shortPick": scoped(async (_w, l) => {
      const f = await newOrder(l);
      return { fulfillmentOrderId: f.id, fulfillmentOrderLineId: f.lines[0]!.id, choice: "CANCEL_LINE", quantity: 1, reason: "Not on the shelf" };
    }),
    "pickup.substituteOptions": scoped(async (_w, l) => {
      const f = await newOrder(l);
      return { fulfillmentOrderId: f.id, fulfillmentOrderLineId: f.lines[0]!.id };
    }),
    // Picking, nobody holds the claim: the caller takes it and counts.
    "pickup.recordPickCount": scoped(async (_w, l) => {
      const { fulfillment: f } = await fx().fulfillment(l, "PICKING");
      return { fulfillmentOrderId: f.id, fulfillmentOrderLineId: f.lines[0]!.id, quantityPicked: 1 };
    }),
    "pickup.handOver": scoped(async (_w, l) => {
      const { fulfillment: f } = await fx().fulfillment(l, "READY_FOR_PICKUP");
      return { fulfillmentOrderId: f.id, verification: "CODE", pickupCode: f.pickupCode };
    }),
    // Pay at pickup: a ready order with nothing paid goes to the store's (simulated) reader.
    "pickup.startPayment": scoped(async (_w, l) => {
      const { fulfillment: f } = await fx().fulfillment(l, "READY_FOR_PICKUP");
      await fx().prisma.payment.deleteMany({ where: { orderId: f.orderId } });
      await fx().prisma.order.update({ where: { id: f.orderId }, data: { paymentStatus: "PAY_AT_PICKUP" } });
      resetSimulatedReader(simulatedReaderId(l));
      return { fulfillmentOrderId: f.id };
    }),
    "pickup.paymentState": scoped(async (_w, l) => {
      const { fulfillment: f } = await fx().fulfillment(l, "READY_FOR_PICKUP");
      const payment = await fx().prisma.payment.create({ data: { orderId: f.orderId, provider: "SIMULATED", method: "CARD", status: "PENDING", currency: "EUR", amount: 1000 } });
      return { fulfillmentOrderId: f.id, paymentId: payment.id };
    }),
    // Picking, nobody holds the claim (the system started it): the caller takes it.
    "pickup.packAndStage": scoped(async (_w, l) => ({ fulfillmentOrderId: (await fx().fulfillment(l, "PICKING")).fulfillment.id, bagCount: 2, stagingShelf: "P1" })),
  };
}
