// Card tenders at the till (docs/pos.md): the amount goes to the register's reader as a
// card-present PaymentIntent (createCardPresentPayment: provider calls outside any
// transaction, keyed by our ids); the till polls, and once the provider has captured the
// payment the sale is settled in core (settlePosCardPayment completes it when paid).
import { AppError, formatMoney, PosCardPaymentInput, PosCardTenderInput, type PosCardTenderResult, type PosReaderSnapshot } from "@oms/contracts";
import { getPosCheckout, recordOrderEvent, settlePosCardPayment, withTransaction } from "@oms/core";
import { applyIntentToPayment } from "../apply-intent.ts";
import { cancelReaderAction, createCardPresentPayment, getReaderState } from "../card-present.ts";
import type { PaymentsContext } from "../context.ts";
import { readerMessage, type ReaderState } from "../provider.ts";

const CARD_TENDER_EVENT = "pos.card_tender";

function snapshot(reader: ReaderState): PosReaderSnapshot {
  return { readerId: reader.readerId, action: reader.action, online: reader.online, message: reader.message || readerMessage(reader) };
}

/** The reader a card tender was handed to (recorded when it started). */
async function readerOf(ctx: PaymentsContext, orderId: string, paymentId: string): Promise<string> {
  const events = await ctx.db.orderEvent.findMany({ where: { orderId, type: CARD_TENDER_EVENT }, select: { data: true }, orderBy: { id: "desc" } });
  const found = events.map((e) => e.data as { paymentId?: string; readerId?: string }).find((d) => d.paymentId === paymentId);
  if (!found?.readerId) throw new AppError("NOT_FOUND", "That card payment was not started at this till.", { paymentId });
  return found.readerId;
}

async function failureOf(ctx: PaymentsContext, orderId: string, paymentId: string): Promise<string | null> {
  const payment = await ctx.db.payment.findUnique({ where: { id: paymentId }, select: { status: true } });
  if (payment?.status !== "FAILED") return null;
  const event = await ctx.db.orderEvent.findFirst({ where: { orderId, type: { startsWith: "payment." }, data: { path: ["paymentId"], equals: paymentId } }, orderBy: { id: "desc" } });
  return event?.message ?? "The card payment did not go through.";
}

/**
 * Starts a card tender for `amount` (default: all that is due). A card never pays more
 * than is due: change comes from cash only, so over-tender is a field error.
 */
export async function startPosCardTender(rawInput: PosCardTenderInput, ctx: PaymentsContext): Promise<PosCardTenderResult> {
  const input = PosCardTenderInput.parse(rawInput);
  const domain = { db: ctx.db, actor: ctx.actor, now: ctx.now };
  const state = await getPosCheckout({ orderId: input.orderId }, domain);
  if (input.attemptId) {
    const again = await ctx.db.payment.findUnique({ where: { idempotencyKey: `till:${input.attemptId}` }, select: { id: true, orderId: true } });
    if (again && again.orderId === state.orderId) return pollPosCardTender({ orderId: state.orderId, paymentId: again.id }, ctx);
  }
  if (state.voided) throw new AppError("INVALID_TRANSITION", `Sale ${state.number} was voided.`);
  if (state.completed) throw new AppError("INVALID_TRANSITION", `Sale ${state.number} is already paid in full.`);
  if (state.pendingCardPaymentId) {
    throw new AppError("CONFLICT", "A card payment is already waiting on the reader. Let the customer finish it or cancel it first.", { paymentId: state.pendingCardPaymentId });
  }
  const amount = input.amount ?? state.remaining;
  if (amount > state.remaining) {
    const message = `A card pays at most the ${formatMoney(state.remaining, state.currency)} due; change comes from cash only`;
    throw new AppError("VALIDATION_FAILED", `amount: ${message}.`, { fields: [{ path: ["amount"], message }] });
  }
  const session = await ctx.db.registerSession.findUnique({ where: { id: state.registerSessionId }, select: { status: true, register: { select: { name: true, readerId: true } } } });
  if (session?.status !== "OPEN") throw new AppError("INVALID_TRANSITION", "The register was closed. Open it before taking payment.", { code: "REGISTER_CLOSED" });
  const readerId = input.readerId ?? session.register.readerId;
  if (!readerId) {
    throw new AppError("VALIDATION_FAILED", `readerId: No card reader is paired with ${session.register.name}. Choose a reader.`, {
      fields: [{ path: ["readerId"], message: "No card reader paired with this register" }],
    });
  }

  // When the reader refuses (or the provider is down) this throws and the payment row is
  // FAILED: the till shows why and offers another way to pay.
  const started = await createCardPresentPayment(
    { orderId: state.orderId, locationId: state.locationId, readerId, amount, captureMethod: "automatic", attemptId: input.attemptId },
    ctx,
  );
  await withTransaction({ db: ctx.db, actor: ctx.actor, now: ctx.now }, async (tx) => {
    await tx.payment.update({ where: { id: started.paymentId }, data: { registerSessionId: state.registerSessionId } });
    await recordOrderEvent(tx, state.orderId, CARD_TENDER_EVENT, `Card ${formatMoney(amount, state.currency)} sent to the reader.`, domain, { paymentId: started.paymentId, readerId, amount });
  });
  return {
    paymentId: started.paymentId,
    paymentStatus: started.status,
    failure: null,
    reader: snapshot(started.reader),
    checkout: await getPosCheckout({ orderId: state.orderId }, domain),
  };
}

/**
 * What the reader shows now; brings the payment up to date and, once it is captured,
 * settles the sale (completing it when nothing is owed). Polling again is harmless.
 */
export async function pollPosCardTender(rawInput: PosCardPaymentInput, ctx: PaymentsContext): Promise<PosCardTenderResult> {
  const input = PosCardPaymentInput.parse(rawInput);
  const domain = { db: ctx.db, actor: ctx.actor, now: ctx.now };
  const state = await getPosCheckout({ orderId: input.orderId }, domain);
  const readerId = await readerOf(ctx, state.orderId, input.paymentId);
  const { reader, payment: seen } = await getReaderState({ locationId: state.locationId, readerId, paymentId: input.paymentId }, ctx);
  let payment = seen;
  // The reader moved on to another till's payment (registers of a store may share one
  // reader, as the demo's do): the PaymentIntent itself says how this one ended.
  const row = await ctx.db.payment.findUnique({ where: { id: input.paymentId }, select: { reference: true, status: true } });
  if (row?.reference && reader.paymentIntentId !== row.reference && (row.status === "REQUIRES_ACTION" || row.status === "PENDING")) {
    const intent = await ctx.provider.retrievePaymentIntent(row.reference);
    await withTransaction(domain, (tx) =>
      applyIntentToPayment(tx, input.paymentId, { status: intent.status, amount: intent.amount, amountCaptured: intent.amountCaptured, currency: intent.currency, failure: intent.lastError, eventAt: ctx.now }, domain),
    );
    const fresh = await ctx.db.payment.findUniqueOrThrow({ where: { id: input.paymentId } });
    payment = { id: fresh.id, status: fresh.status, amount: fresh.amount, amountCaptured: fresh.amountCaptured, currency: fresh.currency };
  }
  const checkout = payment?.status === "CAPTURED" ? await settlePosCardPayment({ orderId: state.orderId, paymentId: input.paymentId }, domain) : await getPosCheckout({ orderId: state.orderId }, domain);
  return {
    paymentId: input.paymentId,
    paymentStatus: payment?.status ?? "PENDING",
    failure: await failureOf(ctx, state.orderId, input.paymentId),
    reader: snapshot(reader),
    checkout,
  };
}

/** The cashier cancels the card tender on the reader; the PaymentIntent is cancelled too. */
export async function cancelPosCardTender(rawInput: PosCardPaymentInput, ctx: PaymentsContext): Promise<PosCardTenderResult> {
  const input = PosCardPaymentInput.parse(rawInput);
  const domain = { db: ctx.db, actor: ctx.actor, now: ctx.now };
  const state = await getPosCheckout({ orderId: input.orderId }, domain);
  const readerId = await readerOf(ctx, state.orderId, input.paymentId);
  const payment = await ctx.db.payment.findUnique({ where: { id: input.paymentId }, select: { status: true } });
  if (payment?.status === "CAPTURED") {
    throw new AppError("INVALID_TRANSITION", "The card payment already went through; it cannot be cancelled. Void the sale to refund it.", { paymentId: input.paymentId });
  }
  await cancelReaderAction({ locationId: state.locationId, readerId, paymentId: input.paymentId }, ctx);
  return pollPosCardTender(input, ctx);
}
