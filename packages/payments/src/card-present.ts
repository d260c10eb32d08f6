// Card-present payments at the till through a Terminal reader (Stripe or simulated). The
// card never touches our servers: we create a PaymentIntent, hand it to the reader, and
// read back what the reader and the provider say.
import { AppError } from "@oms/contracts";
import { withTransaction } from "@oms/core";
import { z } from "zod";
import { applyIntentToPayment } from "./apply-intent.ts";
import type { PaymentsContext } from "./context.ts";
import type { ReaderInfo, ReaderState } from "./provider.ts";

export const CollectCardPresentInput = z.object({
  orderId: z.uuid("Choose the order"),
  locationId: z.uuid("Choose the store"),
  readerId: z.string().trim().min(1, "Choose a card reader").max(200),
  amount: z.number().int("Amounts are whole minor units").positive("Enter an amount above zero"),
  /** automatic (default): charged now; manual: authorized now, captured later. */
  captureMethod: z.enum(["automatic", "manual"]).default("automatic"),
  /** Chosen by the till per attempt: a double tap or a retry reuses the same payment. */
  attemptId: z.uuid().optional(),
});
export type CollectCardPresentInput = z.input<typeof CollectCardPresentInput>;

export interface CardPresentPayment {
  paymentId: string;
  paymentIntentId: string;
  status: string;
  amount: number;
  currency: string;
  reader: ReaderState;
}

async function storeOf(ctx: PaymentsContext, locationId: string) {
  const location = await ctx.db.location.findUnique({ where: { id: locationId }, select: { id: true, code: true, name: true, currency: true } });
  if (!location) throw new AppError("NOT_FOUND", "There is no such store.");
  return location;
}

export async function listReaders(input: { locationId: string }, ctx: PaymentsContext): Promise<ReaderInfo[]> {
  const location = await storeOf(ctx, input.locationId);
  return ctx.provider.listReaders({ locationId: location.id, locationCode: location.code });
}

async function assertReaderAtStore(ctx: PaymentsContext, locationId: string, readerId: string): Promise<void> {
  const readers = await listReaders({ locationId }, ctx);
  if (!readers.some((r) => r.id === readerId)) throw new AppError("FORBIDDEN", "This card reader does not belong to your store. Choose one of the store's readers.");
}

/**
 * Starts a card-present payment: a Payment row (PENDING), a PaymentIntent (key
 * `payment-intent:<paymentId>`), then the reader (key `reader:<paymentId>`). If the reader
 * refuses, the PaymentIntent is cancelled again (compensation) and the payment marked FAILED.
 */
export async function createCardPresentPayment(rawInput: CollectCardPresentInput, ctx: PaymentsContext): Promise<CardPresentPayment> {
  const input = CollectCardPresentInput.parse(rawInput);
  const location = await storeOf(ctx, input.locationId);
  const order = await ctx.db.order.findUnique({ where: { id: input.orderId }, include: { fulfillmentOrders: { select: { locationId: true } } } });
  if (!order) throw new AppError("NOT_FOUND", "There is no such order.");
  if (order.originLocationId !== location.id && !order.fulfillmentOrders.some((f) => f.locationId === location.id)) {
    throw new AppError("FORBIDDEN", `Order ${order.number} is not sold or collected at ${location.name}, so it cannot be paid on its reader.`);
  }
  if (order.status === "CANCELLED") throw new AppError("INVALID_TRANSITION", `Order ${order.number} is cancelled.`);
  if (order.currency !== location.currency) {
    throw new AppError("VALIDATION_FAILED", `Order ${order.number} is in ${order.currency}, but the readers at ${location.name} take ${location.currency}.`);
  }
  await assertReaderAtStore(ctx, location.id, input.readerId);

  const idempotencyKey = input.attemptId ? `till:${input.attemptId}` : null;
  let payment = idempotencyKey ? await ctx.db.payment.findUnique({ where: { idempotencyKey } }) : null;
  if (payment && (payment.orderId !== order.id || payment.amount !== input.amount)) {
    throw new AppError("IDEMPOTENCY_MISMATCH", "This payment attempt was started for another order or amount. Start a new attempt.");
  }
  payment ??= await ctx.db.payment.create({
    data: { orderId: order.id, provider: ctx.provider.kind, method: "CARD", status: "PENDING", currency: order.currency, amount: input.amount, idempotencyKey },
  });
  const paymentId = payment.id;
  const step = { actor: ctx.actor, now: ctx.now };
  const fail = async (message: string, code: string) => {
    await withTransaction({ ...step, db: ctx.db }, (tx) =>
      applyIntentToPayment(tx, paymentId, { status: "requires_payment_method", amount: input.amount, amountCaptured: 0, currency: order.currency, failure: { code, message }, eventAt: ctx.now }, step),
    );
  };

  let intent;
  try {
    intent = await ctx.provider.createPaymentIntent({
      amount: input.amount,
      currency: order.currency,
      captureMethod: input.captureMethod,
      cardPresent: true,
      description: `Order ${order.number}`,
      metadata: { paymentId, orderId: order.id, orderNumber: order.number, locationId: location.id },
      idempotencyKey: `payment-intent:${paymentId}`,
    });
  } catch (error) {
    const appError = AppError.isAppError(error) ? error : new AppError("UNAVAILABLE", "The payment provider did not answer.");
    await fail(appError.message, String(appError.details.providerCode ?? appError.code));
    throw appError;
  }
  await ctx.db.payment.update({ where: { id: paymentId }, data: { reference: intent.id, status: payment.status === "PENDING" ? "REQUIRES_ACTION" : payment.status } });

  try {
    const reader = await ctx.provider.processOnReader({ readerId: input.readerId, paymentIntentId: intent.id, idempotencyKey: `reader:${paymentId}` });
    return { paymentId, paymentIntentId: intent.id, status: "REQUIRES_ACTION", amount: input.amount, currency: order.currency, reader };
  } catch (error) {
    const appError = AppError.isAppError(error) ? error : new AppError("UNAVAILABLE", "The payment provider did not answer.");
    // Compensation: no PaymentIntent is left waiting for a card that will never come.
    await ctx.provider.cancel(intent.id, { idempotencyKey: `cancel:${paymentId}` }).catch(() => undefined);
    await fail(appError.message, String(appError.details.providerCode ?? appError.code));
    throw appError;
  }
}

/**
 * The reader's state for the till; with `paymentId`, also brings the payment up to date
 * from the provider once the reader has an answer (the webhook does the same on its own).
 */
export async function getReaderState(input: { locationId: string; readerId: string; paymentId?: string }, ctx: PaymentsContext) {
  await assertReaderAtStore(ctx, input.locationId, input.readerId);
  const reader = await ctx.provider.readerState(input.readerId);
  if (!input.paymentId) return { reader, payment: null };
  let payment = await ctx.db.payment.findUnique({ where: { id: input.paymentId } });
  if (!payment) throw new AppError("NOT_FOUND", "There is no such payment.");
  if (payment.reference && (reader.paymentIntentId === payment.reference || reader.action === "idle") && (payment.status === "REQUIRES_ACTION" || payment.status === "PENDING")) {
    const intent = await ctx.provider.retrievePaymentIntent(payment.reference);
    const step = { actor: ctx.actor, now: ctx.now };
    await withTransaction({ ...step, db: ctx.db }, (tx) =>
      applyIntentToPayment(tx, payment!.id, { status: intent.status, amount: intent.amount, amountCaptured: intent.amountCaptured, currency: intent.currency, failure: intent.lastError, eventAt: ctx.now }, step),
    );
    payment = await ctx.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
  }
  return { reader, payment: { id: payment.id, status: payment.status, amount: payment.amount, amountCaptured: payment.amountCaptured, currency: payment.currency } };
}

/** The cashier cancels what the reader shows; with `paymentId` the PaymentIntent is cancelled too. */
export async function cancelReaderAction(input: { locationId: string; readerId: string; paymentId?: string }, ctx: PaymentsContext) {
  await assertReaderAtStore(ctx, input.locationId, input.readerId);
  const key = input.paymentId ? `reader-cancel:${input.paymentId}` : `reader-cancel:${input.readerId}:${ctx.now.getTime()}`;
  const reader = await ctx.provider.cancelReaderAction({ readerId: input.readerId, idempotencyKey: key });
  if (input.paymentId) {
    const payment = await ctx.db.payment.findUnique({ where: { id: input.paymentId } });
    if (payment?.reference && payment.amountCaptured === 0 && (payment.status === "REQUIRES_ACTION" || payment.status === "PENDING" || payment.status === "FAILED")) {
      await ctx.provider.cancel(payment.reference, { idempotencyKey: `cancel:${payment.id}` });
      const step = { actor: ctx.actor, now: ctx.now };
      await withTransaction({ ...step, db: ctx.db }, (tx) =>
        applyIntentToPayment(tx, payment.id, { status: "canceled", amount: payment.amount, amountCaptured: 0, currency: payment.currency, failure: null, eventAt: ctx.now }, step),
      );
    }
  }
  return reader;
}
