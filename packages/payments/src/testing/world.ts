// Rows for payment tests (and the API's authorization table): a store selling in EUR with a
// priced, stocked product, and orders made through the domain functions.
import type { CreateOrderInput } from "@oms/contracts";
import { createOrder, receiveStock, type DomainContext } from "@oms/core";
import { createTestLocation } from "@oms/core/testing";
import type { PrismaClient } from "@oms/db";

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

function systemContext(prisma: PrismaClient): DomainContext {
  return { db: prisma, actor: { kind: "SYSTEM" }, now: new Date() };
}

/** A pickup order at `locationId` for one unit priced `price` (EUR, tax included). */
export async function createPaymentTestOrder(
  prisma: PrismaClient,
  options: { locationId: string; price?: number; payment: CreateOrderInput["payment"] },
) {
  const tag = unique();
  const category = await prisma.category.create({ data: { slug: `pay-${tag}`, name: "Payment tests" } });
  const product = await prisma.product.create({ data: { handle: `pay-${tag}`, name: `Card test ${tag}`, categoryId: category.id } });
  const variant = await prisma.variant.create({
    data: { productId: product.id, sku: `PAY-${tag}`, name: "One size", prices: { create: { currency: "EUR", amount: options.price ?? 10_000 } } },
  });
  await receiveStock({ locationId: options.locationId, lines: [{ variantId: variant.id, quantity: 5 }] }, systemContext(prisma));
  return createOrder(
    {
      channel: "PHONE",
      customer: { name: "Ada Lovelace", email: `ada-${tag}@test.example`, phone: "+49 30 1234567" },
      currency: "EUR",
      lines: [{ variantId: variant.id, quantity: 1 }],
      fulfillment: { type: "PICKUP", locationId: options.locationId },
      payment: options.payment,
    },
    systemContext(prisma),
  );
}

/** A store (EUR) of its own for payment tests. */
export async function createPaymentTestStore(prisma: PrismaClient, marketCode?: string) {
  return createTestLocation(prisma, { name: `Pay store ${unique()}`, ...(marketCode ? { marketCode } : {}) });
}

/** An AUTHORIZED card payment (simulated provider) on a new order at `locationId`. */
export async function createAuthorizedTestPayment(prisma: PrismaClient, options: { locationId: string; price?: number }) {
  const order = await createPaymentTestOrder(prisma, { locationId: options.locationId, price: options.price, payment: { status: "AUTHORIZED", provider: "SIMULATED", reference: `pi_sim_${unique()}` } });
  const payment = await prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
  return { order, payment, paymentId: payment.id };
}
