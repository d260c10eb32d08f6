// Authorization-table entries of the deliveryRuns and returnRequests routers (see
// authorization.fixtures.ts): each input makes its own delivery order, run or return at
// `locationId`, so the "store A user on store B's row" check covers the entity-scoped ones.
import { completeDeliveryStop, confirmDelivered, markPacked, planDeliveryRun, requestReturn, startDeliveryRun, startPicking, type DomainContext } from "@oms/core";
import type { DomainAccess, DomainFixtures } from "./authorization.fixtures.ts";

type Role = DomainAccess["roles"][number];

export function deliveryRunsAccessTable(fx: () => DomainFixtures): Record<string, DomainAccess> {
  const floor: readonly Role[] = ["ADMIN", "MANAGER", "ASSOCIATE"];
  const staff: readonly Role[] = ["ADMIN", "MANAGER", "CASHIER", "ASSOCIATE"];
  const scoped = (roles: readonly Role[], input: DomainAccess["input"]): DomainAccess => ({ public: false, roles, locationScoped: true, input });
  const anywhere = (roles: readonly Role[], input: DomainAccess["input"]): DomainAccess => ({ public: false, roles, locationScoped: false, input });
  const ctx = (): DomainContext => ({ db: fx().prisma, actor: { kind: "SYSTEM" }, now: new Date() });

  async function packedDelivery(locationId: string) {
    const location = await fx().prisma.location.findUniqueOrThrow({ where: { id: locationId }, select: { fulfillmentTypes: true } });
    if (!location.fulfillmentTypes.includes("DELIVERY")) {
      await fx().prisma.location.update({ where: { id: locationId }, data: { fulfillmentTypes: { set: [...location.fulfillmentTypes, "DELIVERY"] } } });
    }
    const order = await fx().order(locationId, { type: "DELIVERY" });
    const f = order.fulfillmentOrders[0]!;
    await startPicking({ fulfillmentOrderId: f.id }, ctx());
    await markPacked({ fulfillmentOrderId: f.id, bagCount: 1 }, ctx());
    return f;
  }
  const plannedRun = async (l: string) => planDeliveryRun({ locationId: l, driverName: "Auth Driver", fulfillmentOrderIds: [(await packedDelivery(l)).id] }, ctx());
  const outRun = async (l: string) => startDeliveryRun({ runId: (await plannedRun(l)).id }, ctx());
  async function deliveredOrder(l: string) {
    const { order, fulfillment } = await fx().fulfillment(l, "SHIPPED", "SHIP");
    await confirmDelivered({ fulfillmentOrderId: fulfillment.id }, ctx());
    return order;
  }
  const requested = async (l: string) => {
    const order = await deliveredOrder(l);
    return requestReturn({ orderId: order.id, lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, reason: "DOES_NOT_FIT" }] }, ctx(), "CUSTOMER");
  };

  return {
    "deliveryRuns.list": scoped(floor, (_w, l) => ({ locationId: l })),
    "deliveryRuns.deliverable": scoped(floor, (_w, l) => ({ locationId: l })),
    "deliveryRuns.get": scoped(floor, async (_w, l) => ({ runId: (await plannedRun(l)).id })),
    "deliveryRuns.plan": scoped(floor, async (_w, l) => ({ locationId: l, driverName: "Auth Driver", fulfillmentOrderIds: [(await packedDelivery(l)).id] })),
    "deliveryRuns.start": scoped(floor, async (_w, l) => ({ runId: (await plannedRun(l)).id })),
    "deliveryRuns.cancel": scoped(floor, async (_w, l) => ({ runId: (await plannedRun(l)).id })),
    "deliveryRuns.finish": scoped(floor, async (_w, l) => {
      const run = await outRun(l);
      await completeDeliveryStop({ stopId: run.stops[0]!.id, outcome: "DELIVERED", recipientName: "A. Lovelace" }, ctx());
      return { runId: run.id };
    }),
    "deliveryRuns.completeStop": scoped(floor, async (_w, l) => ({ stopId: (await outRun(l)).stops[0]!.id, outcome: "DELIVERED", recipientName: "A. Lovelace" })),

    // Any staff member may announce a return for any order (goods go back to the shipping store).
    "returnRequests.request": anywhere(staff, async (_w, l) => {
      const order = await deliveredOrder(l);
      return { orderId: order.id, lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, reason: "CHANGED_MIND" }] };
    }),
    "returnRequests.issueLabel": scoped(staff, async (_w, l) => ({ returnId: (await requested(l)).id })),
    "returnRequests.receive": scoped(staff, async (_w, l) => ({ returnId: (await requested(l)).id, refundMethod: "STORE_CREDIT" })),
    "returnRequests.cancel": scoped(staff, async (_w, l) => ({ returnId: (await requested(l)).id, reason: "Customer kept it" })),
    "returnRequests.open": scoped(staff, (_w, l) => ({ locationId: l })),
    "returnRequests.tracking": anywhere(staff, async (_w, l) => ({ orderId: (await deliveredOrder(l)).id })),
  };
}
