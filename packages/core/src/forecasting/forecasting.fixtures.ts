// The forecasting tests' network (docs/forecasting.md "Worked example"): one market with a
// store A that runs short, a near store B that sells too and has little to spare, a store D
// further away with plenty, a far warehouse W, and a store X of another market next door.
import type { PrismaClient } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { adjustStock, commitReservations, createPurchaseOrder, markPurchaseOrderOrdered, receivePurchaseOrder, receiveStock, reserveStock } from "../inventory/index.ts";

const DAY = 86_400_000;
let counter = 0;

export async function forecastWorld(prisma: PrismaClient, now: Date) {
  const tag = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const at = (daysAgo: number): DomainContext => ({ db: prisma, actor: { kind: "SYSTEM" }, now: new Date(now.getTime() - daysAgo * DAY) });
  const market = await prisma.market.create({ data: { code: `F${tag}`, name: "Poland", currency: "PLN", countries: ["PL"] } });
  const other = await prisma.market.create({ data: { code: `G${tag}`, name: "Czechia", currency: "CZK", countries: ["CZ"] } });
  const location = (code: string, name: string, marketCode: string, latitude: number, longitude: number, kind: "STORE" | "WAREHOUSE" = "STORE") =>
    prisma.location.create({
      data: {
        code: `${code}-${tag}`, name, kind, marketCode, addressLine1: "1 Rynek", city: name, postalCode: "30-001", countryCode: "PL",
        latitude, longitude, timeZone: "Europe/Warsaw", currency: marketCode === market.code ? "PLN" : "CZK", locale: "pl-PL",
        taxRateBps: 2300, pricesIncludeTax: true, fulfillmentTypes: ["CARRY_OUT", "PICKUP", "SHIP"], openingHours: {},
      },
    });
  const a = await location("A", `Kraków Rynek ${tag}`, market.code, 50.0614, 19.9366);
  const b = await location("B", `Kraków Kazimierz ${tag}`, market.code, 50.0517, 19.9449);
  const d = await location("D", `Katowice ${tag}`, market.code, 50.2649, 19.0238);
  const w = await location("W", `Warsaw Warehouse ${tag}`, market.code, 52.2297, 21.0122, "WAREHOUSE");
  const x = await location("X", `Ostrava ${tag}`, other.code, 50.0615, 19.9367);
  const category = await prisma.category.create({ data: { slug: `outer-${tag}`, name: `Outerwear ${tag}` } });
  const product = await prisma.product.create({ data: { handle: `trail-${tag}`, name: `Trail Jacket ${tag}`, brand: "Tatra Gear", categoryId: category.id } });
  const jacket = await prisma.variant.create({ data: { productId: product.id, sku: `JKT-${tag}`, name: "Red / M" } });
  const boot = await prisma.variant.create({ data: { productId: product.id, sku: `BOOT-${tag}`, name: "Boot 42" } });

  async function sell(variantId: string, locationId: string, units: number, daysAgo: number) {
    const [r] = await reserveStock({ lines: [{ variantId, locationId, quantity: units }] }, at(daysAgo));
    await commitReservations({ reservationIds: [r!.id], kind: "SALE" }, at(daysAgo));
  }

  // The jacket at A: 33 received, 24 sold (4 today, 2 a week ago, 8 two weeks ago, 10 on
  // day 27) → 9 on hand; 1 reserved, safety stock 2 → ATP 6. Velocity 0.7733.
  await receiveStock({ locationId: a.id, lines: [{ variantId: jacket.id, quantity: 33 }] }, at(40));
  await sell(jacket.id, a.id, 10, 27.5);
  await sell(jacket.id, a.id, 8, 14.5);
  await sell(jacket.id, a.id, 2, 7.5);
  await sell(jacket.id, a.id, 4, 0.5);
  await prisma.inventoryLevel.update({ where: { variantId_locationId: { variantId: jacket.id, locationId: a.id } }, data: { safetyStock: 2 } });
  await reserveStock({ lines: [{ variantId: jacket.id, locationId: a.id, quantity: 1 }] }, at(0));
  // B (1 km away): 20 on hand but sold 4 today → keeps ceil(0.4022 × 28) = 12, can spare 8: not enough.
  await receiveStock({ locationId: b.id, lines: [{ variantId: jacket.id, quantity: 24 }] }, at(40));
  await sell(jacket.id, b.id, 4, 0.5);
  // D (69 km): 30, sells nothing → spare 30. W (250 km): 100. X (other market, next door): 500.
  await receiveStock({ locationId: d.id, lines: [{ variantId: jacket.id, quantity: 30 }] }, at(40));
  await receiveStock({ locationId: w.id, lines: [{ variantId: jacket.id, quantity: 100 }] }, at(40));
  await receiveStock({ locationId: x.id, lines: [{ variantId: jacket.id, quantity: 500 }] }, at(40));

  // The boot is only at A: bought once from Nordic Outdoor Supply at 42.50 (received), 8 sold
  // today → 2 on hand, velocity 0.8045 → a purchase order of ceil(22.53 − 2) = 21.
  const po = await createPurchaseOrder(
    { locationId: a.id, supplierName: "Nordic Outdoor Supply", currency: "PLN", lines: [{ variantId: boot.id, quantity: 10, unitCost: 4_250 }] },
    at(45),
  );
  await markPurchaseOrderOrdered({ purchaseOrderId: po.id }, at(45));
  await receivePurchaseOrder({ purchaseOrderId: po.id, lines: [{ variantId: boot.id, quantity: 10 }] }, at(40));
  await sell(boot.id, a.id, 8, 0.25);

  const level = (variantId: string, locationId: string) => prisma.inventoryLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId, locationId } } });
  return {
    market, a, b, d, w, x, category, jacket, boot, at, sell, level,
    /** Removes units from a location (damaged), e.g. to take its excess away. */
    damage: (variantId: string, locationId: string, units: number) => adjustStock({ locationId, variantId, quantity: -units, reason: "DAMAGED" }, at(0)),
    locations: [a.id, b.id, d.id, w.id, x.id],
  };
}
