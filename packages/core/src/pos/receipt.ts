import { AppError, PosEmailReceiptInput, PosOrderInput, type PosReceipt, type PosTaxRate } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { queueNotification } from "../notifications/index.ts";
import { recordOrderEvent } from "../orders/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { loadCheckoutState } from "./checkout-state.ts";

/** Everything the 80 mm receipt prints (docs/pos.md), from the recorded sale. */
export async function getPosReceipt(rawInput: PosOrderInput, ctx: DomainContext): Promise<PosReceipt> {
  const input = parseInput(PosOrderInput, rawInput);
  const order = await ctx.db.order.findUnique({
    where: { id: input.orderId },
    include: {
      lines: { orderBy: { lineNo: "asc" } },
      originLocation: true,
      customer: { select: { id: true, firstName: true, lastName: true, email: true, phone: true } },
      fulfillmentOrders: { include: { location: { select: { name: true } }, lines: { select: { orderLineId: true } } }, orderBy: { number: "asc" } },
    },
  });
  if (!order || order.channel !== "POS" || !order.originLocation) throw new AppError("NOT_FOUND", "That is not a sale rung up at a till.", { orderId: input.orderId });
  const state = await loadCheckoutState(ctx.db, order.id);
  const session = order.registerSessionId
    ? await ctx.db.registerSession.findUnique({ where: { id: order.registerSessionId }, select: { register: { select: { code: true, name: true } } } })
    : null;
  const cashier = order.createdById ? await ctx.db.user.findUnique({ where: { id: order.createdById }, select: { name: true } }) : null;
  const store = order.originLocation;

  const byRate = new Map<number, PosTaxRate>();
  for (const line of order.lines) {
    const row = byRate.get(line.taxRateBps) ?? { rateBps: line.taxRateBps, net: 0, tax: 0, gross: 0 };
    row.tax += line.taxTotal;
    row.gross += line.total;
    row.net += line.total - line.taxTotal;
    byRate.set(line.taxRateBps, row);
  }
  const live = order.fulfillmentOrders.filter((f) => f.status !== "CANCELLED" && f.status !== "REJECTED");
  const request = (order.routingTrace as { request?: { fulfillmentType?: string } } | null)?.request?.fulfillmentType;
  return {
    orderId: order.id,
    number: order.number,
    status: order.status,
    placedAt: order.placedAt,
    completedAt: order.completedAt,
    currency: order.currency,
    locale: store.locale,
    timeZone: store.timeZone,
    store: {
      name: store.name,
      code: store.code,
      addressLines: [store.addressLine1, store.addressLine2, `${store.postalCode} ${store.city}`.trim(), store.countryCode].filter((l): l is string => !!l),
      phone: store.phone,
      email: store.email,
    },
    register: session?.register ?? null,
    cashier: cashier?.name ?? null,
    customer: order.customer
      ? { id: order.customer.id, name: `${order.customer.firstName} ${order.customer.lastName}`.trim(), email: order.customer.email, phone: order.customer.phone }
      : null,
    pricesIncludeTax: order.pricesIncludeTax,
    lines: order.lines.map((line) => {
      const fulfillment = live.find((f) => f.lines.some((l) => l.orderLineId === line.id));
      const carriedOut = fulfillment?.type === "CARRY_OUT";
      const type = fulfillment?.type ?? (request === "SHIP" || request === "PICKUP" ? request : "CARRY_OUT");
      return {
        lineNo: line.lineNo,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        originalUnitPrice: line.originalUnitPrice,
        discountTotal: line.discountTotal,
        taxRateBps: line.taxRateBps,
        total: line.total,
        fulfillment: {
          type,
          locationName: carriedOut ? null : (fulfillment?.location.name ?? null),
          fulfillmentNumber: carriedOut ? null : (fulfillment?.number ?? null),
          pickupCode: carriedOut ? null : (fulfillment?.pickupCode ?? null),
        },
      };
    }),
    subtotal: order.subtotal,
    discountTotal: order.discountTotal,
    taxTotal: order.taxTotal,
    total: order.total,
    taxBreakdown: [...byRate.values()].sort((a, b) => b.rateBps - a.rateBps),
    tenders: state.tenders.filter((t) => t.status !== "FAILED" && t.status !== "VOIDED"),
    cashRounding: state.cashRounding,
    change: state.tenders.filter((t) => t.kind === "CASH" && t.status === "CAPTURED").reduce((s, t) => s + (t.change ?? 0), 0),
    barcode: order.number,
  };
}

/**
 * Queues the receipt e-mail through the notifications module (template "pos.receipt"),
 * sent after commit; in the demo it lands in the mail log HQ can open.
 */
export async function emailPosReceipt(rawInput: PosEmailReceiptInput, ctx: DomainContext): Promise<{ notificationId: string; recipient: string }> {
  const input = parseInput(PosEmailReceiptInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const order = await tx.order.findUnique({ where: { id: input.orderId }, select: { id: true, status: true, channel: true } });
    if (!order || order.channel !== "POS") throw new AppError("NOT_FOUND", "That is not a sale rung up at a till.", { orderId: input.orderId });
    if (order.status === "DRAFT") throw new AppError("INVALID_TRANSITION", "The sale is not paid yet, so there is no receipt to send.", { orderId: order.id });
    const queued = await queueNotification({ template: "pos.receipt", orderId: order.id, to: { email: input.email } }, inner);
    if (!queued) throw new AppError("VALIDATION_FAILED", "email: Enter the e-mail address to send the receipt to.", { fields: [{ path: ["email"], message: "No address" }] });
    await recordOrderEvent(tx, order.id, "pos.receipt_emailed", `Receipt e-mailed to ${queued.recipient}.`, inner, { notificationId: queued.id });
    return { notificationId: queued.id, recipient: queued.recipient };
  });
}
