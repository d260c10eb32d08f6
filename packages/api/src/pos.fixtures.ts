// Authorization-table entries of the pos router (see authorization.fixtures.ts): each input
// makes its own product, register session and sale at `locationId`, so "a store A cashier
// on store B's sale" is checked on real rows.
import { addPosCashTender, parkPosSale, recordDeviceHeartbeat, startPosCheckout, type DomainContext } from "@oms/core";
import { offlineSale } from "@oms/core/testing";
import { createPosProduct, createTestUser, openTestRegister, TEST_PIN, userActor } from "@oms/core/testing";
import { paymentProvider, resetSimulatedReader, simulatedReaderId, startPosCardTender } from "@oms/payments";
import type { DomainAccess, DomainFixtures } from "./authorization.fixtures.ts";

type Role = DomainAccess["roles"][number];
type World = Parameters<DomainAccess["input"]>[0];

export function posAccessTable(fx: () => DomainFixtures): Record<string, DomainAccess> {
  const till: readonly Role[] = ["ADMIN", "MANAGER", "CASHIER"];
  const scoped = (input: DomainAccess["input"]): DomainAccess => ({ public: false, roles: till, locationScoped: true, input });
  /** The store's own cashier: sales at store B are rung up by store B's cashier. */
  const clerkOf = (w: World, locationId: string) => (locationId === w.storeA.id ? w.cashierA : w.cashierB);
  const ctxOf = (w: World, locationId: string): DomainContext => ({ db: fx().prisma, actor: userActor(clerkOf(w, locationId)), now: new Date() });
  const product = (locationId: string, barcode?: string) => createPosProduct(fx().prisma, { price: 1000, stock: { [locationId]: 5 }, barcode });
  const session = (w: World, locationId: string) =>
    openTestRegister(fx().prisma, { locationId, openedById: clerkOf(w, locationId).id, readerId: simulatedReaderId(locationId) });
  /** A sale started (DRAFT, 10.00 EUR due) at the store. */
  const sale = async (w: World, locationId: string) => {
    const { variant } = await product(locationId);
    const { session: s } = await session(w, locationId);
    return startPosCheckout({ registerSessionId: s.id, cart: { lines: [{ variantId: variant.id, quantity: 1 }] } }, ctxOf(w, locationId));
  };
  const paidSale = async (w: World, locationId: string) => {
    const started = await sale(w, locationId);
    return addPosCashTender({ orderId: started.orderId, tendered: 1000 }, ctxOf(w, locationId));
  };
  const cardTender = async (w: World, locationId: string) => {
    resetSimulatedReader(simulatedReaderId(locationId));
    const started = await sale(w, locationId);
    const card = await startPosCardTender({ orderId: started.orderId }, { db: fx().prisma, actor: userActor(clerkOf(w, locationId)), now: new Date(), provider: paymentProvider() });
    return { orderId: started.orderId, paymentId: card.paymentId };
  };
  const cart = async (locationId: string) => ({ lines: [{ variantId: (await product(locationId)).variant.id, quantity: 1 }] });

  /** A till device of the store with a register session open, as a heartbeat registers it. */
  const device = async (w: World, locationId: string) => {
    const deviceId = crypto.randomUUID();
    const { register, session: s } = await session(w, locationId);
    await recordDeviceHeartbeat(
      { deviceId, locationId, registerId: register.id, unsyncedCount: 0, unsyncedTotal: 0, oldestUnsyncedAt: null, rejectedCount: 0 },
      ctxOf(w, locationId),
    );
    return { deviceId, registerId: register.id, registerSessionId: s.id };
  };

  return {
    "pos.offline.catalog": scoped((_w, l) => ({ locationId: l })),
    "pos.offline.pinVerifier": { public: false, roles: ["MANAGER", "CASHIER"], locationScoped: false, input: () => ({ pin: TEST_PIN }) },
    "pos.offline.submit": scoped(async (w, l) => {
      const { variant } = await product(l);
      const d = await device(w, l);
      return offlineSale({ deviceId: d.deviceId, locationId: l, registerSessionId: d.registerSessionId, cashierId: clerkOf(w, l).id, lines: [{ variantId: variant.id, quantity: 1, unitPrice: 1000 }] });
    }),
    "pos.offline.heartbeat": scoped(async (w, l) => {
      const d = await device(w, l);
      return { deviceId: d.deviceId, locationId: l, registerId: d.registerId, unsyncedCount: 0, unsyncedTotal: 0, oldestUnsyncedAt: null, rejectedCount: 0 };
    }),
    "pos.offline.devices": { public: false, roles: ["ADMIN", "MANAGER"], locationScoped: true, input: (_w: World, l: string) => ({ locationId: l }) },
    "pos.searchProducts": scoped((_w, l) => ({ locationId: l, query: "Till product" })),
    "pos.lookupBarcode": scoped(async (_w, l) => {
      const code = `20${Date.now()}${Math.floor(Math.random() * 1000)}`;
      await product(l, code);
      return { locationId: l, code };
    }),
    "pos.quote": scoped(async (_w, l) => ({ locationId: l, cart: await cart(l) })),
    "pos.approvers": scoped((_w, l) => ({ locationId: l })),
    // The store's own manager approves (the world has one at store A; store B gets one here).
    "pos.approve": scoped(async (w, l) => ({
      locationId: l,
      managerId: l === w.storeA.id ? w.managerA.id : (await createTestUser(fx().prisma, { role: "MANAGER", locationId: l })).id,
      managerPin: TEST_PIN,
      reason: "Damaged box",
      scope: { kind: "LINE_DISCOUNT" },
    })),
    "pos.parkSale": scoped(async (_w, l) => ({ locationId: l, label: "Fetching a size", cart: await cart(l) })),
    "pos.listParked": scoped((_w, l) => ({ locationId: l })),
    "pos.resumeParked": scoped(async (w, l) => ({ parkedSaleId: (await parkPosSale({ locationId: l, label: "Parked", cart: await cart(l) }, ctxOf(w, l))).id })),
    "pos.checkout.start": scoped(async (w, l) => ({ registerSessionId: (await session(w, l)).session.id, cart: await cart(l) })),
    "pos.checkout.state": scoped(async (w, l) => ({ orderId: (await sale(w, l)).orderId })),
    "pos.checkout.addCashTender": scoped(async (w, l) => ({ orderId: (await sale(w, l)).orderId, tendered: 2000 })),
    "pos.checkout.addStoreCreditTender": scoped(async (w, l) => {
      const chars = () => Array.from({ length: 4 }, () => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[Math.floor(Math.random() * 32)]).join("");
      const code = `SC-${chars()}-${chars()}`;
      await fx().prisma.storeCredit.create({ data: { code, currency: "EUR", balance: 500, initial: 500 } });
      return { orderId: (await sale(w, l)).orderId, code };
    }),
    "pos.checkout.startCardTender": scoped(async (w, l) => {
      resetSimulatedReader(simulatedReaderId(l));
      return { orderId: (await sale(w, l)).orderId };
    }),
    "pos.checkout.cardTenderState": scoped((w, l) => cardTender(w, l)),
    "pos.checkout.cancelCardTender": scoped((w, l) => cardTender(w, l)),
    "pos.checkout.void": scoped(async (w, l) => ({ orderId: (await sale(w, l)).orderId, reason: "Customer left" })),
    "pos.receipt": scoped(async (w, l) => ({ orderId: (await paidSale(w, l)).orderId })),
    "pos.emailReceipt": scoped(async (w, l) => ({ orderId: (await paidSale(w, l)).orderId, email: "receipt@test.example" })),
  };
}
