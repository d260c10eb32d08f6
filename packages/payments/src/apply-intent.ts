// Applying what the provider says about a PaymentIntent to our Payment row, from a webhook
// or from polling the reader. Events may arrive late, twice or out of order, so a state
// only moves forward: PENDING → REQUIRES_ACTION / FAILED → AUTHORIZED → CAPTURED | VOIDED.
// Between REQUIRES_ACTION and FAILED (a declined card, then another try) the newer event
// wins, by `event.created` kept in Payment.lastEventAt.
import type { PaymentState, Tx } from "@oms/db";
import type { IntentStatus } from "./provider.ts";
import { lockPayment, money, orderChanged, orderEvent, refreshOrderPaymentStatus, settledPaymentState, type StepContext } from "./rows.ts";
import { enqueueEvents } from "@oms/core";

const rank: Record<PaymentState, number> = {
  PENDING: 0,
  REQUIRES_ACTION: 1,
  FAILED: 1,
  AUTHORIZED: 2,
  CAPTURED: 3,
  PARTIALLY_REFUNDED: 3,
  REFUNDED: 3,
  VOIDED: 3,
};

export function stateOfIntent(status: IntentStatus, hasError: boolean): PaymentState | null {
  switch (status) {
    case "succeeded":
      return "CAPTURED";
    case "requires_capture":
      return "AUTHORIZED";
    case "canceled":
      return "VOIDED";
    case "requires_payment_method":
      return hasError ? "FAILED" : null;
    case "requires_action":
    case "requires_confirmation":
    case "processing":
      return "REQUIRES_ACTION";
    default:
      return null;
  }
}

/** Whether a payment in `current` (last event at `lastEventAt`) takes `next` from an event at `eventAt`. */
export function shouldApply(current: PaymentState, next: PaymentState, lastEventAt: Date | null, eventAt: Date): boolean {
  if (rank[next] > rank[current]) return true;
  if (rank[next] < rank[current]) return false;
  if (rank[next] === 1) return next !== current && (!lastEventAt || eventAt.getTime() >= lastEventAt.getTime());
  return false;
}

export interface IntentUpdate {
  status: IntentStatus;
  /** Minor units received (captured). */
  amountCaptured: number;
  /** Minor units authorized. */
  amount: number;
  currency: string;
  failure: { code: string; message: string } | null;
  /** When the provider says this happened (the event's `created`). */
  eventAt: Date;
}

/** Returns "applied" or "ignored" (older or repeated news). */
export async function applyIntentToPayment(tx: Tx, paymentId: string, update: IntentUpdate, ctx: StepContext): Promise<"applied" | "ignored"> {
  const payment = await lockPayment(tx, paymentId);
  if (!payment) return "ignored";
  const next = stateOfIntent(update.status, update.failure !== null);
  if (!next || !shouldApply(payment.status, next, payment.lastEventAt, update.eventAt)) return "ignored";
  const amountCaptured = next === "CAPTURED" ? Math.max(payment.amountCaptured, update.amountCaptured) : payment.amountCaptured;
  const status = next === "CAPTURED" ? settledPaymentState(amountCaptured, payment.amountRefunded, "CAPTURED") : next;
  await tx.payment.update({
    where: { id: payment.id },
    data: { status, amountCaptured, lastEventAt: payment.lastEventAt && payment.lastEventAt > update.eventAt ? payment.lastEventAt : update.eventAt },
  });
  const order = await refreshOrderPaymentStatus(tx, payment.orderId);
  if (order) {
    const amount = money(next === "CAPTURED" ? amountCaptured : payment.amount, payment.currency);
    const text: Record<PaymentState, string> = {
      CAPTURED: `Card payment of ${amount} received.`,
      AUTHORIZED: `Card payment of ${amount} authorized; it is captured at handover or shipment.`,
      VOIDED: `Card authorization of ${amount} cancelled; the customer was not charged.`,
      FAILED: `Card payment of ${amount} failed: ${update.failure?.message ?? "declined"}`,
      REQUIRES_ACTION: `Card payment of ${amount} is waiting for the customer.`,
      PENDING: "",
      PARTIALLY_REFUNDED: "",
      REFUNDED: "",
    };
    if (next !== "REQUIRES_ACTION") {
      await orderEvent(tx, order.id, `payment.${next.toLowerCase()}`, text[next], ctx, { paymentId: payment.id, failureCode: update.failure?.code ?? null });
      await enqueueEvents(tx, [orderChanged(order, `payment.${next.toLowerCase()}`)]);
    }
  }
  return "applied";
}
