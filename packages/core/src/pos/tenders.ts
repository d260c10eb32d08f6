import { AppError, formatMoney, PosCashTenderInput, PosStoreCreditTenderInput, type PosCheckoutState } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { lockOrder, recordOrderEvent, type OrderWithLines } from "../orders/index.ts";
import { assertOpenRegisterSession } from "../registers/index.ts";
import { normalizeStoreCreditCode } from "../returns/index.ts";
import { actorUserId } from "../shared/actor.ts";
import { parseInput } from "../shared/parse-input.ts";
import { CASH_TENDER_EVENT, loadCheckoutState } from "./checkout-state.ts";
import { completeSaleIfPaid } from "./complete-sale.ts";
import { cashTender } from "./sale-math.ts";

/**
 * The sale locked for a tender: a DRAFT till sale whose register session is still open,
 * with no card payment waiting on the reader. Returns null when `idempotencyKey` was
 * already used on this sale (a double tap or retry: the caller answers with the state).
 */
async function lockForTender(tx: Tx, orderId: string, idempotencyKey: string | null, ctx: DomainContext): Promise<{ order: OrderWithLines; state: PosCheckoutState } | null> {
  const order = await lockOrder(tx, orderId);
  if (idempotencyKey) {
    const done = await tx.payment.findUnique({ where: { idempotencyKey }, select: { orderId: true } });
    if (done) {
      if (done.orderId !== order.id) throw new AppError("IDEMPOTENCY_MISMATCH", "This payment attempt belongs to another sale. Start a new attempt.");
      return null;
    }
  }
  const state = await loadCheckoutState(tx, orderId);
  if (state.voided) throw new AppError("INVALID_TRANSITION", `Sale ${order.number} was voided.`, { orderId });
  if (state.completed) throw new AppError("INVALID_TRANSITION", `Sale ${order.number} is already paid in full.`, { orderId });
  if (state.pendingCardPaymentId) {
    throw new AppError("CONFLICT", "A card payment is waiting on the reader. Let the customer finish it or cancel it first.", { paymentId: state.pendingCardPaymentId });
  }
  await assertOpenRegisterSession({ registerSessionId: state.registerSessionId, locationId: state.locationId, currency: state.currency }, ctx);
  return { order, state };
}

function actingPerson(ctx: DomainContext): string {
  const id = actorUserId(ctx.actor);
  if (!id) throw new AppError("FORBIDDEN", "Only a signed-in person can take money at the till.");
  return id;
}

/**
 * Cash towards the sale (docs/pos.md): change only from cash; when the cash settles the
 * rest, the amount due is rounded to the store's cash increment and the rounding recorded.
 * The drawer gets a CashMovement SALE of the cash kept (tendered − change).
 */
export async function addPosCashTender(rawInput: PosCashTenderInput, ctx: DomainContext): Promise<PosCheckoutState> {
  const input = parseInput(PosCashTenderInput, rawInput);
  const key = input.attemptId ? `till-cash:${input.attemptId}` : null;
  await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const locked = await lockForTender(tx, input.orderId, key, inner);
    if (!locked) return;
    const { order, state } = locked;
    const { cashRoundingIncrement } = await tx.location.findUniqueOrThrow({ where: { id: state.locationId }, select: { cashRoundingIncrement: true } });
    const outcome = cashTender(state.remaining, input.tendered, cashRoundingIncrement);
    if (outcome.applied === 0 && !outcome.settles) {
      throw new AppError("VALIDATION_FAILED", "tendered: Enter the cash the customer hands over.", { fields: [{ path: ["tendered"], message: "Enter the cash handed over" }] });
    }
    const actorId = actingPerson(inner);
    const payment = await tx.payment.create({
      data: {
        orderId: order.id,
        provider: "CASH",
        method: "CASH",
        status: "CAPTURED",
        currency: state.currency,
        amount: outcome.applied,
        amountCaptured: outcome.applied,
        tendered: input.tendered,
        changeGiven: outcome.change,
        idempotencyKey: key,
        registerSessionId: state.registerSessionId,
        createdAt: ctx.now,
      },
    });
    if (outcome.applied !== 0) {
      await tx.cashMovement.create({
        data: { registerSessionId: state.registerSessionId, kind: "SALE", amount: outcome.applied, paymentId: payment.id, actorId, reason: `Sale ${order.number}`, createdAt: ctx.now },
      });
    }
    const money = (n: number) => formatMoney(n, state.currency);
    await recordOrderEvent(
      tx,
      order.id,
      CASH_TENDER_EVENT,
      `Cash ${money(input.tendered)} received, change ${money(outcome.change)}` + (outcome.rounding !== 0 ? `, rounding ${money(outcome.rounding)}.` : "."),
      inner,
      { paymentId: payment.id, tendered: input.tendered, change: outcome.change, applied: outcome.applied, rounding: outcome.rounding },
    );
    await completeSaleIfPaid(order.id, inner);
  });
  return loadCheckoutState(ctx.db, input.orderId);
}

/**
 * Store credit (issued by returns) towards the sale: at most its balance and the amount
 * due. The balance is taken with a conditional update, so two tills cannot spend it twice.
 */
export async function addPosStoreCreditTender(rawInput: PosStoreCreditTenderInput, ctx: DomainContext): Promise<PosCheckoutState> {
  const input = parseInput(PosStoreCreditTenderInput, rawInput);
  const key = input.attemptId ? `till-credit:${input.attemptId}` : null;
  await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const locked = await lockForTender(tx, input.orderId, key, inner);
    if (!locked) return;
    const { order, state } = locked;
    const code = normalizeStoreCreditCode(input.code);
    const credit = code ? await tx.storeCredit.findUnique({ where: { code } }) : null;
    const field = (path: string, message: string): never => {
      throw new AppError("VALIDATION_FAILED", `${path}: ${message}.`, { fields: [{ path: [path], message }] });
    };
    if (!credit) return field("code", `There is no store credit ${input.code}`);
    if (credit.currency !== state.currency) field("code", `This credit is in ${credit.currency}; the sale is in ${state.currency}`);
    if (credit.balance <= 0) field("code", "This credit has been used up");
    const amount = input.amount ?? Math.min(credit.balance, state.remaining);
    if (amount > state.remaining) field("amount", `Only ${formatMoney(state.remaining, state.currency)} is due`);
    if (amount > credit.balance) field("amount", `The credit has ${formatMoney(credit.balance, state.currency)} left`);
    const taken = await tx.storeCredit.updateMany({ where: { id: credit.id, balance: { gte: amount } }, data: { balance: { decrement: amount }, updatedAt: ctx.now } });
    if (taken.count !== 1) throw new AppError("CONFLICT", "The credit was used at the same time elsewhere. Check its balance and try again.", { code: credit.code });
    await tx.payment.create({
      data: {
        orderId: order.id,
        provider: "STORE_CREDIT",
        method: "STORE_CREDIT",
        status: "CAPTURED",
        currency: state.currency,
        amount,
        amountCaptured: amount,
        reference: credit.code,
        storeCreditId: credit.id,
        idempotencyKey: key,
        registerSessionId: state.registerSessionId,
        createdAt: ctx.now,
      },
    });
    await recordOrderEvent(tx, order.id, "pos.store_credit_tender", `Store credit ${credit.code}: ${formatMoney(amount, state.currency)} used, ${formatMoney(credit.balance - amount, state.currency)} left.`, inner, {
      storeCreditId: credit.id,
      amount,
    });
    await completeSaleIfPaid(order.id, inner);
  });
  return loadCheckoutState(ctx.db, input.orderId);
}

/**
 * After the card provider captured a card tender (polled by the till, or the webhook):
 * the payment is tagged with the register session and the sale completes when nothing is
 * owed any more. Safe to call any number of times.
 */
export async function settlePosCardPayment(input: { orderId: string; paymentId: string }, ctx: DomainContext): Promise<PosCheckoutState> {
  await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const order = await lockOrder(tx, input.orderId);
    const payment = await tx.payment.findUnique({ where: { id: input.paymentId } });
    if (!payment || payment.orderId !== order.id) throw new AppError("NOT_FOUND", "That card payment does not belong to this sale.", { paymentId: input.paymentId });
    if (payment.registerSessionId === null && order.registerSessionId) {
      await tx.payment.update({ where: { id: payment.id }, data: { registerSessionId: order.registerSessionId } });
    }
    if (payment.status === "CAPTURED") await completeSaleIfPaid(order.id, inner);
  });
  return loadCheckoutState(ctx.db, input.orderId);
}
