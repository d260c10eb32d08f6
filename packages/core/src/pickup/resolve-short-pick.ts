import { AppError, formatMoney } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { rejectFulfillmentLines } from "../fulfillment/index.ts";
import { releaseReservations, reserveStock } from "../inventory/index.ts";
import { queueNotification } from "../notifications/index.ts";
import { cancelOrderLine, getOrder, type OrderDetail } from "../orders/index.ts";
import { lockOrder } from "../orders/order-rows.ts";
import { keptShare, priceLine } from "../orders/pricing.ts";
import { recomputeTotals } from "../orders/recompute-totals.ts";
import { recordCancellationRefunds } from "../orders/refunds.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { fulfillmentChanged, orderChanged, recordOrderEvent } from "../orders/timeline.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertHoldsClaim } from "./claim-fulfillment-order.ts";
import { ShortPickInput, SubstituteOptionsInput, type ShortPickChoice } from "./schemas.ts";

export interface ShortPickResult {
  order: OrderDetail;
  choice: ShortPickChoice;
  /** REROUTE: where the units went (empty when no store could take them: the order is on hold). */
  reroutedTo: { fulfillmentOrderId: string; number: string; locationId: string; locationName: string }[];
  /** SUBSTITUTE: the new order line. */
  substituteLineId: string | null;
  refunded: number;
}

const approvalLabel = { PHONE: "by phone", SMS: "by text message", EMAIL: "by e-mail", IN_STORE: "in the store" } as const;

/**
 * An item the claimant cannot pick, and what happens to it. Every choice runs in one
 * transaction with the claim check, writes a "pickup.short_pick" line (who, when, what) on
 * the order's timeline and queues a "pickup.short" message to the customer:
 * - REROUTE: rejectFulfillmentLines; routing finds the units at another store (a pickup the
 *   customer's store short-picked may be collected at the nearest store with stock, see
 *   docs/routing.md) or the order goes on hold with a task;
 * - PARTIAL / CANCEL_LINE: cancelOrderLine for the missing units (or all open units of the
 *   line): reservation shrinks, totals drop, captured money beyond them becomes a pending refund;
 * - SUBSTITUTE: the missing units are cancelled on their line and a new line for the other
 *   variant (substituteForLineId) takes exactly their share of the price, so the customer
 *   pays the same; its stock is reserved here and it joins this pick list.
 */
export async function resolveShortPick(rawInput: ShortPickInput, ctx: DomainContext): Promise<ShortPickResult> {
  const input = parseInput(ShortPickInput, rawInput);
  const outcome = await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    await assertHoldsClaim(input.fulfillmentOrderId, inner);
    const line = await tx.fulfillmentOrderLine.findUnique({
      where: { id: input.fulfillmentOrderLineId },
      include: { orderLine: true, fulfillmentOrder: { select: { id: true, number: true, orderId: true, locationId: true, status: true, location: { select: { name: true } } } } },
    });
    if (!line || line.fulfillmentOrderId !== input.fulfillmentOrderId) {
      throw new AppError("VALIDATION_FAILED", "fulfillmentOrderLineId: That line is not part of this order.", {
        fields: [{ path: ["fulfillmentOrderLineId"], message: "Not a line of this fulfillment order" }],
      });
    }
    const f = line.fulfillmentOrder;
    if (f.status !== "NEW" && f.status !== "PICKING") {
      throw new AppError("INVALID_TRANSITION", `${f.number} is already ${f.status.toLowerCase().replace(/_/g, " ")}; a short pick is decided while picking.`, { status: f.status });
    }
    const open = line.quantity - line.quantityRejected - line.quantityFulfilled;
    const missing = input.choice === "CANCEL_LINE" ? open : input.quantity;
    if (missing > open || open === 0) {
      throw new AppError("VALIDATION_FAILED", `quantity: Only ${open} × ${line.orderLine.name} are still to pick; ${missing} cannot be short.`, {
        fields: [{ path: ["quantity"], message: `At most ${open}` }],
      });
    }
    if (input.choice === "PARTIAL" && missing === open) {
      throw new AppError("VALIDATION_FAILED", `quantity: Nothing of ${line.orderLine.name} would be left; choose "Cancel the line" instead.`, {
        fields: [{ path: ["quantity"], message: `Fewer than ${open}` }],
      });
    }
    const ol = line.orderLine;
    const who = ctx.actor.kind === "USER" ? ctx.actor.user.name : "The system";
    const order = await tx.order.findUniqueOrThrow({ where: { id: f.orderId }, select: { id: true, number: true, currency: true, total: true } });
    const result: Omit<ShortPickResult, "order"> = { choice: input.choice, reroutedTo: [], substituteLineId: null, refunded: 0 };
    let message: string;
    let item: { outcome: "SUBSTITUTED" | "PARTIAL" | "REROUTED" | "CANCELLED"; quantityFulfilled: number; substituteName?: string; rerouteLocationName?: string; refundAmount?: number };

    if (input.choice === "REROUTE") {
      const before = new Set((await tx.fulfillmentOrder.findMany({ where: { orderId: f.orderId }, select: { id: true } })).map((r) => r.id));
      await rejectFulfillmentLines({ fulfillmentOrderId: f.id, lines: [{ fulfillmentOrderLineId: line.id, quantity: missing }], reason: input.reason }, inner);
      const created = await tx.fulfillmentOrder.findMany({
        where: { orderId: f.orderId, id: { notIn: [...before] } },
        select: { id: true, number: true, locationId: true, location: { select: { name: true } } },
      });
      result.reroutedTo = created.map((c) => ({ fulfillmentOrderId: c.id, number: c.number, locationId: c.locationId, locationName: c.location.name }));
      const where = result.reroutedTo.map((c) => c.locationName).join(", ");
      message = where
        ? `${who} could not find ${missing} × ${ol.name} at ${f.location.name} (${input.reason}); re-routed to ${where}.`
        : `${who} could not find ${missing} × ${ol.name} at ${f.location.name} (${input.reason}); no other store has it, so the order waits for a decision.`;
      item = { outcome: "REROUTED", quantityFulfilled: ol.quantity, ...(where ? { rerouteLocationName: where } : {}) };
    } else if (input.choice === "PARTIAL" || input.choice === "CANCEL_LINE") {
      const refundsBefore = await tx.refund.aggregate({ where: { orderId: f.orderId }, _sum: { amount: true } });
      await cancelOrderLine({ orderId: f.orderId, orderLineId: ol.id, quantity: missing, reason: `Short pick at ${f.location.name}: ${input.reason}` }, inner);
      const refundsAfter = await tx.refund.aggregate({ where: { orderId: f.orderId }, _sum: { amount: true } });
      result.refunded = (refundsAfter._sum.amount ?? 0) - (refundsBefore._sum.amount ?? 0);
      const kept = ol.quantity - ol.quantityCancelled - missing;
      message =
        input.choice === "PARTIAL"
          ? `${who} could not find ${missing} × ${ol.name} at ${f.location.name} (${input.reason}); the customer gets ${kept}, the rest is cancelled.`
          : `${who} cancelled ${missing} × ${ol.name} at ${f.location.name}: ${input.reason}.`;
      if (result.refunded > 0) message += ` ${formatMoney(result.refunded, order.currency)} goes back to the customer.`;
      item = { outcome: input.choice === "PARTIAL" ? "PARTIAL" : "CANCELLED", quantityFulfilled: Math.max(0, kept), refundAmount: result.refunded };
    } else {
      const sub = await substitute(inner, { line, missing, substituteVariantId: input.substituteVariantId! });
      result.substituteLineId = sub.lineId;
      result.refunded = sub.refunded;
      const approval = input.customerApproval!;
      message =
        `${who} could not find ${missing} × ${ol.name} at ${f.location.name} (${input.reason}); substituted ${missing} × ${sub.name}, ` +
        `the customer agreed ${approvalLabel[approval.via]}${approval.note ? ` (${approval.note})` : ""}.`;
      item = { outcome: "SUBSTITUTED", quantityFulfilled: ol.quantity - ol.quantityCancelled - missing, substituteName: sub.name };
    }

    await recordOrderEvent(tx, f.orderId, "pickup.short_pick", message, ctx, {
      fulfillmentOrderId: f.id,
      fulfillmentOrderLineId: line.id,
      orderLineId: ol.id,
      choice: input.choice,
      quantity: missing,
      reason: input.reason,
      ...(input.customerApproval ? { customerApproval: input.customerApproval } : {}),
      ...(result.substituteLineId ? { substituteLineId: result.substituteLineId } : {}),
      ...(result.reroutedTo.length ? { reroutedTo: result.reroutedTo.map((r) => r.fulfillmentOrderId) } : {}),
    });
    await queueNotification(
      {
        template: "pickup.short",
        orderId: f.orderId,
        fulfillmentOrderId: f.id,
        items: [{ name: ol.name, sku: ol.sku, quantityOrdered: ol.quantity - ol.quantityCancelled, ...item }],
      },
      inner,
    );
    return result;
  });
  return { ...outcome, order: await getOrder({ orderId: (await ctx.db.fulfillmentOrder.findUniqueOrThrow({ where: { id: input.fulfillmentOrderId }, select: { orderId: true } })).orderId }, ctx) };
}

async function substitute(
  ctx: DomainContext,
  args: {
    line: { id: string; fulfillmentOrderId: string; variantId: string; quantity: number; quantityRejected: number; quantityFulfilled: number; orderLine: { id: string; orderId: string; variantId: string; unitPrice: number; taxRateBps: number } };
    missing: number;
    substituteVariantId: string;
  },
): Promise<{ lineId: string; name: string; refunded: number }> {
  const tx = ctx.db;
  const { line, missing } = args;
  if (args.substituteVariantId === line.variantId) {
    throw new AppError("VALIDATION_FAILED", "substituteVariantId: Choose a different item than the missing one.", { fields: [{ path: ["substituteVariantId"], message: "The same item" }] });
  }
  const fo = await tx.fulfillmentOrder.findUniqueOrThrow({ where: { id: line.fulfillmentOrderId }, select: { id: true, orderId: true, locationId: true, status: true } });
  const order = await lockOrder(tx, fo.orderId);
  const variant = await tx.variant.findUnique({
    where: { id: args.substituteVariantId },
    include: { product: { select: { name: true } }, prices: { where: { currency: order.currency } } },
  });
  if (!variant) throw new AppError("VALIDATION_FAILED", "substituteVariantId: That item does not exist.", { fields: [{ path: ["substituteVariantId"], message: "Unknown item" }] });
  const original = order.lines.find((l) => l.id === line.orderLine.id)!;

  // Take the missing units off the original line (and its reservation here).
  const open = line.quantity - line.quantityRejected - line.quantityFulfilled;
  await releaseReservations({ fulfillmentOrderLineIds: [line.id] }, ctx);
  await tx.fulfillmentOrderLine.update({ where: { id: line.id }, data: { quantity: { decrement: missing } } });
  if (open - missing > 0) {
    await reserveStock({ orderId: order.id, lines: [{ variantId: line.variantId, quantity: open - missing, locationId: fo.locationId, fulfillmentOrderLineId: line.id }] }, ctx);
  }
  const shareBefore = keptShare(original);
  const after = { ...original, quantityCancelled: original.quantityCancelled + missing };
  const shareAfter = keptShare(after);
  await tx.orderLine.update({ where: { id: original.id }, data: { quantityCancelled: { increment: missing } } });

  // The substitute carries exactly the price share the cancelled units had: same money.
  const share = {
    discountTotal: shareBefore.discountTotal - shareAfter.discountTotal,
    taxTotal: shareBefore.taxTotal - shareAfter.taxTotal,
    total: shareBefore.total - shareAfter.total,
  };
  const name = `${variant.product.name} ${variant.name}`.trim();
  const lastLineNo = Math.max(...order.lines.map((l) => l.lineNo));
  const catalogue = variant.prices[0]?.amount ?? null;
  const created = await tx.orderLine.create({
    data: {
      orderId: order.id,
      lineNo: lastLineNo + 1,
      variantId: variant.id,
      sku: variant.sku,
      name,
      quantity: missing,
      unitPrice: original.unitPrice,
      discountTotal: share.discountTotal,
      taxRateBps: original.taxRateBps,
      taxTotal: share.taxTotal,
      total: share.total,
      substituteForLineId: original.id,
      originalUnitPrice: catalogue,
    },
  });
  // Sanity: the stored share matches what pricing would say for these units (integer maths).
  const priced = priceLine({ quantity: missing, unitPrice: original.unitPrice, discountTotal: share.discountTotal, taxRateBps: original.taxRateBps }, order.pricesIncludeTax);
  if (Math.abs(priced.total - share.total) > missing) {
    throw new AppError("CONFLICT", "The substitute's price share does not add up; substitute on the order page instead.", { priced, share });
  }
  const fl = await tx.fulfillmentOrderLine.create({ data: { fulfillmentOrderId: fo.id, orderLineId: created.id, variantId: variant.id, quantity: missing } });
  await reserveStock({ orderId: order.id, lines: [{ variantId: variant.id, quantity: missing, locationId: fo.locationId, fulfillmentOrderLineId: fl.id }] }, ctx);
  const totals = await recomputeTotals(tx, order.id, ctx.now);
  const money = await recordCancellationRefunds(tx, order, totals.total, "Substitute for a short-picked item", ctx);
  await enqueueEvents(tx, [orderChanged(order, "order.line_substituted"), fulfillmentChanged({ ...fo, id: fo.id }, "fulfillment.line_substituted")]);
  return { lineId: created.id, name, refunded: money.refunded };
}

export interface SubstituteOption {
  variantId: string;
  sku: string;
  name: string;
  available: number;
  price: number | null;
  currency: string;
}

/**
 * What the associate may offer instead of a missing line: the product's other variants
 * first, then the same category, with units available here (ATP) now.
 */
export async function substituteOptions(rawInput: SubstituteOptionsInput, ctx: { db: DomainContext["db"] }): Promise<SubstituteOption[]> {
  const input = parseInput(SubstituteOptionsInput, rawInput);
  const line = await ctx.db.fulfillmentOrderLine.findUnique({
    where: { id: input.fulfillmentOrderLineId },
    select: { variantId: true, fulfillmentOrderId: true, fulfillmentOrder: { select: { locationId: true, order: { select: { currency: true } } } }, orderLine: { select: { variant: { select: { productId: true, product: { select: { categoryId: true } } } } } } },
  });
  if (!line || line.fulfillmentOrderId !== input.fulfillmentOrderId) throw new AppError("NOT_FOUND", "That line is not part of this order.", { fulfillmentOrderLineId: input.fulfillmentOrderLineId });
  const { productId, product } = line.orderLine.variant;
  const currency = line.fulfillmentOrder.order.currency;
  const levels = await ctx.db.inventoryLevel.findMany({
    where: {
      locationId: line.fulfillmentOrder.locationId,
      variantId: { not: line.variantId },
      variant: { active: true, OR: [{ productId }, { product: { categoryId: product.categoryId } }] },
    },
    include: { variant: { include: { product: { select: { name: true } }, prices: { where: { currency } } } } },
    take: 200,
  });
  return levels
    .map((l) => ({
      variantId: l.variantId,
      sku: l.variant.sku,
      name: `${l.variant.product.name} ${l.variant.name}`.trim(),
      available: l.onHand - l.reserved - l.safetyStock,
      price: l.variant.prices[0]?.amount ?? null,
      currency,
      sameProduct: l.variant.productId === productId,
    }))
    .filter((o) => o.available > 0)
    .sort((a, b) => Number(b.sameProduct) - Number(a.sameProduct) || a.name.localeCompare(b.name))
    .slice(0, 30)
    .map(({ sameProduct: _same, ...o }) => o);
}
