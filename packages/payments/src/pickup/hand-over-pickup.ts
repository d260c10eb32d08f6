// Money at the pickup counter: taking a pay-at-pickup order's payment on the store's card
// reader before the handover, and capturing an authorized card after it. Core's
// handOverPickup is one database transaction; nothing here runs inside it (the provider is
// called before it starts or after it commits). See docs/pickup.md, "Handover".
import { AppError } from "@oms/contracts";
import { balanceDue, handOverPickup, HandOverPickupInput, type HandoverResult } from "@oms/core";
import { z } from "zod";
import { captureOrderPayments, type CaptureResult } from "../capture-payment.ts";
import { createCardPresentPayment, getReaderState, listReaders, type CardPresentPayment } from "../card-present.ts";
import type { PaymentsContext } from "../context.ts";

export const StartPickupPaymentInput = z.object({
  fulfillmentOrderId: z.uuid("Choose the order"),
  /** Chosen by the tablet per attempt: a double tap reuses the same payment. */
  attemptId: z.uuid().optional(),
});
export type StartPickupPaymentInput = z.input<typeof StartPickupPaymentInput>;

export const PickupPaymentStateInput = z.object({ fulfillmentOrderId: z.uuid("Choose the order"), paymentId: z.uuid("Choose the payment") });
export type PickupPaymentStateInput = z.input<typeof PickupPaymentStateInput>;

async function readyPickup(ctx: PaymentsContext, fulfillmentOrderId: string) {
  const f = await ctx.db.fulfillmentOrder.findUnique({ where: { id: fulfillmentOrderId }, select: { id: true, orderId: true, locationId: true, status: true, type: true, number: true } });
  if (!f) throw new AppError("NOT_FOUND", "That fulfillment order does not exist.", { fulfillmentOrderId });
  if (f.type !== "PICKUP" || f.status !== "READY_FOR_PICKUP") {
    throw new AppError("INVALID_TRANSITION", `${f.number} is not waiting on the pickup shelf, so there is nothing to pay at the counter.`, { status: f.status });
  }
  return f;
}

/** The store's card reader: the one set on a register of the store, else the first the provider lists. */
async function storeReader(ctx: PaymentsContext, locationId: string): Promise<string> {
  const readers = await listReaders({ locationId }, ctx);
  const configured = await ctx.db.register.findMany({ where: { locationId, readerId: { not: null } }, select: { readerId: true } });
  const reader = readers.find((r) => configured.some((c) => c.readerId === r.id) && r.online) ?? readers.find((r) => r.online);
  if (!reader) throw new AppError("UNAVAILABLE", "No card reader of this store is online. Take the payment at a till instead.", { retryable: true });
  return reader.id;
}

/**
 * Pay at pickup: the amount still due goes to the store's reader (card-present, charged
 * now). The tablet then polls pickupPaymentState until the customer has tapped the card.
 */
export async function startPickupPayment(rawInput: StartPickupPaymentInput, ctx: PaymentsContext): Promise<CardPresentPayment & { readerId: string }> {
  const input = StartPickupPaymentInput.parse(rawInput);
  const f = await readyPickup(ctx, input.fulfillmentOrderId);
  const money = await balanceDue(ctx.db, f.orderId);
  if (money.due === 0) throw new AppError("INVALID_TRANSITION", "This order is already paid.");
  if (money.paymentStatus === "AUTHORIZED") throw new AppError("INVALID_TRANSITION", "This order's card is authorized; it is captured at handover, nothing to pay here.");
  const readerId = await storeReader(ctx, f.locationId);
  const payment = await createCardPresentPayment({ orderId: f.orderId, locationId: f.locationId, readerId, amount: money.due, captureMethod: "automatic", attemptId: input.attemptId }, ctx);
  return { ...payment, readerId };
}

/** Where the reader is with a pickup payment; brings the payment (and the order's payment status) up to date. */
export async function pickupPaymentState(rawInput: PickupPaymentStateInput, ctx: PaymentsContext) {
  const input = PickupPaymentStateInput.parse(rawInput);
  const f = await readyPickup(ctx, input.fulfillmentOrderId);
  const payment = await ctx.db.payment.findUnique({ where: { id: input.paymentId }, select: { orderId: true } });
  if (!payment || payment.orderId !== f.orderId) throw new AppError("NOT_FOUND", "That payment is not for this order.");
  const readerId = await storeReader(ctx, f.locationId);
  const state = await getReaderState({ locationId: f.locationId, readerId, paymentId: input.paymentId }, ctx);
  const money = await balanceDue(ctx.db, f.orderId);
  return { ...state, due: money.due, currency: money.currency };
}

export interface PickupHandoverOutcome {
  handover: HandoverResult;
  captures: CaptureResult[];
  /** The capture failed after the handover: the goods are gone, a PAYMENT task tells the manager. */
  captureFailed: { message: string; taskId: string | null } | null;
}

/**
 * Hands the parcel over (core, one transaction), then captures any authorized card of the
 * order. A failed capture does not undo the handover (the customer has the goods): the
 * payment stays AUTHORIZED and capturePayment writes the timeline line and a PAYMENT task for
 * the store manager.
 */
export async function completePickupHandover(rawInput: HandOverPickupInput, ctx: PaymentsContext): Promise<PickupHandoverOutcome> {
  const handover = await handOverPickup(rawInput, { db: ctx.db, actor: ctx.actor, now: ctx.now });
  const authorized = await ctx.db.payment.count({ where: { orderId: handover.orderId, status: "AUTHORIZED" } });
  if (authorized === 0) return { handover, captures: [], captureFailed: null };
  try {
    return { handover, captures: await captureOrderPayments({ orderId: handover.orderId }, ctx), captureFailed: null };
  } catch (error) {
    if (!AppError.isAppError(error)) throw error;
    const taskId = typeof error.details.taskId === "string" ? error.details.taskId : null;
    return { handover, captures: [], captureFailed: { message: error.message, taskId } };
  }
}
