import type { Prisma, Role, TaskKind, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { actorUserId } from "../shared/actor.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { taskChanged } from "./timeline.ts";

export interface NewTask {
  kind: TaskKind;
  code?: string | null;
  title: string;
  instruction: string;
  assigneeRole: Role;
  locationId: string | null;
  orderId: string;
  fulfillmentOrderId?: string | null;
  data?: Record<string, unknown>;
  dueAt?: Date | null;
}

export async function createTask(tx: Tx, task: NewTask, ctx: Pick<DomainContext, "now">) {
  const row = await tx.task.create({
    data: {
      kind: task.kind,
      code: task.code ?? null,
      title: task.title,
      instruction: task.instruction,
      assigneeRole: task.assigneeRole,
      locationId: task.locationId,
      orderId: task.orderId,
      fulfillmentOrderId: task.fulfillmentOrderId ?? null,
      data: (task.data ?? {}) as Prisma.InputJsonValue,
      dueAt: task.dueAt ?? null,
      createdAt: ctx.now,
    },
  });
  await enqueueEvents(tx, [taskChanged(row, "task.created")]);
  return row;
}

/** Closes open tasks matching `where` (DONE or CANCELLED) with a resolution note. */
export async function closeTasks(
  tx: Tx,
  where: Prisma.TaskWhereInput,
  status: "DONE" | "CANCELLED",
  resolution: string,
  ctx: Pick<DomainContext, "now" | "actor">,
): Promise<number> {
  const open = await tx.task.findMany({ where: { ...where, status: { in: ["OPEN", "IN_PROGRESS"] } }, select: { id: true, locationId: true } });
  if (open.length === 0) return 0;
  await tx.task.updateMany({
    where: { id: { in: open.map((t) => t.id) } },
    data: { status, resolution, resolvedAt: ctx.now, resolvedById: actorUserId(ctx.actor), updatedAt: ctx.now },
  });
  await enqueueEvents(tx, open.map((t) => taskChanged({ id: t.id, locationId: t.locationId, status }, `task.${status.toLowerCase()}`)));
  return open.length;
}
