// Refund rows and store credit for returns and exchanges. Internal to the returns module.
import { randomInt } from "node:crypto";
import { AppError, formatMoney, type RefundMethod, type RefundResult, type StoreCreditResult } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { actorUserId } from "../shared/actor.ts";
import { payCashFromDrawer } from "./pay-cash-from-drawer.ts";
import type { LockedOrder, ReceivingLocation } from "./receive-return-lines.ts";

// No 0/O, 1/I/L: codes are read aloud and typed at the till.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function storeCreditCode(): string {
  const part = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  return `SC-${part()}-${part()}`;
}

export async function issueStoreCredit(
  tx: Tx,
  args: { order: LockedOrder; returnId: string; initial: number; balance: number },
): Promise<StoreCreditResult> {
  const credit = await tx.storeCredit.create({
    data: {
      code: storeCreditCode(),
      customerId: args.order.customerId,
      currency: args.order.currency,
      initial: args.initial,
      balance: args.balance,
      returnId: args.returnId,
    },
  });
  return { id: credit.id, code: credit.code, currency: credit.currency, initial: credit.initial, balance: credit.balance };
}

export interface RefundRequest {
  order: LockedOrder;
  location: ReceivingLocation;
  returnId: string;
  returnNumber: string;
  method: RefundMethod;
  amount: number;
  /** The open register session paying a cash refund out of its drawer. */
  registerSessionId?: string | null;
}

export interface RecordedRefunds {
  refunds: RefundResult[];
  cashMovementId: string | null;
}

/**
 * Records the refund of `amount`. STORE_CREDIT and CASH are paid on the spot (SUCCEEDED).
 * Cash handed out by a person comes out of a register's drawer: a negative CashMovement in
 * the register's OPEN session (refused without one). A channel reporting a cash refund it
 * paid itself (API key, system) names no register. ORIGINAL_PAYMENT creates PENDING refunds against
 * the order's captured payments, oldest first, never more than each payment has left after
 * its earlier refunds; the payments module executes them after commit.
 */
export async function recordRefund(
  tx: Tx,
  request: RefundRequest,
  ctx: DomainContext,
  storeCredit?: StoreCreditResult,
): Promise<RecordedRefunds> {
  const { order, amount } = request;
  if (amount <= 0) return { refunds: [], cashMovementId: null };
  const base = {
    orderId: order.id,
    returnId: request.returnId,
    currency: order.currency,
    reason: `Return ${request.returnNumber}`,
    createdById: actorUserId(ctx.actor),
    createdAt: ctx.now,
  };
  if (request.method === "STORE_CREDIT") {
    const refund = await tx.refund.create({
      data: { ...base, method: "STORE_CREDIT", status: "SUCCEEDED", amount, reference: storeCredit?.code ?? null },
    });
    return { refunds: [toResult(refund)], cashMovementId: null };
  }
  if (request.method === "CASH") {
    if (request.location.currency !== order.currency) {
      throw new AppError(
        "VALIDATION_FAILED",
        `refundMethod: The drawer at ${request.location.name} holds ${request.location.currency}, but order ${order.number} was paid in ${order.currency}. Refund to the original payment or as store credit.`,
        { fields: [{ path: ["refundMethod"], message: "Cash is not possible in this currency here" }] },
      );
    }
    if (!request.registerSessionId && ctx.actor.kind === "USER") {
      throw new AppError("VALIDATION_FAILED", "registerSessionId: Cash comes out of a register's drawer: open this till's register (count the float) or refund to the card or as store credit.", {
        fields: [{ path: ["registerSessionId"], message: "No open register" }],
      });
    }
    const refund = await tx.refund.create({ data: { ...base, method: "CASH", status: "SUCCEEDED", amount } });
    const drawer = request.registerSessionId
      ? await payCashFromDrawer(
          tx,
          { registerSessionId: request.registerSessionId, location: request.location, amount, currency: order.currency, refundId: refund.id, reason: `Return ${request.returnNumber} (order ${order.number})` },
          ctx,
        )
      : null;
    return { refunds: [toResult(refund)], cashMovementId: drawer?.cashMovementId ?? null };
  }

  const payments = await tx.payment.findMany({
    where: { orderId: order.id, amountCaptured: { gt: 0 } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { refunds: { where: { status: { in: ["PENDING", "SUCCEEDED"] } }, select: { amount: true } } },
  });
  const room = payments.map((p) => {
    const promised = p.refunds.reduce((s, r) => s + r.amount, 0);
    return { payment: p, left: Math.max(0, p.amountCaptured - Math.max(p.amountRefunded, promised)) };
  });
  const refundable = room.reduce((s, r) => s + r.left, 0);
  if (refundable < amount) {
    throw new AppError(
      "VALIDATION_FAILED",
      `refundMethod: Only ${formatMoney(refundable, order.currency)} of the payments on order ${order.number} can still be refunded, ${formatMoney(amount, order.currency)} is due. Refund the return in cash or as store credit.`,
      { fields: [{ path: ["refundMethod"], message: "More than the original payment has left" }], refundable, amount },
    );
  }
  const results: RefundResult[] = [];
  let remaining = amount;
  for (const { payment, left } of room) {
    if (remaining === 0) break;
    const part = Math.min(left, remaining);
    if (part === 0) continue;
    const refund = await tx.refund.create({
      data: { ...base, method: "ORIGINAL_PAYMENT", status: "PENDING", amount: part, paymentId: payment.id },
    });
    results.push(toResult(refund));
    remaining -= part;
  }
  return { refunds: results, cashMovementId: null };
}

function toResult(r: { id: string; method: RefundMethod; status: "PENDING" | "SUCCEEDED" | "FAILED"; amount: number; currency: string; paymentId: string | null }): RefundResult {
  return { id: r.id, method: r.method, status: r.status, amount: r.amount, currency: r.currency, paymentId: r.paymentId };
}

export function describeRefund(method: RefundMethod, amount: number, currency: string, storeCredit?: StoreCreditResult | null): string {
  const money = formatMoney(amount, currency);
  if (method === "STORE_CREDIT") return `${money} issued as store credit${storeCredit ? ` ${storeCredit.code}` : ""}`;
  if (method === "CASH") return `${money} refunded in cash`;
  return `${money} to be refunded to the original payment`;
}
