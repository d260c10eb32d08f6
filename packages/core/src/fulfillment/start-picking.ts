import { AppError, FulfillmentOrderIdInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { actorUserId } from "../shared/actor.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { taskChanged } from "../orders/timeline.ts";
import { afterFulfillmentChange, lockFulfillment, type FulfillmentWithLines } from "./fulfillment-rows.ts";
import { transitionFulfillment } from "./state-machine.ts";

/**
 * A store associate starts picking: NEW → PICKING; the pick task is in progress. A pickup
 * order claimed by someone else on the tablet (packages/core/src/pickup) is theirs: CONFLICT.
 */
export async function startPicking(rawInput: FulfillmentOrderIdInput, ctx: DomainContext): Promise<FulfillmentWithLines> {
  const input = parseInput(FulfillmentOrderIdInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner = { ...ctx, db: tx };
    const fulfillment = await lockFulfillment(tx, input.fulfillmentOrderId);
    const me = actorUserId(ctx.actor);
    if (fulfillment.type === "PICKUP" && fulfillment.claimedById !== null && fulfillment.claimedById !== me) {
      const holder = await tx.user.findUnique({ where: { id: fulfillment.claimedById }, select: { name: true } });
      throw new AppError("CONFLICT", `${holder?.name ?? "Another associate"} is picking this order.`, { fulfillmentOrderId: fulfillment.id, claimedById: fulfillment.claimedById });
    }
    await transitionFulfillment(tx, fulfillment, "PICKING", ctx, { claimedById: actorUserId(ctx.actor) });
    const tasks = await tx.task.findMany({ where: { fulfillmentOrderId: fulfillment.id, kind: "PICK", status: "OPEN" }, select: { id: true, locationId: true } });
    if (tasks.length > 0) {
      await tx.task.updateMany({ where: { id: { in: tasks.map((t) => t.id) } }, data: { status: "IN_PROGRESS", assigneeUserId: actorUserId(ctx.actor), updatedAt: ctx.now } });
      await enqueueEvents(tx, tasks.map((t) => taskChanged({ ...t, status: "IN_PROGRESS" }, "task.in_progress")));
    }
    await afterFulfillmentChange(tx, fulfillment, "fulfillment.picking", `${fulfillment.location.name} started picking ${fulfillment.number}.`, inner);
    return fulfillment;
  });
}
