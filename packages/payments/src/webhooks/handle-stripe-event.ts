// What each Stripe event does to our rows, inside the webhook's transaction.
import type { Tx } from "@oms/db";
import { fromStripeAmount } from "../amounts.ts";
import { applyIntentToPayment } from "../apply-intent.ts";
import type { IntentStatus } from "../provider.ts";
import { recordRefundFailed, recordRefundSucceeded } from "../refund-records.ts";
import { lockPayment, money, openTask, orderChanged, orderEvent, refreshOrderPaymentStatus, settledPaymentState, type StepContext } from "../rows.ts";
import { enqueueEvents } from "@oms/core";

/** The parts of a Stripe event we read (the SDK's Event type is wider). */
export interface StripeEventLike {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown> };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function str(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}
function num(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
function idOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string") return (value as { id: string }).id;
  return null;
}

/** Our payment for a PaymentIntent: by the paymentId we put in its metadata, else by reference. */
async function findPayment(tx: Tx, intentId: string | null, metadata: unknown) {
  const fromMetadata = metadata && typeof metadata === "object" ? str((metadata as Record<string, unknown>).paymentId) : null;
  if (fromMetadata && UUID.test(fromMetadata)) {
    const payment = await tx.payment.findUnique({ where: { id: fromMetadata } });
    if (payment) return payment;
  }
  if (!intentId) return null;
  return tx.payment.findFirst({ where: { reference: intentId } });
}

export type EventOutcome = "applied" | "ignored";

export async function handleStripeEvent(tx: Tx, event: StripeEventLike, ctx: StepContext): Promise<EventOutcome> {
  const object = event.data.object;
  const eventAt = new Date(event.created * 1000);
  switch (event.type) {
    case "payment_intent.succeeded":
    case "payment_intent.payment_failed":
    case "payment_intent.canceled":
    case "payment_intent.amount_capturable_updated":
    case "payment_intent.processing": {
      const payment = await findPayment(tx, str(object.id), object.metadata);
      if (!payment) return "ignored";
      const currency = (str(object.currency) ?? payment.currency).toUpperCase();
      const lastError = object.last_payment_error as Record<string, unknown> | null | undefined;
      const status: IntentStatus =
        event.type === "payment_intent.succeeded" ? "succeeded"
        : event.type === "payment_intent.canceled" ? "canceled"
        : event.type === "payment_intent.payment_failed" ? "requires_payment_method"
        : event.type === "payment_intent.amount_capturable_updated" ? "requires_capture"
        : "processing";
      const failure = status === "requires_payment_method"
        ? { code: str(lastError?.decline_code) ?? str(lastError?.code) ?? "payment_failed", message: str(lastError?.message) ?? "The card was declined." }
        : null;
      return applyIntentToPayment(
        tx,
        payment.id,
        { status, amount: fromStripeAmount(num(object.amount), currency), amountCaptured: fromStripeAmount(num(object.amount_received), currency), currency, failure, eventAt },
        ctx,
      );
    }
    case "charge.refunded":
      return chargeRefunded(tx, object, ctx);
    case "refund.updated":
    case "refund.failed": {
      const refundId = ourRefundId(object.metadata);
      if (!refundId) return "ignored";
      const status = str(object.status);
      if (status === "succeeded") return (await recordRefundSucceeded(tx, refundId, str(object.id), ctx)) ? "applied" : "ignored";
      if (status === "failed" || status === "canceled") {
        return (await recordRefundFailed(tx, refundId, `the card issuer refused it (${str(object.failure_reason) ?? status}).`, ctx)) ? "applied" : "ignored";
      }
      return "ignored";
    }
    case "charge.dispute.created":
      return disputeCreated(tx, object, ctx);
    default:
      return "ignored";
  }
}

function ourRefundId(metadata: unknown): string | null {
  const id = metadata && typeof metadata === "object" ? str((metadata as Record<string, unknown>).refundId) : null;
  return id && UUID.test(id) ? id : null;
}

/** A refund went through (ours, or one made in Stripe's dashboard): totals only grow. */
async function chargeRefunded(tx: Tx, charge: Record<string, unknown>, ctx: StepContext): Promise<EventOutcome> {
  const found = await findPayment(tx, idOf(charge.payment_intent), charge.metadata);
  if (!found) return "ignored";
  const currency = (str(charge.currency) ?? found.currency).toUpperCase();
  let applied = false;
  const refunds = (charge.refunds as { data?: Record<string, unknown>[] } | undefined)?.data ?? [];
  for (const r of refunds) {
    const refundId = ourRefundId(r.metadata);
    if (refundId && str(r.status) === "succeeded" && (await recordRefundSucceeded(tx, refundId, str(r.id), ctx))) applied = true;
  }
  const payment = await lockPayment(tx, found.id);
  if (!payment) return applied ? "applied" : "ignored";
  const amountRefunded = Math.max(payment.amountRefunded, fromStripeAmount(num(charge.amount_refunded), currency));
  const amountCaptured = Math.max(payment.amountCaptured, fromStripeAmount(num(charge.amount_captured), currency));
  if (amountRefunded === payment.amountRefunded && amountCaptured === payment.amountCaptured) return applied ? "applied" : "ignored";
  await tx.payment.update({ where: { id: payment.id }, data: { amountRefunded, amountCaptured, status: settledPaymentState(amountCaptured, amountRefunded, payment.status) } });
  const order = await refreshOrderPaymentStatus(tx, payment.orderId);
  if (order) {
    await orderEvent(tx, order.id, "payment.refund_reported", `Stripe reports ${money(amountRefunded, payment.currency)} refunded on this card payment in total.`, ctx, { paymentId: payment.id });
    await enqueueEvents(tx, [orderChanged(order, "payment.refunded")]);
  }
  return "applied";
}

async function disputeCreated(tx: Tx, dispute: Record<string, unknown>, ctx: StepContext): Promise<EventOutcome> {
  const payment = await findPayment(tx, idOf(dispute.payment_intent), dispute.metadata);
  const currency = (str(dispute.currency) ?? payment?.currency ?? "EUR").toUpperCase();
  const amount = money(fromStripeAmount(num(dispute.amount), currency), currency);
  const order = payment ? await tx.order.findUnique({ where: { id: payment.orderId }, select: { id: true, number: true, status: true, originLocationId: true } }) : null;
  const dueBy = num((dispute.evidence_details as Record<string, unknown> | undefined)?.due_by);
  const due = dueBy > 0 ? ` Evidence is due by ${new Date(dueBy * 1000).toISOString().slice(0, 10)}.` : "";
  await openTask(
    tx,
    {
      kind: "DISPUTE",
      code: "PAYMENT_DISPUTE",
      title: `Card dispute of ${amount}${order ? ` on order ${order.number}` : ""}`,
      instruction:
        `The customer's bank disputes a card payment of ${amount}${order ? ` for order ${order.number}` : ""} (reason: ${str(dispute.reason) ?? "not given"}). ` +
        `Open the dispute ${str(dispute.id) ?? ""} in the Stripe dashboard, send the receipt, proof of delivery or pickup signature, then close this task.${due}`,
      assigneeRole: "ADMIN",
      locationId: null,
      orderId: order?.id ?? null,
      data: { disputeId: str(dispute.id), chargeId: idOf(dispute.charge), paymentId: payment?.id ?? null },
    },
    `dispute:${str(dispute.id) ?? "unknown"}`,
    ctx,
  );
  if (order) {
    await orderEvent(tx, order.id, "payment.disputed", `The customer's bank disputes ${amount} of the card payment. HQ has a task to respond.`, ctx, { disputeId: str(dispute.id) });
    await enqueueEvents(tx, [orderChanged(order, "payment.disputed")]);
  }
  return "applied";
}
