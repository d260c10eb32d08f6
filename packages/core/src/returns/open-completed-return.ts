import type { RefundMethod, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { actorUserId } from "../shared/actor.ts";
import { nextNumber } from "../shared/counters.ts";

/**
 * The Return row of a counter return (plain or exchange): numbered, and COMPLETED at once
 * because the goods are received on the spot.
 */
export async function openCompletedReturn(
  tx: Tx,
  input: { order: { id: string; currency: string }; location: { id: string }; refundMethod: RefundMethod; refundTotal: number; note: string | null },
  ctx: DomainContext,
) {
  return tx.return.create({
    data: {
      number: await nextNumber(tx, "return", "R-"),
      orderId: input.order.id,
      locationId: input.location.id,
      status: "COMPLETED",
      refundMethod: input.refundMethod,
      refundTotal: input.refundTotal,
      currency: input.order.currency,
      note: input.note,
      createdById: actorUserId(ctx.actor),
      createdAt: ctx.now,
      completedAt: ctx.now,
    },
  });
}
