// Authorization-table entries of the pickup router (see authorization.fixtures.ts): each
// input makes its own pickup order at `locationId`, so the "store A user on store B's
// order" check covers the entity-scoped procedures too.
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
      return { fulfillmentOrderId: f.id, fulfillmentOrderLineId: f.lines[0]!.id, quantity: 1, reason: "Not on the shelf" };
    }),
    // Picking, nobody holds the claim (the system started it): the caller takes it.
    "pickup.packAndStage": scoped(async (_w, l) => ({ fulfillmentOrderId: (await fx().fulfillment(l, "PICKING")).fulfillment.id, bagCount: 2, stagingShelf: "P1" })),
  };
}
