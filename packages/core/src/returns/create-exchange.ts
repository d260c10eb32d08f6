import { AppError, CreateExchangeInput, formatMoney, type ExchangeResult, type StoreCreditResult } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { changeOnHand, inventoryEvent } from "../inventory/index.ts";
import { nextOrderNumber } from "../orders/index.ts";
import { actorRef, actorUserId } from "../shared/actor.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents, type OutboxMessage } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { describeRefund, issueStoreCredit, recordRefund } from "./issue-refunds.ts";
import { takeCashIntoDrawer } from "./pay-cash-from-drawer.ts";
import { openCompletedReturn } from "./open-completed-return.ts";
import { bookReturnLines, loadLocation, lockOrder, planReturnLines, updateOrderAfterReturn, type ReceivingLocation } from "./receive-return-lines.ts";
import { lineTax } from "./refund-amounts.ts";


/**
 * Exchange at a store, in one transaction: the returned lines are taken back exactly like
 * createReturn; their value becomes store credit that pays for a new POS order (carry-out
 * at this store, COMPLETED, stock out through the ledger as SALE). The difference
 * newTotal − returnValue is `amountDue`: positive, the customer pays it at the till (the
 * new order is PARTIALLY_PAID until the POS records that payment); negative, it is paid
 * back with `refundMethod` (as store credit the remainder stays on the same credit code).
 */
export async function createExchange(rawInput: CreateExchangeInput, ctx: DomainContext): Promise<ExchangeResult> {
  const input = parseInput(CreateExchangeInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const order = await lockOrder(tx, input.orderId);
      const location = await loadLocation(tx, input.locationId);
      if (location.kind !== "STORE") {
        throw new AppError("VALIDATION_FAILED", `locationId: Exchanges happen at a store; ${location.name} is not one.`, {
          fields: [{ path: ["locationId"], message: "Choose a store" }],
        });
      }
      if (location.currency !== order.currency) {
        throw new AppError(
          "VALIDATION_FAILED",
          `locationId: Order ${order.number} was paid in ${order.currency} and ${location.name} sells in ${location.currency}; exchange it in a store that sells in ${order.currency}, or make a return and a new sale.`,
          { fields: [{ path: ["locationId"], message: "Different currency" }] },
        );
      }
      const planned = await planReturnLines(tx, order, input.lines);
      const returnValue = planned.reduce((s, l) => s + l.refundAmount, 0);
      const newLines = await priceNewLines(tx, input.newLines, location);
      const newTotal = newLines.reduce((s, l) => s + l.total, 0);
      const subtotal = newLines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
      const taxTotal = newLines.reduce((s, l) => s + l.taxTotal, 0);
      const applied = Math.min(returnValue, newTotal);
      const leftover = returnValue - applied;
      const amountDue = newTotal - returnValue;

      const ret = await openCompletedReturn(tx, { order, location, refundMethod: input.refundMethod, refundTotal: returnValue, note: input.note }, ctx);
      const booked = await bookReturnLines(tx, { order, location, returnId: ret.id, lines: planned }, ctx);

      // The credit carries what pays the new order, plus the remainder when that too is
      // refunded as store credit.
      const creditBalance = input.refundMethod === "STORE_CREDIT" ? leftover : 0;
      const creditInitial = applied + creditBalance;
      const storeCredit: StoreCreditResult | null =
        creditInitial > 0 ? await issueStoreCredit(tx, { order, returnId: ret.id, initial: creditInitial, balance: creditBalance }) : null;
      const refundBase = { order, location, returnId: ret.id, returnNumber: ret.number };
      const creditRefund = await recordRefund(tx, { ...refundBase, method: "STORE_CREDIT", amount: creditInitial }, ctx, storeCredit ?? undefined);
      const leftoverRefund =
        input.refundMethod === "STORE_CREDIT"
          ? null
          : await recordRefund(tx, { ...refundBase, method: input.refundMethod, amount: leftover, registerSessionId: input.registerSessionId ?? null }, ctx);
      const refunds = [...creditRefund.refunds, ...(leftoverRefund?.refunds ?? [])];
      const orderStatus = await updateOrderAfterReturn(tx, order, ctx);

      // The new order: rung up, paid (at least partly) with the credit, carried out.
      const exchangeOrder = await tx.order.create({
        data: {
          number: await nextOrderNumber(tx, "POS", location.code),
          channel: "POS",
          customerId: order.customerId,
          customerName: order.customerName,
          email: order.email,
          phone: order.phone,
          originLocationId: location.id,
          currency: order.currency,
          subtotal,
          taxTotal,
          total: newTotal,
          pricesIncludeTax: location.pricesIncludeTax,
          status: "COMPLETED",
          paymentStatus: amountDue > 0 ? "PARTIALLY_PAID" : "PAID",
          note: `Exchange for order ${order.number} (return ${ret.number})`,
          placedAt: ctx.now,
          completedAt: ctx.now,
          createdById: actorUserId(ctx.actor),
          lines: {
            create: newLines.map((l, i) => ({
              lineNo: i + 1,
              variantId: l.variantId,
              sku: l.sku,
              name: l.name,
              quantity: l.quantity,
              unitPrice: l.unitPrice,
              taxRateBps: l.taxRateBps,
              taxTotal: l.taxTotal,
              total: l.total,
              quantityFulfilled: l.quantity,
            })),
          },
        },
        include: { lines: true },
      });
      await tx.return.update({ where: { id: ret.id }, data: { exchangeOrderId: exchangeOrder.id } });
      const fulfillment = await tx.fulfillmentOrder.create({
        data: {
          // The orders module numbers fulfillments `<order number>-F<n>`.
          number: `${exchangeOrder.number}-F1`,
          orderId: exchangeOrder.id,
          locationId: location.id,
          type: "CARRY_OUT",
          status: "PICKED_UP",
          pickedUpAt: ctx.now,
          createdAt: ctx.now,
          lines: {
            create: exchangeOrder.lines.map((l) => ({
              orderLineId: l.id,
              variantId: l.variantId,
              quantity: l.quantity,
              quantityPicked: l.quantity,
              quantityFulfilled: l.quantity,
            })),
          },
        },
      });
      if (applied > 0) {
        await tx.payment.create({
          data: {
            orderId: exchangeOrder.id,
            provider: "STORE_CREDIT",
            method: "STORE_CREDIT",
            status: "CAPTURED",
            currency: order.currency,
            amount: applied,
            amountCaptured: applied,
            reference: storeCredit?.code ?? null,
            storeCreditId: storeCredit?.id ?? null,
            createdAt: ctx.now,
          },
        });
      }

      // A positive difference paid in cash at this till: into the drawer, and the order is paid.
      let collectedCash = false;
      if (amountDue > 0 && input.collectInCash) {
        if (!input.registerSessionId) {
          throw new AppError("VALIDATION_FAILED", "registerSessionId: Cash goes into a register's drawer: open this till's register first.", {
            fields: [{ path: ["registerSessionId"], message: "No open register" }],
          });
        }
        await takeCashIntoDrawer(
          tx,
          { registerSessionId: input.registerSessionId, location, orderId: exchangeOrder.id, amount: amountDue, currency: order.currency, reason: `Exchange ${ret.number}: difference for order ${exchangeOrder.number}` },
          ctx,
        );
        await tx.order.update({ where: { id: exchangeOrder.id }, data: { paymentStatus: "PAID" } });
        collectedCash = true;
      }

      // Stock leaves after the returned units came back (same store, lock order by variant).
      const events: OutboxMessage[] = [...booked.events];
      for (const line of [...newLines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
        const level = await changeOnHand(
          tx,
          {
            variantId: line.variantId,
            locationId: location.id,
            delta: -line.quantity,
            kind: "SALE",
            refs: { orderId: exchangeOrder.id, fulfillmentOrderId: fulfillment.id },
          },
          ctx,
        );
        events.push(inventoryEvent(level));
      }

      const money = (n: number) => formatMoney(n, order.currency);
      const settle =
        amountDue > 0
          ? collectedCash
            ? `${money(amountDue)} paid in cash`
            : `${money(amountDue)} to pay at the till`
          : amountDue < 0
            ? describeRefund(input.refundMethod, -amountDue, order.currency, storeCredit)
            : "nothing to pay";
      await tx.orderEvent.createMany({
        data: [
          {
            orderId: order.id,
            type: "return.completed",
            message: `Exchange ${ret.number} for new order ${exchangeOrder.number}: ${booked.sentences.join("; ")}. ${money(returnValue)} credited towards the new order; ${settle}.`,
            data: { returnId: ret.id, exchangeOrderId: exchangeOrder.id, returnValue, newTotal, amountDue },
            ...actorRef(ctx.actor),
            createdAt: ctx.now,
          },
          {
            orderId: exchangeOrder.id,
            type: "order.created",
            message: `Exchange for order ${order.number} (return ${ret.number}) at ${location.name}: ${newLines.map((l) => `${l.quantity} × ${l.name} (${l.sku})`).join(", ")} carried out; ${money(applied)} paid with store credit${storeCredit ? ` ${storeCredit.code}` : ""}; ${settle}.`,
            data: { returnId: ret.id, originalOrderId: order.id, amountDue },
            ...actorRef(ctx.actor),
            createdAt: ctx.now,
          },
        ],
      });
      await enqueueEvents(tx, [
        ...events,
        { topic: "order.changed", locationId: location.id, payload: { orderId: order.id, number: order.number, status: orderStatus, change: "order.returned" } },
        {
          topic: "order.changed",
          locationId: location.id,
          payload: { orderId: exchangeOrder.id, number: exchangeOrder.number, status: exchangeOrder.status, change: "order.created" },
        },
      ]);

      return {
        return: {
          id: ret.id,
          number: ret.number,
          orderId: order.id,
          orderNumber: order.number,
          orderStatus,
          locationId: location.id,
          status: ret.status,
          refundMethod: ret.refundMethod,
          refundTotal: returnValue,
          currency: order.currency,
          lines: booked.lines,
          refunds,
          storeCredit,
          cashMovementId: leftoverRefund?.cashMovementId ?? null,
          completedAt: ret.completedAt,
        },
        exchangeOrder: { id: exchangeOrder.id, number: exchangeOrder.number, total: newTotal, currency: order.currency },
        returnValue,
        newTotal,
        amountDue,
        differencePaid: amountDue <= 0 || collectedCash,
      };
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}

interface PricedLine {
  variantId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
}

/** Prices the new items at the store's current price in its currency, with its tax rules. */
async function priceNewLines(tx: Tx, lines: { variantId: string; quantity: number }[], location: ReceivingLocation): Promise<PricedLine[]> {
  const variants = await tx.variant.findMany({
    where: { id: { in: lines.map((l) => l.variantId) } },
    include: { product: { select: { name: true, taxCategory: true } }, prices: { where: { currency: location.currency } } },
  });
  const byId = new Map(variants.map((v) => [v.id, v]));
  return lines.map((line, index) => {
    const variant = byId.get(line.variantId);
    if (!variant || !variant.active) {
      throw new AppError("NOT_FOUND", `newLines.${index}.variantId: That product variant does not exist or is no longer sold.`, {
        fields: [{ path: ["newLines", index, "variantId"], message: "No such variant" }],
      });
    }
    const price = variant.prices[0];
    if (!price) {
      throw new AppError("VALIDATION_FAILED", `newLines.${index}.variantId: ${variant.product.name} (${variant.sku}) has no price in ${location.currency}.`, {
        fields: [{ path: ["newLines", index, "variantId"], message: `No price in ${location.currency}` }],
      });
    }
    const taxRateBps =
      variant.product.taxCategory === "ZERO" ? 0 : variant.product.taxCategory === "REDUCED" ? location.reducedTaxRateBps : location.taxRateBps;
    const amount = price.amount * line.quantity;
    const taxTotal = lineTax(amount, taxRateBps, location.pricesIncludeTax);
    return {
      variantId: variant.id,
      sku: variant.sku,
      name: `${variant.product.name} ${variant.name}`.trim(),
      quantity: line.quantity,
      unitPrice: price.amount,
      taxRateBps,
      taxTotal,
      total: location.pricesIncludeTax ? amount : amount + taxTotal,
    };
  });
}
