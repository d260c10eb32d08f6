// Data for the returns and customers tests, written straight through Prisma so they do
// not wait for the orders module: locations, priced variants, fulfilled and paid orders.
import type { Channel, PrismaClient } from "@oms/db";
import type { DomainContext } from "../context.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface ReturnsWorldOptions {
  currency?: string;
  variants?: number;
  /** Price of each variant in `currency`, minor units. */
  price?: number;
}

export async function returnsWorld(prisma: PrismaClient, options: ReturnsWorldOptions = {}) {
  const tag = unique();
  const currency = options.currency ?? "PLN";
  const market = await prisma.market.create({ data: { code: `M${tag}`, name: "Test market", currency, countries: ["PL"] } });
  const location = (name: string, kind: "STORE" | "WAREHOUSE", i: number) =>
    prisma.location.create({
      data: {
        code: `${kind[0]}${i}-${tag}`,
        name,
        kind,
        marketCode: market.code,
        addressLine1: `Street ${i}`,
        city: name,
        postalCode: "00-001",
        countryCode: "PL",
        latitude: 52.23 + i / 100,
        longitude: 21.01,
        timeZone: "Europe/Warsaw",
        currency,
        locale: "pl-PL",
        taxRateBps: 2300,
        reducedTaxRateBps: 800,
        pricesIncludeTax: true,
        fulfillmentTypes: ["CARRY_OUT", "PICKUP", "SHIP"],
        openingHours: {},
      },
    });
  const warsaw = await location("Warsaw", "STORE", 0);
  const krakow = await location("Krakow", "STORE", 1);
  const warehouse = await location("Central warehouse", "WAREHOUSE", 2);
  const category = await prisma.category.create({ data: { slug: `c-${tag}`, name: "Test" } });
  const product = await prisma.product.create({ data: { handle: `p-${tag}`, name: "Trail Jacket", categoryId: category.id } });
  const variants = [];
  for (let i = 0; i < (options.variants ?? 3); i++) {
    variants.push(
      await prisma.variant.create({
        data: {
          productId: product.id,
          sku: `SKU-${tag}-${i}`,
          name: `Size ${i}`,
          prices: { create: { currency, amount: options.price ?? 10_000 } },
        },
      }),
    );
  }
  const customer = await prisma.customer.create({
    data: { email: `anna-${tag}@example.com`, phone: "+48 600 100 200", firstName: "Anna", lastName: `Nowak${tag}` },
  });
  return { tag, market, currency, warsaw, krakow, warehouse, variants, customer };
}

export type ReturnsWorld = Awaited<ReturnType<typeof returnsWorld>>;

export interface OrderLineSpec {
  variantId: string;
  quantity: number;
  /** What the customer paid for the whole line, minor units. */
  total: number;
  fulfilled?: number;
}

/**
 * A FULFILLED order paid in full: POS orders with one captured cash payment at Warsaw, other
 * channels with captured card payments (split across `payments` if given).
 */
export async function fulfilledOrder(
  prisma: PrismaClient,
  world: ReturnsWorld,
  options: { channel?: Channel; lines: OrderLineSpec[]; payments?: number[]; customerId?: string | null; currency?: string; status?: "FULFILLED" | "CANCELLED" | "COMPLETED"; placedAt?: Date },
) {
  const channel = options.channel ?? "WEB";
  const currency = options.currency ?? world.currency;
  const total = options.lines.reduce((s, l) => s + l.total, 0);
  const variants = await prisma.variant.findMany({ where: { id: { in: options.lines.map((l) => l.variantId) } } });
  const sku = new Map(variants.map((v) => [v.id, v.sku]));
  const order = await prisma.order.create({
    data: {
      number: `T-${unique()}`,
      channel,
      customerId: options.customerId === undefined ? world.customer.id : options.customerId,
      customerName: "Anna Nowak",
      email: world.customer.email,
      originLocationId: channel === "POS" ? world.warsaw.id : null,
      currency,
      subtotal: total,
      taxTotal: 0,
      total,
      pricesIncludeTax: true,
      status: options.status ?? "FULFILLED",
      paymentStatus: "PAID",
      placedAt: options.placedAt ?? new Date(),
      lines: {
        create: options.lines.map((l, i) => ({
          lineNo: i + 1,
          variantId: l.variantId,
          sku: sku.get(l.variantId)!,
          name: "Trail Jacket",
          quantity: l.quantity,
          unitPrice: Math.round(l.total / l.quantity),
          taxRateBps: 2300,
          taxTotal: 0,
          total: l.total,
          quantityFulfilled: l.fulfilled ?? l.quantity,
        })),
      },
      payments: {
        create: (options.payments ?? [total]).map((amount) => ({
          provider: channel === "POS" ? ("CASH" as const) : ("SIMULATED" as const),
          method: channel === "POS" ? ("CASH" as const) : ("CARD" as const),
          status: "CAPTURED" as const,
          currency,
          amount,
          amountCaptured: amount,
        })),
      },
    },
    include: { lines: { orderBy: { lineNo: "asc" } }, payments: true },
  });
  return order;
}

export function testContext(db: PrismaClient, now = new Date()): DomainContext {
  return { db, actor: { kind: "SYSTEM" }, now };
}
