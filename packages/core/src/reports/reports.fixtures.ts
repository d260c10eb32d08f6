// Hand-built sales for the report tests (docs/hq-reports.md, "Worked example"): rows written
// straight through Prisma so every figure is known to the minor unit.
import type { Channel, OrderStatus, ReturnReason } from "@oms/contracts";
import type { PrismaClient } from "@oms/db";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 5)}`;

export async function reportLocation(prisma: PrismaClient, o: { name: string; timeZone: string; currency: string }) {
  const tag = unique();
  const market = await prisma.market.create({ data: { code: `M${tag}`, name: `Market ${tag}`, currency: o.currency, countries: ["PT"] } });
  return prisma.location.create({
    data: {
      code: `R-${tag}`,
      name: o.name,
      kind: "STORE",
      marketCode: market.code,
      addressLine1: "1 Report Street",
      city: o.name,
      postalCode: "1000",
      countryCode: "PT",
      latitude: 38.7,
      longitude: -9.1,
      timeZone: o.timeZone,
      currency: o.currency,
      locale: "en-GB",
      taxRateBps: 2300,
      pricesIncludeTax: true,
      fulfillmentTypes: ["CARRY_OUT", "PICKUP", "SHIP"],
      openingHours: {},
    },
  });
}

export async function reportCatalog(prisma: PrismaClient) {
  const tag = unique();
  const category = await prisma.category.create({ data: { slug: `outerwear-${tag}`, name: `Outerwear ${tag}` } });
  const product = await prisma.product.create({ data: { handle: `parka-${tag}`, name: `Harbour Parka ${tag}`, categoryId: category.id } });
  const variant = await prisma.variant.create({ data: { productId: product.id, sku: `PARKA-${tag}`, name: "M" } });
  return { category, product, variant };
}

export interface ReportOrderLine {
  variantId: string;
  quantity: number;
  total: number;
  taxTotal: number;
  quantityCancelled?: number;
}

export async function reportOrder(
  prisma: PrismaClient,
  o: { channel: Channel; currency: string; placedAt: string; originLocationId?: string; status?: OrderStatus; isLate?: boolean; lines: ReportOrderLine[] },
) {
  const total = o.lines.reduce((s, l) => s + l.total, 0);
  const taxTotal = o.lines.reduce((s, l) => s + l.taxTotal, 0);
  return prisma.order.create({
    data: {
      number: `RPT-${unique()}`,
      channel: o.channel,
      currency: o.currency,
      originLocationId: o.originLocationId ?? null,
      subtotal: total,
      taxTotal,
      total,
      pricesIncludeTax: true,
      status: o.status ?? "COMPLETED",
      isLate: o.isLate ?? false,
      placedAt: new Date(o.placedAt),
      lines: {
        create: o.lines.map((l, i) => ({
          lineNo: i + 1,
          variantId: l.variantId,
          sku: "SKU",
          name: "Harbour Parka",
          quantity: l.quantity,
          unitPrice: Math.round(l.total / l.quantity),
          taxRateBps: 2300,
          taxTotal: l.taxTotal,
          total: l.total,
          quantityCancelled: l.quantityCancelled ?? 0,
        })),
      },
    },
    include: { lines: true },
  });
}

export async function reportFulfillment(
  prisma: PrismaClient,
  f: { orderId: string; locationId: string; type: "PICKUP" | "SHIP"; readyAt?: string; shippedAt?: string; pickedUpAt?: string },
) {
  return prisma.fulfillmentOrder.create({
    data: {
      number: `FO-${unique()}`,
      orderId: f.orderId,
      locationId: f.locationId,
      type: f.type,
      status: f.pickedUpAt ? "PICKED_UP" : f.shippedAt ? "SHIPPED" : f.readyAt ? "READY_FOR_PICKUP" : "NEW",
      readyAt: f.readyAt ? new Date(f.readyAt) : null,
      shippedAt: f.shippedAt ? new Date(f.shippedAt) : null,
      pickedUpAt: f.pickedUpAt ? new Date(f.pickedUpAt) : null,
    },
  });
}

export async function reportReturn(
  prisma: PrismaClient,
  r: { orderId: string; locationId: string; currency: string; createdAt: string; lines: { orderLineId: string; variantId: string; quantity: number; refundAmount: number; reason: ReturnReason }[] },
) {
  return prisma.return.create({
    data: {
      number: `RET-${unique()}`,
      orderId: r.orderId,
      locationId: r.locationId,
      status: "COMPLETED",
      refundMethod: "ORIGINAL_PAYMENT",
      refundTotal: r.lines.reduce((s, l) => s + l.refundAmount, 0),
      currency: r.currency,
      createdAt: new Date(r.createdAt),
      completedAt: new Date(r.createdAt),
      lines: { create: r.lines.map((l) => ({ ...l, condition: "SELLABLE" as const })) },
    },
  });
}

export async function reportSettings(prisma: PrismaClient, o: { currency: string; includeTax: boolean }) {
  await prisma.organizationSettings.upsert({
    where: { id: 1 },
    create: { id: 1, name: "Report test retail", reportingCurrency: o.currency, reportPricesIncludeTax: o.includeTax },
    update: { reportingCurrency: o.currency, reportPricesIncludeTax: o.includeTax },
  });
}
