import { CompleteDeliveryStopInput, DeliverableOrdersInput, DeliveryRunIdInput, ListDeliveryRunsInput, PlanDeliveryRunInput, type Role } from "@oms/contracts";
import { AppError } from "@oms/contracts";
import { cancelDeliveryRun, completeDeliveryStop, finishDeliveryRun, getDeliveryRun, listDeliverableOrders, listDeliveryRuns, planDeliveryRun, startDeliveryRun } from "@oms/core";
import { domainContext } from "../context.ts";
import { locationRoleProcedure, router } from "../trpc.ts";
import { assertLocation, scopedProcedure, type AuthedContext } from "./guards.ts";

/** Store floor staff plan and drive local deliveries (docs/shipping.md#delivery-runs). */
const floor: readonly Role[] = ["ADMIN", "MANAGER", "ASSOCIATE"];

async function runLocation(ctx: AuthedContext, runId: string): Promise<void> {
  const run = await ctx.db.deliveryRun.findUnique({ where: { id: runId }, select: { locationId: true } });
  if (!run) throw new AppError("NOT_FOUND", "runId: That delivery run does not exist.", { fields: [{ path: ["runId"], message: "No such delivery run" }] });
  await assertLocation(ctx, run.locationId);
}

async function stopLocation(ctx: AuthedContext, stopId: string): Promise<void> {
  const stop = await ctx.db.deliveryStop.findUnique({ where: { id: stopId }, select: { run: { select: { locationId: true } } } });
  if (!stop) throw new AppError("NOT_FOUND", "stopId: That stop does not exist.", { fields: [{ path: ["stopId"], message: "No such stop" }] });
  await assertLocation(ctx, stop.run.locationId);
}

const runScoped = () => scopedProcedure(DeliveryRunIdInput, floor, (ctx, input) => runLocation(ctx, input.runId));

export const deliveryRunsRouter = router({
  /** Runs of the store, those out on the road first. */
  list: locationRoleProcedure(floor).input(ListDeliveryRunsInput).query(({ ctx, input }) => listDeliveryRuns(input, domainContext(ctx))),
  /** Packed DELIVERY orders (and failed deliveries to try again) not on a run. */
  deliverable: locationRoleProcedure(floor).input(DeliverableOrdersInput).query(({ ctx, input }) => listDeliverableOrders(input, domainContext(ctx))),
  get: runScoped().query(({ ctx, input }) => getDeliveryRun(input, domainContext(ctx))),
  plan: locationRoleProcedure(floor).input(PlanDeliveryRunInput).mutation(({ ctx, input }) => planDeliveryRun(input, domainContext(ctx))),
  start: runScoped().mutation(({ ctx, input }) => startDeliveryRun(input, domainContext(ctx))),
  cancel: runScoped().mutation(({ ctx, input }) => cancelDeliveryRun(input, domainContext(ctx))),
  finish: runScoped().mutation(({ ctx, input }) => finishDeliveryRun(input, domainContext(ctx))),
  /** Proof of delivery (recipient's name; the time is the server's) or a failure with its reason. */
  completeStop: scopedProcedure(CompleteDeliveryStopInput, floor, (ctx, input) => stopLocation(ctx, input.stopId)).mutation(({ ctx, input }) => completeDeliveryStop(input, domainContext(ctx))),
});
