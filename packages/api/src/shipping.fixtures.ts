// Authorization-table entries of the shipping router (the packing bench, see
// authorization.fixtures.ts): each input makes its own SHIP order at `locationId`, so the
// "store A user on store B's order" check covers the entity-scoped procedures too.
import { buyLabels, markPacked, startPicking, type DomainContext } from "@oms/core";
import { createCarrierRegistry, SimulatedCarrier } from "@oms/shipping";
import type { DomainAccess, DomainFixtures } from "./authorization.fixtures.ts";

type Role = DomainAccess["roles"][number];
const carriers = createCarrierRegistry([new SimulatedCarrier({ webhookSecret: "authorization-test" })]);

export function shippingAccessTable(fx: () => DomainFixtures): Record<string, DomainAccess> {
  const floor: readonly Role[] = ["ADMIN", "MANAGER", "ASSOCIATE"];
  const scoped = (input: DomainAccess["input"]): DomainAccess => ({ public: false, roles: floor, locationScoped: true, input });
  const system = (): DomainContext => ({ db: fx().prisma, actor: { kind: "SYSTEM" }, now: new Date() });

  async function ensureCarrier(locationId: string) {
    await fx().prisma.locationCarrier.upsert({
      where: { locationId_carrier: { locationId, carrier: "simulated" } },
      create: { locationId, carrier: "simulated", defaultService: "standard", cutoffTime: "16:00" },
      update: {},
    });
  }
  /** A SHIP order at `l`: NEW, being picked (all counted, nobody holds it), packed in one parcel, or with its label. */
  async function shipOrder(l: string, stage: "NEW" | "PICKING" | "PACKED" | "LABELLED") {
    const f = (await fx().order(l, { type: "SHIP" })).fulfillmentOrders[0]!;
    if (stage === "NEW") return f;
    await startPicking({ fulfillmentOrderId: f.id }, system());
    await fx().prisma.fulfillmentOrder.update({ where: { id: f.id }, data: { claimedById: null } });
    for (const line of f.lines) await fx().prisma.fulfillmentOrderLine.update({ where: { id: line.id }, data: { quantityPicked: line.quantity } });
    if (stage === "PICKING") return f;
    await markPacked({ fulfillmentOrderId: f.id, bagCount: 1 }, system());
    await fx().prisma.parcel.create({ data: { fulfillmentOrderId: f.id, sequence: 1, lengthMm: 300, widthMm: 200, heightMm: 100, weightGrams: 900 } });
    await ensureCarrier(l);
    if (stage === "PACKED") return f;
    await buyLabels({ fulfillmentOrderId: f.id, carrier: "simulated", service: "standard" }, { ...system(), carriers });
    return f;
  }
  const labelOf = async (l: string) => (await fx().prisma.shipment.findFirstOrThrow({ where: { fulfillmentOrderId: (await shipOrder(l, "LABELLED")).id, status: "LABEL_CREATED" } })).id;

  return {
    "shipping.queue": scoped((_w, l) => ({ locationId: l })),
    "shipping.boxes": scoped((_w, l) => ({ locationId: l })),
    "shipping.manifests": scoped((_w, l) => ({ locationId: l })),
    "shipping.pickList": scoped(async (_w, l) => ({ locationId: l, fulfillmentOrderIds: [(await shipOrder(l, "NEW")).id] })),
    "shipping.startBatch": scoped(async (_w, l) => ({ locationId: l, fulfillmentOrderIds: [(await shipOrder(l, "NEW")).id] })),
    // Being picked, one unit left to count: the scan takes it.
    "shipping.scan": scoped(async (_w, l) => {
      const f = await shipOrder(l, "PICKING");
      await fx().prisma.fulfillmentOrderLine.update({ where: { id: f.lines[0]!.id }, data: { quantityPicked: 0 } });
      const v = await fx().prisma.variant.findUniqueOrThrow({ where: { id: f.lines[0]!.variantId }, select: { sku: true } });
      return { locationId: l, fulfillmentOrderIds: [f.id], code: v.sku };
    }),
    "shipping.pack": scoped(async (_w, l) => ({ fulfillmentOrderId: (await shipOrder(l, "PICKING")).id, parcels: [{ lengthMm: 300, widthMm: 200, heightMm: 100, weightGrams: 800 }] })),
    "shipping.rates": scoped(async (_w, l) => ({ fulfillmentOrderId: (await shipOrder(l, "PACKED")).id })),
    "shipping.buyLabels": scoped(async (_w, l) => ({ fulfillmentOrderId: (await shipOrder(l, "PACKED")).id, carrier: "simulated", service: "standard" })),
    "shipping.voidLabel": scoped(async (_w, l) => ({ shipmentId: await labelOf(l) })),
    "shipping.labelFile": scoped(async (_w, l) => ({ shipmentId: await labelOf(l) })),
    "shipping.ship": scoped(async (_w, l) => ({ fulfillmentOrderId: (await shipOrder(l, "LABELLED")).id })),
    "shipping.closeManifest": scoped(async (_w, l) => {
      await shipOrder(l, "LABELLED");
      return { locationId: l, carrier: "simulated" };
    }),
    "shipping.manifest": scoped(async (_w, l) => ({ manifestId: (await fx().prisma.carrierManifest.create({ data: { locationId: l, carrier: "simulated", status: "CLOSED", shipDate: new Date() } })).id })),
    "shipping.packingSlip": scoped(async (_w, l) => ({ fulfillmentOrderId: (await shipOrder(l, "NEW")).id })),
  };
}
