// Cash refunds at the till: the money leaves a register's drawer, so it is booked as a
// negative CashMovement in the register's OPEN session. Internal to the returns module.
import { AppError } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { assertOpenRegisterSession } from "../registers/index.ts";

/**
 * Pays `amount` out of the drawer of an OPEN register session at the receiving store in the
 * order's currency (the registers module checks all three and holds a lock on the session
 * until commit, so a close either sees this movement or runs first and refuses this refund),
 * and writes `CashMovement { kind: REFUND, amount: −amount, refundId }`.
 */
export async function payCashFromDrawer(
  tx: Tx,
  args: { registerSessionId: string; location: { id: string }; amount: number; currency: string; refundId: string; reason: string },
  ctx: DomainContext,
): Promise<{ cashMovementId: string; registerSessionId: string }> {
  if (ctx.actor.kind !== "USER") {
    throw new AppError("FORBIDDEN", "registerSessionId: Only a signed-in person can pay cash out of a drawer.", {
      fields: [{ path: ["registerSessionId"], message: "A person pays cash out" }],
    });
  }
  const session = await assertOpenRegisterSession({ registerSessionId: args.registerSessionId, locationId: args.location.id, currency: args.currency }, { ...ctx, db: tx });
  const movement = await tx.cashMovement.create({
    data: { registerSessionId: session.id, kind: "REFUND", amount: -args.amount, reason: args.reason, refundId: args.refundId, actorId: ctx.actor.user.id, createdAt: ctx.now },
  });
  return { cashMovementId: movement.id, registerSessionId: session.id };
}

/**
 * The customer pays `amount` in cash into the drawer (the positive difference of an
 * exchange): a CASH Payment on `orderId`, captured, linked to the session, and a SALE
 * CashMovement of +amount.
 */
export async function takeCashIntoDrawer(
  tx: Tx,
  args: { registerSessionId: string; location: { id: string }; orderId: string; amount: number; currency: string; reason: string },
  ctx: DomainContext,
): Promise<{ paymentId: string; cashMovementId: string }> {
  if (ctx.actor.kind !== "USER") {
    throw new AppError("FORBIDDEN", "registerSessionId: Only a signed-in person can take cash into a drawer.", {
      fields: [{ path: ["registerSessionId"], message: "A person takes cash" }],
    });
  }
  const session = await assertOpenRegisterSession({ registerSessionId: args.registerSessionId, locationId: args.location.id, currency: args.currency }, { ...ctx, db: tx });
  const payment = await tx.payment.create({
    data: {
      orderId: args.orderId,
      provider: "CASH",
      method: "CASH",
      status: "CAPTURED",
      currency: args.currency,
      amount: args.amount,
      amountCaptured: args.amount,
      tendered: args.amount,
      changeGiven: 0,
      registerSessionId: session.id,
      createdAt: ctx.now,
    },
  });
  const movement = await tx.cashMovement.create({
    data: { registerSessionId: session.id, kind: "SALE", amount: args.amount, reason: args.reason, paymentId: payment.id, actorId: ctx.actor.user.id, createdAt: ctx.now },
  });
  return { paymentId: payment.id, cashMovementId: movement.id };
}
