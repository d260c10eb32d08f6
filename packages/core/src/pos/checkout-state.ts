import { AppError, PosOrderInput, type PosCheckoutState, type PosTender, type PosTenderKind } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { remainingDue, roundCash } from "./sale-math.ts";

/** Timeline entry of a cash tender; its data carries the rounding (docs/pos.md). */
export const CASH_TENDER_EVENT = "pos.cash_tender";

const counted = new Set(["CAPTURED", "PARTIALLY_REFUNDED", "AUTHORIZED"]);

interface CashEventData {
  paymentId?: string;
  rounding?: number;
}

/** Everything the till shows while taking payment, read in the caller's transaction. */
export async function loadCheckoutState(tx: Tx, orderId: string): Promise<PosCheckoutState> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    include: {
      payments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      originLocation: { select: { cashRoundingIncrement: true } },
      events: { where: { type: CASH_TENDER_EVENT }, select: { data: true } },
    },
  });
  if (!order || order.channel !== "POS" || !order.originLocationId || !order.registerSessionId) {
    throw new AppError("NOT_FOUND", "That is not a sale rung up at a till.", { orderId });
  }
  const roundingBy = new Map<string, number>();
  for (const event of order.events) {
    const data = event.data as CashEventData;
    if (data.paymentId && typeof data.rounding === "number") roundingBy.set(data.paymentId, data.rounding);
  }
  const creditIds = order.payments.flatMap((p) => (p.storeCreditId ? [p.storeCreditId] : []));
  const storeCredits = creditIds.length ? await tx.storeCredit.findMany({ where: { id: { in: creditIds } }, select: { id: true, code: true } }) : [];
  const creditCode = new Map(storeCredits.map((c) => [c.id, c.code]));

  const tenders: PosTender[] = order.payments.map((p) => {
    const kind: PosTenderKind = p.method === "CASH" ? "CASH" : p.method === "STORE_CREDIT" ? "STORE_CREDIT" : "CARD";
    return {
      paymentId: p.id,
      kind,
      status: p.status,
      amount: counted.has(p.status) ? p.amountCaptured || p.amount : p.amount,
      tendered: p.tendered,
      change: p.changeGiven,
      rounding: roundingBy.get(p.id) ?? 0,
      reference: kind === "STORE_CREDIT" ? (p.storeCreditId ? (creditCode.get(p.storeCreditId) ?? p.reference) : p.reference) : p.reference,
      failure: p.status === "FAILED" ? "The payment did not go through." : null,
    };
  });
  const live = order.payments.filter((p) => counted.has(p.status));
  const paid = live.reduce((s, p) => s + p.amountCaptured - p.amountRefunded, 0);
  const cashRounding = live.reduce((s, p) => s + (roundingBy.get(p.id) ?? 0), 0);
  const voided = order.status === "CANCELLED";
  const completed = order.status !== "DRAFT" && !voided;
  const remaining = completed || voided ? 0 : remainingDue(order.total, paid, cashRounding);
  const lastCash = [...order.payments].reverse().find((p) => p.method === "CASH" && counted.has(p.status));
  const pendingCard = order.payments.find((p) => p.method === "CARD" && (p.status === "PENDING" || p.status === "REQUIRES_ACTION"));
  return {
    orderId: order.id,
    number: order.number,
    locationId: order.originLocationId,
    registerSessionId: order.registerSessionId,
    status: order.status,
    paymentStatus: order.paymentStatus,
    currency: order.currency,
    total: order.total,
    paid,
    cashRounding,
    remaining,
    cashDue: roundCash(remaining, order.originLocation?.cashRoundingIncrement ?? 1),
    tenders,
    change: lastCash?.changeGiven ?? 0,
    completed,
    voided,
    pendingCardPaymentId: pendingCard?.id ?? null,
  };
}

export async function getPosCheckout(rawInput: PosOrderInput, ctx: DomainContext): Promise<PosCheckoutState> {
  const input = parseInput(PosOrderInput, rawInput);
  return loadCheckoutState(ctx.db, input.orderId);
}
