import { AppError, DeliveryRunIdInput, type DeliveryRunView } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { loadRunView, lockRun, runStatusLabel } from "./delivery-run-rows.ts";

/** Back at the store: OUT → COMPLETED once every stop is delivered or failed. */
export async function finishDeliveryRun(rawInput: DeliveryRunIdInput, ctx: DomainContext): Promise<DeliveryRunView> {
  const input = parseInput(DeliveryRunIdInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const run = await lockRun(tx, input.runId, ctx);
    if (run.status !== "OUT") throw new AppError("INVALID_TRANSITION", `Run ${run.number} is ${runStatusLabel[run.status]}; only a run that is out can be finished.`, { status: run.status });
    const open = run.stops.filter((s) => s.status === "PENDING");
    if (open.length > 0) {
      throw new AppError("VALIDATION_FAILED", `Mark stop${open.length === 1 ? "" : "s"} ${open.map((s) => s.sequence).join(", ")} delivered or failed before finishing run ${run.number}.`, {
        fields: [{ path: ["runId"], message: `${open.length} stop${open.length === 1 ? "" : "s"} still open` }],
      });
    }
    await tx.deliveryRun.update({ where: { id: run.id }, data: { status: "COMPLETED", completedAt: ctx.now } });
    return loadRunView(tx, run.id);
  });
}

/** A planned run that will not leave: CANCELLED, its orders free for another run. */
export async function cancelDeliveryRun(rawInput: DeliveryRunIdInput, ctx: DomainContext): Promise<DeliveryRunView> {
  const input = parseInput(DeliveryRunIdInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const run = await lockRun(tx, input.runId, ctx);
    if (run.status !== "PLANNED") throw new AppError("INVALID_TRANSITION", `Run ${run.number} is ${runStatusLabel[run.status]}; only a planned run can be cancelled.`, { status: run.status });
    await tx.deliveryStop.updateMany({ where: { runId: run.id, status: "PENDING" }, data: { status: "REMOVED" } });
    await tx.deliveryRun.update({ where: { id: run.id }, data: { status: "CANCELLED", completedAt: ctx.now } });
    return loadRunView(tx, run.id);
  });
}
