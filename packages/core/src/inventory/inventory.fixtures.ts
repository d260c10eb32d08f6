// Data for the inventory tests: a market, locations and variants, built through Prisma.
import type { PrismaClient } from "@oms/db";
import type { DomainContext } from "../context.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function inventoryWorld(prisma: PrismaClient, options: { locations?: number; variants?: number } = {}) {
  const tag = unique();
  const market = await prisma.market.create({ data: { code: `M${tag}`, name: "Test market", currency: "EUR", countries: ["DE"] } });
  const locations = [];
  for (let i = 0; i < (options.locations ?? 2); i++) {
    locations.push(
      await prisma.location.create({
        data: {
          code: `L${i}-${tag}`,
          name: `Store ${i}`,
          kind: "STORE",
          marketCode: market.code,
          addressLine1: `Street ${i}`,
          city: "Berlin",
          postalCode: "10115",
          countryCode: "DE",
          latitude: 52.52 + i / 100,
          longitude: 13.4,
          timeZone: "Europe/Berlin",
          currency: "EUR",
          locale: "de-DE",
          taxRateBps: 1900,
          pricesIncludeTax: true,
          fulfillmentTypes: ["CARRY_OUT", "PICKUP", "SHIP"],
          openingHours: {},
        },
      }),
    );
  }
  const category = await prisma.category.create({ data: { slug: `c-${tag}`, name: "Test" } });
  const product = await prisma.product.create({ data: { handle: `p-${tag}`, name: "Trail Jacket", categoryId: category.id } });
  const variants = [];
  for (let i = 0; i < (options.variants ?? 2); i++) {
    variants.push(await prisma.variant.create({ data: { productId: product.id, sku: `SKU-${tag}-${i}`, name: `Size ${i}` } }));
  }
  return { market, locations, variants };
}

export function systemContext(db: PrismaClient, now = new Date()): DomainContext {
  return { db, actor: { kind: "SYSTEM" }, now };
}
