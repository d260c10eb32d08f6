import type { Role, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import type { OrderWithLines } from "./order-rows.ts";
import { transitionOrder } from "./state-machine.ts";
import { createTask } from "./tasks.ts";
import { orderChanged, recordOrderEvent } from "./timeline.ts";

export interface HoldReason {
  code: string;
  title: string;
  instruction: string;
  assigneeRole: Role;
  locationId: string | null;
  field?: string;
  data?: Record<string, unknown>;
}

/**
 * Puts the order ON_HOLD with one open VALIDATION task per reason; a reason that already
 * has an open task for this order gets no second one.
 */
export async function holdOrder(tx: Tx, order: OrderWithLines, reasons: HoldReason[], ctx: DomainContext): Promise<void> {
  const open = await tx.task.findMany({
    where: { orderId: order.id, kind: "VALIDATION", status: { in: ["OPEN", "IN_PROGRESS"] } },
    select: { code: true },
  });
  const openCodes = new Set(open.map((t) => t.code));
  for (const reason of reasons) {
    if (openCodes.has(reason.code)) continue;
    await createTask(
      tx,
      {
        kind: "VALIDATION",
        code: reason.code,
        title: `${order.number}: ${reason.title}`,
        instruction: reason.instruction,
        assigneeRole: reason.assigneeRole,
        locationId: reason.locationId,
        orderId: order.id,
        data: { ...(reason.data ?? {}), ...(reason.field ? { field: reason.field } : {}) },
      },
      ctx,
    );
  }
  if (order.status !== "ON_HOLD") await transitionOrder(tx, order, "ON_HOLD", ctx);
  await recordOrderEvent(tx, order.id, "order.on_hold", `On hold: ${reasons.map((r) => r.title.toLowerCase()).join("; ")}.`, ctx, {
    codes: reasons.map((r) => r.code),
  });
  await enqueueEvents(tx, [orderChanged(order, "order.on_hold", reasons[0]?.locationId ?? null)]);
}
