import { AppError, ResolveTaskInput } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { actorUserId } from "../shared/actor.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { getOrder, type OrderDetail } from "./get-order.ts";
import { fulfillmentRequest, isStoreBound, lockOrder } from "./order-rows.ts";
import { recordOrderEvent, taskChanged } from "./timeline.ts";
import { runValidation } from "./validation/run-validation.ts";

/**
 * Marks a task DONE. Corrections entered with it (e-mail, phone, address, payment) are
 * written to the order first; a validation task then re-runs validation, so the order is
 * allocated or stays on hold with tasks only for checks that still fail.
 */
export async function resolveTask(rawInput: ResolveTaskInput, ctx: DomainContext): Promise<{ taskId: string; order: OrderDetail | null }> {
  const input = parseInput(ResolveTaskInput, rawInput);
  const orderId = await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const task = await tx.task.findUnique({ where: { id: input.taskId } });
    if (!task) throw new AppError("NOT_FOUND", "That task does not exist.", { taskId: input.taskId });
    if (task.status !== "OPEN" && task.status !== "IN_PROGRESS") {
      throw new AppError("INVALID_TRANSITION", "This task is already closed.", { taskId: task.id, status: task.status });
    }
    const order = task.orderId ? await lockOrder(tx, task.orderId) : null;

    if (order) {
      const changes: Prisma.OrderUpdateInput = {};
      const said: string[] = [];
      if (input.email !== undefined) {
        changes.email = input.email.trim().toLowerCase() || null;
        said.push("e-mail");
      }
      if (input.phone !== undefined) {
        changes.phone = input.phone.trim() || null;
        said.push("phone");
      }
      if (input.address !== undefined) {
        if (isStoreBound(fulfillmentRequest(order).fulfillmentType)) {
          throw new AppError("VALIDATION_FAILED", "address: The customer collects this order in a store; it has no delivery address.", {
            fields: [{ path: ["address"], message: "No delivery address for a store pickup" }],
          });
        }
        changes.shippingAddress = input.address as Prisma.InputJsonValue;
        said.push("delivery address");
      }
      if (input.paymentStatus !== undefined) {
        changes.paymentStatus = input.paymentStatus;
        said.push("payment");
      }
      if (said.length > 0) {
        await tx.order.update({ where: { id: order.id }, data: { ...changes, updatedAt: ctx.now } });
        await recordOrderEvent(tx, order.id, "order.corrected", `Corrected the ${said.join(", ")} while resolving "${task.title}".`, inner, { taskId: task.id });
      }
    }

    const updated = await tx.task.updateMany({
      where: { id: task.id, status: task.status },
      data: { status: "DONE", resolution: input.resolution, resolvedAt: ctx.now, resolvedById: actorUserId(ctx.actor), updatedAt: ctx.now },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Someone else closed this task at the same time.", { taskId: task.id });
    await enqueueEvents(tx, [taskChanged({ id: task.id, locationId: task.locationId, status: "DONE" }, "task.done")]);
    if (order) {
      await recordOrderEvent(tx, order.id, "task.resolved", `Task "${task.title}" resolved: ${input.resolution}`, inner, { taskId: task.id, code: task.code });
      if (task.kind === "VALIDATION" && (order.status === "ON_HOLD" || order.status === "PENDING_VALIDATION")) {
        await runValidation(order.id, inner, `task "${task.title}" was resolved`);
      }
    }
    return order?.id ?? null;
  });
  return { taskId: input.taskId, order: orderId ? await getOrder({ orderId }, ctx) : null };
}
