import type { CardRefundOutcome, CreateExchangeInput, CreateReturnInput, RefundResult, TillExchangeResult, TillReturnResult } from "@oms/contracts";
import { createExchange, createReturn } from "@oms/core";
import type { PaymentsContext } from "../context.ts";
import { executePendingRefunds } from "../execute-pending-refunds.ts";

/**
 * A return at the till: the return commits first (goods, refund rows, cash drawer movement
 * or store credit, all in one transaction), then the card refunds it promised run through
 * the provider, outside that transaction, and the screen gets their outcome: succeeded,
 * failed (HQ got a REFUND_FAILED task to pay the customer another way) or still retrying.
 * A refund that fails here never undoes the return: the goods are back either way.
 */
export async function returnAtTill(input: CreateReturnInput, ctx: PaymentsContext): Promise<TillReturnResult> {
  const result = await createReturn(input, { db: ctx.db, actor: ctx.actor, now: ctx.now });
  return { ...result, cardRefunds: await settleCardRefunds(result.orderId, result.refunds, ctx) };
}

/** An exchange at the till; a negative difference refunded to the card runs after commit. */
export async function exchangeAtTill(input: CreateExchangeInput, ctx: PaymentsContext): Promise<TillExchangeResult> {
  const result = await createExchange(input, { db: ctx.db, actor: ctx.actor, now: ctx.now });
  return { ...result, cardRefunds: await settleCardRefunds(result.return.orderId, result.return.refunds, ctx) };
}

async function settleCardRefunds(orderId: string, refunds: RefundResult[], ctx: PaymentsContext): Promise<CardRefundOutcome[]> {
  const pending = refunds.filter((r) => r.method === "ORIGINAL_PAYMENT" && r.status === "PENDING");
  if (pending.length === 0) return [];
  const ids = pending.map((r) => r.id);
  let run: Awaited<ReturnType<typeof executePendingRefunds>> | null = null;
  try {
    run = await executePendingRefunds({ orderId }, ctx);
  } catch {
    // The return is committed; the refunds stay PENDING and the next run (or HQ) retries them.
    run = null;
  }
  const rows = await ctx.db.refund.findMany({ where: { id: { in: ids } }, select: { id: true, amount: true, status: true } });
  const tasks = await ctx.db.task.findMany({ where: { orderId, code: "REFUND_FAILED" }, select: { id: true, data: true } });
  const taskFor = (refundId: string) => tasks.find((t) => (t.data as { refundId?: string } | null)?.refundId === refundId)?.id ?? null;
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id)!;
    const failed = run?.failed.find((f) => f.refundId === id);
    return {
      refundId: id,
      amount: row.amount,
      status: row.status,
      retrying: row.status === "PENDING",
      message: failed?.message ?? null,
      taskId: row.status === "FAILED" ? taskFor(id) : null,
    };
  });
}
