import { AppError, PosCheckoutStartInput, type FieldIssue, type PosCheckoutState } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { reserveStock } from "../inventory/index.ts";
import { nextOrderNumber, orderChanged, recordOrderEvent } from "../orders/index.ts";
import { assertOpenRegisterSession } from "../registers/index.ts";
import { actorUserId } from "../shared/actor.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { loadCheckoutState } from "./checkout-state.ts";
import { priceSale } from "./quote-cart.ts";

/** Order.externalId of a till sale: the till's checkout attempt, unique per channel. */
export const attemptExternalId = (attemptId: string) => `till:${attemptId}`;

/**
 * Rings up the cart: the POS order (DRAFT until paid in full) with its lines priced as the
 * quote showed them, and the carry-out units reserved at this store in the same transaction
 * (another till selling the last unit gets INSUFFICIENT_STOCK). Endless-aisle lines are
 * placed by the orders module's allocation when the sale is paid (complete-sale.ts).
 */
export async function startPosCheckout(rawInput: PosCheckoutStartInput, ctx: DomainContext): Promise<PosCheckoutState> {
  const input = parseInput(PosCheckoutStartInput, rawInput);
  if (input.cart.lines.length === 0) {
    throw new AppError("VALIDATION_FAILED", "cart.lines: Add at least one item before taking payment.", { fields: [{ path: ["cart", "lines"], message: "The sale is empty" }] });
  }
  const externalId = input.attemptId ? attemptExternalId(input.attemptId) : null;
  const existing = async () => (externalId ? ctx.db.order.findUnique({ where: { channel_externalId: { channel: "POS", externalId } }, select: { id: true } }) : null);
  const before = await existing();
  if (before) return loadCheckoutState(ctx.db, before.id);

  // The number is drawn before the sale's transaction: the store's counter row is then
  // locked for one statement, not for the whole checkout, so the store's tills do not
  // queue on it. A sale that fails leaves a gap in the numbers (docs/pos.md).
  const store = await ctx.db.registerSession.findUnique({ where: { id: input.registerSessionId }, select: { location: { select: { code: true } } } });
  const number = store ? await nextOrderNumber(ctx.db, "POS", store.location.code) : null;

  let orderId: string;
  try {
    orderId = await withTransaction(ctx, async (tx) => {
      const inner: DomainContext = { ...ctx, db: tx };
      const session = await assertOpenRegisterSession({ registerSessionId: input.registerSessionId }, inner);
      const { location, quote, lineApprovers, remote } = await priceSale(tx, session.locationId, input.cart, ctx.now);
      if (session.currency !== location.currency) {
        throw new AppError("VALIDATION_FAILED", `registerSessionId: The drawer holds ${session.currency}, but ${location.name} sells in ${location.currency}.`, {
          fields: [{ path: ["registerSessionId"], message: "The drawer holds another currency" }],
        });
      }
      const missing = quote.approvals.filter((a) => !a.approved);
      if (missing.length > 0) {
        const fields: FieldIssue[] = missing.map((a) => ({
          path: a.lineIndex === null ? ["cart", "orderDiscount"] : ["cart", "lines", a.lineIndex, a.kind === "PRICE_OVERRIDE" ? "priceOverride" : "lineDiscount"],
          message: `A manager must approve this: ${a.reason.toLowerCase()}`,
        }));
        throw new AppError("VALIDATION_FAILED", `${fields[0]!.path.join(".")}: ${fields[0]!.message}.`, { fields, approvalsNeeded: missing });
      }

      // Endless aisle: the pickup store must have the units now (routing places them once paid).
      const shortRemote = quote.lines.filter((l) => l.fulfillment.type === "PICKUP" && l.short);
      if (shortRemote.length > 0) {
        const fields: FieldIssue[] = shortRemote.map((l) => ({ path: ["cart", "lines", l.index, "quantity"], message: `Only ${l.available ?? 0} available at the pickup store` }));
        throw new AppError("INSUFFICIENT_STOCK", `${fields[0]!.path.join(".")}: ${fields[0]!.message}.`, { fields });
      }
      const customer = quote.customer;
      if (!number) throw new AppError("NOT_FOUND", "That register session does not exist.", { registerSessionId: input.registerSessionId });
      const order = await tx.order.create({
        data: {
          number,
          channel: "POS",
          externalId,
          customerId: customer?.id ?? null,
          customerName: customer?.name ?? null,
          email: customer?.email ?? null,
          phone: customer?.phone ?? null,
          originLocationId: location.id,
          registerSessionId: session.id,
          currency: location.currency,
          subtotal: quote.subtotal,
          discountTotal: quote.discountTotal,
          taxTotal: quote.taxTotal,
          total: quote.total,
          pricesIncludeTax: location.pricesIncludeTax,
          status: "DRAFT",
          paymentStatus: "PENDING",
          shippingAddress: remote?.type === "SHIP" ? (remote.address as Prisma.InputJsonValue) : undefined,
          routingTrace: {
            request: { fulfillmentType: remote?.type ?? "CARRY_OUT", locationId: remote === null ? location.id : remote.type === "PICKUP" ? remote.locationId : null },
            runs: [],
          },
          placedAt: ctx.now,
          createdById: actorUserId(ctx.actor),
          lines: {
            create: quote.lines.map((l) => ({
              lineNo: l.index + 1,
              variantId: l.variantId,
              sku: l.sku,
              name: l.name,
              quantity: l.quantity,
              unitPrice: l.unitPrice,
              discountTotal: l.discountTotal,
              taxRateBps: l.taxRateBps,
              taxTotal: l.taxTotal,
              total: l.total,
              originalUnitPrice: l.unitPrice !== l.catalogUnitPrice ? l.catalogUnitPrice : null,
              approvedById: lineApprovers[l.index] ?? null,
            })),
          },
        },
        include: { lines: { orderBy: { lineNo: "asc" } } },
      });

      // Carry-out: one fulfillment order at this store, its units held until the sale is paid.
      const carryOut = quote.lines.filter((l) => l.fulfillment.type === "CARRY_OUT");
      if (carryOut.length > 0) {
        const fulfillment = await tx.fulfillmentOrder.create({
          data: {
            number: `${number}-F1`,
            orderId: order.id,
            locationId: location.id,
            type: "CARRY_OUT",
            createdAt: ctx.now,
            lines: {
              create: carryOut.map((l) => {
                const line = order.lines.find((o) => o.lineNo === l.index + 1)!;
                return { orderLineId: line.id, variantId: line.variantId, quantity: line.quantity };
              }),
            },
          },
          include: { lines: true },
        });
        await reserveStock(
          {
            orderId: order.id,
            lines: fulfillment.lines.map((l) => ({ variantId: l.variantId, locationId: location.id, quantity: l.quantity, fulfillmentOrderLineId: l.id })),
          },
          inner,
        );
      }
      const remoteUnits = quote.lines.filter((l) => l.fulfillment.type !== "CARRY_OUT").reduce((s, l) => s + l.quantity, 0);
      await recordOrderEvent(
        tx,
        order.id,
        "order.created",
        `Till sale ${number} rung up at ${location.name} on ${session.registerName}` +
          (remoteUnits > 0 ? `; ${remoteUnits} item${remoteUnits === 1 ? "" : "s"} to ${remote?.type === "SHIP" ? "ship to the customer" : "collect at another store"}.` : "."),
        inner,
        { registerSessionId: session.id, total: quote.total, approvals: quote.approvals.filter((a) => a.approvedBy) },
      );
      await enqueueEvents(tx, [orderChanged(order, "order.created", location.id)]);
      return order.id;
    });
  } catch (error) {
    // Two taps with one attempt id at once: the second insert hits the unique key.
    const after = await existing();
    if (after) return loadCheckoutState(ctx.db, after.id);
    throw error;
  }
  return loadCheckoutState(ctx.db, orderId);
}
