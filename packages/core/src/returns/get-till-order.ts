import { AppError, TillOrderInput, type TillOrder } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { returnableLine } from "./get-returnable-lines.ts";

/**
 * One order as the till shows it for a return or a reprint: lines with bought / returned /
 * returnable, payments, refunds and earlier returns, and how much a card refund can still
 * take. Any channel, any store (goods can come back anywhere).
 */
export async function getTillOrder(rawInput: TillOrderInput, ctx: Pick<DomainContext, "db">): Promise<TillOrder> {
  const input = parseInput(TillOrderInput, rawInput);
  const order = await ctx.db.order.findUnique({
    where: { id: input.orderId },
    include: {
      originLocation: { select: { name: true } },
      lines: { orderBy: { lineNo: "asc" } },
      payments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { refunds: { where: { status: { in: ["PENDING", "SUCCEEDED"] } }, select: { amount: true } } } },
      refunds: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      returns: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { lines: true, location: { select: { name: true } } } },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", "orderId: That order does not exist.", { fields: [{ path: ["orderId"], message: "No such order" }] });
  const exchangeOf = await ctx.db.return.findFirst({ where: { exchangeOrderId: order.id }, select: { number: true, order: { select: { id: true, number: true } } } });
  const lineById = new Map(order.lines.map((l) => [l.id, l]));
  // As recordRefund: what each captured card payment has left after refunds paid or promised.
  const cardRefundable = order.payments
    .filter((p) => p.method === "CARD" && p.amountCaptured > 0)
    .reduce((sum, p) => sum + Math.max(0, p.amountCaptured - Math.max(p.amountRefunded, p.refunds.reduce((s, r) => s + r.amount, 0))), 0);
  return {
    id: order.id,
    number: order.number,
    channel: order.channel,
    status: order.status,
    paymentStatus: order.paymentStatus,
    placedAt: order.placedAt,
    customerId: order.customerId,
    customerName: order.customerName,
    email: order.email,
    phone: order.phone,
    originLocationId: order.originLocationId,
    originLocationName: order.originLocation?.name ?? null,
    currency: order.currency,
    subtotal: order.subtotal,
    discountTotal: order.discountTotal,
    taxTotal: order.taxTotal,
    shippingTotal: order.shippingTotal,
    total: order.total,
    lines: order.lines.map((l) => ({ ...returnableLine(l), unitPrice: l.unitPrice })),
    payments: order.payments.map((p) => ({
      id: p.id,
      method: p.method,
      provider: p.provider,
      status: p.status,
      amount: p.amount,
      amountCaptured: p.amountCaptured,
      amountRefunded: p.amountRefunded,
      reference: p.reference,
      createdAt: p.createdAt,
    })),
    refunds: order.refunds.map((r) => ({ id: r.id, method: r.method, status: r.status, amount: r.amount, reference: r.reference, returnId: r.returnId, createdAt: r.createdAt })),
    returns: order.returns.map((r) => ({
      id: r.id,
      number: r.number,
      locationName: r.location.name,
      refundMethod: r.refundMethod,
      refundTotal: r.refundTotal,
      exchangeOrderId: r.exchangeOrderId,
      createdAt: r.createdAt,
      lines: r.lines.map((l) => {
        const line = lineById.get(l.orderLineId);
        return { orderLineId: l.orderLineId, name: line?.name ?? "", sku: line?.sku ?? "", quantity: l.quantity, reason: l.reason, condition: l.condition, refundAmount: l.refundAmount };
      }),
    })),
    cardRefundable,
    exchangeFor: exchangeOf ? { orderId: exchangeOf.order.id, orderNumber: exchangeOf.order.number, returnNumber: exchangeOf.number } : null,
  };
}
