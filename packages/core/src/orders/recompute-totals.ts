import type { Tx } from "@oms/db";
import { orderTotals } from "./pricing.ts";

/** Writes the order's totals from its lines (units still ordered) and returns them. */
export async function recomputeTotals(tx: Tx, orderId: string, now: Date) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { shippingTotal: true, lines: true } });
  const totals = orderTotals(order.lines, order.shippingTotal);
  await tx.order.update({ where: { id: orderId }, data: { ...totals, updatedAt: now } });
  return totals;
}
