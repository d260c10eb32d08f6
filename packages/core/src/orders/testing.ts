// Data for the order lifecycle tests, built through Prisma and the inventory functions:
// a market of its own (own country code, so routing and tax see only this world), three
// locations with positions, priced variants and stock.
import type { CreateOrderInput } from "@oms/contracts";
import type { PrismaClient } from "@oms/db";
import type { Actor, DomainContext } from "../context.ts";
import { changeOnHand } from "../inventory/index.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let countrySeq = 0;
/** A fresh two-letter "country" per world: each test database gets its own sequence. */
function nextCountry(): string {
  const n = countrySeq++;
  return String.fromCharCode(81 + Math.floor(n / 26) % 10, 65 + (n % 26)); // QA, QB, ... (unused ISO range)
}

export function orderContext(db: PrismaClient, now = new Date(), actor: Actor = { kind: "SYSTEM" }): DomainContext {
  return { db, actor, now };
}

export interface OrderWorldOptions {
  /** Units on hand per variant at [Warsaw, Krakow, warehouse]; default [5, 5, 0]. */
  stock?: number[][];
  variants?: number;
  price?: number;
  pricesIncludeTax?: boolean;
  /** Tag location and product names too, so searches by name find only this world. */
  uniqueNames?: boolean;
  /** Give every variant an EAN-like barcode and a EUR price besides PLN. */
  catalogExtras?: boolean;
}

export async function orderWorld(prisma: PrismaClient, options: OrderWorldOptions = {}) {
  const tag = unique();
  const country = nextCountry();
  const currency = "PLN";
  await prisma.organizationSettings.upsert({ where: { id: 1 }, update: {}, create: { id: 1, name: "Test retailer", reportingCurrency: currency } });
  const market = await prisma.market.create({ data: { code: `M${tag}`, name: "Test market", currency, countries: [country] } });
  const location = (name: string, kind: "STORE" | "WAREHOUSE", latitude: number, longitude: number, i: number) =>
    prisma.location.create({
      data: {
        code: `${name.slice(0, 3).toUpperCase()}${i}-${tag}`,
        name: options.uniqueNames ? `${name} ${tag}` : name,
        kind,
        marketCode: market.code,
        addressLine1: `Street ${i}`,
        city: name,
        postalCode: "00-001",
        countryCode: country,
        latitude,
        longitude,
        timeZone: "Europe/Warsaw",
        currency,
        locale: "pl-PL",
        taxRateBps: 2300,
        reducedTaxRateBps: 800,
        pricesIncludeTax: options.pricesIncludeTax ?? true,
        fulfillmentTypes: kind === "STORE" ? ["CARRY_OUT", "PICKUP", "SHIP", "DELIVERY"] : ["SHIP"],
        openingHours: {},
      },
    });
  const warsaw = await location("Warsaw", "STORE", 52.2297, 21.0122, 0);
  const krakow = await location("Krakow", "STORE", 50.0647, 19.945, 1);
  const warehouse = await location("Lodz warehouse", "WAREHOUSE", 51.7592, 19.456, 2);
  const category = await prisma.category.create({ data: { slug: `c-${tag}`, name: "Jackets" } });
  const product = await prisma.product.create({
    data: { handle: `p-${tag}`, name: options.uniqueNames ? `Trail Jacket ${tag}` : "Trail Jacket", categoryId: category.id },
  });
  const variants = [];
  for (let i = 0; i < (options.variants ?? 2); i++) {
    variants.push(
      await prisma.variant.create({
        data: {
          productId: product.id,
          sku: `SKU-${tag}-${i}`,
          name: `Size ${i}`,
          prices: {
            create: [{ currency, amount: options.price ?? 10_000 }, ...(options.catalogExtras ? [{ currency: "EUR", amount: 2_500 }] : [])],
          },
          ...(options.catalogExtras ? { barcodes: { create: { code: `590${tag}${i}` } } } : {}),
        },
      }),
    );
  }
  const ctx = orderContext(prisma);
  const locations = [warsaw, krakow, warehouse];
  for (const [v, variant] of variants.entries()) {
    const perLocation = options.stock?.[v] ?? [5, 5, 0];
    for (const [l, units] of perLocation.entries()) {
      if (units > 0) await changeOnHand(prisma, { variantId: variant.id, locationId: locations[l]!.id, delta: units, kind: "INITIAL" }, ctx);
    }
  }
  return { tag, country, currency, market, warsaw, krakow, warehouse, variants, product, category };
}

export type OrderWorld = Awaited<ReturnType<typeof orderWorld>>;

/** Near Krakow's store. */
export function krakowAddress(world: OrderWorld) {
  return { name: "Anna Nowak", line1: "Rynek Glowny 1", city: "Krakow", postalCode: "31-042", countryCode: world.country, phone: "+48 600 100 200", latitude: 50.0617, longitude: 19.9373 };
}

export function webShipOrder(world: OrderWorld, overrides: Partial<CreateOrderInput> = {}): CreateOrderInput {
  return {
    channel: "WEB",
    customer: { name: "Anna Nowak", email: `anna-${world.tag}@example.com`, phone: "+48 600 100 200" },
    currency: world.currency,
    lines: [{ variantId: world.variants[0]!.id, quantity: 2 }],
    fulfillment: { type: "SHIP", address: krakowAddress(world) },
    payment: { status: "PAID", reference: `pi_${world.tag}` },
    ...overrides,
  };
}

export function webPickupOrder(world: OrderWorld, overrides: Partial<CreateOrderInput> = {}): CreateOrderInput {
  return {
    channel: "WEB",
    customer: { name: "Jan Kowalski", email: `jan-${world.tag}@example.com`, phone: "+48 600 200 300" },
    currency: world.currency,
    lines: [{ variantId: world.variants[0]!.id, quantity: 1 }],
    fulfillment: { type: "PICKUP", locationId: world.warsaw.id },
    payment: { status: "PAY_AT_PICKUP" },
    ...overrides,
  };
}

export async function stockAt(prisma: PrismaClient, variantId: string, locationId: string) {
  const level = await prisma.inventoryLevel.findUnique({ where: { variantId_locationId: { variantId, locationId } } });
  return { onHand: level?.onHand ?? 0, reserved: level?.reserved ?? 0, available: (level?.onHand ?? 0) - (level?.reserved ?? 0) - (level?.safetyStock ?? 0) };
}
