// Voiding a till sale (docs/pos.md): first the reader is stopped (a card waiting on it
// must not be charged after the void), then core voids the sale in one transaction (cash
// and store credit given back, stock released, order cancelled, captured card money
// recorded as PENDING refunds), then, after commit, the card refunds are executed and any
// open authorization released, each keyed by our ids so a retry never refunds twice.
import { AppError, PosVoidInput, type PosCheckoutState } from "@oms/contracts";
import { getPosCheckout, voidPosCheckout } from "@oms/core";
import { cancelPaymentAuthorization } from "../cancel-payment-authorization.ts";
import type { PaymentsContext } from "../context.ts";
import { executePendingRefunds } from "../execute-pending-refunds.ts";
import { cancelPosCardTender, pollPosCardTender } from "./card-tender.ts";

export interface VoidedPosSale extends PosCheckoutState {
  /** Card refunds the provider has not confirmed yet (retried by the refunds job). */
  cardRefundsPending: number;
}

export async function voidPosSale(rawInput: PosVoidInput, ctx: PaymentsContext): Promise<VoidedPosSale> {
  const input = PosVoidInput.parse(rawInput);
  const domain = { db: ctx.db, actor: ctx.actor, now: ctx.now };
  const before = await getPosCheckout({ orderId: input.orderId }, domain);
  if (before.pendingCardPaymentId && !before.voided && !before.completed) {
    const card = { orderId: before.orderId, paymentId: before.pendingCardPaymentId };
    await cancelPosCardTender(card, ctx).catch(async (error: unknown) => {
      // The card went through just before the void: record it, then it is refunded below.
      if (!(AppError.isAppError(error) && error.code === "INVALID_TRANSITION")) throw error;
      await pollPosCardTender(card, ctx);
    });
  }
  await voidPosCheckout(input, domain);

  // After commit: provider calls, never inside the void's transaction.
  const refunds = await executePendingRefunds({ orderId: input.orderId }, ctx);
  const open = await ctx.db.payment.findMany({
    where: { orderId: input.orderId, method: "CARD", provider: ctx.provider.kind, amountCaptured: 0, status: { in: ["AUTHORIZED", "PENDING", "REQUIRES_ACTION"] } },
    select: { id: true },
  });
  for (const payment of open) await cancelPaymentAuthorization({ paymentId: payment.id }, ctx);
  const state = await getPosCheckout({ orderId: input.orderId }, domain);
  return { ...state, cardRefundsPending: refunds.retryLater.length + refunds.failed.length };
}
