// Rows for the authorization table (authorization.db.test.ts): each helper makes fresh
// rows at the location it is given, through the domain functions (as the system), so a
// call at store A and one at store B each get their own order, transfer, task...
import type { FulfillmentType } from "@oms/contracts";
import {
  createCustomer,
  createOrder,
  markPacked,
  markReadyForPickup,
  markShipped,
  receiveStock,
  requestTransfer,
  shipTransfer,
  startCycleCount,
  startPicking,
  confirmPickedUp,
  createPurchaseOrder,
  markPurchaseOrderOrdered,
  type DomainContext,
} from "@oms/core";
import { createTestLocation, type createStaffWorld } from "@oms/core/testing";
import type { PrismaClient } from "@oms/db";

type StaffWorld = Awaited<ReturnType<typeof createStaffWorld>>;
let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export type FulfillmentStage = "NEW" | "PICKING" | "PACKED" | "READY_FOR_PICKUP" | "SHIPPED" | "PICKED_UP";

export async function createDomainFixtures(prisma: PrismaClient, world: StaffWorld) {
  const ctx = (): DomainContext => ({ db: prisma, actor: { kind: "SYSTEM" }, now: new Date() });
  const warehouse = await createTestLocation(prisma, { kind: "WAREHOUSE", marketCode: world.market.code, name: `Warehouse ${unique()}` });
  const category = await prisma.category.create({ data: { slug: `auth-${unique()}`, name: "Authorization tests" } });

  /** A new variant (price 10.00 EUR) with `units` on hand at each location named. */
  async function variant(stock: Record<string, number> = {}) {
    const tag = unique();
    const product = await prisma.product.create({ data: { handle: `p-${tag}`, name: `Product ${tag}`, categoryId: category.id } });
    const v = await prisma.variant.create({ data: { productId: product.id, sku: `AUTH-${tag}`, name: "One size", prices: { create: { currency: "EUR", amount: 1000 } } } });
    for (const [locationId, units] of Object.entries(stock)) {
      await receiveStock({ locationId, lines: [{ variantId: v.id, quantity: units }] }, ctx());
    }
    return v;
  }

  /**
   * A paid phone order fulfilled by `locationId` (its stock exists only there), allocated:
   * one fulfillment order at that location. `lines` variants, one unit each.
   */
  async function order(locationId: string, options: { type?: FulfillmentType; lines?: number; email?: string } = {}) {
    const type = options.type ?? "PICKUP";
    const variants = [];
    for (let i = 0; i < (options.lines ?? 1); i++) variants.push(await variant({ [locationId]: 5 }));
    const created = await createOrder(
      {
        channel: "PHONE",
        customer: { name: "Ada Lovelace", email: options.email ?? `ada-${unique()}@test.example`, phone: "+49 30 1234567" },
        currency: "EUR",
        lines: variants.map((v) => ({ variantId: v.id, quantity: 1 })),
        fulfillment:
          type === "PICKUP"
            ? { type, locationId }
            : { type, address: { name: "Ada Lovelace", line1: "1 Test Street", city: "Berlin", postalCode: "10115", countryCode: "DE", phone: "+49 30 1234567" } },
        payment: { status: "PAID" },
      },
      ctx(),
    );
    if (created.status !== "ALLOCATED") throw new Error(`fixture order is ${created.status}: ${created.tasks.map((t) => t.instruction).join(" / ")}`);
    return created;
  }

  /** A fulfillment order at `locationId` moved to `stage` (PICKUP unless SHIPPED). */
  async function fulfillment(locationId: string, stage: FulfillmentStage, type: FulfillmentType = stage === "SHIPPED" ? "SHIP" : "PICKUP") {
    const o = await order(locationId, { type });
    const f = o.fulfillmentOrders[0]!;
    const id = { fulfillmentOrderId: f.id };
    const steps: FulfillmentStage[] = ["NEW", "PICKING", "PACKED", type === "PICKUP" ? "READY_FOR_PICKUP" : "SHIPPED", "PICKED_UP"];
    const upTo = steps.indexOf(stage);
    if (upTo >= 1) await startPicking(id, ctx());
    if (upTo >= 2) await markPacked(id, ctx());
    if (upTo >= 3) {
      if (type === "PICKUP") await markReadyForPickup(id, ctx());
      else await markShipped({ ...id, carrier: "simulated", trackingNumber: `T${unique()}` }, ctx());
    }
    if (upTo >= 4) await confirmPickedUp({ ...id, pickupCode: f.pickupCode ?? undefined }, ctx());
    return { order: o, fulfillment: f };
  }

  /** A requested transfer `from` → `to` (stock at `from`), shipped when asked. */
  async function transfer(from: string, to: string, shipped = false) {
    const v = await variant({ [from]: 5 });
    const t = await requestTransfer({ fromLocationId: from, toLocationId: to, lines: [{ variantId: v.id, quantity: 2 }] }, ctx());
    if (shipped) await shipTransfer({ transferId: t.id }, ctx());
    return { transfer: t, variant: v };
  }

  async function cycleCount(locationId: string) {
    const v = await variant({ [locationId]: 3 });
    const count = await startCycleCount({ locationId, variantIds: [v.id] }, ctx());
    return { count, variant: v };
  }

  async function task(locationId: string | null, assigneeRole: "MANAGER" | "CASHIER" | "ASSOCIATE" = "ASSOCIATE") {
    return prisma.task.create({ data: { kind: "GENERAL", title: "Tidy the shelf", instruction: "Tidy the shelf.", assigneeRole, locationId } });
  }

  async function customer() {
    return createCustomer({ firstName: "Grace", lastName: "Hopper", email: `grace-${unique()}@test.example` }, ctx());
  }

  return { prisma, warehouse, variant, order, fulfillment, transfer, cycleCount, task, customer, unique };
}

export type DomainFixtures = Awaited<ReturnType<typeof createDomainFixtures>>;

type Role = "ADMIN" | "MANAGER" | "CASHIER" | "ASSOCIATE";
const ALL: readonly Role[] = ["ADMIN", "MANAGER", "CASHIER", "ASSOCIATE"];

/** An entry of the authorization table (see authorization.db.test.ts for what is checked). */
export interface DomainAccess {
  public: boolean;
  roles: readonly Role[];
  /** The input (or the row it names) belongs to a location the caller must be allowed to work with. */
  locationScoped: boolean;
  input: (w: StaffWorld, locationId: string) => unknown | Promise<unknown>;
}

/**
 * The table entries of the domain routers. `fx()` gives the fixtures (made in the test's
 * beforeAll). Entity-scoped procedures create their row at `locationId`, so the table's
 * "store A user on store B's data" check covers them like a `locationId` input.
 */
export function domainAccessTable(fx: () => DomainFixtures): Record<string, DomainAccess> {
  const scoped = (roles: readonly Role[], input: DomainAccess["input"]): DomainAccess => ({ public: false, roles, locationScoped: true, input });
  const anywhere = (roles: readonly Role[], input: DomainAccess["input"]): DomainAccess => ({ public: false, roles, locationScoped: false, input });
  const floor: Role[] = ["ADMIN", "MANAGER", "ASSOCIATE"];
  const returnLine = (o: { lines: { id: string }[] }) => [{ orderLineId: o.lines[0]!.id, quantity: 1, reason: "CHANGED_MIND", condition: "SELLABLE" }];
  // Inactive, so it never changes how the other entries' orders are routed.
  const rule = { name: "Auth test rule (inactive)", priority: 9000, active: false, filters: {}, ranking: ["DISTANCE" as const], splitPolicy: "WHEN_NEEDED" as const };
  return {
    "inventory.availability": anywhere(ALL, async (_w, l) => ({ variantIds: [(await fx().variant({ [l]: 2 })).id] })),
    "inventory.levels": scoped(ALL, (_w, l) => ({ locationId: l, lowOnly: false })),
    "inventory.movements": scoped(["ADMIN", "MANAGER"], async (_w, l) => ({ locationId: l, variantId: (await fx().variant({ [l]: 2 })).id })),
    "inventory.receive": scoped(["ADMIN", "MANAGER", "ASSOCIATE"], async (_w, l) => ({ locationId: l, lines: [{ variantId: (await fx().variant()).id, quantity: 3 }] })),
    "inventory.adjust": scoped(["ADMIN", "MANAGER"], async (_w, l) => ({ locationId: l, variantId: (await fx().variant({ [l]: 2 })).id, quantity: 1, reason: "FOUND" })),
    // HQ inventory (docs/hq-inventory.md): the whole network, admins only.
    "inventory.table": anywhere(["ADMIN"], (_w, l) => ({ locationIds: [l], stock: "LOW", sort: "available" })),
    "inventory.exportCsv": anywhere(["ADMIN"], (_w, l) => ({ locationIds: [l] })),
    "inventory.categories": anywhere(["ADMIN"], () => undefined),
    "inventory.variant": anywhere(["ADMIN"], async (_w, l) => ({ variantId: (await fx().variant({ [l]: 2 })).id })),
    "inventory.variantMovements": anywhere(["ADMIN"], async (_w, l) => ({ variantId: (await fx().variant({ [l]: 2 })).id })),
    "inventory.purchaseOrders": anywhere(["ADMIN"], (_w, l) => ({ locationId: l })),
    "inventory.purchaseOrder": anywhere(["ADMIN"], async (_w, l) => ({ purchaseOrderId: (await hqPurchaseOrder(fx(), l, false)).id })),
    "inventory.createPurchaseOrder": anywhere(["ADMIN"], async (_w, l) => ({
      locationId: l,
      supplierName: "Auth test supplier",
      currency: "EUR",
      lines: [{ variantId: (await fx().variant()).id, quantity: 4, unitCost: 500 }],
    })),
    "inventory.markPurchaseOrderOrdered": anywhere(["ADMIN"], async (_w, l) => ({ purchaseOrderId: (await hqPurchaseOrder(fx(), l, false)).id })),
    "inventory.cancelPurchaseOrder": anywhere(["ADMIN"], async (_w, l) => ({ purchaseOrderId: (await hqPurchaseOrder(fx(), l, false)).id })),
    "inventory.receivePurchaseOrder": anywhere(["ADMIN"], async (_w, l) => {
      const po = await hqPurchaseOrder(fx(), l, true);
      return { purchaseOrderId: po.id, lines: [{ variantId: po.lines[0]!.variantId, quantity: 1 }] };
    }),

    "transfers.request": scoped(["ADMIN", "MANAGER"], async (_w, l) => ({ fromLocationId: l, toLocationId: fx().warehouse.id, lines: [{ variantId: (await fx().variant({ [l]: 2 })).id, quantity: 1 }] })),
    "transfers.ship": scoped(floor, async (_w, l) => ({ transferId: (await fx().transfer(l, fx().warehouse.id)).transfer.id })),
    "transfers.receive": scoped(floor, async (_w, l) => ({ transferId: (await fx().transfer(fx().warehouse.id, l, true)).transfer.id })),
    "transfers.cancel": scoped(["ADMIN", "MANAGER"], async (_w, l) => ({ transferId: (await fx().transfer(l, fx().warehouse.id)).transfer.id })),
    "transfers.list": scoped(ALL, (_w, l) => ({ locationId: l })),

    "cycleCounts.start": scoped(floor, async (_w, l) => ({ locationId: l, variantIds: [(await fx().variant({ [l]: 1 })).id] })),
    "cycleCounts.record": scoped(floor, async (_w, l) => {
      const { count, variant } = await fx().cycleCount(l);
      return { cycleCountId: count.id, counts: [{ variantId: variant.id, counted: 2 }] };
    }),
    "cycleCounts.post": scoped(["ADMIN", "MANAGER"], async (_w, l) => ({ cycleCountId: (await fx().cycleCount(l)).count.id })),
    "cycleCounts.get": scoped(floor, async (_w, l) => ({ cycleCountId: (await fx().cycleCount(l)).count.id })),

    "orders.list": scoped(ALL, (_w, l) => ({ locationId: l })),
    "orders.get": scoped(ALL, async (_w, l) => ({ orderId: (await fx().order(l)).id })),
    "orders.create": scoped(["ADMIN", "MANAGER", "CASHIER"], async (_w, l) => ({
      channel: "POS",
      originLocationId: l,
      customer: { name: "Walk-in" },
      currency: "EUR",
      lines: [{ variantId: (await fx().variant({ [l]: 2 })).id, quantity: 1 }],
      fulfillment: { type: "CARRY_OUT" },
      payment: { status: "PAID", provider: "CASH" },
    })),
    "orders.cancel": scoped(["ADMIN", "MANAGER"], async (_w, l) => ({ orderId: (await fx().order(l)).id, reason: "The customer changed their mind" })),
    "orders.cancelLine": scoped(["ADMIN", "MANAGER"], async (_w, l) => {
      const o = await fx().order(l, { lines: 2 });
      return { orderId: o.id, orderLineId: o.lines[0]!.id, quantity: 1, reason: "Out of this colour" };
    }),
    "orders.changeAddress": scoped(["ADMIN", "MANAGER"], async (_w, l) => ({
      orderId: (await fx().order(l, { type: "SHIP" })).id,
      address: { name: "Ada Lovelace", line1: "2 Other Street", city: "Berlin", postalCode: "10117", countryCode: "DE", phone: "+49 30 7654321" },
    })),
    "orders.split": scoped(["ADMIN", "MANAGER"], async (_w, l) => {
      const o = await fx().order(l, { lines: 2 });
      return { orderId: o.id, lines: [{ orderLineId: o.lines[1]!.id }] };
    }),
    "orders.merge": scoped(["ADMIN", "MANAGER"], async (_w, l) => {
      const email = `merge-${fx().unique()}@test.example`;
      const source = await fx().order(l, { email });
      const target = await fx().order(l, { email });
      return { sourceOrderId: source.id, targetOrderId: target.id };
    }),
    "orders.sweepLate": anywhere(["ADMIN"], () => undefined),
    "orders.table": scoped(ALL, (_w, l) => ({ locationId: l, pageSize: 10 })),
    "orders.exportCsv": scoped(["ADMIN", "MANAGER"], (_w, l) => ({ locationId: l })),
    "orders.reroute": scoped(["ADMIN"], async (_w, l) => ({ orderId: (await fx().order(l)).id, reason: "Stock arrived at another store" })),

    "fulfillment.startPicking": scoped(floor, async (_w, l) => ({ fulfillmentOrderId: (await fx().fulfillment(l, "NEW")).fulfillment.id })),
    "fulfillment.markPacked": scoped(floor, async (_w, l) => ({ fulfillmentOrderId: (await fx().fulfillment(l, "PICKING")).fulfillment.id, bagCount: 1 })),
    "fulfillment.markReadyForPickup": scoped(floor, async (_w, l) => ({ fulfillmentOrderId: (await fx().fulfillment(l, "PACKED")).fulfillment.id, stagingShelf: "A1" })),
    "fulfillment.markShipped": scoped(floor, async (_w, l) => ({
      fulfillmentOrderId: (await fx().fulfillment(l, "PACKED", "SHIP")).fulfillment.id,
      carrier: "DHL",
      trackingNumber: `T${fx().unique()}`,
    })),
    "fulfillment.confirmPickedUp": scoped([...floor, "CASHIER"], async (_w, l) => {
      const { fulfillment } = await fx().fulfillment(l, "READY_FOR_PICKUP");
      return { fulfillmentOrderId: fulfillment.id, pickupCode: fulfillment.pickupCode };
    }),
    "fulfillment.confirmDelivered": scoped(floor, async (_w, l) => ({ fulfillmentOrderId: (await fx().fulfillment(l, "SHIPPED")).fulfillment.id })),
    "fulfillment.rejectLines": scoped(floor, async (_w, l) => ({ fulfillmentOrderId: (await fx().fulfillment(l, "NEW")).fulfillment.id, reason: "The item is damaged" })),

    "returns.create": scoped(["ADMIN", "MANAGER", "CASHIER"], async (_w, l) => {
      const { order } = await fx().fulfillment(l, "PICKED_UP");
      return { orderId: order.id, locationId: l, refundMethod: "STORE_CREDIT", lines: returnLine(order) };
    }),
    "returns.exchange": scoped(["ADMIN", "MANAGER", "CASHIER"], async (_w, l) => {
      const { order } = await fx().fulfillment(l, "PICKED_UP");
      const other = await fx().variant({ [l]: 2 });
      return { orderId: order.id, locationId: l, refundMethod: "CASH", lines: returnLine(order), newLines: [{ variantId: other.id, quantity: 1 }] };
    }),
    "returns.returnableLines": anywhere(ALL, async (_w, l) => ({ orderId: (await fx().order(l)).id })),
    "returns.list": scoped(ALL, (_w, l) => ({ locationId: l })),

    "customers.find": anywhere(["ADMIN", "MANAGER", "CASHIER"], () => ({ query: "Grace" })),
    "customers.get": anywhere(["ADMIN", "MANAGER", "CASHIER"], async () => ({ customerId: (await fx().customer()).id })),
    "customers.history": anywhere(["ADMIN", "MANAGER", "CASHIER"], async () => ({ customerId: (await fx().customer()).id })),
    "customers.create": anywhere(["ADMIN", "MANAGER", "CASHIER"], () => ({ firstName: "Alan", lastName: "Turing", email: `alan-${fx().unique()}@test.example` })),
    "customers.update": anywhere(["ADMIN", "MANAGER", "CASHIER"], async () => ({ customerId: (await fx().customer()).id, note: "Prefers e-mail" })),
    "customers.addAddress": anywhere(["ADMIN", "MANAGER", "CASHIER"], async () => ({
      customerId: (await fx().customer()).id,
      name: "Grace Hopper",
      line1: "1 Navy Way",
      city: "Berlin",
      postalCode: "10115",
      countryCode: "DE",
    })),

    "tasks.list": scoped(ALL, (_w, l) => ({ locationId: l })),
    "tasks.inbox": scoped(ALL, (_w, l) => ({ locationId: l, olderThanHours: 1 })),
    "tasks.exportCsv": scoped(ALL, (_w, l) => ({ locationId: l, olderThanHours: 1 })),
    // Assigned to associates: a cashier may not resolve it (a manager or an admin may).
    "tasks.resolve": scoped(["ADMIN", "MANAGER", "ASSOCIATE"], async (_w, l) => ({ taskId: (await fx().task(l)).id, resolution: "Done" })),

    "routingRules.list": anywhere(["ADMIN"], () => undefined),
    "routingRules.create": anywhere(["ADMIN"], () => rule),
    "routingRules.update": anywhere(["ADMIN"], async () => {
      const row = await fx().prisma.routingRule.create({ data: rule });
      return { routingRuleId: row.id, ...rule, priority: 9001 };
    }),
  };
}

/** A purchase order of one new variant (4 units) to `locationId`, draft or ordered. */
async function hqPurchaseOrder(fx: DomainFixtures, locationId: string, ordered: boolean) {
  const ctx: DomainContext = { db: fx.prisma, actor: { kind: "SYSTEM" }, now: new Date() };
  const variant = await fx.variant();
  const po = await createPurchaseOrder({ locationId, supplierName: "Auth test supplier", currency: "EUR", lines: [{ variantId: variant.id, quantity: 4, unitCost: 500 }] }, ctx);
  return ordered ? markPurchaseOrderOrdered({ purchaseOrderId: po.id }, ctx) : po;
}
