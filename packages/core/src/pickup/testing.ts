// Test data of the pickup module's database tests: two stores, associates, pickup orders.
import type { FulfillmentType } from "@oms/contracts";
import type { PrismaClient } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { receiveStock } from "../inventory/index.ts";
import { createOrder } from "../orders/index.ts";
import { createStaffWorld, createTestUser, userActor } from "../testing/index.ts";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function pickupWorld(prisma: PrismaClient) {
  const world = await createStaffWorld(prisma);
  const anna = await createTestUser(prisma, { role: "ASSOCIATE", locationId: world.storeA.id, name: "Anna Nowak" });
  const ben = await createTestUser(prisma, { role: "ASSOCIATE", locationId: world.storeA.id, name: "Ben Kowalski" });
  const category = await prisma.category.create({ data: { slug: `pickup-${unique()}`, name: "Pickup tests" } });
  const system = (now = new Date()): DomainContext => ({ db: prisma, actor: { kind: "SYSTEM" }, now });
  const as = (user: Parameters<typeof userActor>[0], now = new Date(), db: PrismaClient = prisma): DomainContext => ({ db, actor: userActor(user), now });

  /** A variant with stock at the named locations (and a bin there) and one barcode. */
  async function variant(name: string, stock: Record<string, { units: number; bin?: string }>) {
    const tag = unique();
    const product = await prisma.product.create({ data: { handle: `p-${tag}`, name, categoryId: category.id } });
    const v = await prisma.variant.create({
      data: { productId: product.id, sku: `PK-${tag}`, name: "One size", prices: { create: { currency: "EUR", amount: 1500 } }, barcodes: { create: { code: `59${tag}` } } },
      include: { barcodes: true },
    });
    for (const [locationId, s] of Object.entries(stock)) {
      await receiveStock({ locationId, lines: [{ variantId: v.id, quantity: s.units }] }, system());
      if (s.bin) await prisma.inventoryLevel.update({ where: { variantId_locationId: { variantId: v.id, locationId } }, data: { bin: s.bin } });
    }
    return v;
  }

  /** A paid web order collected at `locationId`. */
  async function pickupOrder(locationId: string, lines: { variantId: string; quantity: number }[], customerName = "Ada Lovelace", now = new Date(), type: FulfillmentType = "PICKUP") {
    return createOrder(
      {
        channel: "PHONE",
        customer: { name: customerName, email: `c-${unique()}@test.example`, phone: "+49 30 1234567" },
        currency: "EUR",
        lines,
        fulfillment: { type: type as "PICKUP", locationId },
        payment: { status: "PAID" },
      },
      system(now),
    );
  }

  return { ...world, anna, ben, system, as, variant, pickupOrder, unique };
}
