import type { Prisma, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { taskChanged } from "../orders/index.ts";
import { enqueueEvents } from "../shared/outbox.ts";

/** A GENERAL task for the store manager about the offline till (a shortfall to count, a backlog to sync). */
export async function raiseTask(
  tx: Tx,
  task: { code: string; title: string; instruction: string; locationId: string; orderId?: string | null; data: Record<string, unknown> },
  ctx: Pick<DomainContext, "now">,
) {
  const row = await tx.task.create({
    data: {
      kind: "GENERAL",
      code: task.code,
      title: task.title,
      instruction: task.instruction,
      assigneeRole: "MANAGER",
      locationId: task.locationId,
      orderId: task.orderId ?? null,
      data: task.data as Prisma.InputJsonValue,
      createdAt: ctx.now,
    },
  });
  await enqueueEvents(tx, [taskChanged(row, "task.created")]);
  return row;
}
