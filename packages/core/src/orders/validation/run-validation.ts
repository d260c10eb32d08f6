import type { DomainContext } from "../../context.ts";
import { enqueueEvents } from "../../shared/outbox.ts";
import { allocateOrder } from "../allocate-order.ts";
import { holdOrder, type HoldReason } from "../hold-order.ts";
import { loadOrder, type OrderWithLines } from "../order-rows.ts";
import { transitionOrder } from "../state-machine.ts";
import { closeTasks } from "../tasks.ts";
import { orderChanged, recordOrderEvent } from "../timeline.ts";
import { validationChecks } from "./checks.ts";
import type { ValidationCheck } from "./types.ts";

/**
 * Pre-processing, in the caller's transaction (`ctx.db` is the transaction): the order
 * becomes PENDING_VALIDATION, every check that applies runs, and the order either goes
 * ON_HOLD with one task per failing check (checks that pass now close their old tasks) or
 * is allocated. Returns the order as it ends up.
 */
export async function runValidation(
  orderId: string,
  ctx: DomainContext,
  reason: string,
  checks: ValidationCheck[] = validationChecks,
): Promise<OrderWithLines> {
  const tx = ctx.db;
  let order = await loadOrder(tx, orderId);
  if (order.status !== "PENDING_VALIDATION") {
    await transitionOrder(tx, order, "PENDING_VALIDATION", ctx);
    await recordOrderEvent(tx, order.id, "order.validating", `Checking the order again: ${reason}.`, ctx);
    await enqueueEvents(tx, [orderChanged(order, "order.validating")]);
  }
  const failures: HoldReason[] = [];
  const passed: string[] = [];
  for (const check of checks) {
    if (!check.appliesTo(order)) {
      passed.push(check.code);
      continue;
    }
    const problem = await check.run(order, ctx);
    if (problem === null) passed.push(check.code);
    else {
      failures.push({
        code: check.code,
        title: check.title,
        instruction: problem.instruction,
        assigneeRole: problem.assigneeRole,
        locationId: problem.locationId ?? null,
        field: problem.field,
        data: problem.data,
      });
    }
  }
  if (passed.length > 0) {
    await closeTasks(tx, { orderId: order.id, kind: "VALIDATION", code: { in: passed } }, "DONE", "The check passes now.", ctx);
  }
  if (failures.length > 0) await holdOrder(tx, order, failures, ctx);
  else await allocateOrder(order, ctx, reason);
  order = await loadOrder(tx, orderId);
  return order;
}
