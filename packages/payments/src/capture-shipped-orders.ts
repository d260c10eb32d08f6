import { AppError } from "@oms/contracts";
import { cancelPaymentAuthorization } from "./cancel-payment-authorization.ts";
import { capturePayment } from "./capture-payment.ts";
import type { PaymentsContext } from "./context.ts";

export interface CaptureShippedResult {
  captured: string[];
  /** Capture failed: the payment stays AUTHORIZED and a PAYMENT task is open (not retried by the job). */
  failed: { paymentId: string; message: string }[];
  /** Authorizations no longer needed (what was shipped is already paid): released. */
  released: string[];
}

/** Every part of the order has left the building (or was cancelled), at least one part shipped or handed over. */
const DONE = ["SHIPPED", "DELIVERED", "PICKED_UP", "CANCELLED", "REJECTED"] as const;
const HANDED_OVER = ["SHIPPED", "DELIVERED", "PICKED_UP"] as const;

/**
 * Capture at shipment (run by the job runner, `captureShippedOrders`): card payments that
 * were only authorized (manual capture: web orders paid on shipment, pickups paid on
 * handover) are captured once every fulfillment order of the order is shipped, delivered,
 * picked up or cancelled. We chose the job over a call after `markShipped` because the
 * carrier's REST callback, the tRPC screens and a split order's last parcel all end up
 * here the same way, and a crash between "shipped" and "captured" is repaired by the next
 * run (key `capture:<paymentId>`: never charged twice).
 *
 * Captures no more than the order's total less what other payments already captured (lines
 * cancelled after authorization are not charged; the rest of the authorization is released
 * by the capture). A failed capture leaves the payment AUTHORIZED and the order as it was,
 * with one PAYMENT task for the store manager (capturePayment); while that task is open the
 * job leaves the payment alone, so a person decides and retries from the order.
 */
export async function captureShippedOrders(input: { limit?: number }, ctx: PaymentsContext): Promise<CaptureShippedResult> {
  const candidates = await ctx.db.payment.findMany({
    where: {
      status: "AUTHORIZED",
      amountCaptured: 0,
      provider: ctx.provider.kind,
      reference: { not: null },
      order: {
        status: { not: "CANCELLED" },
        fulfillmentOrders: { some: { status: { in: [...HANDED_OVER] } }, every: { status: { in: [...DONE] } } },
        tasks: { none: { code: "PAYMENT_CAPTURE_FAILED", status: { in: ["OPEN", "IN_PROGRESS"] } } },
      },
    },
    select: { id: true, orderId: true, amount: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: input.limit ?? 25,
  });
  const result: CaptureShippedResult = { captured: [], failed: [], released: [] };
  for (const payment of candidates) {
    const order = await ctx.db.order.findUniqueOrThrow({ where: { id: payment.orderId }, select: { total: true, payments: { select: { id: true, amountCaptured: true, amountRefunded: true } } } });
    const paidElsewhere = order.payments.filter((p) => p.id !== payment.id).reduce((sum, p) => sum + p.amountCaptured, 0);
    const due = Math.min(payment.amount, order.total - paidElsewhere);
    try {
      if (due <= 0) {
        await cancelPaymentAuthorization({ paymentId: payment.id }, ctx);
        result.released.push(payment.id);
      } else {
        await capturePayment({ paymentId: payment.id, amount: due }, ctx);
        result.captured.push(payment.id);
      }
    } catch (error) {
      result.failed.push({ paymentId: payment.id, message: AppError.isAppError(error) || error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
