// Test data for delivery runs: packed DELIVERY orders through the real commands.
import type { PrismaClient } from "@oms/db";
import { markPacked, startPicking } from "../fulfillment/index.ts";
import { createOrder } from "../orders/index.ts";
import { krakowAddress, orderContext, type OrderWorld } from "../orders/testing.ts";

/** A paid web order for local delivery, picked and packed at the store routing chose. */
export async function packedDeliveryOrder(prisma: PrismaClient, w: OrderWorld, suffix: string) {
  const ctx = orderContext(prisma);
  const order = await createOrder(
    {
      channel: "WEB",
      customer: { name: `Ewa ${suffix}`, email: `ewa-${suffix}-${w.tag}@example.com`, phone: "+48 600 300 400" },
      currency: w.currency,
      lines: [{ variantId: w.variants[0]!.id, quantity: 1 }],
      fulfillment: { type: "DELIVERY", address: { ...krakowAddress(w), name: `Ewa ${suffix}` } },
      payment: { status: "PAID", reference: `pi_${suffix}_${w.tag}` },
    },
    ctx,
  );
  const fo = order.fulfillmentOrders[0]!;
  await startPicking({ fulfillmentOrderId: fo.id }, ctx);
  await markPacked({ fulfillmentOrderId: fo.id, bagCount: 1 }, ctx);
  return { order, fo };
}
